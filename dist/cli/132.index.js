"use strict";
exports.id = 132;
exports.ids = [132,175];
exports.modules = {

/***/ 1132:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C: () => (/* binding */ GITHUB_HELP),
  P3: () => (/* binding */ PLACE_OPTIONS),
  jP: () => (/* binding */ SECRET_OPTIONS),
  Ax: () => (/* binding */ SECRET_SYNOPSIS),
  IK: () => (/* binding */ accessFor),
  Ng: () => (/* binding */ connect),
  Ag: () => (/* binding */ describeAccess),
  $t: () => (/* binding */ placeOf),
  $r: () => (/* binding */ targetOf)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/env.ts
var env = __webpack_require__(8792);
// EXTERNAL MODULE: ./src/core/checks.ts
var checks = __webpack_require__(5950);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/neutral.ts
var neutral = __webpack_require__(8272);
// EXTERNAL MODULE: ./src/core/url.ts
var url = __webpack_require__(38);
// EXTERNAL MODULE: ./src/github/answers.ts
var answers = __webpack_require__(3948);
// EXTERNAL MODULE: ./src/github/api.ts
var github_api = __webpack_require__(8943);
// EXTERNAL MODULE: ./src/github/explain.ts
var explain = __webpack_require__(9576);
// EXTERNAL MODULE: ./src/github/secret-read.ts
var secret_read = __webpack_require__(1764);
// EXTERNAL MODULE: ./src/github/target.ts
var github_target = __webpack_require__(3738);
;// CONCATENATED MODULE: ./src/github/token.ts

/**
 * Refuses a token equal to the environment's GITHUB_TOKEN: a workflow sets that variable to
 * the job's own token (github.token), which GitHub would refuse with a 403 at the first call.
 */
function refuseJobToken(env, token, w) {
    if (env.GITHUB_TOKEN && env.GITHUB_TOKEN === token) {
        throw new errors/* UserError */.yo('OB_GITHUB_ACCESS', `${w.token}: this is the job's own GITHUB_TOKEN, which cannot write secrets; pass ${errors/* PAT_FIX */.Ey} on the secret.`, { details: errors/* GITHUB_TOKEN_CANNOT */.iB });
    }
}

// EXTERNAL MODULE: ./src/cli/verb.ts
var verb = __webpack_require__(5525);
;// CONCATENATED MODULE: ./src/cli/github.ts
// What the verbs that talk to GitHub share: where the secret is (--repo, --environment, --org,
// --secret, --visibility, --repos), the token (GH_TOKEN, GITHUB_TOKEN, `gh auth token`) and the
// API (--api-url, GITHUB_API_URL, api.github.com). All checked before anything is sent.














/** The options that say where secrets are, and which API to ask. */
const PLACE_OPTIONS = {
    repo: { type: 'string' },
    environment: { type: 'string' },
    org: { type: 'string' },
    'api-url': { type: 'string' },
};
/** Those, and the secret itself with who may use it (organisation secrets). */
const SECRET_OPTIONS = {
    ...PLACE_OPTIONS,
    secret: { type: 'string' },
    visibility: { type: 'string' },
    repos: { type: 'string' },
};
/** The synopsis of the target options, for a verb's usage. */
const SECRET_SYNOPSIS = '--repo O/R --secret NAME [--environment E | --org O [--visibility all|private|selected] [--repos a,b]]';
/** The lines of a verb's usage on the token and the API. */
const GITHUB_HELP = [
    '  Token: GH_TOKEN, else GITHUB_TOKEN, else `gh auth token`: a fine-grained PAT (or a GitHub App',
    '  token) with "Secrets: Read and write" (--environment: "Environments"; --org: the organization\'s',
    '  "Secrets"). API: --api-url, else GITHUB_API_URL, else https://api.github.com (GitHub Enterprise',
    '  Server: https://HOST/api/v3).',
];
/** What this CLI's error lines call each setting; the token's name is where it was found. */
const WORDING = {
    name: '--secret',
    place: { repo: '--repo', env: '--environment', org: '--org' },
    network: 'the network',
};
/** A check of the core's whose error is a mistake on the command line. */
function usage(check) {
    try {
        return check();
    }
    catch (err) {
        if (err instanceof errors/* UserError */.yo)
            throw new verb/* UsageError */.eb(err.message);
        throw err;
    }
}
/** Where the secrets are: --org, or --repo with an optional --environment. */
function placeOf(args) {
    const repository = (0,verb/* option */.uK)(args, 'repo');
    const org = (0,verb/* option */.uK)(args, 'org');
    if (repository && org)
        throw new verb/* UsageError */.eb('--repo and --org: give one; an organization secret has no repository.');
    if (!repository && !org)
        throw new verb/* UsageError */.eb('--repo is required (or --org for an organization secret).');
    const environment = (0,verb/* option */.uK)(args, 'environment');
    return usage(() => (0,github_target/* checkPlace */.uD)({ repository: repository ?? '', environment, org }, WORDING));
}
/** The secret and, for an organisation secret, who should be able to use it. */
function targetOf(args) {
    const name = usage(() => (0,github_target/* checkSecretName */.aM)((0,verb/* option */.uK)(args, 'secret', true), WORDING));
    const target = { ...placeOf(args), name };
    const visibility = (0,verb/* option */.uK)(args, 'visibility');
    const repos = (0,verb/* option */.uK)(args, 'repos');
    if (target.kind !== 'org' && (visibility || repos)) {
        throw new verb/* UsageError */.eb(`--${visibility ? 'visibility' : 'repos'} is for an organization secret (--org) only.`);
    }
    const wish = {};
    if (visibility) {
        if (visibility !== 'all' && visibility !== 'private' && visibility !== 'selected') {
            throw new verb/* UsageError */.eb(`--visibility: "${(0,neutral/* neutral */.SY)(visibility, 40)}" is not one of all, private, selected.`);
        }
        if (repos && visibility !== 'selected') {
            throw new verb/* UsageError */.eb(`--repos: only with --visibility selected, not with --visibility ${visibility}.`);
        }
        wish.visibility = visibility;
    }
    if (repos)
        wish.repos = repositoryNames(repos);
    return { target, wish };
}
function repositoryNames(list) {
    const names = list.split(',').map((n) => n.trim());
    for (const n of names) {
        if (!/^[A-Za-z0-9_.-]+$/.test(n)) {
            throw new verb/* UsageError */.eb(`--repos: "${(0,neutral/* neutral */.SY)(n, 60)}" is not a repository name; give names of the organization's, like app,api.`);
        }
    }
    return [...new Set(names)];
}
/** The API to ask and what to call it in an error line. */
function apiOf(args, deps) {
    const given = (0,verb/* option */.uK)(args, 'api-url');
    if (given)
        return { url: usage(() => (0,url/* httpUrl */.q)('--api-url', given)), setting: '--api-url' };
    if (deps.env.GITHUB_API_URL)
        return { url: (0,url/* httpUrl */.q)('GITHUB_API_URL', deps.env.GITHUB_API_URL), setting: 'GITHUB_API_URL' };
    return { url: 'https://api.github.com', setting: '--api-url' };
}
/** The host the GitHub CLI knows an API by: github.com's is its default, GHE.com's drops `api.`. */
function ghHostArgs(apiUrl) {
    const { hostname } = new URL(apiUrl);
    if (hostname === 'api.github.com')
        return [];
    return ['--hostname', /^api\.([^.]+\.ghe\.com)$/.exec(hostname)?.[1] ?? hostname];
}
function onPath(program, deps) {
    const names = deps.platform === 'win32' ? [`${program}.exe`, `${program}.cmd`] : [program];
    for (const dir of (deps.env.PATH ?? '').split(external_node_path_.delimiter).filter(Boolean)) {
        for (const name of names) {
            try {
                (0,external_node_fs_.accessSync)((0,external_node_path_.join)(dir, name), external_node_fs_.constants.X_OK);
                return true;
            }
            catch {
                // not here
            }
        }
    }
    return false;
}
/** The token, and the name of where it was found (which error lines name). */
async function findToken(deps, apiUrl) {
    const found = (token, source) => {
        // Sent as a header: one word of printable characters, or it is not a token.
        if (!(0,checks/* isTokenWord */.un)(token))
            throw new errors/* UserError */.yo('OB_GITHUB_ACCESS', `${source}: does not hold a token; set it to a PAT.`);
        deps.secrets.add(token);
        return { token, source };
    };
    for (const name of ['GH_TOKEN', 'GITHUB_TOKEN']) {
        const token = deps.env[name]?.trim();
        if (token)
            return found(token, name);
    }
    let why = 'gh (the GitHub CLI) is not on PATH.';
    if (onPath('gh', deps)) {
        const args = ['auth', 'token', ...ghHostArgs(apiUrl)];
        const ran = await deps.run('gh', args);
        const token = ran.stdout.trim();
        if (ran.code === 0 && token)
            return found(token, 'gh auth token');
        why = `gh ${args.join(' ')} gave no token (exit ${ran.code}).`;
    }
    throw new errors/* UserError */.yo('OB_GITHUB_ACCESS', 'no GitHub token: set GH_TOKEN or GITHUB_TOKEN to a fine-grained PAT, or log in with gh auth login.', { details: [why, 'The token needs "Secrets: Read and write" on the secret (README: First login).'] });
}
/** A client for the API, with the token found; nothing is sent yet. */
async function connect(args, deps) {
    const api = apiOf(args, deps);
    const { token, source } = await findToken(deps, api.url);
    const wording = { ...WORDING, token: source, apiUrl: api.setting };
    // In a job, GITHUB_TOKEN is the job's own token: one that equals it is refused as the action refuses it.
    if (deps.env.GITHUB_ACTIONS === 'true' && source !== 'GITHUB_TOKEN')
        refuseJobToken(deps.env, token, wording);
    const t = (0,env/* timings */.E)(deps.env);
    const github = {
        fetch: deps.fetch,
        now: deps.now,
        sleep: deps.sleep,
        info: (m) => deps.stderr(m),
        warning: (m) => deps.stderr(`warning: ${m}`),
        retryBaseMs: t.retryBaseMs,
        timeoutMs: t.httpTimeoutMs,
        failFast: true,
    };
    return new github_api/* GitHubApi */.y(api.url, token, github, wording);
}
/**
 * Who may use an organisation secret: as asked, else as it is now, else private. The
 * repositories named are resolved to ids before anything is written.
 */
async function accessFor(api, t, wish) {
    if (t.kind !== 'org')
        return { access: {}, kept: false };
    if (wish.visibility && wish.visibility !== 'selected')
        return { access: { visibility: wish.visibility }, kept: false };
    if (wish.repos) {
        return {
            access: { visibility: 'selected', selectedRepositoryIds: await repositoryIds(api, t, wish.repos) },
            kept: false,
        };
    }
    const now = await (0,secret_read/* existingAccess */.GB)(api, t);
    if (wish.visibility === 'selected' && now?.visibility !== 'selected') {
        throw (0,checks/* missing */.LO)('--repos', `--visibility selected needs the repositories that may use ${t.name}, and it has none` +
            (now ? '' : ' (a new secret)'), 'name them with --repos');
    }
    return now ? { access: now, kept: true } : { access: { visibility: 'private' }, kept: false };
}
async function repositoryIds(api, t, names) {
    const ids = [];
    for (const repo of names) {
        const doing = `read repository ${t.org}/${repo}`;
        let answer;
        try {
            // https://docs.github.com/rest/repos/repos#get-a-repository
            answer = await api.request('GET /repos/{owner}/{repo}', { owner: t.org, repo });
        }
        catch (err) {
            if (err instanceof github_api/* GitHubHttpError */.I && err.status === 404) {
                throw (0,checks/* invalid */.Gq)('--repos', `${t.org}/${repo} was not found`, `check the name, and that ${api.wording.token} can see it`, { cause: err });
            }
            throw (0,explain/* explain */.WE)(err, t, doing, api.wording);
        }
        ids.push((0,answers/* repositoryIdOf */.Bu)(answer.data, doing, api.wording.apiUrl));
    }
    return [...new Set(ids)];
}
/** `visibility private`, or the selected repositories, and whether they were kept. */
function describeAccess(g) {
    const { visibility, selectedRepositoryIds: ids } = g.access;
    if (!visibility)
        return '';
    const n = ids?.length ?? 0;
    const who = visibility === 'selected' ? `selected (${n} ${n === 1 ? 'repository' : 'repositories'})` : visibility;
    return `; visibility ${who}${g.kept ? ', kept as it was' : ''}`;
}


/***/ }),

