"use strict";
exports.id = 913;
exports.ids = [913,499];
exports.modules = {

/***/ 8913:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   importLogin: () => (/* binding */ importLogin),
/* harmony export */   verb: () => (/* binding */ verb)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_credentials_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2633);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _core_neutral_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8272);
/* harmony import */ var _core_providers_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8201);
/* harmony import */ var _core_recognise_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4926);
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(499);
/* harmony import */ var _kind_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(958);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7472);
/* harmony import */ var _verb_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5525);
// `oauth-broker import claude-code|codex`: the login of a provider CLI on this machine, copied for CI.
// The copy and the CLI then hold one refresh token, so the verb always says how to make a separate one.










const standardFile = (id, env) => _core_providers_js__WEBPACK_IMPORTED_MODULE_3__/* .PROVIDERS */ .xq[id].filePath?.(env) ?? '';
const CLIS = {
    'claude-code': {
        name: 'Claude Code',
        provider: 'anthropic',
        format: 'claude-code',
        file: (env) => env.CLAUDE_CONFIG_DIR ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(env.CLAUDE_CONFIG_DIR, '.credentials.json') : standardFile('anthropic', env),
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
/** What each CLI's login is called, for a file that holds another thing. */
const LOGIN = { 'claude-code': 'a Claude Code login', codex: 'a Codex login' };
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
        const bytes = (0,_verb_js__WEBPACK_IMPORTED_MODULE_7__/* .readBounded */ .CB)(path);
        if (bytes.length > _verb_js__WEBPACK_IMPORTED_MODULE_7__/* .MAX_INPUT_BYTES */ .su)
            throw (0,_verb_js__WEBPACK_IMPORTED_MODULE_7__/* .tooLarge */ .g$)(`${label}${(0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_8__/* .neutral */ .SY)(path, 120)}`);
        return bytes.toString('utf8');
    }
    catch (err) {
        if (err instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo)
            throw err;
        const code = err.code ?? 'error';
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return undefined;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${label}${(0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_8__/* .neutral */ .SY)(path, 120)} cannot be read (${code}).`, { cause: err });
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
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${KEYCHAIN} cannot be read (security exited ${r.code}); unlock the keychain ` +
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
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`--path: ${(0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_8__/* .neutral */ .SY)(path, 120)} does not exist.`);
        return { where: path, text };
    }
    const looked = [];
    for (const source of sources(cli, deps)) {
        const found = await source(looked);
        if (found)
            return found;
    }
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`no ${cli.name} login in ${looked.join(' or ')}; log in with ${cli.login} first, or pass --path.`);
}
/** Codex logged in with an API key keeps the key and no tokens: nothing there can be refreshed. */
function refuseApiKey(cli, found, deps) {
    if (cli.format !== 'codex')
        return;
    const key = (0,_kind_js__WEBPACK_IMPORTED_MODULE_6__/* .codexApiKeyOf */ .uH)(found.text);
    if (!key)
        return;
    deps.secrets.add(key);
    const named = (0,_kind_js__WEBPACK_IMPORTED_MODULE_6__/* .identify */ .ls)(found.text, deps.secrets).named;
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${(0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_8__/* .neutral */ .SY)(found.where, 80)} is ${named.what}, not a login; ${named.instead}.`);
}
/** The login, checked as the action will check it: the named CLI's format, tokens of its provider. */
function validate(cli, found, deps) {
    refuseApiKey(cli, found, deps);
    const where = (0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_8__/* .neutral */ .SY)(found.where, 80);
    if (!found.text.trim())
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${where} is empty; log in with ${cli.login} again, or pass --path.`);
    let c;
    try {
        c = (0,_core_credentials_js__WEBPACK_IMPORTED_MODULE_1__/* .parseCredentials */ .gu)(found.text);
    }
    catch (err) {
        // Its errors never quote the value; whatever is token-shaped is redacted all the same.
        for (const t of found.text.match(/[A-Za-z0-9_.~+/=-]{20,}/g) ?? [])
            deps.secrets.add(t);
        throw (0,_verb_js__WEBPACK_IMPORTED_MODULE_7__/* .inCliTerms */ .z0)(err, where);
    }
    for (const s of (0,_core_credentials_js__WEBPACK_IMPORTED_MODULE_1__/* .secretsOf */ .Fj)(c))
        deps.secrets.add(s);
    if (c.format !== cli.format) {
        const other = Object.entries(CLIS).find(([, o]) => o.format === c.format)?.[0];
        const holds = c.format === 'refresh-token' || c.format === 'generic' ? (0,_kind_js__WEBPACK_IMPORTED_MODULE_6__/* .nameCredentials */ .qG)(c).what : LOGIN[c.format];
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${where} holds ${holds}, not ${LOGIN[cli.format]}; ` +
            `${other ? `run oauth-broker import ${other}, or ` : ''}pass --path to ${cli.fileName}.`);
    }
    try {
        (0,_core_recognise_js__WEBPACK_IMPORTED_MODULE_4__/* .recognise */ .GJ)(c, cli.provider, _core_providers_js__WEBPACK_IMPORTED_MODULE_3__/* .PROVIDERS */ .xq[cli.provider].tokenUrl ?? '');
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
        'import claude-code|codex --out FILE|- [--path P] [--force]',
        '  Copies the login of Claude Code or Codex on this machine to FILE (mode 0600; an existing FILE only',
        '  with --force, and its folder must exist), or to stdout with --out - (not a terminal, unless --force).',
        '  Claude Code: $CLAUDE_CONFIG_DIR/.credentials.json, else ~/.claude/.credentials.json; without',
        `  CLAUDE_CONFIG_DIR also the keychain item "${KEYCHAIN_ITEM}" (security find-generic-password): first`,
        '  on macOS, elsewhere only when there is no file and a security program exists. Codex:',
        '  $CODEX_HOME/auth.json, else ~/.codex/auth.json. --path reads that file instead.',
        '  The copy shares its refresh token with this machine; a separate login for CI:',
        '  oauth-broker login --provider anthropic|openai --out - | oauth-broker seed --repo O/R --secret NAME --from -',
    ].join('\n'),
    options: { path: { type: 'string' }, out: { type: 'string' }, ..._verb_js__WEBPACK_IMPORTED_MODULE_7__/* .FORCE_OPTION */ .mo },
    positionals: { min: 1, max: 1, name: 'the CLI to import from (claude-code or codex)' },
    async run(args, deps) {
        const name = args.positionals[0];
        const cli = Object.hasOwn(CLIS, name) ? CLIS[name] : undefined;
        if (!cli) {
            throw new _verb_js__WEBPACK_IMPORTED_MODULE_7__/* .UsageError */ .eb(`"${(0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_8__/* .neutral */ .SY)(name, 40)}" is not claude-code or codex${(0,_suggest_js__WEBPACK_IMPORTED_MODULE_9__/* .didYouMean */ .au)(name, Object.keys(CLIS)) || '.'}`);
        }
        const out = (0,_verb_js__WEBPACK_IMPORTED_MODULE_7__/* .option */ .uK)(args, 'out', true);
        (0,_verb_js__WEBPACK_IMPORTED_MODULE_7__/* .checkOut */ .b$)(out, args, deps);
        await (0,_verb_js__WEBPACK_IMPORTED_MODULE_7__/* .writeOut */ .sD)(out, await importLogin(name, (0,_verb_js__WEBPACK_IMPORTED_MODULE_7__/* .option */ .uK)(args, 'path'), deps), deps);
    },
};
/**
 * The login of that CLI on this machine, checked and ready for CI (also `oauth-broker init --import`),
 * with the warning that the copy and the CLI now share one refresh token.
 */
async function importLogin(name, path, deps) {
    const cli = CLIS[name];
    const found = await locate(cli, path, deps);
    const c = forCi(validate(cli, found, deps), deps);
    deps.stderr(`Imported the ${cli.name} login from ${found.where}: ${(0,_status_js__WEBPACK_IMPORTED_MODULE_5__.describeAccessToken)(c, deps.now())}.`);
    warnShared(cli, deps);
    return (0,_core_credentials_js__WEBPACK_IMPORTED_MODULE_1__/* .serializeCredentials */ .dY)(c);
}


/***/ }),

/***/ 958:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DQ: () => (/* binding */ loginOf),
/* harmony export */   ls: () => (/* binding */ identify),
/* harmony export */   qG: () => (/* binding */ nameCredentials),
/* harmony export */   uH: () => (/* binding */ codexApiKeyOf)
/* harmony export */ });
/* harmony import */ var _core_credentials_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2633);
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
function identify(text, secrets, parse = _core_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .parseCredentials */ .gu) {
    const key = codexApiKeyOf(text);
    if (key) {
        secrets.add(key);
        return { named: CODEX_API_KEY, token: key };
    }
    const c = parse(text);
    for (const s of (0,_core_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .secretsOf */ .Fj)(c))
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


/***/ })

};
;