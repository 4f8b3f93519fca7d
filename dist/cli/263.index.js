"use strict";
exports.id = 263;
exports.ids = [263,836];
exports.modules = {

/***/ 958:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DQ: () => (/* binding */ loginOf),
/* harmony export */   ls: () => (/* binding */ identify),
/* harmony export */   qG: () => (/* binding */ nameCredentials),
/* harmony export */   uH: () => (/* binding */ codexApiKeyOf)
/* harmony export */ });
/* harmony import */ var _core_checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5950);
/* harmony import */ var _core_formats_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4143);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _core_recognise_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4926);
// What a value given to the CLI is, in the CLI's own words: `status` names it, and the verbs
// that store or copy credentials refuse, with the same words, what is no login to keep alive.




const WITHOUT = 'directly';
const LOGIN_NAMES = {
    'claude-code': 'a Claude Code login (.credentials.json)',
    codex: 'a Codex ChatGPT login (auth.json)',
    generic: 'an OAuth token document',
};
/** A bare token, named by its shape. */
function nameToken(token, provider) {
    const k = (0,_core_recognise_js__WEBPACK_IMPORTED_MODULE_3__/* .kindOf */ .I)(token);
    if (!k || k.refresh) {
        const what = k ? `${k.what}, with no access token yet` : 'a token of unknown issuer, taken as a refresh token';
        return { kind: 'refresh-token', what, provider };
    }
    switch (k.sort) {
        case 'setup-token':
            return {
                kind: 'setup-token',
                what: 'a long-lived Claude Code access token (from claude setup-token)',
                provider: 'anthropic',
                instead: `nothing to rotate: use it as CLAUDE_CODE_OAUTH_TOKEN ${WITHOUT}`,
            };
        case 'api-key': {
            const anthropic = k.issuer === 'anthropic';
            return {
                kind: 'api-key',
                what: anthropic ? 'an Anthropic API key' : 'an OpenAI API key',
                provider: anthropic ? 'anthropic' : 'openai',
                instead: `an API key needs no refresh: use it as ${anthropic ? 'ANTHROPIC' : 'OPENAI'}_API_KEY ${WITHOUT}`,
            };
        }
        case 'anthropic-key':
            return {
                kind: 'api-key',
                what: 'an Anthropic key that is no refresh token',
                provider: 'anthropic',
                instead: 'give the Claude Code login (oauth-broker login, or import claude-code) instead',
            };
        case 'github-token':
            return {
                kind: 'github-token',
                what: 'a GitHub token',
                provider: null,
                instead: 'the CLI reads a GitHub token from GH_TOKEN; --from takes the OAuth login to keep alive',
            };
        default:
            return {
                kind: 'access-token',
                what: k.what,
                provider: k.issuer === 'openai' ? 'openai' : null,
                instead: 'give the whole login (oauth-broker login writes one; for Codex, its auth.json)',
            };
    }
}
/** The API key of a Codex `auth.json` made with an API key (no ChatGPT tokens), or undefined. */
function codexApiKeyOf(text) {
    if (!/^\s*\{/.test(text) || !text.includes('OPENAI_API_KEY'))
        return undefined;
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (!(0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(doc))
        return undefined;
    const { OPENAI_API_KEY: key, tokens, auth_mode: mode } = doc;
    return typeof key === 'string' && key && (tokens == null || mode === 'apikey') ? key : undefined;
}
const CODEX_API_KEY = {
    kind: 'codex-api-key',
    what: 'a Codex auth.json holding an API key (OPENAI_API_KEY)',
    provider: 'openai',
    instead: `nothing to refresh: use the key as OPENAI_API_KEY ${WITHOUT}, or log in with ChatGPT (codex login)`,
};
/** Parsed credentials, named. */
function nameCredentials(c) {
    if (c.format === 'refresh-token')
        return nameToken(c.refreshToken, (0,_core_recognise_js__WEBPACK_IMPORTED_MODULE_3__/* .issuerOf */ .xD)(c) ?? null);
    return { kind: 'login', what: LOGIN_NAMES[c.format], provider: (0,_core_recognise_js__WEBPACK_IMPORTED_MODULE_3__/* .issuerOf */ .xD)(c) ?? null };
}
/**
 * What `text` is; every token in it is added to `secrets` before anything can print. `parse`
 * runs the core's parser (the caller turns its errors into its own words).
 */
function identify(text, secrets, parse = _core_formats_index_js__WEBPACK_IMPORTED_MODULE_1__/* .parseCredentials */ .gu) {
    const key = codexApiKeyOf(text);
    if (key) {
        secrets.add(key);
        return { named: CODEX_API_KEY, token: key };
    }
    const c = parse(text);
    for (const s of (0,_core_formats_index_js__WEBPACK_IMPORTED_MODULE_1__/* .secretsOf */ .Fj)(c))
        secrets.add(s);
    const named = nameCredentials(c);
    return { named, credentials: c, token: c.format === 'refresh-token' ? c.refreshToken : undefined };
}
/** Refuses what is no login the broker can keep alive, naming it: `where` is `--from FILE`. */
function loginOf(given, where) {
    const { named, credentials } = given;
    if (named.instead || !credentials) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('OB_CREDENTIALS', `${where}: ${named.what}, not a login; ${named.instead ?? 'give a login'}.`);
    }
    return credentials;
}


/***/ }),

