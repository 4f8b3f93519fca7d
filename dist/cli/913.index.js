"use strict";
exports.id = 913;
exports.ids = [913,499];
exports.modules = {

/***/ 8913:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verb: () => (/* binding */ verb)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_credentials_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2633);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/* harmony import */ var _core_neutral_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8272);
/* harmony import */ var _core_providers_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8201);
/* harmony import */ var _core_recognise_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4926);
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(499);
/* harmony import */ var _verb_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5525);
// `oauth-broker import claude-code|codex`: the login of a provider CLI on this machine, copied for CI.
// The copy and the CLI then hold one refresh token, so the verb always says how to make a separate one.









const standardFile = (id, env) => _core_providers_js__WEBPACK_IMPORTED_MODULE_4__/* .PROVIDERS */ .xq[id].filePath?.(env) ?? '';
const CLIS = {
    'claude-code': {
        name: 'Claude Code',
        provider: 'anthropic',
        format: 'claude-code',
        file: (env) => env.CLAUDE_CONFIG_DIR ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(env.CLAUDE_CONFIG_DIR, '.credentials.json') : standardFile('anthropic', env),
        fileName: "Claude Code's .credentials.json",
        login: 'claude (/login)',
    },
    codex: {
        name: 'Codex',
        provider: 'openai',
        format: 'codex',
        file: (env) => standardFile('openai', env),
        fileName: "Codex's auth.json",
        login: 'codex login',
    },
};
const HOLDS = {
    'claude-code': 'a Claude Code login',
    codex: 'a Codex login',
    generic: 'an OAuth token document',
    'refresh-token': 'a bare refresh token',
};
// Claude Code keeps the login of the default config folder in this macOS keychain item; a
// CLAUDE_CONFIG_DIR login has an item of its own, so the keychain is read only without one.
const KEYCHAIN_ITEM = 'Claude Code-credentials';
const KEYCHAIN = `the keychain item "${KEYCHAIN_ITEM}"`;
// security(1) exits 44 (errSecItemNotFound) without the item; deps.run answers 127 without the program.
const NOT_FOUND = 44;
const NO_PROGRAM = 127;
/** The text of a file, or undefined when there is none; `label` names the option it came from. */
function readIfThere(path, label = '') {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch (err) {
        const code = err.code ?? 'error';
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return undefined;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${label}${(0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_8__/* .neutral */ .SY)(path, 120)} cannot be read (${code}).`, { cause: err });
    }
}
const fileSource = (path) => async (looked) => {
    looked.push((0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_8__/* .neutral */ .SY)(path, 80));
    const text = readIfThere(path);
    return text === undefined ? undefined : { where: path, text };
};
function keychainSource(deps) {
    return async (looked) => {
        const r = await deps.run('security', ['find-generic-password', '-s', KEYCHAIN_ITEM, '-w']);
        if (r.code === NO_PROGRAM)
            return undefined;
        looked.push(KEYCHAIN);
        if (r.code === NOT_FOUND)
            return undefined;
        if (r.code !== 0) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${KEYCHAIN} cannot be read (security exited ${r.code}); unlock the keychain ` +
                '(security unlock-keychain) and allow the access, or pass --path.');
        }
        return { where: KEYCHAIN, text: r.stdout };
    };
}
/**
 * Where the CLI's login may be, in order. On macOS Claude Code's own store is the keychain
 * (its file, when there is one, a copy); elsewhere the file, then the keychain only when a
 * `security` program exists.
 */
