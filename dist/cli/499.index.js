"use strict";
exports.id = 499;
exports.ids = [499];
exports.modules = {

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

// EXTERNAL MODULE: ./src/core/credentials.ts
var credentials = __webpack_require__(2633);
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


/***/ })

};
;