/***/ 836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  asFrom: () => (/* binding */ asFrom),
  describeAccessToken: () => (/* binding */ describeAccessToken),
  givenOf: () => (/* binding */ givenOf),
  readCredentials: () => (/* binding */ readCredentials),
  readGiven: () => (/* binding */ readGiven),
  statusOf: () => (/* binding */ statusOf),
  verb: () => (/* binding */ status_verb)
});

;// CONCATENATED MODULE: ./src/core/fingerprint.ts
// A token's fingerprint: the first 12 hex of its SHA-256, safe to log, for audit: the action's
// `fingerprint` output and `oauth-broker status` print the same one. Each process brings its own
// SHA-256: the action node:crypto's (sha256.ts), which @actions/core has loaded already; the CLI
// @noble/hashes' (sha256-js.ts), because loading node:crypto would cost `status` about a quarter of a
// start (docs/design.md). __tests__/fingerprint.test.ts checks that the two agree.
/** The first 12 hex of the token's SHA-256. */
const fingerprint = (token, sha256Hex) => sha256Hex(token).slice(0, 12);

// EXTERNAL MODULE: ./node_modules/@noble/hashes/esm/sha2.js + 2 modules
var sha2 = __webpack_require__(8842);
// EXTERNAL MODULE: ./node_modules/@noble/hashes/esm/utils.js
var utils = __webpack_require__(4417);
;// CONCATENATED MODULE: ./src/core/sha256-js.ts
// SHA-256 for the CLI: @noble/hashes', so that `status`, which prints a fingerprint, never loads
// node:crypto (fingerprint.ts).


const sha256Hex = (text) => (0,utils/* bytesToHex */.My)((0,sha2/* sha256 */.sc)(new TextEncoder().encode(text)));

// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/recognise.ts
var recognise = __webpack_require__(4926);
// EXTERNAL MODULE: ./src/cli/kind.ts
var kind = __webpack_require__(958);
// EXTERNAL MODULE: ./src/cli/verb.ts
var verb = __webpack_require__(5525);
;// CONCATENATED MODULE: ./src/cli/status.ts







