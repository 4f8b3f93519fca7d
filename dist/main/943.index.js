export const id = 943;
export const ids = [943];
export const modules = {

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

/***/ 3323:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ USER_AGENT)
/* harmony export */ });
/* unused harmony export VERSION */
// Kept equal to package.json's version by __tests__/version.test.ts.
const VERSION = '1.0.0';
const USER_AGENT = `oauth-broker/${VERSION} (GitHub Action; +https://github.com/oauth-broker/oauth-broker)`;


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


/***/ })

};
