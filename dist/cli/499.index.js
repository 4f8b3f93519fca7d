"use strict";
exports.id = 499;
exports.ids = [499];
exports.modules = {

/***/ 958:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DQ: () => (/* binding */ loginOf),
/* harmony export */   ls: () => (/* binding */ identify),
/* harmony export */   qG: () => (/* binding */ nameCredentials),
/* harmony export */   uH: () => (/* binding */ codexApiKeyOf)
/* harmony export */ });
/* harmony import */ var _core_formats_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4143);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _core_recognise_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4926);
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
    const k = (0,_core_recognise_js__WEBPACK_IMPORTED_MODULE_2__/* .kindOf */ .I)(token);
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
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
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
        return nameToken(c.refreshToken, (0,_core_recognise_js__WEBPACK_IMPORTED_MODULE_2__/* .issuerOf */ .xD)(c) ?? null);
    return { kind: 'login', what: LOGIN_NAMES[c.format], provider: (0,_core_recognise_js__WEBPACK_IMPORTED_MODULE_2__/* .issuerOf */ .xD)(c) ?? null };
}
/**
 * What `text` is; every token in it is added to `secrets` before anything can print. `parse`
 * runs the core's parser (the caller turns its errors into its own words).
 */
function identify(text, secrets, parse = _core_formats_index_js__WEBPACK_IMPORTED_MODULE_0__/* .parseCredentials */ .gu) {
    const key = codexApiKeyOf(text);
    if (key) {
        secrets.add(key);
        return { named: CODEX_API_KEY, token: key };
    }
    const c = parse(text);
    for (const s of (0,_core_formats_index_js__WEBPACK_IMPORTED_MODULE_0__/* .secretsOf */ .Fj)(c))
        secrets.add(s);
    const named = nameCredentials(c);
    return { named, credentials: c, token: c.format === 'refresh-token' ? c.refreshToken : undefined };
}
/** Refuses what is no login the broker can keep alive, naming it: `where` is `--from FILE`. */
function loginOf(given, where) {
    const { named, credentials } = given;
    if (named.instead || !credentials) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${where}: ${named.what}, not a login; ${named.instead ?? 'give a login'}.`);
    }
    return credentials;
}


/***/ }),

/***/ 499:
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
// A token's fingerprint: the first 12 hex of its SHA-256, safe to log, for audit. The action's
// `fingerprint` output and `oauth-broker status` print the same one.
//
// SHA-256 (FIPS 180-4) is written out here instead of taken from node:crypto because loading
// node:crypto costs a start about a fifth of `node -e 0` on Node 24 (11 ms of 50), and status
// must start within 1.5x of it. The tests check it against node:crypto. It is never used as a key.
const K = new Uint32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
    0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
    0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
    0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2,
]);
const H0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const rotr = (x, n) => (x >>> n) | (x << (32 - n));
/** The message padded to whole 64-byte blocks: a 1 bit, zeros, then its length in bits (big-endian). */
function padded(text) {
    const bytes = new TextEncoder().encode(text);
    const length = Math.ceil((bytes.length + 9) / 64) * 64;
    const block = new Uint8Array(length);
    block.set(bytes);
    block[bytes.length] = 0x80;
    const view = new DataView(block.buffer);
    view.setUint32(length - 8, Math.floor(bytes.length / 0x20000000));
    view.setUint32(length - 4, (bytes.length * 8) >>> 0);
    return view;
}
/** The SHA-256 of a text's UTF-8 bytes, in hex. */
function sha256Hex(text) {
    const data = padded(text);
    const h = [...H0];
    const w = new Uint32Array(64);
    for (let offset = 0; offset < data.byteLength; offset += 64) {
        for (let i = 0; i < 16; i++)
            w[i] = data.getUint32(offset + i * 4);
        for (let i = 16; i < 64; i++) {
            const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
            const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        let [a, b, c, d, e, f, g, hh] = h;
        for (let i = 0; i < 64; i++) {
            const t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
            const t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            hh = g;
            g = f;
            f = e;
            e = (d + t1) | 0;
            d = c;
            c = b;
            b = a;
            a = (t1 + t2) | 0;
        }
        h[0] = (h[0] + a) | 0;
        h[1] = (h[1] + b) | 0;
        h[2] = (h[2] + c) | 0;
        h[3] = (h[3] + d) | 0;
        h[4] = (h[4] + e) | 0;
        h[5] = (h[5] + f) | 0;
        h[6] = (h[6] + g) | 0;
        h[7] = (h[7] + hh) | 0;
    }
    return h.map((v) => (v >>> 0).toString(16).padStart(8, '0')).join('');
}
/** The first 12 hex of the token's SHA-256. */
const fingerprint = (token) => sha256Hex(token).slice(0, 12);

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
        throw new errors/* UserError */.yo(`--from ${from}: is empty; give the credentials the login wrote.`);
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
        fingerprint: c.accessToken ? fingerprint(c.accessToken) : null,
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
        fingerprint: given.token ? fingerprint(given.token) : null,
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
            throw new errors/* UserError */.yo(!s.expires_at
                ? 'there is no access token yet; refresh it (oauth-broker refresh --from FILE).'
                : (s.expires_in ?? 0) <= 0
                    ? 'the access token has expired; refresh it (oauth-broker refresh --from FILE).'
                    : `the access token has less than ${minTtl} left; refresh it (oauth-broker refresh --from FILE).`);
        }
    },
};


/***/ }),

/***/ 4926:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GJ: () => (/* binding */ recognise),
/* harmony export */   I: () => (/* binding */ kindOf),
/* harmony export */   xD: () => (/* binding */ issuerOf)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _jwt_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3622);


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
    const claims = JWT_SHAPE.test(token) ? (0,_jwt_js__WEBPACK_IMPORTED_MODULE_1__/* .jwtClaims */ .v)(token) : undefined;
    if (claims) {
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`credentials: ${what}.`, { details });
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`token-url: ${hostname} is ${ISSUER_NAME[endpoint]}'s token endpoint but provider is ${provider}, ` +
            `so nothing is sent there; set provider: ${endpoint}, or token-url to the issuer of the credentials.`);
    }
}


/***/ })

};
;