/***/ 8792:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ timings),
/* harmony export */   i: () => (/* binding */ MIN_ATTEMPT_MS)
/* harmony export */ });
// The process environment as passed in, and the tuning knobs read from it.
/**
 * An attempt at the provider with less time than this before its claim's deadline is not started
 * (src/core/refresh.ts); a lease is never shorter than it (src/store/protocol.ts). A constant beside the
 * lease, here so that the claims' protocol needs nothing of the refresh itself.
 */
const MIN_ATTEMPT_MS = 3_000;
/** Whole milliseconds up to `max`; anything else is the default. */
function knob(v, d, max) {
    return v && /^\d{1,10}$/.test(v) && Number(v) <= max ? Number(v) : d;
}
function timings(env) {
    return {
        // At most a minute: a write's attempt must land well within OLD_COPY_AFTER_MS (src/core/marker.ts).
        httpTimeoutMs: knob(env.OAUTH_BROKER_HTTP_TIMEOUT_MS, 30_000, 60_000),
        retryBaseMs: knob(env.OAUTH_BROKER_RETRY_BASE_MS, 1_000, 60_000),
        // The first wait before reading another job's claim again; it doubles (src/store/claims.ts).
        pollMs: knob(env.OAUTH_BROKER_POLL_MS, 250, 60_000),
        cacheTimeoutMs: knob(env.OAUTH_BROKER_CACHE_TIMEOUT_MS, 60_000, 600_000),
        // A holder's answer must be in before this ends (src/store/protocol.ts): a dead holder costs about a minute.
        // At most an hour, far under the CLI's lease, the longest a claim other jobs read may carry.
        leaseMs: knob(env.OAUTH_BROKER_LEASE_MS, 60_000, 3_600_000),
    };
}


/***/ }),

/***/ 1983:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D$: () => (/* binding */ classifyFetchError),
/* harmony export */   Vs: () => (/* binding */ retryAfterMs),
/* harmony export */   Yf: () => (/* binding */ unsendable),
/* harmony export */   ho: () => (/* binding */ failedWhile)
/* harmony export */ });
/* harmony import */ var node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3053);
/* harmony import */ var node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_0__);
// What a failed fetch tells us about whether the request reached the other side.

/** Codes meaning the connection was never made: the request cannot have been seen. */
const NOT_SENT = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'UND_ERR_CONNECT_TIMEOUT',
]);
/**
 * Node's names for what OpenSSL's certificate verification finds (X509_V_ERR_*), and the hostname
 * check Node adds after it. Only a handshake verifies a certificate, so any of them means the
 * connection never carried a request, whoever raised it.
 */