const FORMAT_NAMES = {
    'claude-code': 'Claude Code .credentials.json',
    codex: 'Codex auth.json',
    generic: 'OAuth token document',
    'refresh-token': 'a token alone; a refresh writes it back as an OAuth token document',
};
/** The text of `--from`, parsed and named; every token in it kept for redaction. Empty is refused. */
function givenOf(text, from, deps) {
    if (!text.trim())
        throw new errors/* UserError */.yo('OB_CREDENTIALS', `--from ${from}: is empty; give the credentials the login wrote.`);
    return asFrom(from, () => (0,kind/* identify */.ls)(text, deps.secrets));
}
/** The value of `--from`, parsed and named. */
async function readGiven(from, deps) {
    return givenOf(await (0,verb/* readFrom */.zP)(from, deps), from, deps);
}
/** Reads credentials for a verb: parsed, kept for redaction, and refused when they are no login. */
async function readCredentials(from, deps) {
    return (0,kind/* loginOf */.DQ)(await readGiven(from, deps), `--from ${from}`);
}
/** Runs a check of the core's on the value of --from, whose errors name the action's input. */
function asFrom(from, check) {
    try {
        return check();
    }
    catch (err) {
        throw (0,verb/* inCliTerms */.z0)(err, `--from ${from}`);
    }
}
function statusOf(c, minTtlMs, now) {
    const left = c.accessToken && c.expiresAt !== undefined ? c.expiresAt - now : undefined;
    return {
        kind: (0,kind/* nameCredentials */.qG)(c).kind,
        format: c.format,
        provider: (0,recognise/* issuerOf */.xD)(c) ?? null,
        expires_at: c.accessToken && c.expiresAt !== undefined ? new Date(c.expiresAt).toISOString() : null,
        expires_in: left === undefined ? null : Math.floor(left / 1000),
        scopes: c.scopes ?? null,
        refresh_token: c.format === 'refresh-token' || !!c.refreshToken,
        fingerprint: c.accessToken ? fingerprint(c.accessToken, sha256Hex) : null,
        valid_for_min_ttl: left !== undefined && left >= minTtlMs,
    };
}
/** " (in 7h59m)", " (expired)" or nothing when the expiry is unknown. */
function timeLeft(s) {
    if (s.expires_in === null)
        return '';
    return s.expires_in <= 0 ? ' (expired)' : ` (in ${(0,duration/* formatDuration */.a3)(s.expires_in * 1000)})`;
}
/** For a line after an import or a refresh: when the access token expires and its fingerprint, never the token. */
function describeAccessToken(c, now) {
    const s = statusOf(c, 0, now);
    if (!s.fingerprint)
        return 'no access token yet (the first refresh makes one)';
    const expiry = s.expires_at ? `expires ${s.expires_at}${timeLeft(s)}` : 'of unknown expiry';
    return `access token ${expiry}, fingerprint ${s.fingerprint}`;
}
/** What is no login: named, with nothing a login would have. */
function notLogin(given) {
    return {
        kind: given.named.kind,
        format: given.credentials?.format ?? 'codex',
        provider: given.named.provider,
        expires_at: null,
        expires_in: null,
        scopes: null,
        refresh_token: false,
        fingerprint: given.token ? fingerprint(given.token, sha256Hex) : null,
        valid_for_min_ttl: false,
    };
}
function human(s, named) {
    const left = timeLeft(s);
    const kind = `kind         ${s.kind}: ${named.what}${named.instead ? ', not a login' : ''}`;
    if (named.instead) {
        return [
            kind,
            `provider     ${s.provider ?? 'unknown'}`,
            'refresh      none: nothing the broker can keep alive',
            `fingerprint  ${s.fingerprint ?? '-'}`,
        ];
    }
    return [
        kind,
        `format       ${s.format} (${FORMAT_NAMES[s.format]})`,
        `provider     ${s.provider ?? 'unknown (pass --provider oauth2 with its token URL to refresh it)'}`,
        `access token ${s.expires_at ? `expires ${s.expires_at}${left}` : 'none: the first refresh makes one'}`,
        `scopes       ${s.scopes?.join(' ') ?? 'none named'}`,
        `refresh      ${s.refresh_token ? 'a refresh token is present' : 'no refresh token'}`,
        `fingerprint  ${s.fingerprint ?? '-'}`,
    ];
}
const status_verb = {
    usage: [
        'status [--from FILE|-] [--min-ttl D] [--json]',
        '  What it was given: a login (format, provider, expiry, scopes, whether a refresh token is present,',
        "  the access token's fingerprint), a refresh token alone, or what is no login: a claude setup-token",
        '  value, an API key, a Codex auth.json holding an API key. No network; never a token. --from defaults',
        '  to - (standard input); at most 1 MB. --json: the same as one JSON object, with its "kind".',
        '  Exit 1 when it is no login, or the access token has less than --min-ttl left (default 0s).',
    ].join('\n'),
    options: { from: { type: 'string' }, 'min-ttl': { type: 'string' }, json: { type: 'boolean' } },
    async run(args, deps) {
        const minTtl = (0,verb/* option */.uK)(args, 'min-ttl') ?? '0s';
        let minTtlMs;
        try {
            minTtlMs = (0,duration/* parseDuration */.E9)('min-ttl', minTtl);
        }
        catch (err) {
            throw new verb/* UsageError */.eb(`--${err.message}`);
        }
        const from = (0,verb/* option */.uK)(args, 'from') ?? '-';
        const given = await readGiven(from, deps);
        const { named, credentials } = given;
        const s = credentials && !named.instead ? statusOf(credentials, minTtlMs, deps.now()) : notLogin(given);
        if (args.values.json)
            deps.stdout(`${JSON.stringify(s)}\n`);
        else
            for (const l of human(s, named))
                deps.stderr(l);
        (0,kind/* loginOf */.DQ)(given, `--from ${from}`);
        if (!s.valid_for_min_ttl) {
            throw new errors/* UserError */.yo('OB_CREDENTIALS', !s.expires_at
                ? 'there is no access token yet; refresh it (oauth-broker refresh --from FILE).'
                : (s.expires_in ?? 0) <= 0
                    ? 'the access token has expired; refresh it (oauth-broker refresh --from FILE).'
                    : `the access token has less than ${minTtl} left; refresh it (oauth-broker refresh --from FILE).`);
        }
    },
};


