export const id = 908;
export const ids = [908];
export const modules = {

/***/ 3908:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verb: () => (/* binding */ refresh_verb)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/credentials.ts + 1 modules
var credentials = __webpack_require__(4477);
// EXTERNAL MODULE: ./src/core/credfile.ts
var credfile = __webpack_require__(7321);
// EXTERNAL MODULE: ./src/core/env.ts
var env = __webpack_require__(8792);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/neutral.ts
var neutral = __webpack_require__(8272);
// EXTERNAL MODULE: ./src/core/providers.ts
var providers = __webpack_require__(8201);
// EXTERNAL MODULE: ./src/core/recognise.ts
var recognise = __webpack_require__(4926);
// EXTERNAL MODULE: ./src/core/http.ts
var http = __webpack_require__(1983);
// EXTERNAL MODULE: ./src/core/version.ts
var version = __webpack_require__(3323);
;// CONCATENATED MODULE: ./src/core/refresh.ts




// Provider error codes that mean the refresh token itself is dead (OpenAI nests them).
const DEAD_TOKEN = new Set([
    'invalid_grant',
    'refresh_token_reused',
    'refresh_token_expired',
    'refresh_token_invalidated',
]);
// The other codes of RFC 6749 §5.2 and those the providers are known to send: printed as is.
const KNOWN_CODES = new Set([
    ...DEAD_TOKEN,
    'invalid_request',
    'invalid_client',
    'unauthorized_client',
    'unsupported_grant_type',
    'invalid_scope',
    'access_denied',
    'server_error',
    'temporarily_unavailable',
    'rate_limited',
    'rate_limit_exceeded',
]);
const MAX_ATTEMPTS = 3;
// How much of a provider's error description the error line quotes.
const QUOTED_CHARS = 48;
const MAX_RETRY_AFTER_MS = 60_000;
function buildRequest(req) {
    const fields = {
        grant_type: 'refresh_token',
        refresh_token: req.refreshToken,
        client_id: req.clientId,
    };
    if (req.provider.sendsScope && req.scopes?.length)
        fields.scope = req.scopes.join(' ');
    const headers = { accept: 'application/json', 'user-agent': version/* USER_AGENT */._ };
    if (req.clientSecret) {
        // RFC 6749 §2.3.1: servers must accept HTTP Basic; form-encode the parts first.
        const enc = (s) => encodeURIComponent(s).replace(/%20/g, '+');
        headers.authorization = `Basic ${Buffer.from(`${enc(req.clientId)}:${enc(req.clientSecret)}`).toString('base64')}`;
    }
    if (req.provider.encoding === 'json') {
        headers['content-type'] = 'application/json';
        return { headers, body: JSON.stringify(fields) };
    }
    headers['content-type'] = 'application/x-www-form-urlencoded';
    return { headers, body: new URLSearchParams(fields).toString() };
}
/** The provider's error code and description: `{error, error_description}`, or `{error: {code, message}}`. */
function providerError(text) {
    try {
        const body = JSON.parse(text);
        const e = body.error;
        if (typeof e === 'string')
            return { code: e, description: typeof body.error_description === 'string' ? body.error_description : undefined };
        if (e && typeof e === 'object') {
            const o = e;
            const code = typeof o.code === 'string' ? o.code : typeof o.type === 'string' ? o.type : undefined;
            return { code, description: typeof o.message === 'string' ? o.message : undefined };
        }
    }
    catch {
        // Not JSON: nothing quotable.
    }
    return {};
}
/** A code the action knows, or one short and plain enough to quote once redacted: never a piece of a secret. */
function quotableCode(code, secrets) {
    if (KNOWN_CODES.has(code))
        return code;
    const safe = (0,errors/* redact */.E$)(code, secrets);
    return /^[A-Za-z0-9_.-]{1,40}$/.test(safe) ? safe : 'an unrecognised error code';
}
// An access token the provider says lives longer than this is refreshed after it anyway.
const MAX_EXPIRES_IN_S = 365 * 86_400;
// A refresh token may live far longer; only one that expires within days matters.
const MAX_REFRESH_EXPIRES_IN_S = 100 * 365 * 86_400;
// Longer than any token a provider issues, far below what a secret can hold.
const MAX_TOKEN_CHARS = 16_384;
// `name=value&…` and nothing else: an HTML page is never read as a form.
const FORM = /^[\w.~%+-]+=[\w.~%+*-]*(?:&[\w.~%+-]+=[\w.~%+*-]*)*$/;
/** The answer's fields: JSON as RFC 6749 asks, or the form-encoded body some providers send. */
function fieldsOf(text, contentType) {
    const body = text.trim();
    if (/^application\/x-www-form-urlencoded\b/i.test(contentType) || FORM.test(body)) {
        return Object.fromEntries(new URLSearchParams(body));
    }
    try {
        const parsed = JSON.parse(body);
        const isObject = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
        return isObject ? parsed : 'the body is not a JSON object';
    }
    catch {
        return 'the body is not JSON';
    }
}
/** A token as the provider sent it, if it is one: printable ASCII, one word, of a sane length. */
function tokenOf(v) {
    return typeof v === 'string' && v.length <= MAX_TOKEN_CHARS && /^[\x21-\x7e]+$/.test(v) ? v : undefined;
}
/** Seconds, as a number or a numeric string; outside (0, max] it is clamped or ignored. */
function expiresInOf(v, max = MAX_EXPIRES_IN_S) {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
    return Number.isFinite(n) && n > 0 ? Math.min(n, max) : undefined;
}
/**
 * The token set in a 200. A new refresh token is never dropped: without a usable access
 * token it is still returned, so the caller stores it. Only an answer with neither, or
 * with a refresh token that is not one, is an error.
 */
function parseTokenSet(text, contentType, service) {
    const uncertain = (what) => {
        throw new errors/* UncertainRefreshError */.DG(`${service} answered 200 but ${what}; ${errors/* RUN_AGAIN */.Bs}.`, {
            details: [
                'The provider may have rotated the refresh token anyway, so it is not presented again in this run.',
                errors/* RUN_AGAIN_DETAILS */.Ah,
            ],
        });
    };
    const body = fieldsOf(text, contentType);
    if (typeof body === 'string')
        return uncertain(body);
    const refreshToken = tokenOf(body.refresh_token);
    if (body.refresh_token !== undefined && body.refresh_token !== null && body.refresh_token !== '' && !refreshToken) {
        return uncertain('with a malformed refresh_token');
    }
    const accessToken = tokenOf(body.access_token);
    if (!accessToken && !refreshToken)
        return uncertain('without an access_token');
    const set = {};
    if (accessToken)
        set.accessToken = accessToken;
    if (refreshToken)
        set.refreshToken = refreshToken;
    const expiresIn = expiresInOf(body.expires_in);
    if (expiresIn !== undefined)
        set.expiresInSeconds = expiresIn;
    const refreshExpiresIn = expiresInOf(body.refresh_token_expires_in, MAX_REFRESH_EXPIRES_IN_S);
    if (refreshExpiresIn !== undefined)
        set.refreshExpiresInSeconds = refreshExpiresIn;
    if (typeof body.scope === 'string' && body.scope.length <= MAX_TOKEN_CHARS)
        set.scope = body.scope;
    const idToken = tokenOf(body.id_token);
    if (idToken)
        set.idToken = idToken;
    return set;
}
/**
 * Presents the refresh token once. Retries only when the provider cannot have seen it:
 * the connection was refused, or a 429/503 said when to come back.
 */
async function refreshTokens(req, deps) {
    const service = `provider ${req.provider.id} (${new URL(req.tokenUrl).host})`;
    const { headers, body } = buildRequest(req);
    const secrets = [req.refreshToken, req.clientSecret ?? ''];
    for (let attempt = 1;; attempt++) {
        let res;
        let text;
        try {
            res = await deps.fetch(req.tokenUrl, {
                method: 'POST',
                headers,
                body,
                redirect: 'error',
                signal: AbortSignal.timeout(deps.timeoutMs),
            });
        }
        catch (err) {
            const f = (0,http/* classifyFetchError */.D$)(err, deps.timeoutMs);
            if (f.notSent && attempt < MAX_ATTEMPTS) {
                const wait = deps.retryDelayMs * 2 ** (attempt - 1);
                deps.info(`${service}: ${f.reason}; the request was not sent, retrying in ${Math.round(wait / 1000)}s`);
                await deps.sleep(wait);
                if (deps.cancelled?.())
                    throw new errors/* UserError */.yo(`${service}: the job was cancelled before the retry; nothing was spent.`);
                continue;
            }
            if (f.notSent)
                throw new errors/* UserError */.yo(`${service}: ${f.reason} after ${attempt} attempts; nothing was spent. Check token-url and the runner's ` +
                    'network, then run again.');
            throw new errors/* UncertainRefreshError */.DG(`${service}: ${f.reason}; not retried, as it may have arrived; ${errors/* RUN_AGAIN */.Bs}.`, {
                cause: err,
                details: [
                    'The refresh may have reached the provider and rotated the token; presenting it again could be reuse.',
                    errors/* RUN_AGAIN_DETAILS */.Ah,
                ],
            });
        }
        try {
            text = await res.text();
        }
        catch (err) {
            const reason = (0,http/* classifyFetchError */.D$)(err, deps.timeoutMs).reason;
            throw new errors/* UncertainRefreshError */.DG(`${service}: answered ${res.status} but ${reason}; ${errors/* RUN_AGAIN */.Bs}.`, {
                cause: err,
                details: ['The refresh token may be spent: the provider answered, but its answer was lost.', errors/* RUN_AGAIN_DETAILS */.Ah],
            });
        }
        if (res.ok)
            return parseTokenSet(text, res.headers.get('content-type') ?? '', service);
        const wait = (0,http/* retryAfterMs */.Vs)(res.headers.get('retry-after'), deps.now());
        if ((res.status === 429 || res.status === 503) &&
            wait !== undefined &&
            wait <= MAX_RETRY_AFTER_MS &&
            attempt < MAX_ATTEMPTS) {
            deps.info(`${service}: answered ${res.status}; retrying in ${Math.ceil(wait / 1000)}s as it asked`);
            await deps.sleep(wait);
            if (deps.cancelled?.())
                throw new errors/* UserError */.yo(`${service}: the job was cancelled before the retry; nothing was spent.`);
            continue;
        }
        const { code, description } = providerError(text);
        // The error line quotes the start of a long description; the lines after it, the whole.
        const full = description ? (0,neutral/* neutral */.SY)((0,errors/* redact */.E$)(description, secrets), 500) : '';
        const quoted = [code && quotableCode(code, secrets), full && (0,neutral/* neutral */.SY)(full, QUOTED_CHARS)];
        const detail = quoted.filter(Boolean).join(': ');
        const said = `answered HTTP ${res.status}${detail ? ` (${detail})` : ''}`;
        const whole = full.length > QUOTED_CHARS ? [`The provider's description: ${full}`] : [];
        if (code && DEAD_TOKEN.has(code)) {
            throw new errors/* InvalidGrantError */.Gy(`${service} refused the stored refresh token: ${said}.`, {
                details: [...whole, 'It was already used or revoked.'],
            });
        }
        if (res.status === 401 || res.status === 400) {
            throw new errors/* UserError */.yo(`${service} ${said}; check client-id, token-url and scope.`, { details: whole });
        }
        throw new errors/* UncertainRefreshError */.DG(`${service} ${said}; the refresh failed and is not retried. Run again later.`, {
            details: [...whole, 'It may have reached the provider, so it is not presented again in this run.'],
        });
    }
}

// EXTERNAL MODULE: ./src/core/url.ts
var url = __webpack_require__(38);
// EXTERNAL MODULE: ./src/cli/status.ts + 1 modules
var cli_status = __webpack_require__(6026);
// EXTERNAL MODULE: ./src/cli/verb.ts
var verb = __webpack_require__(5525);
;// CONCATENATED MODULE: ./src/cli/refresh.ts
// `oauth-broker refresh --from FILE`: one refresh grant, and the file rewritten in place with what it
// returned. From the provider's answer on, the old refresh token is dead: the new credentials reach
// FILE, or a file beside it, and the lines after say where the other copies must be replaced.













function fromFile(args) {
    const from = (0,verb/* option */.uK)(args, 'from', true);
    if (from === '-')
        throw new verb/* UsageError */.eb('--from - cannot be rewritten; give the credentials file to refresh.');
    return from;
}
/** The provider named, else the one the credentials name; oauth2 needs its token URL and client id. */
function grantFor(args, c, from, deps) {
    const named = (0,verb/* option */.uK)(args, 'provider');
    if (named !== undefined && !(0,providers/* isProviderId */.rl)(named)) {
        throw new verb/* UsageError */.eb(`--provider: "${(0,neutral/* neutral */.SY)(named, 40)}" is not one of anthropic, openai, oauth2.`);
    }
    const id = named ?? (0,recognise/* issuerOf */.xD)(c);
    if (!id) {
        throw new verb/* UsageError */.eb('--provider is required: the credentials do not name their issuer (--provider oauth2 --token-url URL ' +
            '--client-id ID).');
    }
    const provider = providers/* PROVIDERS */.xq[id];
    const tokenUrl = (0,verb/* option */.uK)(args, 'token-url') ?? provider.tokenUrl;
    const clientId = (0,verb/* option */.uK)(args, 'client-id') ?? provider.clientId;
    if (!tokenUrl || !clientId)
        throw new verb/* UsageError */.eb(`--${tokenUrl ? 'client-id' : 'token-url'} is required with ${id}.`);
    const clientSecret = (0,verb/* option */.uK)(args, 'client-secret');
    if (clientSecret)
        deps.secrets.add(clientSecret);
    const scope = (0,verb/* option */.uK)(args, 'scope');
    const grant = {
        provider,
        tokenUrl: (0,url/* httpUrl */.q)('--token-url', tokenUrl),
        clientId,
        clientSecret,
        scopes: scope ? scope.split(/\s+/) : c.scopes,
    };
    try {
        (0,recognise/* recognise */.GJ)(c, id, grant.tokenUrl);
    }
    catch (err) {
        throw (0,verb/* inCliTerms */.z0)(err, `--from ${from}`);
    }
    return grant;
}
/** Refuses, before the token is spent, a file whose successor could not be written where it is. */
function targetOf(from) {
    const path = (0,external_node_fs_.realpathSync)(from);
    try {
        (0,external_node_fs_.accessSync)((0,external_node_path_.dirname)(path), external_node_fs_.constants.W_OK);
    }
    catch (err) {
        throw new errors/* UserError */.yo(`--from: the folder of ${(0,neutral/* neutral */.SY)(from, 100)} cannot be written, so nothing is refreshed; ` +
            'refresh a copy in a folder you can write.', { cause: err });
    }
    return { path, mode: (0,external_node_fs_.statSync)(path).mode & 0o200 ? 0o600 : 0o400 };
}
async function present(grant, c, deps) {
    const t = (0,env/* timings */.E)(deps.env);
    try {
        return await refreshTokens({ ...grant, refreshToken: c.refreshToken }, {
            fetch: deps.fetch,
            now: deps.now,
            sleep: deps.sleep,
            info: (m) => deps.stderr(m),
            timeoutMs: t.httpTimeoutMs,
            retryDelayMs: t.retryBaseMs,
        });
    }
    catch (err) {
        if (!(err instanceof errors/* InvalidGrantError */.Gy))
            throw err;
        const login = `oauth-broker login --provider ${grant.provider.id} --out FILE`;
        const line = (0,errors/* fitLine */.ax)(`${err.message} The file is unchanged; log in again (${login}).`, `${err.message} The file is unchanged; log in again.`, `${err.message} Log in again.`);
        throw new errors/* UserError */.yo(line, { cause: err });
    }
}
/** "20260131T120000Z": a time for a file name. */
const stamp = (now) => new Date(now).toISOString().replace(/[-:]|\.\d+/g, '');
/** Writes the new credentials over the target, else beside it; only a failure of both loses them. */
function store(target, from, text, deps) {
    try {
        (0,credfile/* writePrivateFile */.Pl)(target.path, text, target.mode);
        return;
    }
    catch (err) {
        const why = err.code ?? 'error';
        const rescue = `${target.path}.rotated-${stamp(deps.now())}`;
        try {
            (0,credfile/* writePrivateFile */.Pl)(rescue, text);
        }
        catch (again) {
            throw new errors/* UserError */.yo(`--from: ${(0,neutral/* neutral */.SY)(from, 80)} could not be rewritten (${why}), nor a file beside it; the refreshed ` +
                'login is lost: log in again (oauth-broker login).', { cause: again });
        }
        throw new errors/* UserError */.yo(`--from: ${(0,neutral/* neutral */.SY)(from, 80)} could not be rewritten (${why}); the new credentials are beside it, in ` +
            `${(0,neutral/* neutral */.SY)((0,external_node_path_.basename)(rescue), 60)}: move that over it.`, {
            cause: err,
            details: [
                `The refresh token ${(0,neutral/* neutral */.SY)(from, 120)} holds is spent; only ${(0,neutral/* neutral */.SY)(rescue, 120)} holds the live one.`,
            ],
        });
    }
}
function report(from, before, t, after, deps) {
    deps.stderr(`Refreshed ${from}: ${(0,cli_status.describeAccessToken)(after, deps.now())}.`);
    if (!t.refreshToken || t.refreshToken === before.refreshToken) {
        deps.stderr('The provider kept the refresh token: other copies of this file still work.');
        return;
    }
    for (const l of [
        'Warning: the refresh token this file held is now spent, everywhere else it is stored too (a GitHub secret,',
        '  another machine): those copies can no longer refresh. Store the new file where they were, e.g.',
        `  oauth-broker seed --repo O/R --secret NAME --from ${from}`,
    ]) {
        deps.stderr(l);
    }
}
const refresh_verb = {
    usage: [
        'refresh --from FILE [--provider P] [--token-url URL] [--client-id ID] [--client-secret S] [--scope S]',
        '  Refreshes the credentials in FILE once and rewrites FILE in place, atomically (a temporary file in',
        '  its folder, fsync, rename), mode 0600 (0400 kept). The provider is the one the credentials name,',
        '  else --provider: oauth2 needs --token-url and --client-id. The old refresh token is then spent',
        '  everywhere: store the new file where copies were (oauth-broker seed). If FILE cannot be rewritten,',
        '  the new credentials go to FILE.rotated-<time> beside it. Prints the expiry and fingerprint, never a token.',
    ].join('\n'),
    options: {
        from: { type: 'string' },
        provider: { type: 'string' },
        'token-url': { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        scope: { type: 'string' },
    },
    async run(args, deps) {
        const from = fromFile(args);
        const before = await (0,cli_status.readCredentials)(from, deps);
        const grant = grantFor(args, before, from, deps);
        const target = targetOf(from);
        const t = await present(grant, before, deps);
        for (const s of [t.accessToken, t.refreshToken, t.idToken])
            if (s)
                deps.secrets.add(s);
        const after = (0,credentials/* applyTokenSet */.QL)(before, t, deps.now());
        store(target, from, `${(0,credentials/* serializeCredentials */.dY)(after)}\n`, deps);
        report(from, before, t, after, deps);
    },
};


/***/ }),