const CERTIFICATE = new Set([
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_CRL',
    'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
    'UNABLE_TO_DECRYPT_CRL_SIGNATURE',
    'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
    'CERT_SIGNATURE_FAILURE',
    'CRL_SIGNATURE_FAILURE',
    'CERT_NOT_YET_VALID',
    'CERT_HAS_EXPIRED',
    'CRL_NOT_YET_VALID',
    'CRL_HAS_EXPIRED',
    'ERROR_IN_CERT_NOT_BEFORE_FIELD',
    'ERROR_IN_CERT_NOT_AFTER_FIELD',
    'ERROR_IN_CRL_LAST_UPDATE_FIELD',
    'ERROR_IN_CRL_NEXT_UPDATE_FIELD',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'CERT_CHAIN_TOO_LONG',
    'CERT_REVOKED',
    'INVALID_CA',
    'PATH_LENGTH_EXCEEDED',
    'INVALID_PURPOSE',
    'CERT_UNTRUSTED',
    'CERT_REJECTED',
    'HOSTNAME_MISMATCH',
    'ERR_TLS_CERT_ALTNAME_INVALID',
]);
/** A certificate the runner trusts, for another host. */
const WRONG_NAME = new Set(['HOSTNAME_MISMATCH', 'ERR_TLS_CERT_ALTNAME_INVALID']);
/** TLS codes that also occur on an open connection (a bad record): a handshake failure only while connecting. */
const isTlsProtocol = (code) => code === 'EPROTO' || code.startsWith('ERR_SSL_');
/**
 * Where errors struck, as the clients say. While connecting (DNS, TCP, the proxy's tunnel, the TLS
 * handshake): undici (Node's own fetch and the bundled one behind the proxy alike) publishes each such
 * error on this channel, then fails the requests that were waiting for that connection with the very
 * same error; src/core/transport.ts names its own, and also those met once connected. A request waiting
 * for its connection has not been written. So such an error proves the request never left, by what
 * happened rather than by its code: an ECONNRESET in a handshake is not sent, one after the request was
 * written may have arrived, whatever its code. Weak: only errors still referenced are kept.
 */
const stages = new WeakMap();
(0,node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_0__.subscribe)('undici:client:connectError', (message) => failedWhile('connecting', message?.error));
/** Where a client's error struck: while connecting (nothing was sent) or once connected (it may have arrived). */
function failedWhile(stage, error) {
    if (error && typeof error === 'object')
        stages.set(error, stage);
}
/** Where the error or one of its causes struck, when a client said. */
function stageOf(err) {
    for (const e of causes(err)) {
        const stage = stages.get(e);
        if (stage)
            return stage;
    }
    return undefined;
}
/** The error and the first few of its causes: fetch wraps what the socket or proxy said. */
function* causes(err) {
    for (let e = err, i = 0; i < 4 && e && typeof e === 'object'; i++, e = e.cause) {
        yield e;
    }
}
function causeCodes(err) {
    const codes = [];
    for (const e of causes(err))
        if (typeof e.code === 'string')
            codes.push(e.code);
    return codes;
}
// undici's ProxyAgent when the proxy answers CONNECT with anything but 200: no tunnel, nothing sent.
const TUNNEL_REFUSED = /^Proxy response \((\d{3})\) !== 200 when HTTP Tunneling$/;
function tunnelRefused(err) {
    for (const e of causes(err)) {
        const m = TUNNEL_REFUSED.exec(String(e.message));
        if (m)
            return m[1];
    }
    return undefined;
}
/** Why fetch would refuse `url` without connecting, or undefined: checked before a token is put in a request. */
function unsendable(url) {
    let u;
    try {
        u = new URL(url);
    }
    catch {
        return 'the URL does not parse';
    }
    if (u.username || u.password)
        return 'the URL holds a user name or password';
    if (u.protocol !== 'https:' && u.protocol !== 'http:')
        return 'the URL is not http(s)';
    return undefined;
}
/**
 * The network errors undici's fetch makes before it dispatches anything, by their exact text (they
 * carry no code). Some also follow a redirect, after a request was sent; no fetch of the broker
 * follows one (`redirect: 'error'` or `'manual'`), so here they concern the URL asked for.
 */
const FETCH_REFUSED = {
    'bad port': "the URL's port is one fetch never connects to",
    'unknown scheme': 'the URL is not http(s)',
    'URL scheme must be a HTTP(S) scheme': 'the URL is not http(s)',
    'not implemented... yet...': 'the URL is not http(s)',
};
/** Fetch refused the request before dispatching it: why, or undefined. Never quotes the error (it may hold the URL). */
function refusedByFetch(err) {
    const top = err;
    if (!top || typeof top !== 'object')
        return undefined;
    // The Request constructor's own TypeError; its message quotes the URL, password included.
    const withCredentials = /^Request cannot be constructed from a URL that includes credentials/;
    if (top.name === 'TypeError' && withCredentials.test(`${top.message}`))
        return 'the URL holds a user name or password';
    // A URL that does not parse: fetch's "Failed to parse URL", or the proxy routing's own new URL().
    if (causeCodes(err).includes('ERR_INVALID_URL'))
        return 'the URL does not parse';
    if (top.name === 'TypeError' && top.message === 'fetch failed') {
        const inner = top.cause ?? {};
        if (inner.code === undefined && typeof inner.message === 'string' && Object.hasOwn(FETCH_REFUSED, inner.message))
            return FETCH_REFUSED[inner.message];
    }
    return undefined;
}
/** What went wrong while connecting, the connection surely unmade; `codes` are the error's and its causes'. */
function connectFailure(codes, err) {
    const refused = tunnelRefused(err);
    if (refused)
        return { notSent: true, reason: `the proxy refused the connection (HTTP ${refused})` };
    const tls = codes.find((c) => CERTIFICATE.has(c) || isTlsProtocol(c));
    if (tls) {
        const lasting = isTlsProtocol(tls) ? 'handshake' : WRONG_NAME.has(tls) ? 'name' : 'certificate';
        return { notSent: true, reason: `TLS handshake failed (${tls})`, lasting };
    }
    const code = codes[0];
    if (code === 'ECONNREFUSED')
        return { notSent: true, reason: 'connection refused' };
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
        return { notSent: true, reason: `cannot connect (${code})`, unresolved: code };
    if (code && NOT_SENT.has(code))
        return { notSent: true, reason: `cannot connect (${code})` };
    return { notSent: true, reason: code ? `connection lost while connecting (${code})` : 'could not connect' };
}
function classifyFetchError(err, timeoutMs) {
    const refused = refusedByFetch(err);
    if (refused)
        return { notSent: true, reason: `refused before sending (${refused})`, lasting: 'url' };
    const name = err?.name;
    if (name === 'TimeoutError' || name === 'AbortError')
        return { notSent: false, reason: `no answer within ${Math.round(timeoutMs / 1000)}s` };
    const codes = causeCodes(err);
    const code = codes[0];
    // Known to have happened while connecting; else, unless known to have happened once connected, the
    // codes only a connection not yet made can have.
    const stage = stageOf(err);
    if (stage === 'connecting' && [...causes(err)].some((e) => e.name === 'TimeoutError')) {
        return { notSent: true, reason: `could not connect within ${Math.round(timeoutMs / 1000)}s` };
    }
    if (stage === 'connecting' || tunnelRefused(err))
        return connectFailure(codes, err);
    if (stage !== 'connected' && (codes.some((c) => CERTIFICATE.has(c)) || (code && NOT_SENT.has(code))))
        return connectFailure(codes, err);
    if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE')
        return { notSent: false, reason: 'connection dropped before the answer arrived' };
    return { notSent: false, reason: code ? `network error (${code})` : 'network error' };
}
/** `retry-after` in seconds or as an HTTP date → ms, or undefined. */
function retryAfterMs(v, now) {
    if (!v)
        return undefined;
    if (/^\d+$/.test(v.trim()))
        return Number(v) * 1000;
    const at = Date.parse(v);
    return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}


/***/ }),

/***/ 38:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ isLoopbackHost),
/* harmony export */   q: () => (/* binding */ httpUrl)
/* harmony export */ });
/* harmony import */ var _checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5950);
// The URLs a credential is sent to (a token endpoint, GitHub's API), checked before any is used.

