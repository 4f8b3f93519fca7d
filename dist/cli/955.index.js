"use strict";
exports.id = 955;
exports.ids = [955,499,321];
exports.modules = {

/***/ 4955:
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
// EXTERNAL MODULE: ./src/core/refresh.ts
var refresh = __webpack_require__(1468);
;// CONCATENATED MODULE: ./src/core/shield.ts
// SIGINT and SIGTERM deferred while a refresh token may be spent and its successor is not yet
// stored: the request in flight is answered and stored first. The action's main step (the
// runner's cancel, src/action/shield.ts) and `oauth-broker refresh` (Ctrl-C, src/cli/refresh.ts)
// raise it; each decides what the cancel means once it is released.
const SIGNALS = ['SIGINT', 'SIGTERM'];
/** Defers SIGINT and SIGTERM until release(); `heard` is told of each, with how many came so far. */
function raiseShield(heard) {
    let received;
    let count = 0;
    let interrupt = () => undefined;
    const interrupted = new Promise((resolve) => {
        interrupt = resolve;
    });
    const defer = (signal) => {
        received ??= signal;
        interrupt();
        heard(signal, ++count);
    };
    for (const s of SIGNALS)
        process.on(s, defer);
    return {
        cancelled: () => received !== undefined,
        signal: () => received,
        interrupted,
        release() {
            for (const s of SIGNALS)
                process.off(s, defer);
        },
    };
}

// EXTERNAL MODULE: ./src/core/url.ts
var url = __webpack_require__(38);
// EXTERNAL MODULE: ./src/cli/status.ts + 1 modules
var cli_status = __webpack_require__(499);
// EXTERNAL MODULE: ./src/cli/verb.ts
var verb = __webpack_require__(5525);
;// CONCATENATED MODULE: ./src/cli/refresh.ts
// `oauth-broker refresh --from FILE`: one refresh grant, and the file rewritten in place with what it
// returned. From the provider's answer on, the old refresh token is dead: the new credentials reach
// FILE, or a file beside it, and the lines after say where the other copies must be replaced.
// A Ctrl-C (or SIGTERM) before the request ends the process at once, as nothing is spent; from
// the request on it waits until the answer is stored, or the request failed (docs/design.md,
// "Cancellation").














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
/** What each Ctrl-C after the first says while the request is in flight. */
const WAITING = "oauth-broker refresh: waiting for the provider's answer, so that the new refresh token is not lost; " +
    'Ctrl-C again does not stop this.';
async function present(grant, c, from, shield, deps) {
    const t = (0,env/* timings */.E)(deps.env);
    // Set when a cancel stopped a retry: the attempts before it surely spent nothing.
    let stopped = false;
    try {
        return await (0,refresh/* refreshTokens */.O3)({ ...grant, refreshToken: c.refreshToken }, {
            fetch: deps.fetch,
            now: deps.now,
            // A retry's wait sends nothing, so a cancel ends it at once.
            sleep: (ms) => Promise.race([deps.sleep(ms), shield.interrupted]),
            info: (m) => deps.stderr(m),
            timeoutMs: t.httpTimeoutMs,
            retryDelayMs: t.retryBaseMs,
            cancelled: () => {
                stopped = shield.cancelled();
                return stopped;
            },
        });
    }
    catch (err) {
        const signal = shield.signal();
        if (stopped && signal) {
            throw new verb/* Interrupted */.j$(`interrupted (${signal}) before the request was sent again; nothing was spent and ` +
                `${(0,neutral/* neutral */.SY)(from, 120)} is unchanged.`, signal);
        }
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
        (0,credfile.writePrivateFile)(target.path, text, { mode: target.mode });
        return;
    }
    catch (err) {
        const why = err.code ?? 'error';
        const rescue = `${target.path}.rotated-${stamp(deps.now())}`;
        try {
            (0,credfile.writePrivateFile)(rescue, text);
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
        '  Once the request is sent, Ctrl-C waits until the answer is stored, then exits 130.',
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
        const shield = raiseShield((_signal, count) => {
            if (count > 1)
                deps.stderr(WAITING);
        });
        try {
            const t = await present(grant, before, from, shield, deps);
            for (const s of [t.accessToken, t.refreshToken, t.idToken])
                if (s)
                    deps.secrets.add(s);
            const after = (0,credentials/* applyTokenSet */.QL)(before, t, deps.now());
            store(target, from, `${(0,credentials/* serializeCredentials */.dY)(after)}\n`, deps);
            report(from, before, t, after, deps);
        }
        finally {
            shield.release();
        }
        const signal = shield.signal();
        if (signal) {
            throw new verb/* Interrupted */.j$(`interrupted (${signal}) after the refresh completed and was stored in ${(0,neutral/* neutral */.SY)(from, 120)}.`, signal);
        }
    },
};


/***/ }),