/***/ }),

/***/ 3263:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ readSecretValue)
/* harmony export */ });
/* harmony import */ var _github_secret_limit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6605);
/* harmony import */ var _core_checks_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5950);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _core_recognise_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4926);
/* harmony import */ var _kind_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(958);
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(836);
/* harmony import */ var _verb_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5525);
// What seed and seal store: the credentials exactly as the login wrote them, refused here when
// GitHub or the action would refuse them. No network.







/** The value of `--from`, checked: within GitHub's limit, credentials the action accepts. */
async function readSecretValue(from, deps) {
    // A final newline ends the file the login wrote; it is no part of the value.
    const value = (await (0,_verb_js__WEBPACK_IMPORTED_MODULE_6__/* .readFrom */ .zP)(from, deps)).replace(/\r?\n$/, '');
    const bytes = Buffer.byteLength(value);
    if (bytes > _github_secret_limit_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_SECRET_BYTES */ .s) {
        throw (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .invalid */ .Gq)(`--from ${from}`, `is ${Math.ceil(bytes / 1024)} KB, over GitHub's 48 KB limit for a secret`, 'store only the document the login wrote');
    }
    const c = (0,_kind_js__WEBPACK_IMPORTED_MODULE_4__/* .loginOf */ .DQ)((0,_status_js__WEBPACK_IMPORTED_MODULE_5__.givenOf)(value, from, deps), `--from ${from}`);
    // The provider the credentials themselves name; nothing is sent to its token endpoint here.
    // seed and seal take no --provider: a document whose tokens disagree is fixed at its source.
    try {
        (0,_core_recognise_js__WEBPACK_IMPORTED_MODULE_3__/* .recognise */ .GJ)(c, (0,_core_recognise_js__WEBPACK_IMPORTED_MODULE_3__/* .issuerOf */ .xD)(c) ?? 'oauth2');
    }
    catch (err) {
        const e = (0,_verb_js__WEBPACK_IMPORTED_MODULE_6__/* .inCliTerms */ .z0)(err, `--from ${from}`);
        if (!(e instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo) || !/; set --provider /.test(e.message))
            throw e;
        const fix = '; its tokens are not of one provider: store the file the login wrote, unchanged.';
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(e.code, e.message.replace(/; set --provider .*$/, fix), {
            details: e.details,
            cause: err,
        });
    }
    return value;
}


/***/ }),

/***/ 4926:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GJ: () => (/* binding */ recognise),
/* harmony export */   I: () => (/* binding */ kindOf),
/* harmony export */   xD: () => (/* binding */ issuerOf)
/* harmony export */ });
/* harmony import */ var _checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5950);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _jwt_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3622);