/** The names of this machine's loopback interface, as a URL's hostname spells them. */
const isLoopbackHost = (hostname) => ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
/** A URL as error lines quote it: never with the user name or password it may hold. */
function quoted(value) {
    const url = URL.canParse(value) ? new URL(value) : undefined;
    let shown = url ? value : value.replace(/^[^@]*@/, '***@');
    if (url && (url.username || url.password)) {
        [url.username, url.password] = ['***', ''];
        shown = url.href;
    }
    return (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(shown);
}
/** `value` as a URL a token may be sent to: https, or plain http to this machine only. */
function httpUrl(input, value) {
    const q = quoted(value);
    let url;
    try {
        url = new URL(value);
    }
    catch (err) {
        throw (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(input, `${q} is not a URL`, undefined, { cause: err });
    }
    // fetch refuses to send such a URL; and what is in it would be printed wherever the URL is.
    if (url.username || url.password)
        throw (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(input, `${q} holds a user name or password`, 'remove it');
    // Plain http only to this machine: a token must never cross a network in clear.
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
        throw (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(input, `${q} must be an https URL`);
    }
    return value.replace(/\/+$/, '');
}


/***/ }),

/***/ 3948:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bu: () => (/* binding */ repositoryIdOf),
/* harmony export */   Nk: () => (/* binding */ metadataOf),
/* harmony export */   Qm: () => (/* binding */ malformed),
/* harmony export */   jA: () => (/* binding */ repositoryPageOf),
/* harmony export */   kc: () => (/* binding */ publicKeyOf)
/* harmony export */ });
/* harmony import */ var _core_checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5950);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _seal_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7286);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3738);
// GitHub's answers, checked before they are trusted: an answer of another shape is one
// line naming the API URL setting, never a TypeError halfway through a write-back.




/** An answer that is not what GitHub sends: most likely the API URL (`apiUrl` names its setting) points elsewhere. */
function malformed(doing, what, apiUrl = _target_js__WEBPACK_IMPORTED_MODULE_3__/* .ACTION_WORDING */ .Ge.apiUrl) {
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('OB_GITHUB', `${apiUrl}: could not ${doing}: ${what}; check that ${apiUrl} is GitHub's API.`, {
        details: "GitHub's API is https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server.",
    });
}
/** A key id and a 32-byte key, checked before a refresh rather than at the write. */
function publicKeyOf(data, doing, apiUrl) {
    if (!(0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(data) || typeof data.key_id !== 'string' || !data.key_id || typeof data.key !== 'string') {
        throw malformed(doing, 'the answer has no key_id and key', apiUrl);
    }
    if (!(0,_seal_js__WEBPACK_IMPORTED_MODULE_2__/* .checkPublicKey */ .$z)(data.key))
        throw malformed(doing, 'the key is not a 32-byte base64 public key', apiUrl);
    return { key_id: data.key_id, key: data.key };
}
function metadataOf(data, doing, apiUrl) {
    if (!(0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(data) || typeof data.updated_at !== 'string' || !Number.isFinite(Date.parse(data.updated_at))) {
        throw malformed(doing, 'the answer has no updated_at', apiUrl);
    }
    const { visibility } = data;
    if (visibility !== undefined && visibility !== 'all' && visibility !== 'private' && visibility !== 'selected') {
        throw malformed(doing, 'the answer has an unknown visibility', apiUrl);
    }
    const meta = { updated_at: data.updated_at };
    if (typeof data.created_at === 'string')
        meta.created_at = data.created_at;
    if (visibility !== undefined)
        meta.visibility = visibility;
    return meta;
}
/** One page of an organisation secret's repositories; `total` when GitHub states it. */
function repositoryPageOf(data, doing, apiUrl) {
    const repos = (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(data) && Array.isArray(data.repositories) ? data.repositories : undefined;
    if (!repos?.every((r) => (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(r) && Number.isSafeInteger(r.id))) {
        throw malformed(doing, 'the answer has no list of repositories', apiUrl);
    }
    const ids = repos.map((r) => r.id);
    const total = data.total_count;
    return Number.isSafeInteger(total) ? { ids, total: total } : { ids };
}
/** A repository's id, which an organisation secret's selected repositories are given by. */
function repositoryIdOf(data, doing, apiUrl) {
    if (!(0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(data) || !Number.isSafeInteger(data.id))
        throw malformed(doing, 'the answer has no id', apiUrl);
    return data.id;
}


/***/ }),

/***/ 8943:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ GitHubHttpError),
/* harmony export */   y: () => (/* binding */ GitHubApi)
/* harmony export */ });
/* harmony import */ var _octokit_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4629);
/* harmony import */ var _core_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1983);
/* harmony import */ var _core_neutral_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8272);
/* harmony import */ var _core_version_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3323);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3738);
// src/github: GitHub's REST API and nothing else: the Octokit client and its retry rules (this file),
// secrets and their sealed box, variables, issues, workflows, what GitHub's answers and errors mean.
// It knows nothing of claims or steps. May import: core.
//
// GitHub's REST API through Octokit's core, routes typed from GitHub's OpenAPI description, with the
// broker's own retry rules as a request hook: the stock retry plugin ignores `retry-after` on 429, and
// the throttling plugin acts only on GitHub's own rate-limit messages; the write-back must honour both
// exactly. Not @actions/github: its Octokit carries a method for every endpoint GitHub has (96 KB of
// table, built at load) and two proxy agents it replaces anyway, 10 ms of a refresh (npm run bench).





/**
 * An answer that is not GitHub's success (after retries): an error status, a redirect or an
 * unexpected 2xx; or no answer at all (`status` 0).
 */