/***/ 499:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  asFrom: () => (/* binding */ asFrom),
  describeAccessToken: () => (/* binding */ describeAccessToken),
  readCredentials: () => (/* binding */ readCredentials),
  statusOf: () => (/* binding */ statusOf),
  verb: () => (/* binding */ status_verb)
});

// EXTERNAL MODULE: ./src/core/credentials.ts + 1 modules
var credentials = __webpack_require__(4477);
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
// EXTERNAL MODULE: ./src/cli/verb.ts
var verb = __webpack_require__(5525);
;// CONCATENATED MODULE: ./src/cli/status.ts
// `oauth-broker status`: what a credentials document holds, with no network and never a token.






const FORMAT_NAMES = {
    'claude-code': 'Claude Code .credentials.json',
    codex: 'Codex auth.json',
    generic: 'OAuth token document',
    'refresh-token': 'a bare refresh token',
};
/** Reads credentials for a verb: parsed, and every token in them kept for redaction. */
async function readCredentials(from, deps) {
    const text = await (0,verb/* readFrom */.zP)(from, deps);
    if (!text.trim())
        throw new errors/* UserError */.yo(`--from ${from}: is empty; give the credentials the login wrote.`);
    const c = asFrom(from, () => (0,credentials/* parseCredentials */.gu)(text));
    for (const s of (0,credentials/* secretsOf */.Fj)(c))
        deps.secrets.add(s);
    return c;
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
function human(s) {
    const left = timeLeft(s);
    return [
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
        '  What the credentials hold: format, provider, expiry, scopes, whether a refresh token is',
        "  present, the access token's fingerprint. No network; never a token. --from defaults to -",
        '  (standard input). Exit 1 when the access token has less than --min-ttl left (default 0s).',
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
        const s = statusOf(await readCredentials((0,verb/* option */.uK)(args, 'from') ?? '-', deps), minTtlMs, deps.now());
        if (args.values.json)
            deps.stdout(`${JSON.stringify(s)}\n`);
        else
            for (const l of human(s))
                deps.stderr(l);
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

/***/ 7321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   writePrivateFile: () => (/* binding */ writePrivateFile)
/* harmony export */ });
/* unused harmony exports credentialsFileContent, digest, entryAt, kindOf, moveAside */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
// The provider CLI's own credentials file (README, `credentials-file`), written 0600.





// Claude Code ignores a file whose scopes lack user:inference ("Not logged in").
const CLAUDE_DEFAULT_SCOPES = (/* unused pure expression or super */ null && (['user:inference']));
/**
 * The file as the provider's CLI reads it. Without `clientRefresh` it holds no refresh
 * token, so the broker stays the only party that ever spends one.
 */
function credentialsFileContent(provider, c, clientRefresh) {
    const refreshToken = clientRefresh ? c.refreshToken : undefined;
    if (provider === 'anthropic') {
        const o = c.format === 'claude-code' ? { ...c.doc.claudeAiOauth } : {};
        o.accessToken = c.accessToken;
        o.expiresAt = c.expiresAt;
        o.scopes = c.scopes ?? o.scopes ?? CLAUDE_DEFAULT_SCOPES;
        if (refreshToken)
            o.refreshToken = refreshToken;
        else
            delete o.refreshToken;
        return JSON.stringify({ ...(c.format === 'claude-code' ? unmarked(c.doc) : {}), claudeAiOauth: o }, null, 2);
    }
    if (provider === 'openai') {
        const doc = c.format === 'codex' ? unmarked(c.doc) : { auth_mode: 'chatgpt', OPENAI_API_KEY: null };
        const tokens = { ...(doc.tokens ?? {}) };
        tokens.access_token = c.accessToken;
        if (c.idToken)
            tokens.id_token = c.idToken;
        // Codex requires the field to exist; an empty one cannot be spent.
        tokens.refresh_token = refreshToken ?? '';
        doc.tokens = tokens;
        return JSON.stringify(doc, null, 2);
    }
    const doc = { access_token: c.accessToken, token_type: 'Bearer' };
    if (c.expiresAt !== undefined)
        doc.expires_at = new Date(c.expiresAt).toISOString();
    if (refreshToken)
        doc.refresh_token = refreshToken;
    return JSON.stringify(doc, null, 2);
}
/**
 * The document without the broker's write marker: the CLI's file is the CLI's, and a file
 * stored back by hand must not carry a marker older than the write that stores it.
 */
function unmarked(doc) {
    const { [MARKER_FIELD]: _, ...rest } = doc;
    return rest;
}
const digest = (text) => createHash('sha256').update(text).digest('hex');
/** What is at `path` without following a link, or undefined when nothing is. */
function entryAt(path) {
    try {
        return lstatSync(path);
    }
    catch (err) {
        // ENOTDIR: a parent is a file, so nothing can be there; writing will say so.
        if (['ENOENT', 'ENOTDIR'].includes(err.code ?? ''))
            return undefined;
        throw err;
    }
}
/** A symbolic link, a directory, a socket…: said in a few words. */
function kindOf(st) {
    if (st.isSymbolicLink())
        return 'a symbolic link';
    return st.isDirectory() ? 'a directory' : 'not a regular file';
}
/**
 * Makes room at `path` without losing what is there: a file (a login already on this
 * runner) is renamed beside it, and its new name returned. Anything but a file is refused:
 * writing through a symbolic link could replace any file the runner's user can write.
 */
function moveAside(path, suffix) {
    const st = entryAt(path);
    if (!st)
        return undefined;
    if (!st.isFile()) {
        throw new UserError(`credentials-file: ${path} is ${kindOf(st)}, which is never replaced; choose another path.`);
    }
    const backup = `${path}${suffix}${randomBytes(6).toString('hex')}`;
    renameSync(path, backup);
    return backup;
}
/**
 * Writes atomically with mode 0600 (directory 0700), so no reader ever sees a partial or
 * open file, and durably: the data reaches the disk before the rename, and the rename
 * after it, so a crash leaves the old file or the new one, never an empty one. The
 * temporary file is created exclusively and renamed over `path`: a link put at either
 * name is replaced, never followed. `mode` may only be stricter (0400). `durable: false`
 * skips the two syncs (about a millisecond each here), for a file nothing reads after a crash.
 */
function writePrivateFile(path, content, { mode = 0o600, durable = true } = {}) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), { recursive: true, mode: 0o700 });
    const tmp = `${path}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`;
    try {
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(tmp, 'wx', mode);
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(fd, content);
            // The umask may have narrowed the mode given to open.
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fchmodSync)(fd, mode);
            if (durable)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fsyncSync)(fd);
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
        }
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(tmp, path);
    }
    catch (err) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(tmp, { force: true });
        throw err;
    }
    if (durable)
        syncFolder((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path));
}
/** Makes a rename durable where a folder can be synced (not on Windows). The file is in place either way. */
function syncFolder(dir) {
    if (process.platform === 'win32')
        return;
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(dir, 'r');
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fsyncSync)(fd);
    }
    catch {
        // Some file systems refuse to sync a folder; the rename has happened all the same.
    }
    finally {
        if (fd !== undefined)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    }
}


/***/ })

};
;