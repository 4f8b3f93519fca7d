"use strict";
exports.id = 913;
exports.ids = [913];
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
    return (0,_core_formats_index_js__WEBPACK_IMPORTED_MODULE_1__/* .serializeCredentials */ .dY)(c);
}


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


/***/ })

};
;