class GitHubHttpError extends Error {
    status;
    githubMessage;
    ambiguous;
    name = 'GitHubHttpError';
    constructor(status, 
    /** GitHub's `message`, or the network failure; never a secret. */
    githubMessage, 
    /** GitHub may have acted on the request although no success answer arrived (5xx, lost answer). */
    ambiguous = false, options) {
        super(`HTTP ${status}: ${githubMessage}`, options);
        this.status = status;
        this.githubMessage = githubMessage;
        this.ambiguous = ambiguous;
        this.foreign = options?.foreign ?? false;
    }
    /** An error answer without GitHub's JSON `message`: the server is most likely not GitHub's API. */
    foreign;
}
/** The REST API version the broker is built and tested against. */
const API_VERSION = '2022-11-28';
const MAX_ATTEMPTS = 5;
// What GitHub answers on success: 200 to a read; 201 (created) or 204 (updated) to a write; 204 to a delete;
// 201 to a create (an issue, a comment, a variable).
// 200 to an edit of an issue, 204 to an edit of a variable.
const SUCCESS = {
    GET: [200],
    PUT: [201, 204],
    DELETE: [204],
    POST: [201],
    PATCH: [200, 204],
};
const MAX_WAIT_MS = 120_000;
const EXPIRY_WARNING_MS = 7 * 86_400_000;
class GitHubApi {
    baseUrl;
    deps;
    wording;
    /** Octokit's request, typed by route (`'GET /repos/{owner}/{repo}'`); every call goes through the retry hook. */
    request;
    warnedExpiry = false;
    /** GitHub's clock as its last `Date` header told it, and when that answer arrived (monotonic). */
    clock;
    monotonic;
    host;
    constructor(baseUrl, token, deps, 
    /** What the caller's error lines call the token, the API URL and where the secret is. */
    wording = _target_js__WEBPACK_IMPORTED_MODULE_1__/* .ACTION_WORDING */ .Ge) {
        this.baseUrl = baseUrl;
        this.deps = deps;
        this.wording = wording;
        // Octokit sends requests without one; every caller checks its token first, so none here is a wiring bug.
        if (!token)
            throw new Error('GitHubApi needs a token');
        const octokit = new _octokit_core__WEBPACK_IMPORTED_MODULE_2__/* .Octokit */ .E({
            auth: token,
            baseUrl: baseUrl.replace(/\/+$/, ''),
            userAgent: userAgent(_core_version_js__WEBPACK_IMPORTED_MODULE_3__/* .USER_AGENT */ ._, process.env.ACTIONS_ORCHESTRATION_ID),
            // Never followed: the token would go along to wherever it points.
            // The timeout is set on each fetch: Octokit's auth hook drops a signal given in the options.
            request: { fetch: timed(deps, (res) => this.readClock(res)), redirect: 'manual' },
            log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
        });
        octokit.hook.wrap('request', (request, options) => this.retrying(request, options));
        this.request = octokit.request;
        this.monotonic = deps.monotonic ?? (() => performance.now());
        this.host = URL.canParse(baseUrl) ? new URL(baseUrl).host : baseUrl;
    }
    /**
     * What time it is at GitHub, epoch ms: its last `Date` header plus the time passed since, on this
     * machine's monotonic clock; undefined before any answer. Never the runner's wall clock, which may
     * be off by any amount. `Date` counts whole seconds, so this may be up to a second behind.
     */
    githubNow() {
        return this.clock && this.clock.github + (this.monotonic() - this.clock.at);
    }
    /**
     * GitHub's clock from an answer's headers, as they arrive (a slow body does not age it), from GitHub's
     * own answers (a request id): a proxy's or a load balancer's error page has a clock of its own. A success
     * without one (a proxy that drops the header) serves until GitHub's own answer comes.
     */
    readClock(res) {
        const date = Date.parse(res.headers.get('date') ?? '');
        const own = res.headers.has('x-github-request-id');
        if (Number.isFinite(date) && (own || (res.ok && !this.clock?.own)))
            this.clock = { github: date, at: this.monotonic(), own };
    }
    /** The clock the client runs on, for what it stamps. */
    now() {
        return this.deps.now();
    }
    /** Sends the request, retrying 5xx, 429, rate limits and network errors with backoff. */
    async retrying(request, options) {
        const method = options.method;
        // Octokit takes no default headers from its options: the pin is set on every request here.
        options.headers = {
            ...options.headers,
            accept: 'application/vnd.github+json',
            'x-github-api-version': API_VERSION,
        };
        const { once, again } = (options.request ?? {});
        for (let attempt = 1;; attempt++) {
            if (again && attempt > 1)
                Object.assign(options, await again());
            let failure;
            let headers;
            let final;
            let path = options.url;
            try {
                const res = await request(options);
                this.checkExpiry(res.headers);
                if (SUCCESS[method]?.includes(res.status)) {
                    // Octokit hands over a body it could not parse as JSON as text (or bytes).
                    if (method === 'GET' && (typeof res.data === 'string' || res.data instanceof ArrayBuffer)) {
                        throw new GitHubHttpError(res.status, 'the answer is not JSON');
                    }
                    return res;
                }
                const what = res.status >= 300 ? 'a redirect, which is not followed' : `not GitHub's answer to a ${method}`;
                throw new GitHubHttpError(res.status, what);
            }
            catch (err) {
                if (err instanceof GitHubHttpError)
                    throw err;
                ({ failure, headers, final } = this.failureOf(err));
                // The expanded URL of the request Octokit sent, not the route template.
                const sent = err.request?.url;
                if (sent)
                    path = new URL(sent).pathname;
            }
            const wait = this.retryDelay(failure.status, headers, attempt);
            if (wait === undefined || final || attempt >= MAX_ATTEMPTS || (once && failure.ambiguous))
                throw failure;
            const what = failure.status ? `HTTP ${failure.status}` : failure.githubMessage;
            const next = `retrying in ${Math.ceil(wait / 1000)}s (attempt ${attempt + 1} of ${MAX_ATTEMPTS})`;
            this.deps.info(`GitHub API ${method} ${path}: ${what}; ${next}`);
            await this.deps.sleep(wait);
        }
    }
    /** An answer GitHub gave (Octokit's RequestError with a response), or none at all. */
    failureOf(err) {
        const response = err.response;
        if (response) {
            this.checkExpiry(response.headers);
            const foreign = typeof response.data?.message !== 'string';
            const failure = new GitHubHttpError(response.status, messageOf(response.data), response.status >= 500, {
                cause: err,
                foreign,
            });
            return { failure, headers: response.headers };
        }
        // Octokit wraps what fetch threw as `cause`; a timeout arrives as fetch's own error.
        const thrown = err.cause ?? err;
        const f = (0,_core_http_js__WEBPACK_IMPORTED_MODULE_0__/* .classifyFetchError */ .D$)(thrown, this.deps.timeoutMs);
        if (this.deps.failFast && f.unresolved) {
            const reason = `the host ${(0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_4__/* .neutral */ .SY)(this.host, 80)} was not found (${f.unresolved})`;
            return { failure: new GitHubHttpError(0, reason, false, { cause: err }), final: true };
        }
        if (this.deps.failFast && f.lasting)
            return { failure: new GitHubHttpError(0, f.reason, false, { cause: err }), final: true };
        return { failure: new GitHubHttpError(0, f.reason, !f.notSent, { cause: err }) };
    }
    /** How long to wait before the next attempt, or undefined when retrying cannot help. */
    retryDelay(status, headers, attempt) {
        const backoff = this.deps.retryBaseMs * 2 ** (attempt - 1);
        if (status === 0 || status >= 500)
            return backoff;
        if (status !== 403 && status !== 429)
            return undefined;
        const after = headers && (0,_core_http_js__WEBPACK_IMPORTED_MODULE_0__/* .retryAfterMs */ .Vs)(header(headers, 'retry-after'), this.deps.now());
        if (after !== undefined)
            return after <= MAX_WAIT_MS ? after : undefined;
        if (headers && header(headers, 'x-ratelimit-remaining') === '0') {
            const reset = Number(header(headers, 'x-ratelimit-reset')) * 1000 - this.deps.now();
            return reset <= MAX_WAIT_MS ? Math.max(reset, 1000) : undefined;
        }
        // A 429 without a hint is a secondary rate limit: GitHub asks for at least a minute.
        return status === 429 ? Math.max(backoff, 60_000) : undefined;
    }
    checkExpiry(headers) {
        const v = header(headers, 'github-authentication-token-expiration');
        if (!v || this.warnedExpiry)
            return;
        const at = Date.parse(v.replace(' UTC', 'Z').replace(' ', 'T'));
        if (Number.isFinite(at) && at - this.deps.now() < EXPIRY_WARNING_MS) {
            this.warnedExpiry = true;
            this.deps.warning(`${this.wording.token} expires on ${(0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_4__/* .neutral */ .SY)(v, 40)}; renew it before then, ` +
                'or writing the secret will fail.');
        }
    }
}
/** The runner's orchestration id beside the broker's name, as @actions/github adds it: GitHub ties calls to the job. */
function userAgent(broker, orchestrationId) {
    const id = orchestrationId?.trim();
    return id ? `${broker} actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}` : broker;
}
/** Each attempt gets the whole timeout, answer body included; `heard` sees each answer as its headers arrive. */
function timed(deps, heard) {
    return async (input, init) => {
        const res = await deps.fetch(input, { ...init, signal: AbortSignal.timeout(deps.timeoutMs) });
        heard(res);
        return res;
    };
}
function header(headers, name) {
    const v = headers[name];
    return v === undefined ? undefined : String(v);
}
/** GitHub's `message`, neutralised; Octokit parses JSON bodies and leaves others as text. */
function messageOf(data) {
    const m = data?.message;
    return typeof m === 'string' ? (0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_4__/* .neutral */ .SY)(m) : 'no message';
}


/***/ }),