const CLAUDE_LOGIN = 'store the Claude Code login (~/.claude/.credentials.json) instead';
const OAUTH_LOGIN = 'store the refresh token the login issued (for Codex, the whole auth.json)';
// Keycloak issues refresh tokens as JWTs and marks them with this `typ` claim.
const REFRESH_JWT_TYPES = new Set(['Refresh', 'Offline']);
// A JWT as providers issue them: a JSON header (`eyJ`), base64url parts, a signature part.
const JWT_SHAPE = /^eyJ[\w-]*\.[\w-]+\.[\w-]*$/;
/** What a token is, from its shape alone; undefined when it is opaque. */
function kindOf(token) {
    if (/^sk-ant-ort\d+-/.test(token))
        return { sort: 'refresh', issuer: 'anthropic', what: 'an Anthropic refresh token', refresh: true };
    if (/^sk-ant-oat\d+-/.test(token)) {
        return {
            sort: 'setup-token',
            issuer: 'anthropic',
            what: 'a Claude Code access token',
            refresh: false,
            instead: `it cannot be refreshed: ${CLAUDE_LOGIN}`,
            why: 'To use it as it is until it expires, pass it to the CLI as CLAUDE_CODE_OAUTH_TOKEN without oauth-broker.',
        };
    }
    if (/^sk-ant-api\d+-/.test(token)) {
        return {
            sort: 'api-key',
            issuer: 'anthropic',
            what: 'an Anthropic Console API key',
            refresh: false,
            instead: 'an API key needs no refresh: pass it as ANTHROPIC_API_KEY without oauth-broker',
            why: `To keep a subscription login alive instead, ${CLAUDE_LOGIN}.`,
        };
    }
    if (/^sk-ant-/.test(token)) {
        return {
            sort: 'anthropic-key',
            issuer: 'anthropic',
            what: 'an Anthropic key (sk-ant-…)',
            refresh: false,
            instead: CLAUDE_LOGIN,
        };
    }
    if (/^sk-(?:proj-|svcacct-|admin-)?[\w-]{20,}$/.test(token)) {
        return {
            sort: 'api-key',
            issuer: 'openai',
            what: 'an OpenAI API key (sk-…)',
            refresh: false,
            instead: 'an API key needs no refresh: pass it as OPENAI_API_KEY without oauth-broker',
            why: 'To keep a ChatGPT login alive instead, store the Codex auth.json.',
        };
    }
    if (/^ghr_/.test(token))
        return { sort: 'refresh', issuer: 'github', what: 'a GitHub refresh token (ghr_…)', refresh: true };
    if (/^(?:gh[opsu]_|github_pat_)/.test(token)) {
        return {
            sort: 'github-token',
            issuer: 'github',
            what: 'a GitHub token',
            refresh: false,
            instead: 'a GitHub token belongs in github-token; credentials holds the OAuth login to keep alive',
        };
    }
    // Any JSON payload makes it a JWT (never presented as a refresh token); only an object has claims.
    const payload = JWT_SHAPE.test(token) ? (0,_jwt_js__WEBPACK_IMPORTED_MODULE_2__/* .jwtPayload */ .c$)(token) : undefined;
    if (typeof payload === 'object' && payload !== null) {
        const claims = payload;
        if (typeof claims.typ === 'string' && REFRESH_JWT_TYPES.has(claims.typ)) {
            return { sort: 'refresh', what: 'a JWT refresh token', refresh: true };
        }
        if (claims.iss === 'https://auth.openai.com') {
            return {
                sort: 'jwt',
                issuer: 'openai',
                what: 'an OpenAI JWT (an access or ID token)',
                refresh: false,
                instead: OAUTH_LOGIN,
            };
        }
        return { sort: 'jwt', what: 'a JWT (an access or ID token)', refresh: false, instead: OAUTH_LOGIN };
    }
    return undefined;
}
const FORMAT_ISSUER = { 'claude-code': 'anthropic', codex: 'openai' };
const FORMAT_NAME = {
    'claude-code': 'these are Claude Code credentials',
    codex: 'this is a Codex auth.json',
};
/** The provider that issued these credentials, when their format or refresh token says so. */
function issuerOf(c) {
    const issuer = FORMAT_ISSUER[c.format] ?? kindOf(c.refreshToken)?.issuer;
    return issuer === 'github' ? 'oauth2' : issuer;
}
/** The `provider` value for tokens of an issuer. */
const PROVIDER_FOR = {
    anthropic: 'anthropic',
    openai: 'openai',
    github: 'oauth2 (with token-url and client-id)',
};
// The providers' own token endpoints, so that token-url cannot send one's credentials to the other.
const ENDPOINT_ISSUER = {
    'platform.claude.com': 'anthropic',
    'console.anthropic.com': 'anthropic',
    'auth.openai.com': 'openai',
};
const ISSUER_NAME = { anthropic: 'Anthropic', openai: 'OpenAI', github: 'GitHub' };
function belongs(issuer, provider) {
    return provider === 'oauth2' ? issuer === 'github' : issuer === provider;
}
/**
 * Refuses, in one line naming the input and the fix, credentials that do not belong to
 * `provider` or whose refresh token is not one, and a token-url of another provider (when
 * one is given: storing credentials sends nothing to a token endpoint).
 */