function sources(cli, deps) {
    const file = fileSource(cli.file(deps.env));
    if (cli.format !== 'claude-code' || deps.env.CLAUDE_CONFIG_DIR)
        return [file];
    const keychain = keychainSource(deps);
    return deps.platform === 'darwin' ? [keychain, file] : [file, keychain];
}
async function locate(cli, path, deps) {
    if (path) {
        const text = readIfThere(path, '--path: ');
        if (text === undefined)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`--path: ${(0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_8__/* .neutral */ .SY)(path, 120)} does not exist.`);
        return { where: path, text };
    }
    const looked = [];
    for (const source of sources(cli, deps)) {
        const found = await source(looked);
        if (found)
            return found;
    }
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`no ${cli.name} login in ${looked.join(' or ')}; log in with ${cli.login} first, or pass --path.`);
}
/** Codex logged in with an API key keeps the key and no tokens: nothing there can be refreshed. */
function refuseApiKey(cli, found, deps) {
    if (cli.format !== 'codex')
        return;
    // Not JSON: parseCredentials says what is wrong with it.
    const doc = (0,_verb_js__WEBPACK_IMPORTED_MODULE_7__/* .parsedJson */ .U4)(found.text);
    if (typeof doc !== 'object' || doc === null)
        return;
    const { auth_mode: mode, OPENAI_API_KEY: key, tokens } = doc;
    if (typeof key === 'string' && key)
        deps.secrets.add(key);
    if (mode === 'apikey' || (tokens == null && typeof key === 'string' && key)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${(0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_8__/* .neutral */ .SY)(found.where, 80)} is an API-key login (auth_mode apikey), with nothing to refresh; log in with ` +
            'ChatGPT (codex login) and import again, or use the key as OPENAI_API_KEY.');
    }
}
/** The login, checked as the action will check it: the named CLI's format, tokens of its provider. */
function validate(cli, found, deps) {
    refuseApiKey(cli, found, deps);
    const where = (0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_8__/* .neutral */ .SY)(found.where, 80);
    let c;
    try {
        c = (0,_core_credentials_js__WEBPACK_IMPORTED_MODULE_2__/* .parseCredentials */ .gu)(found.text);
    }
    catch (err) {
        // Its errors never quote the value; whatever is token-shaped is redacted all the same.
        for (const t of found.text.match(/[A-Za-z0-9_.~+/=-]{20,}/g) ?? [])
            deps.secrets.add(t);
        throw (0,_verb_js__WEBPACK_IMPORTED_MODULE_7__/* .inCliTerms */ .z0)(err, where);
    }
    for (const s of (0,_core_credentials_js__WEBPACK_IMPORTED_MODULE_2__/* .secretsOf */ .Fj)(c))
        deps.secrets.add(s);
    if (c.format !== cli.format) {
        const other = Object.entries(CLIS).find(([, o]) => o.format === c.format)?.[0];
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${where} holds ${HOLDS[c.format]}, not ${HOLDS[cli.format]}; ` +
            `${other ? `run oauth-broker import ${other}, or ` : ''}pass --path to ${cli.fileName}.`);
    }
    try {
        (0,_core_recognise_js__WEBPACK_IMPORTED_MODULE_5__/* .recognise */ .GJ)(c, cli.provider, _core_providers_js__WEBPACK_IMPORTED_MODULE_4__/* .PROVIDERS */ .xq[cli.provider].tokenUrl ?? '');
    }
    catch (err) {
        throw (0,_verb_js__WEBPACK_IMPORTED_MODULE_7__/* .inCliTerms */ .z0)(err, where);
    }
    return c;
}
/** The copy holds the login and nothing else: Claude Code keeps MCP servers' own tokens beside it. */
function forCi(c, deps) {
    if (!('mcpOAuth' in c.doc))
        return c;
    const { mcpOAuth: _, ...doc } = c.doc;
    deps.stderr('Left out "mcpOAuth": the tokens of MCP servers stay on this machine.');
    return { ...c, doc };
}
function warnShared(cli, deps) {
    for (const l of [
        `Warning: this copy and ${cli.name} on this machine now share one refresh token, and a refresh spends it:`,
        '  whichever refreshes first (the CLI here or CI) leaves the other holding a dead login (invalid_grant).',
        '  For CI, make a separate login instead:',
        `  oauth-broker login --provider ${cli.provider} --out - | oauth-broker seed --repo O/R --secret NAME --from -`,
    ]) {
        deps.stderr(l);
    }
}
const verb = {
    usage: [
        'import claude-code|codex --out FILE|- [--path P]',
        '  Copies the login of Claude Code or Codex on this machine to FILE (mode 0600), or to stdout with',
        '  --out -. Claude Code: $CLAUDE_CONFIG_DIR/.credentials.json, else ~/.claude/.credentials.json; without',
        `  CLAUDE_CONFIG_DIR also the keychain item "${KEYCHAIN_ITEM}" (security find-generic-password): first`,
        '  on macOS, elsewhere only when there is no file and a security program exists. Codex:',
        '  $CODEX_HOME/auth.json, else ~/.codex/auth.json. --path reads that file instead.',
        '  The copy shares its refresh token with this machine; a separate login for CI:',
        '  oauth-broker login --provider anthropic|openai --out - | oauth-broker seed --repo O/R --secret NAME --from -',
    ].join('\n'),
    options: { path: { type: 'string' }, out: { type: 'string' } },
    positionals: { min: 1, max: 1, name: 'the CLI to import from (claude-code or codex)' },
    async run(args, deps) {
        const name = args.positionals[0];
        const cli = Object.hasOwn(CLIS, name) ? CLIS[name] : undefined;
        if (!cli)
            throw new _verb_js__WEBPACK_IMPORTED_MODULE_7__/* .UsageError */ .eb(`"${(0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_8__/* .neutral */ .SY)(name, 40)}" is not claude-code or codex.`);
        const out = (0,_verb_js__WEBPACK_IMPORTED_MODULE_7__/* .option */ .uK)(args, 'out', true);
        const found = await locate(cli, (0,_verb_js__WEBPACK_IMPORTED_MODULE_7__/* .option */ .uK)(args, 'path'), deps);
        const c = forCi(validate(cli, found, deps), deps);
        deps.stderr(`Imported the ${cli.name} login from ${found.where}: ${(0,_status_js__WEBPACK_IMPORTED_MODULE_6__.describeAccessToken)(c, deps.now())}.`);
        warnShared(cli, deps);
        await (0,_verb_js__WEBPACK_IMPORTED_MODULE_7__/* .writeOut */ .sD)(out, (0,_core_credentials_js__WEBPACK_IMPORTED_MODULE_2__/* .serializeCredentials */ .dY)(c), deps);
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


/***/ }),

/***/ 8201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lw: () => (/* binding */ homeDir),
/* harmony export */   rl: () => (/* binding */ isProviderId),
/* harmony export */   xq: () => (/* binding */ PROVIDERS)
/* harmony export */ });
/* unused harmony export writableHome */
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
/**
 * The home folder a file may be written in: '' when HOME is set but empty, when there is none,
 * when it is relative, or when it is the root folder (a service account's, a container's), where
 * a login file has no business.
 */
function writableHome(env) {
    const home = env.HOME === '' ? '' : homeDir(env);
    if (!home || !isAbsolute(home))
        return '';
    const full = resolve(home);
    return full === parse(full).root ? '' : home;
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
        filePath: (env, home = homeDir(env)) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(home, '.claude', '.credentials.json'),
    },
    openai: {
        id: 'openai',
        tokenUrl: 'https://auth.openai.com/oauth/token',
        clientId: 'app_EMoamEEZ73f0CkXaXp7hrann',
        encoding: 'json',
        sendsScope: false,
        defaultFile: 'auto',
        defaultClientRefresh: true,
        filePath: (env, home = homeDir(env)) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(env.CODEX_HOME || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(home, '.codex'), 'auth.json'),
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


/***/ })

};
;