/***/ 9576:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EK: () => (/* binding */ permission),
/* harmony export */   WE: () => (/* binding */ explain),
/* harmony export */   _M: () => (/* binding */ where),
/* harmony export */   tm: () => (/* binding */ permissionName)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_neutral_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8272);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8943);
/* harmony import */ var _answers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3948);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3738);
// GitHub's refusals, explained: the error line names the setting that is wrong (as the caller's
// wording calls it), what happened and the fix; where and GitHub's whole message follow it.





function where(t) {
    if (t.kind === 'repo')
        return `repository ${t.owner}/${t.repo}`;
    if (t.kind === 'env')
        return `environment ${t.environment} of ${t.owner}/${t.repo}`;
    return `organization ${t.org}`;
}
/** The fine-grained permission a write there needs: an environment's are under Environments. */
function permissionName(t, r) {
    if (t.kind === 'env')
        return 'Environments';
    return r === 'secrets' ? 'Secrets' : 'Variables';
}
/** The permission, in as few words as the error line can take. */
function permissionShort(t, r = 'secrets') {
    return `${t.kind === 'org' ? 'organization ' : ''}"${permissionName(t, r)}: Read and write"`;
}
function permission(t, r = 'secrets') {
    return `${t.kind === 'org' ? 'organization' : 'repository'} permission "${permissionName(t, r)}: Read and write"`;
}
// The error line quotes at most this much of GitHub's message; the lines after it, the whole.
const QUOTED_CHARS = 60;
/**
 * Turns a GitHub failure into an error line naming the setting (as `w` calls it), what happened
 * and the fix, with where the secret is and GitHub's whole message in the lines after it.
 */
function explain(err, t, doing, w = _target_js__WEBPACK_IMPORTED_MODULE_3__/* .ACTION_WORDING */ .Ge, r = 'secrets') {
    if (!(err instanceof _api_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubHttpError */ .I))
        return err;
    if (err.status >= 200 && err.status < 400)
        return (0,_answers_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(doing, `${err.githubMessage} (HTTP ${err.status})`, w.apiUrl);
    // GitHub answers every refusal with its JSON `message`: an answer without one is another server's.
    if (err.foreign && err.status >= 400 && err.status < 500)
        return (0,_answers_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(doing, `the answer (HTTP ${err.status}) is not GitHub's`, w.apiUrl);
    const message = (0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_4__/* .neutral */ .SY)(err.githubMessage, QUOTED_CHARS);
    const answered = err.status ? `GitHub answered ${err.status}` : 'GitHub could not be reached';
    const said = `${answered}${err.status ? ' ' : ': '}${message}`;
    const fail = (input, fix, more = [], code = 'OB_GITHUB_ACCESS') => {
        const full = `${input}: could not ${doing}: ${said}; ${fix}.`;
        const quoted = full.length <= _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_ERROR_LINE */ .lb;
        const label = err.status ? "GitHub's message" : 'Why';
        const whole = quoted && message === err.githubMessage ? [] : [`${label}: ${err.githubMessage}`];
        const secret = 'name' in t ? [`The secret: ${(0,_target_js__WEBPACK_IMPORTED_MODULE_3__/* .describeTarget */ .ff)(t)}.`] : [];
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(code, quoted ? full : `${input}: could not ${doing}: ${answered}; ${fix}.`, {
            cause: err,
            details: [...secret, ...whole, ...more],
        });
    };
    switch (err.status) {
        case 0:
            return fail(w.apiUrl, `check ${w.apiUrl} and ${w.network}`, [], 'OB_GITHUB');
        case 401:
            return fail(w.token, 'the token is invalid or expired; create a new one', [
                `It needs the ${permission(t, r)} on ${where(t)}.`,
            ]);
        case 403:
            if (/by integration/i.test(err.githubMessage)) {
                return fail(w.token, "use a fine-grained PAT, not the job's GITHUB_TOKEN", [
                    _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GITHUB_TOKEN_CANNOT */ .iB,
                    `The permission needed: the ${permission(t, r)} on ${where(t)}.`,
                ]);
            }
            return fail(w.token, `give it the permission ${permissionShort(t, r)}`, [
                `It needs the ${permission(t, r)} on ${where(t)}.`,
            ]);
        case 404:
            return fail(w.place[t.kind], `check the name, and that ${w.token} has access to it`);
        default:
            return fail(w.apiUrl, 'run again later', [`If this persists, check that ${w.apiUrl} is GitHub's API.`], 'OB_GITHUB');
    }
}


/***/ }),

/***/ 5072:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ readPublicKey)
/* harmony export */ });
/* harmony import */ var _answers_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3948);
/* harmony import */ var _explain_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9576);
/* harmony import */ var _secret_endpoints_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9404);



/** The public key the secrets of that place are sealed with. */
async function readPublicKey(api, p) {
    const doing = `read the public key of ${(0,_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .where */ ._M)(p)}`;
    const answer = await (0,_secret_endpoints_js__WEBPACK_IMPORTED_MODULE_2__/* .sendExplained */ .j)(api, p, doing, () => (0,_secret_endpoints_js__WEBPACK_IMPORTED_MODULE_2__/* .secretEndpoints */ .B)(api, p).publicKey());
    return (0,_answers_js__WEBPACK_IMPORTED_MODULE_0__/* .publicKeyOf */ .kc)(answer.data, doing, api.wording.apiUrl);
}


/***/ }),

/***/ 7286:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $z: () => (/* binding */ checkPublicKey),
/* harmony export */   oH: () => (/* binding */ sealForGitHub)
/* harmony export */ });
/* unused harmony export sodium */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
// libsodium's sealed box, as GitHub documents for secrets. Loaded on first use only:
// the stored-token path never pays for the WebAssembly module.

const PUBLIC_KEY_BYTES = 32;
/** The key's bytes when it is strict standard base64 of a 32-byte key (Buffer alone would skip bad characters). */
function keyBytes(publicKeyBase64) {
    if (publicKeyBase64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(publicKeyBase64))
        return undefined;
    const key = new Uint8Array(Buffer.from(publicKeyBase64, 'base64'));
    return key.length === PUBLIC_KEY_BYTES ? key : undefined;
}
/** Whether GitHub's answer holds a key that can seal: checked before a refresh, not at the write. */
function checkPublicKey(publicKeyBase64) {
    return keyBytes(publicKeyBase64) !== undefined;
}
let loading;
/**
 * libsodium, ready; the first call starts loading it. Its loader compiles the WebAssembly with the
 * asynchronous `WebAssembly.instantiate`, whose background compile left the refresh path idle for about
 * 100 ms on two cores busy loading the GitHub client (npm run bench). So while libsodium loads,
 * instantiating from bytes compiles on the main thread: the same module, without the wait.
 */
function sodium() {
    loading ??= (async () => {
        const wasm = globalThis.WebAssembly;
        const instantiate = wasm.instantiate;
        wasm.instantiate = async (source, imports, ...options) => {
            // A compiled module (from any realm) is instantiated as before; only bytes are compiled here.
            if (Object.prototype.toString.call(source) === '[object WebAssembly.Module]') {
                return instantiate.call(wasm, source, imports, ...options);
            }
            const module = new wasm.Module(source, ...options);
            return { module, instance: new wasm.Instance(module, imports) };
        };
        try {
            const { default: s } = await __webpack_require__.e(/* import() */ 768).then(__webpack_require__.bind(__webpack_require__, 4768));
            await s.ready;
            return s;
        }
        finally {
            wasm.instantiate = instantiate;
        }
    })();
    return loading;
}
async function sealForGitHub(plaintext, publicKeyBase64) {
    const key = keyBytes(publicKeyBase64);
    if (!key)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('OB_GITHUB', 'GitHub returned a public key that is not a 32-byte base64 key; check github-api-url.');
    const s = await sodium();
    const sealed = s.crypto_box_seal(s.from_string(plaintext), key);
    return s.to_base64(sealed, s.base64_variants.ORIGINAL);
}


