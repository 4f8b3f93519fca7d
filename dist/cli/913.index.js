"use strict";
exports.id = 913;
exports.ids = [913,836];
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
/* harmony import */ var _core_formats_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4143);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _core_neutral_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8272);
/* harmony import */ var _core_providers_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8201);
/* harmony import */ var _core_recognise_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4926);
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(836);
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
        const code = (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .systemCode */ .xU)(err);
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return undefined;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('OB_FILE', `${label}${(0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_8__/* .neutral */ .SY)(path, 120)} cannot be read (${code}).`, { cause: err });
    }
}
const fileSource = (path) => async (looked) => {
    looked.push((0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_8__/* .neutral */ .SY)(path, 120));
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
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('OB_FILE', `${KEYCHAIN} cannot be read (security exited ${r.code}); unlock the keychain ` +
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
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('OB_FILE', `--path: ${(0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_8__/* .neutral */ .SY)(path, 120)} does not exist.`);
        return { where: path, text };
    }
    const looked = [];
    for (const source of sources(cli, deps)) {
        const found = await source(looked);
        if (found)
            return found;
    }
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('OB_FILE', `no ${cli.name} login in ${looked.join(' or ')}; log in with ${cli.login} first, or pass --path.`);
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
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('OB_CREDENTIALS', `${(0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_8__/* .neutral */ .SY)(found.where, 80)} is ${named.what}, not a login; ${named.instead}.`);
}
/** The login, checked as the action will check it: the named CLI's format, tokens of its provider. */
function validate(cli, found, deps) {
    refuseApiKey(cli, found, deps);
    const where = (0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_8__/* .neutral */ .SY)(found.where, 80);
    if (!found.text.trim())
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('OB_CREDENTIALS', `${where} is empty; log in with ${cli.login} again, or pass --path.`);
    let c;
    try {
        c = (0,_core_formats_index_js__WEBPACK_IMPORTED_MODULE_1__/* .parseCredentials */ .gu)(found.text);
    }
    catch (err) {
        // Its errors never quote the value; whatever is token-shaped is redacted all the same.
        for (const t of found.text.match(/[A-Za-z0-9_.~+/=-]{20,}/g) ?? [])
            deps.secrets.add(t);
        throw (0,_verb_js__WEBPACK_IMPORTED_MODULE_7__/* .inCliTerms */ .z0)(err, where);
    }
    for (const s of (0,_core_formats_index_js__WEBPACK_IMPORTED_MODULE_1__/* .secretsOf */ .Fj)(c))
        deps.secrets.add(s);
    if (c.format !== cli.format) {
        const other = Object.entries(CLIS).find(([, o]) => o.format === c.format)?.[0];
        const holds = c.format === 'refresh-token' || c.format === 'generic' ? (0,_kind_js__WEBPACK_IMPORTED_MODULE_6__/* .nameCredentials */ .qG)(c).what : LOGIN[c.format];
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('OB_CREDENTIALS', `${where} holds ${holds}, not ${LOGIN[cli.format]}; ` +
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
    return (0,_core_formats_index_js__WEBPACK_IMPORTED_MODULE_1__/* .serializeCredentials */ .dY)(c);
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
        apiUrl: 'https://api.anthropic.com',
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
        // The ChatGPT backend Codex calls with a ChatGPT login (paths under /backend-api/).
        apiUrl: 'https://chatgpt.com',
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


/***/ })

};
;