function recognise(c, provider, tokenUrl) {
    const fail = (what, details) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('OB_CREDENTIALS', `credentials: ${what}.`, { details });
    };
    const mismatch = (what, issuer) => fail(`${what} but provider is ${provider}, so it is not sent there; set provider: ${PROVIDER_FOR[issuer]}`);
    const formatIssuer = FORMAT_ISSUER[c.format];
    if (formatIssuer && !belongs(formatIssuer, provider))
        mismatch(FORMAT_NAME[c.format], formatIssuer);
    const rt = kindOf(c.refreshToken);
    const subject = c.format === 'refresh-token' ? 'this' : 'the refresh token';
    if (rt && !rt.refresh)
        fail(`${subject} is ${rt.what}, not a refresh token; ${rt.instead}`, rt.why);
    if (rt?.issuer && !belongs(rt.issuer, provider))
        mismatch(`${subject} is ${rt.what}`, rt.issuer);
    // Anthropic's refresh tokens all carry their prefix: anything else was issued elsewhere.
    if (provider === 'anthropic' && rt?.issuer !== 'anthropic') {
        fail(`${subject} is not an Anthropic refresh token, so it is not sent to Anthropic; ` +
            'set provider to the one that issued it (openai, or oauth2 with token-url and client-id)');
    }
    for (const [field, token] of [
        ['access token', c.accessToken],
        ['ID token', c.idToken],
    ]) {
        const kind = token ? kindOf(token) : undefined;
        if (kind?.issuer && !belongs(kind.issuer, provider))
            mismatch(`the ${field} is ${kind.what}`, kind.issuer);
    }
    if (tokenUrl === undefined)
        return;
    const { hostname } = new URL(tokenUrl);
    const endpoint = ENDPOINT_ISSUER[hostname];
    if (endpoint && !belongs(endpoint, provider)) {
        throw (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .conflict */ .hj)('token-url', `${hostname} is ${ISSUER_NAME[endpoint]}'s token endpoint but provider is ${provider}, so nothing is sent there`, `set provider: ${endpoint}, or token-url to the issuer of the credentials`);
    }
}


/***/ }),

/***/ 6605:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ MAX_SECRET_BYTES)
/* harmony export */ });
/* unused harmony export checkWriteBack */
/* harmony import */ var _core_formats_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4143);
/* harmony import */ var _core_formats_fields_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5055);
// GitHub's limit on a secret's value, and the check that a login's rotation will fit in it.


/** GitHub's limit on a secret's value. */
const MAX_SECRET_BYTES = 48 * 1024;
/**
 * Refuses, before any refresh, credentials whose rotation could not be stored: the value
 * written back must fit GitHub's limit even when the provider issues tokens twice as long.
 */
function checkWriteBack(c, now) {
    const longer = (s, min) => 'x'.repeat(Math.max(2 * (s?.length ?? 0), min));
    const grown = {
        accessToken: longer(c.accessToken, 2048),
        refreshToken: longer(c.refreshToken, 512),
        expiresInSeconds: 3600,
    };
    if (c.idToken)
        grown.idToken = longer(c.idToken, 0);
    const bytes = Buffer.byteLength(serializeCredentials(applyTokenSet(c, grown, now)));
    if (bytes > MAX_SECRET_BYTES) {
        const kb = Math.ceil(Buffer.byteLength(serializeCredentials(c)) / 1024);
        fail(`is ${kb} KB; refreshed, it could exceed GitHub's 48 KB secret limit, so nothing is refreshed. ` +
            'Store only the document the login wrote.', 'Its rotated credentials could not be stored: the check allows for tokens twice as long as today’s.');
    }
}


/***/ })

};
;