/***/ }),

/***/ 9404:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ secretEndpoints),
/* harmony export */   j: () => (/* binding */ sendExplained)
/* harmony export */ });
/* harmony import */ var _explain_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9576);

function secretEndpoints(api, t) {
    const send = api.request;
    const none = () => {
        throw new Error('only organisation secrets have selected repositories');
    };
    if (t.kind === 'repo') {
        const at = { owner: t.owner, repo: t.repo };
        return {
            // https://docs.github.com/rest/actions/secrets#get-a-repository-public-key
            publicKey: () => send('GET /repos/{owner}/{repo}/actions/secrets/public-key', at),
            // https://docs.github.com/rest/actions/secrets#get-a-repository-secret
            get: (name) => send('GET /repos/{owner}/{repo}/actions/secrets/{secret_name}', { ...at, secret_name: name }),
            // https://docs.github.com/rest/actions/secrets#create-or-update-a-repository-secret
            put: (name, sealed, _, again) => send('PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}', {
                ...at,
                secret_name: name,
                ...sealed,
                request: { again },
            }),
            // https://docs.github.com/rest/actions/secrets#delete-a-repository-secret
            remove: (name) => send('DELETE /repos/{owner}/{repo}/actions/secrets/{secret_name}', { ...at, secret_name: name }),
            // https://docs.github.com/rest/actions/secrets#list-repository-secrets
            list: (page) => send('GET /repos/{owner}/{repo}/actions/secrets', { ...at, per_page: 100, page }),
            selectedRepositories: none,
        };
    }
    if (t.kind === 'env') {
        const at = { owner: t.owner, repo: t.repo, environment_name: t.environment };
        return {
            // https://docs.github.com/rest/actions/secrets#get-an-environment-public-key
            publicKey: () => send('GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key', at),
            // https://docs.github.com/rest/actions/secrets#get-an-environment-secret
            get: (name) => send('GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}', {
                ...at,
                secret_name: name,
            }),
            // https://docs.github.com/rest/actions/secrets#create-or-update-an-environment-secret
            put: (name, sealed, _, again) => send('PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}', {
                ...at,
                secret_name: name,
                ...sealed,
                request: { again },
            }),
            // https://docs.github.com/rest/actions/secrets#delete-an-environment-secret
            remove: (name) => send('DELETE /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}', {
                ...at,
                secret_name: name,
            }),
            // https://docs.github.com/rest/actions/secrets#list-environment-secrets
            list: (page) => send('GET /repos/{owner}/{repo}/environments/{environment_name}/secrets', { ...at, per_page: 100, page }),
            selectedRepositories: none,
        };
    }
    const org = t.org;
    return {
        // https://docs.github.com/rest/actions/secrets#get-an-organization-public-key
        publicKey: () => send('GET /orgs/{org}/actions/secrets/public-key', { org }),
        // https://docs.github.com/rest/actions/secrets#get-an-organization-secret
        get: (name) => send('GET /orgs/{org}/actions/secrets/{secret_name}', { org, secret_name: name }),
        // https://docs.github.com/rest/actions/secrets#create-or-update-an-organization-secret
        put: (name, sealed, access, again) => send('PUT /orgs/{org}/actions/secrets/{secret_name}', {
            org,
            secret_name: name,
            ...sealed,
            request: { again },
            visibility: access.visibility ?? 'private',
            ...(access.visibility === 'selected' ? { selected_repository_ids: access.selectedRepositoryIds ?? [] } : {}),
        }),
        // https://docs.github.com/rest/actions/secrets#delete-an-organization-secret
        remove: (name) => send('DELETE /orgs/{org}/actions/secrets/{secret_name}', { org, secret_name: name }),
        // https://docs.github.com/rest/actions/secrets#list-organization-secrets
        list: (page) => send('GET /orgs/{org}/actions/secrets', { org, per_page: 100, page }),
        // https://docs.github.com/rest/actions/secrets#list-selected-repositories-for-an-organization-secret
        selectedRepositories: (name, page) => send('GET /orgs/{org}/actions/secrets/{secret_name}/repositories', {
            org,
            secret_name: name,
            per_page: 100,
            page,
        }),
    };
}
/** Sends a request, GitHub's refusal explained as `doing` failing. */
async function sendExplained(api, t, doing, send) {
    try {
        return await send();
    }
    catch (err) {
        throw (0,_explain_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)(err, t, doing, api.wording);
    }
}


/***/ }),

/***/ 1764:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AQ: () => (/* binding */ listSecrets),
/* harmony export */   GB: () => (/* binding */ existingAccess),
/* harmony export */   H$: () => (/* binding */ secretExists),
/* harmony export */   MR: () => (/* binding */ currentUpdatedAt)
/* harmony export */ });
/* unused harmony export preflight */
/* harmony import */ var _core_checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5950);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8943);
/* harmony import */ var _answers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3948);
/* harmony import */ var _explain_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9576);
/* harmony import */ var _public_key_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5072);
/* harmony import */ var _secret_endpoints_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9404);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3738);
// What can be read of a secret before a refresh and after a write: its metadata (when it was
// last updated, who may use it), whether it exists, and the names beside it.







// 100 pages of 100: more repositories than an organisation selects, and a bound on a
// server that never says it is done.
const MAX_PAGES = 100;
/** A secret beside the target (the target itself by default). */
async function readMetadata(api, t, name = t.name) {
    const { data } = await (0,_secret_endpoints_js__WEBPACK_IMPORTED_MODULE_5__/* .secretEndpoints */ .B)(api, t).get(name);
    return (0,_answers_js__WEBPACK_IMPORTED_MODULE_2__/* .metadataOf */ .Nk)(data, `read ${(0,_target_js__WEBPACK_IMPORTED_MODULE_6__/* .describeTarget */ .ff)({ ...t, name })}`, api.wording.apiUrl);
}
/** The secret's `updated_at` now: after a write of ours, so a later rescue compares against it. */
async function currentUpdatedAt(api, t) {
    try {
        return (await readMetadata(api, t)).updated_at;
    }
    catch (err) {
        throw (0,_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .explain */ .WE)(err, t, `read ${(0,_target_js__WEBPACK_IMPORTED_MODULE_6__/* .describeTarget */ .ff)(t)}`, api.wording);
    }
}
/**
 * Everything that can be checked without changing anything, before a refresh token is spent. A key
 * the value's marker recorded saves a request; a write refused for it fetches the current one.
 */