/***/ 8792:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ timings)
/* harmony export */ });
// The process environment as passed in, and the tuning knobs read from it.
function timings(env) {
    const n = (v, d) => (v && /^\d+$/.test(v) ? Number(v) : d);
    return {
        httpTimeoutMs: n(env.OAUTH_BROKER_HTTP_TIMEOUT_MS, 30_000),
        retryBaseMs: n(env.OAUTH_BROKER_RETRY_BASE_MS, 1_000),
        pollMs: n(env.OAUTH_BROKER_POLL_MS, 2_000),
        cacheTimeoutMs: n(env.OAUTH_BROKER_CACHE_TIMEOUT_MS, 60_000),
        // Longer than a holder can take: a refresh (3 attempts) plus a write-back with its retries.
        leaseMs: n(env.OAUTH_BROKER_LEASE_MS, 15 * 60_000),
    };
}


/***/ }),

/***/ 8201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rl: () => (/* binding */ isProviderId),
/* harmony export */   xq: () => (/* binding */ PROVIDERS)
/* harmony export */ });
/* unused harmony export homeDir */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
// What differs between providers. Everything else is the same code path.


/** `~`: HOME, else the account's home (os.homedir() returns an empty HOME as it is); '' if none. */
function homeDir(env) {
    if (env.HOME)
        return env.HOME;
    try {
        return (0,node_os__WEBPACK_IMPORTED_MODULE_0__.homedir)() || (0,node_os__WEBPACK_IMPORTED_MODULE_0__.userInfo)().homedir;
    }
    catch {
        return '';
    }
}
const PROVIDERS = {
    anthropic: {
        id: 'anthropic',
        tokenUrl: 'https://platform.claude.com/v1/oauth/token',
        clientId: '9d1c250a-e61b-44d9-88ed-5944d1962f5e',
        encoding: 'json',
        sendsScope: true,
        envName: 'CLAUDE_CODE_OAUTH_TOKEN',
        defaultFile: 'none',
        defaultClientRefresh: false,
        filePath: (env) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(homeDir(env), '.claude', '.credentials.json'),
    },
    openai: {
        id: 'openai',
        tokenUrl: 'https://auth.openai.com/oauth/token',
        clientId: 'app_EMoamEEZ73f0CkXaXp7hrann',
        encoding: 'json',
        sendsScope: false,
        defaultFile: 'auto',
        defaultClientRefresh: true,
        filePath: (env) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(env.CODEX_HOME || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(homeDir(env), '.codex'), 'auth.json'),
    },
    oauth2: {
        id: 'oauth2',
        encoding: 'form',
        sendsScope: true,
        defaultFile: 'none',
        defaultClientRefresh: false,
    },
};
function isProviderId(s) {
    return Object.hasOwn(PROVIDERS, s);
}


/***/ }),

/***/ 38:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ httpUrl)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _neutral_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8272);
// The URLs a credential is sent to (a token endpoint, GitHub's API), checked before any is used.


/** `value` as a URL a token may be sent to: https, or plain http to this machine only. */
function httpUrl(input, value) {
    const q = `"${(0,_neutral_js__WEBPACK_IMPORTED_MODULE_1__/* .neutral */ .SY)(value, 80)}"`;
    let url;
    try {
        url = new URL(value);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${input}: ${q} is not a URL.`, { cause: err });
    }
    // Plain http only to this machine: a token must never cross a network in clear.
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${input}: ${q} must be an https URL.`);
    }
    return value.replace(/\/+$/, '');
}


/***/ })

};