async function preflight(api, t, known) {
    const key = known ?? (await readPublicKey(api, t));
    let meta;
    try {
        meta = await readMetadata(api, t);
    }
    catch (err) {
        if (err instanceof GitHubHttpError && err.status === 404) {
            throw invalid(api.wording.name, `${describeTarget(t)} does not exist`, 'create it with the credentials first (README: First login)', {
                cause: err,
                details: 'Pass that same secret as credentials; otherwise the stored credentials the workflow reads ' +
                    'would silently go stale.',
            });
        }
        throw explain(err, t, `read ${describeTarget(t)}`, api.wording);
    }
    const pre = { key, updatedAt: meta.updated_at };
    return t.kind === 'org' ? { ...pre, ...(await accessOf(api, t, meta)) } : pre;
}
/** Who may use an organisation secret, from its metadata and, when selected, its list of repositories. */
async function accessOf(api, t, meta) {
    const visibility = meta.visibility ?? 'private';
    if (visibility !== 'selected')
        return { visibility };
    return { visibility, selectedRepositoryIds: await selectedRepositories(api, t) };
}
/** Who may use an organisation secret now, kept when a new value is stored; undefined when it does not exist. */
async function existingAccess(api, t) {
    let meta;
    try {
        meta = await readMetadata(api, t);
    }
    catch (err) {
        if (err instanceof _api_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubHttpError */ .I && err.status === 404)
            return undefined;
        throw (0,_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .explain */ .WE)(err, t, `read ${(0,_target_js__WEBPACK_IMPORTED_MODULE_6__/* .describeTarget */ .ff)(t)}`, api.wording);
    }
    return accessOf(api, t, meta);
}
async function selectedRepositories(api, t) {
    const doing = `list the repositories that may use ${(0,_target_js__WEBPACK_IMPORTED_MODULE_6__/* .describeTarget */ .ff)(t)}`;
    const ids = new Set();
    for (let page = 1; page <= MAX_PAGES; page++) {
        const answer = await (0,_secret_endpoints_js__WEBPACK_IMPORTED_MODULE_5__/* .sendExplained */ .j)(api, t, doing, () => (0,_secret_endpoints_js__WEBPACK_IMPORTED_MODULE_5__/* .secretEndpoints */ .B)(api, t).selectedRepositories(t.name, page));
        const { ids: more, total } = (0,_answers_js__WEBPACK_IMPORTED_MODULE_2__/* .repositoryPageOf */ .jA)(answer.data, doing, api.wording.apiUrl);
        for (const id of more)
            ids.add(id);
        // Done at the total when GitHub states it (a page may be shorter than asked), else at a short page.
        if (more.length === 0 || (total !== undefined ? ids.size >= total : more.length < 100))
            return [...ids];
    }
    // Writing a partial list would take the secret away from the repositories left out.
    throw (0,_answers_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(doing, `the list did not end after ${MAX_PAGES} pages`, api.wording.apiUrl);
}
/** Names starting with `prefix` and when they were created, every page read. */
async function listSecrets(api, t, prefix) {
    const doing = `list the secrets of ${(0,_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .where */ ._M)(t)}`;
    const found = [];
    for (let page = 1, seen = 0; page <= MAX_PAGES; page++) {
        const answer = await (0,_secret_endpoints_js__WEBPACK_IMPORTED_MODULE_5__/* .sendExplained */ .j)(api, t, doing, () => (0,_secret_endpoints_js__WEBPACK_IMPORTED_MODULE_5__/* .secretEndpoints */ .B)(api, t).list(page));
        const data = answer.data;
        if (!Array.isArray(data?.secrets))
            throw (0,_answers_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(doing, 'the answer has no list of secrets', api.wording.apiUrl);
        for (const s of data.secrets) {
            if (typeof s?.name !== 'string' || typeof s.created_at !== 'string' || !s.name.startsWith(prefix))
                continue;
            const createdAt = Date.parse(s.created_at);
            if (!Number.isFinite(createdAt)) {
                throw (0,_answers_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(doing, `secret ${s.name} has no valid created_at`, api.wording.apiUrl);
            }
            found.push({ name: s.name, createdAt });
        }
        seen += data.secrets.length;
        const total = Number.isSafeInteger(data.total_count) ? data.total_count : undefined;
        if (data.secrets.length < 100 || (total !== undefined && seen >= total))
            return found;
    }
    throw (0,_answers_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(doing, `the list did not end after ${MAX_PAGES} pages`, api.wording.apiUrl);
}
/** Whether a secret of that name exists beside the target. */
async function secretExists(api, t, name) {
    try {
        await readMetadata(api, t, name);
        return true;
    }
    catch (err) {
        if (err instanceof _api_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubHttpError */ .I && err.status === 404)
            return false;
        throw (0,_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .explain */ .WE)(err, t, `read ${(0,_target_js__WEBPACK_IMPORTED_MODULE_6__/* .describeTarget */ .ff)({ ...t, name })}`, api.wording);
    }
}


/***/ }),

/***/ 3738:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cd: () => (/* binding */ reloginCommand),
/* harmony export */   Ge: () => (/* binding */ ACTION_WORDING),
/* harmony export */   aM: () => (/* binding */ checkSecretName),
/* harmony export */   ff: () => (/* binding */ describeTarget),
/* harmony export */   hB: () => (/* binding */ CLAIM_NAME),
/* harmony export */   lb: () => (/* binding */ WRITE_CHECK),
/* harmony export */   r7: () => (/* binding */ shellWord),
/* harmony export */   uD: () => (/* binding */ checkPlace)
/* harmony export */ });
/* unused harmony export REPO */
/* harmony import */ var _core_checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5950);
/* harmony import */ var _core_neutral_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8272);
// Which secret the rotated credentials go to; named in logs without loading the REST client.


function describeTarget(t) {
    if (t.kind === 'repo')
        return `repository secret ${t.name} of ${t.owner}/${t.repo}`;
    if (t.kind === 'env')
        return `environment secret ${t.name} of ${t.owner}/${t.repo} (environment ${t.environment})`;
    return `organization secret ${t.name} of ${t.org}`;
}
/**
 * A claim of the earlier format, or its settled twin (secrets, before claims were variables): what
 * the broker deletes when it finds them (src/action/sweep.ts).
 */
const CLAIM_NAME = /^OAUTH_BROKER_([0-9A-F]{20})_(\d+)(_S)?$/i;
/** The one secret the broker writes beside the targets of a place: written before a token is spent. */
const WRITE_CHECK = 'OAUTH_BROKER_WRITE_CHECK';
/** The action's inputs. */
const ACTION_WORDING = {
    name: 'secret-name',
    place: { repo: 'secret-repository', env: 'secret-environment', org: 'secret-org' },
    token: 'github-token',
    apiUrl: 'github-api-url',
    network: "the runner's network",
};
// GitHub's rule: letters, digits and underscores, not starting with a digit or GITHUB_.
const SECRET_NAME = /^(?!github_)[a-z_][a-z0-9_]*$/i;
/** owner/name. */
const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const SECRET_NAME_FIX = 'use letters, digits and underscores, not starting with a digit or GITHUB_';
/** A secret name GitHub accepts, and not one of the broker's own claims. */
function checkSecretName(name, w) {
    (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .checkMatches */ .ak)(w.name, name, SECRET_NAME, 'a valid secret name', SECRET_NAME_FIX);
    if (CLAIM_NAME.test(name) || name.toUpperCase() === WRITE_CHECK)
        throw (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(w.name, `${(0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(name)} is named like one of the broker's own secrets`, 'choose another');
    return name;
}
/** Where the secret is: an organisation, else a repository (owner/name) or one of its environments. */
function checkPlace(p, w) {
    const { environment, org } = p;
    if (environment && org) {
        throw (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .conflict */ .hj)(`${w.place.env} and ${w.place.org}`, 'an environment secret belongs to a repository, an organization secret to an organization', 'give at most one');
    }
    if (org)
        return { kind: 'org', org: (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .checkMatches */ .ak)(w.place.org, org, /^[A-Za-z0-9-]+$/, 'an organization login') };
    (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .checkMatches */ .ak)(w.place.repo, p.repository, REPO, 'owner/name');
    // The name is printed in log lines and the summary: one plain line.
    if (environment && (0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_1__/* .neutral */ .SY)(environment) !== environment)
        throw (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(w.place.env, `${(0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(environment)} is not an environment name`);
    const [owner, repo] = p.repository.split('/');
    return environment ? { kind: 'env', owner, repo, environment } : { kind: 'repo', owner, repo };
}
/** A word for a POSIX shell: as it is when plain, else single-quoted. */
function shellWord(s) {
    return /^[A-Za-z0-9_.,:/@%+=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
/** The CLI commands that make a new login and store it in the target (README: First login). */
function reloginCommand(provider, t) {
    let where = t.kind === 'org' ? `--org ${t.org}` : `--repo ${t.owner}/${t.repo}`;
    where += ` --secret ${t.name}`;
    if (t.kind === 'env')
        where += ` --environment ${shellWord(t.environment)}`;
    return `oauth-broker login --provider ${provider} --out - | oauth-broker seed ${where} --from -`;
}


/***/ })

};
;