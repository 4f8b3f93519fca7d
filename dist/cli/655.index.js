"use strict";
exports.id = 655;
exports.ids = [655,569];
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

/***/ 2655:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  repositoryFromRemote: () => (/* binding */ repositoryFromRemote),
  verb: () => (/* binding */ init_verb)
});

// EXTERNAL MODULE: ./src/core/formats/index.ts + 3 modules
var formats = __webpack_require__(4143);
// EXTERNAL MODULE: ./src/core/checks.ts
var checks = __webpack_require__(5950);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/neutral.ts
var neutral = __webpack_require__(8272);
// EXTERNAL MODULE: ./src/core/recognise.ts
var recognise = __webpack_require__(4926);
// EXTERNAL MODULE: ./src/github/secret-read.ts
var secret_read = __webpack_require__(1764);
// EXTERNAL MODULE: ./src/github/target.ts
var github_target = __webpack_require__(3738);
// EXTERNAL MODULE: ./src/cli/github.ts + 1 modules
var github = __webpack_require__(1132);
// EXTERNAL MODULE: ./src/cli/import.ts
var cli_import = __webpack_require__(8913);
// EXTERNAL MODULE: ./src/github/api.ts
var api = __webpack_require__(8943);
// EXTERNAL MODULE: ./src/github/explain.ts
var explain = __webpack_require__(9576);
// EXTERNAL MODULE: ./src/github/public-key.ts
var public_key = __webpack_require__(5072);
// EXTERNAL MODULE: ./src/github/secret-write.ts
var secret_write = __webpack_require__(8997);
// EXTERNAL MODULE: ./src/github/variables.ts
var variables = __webpack_require__(4086);
;// CONCATENATED MODULE: ./src/cli/init/access.ts
// Before any login: can the token do what the setup and its workflows need? Each need is proven the
// way the action proves it before a refresh (a sealed write of its check secret; a variable created and
// removed), and every one missing is named at once, with where to grant it.








/** Where fine-grained tokens are made, on github.com. */
const NEW_PAT_URL = 'https://github.com/settings/personal-access-tokens/new';
/** GitHub refused for want of a permission: a 403 that explain() turned into a line. */
function refused(err) {
    const cause = err instanceof errors/* UserError */.yo ? err.cause : err;
    return cause instanceof api/* GitHubHttpError */.I && cause.status === 403;
}
/** The page that makes a fine-grained PAT on the GitHub the API belongs to (GHES, GHE.com too). */
function newPatUrl(apiUrl) {
    const { protocol, hostname, port } = new URL(apiUrl);
    if (hostname === 'api.github.com')
        return NEW_PAT_URL;
    const host = /^api\.([^.]+\.ghe\.com)$/.exec(hostname)?.[1] ?? hostname;
    return `${protocol}//${host}${port ? `:${port}` : ''}/settings/personal-access-tokens/new`;
}
/** The permissions the setup needs where the secret is: an environment's are under Environments. */
function needs(t) {
    const need = (r, why) => ({ permission: `${(0,explain/* permissionName */.tm)(t, r)}: Read and write`, why });
    return {
        secrets: need('secrets', `store ${t.name} and rotate it`),
        variables: need('variables', 'the claims that keep two jobs from spending one login'),
    };
}
/** The lines after the error: every permission to grant, where, and the app route. */
function grantLines(t, apiUrl) {
    const n = needs(t);
    const wanted = [n.secrets, ...(n.variables.permission === n.secrets.permission ? [] : [n.variables])];
    return [
        `Give the token these repository permissions on ${t.owner}/${t.repo} (a fine-grained PAT):`,
        ...wanted.map((w) => `  ${w.permission.padEnd(30)} ${w.why}`),
        `  ${'Metadata: Read-only'.padEnd(30)} always included`,
        `  ${'Actions: Read-only'.padEnd(30)} for oauth-broker doctor (the rotation's runs)`,
        `Create one at ${newPatUrl(apiUrl)}, then set GH_TOKEN to it and run init again.`,
        'Or a GitHub App with those permissions, its token made in the workflow by actions/create-github-app-token.',
        'Nothing was logged in, and neither the secret nor a workflow was written.',
    ];
}
/**
 * Proves the token may read and write the secret and the variables beside it; refuses, naming every
 * permission missing, before anything is spent. Anything else GitHub refuses is its own error line.
 */
async function checkAccess(api, t) {
    const n = needs(t);
    const missing = new Set();
    let exists = false;
    const probe = async (need, check) => {
        try {
            await check();
        }
        catch (err) {
            if (!refused(err))
                throw err;
            missing.add(need.permission);
        }
    };
    let key;
    await probe(n.secrets, async () => {
        key = await (0,public_key/* readPublicKey */.R)(api, t);
        exists = await (0,secret_read/* secretExists */.H$)(api, t, t.name);
    });
    if (key)
        await probe(n.secrets, () => (0,secret_write/* checkWrite */.Gf)(api, t, { key: key, updatedAt: '' }));
    await probe(n.variables, () => (0,variables/* checkVariablesWrite */.n)(api, t, 'oauth-broker init: a check that the token may write variables'));
    if (missing.size > 0) {
        throw new errors/* UserError */.yo('OB_GITHUB_ACCESS', `${api.wording.token}: the token cannot set up ${(0,github_target/* describeTarget */.ff)(t)}: it lacks ${[...missing]
            .map((p) => `"${p}"`)
            .join(' and ')}.`, { details: grantLines(t, api.baseUrl) });
    }
    return { exists };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/cli/verb.ts
var verb = __webpack_require__(5525);
;// CONCATENATED MODULE: ./src/cli/init/files.ts
// Where init's workflows go: `.github/workflows` under --dir. A file there is never replaced without
// asking (or --force); the folders made for it are named.






const WORKFLOWS = ['.github', 'workflows'];
/** --dir, checked: a folder that exists. */
function checkDir(dir) {
    let isDir = false;
    try {
        isDir = (0,external_node_fs_.statSync)(dir).isDirectory();
    }
    catch {
        // absent
    }
    if (!isDir)
        throw new verb/* UsageError */.eb(`--dir: ${(0,neutral/* neutral */.SY)(dir, 120)} is not a folder; give the repository's working copy.`);
    return dir;
}
const exists = (path) => {
    try {
        (0,external_node_fs_.lstatSync)(path);
        return true;
    }
    catch {
        return false;
    }
};
/** What to do with each file: one already there is replaced with --force or a yes, else left alone. */
async function planFiles(dir, workflows, force, q) {
    const plan = [];
    for (const workflow of workflows) {
        const path = (0,external_node_path_.join)(dir, ...WORKFLOWS, workflow.file);
        const shown = (0,external_node_path_.relative)(process.cwd(), path) || path;
        let action = 'create';
        if (exists(path)) {
            action = force || (await q.confirm(`${shown} exists: replace it with ${workflow.what}?`)) ? 'replace' : 'skip';
        }
        plan.push({ workflow, path, name: [...WORKFLOWS, workflow.file].join('/'), shown, action });
    }
    return plan;
}
/** Makes .github/workflows under `dir` as needed; the folders it made. */
function makeFolders(dir) {
    const made = [];
    let at = dir;
    for (const part of WORKFLOWS) {
        at = (0,external_node_path_.join)(at, part);
        if (exists(at))
            continue;
        (0,external_node_fs_.mkdirSync)(at);
        made.push((0,external_node_path_.relative)(process.cwd(), at) || at);
    }
    return made;
}
/** Replaces a file by a rename, so a link there is replaced, never followed. */
function replaceFile(path, text) {
    const tmp = `${path}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`;
    try {
        (0,external_node_fs_.writeFileSync)(tmp, text, { flag: 'wx', mode: 0o644 });
        (0,external_node_fs_.renameSync)(tmp, path);
    }
    catch (err) {
        (0,external_node_fs_.rmSync)(tmp, { force: true });
        throw err;
    }
}
/** Writes the plan; each file's line on stderr; the files written. */
function writeFiles(dir, plan, deps) {
    const written = [];
    const writing = plan.filter((p) => p.action !== 'skip');
    let made;
    try {
        made = writing.length ? makeFolders(dir) : [];
    }
    catch (err) {
        throw new errors/* UserError */.yo('OB_FILE', `--dir: cannot make .github/workflows in ${(0,neutral/* neutral */.SY)(dir, 120)} (${(0,errors/* systemCode */.xU)(err)}).`, {
            cause: err,
        });
    }
    for (const m of made)
        deps.stderr(`Created the folder ${m}.`);
    for (const p of plan) {
        if (p.action === 'skip') {
            deps.stderr(`Left ${p.shown} as it is: it exists (--force replaces it).`);
            continue;
        }
        try {
            if (p.action === 'replace')
                replaceFile(p.path, p.workflow.text);
            else
                (0,external_node_fs_.writeFileSync)(p.path, p.workflow.text, { flag: 'wx', mode: 0o644 });
        }
        catch (err) {
            if ((0,errors/* systemCode */.xU)(err) === 'EEXIST') {
                deps.stderr(`Left ${p.shown} as it is: it appeared meanwhile (--force replaces it).`);
                continue;
            }
            throw new errors/* UserError */.yo('OB_FILE', `cannot write ${(0,neutral/* neutral */.SY)(p.shown, 120)} (${(0,errors/* systemCode */.xU)(err)}).`, { cause: err });
        }
        deps.stderr(`${p.action === 'replace' ? 'Replaced' : 'Wrote'} ${p.shown}: ${p.workflow.what}.`);
        written.push(p.shown);
    }
    return written;
}

;// CONCATENATED MODULE: ./src/cli/init/questions.ts
// init's questions, on stderr, each answered by a flag: with --yes (or when standard input holds the
// login, --from -) it never asks, and a question with no default fails naming the flag to pass.


const MAX_TRIES = 3;
/** The questions of one run: `why` says why init may not ask (--yes, --from -), or is empty when it may. */
function questions(deps, why) {
    const cannot = (flag) => {
        throw new verb/* UsageError */.eb(`${flag} is needed: init does not ask ${why}.`);
    };
    return {
        asking: !why,
        async text(question, flag) {
            if (why)
                return cannot(flag);
            for (let i = 0; i < MAX_TRIES; i++) {
                const answer = (await deps.ask(`${question}: `)).trim();
                if (answer)
                    return answer;
            }
            throw new verb/* UsageError */.eb(`no answer to "${question}"; pass ${flag}.`);
        },
        async choose(question, choices, flag, fallback) {
            if (why)
                return fallback !== undefined ? fallback : cannot(flag);
            deps.stderr(`${question}`);
            for (const [i, c] of choices.entries())
                deps.stderr(`  ${i + 1}) ${c.label}${i === 0 ? ' (default)' : ''}`);
            for (let i = 0; i < MAX_TRIES; i++) {
                const answer = (await deps.ask(`Choose 1-${choices.length} [1]: `)).trim();
                if (!answer)
                    return choices[0].value;
                const n = Number(answer);
                if (Number.isInteger(n) && n >= 1 && n <= choices.length)
                    return choices[n - 1].value;
                deps.stderr(`"${(0,neutral/* neutral */.SY)(answer, 20)}" is not a number from 1 to ${choices.length}.`);
            }
            throw new verb/* UsageError */.eb(`no valid answer to "${question}"; pass ${flag}.`);
        },
        async confirm(question) {
            if (why)
                return false;
            return /^y(es)?$/i.test((await deps.ask(`${question} [y/N] `)).trim());
        },
    };
}

;// CONCATENATED MODULE: ./src/cli/init/workflows.ts
// The two workflows `oauth-broker init` writes, as the README's recipes show them (its first workflow,
// and Recipes: Claude Code, Codex): the scheduled rotation, the only workflow that refreshes, and a job
// that uses the stored token without refreshing (`mode: check`) and runs the agent. Pinned to the
// release workflows pin; __tests__/cli/init.test.ts holds the pins to the README's.
/** What workflows pin: the release's major tag (README: Versions). */
const BROKER_REF = 'oauth-broker/oauth-broker@v1';
const CHECKOUT_REF = 'actions/checkout@v7';
const CODEX_PACKAGE = '@openai/codex@0.171.0';
/** The rotation workflow's file, which `oauth-broker doctor` looks for first. */
const ROTATION_FILE = 'oauth-broker-rotate.yml';
/** The secret the rotation workflow reads its `github-token` from, as the README's recipes name it. */
const WRITER_SECRET = 'SECRETS_WRITER_TOKEN';
/** A YAML scalar: plain when it is a plain word, else double-quoted (JSON's escapes are YAML's). */
function yamlString(s) {
    return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(s) ? s : JSON.stringify(s);
}
const indent = (lines, by) => lines.map((l) => (l ? ' '.repeat(by) + l : l));
const workflows_text = (lines) => `${lines.join('\n')}\n`;
const secretRef = (name) => `\${{ secrets.${name} }}`;
/** A job's `environment:`, when the secret is an environment's. */
const environmentLine = (s) => (s.environment ? [`environment: ${yamlString(s.environment)}`] : []);
/** The broker step of the rotation: refresh, write back, alert. */
function rotationStep(s) {
    return [
        `- uses: ${BROKER_REF}`,
        '  with:',
        ...indent([
            ...(s.provider === 'openai' ? ['provider: openai'] : []),
            `credentials: ${secretRef(s.secret)}`,
            'mode: refresh',
            `secret-name: ${s.secret}`,
            ...(s.environment ? [`secret-environment: ${yamlString(s.environment)}`] : []),
            `github-token: ${secretRef(WRITER_SECRET)}`,
            s.provider === 'openai' ? 'credentials-file: none' : 'env-name: none',
            'alert: issue',
        ], 4),
    ];
}
function rotation(s) {
    const claude = s.provider === 'anthropic';
    const lines = [
        `# Written by oauth-broker init: keeps the login in ${s.secret} fresh, the only workflow that refreshes it.`,
        '# A failed run opens an issue about the secret; the next success closes it.',
        `name: Rotate ${claude ? 'Claude' : 'Codex'} credentials`,
        'on:',
        '  schedule:',
        claude
            ? '    - cron: "17 */4 * * *" # access tokens live about 8 hours; scheduled runs can start late'
            : '    - cron: "41 5 * * *" # ChatGPT access tokens live days: once a day is plenty',
        '  workflow_dispatch:',
        'concurrency:',
        `  group: oauth-broker-rotate-${s.secret}`,
        '  cancel-in-progress: false',
        'permissions:',
        '  contents: read',
        "  issues: write # the alert issue, with the job's own token",
        'jobs:',
        '  rotate:',
        '    runs-on: ubuntu-latest',
        ...indent(environmentLine(s), 4),
        '    steps:',
        ...indent(rotationStep(s), 6),
    ];
    return { file: ROTATION_FILE, what: 'the rotation workflow', text: workflows_text(lines) };
}
/** README, Recipes: Claude Code. Answers @claude from the repository's own people. */
function claudeJob(s) {
    const lines = [
        `# Written by oauth-broker init: answers @claude with the login in ${s.secret}. The broker step makes no`,
        '# network call and holds no write token (mode: check): it fails in one line only if the rotation has',
        "# stalled. Claude acts with write access: only the repository's people start it.",
        'name: Claude',
        'on:',
        '  issue_comment:',
        '    types: [created]',
        'permissions:',
        '  contents: write',
        '  pull-requests: write',
        '  issues: write',
        '  id-token: write # claude-code-action exchanges it for its GitHub App token',
        'jobs:',
        '  claude:',
        '    if: >-',
        "      contains(github.event.comment.body, '@claude') &&",
        '      contains(fromJSON(\'["OWNER","MEMBER","COLLABORATOR"]\'), github.event.comment.author_association)',
        '    runs-on: ubuntu-latest',
        ...indent(environmentLine(s), 4),
        '    steps:',
        `      - uses: ${CHECKOUT_REF}`,
        `      - uses: ${BROKER_REF}`,
        '        id: claude',
        '        with:',
        `          credentials: ${secretRef(s.secret)}`,
        '          mode: check',
        '          min-ttl: 1h',
        '      - uses: anthropics/claude-code-action@v1',
        '        with:',
        `          claude_code_oauth_token: \${{ steps.claude.outputs.access-token }}`,
    ];
    return { file: 'claude.yml', what: 'a job that answers @claude', text: workflows_text(lines) };
}
/** README, Recipes: Codex. Reviews pull requests of this repository (forks get no secrets). */
function codexJob(s) {
    const lines = [
        `# Written by oauth-broker init: reviews pull requests with Codex and the login in ${s.secret}. The broker`,
        '# step writes ~/.codex/auth.json holding the access token only (mode: check): no write token here.',
        'name: Codex review',
        'on:',
        '  pull_request:',
        'permissions:',
        '  contents: read',
        'jobs:',
        '  review:',
        '    if: github.event.pull_request.head.repo.full_name == github.repository # forks get no secrets',
        '    runs-on: ubuntu-latest',
        ...indent(environmentLine(s), 4),
        '    steps:',
        `      - uses: ${CHECKOUT_REF}`,
        '        with:',
        '          fetch-depth: 0',
        `      - uses: ${BROKER_REF}`,
        '        with:',
        '          provider: openai',
        `          credentials: ${secretRef(s.secret)}`,
        '          mode: check',
        '          min-ttl: 2h',
        `      - run: npm install -g ${CODEX_PACKAGE}`,
        '      - run: codex exec "Review the changes of this branch against origin/$BASE and list any bugs."',
        '        env:',
        `          BASE: \${{ github.base_ref }}`,
    ];
    return { file: 'codex-review.yml', what: 'a job that reviews pull requests with Codex', text: workflows_text(lines) };
}
/** The rotation workflow, then the job workflow, for that setup. */
function workflowsFor(s) {
    return [rotation(s), s.provider === 'anthropic' ? claudeJob(s) : codexJob(s)];
}

// EXTERNAL MODULE: ./src/cli/login.ts + 11 modules
var login = __webpack_require__(4568);
// EXTERNAL MODULE: ./src/cli/seed.ts
var seed = __webpack_require__(569);
// EXTERNAL MODULE: ./src/cli/value.ts
var value = __webpack_require__(3263);
;// CONCATENATED MODULE: ./src/cli/init.ts
// `oauth-broker init`: a repository from nothing to a working setup. Which repository, provider and
// login; the token's permissions, proven before any login; the secret seeded; the rotation workflow
// and a job workflow written; then what is left. Every question has a flag; --yes never asks.


















/** The secret each provider's recipes use (README: Quick start). */
const DEFAULT_SECRET = { anthropic: 'CLAUDE_CREDENTIALS', openai: 'CODEX_AUTH' };
const CLI_OF = {
    anthropic: { name: 'claude-code', label: 'Claude Code' },
    openai: { name: 'codex', label: 'Codex' },
};
/** The options of a new login, passed on to it (login's own, less --provider and --out). */
// init's own --force replaces the secret and files; login's (for --out) has no use here.
const LOGIN_OPTIONS = Object.keys(login.verb.options).filter((o) => !['provider', 'out', 'force'].includes(o));
const isInitProvider = (p) => p === 'anthropic' || p === 'openai';
/** Which login source the flags name: at most one. */
function sourceOf(args) {
    const from = (0,verb/* option */.uK)(args, 'from');
    const imported = args.values.import === true;
    const fresh = args.values.login === true;
    if ([from !== undefined, imported, fresh].filter(Boolean).length > 1) {
        throw new verb/* UsageError */.eb('--from, --import and --login: give one; each is a way to get the login.');
    }
    if (from !== undefined)
        return { kind: 'from', from };
    if (imported)
        return { kind: 'import' };
    return fresh ? { kind: 'login' } : undefined;
}
/** Login options go with a new login only: given with another source, they would be ignored silently. */
function checkLoginOptions(source, args) {
    const stray = LOGIN_OPTIONS.find((o) => args.values[o] !== undefined);
    if (stray && source.kind !== 'login')
        throw new verb/* UsageError */.eb(`--${stray} is for a new login (--login), not --${source.kind}.`);
}
/** owner/name from an origin URL: https://HOST/o/r(.git), git@HOST:o/r.git, ssh://git@HOST/o/r.git. */
function repositoryFromRemote(url) {
    const u = url.trim();
    // A folder on this machine names no repository on GitHub.
    if (!/^(?:(?:https?|ssh|git):\/\/|[^@\s/]+@[^:\s/]+:)/.test(u))
        return undefined;
    const m = /[/:]([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(u);
    return m ? `${m[1]}/${m[2]}` : undefined;
}
async function repositoryOf(args, dir, q, deps) {
    const given = (0,verb/* option */.uK)(args, 'repo');
    if (given)
        return given;
    const ran = await deps.run('git', ['-C', dir, 'remote', 'get-url', 'origin']);
    const found = ran.code === 0 ? repositoryFromRemote(ran.stdout) : undefined;
    if (found) {
        deps.stderr(`Repository: ${found} (git remote origin; --repo chooses another).`);
        return found;
    }
    return q.text('Repository (owner/name)', '--repo O/R');
}
/** Reads a login that exists already (a file, the local CLI's): nothing is sent. */
async function readHeld(source, provider, deps) {
    if (source.kind === 'import') {
        const cli = CLI_OF[provider ?? 'anthropic'].name;
        return { text: await imported(cli, deps), provider, label: `--import (${cli})` };
    }
    if (source.kind === 'login')
        return undefined;
    const text = await (0,value/* readSecretValue */.k)(source.from, deps);
    const issuer = (0,recognise/* issuerOf */.xD)((0,formats/* parseCredentials */.gu)(text));
    const shown = source.from === '-' ? 'standard input' : (0,neutral/* neutral */.SY)(source.from, 80);
    deps.stderr(`Login: read from ${shown}.`);
    return { text, provider: isInitProvider(issuer) ? issuer : undefined, label: `--from ${source.from}` };
}
/** The local CLI's login; import's errors in init's words (its --path is init's --from). */
async function imported(cli, deps) {
    try {
        return await (0,cli_import.importLogin)(cli, undefined, deps);
    }
    catch (err) {
        if (!(err instanceof errors/* UserError */.yo))
            throw err;
        const other = (c) => (c === 'codex' ? 'openai' : 'anthropic');
        const message = err.message
            .replace(/\bpass --path( to [^;]*?\.json)?/g, 'pass --from FILE')
            .replace(/\brun oauth-broker import (claude-code|codex)\b/g, (_, c) => `pass --provider ${other(c)}`);
        throw new errors/* UserError */.yo(err.code, message, { details: err.details, cause: err });
    }
}
/** The provider: --provider, else the one of the --from file, else asked (anthropic by default). */
async function providerOf(args, read, q) {
    const given = (0,verb/* option */.uK)(args, 'provider') ?? read?.provider;
    if (given !== undefined) {
        if (isInitProvider(given))
            return given;
        throw new verb/* UsageError */.eb(`--provider: "${(0,neutral/* neutral */.SY)(given, 40)}" is not anthropic or openai ` +
            '(for an oauth2 login: oauth-broker login, then seed).');
    }
    const choices = [
        { value: 'anthropic', label: 'anthropic: Claude (Pro, Max, Team), for Claude Code' },
        { value: 'openai', label: 'openai: ChatGPT, for Codex' },
    ];
    return q.choose('Which provider?', choices, '--provider anthropic|openai', 'anthropic');
}
/** Asks where the login comes from, when no flag said. */
async function askSource(provider, q) {
    const cli = CLI_OF[provider];
    const choices = [
        { value: 'login', label: 'a new login, for CI alone (recommended)' },
        { value: 'import', label: `the ${cli.label} login on this machine (then shared by both: either may spend it)` },
        { value: 'from', label: 'a credentials file' },
    ];
    const kind = await q.choose('Which login should CI use?', choices, '--login, --import or --from');
    if (kind === 'import')
        return { kind };
    if (kind === 'from')
        return { kind, from: await q.text('Credentials file', '--from FILE') };
    return { kind };
}
/** The secret and where it is, checked as seed checks them. */
function targetFor(args, repo, provider) {
    const secret = (0,verb/* option */.uK)(args, 'secret') ?? DEFAULT_SECRET[provider];
    const values = { ...args.values, repo, secret };
    const { target } = (0,github/* targetOf */.$r)({ values, positionals: [] });
    if (target.kind === 'org')
        throw new verb/* UsageError */.eb('init sets up a repository; for an organization secret use seed.');
    return target;
}
/** A secret that is there is replaced only with --force or a yes; else init stops before any login. */
async function confirmReplace(t, exists, force, q) {
    if (!exists || force)
        return;
    if (await q.confirm(`${(0,github_target/* describeTarget */.ff)(t)} exists already: replace it with the new login?`))
        return;
    throw (0,checks/* conflict */.hj)(`--secret ${t.name}`, 'the secret exists already', 'pass --force to replace it, or --secret to choose another name', { details: 'Nothing was logged in, and neither the secret nor a workflow was written.' });
}
/** A login read already must be the provider's: its tokens are sent to no other. */
function checkHeld(held, provider) {
    if (!held)
        return;
    try {
        (0,recognise/* recognise */.GJ)((0,formats/* parseCredentials */.gu)(held.text), provider);
    }
    catch (err) {
        throw (0,verb/* inCliTerms */.z0)(err, held.label);
    }
}
/** The login's text: the one read already, else a new login now. */
async function obtain(held, provider, args, deps) {
    if (held)
        return held.text;
    const loginArgs = { values: {}, positionals: [] };
    for (const o of LOGIN_OPTIONS)
        if (args.values[o] !== undefined)
            loginArgs.values[o] = args.values[o];
    (0,login.checkApplies)(provider, loginArgs);
    deps.stderr(`Login: a new ${provider} login, for CI alone.`);
    return JSON.stringify(await (0,login.login)(provider, loginArgs, deps));
}
/** Why init may not ask: --yes, or standard input holding the login; '' when it may. */
function whyNotAsk(args, flagged) {
    if (args.values.yes)
        return 'with --yes';
    return flagged?.kind === 'from' && flagged.from === '-' ? 'with --from -' : '';
}
/** The repository, provider, secret and login source, from the flags, the working copy and questions. */
async function decide(args, deps) {
    const flagged = sourceOf(args);
    const q = questions(deps, whyNotAsk(args, flagged));
    const dir = checkDir((0,verb/* option */.uK)(args, 'dir') ?? process.cwd());
    const repo = await repositoryOf(args, dir, q, deps);
    // A file is read first, for its provider; the local CLI's login once the provider is known to match.
    const read = flagged?.kind === 'from' ? await readHeld(flagged, undefined, deps) : undefined;
    const provider = await providerOf(args, read, q);
    const target = targetFor(args, repo, provider);
    const source = flagged ?? (await askSource(provider, q));
    checkLoginOptions(source, args);
    const held = read ?? (await readHeld(source, provider, deps));
    checkHeld(held, provider);
    deps.stderr(`Setting up ${(0,github_target/* describeTarget */.ff)(target)} for ${provider}.`);
    return { dir, provider, target, source, held, q, api: await (0,github/* connect */.Ng)(args, deps) };
}
/** The token's permissions, the secret and the files: every refusal and question before the login. */
async function check(d, args, deps) {
    const force = args.values.force === true;
    const access = await checkAccess(d.api, d.target);
    deps.stderr(`Token (${d.api.wording.token}): it may write the secrets and Actions variables of ${repoOf(d.target)}.`);
    await confirmReplace(d.target, access.exists, force, d.q);
    const environment = d.target.kind === 'env' ? { environment: d.target.environment } : {};
    return planFiles(d.dir, workflowsFor({ provider: d.provider, secret: d.target.name, ...environment }), force, d.q);
}
const repoOf = (t) => `${t.owner}/${t.repo}`;
/** Whether the rotation's token is stored already; unknown (false) when the token may not read it. */
async function writerStored(api, t) {
    try {
        return await (0,secret_read/* secretExists */.H$)(api, { kind: 'repo', owner: t.owner, repo: t.repo, name: WRITER_SECRET }, WRITER_SECRET);
    }
    catch {
        return false;
    }
}
/** What is left for the user: the workflow files to push, the writer token to store, a first run. */
async function whatIsLeft(d, plan) {
    const { target: t, api } = d;
    const repo = repoOf(t);
    const left = [];
    const files = plan.filter((p) => p.action !== 'skip').map((p) => p.name);
    const git = (0,external_node_path_.resolve)(d.dir) === process.cwd() ? 'git' : `git -C ${(0,github_target/* shellWord */.r7)(d.dir)}`;
    if (files.length) {
        left.push([
            `Commit and push the workflows: ${git} add ${files.join(' ')} && ${git} commit -m oauth-broker && ${git} push`,
        ]);
    }
    if (!(await writerStored(api, t))) {
        const kinds = t.kind === 'env' ? ['Environments'] : ['Secrets', 'Variables'];
        left.push([
            `Store a token that may write ${t.name} as the secret ${WRITER_SECRET}, which the rotation workflow reads:`,
            `a fine-grained PAT on ${repo} with ${kinds.map((k) => `"${k}: Read and write"`).join(' and ')}`,
            `(${newPatUrl(api.baseUrl)}), then: gh secret set ${WRITER_SECRET} --repo ${repo}`,
            'Or a GitHub App token made in the workflow by actions/create-github-app-token (README: Quick start).',
        ]);
    }
    left.push([`Once pushed, rotate once to check it all: gh workflow run ${plan[0].workflow.file} --repo ${repo}`]);
    return left;
}
function report(left, deps) {
    deps.stderr('Done. What is left:');
    for (const [i, [first, ...more]] of left.entries()) {
        deps.stderr(`${i + 1}. ${first}`);
        for (const l of more)
            deps.stderr(`   ${l}`);
    }
}
const init_verb = {
    usage: [
        'init [--repo O/R] [--provider anthropic|openai] [--secret NAME] [--environment E]',
        '     [--login [login options] | --import | --from FILE|-] [--dir D] [--yes] [--force]',
        '  Sets a repository up: checks that the token may write the secret and Actions variables (before any',
        '  login), logs in (--import: copies the Claude Code or Codex login on this machine, which both then spend;',
        '  --from: a credentials file), stores the login in the secret, and writes the rotation workflow',
        `  (${ROTATION_FILE}) and a job workflow into D/.github/workflows (D: --dir, else this folder). Then prints`,
        '  what is left.',
        '  --repo defaults to the git remote origin of D; --secret to CLAUDE_CREDENTIALS (anthropic) or CODEX_AUTH',
        '  (openai). Asks what no flag says; --yes never asks: defaults, and --from, --import or --login must be',
        '  given. An existing secret or workflow file is replaced only with --force (or a yes); with --yes an',
        '  existing secret stops init and an existing file is left as it is. Login options as for login.',
        '  Token: GH_TOKEN, else GITHUB_TOKEN, else `gh auth token`: a fine-grained PAT (or a GitHub App token) with',
        '  "Secrets" and "Variables: Read and write" (--environment: "Environments: Read and write"), proven before',
        '  any login. API: --api-url, else GITHUB_API_URL, else https://api.github.com (GHES: https://HOST/api/v3).',
    ].join('\n'),
    options: {
        repo: { type: 'string' },
        provider: { type: 'string' },
        secret: { type: 'string' },
        environment: { type: 'string' },
        'api-url': { type: 'string' },
        from: { type: 'string' },
        import: { type: 'boolean' },
        login: { type: 'boolean' },
        dir: { type: 'string' },
        yes: { type: 'boolean', short: 'y' },
        force: { type: 'boolean' },
        ...Object.fromEntries(LOGIN_OPTIONS.map((o) => [o, login.verb.options[o]])),
    },
    async run(args, deps) {
        const setup = await decide(args, deps);
        const plan = await check(setup, args, deps);
        await (0,seed.storeLogin)(setup.api, setup.target, {}, await obtain(setup.held, setup.provider, args, deps), deps);
        writeFiles(setup.dir, plan, deps);
        report(await whatIsLeft(setup, plan), deps);
    },
};


/***/ }),

/***/ 569:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   storeLogin: () => (/* binding */ storeLogin),
/* harmony export */   verb: () => (/* binding */ verb)
/* harmony export */ });
/* harmony import */ var _github_public_key_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5072);
/* harmony import */ var _github_secret_write_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8997);
/* harmony import */ var _github_target_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3738);
/* harmony import */ var _github_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1132);
/* harmony import */ var _value_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3263);
/* harmony import */ var _verb_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5525);
// `oauth-broker seed`: stores credentials in a secret, sealed with its public key, exactly as the
// login wrote them (a first value carries no marker: src/core/marker.ts).






const verb = {
    usage: [
        `seed ${_github_js__WEBPACK_IMPORTED_MODULE_3__/* .SECRET_SYNOPSIS */ .Ax} [--from FILE|-] [--api-url URL]`,
        "  Seals the credentials with the secret's public key and stores them (created, or replaced), exactly",
        '  as the login wrote them. --from defaults to - (standard input); refused before anything is sent',
        '  when over 48 KB or not credentials the action accepts. An organization secret keeps its visibility',
        '  and repositories unless --visibility or --repos says otherwise; a new one is private.',
        ..._github_js__WEBPACK_IMPORTED_MODULE_3__/* .GITHUB_HELP */ .C,
    ].join('\n'),
    options: { ..._github_js__WEBPACK_IMPORTED_MODULE_3__/* .SECRET_OPTIONS */ .jP, from: { type: 'string' } },
    async run(args, deps) {
        const { target, wish } = (0,_github_js__WEBPACK_IMPORTED_MODULE_3__/* .targetOf */ .$r)(args);
        const api = await (0,_github_js__WEBPACK_IMPORTED_MODULE_3__/* .connect */ .Ng)(args, deps);
        const value = await (0,_value_js__WEBPACK_IMPORTED_MODULE_4__/* .readSecretValue */ .k)((0,_verb_js__WEBPACK_IMPORTED_MODULE_5__/* .option */ .uK)(args, 'from') ?? '-', deps);
        await storeLogin(api, target, wish, value, deps);
    },
};
/** Seals the value with the secret's key and stores it, as it is (also `oauth-broker init`). */
async function storeLogin(api, target, wish, value, deps) {
    const key = await (0,_github_public_key_js__WEBPACK_IMPORTED_MODULE_0__/* .readPublicKey */ .R)(api, target);
    const granted = await (0,_github_js__WEBPACK_IMPORTED_MODULE_3__/* .accessFor */ .IK)(api, target, wish);
    const status = await (0,_github_secret_write_js__WEBPACK_IMPORTED_MODULE_1__/* .seedSecret */ .y8)(api, target, key, value, granted.access);
    deps.stderr(`${status === 201 ? 'Created' : 'Updated'} ${(0,_github_target_js__WEBPACK_IMPORTED_MODULE_2__/* .describeTarget */ .ff)(target)}${(0,_github_js__WEBPACK_IMPORTED_MODULE_3__/* .describeAccess */ .Ag)(granted)}.`);
}


/***/ }),

/***/ 8997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gf: () => (/* binding */ checkWrite),
/* harmony export */   e3: () => (/* binding */ deleteSecret),
/* harmony export */   pV: () => (/* binding */ putSealedValue),
/* harmony export */   y8: () => (/* binding */ seedSecret)
/* harmony export */ });
/* unused harmony export writeSecret */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_marker_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4517);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8943);
/* harmony import */ var _explain_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9576);
/* harmony import */ var _public_key_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5072);
/* harmony import */ var _seal_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7286);
/* harmony import */ var _secret_endpoints_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9404);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3738);
// Writing a secret: the rotated credentials back, a first value (the CLI's seed), the check
// that the token may write at all, and deleting what the broker made.








/** PUTs a sealed value as it is: 201 created, 204 updated; GitHub's refusal unexplained (a GitHubHttpError). */
async function putSealedValue(api, t, sealed, access) {
    return (await (0,_secret_endpoints_js__WEBPACK_IMPORTED_MODULE_6__/* .secretEndpoints */ .B)(api, t).put(t.name, sealed, access)).status;
}
/** Seals the value and PUTs it; 201 created, 204 updated. The key may have rotated: fetched again once. */
async function putSealed(api, t, pre, name, value, access, doing = `write ${(0,_target_js__WEBPACK_IMPORTED_MODULE_7__/* .describeTarget */ .ff)({ ...t, name })}`, 
/** The value as sealed with that key (a value that records its key). */
valueFor = () => value) {
    const sealAndPut = async (key) => {
        const seal = async () => ({
            encrypted_value: await (0,_seal_js__WEBPACK_IMPORTED_MODULE_5__/* .sealForGitHub */ .oH)(valueFor(key), key.key),
            key_id: key.key_id,
        });
        return (await (0,_secret_endpoints_js__WEBPACK_IMPORTED_MODULE_6__/* .secretEndpoints */ .B)(api, t).put(name, await seal(), access, seal)).status;
    };
    try {
        return await sealAndPut(pre.key);
    }
    catch (err) {
        if (!(err instanceof _api_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubHttpError */ .I && err.status === 422))
            throw (0,_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .explain */ .WE)(err, t, doing, api.wording);
        const fresh = await (0,_public_key_js__WEBPACK_IMPORTED_MODULE_4__/* .readPublicKey */ .R)(api, t);
        if (fresh.key_id === pre.key.key_id)
            throw (0,_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .explain */ .WE)(err, t, doing, api.wording);
        pre.key = fresh;
        try {
            return await sealAndPut(fresh);
        }
        catch (again) {
            throw (0,_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .explain */ .WE)(again, t, doing, api.wording);
        }
    }
}
/**
 * Seals the value with the secret's public key and stores it, marked with when it was written on
 * GitHub's clock (so any job can tell an old copy from the metadata), the claims of the newest copies
 * and the key. Each attempt is stamped as it is sent: the copy that lands was written at most one
 * attempt before (src/core/marker.ts, OLD_COPY_AFTER_MS). The one place a value the broker writes is
 * shaped. Returns the value as stored: the copy a holder of it has (the credential proxy refreshes it later).
 */
async function writeSecret(api, t, pre, value, more = {}) {
    let stored = value;
    const stamped = (key) => (stored = stamp(value, api.githubNow() ?? api.now(), { ...more, key }));
    await putSealed(api, t, pre, t.name, value, pre, undefined, stamped);
    return stored;
}
/**
 * Proves the token may write secrets there, before anything is spent: GitHub has no way to ask a
 * fine-grained token what it may do, and a write is the only test. The value is random and means
 * nothing; the secret is the one the broker leaves beside the targets of a place.
 */
async function checkWrite(api, t, pre) {
    const doing = `write secrets of ${(0,_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .where */ ._M)(t)} (a check before the refresh)`;
    await putSealed(api, t, pre, _target_js__WEBPACK_IMPORTED_MODULE_7__/* .WRITE_CHECK */ .lb, (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString('hex'), { visibility: 'selected' }, doing);
}
/** Deletes a secret the broker made; absent already is fine. */
async function deleteSecret(api, t, name) {
    try {
        await (0,_secret_endpoints_js__WEBPACK_IMPORTED_MODULE_6__/* .secretEndpoints */ .B)(api, t).remove(name);
    }
    catch (err) {
        if (err instanceof _api_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubHttpError */ .I && err.status === 404)
            return;
        throw (0,_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .explain */ .WE)(err, t, `delete ${(0,_target_js__WEBPACK_IMPORTED_MODULE_7__/* .describeTarget */ .ff)({ ...t, name })}`, api.wording);
    }
}
/**
 * Stores a first value exactly as given: no marker, since a value the broker never wrote is
 * trusted (src/core/marker.ts). 201 created, 204 updated.
 */
function seedSecret(api, t, key, value, access) {
    return putSealed(api, t, { key }, t.name, value, access);
}


/***/ }),

/***/ 4086:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ checkVariablesWrite),
/* harmony export */   u: () => (/* binding */ Variables)
/* harmony export */ });
/* harmony import */ var _core_checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5950);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8943);
/* harmony import */ var _answers_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3948);
/* harmony import */ var _explain_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9576);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3738);
// GitHub Actions variables where a secret lives: the repository, one of its environments or the
// organisation. The claims between jobs are variables (docs/design.md, "Coordination") because a create
// is create-only (409 when the name exists) and a value can be read back, which a secret's cannot.






// GitHub's largest page of variables.
const PER_PAGE = 30;
// 1,000 variables (an organisation's limit) and a bound on a server that never says it is done.
const MAX_PAGES = 40;
function endpoints(api, p) {
    const send = api.request;
    // `once`: never retried once GitHub may have acted; the caller reads the variable back instead.
    const once = { request: { once: true } };
    if (p.kind === 'repo') {
        const at = { owner: p.owner, repo: p.repo };
        return {
            // https://docs.github.com/rest/actions/variables#create-a-repository-variable
            create: (name, value) => send('POST /repos/{owner}/{repo}/actions/variables', { ...at, name, value, ...once }),
            // https://docs.github.com/rest/actions/variables#get-a-repository-variable
            get: (name) => send('GET /repos/{owner}/{repo}/actions/variables/{name}', { ...at, name }),
            // https://docs.github.com/rest/actions/variables#update-a-repository-variable
            update: (name, value, again) => send('PATCH /repos/{owner}/{repo}/actions/variables/{name}', { ...at, name, value, request: { again } }),
            // https://docs.github.com/rest/actions/variables#delete-a-repository-variable
            remove: (name, o) => send('DELETE /repos/{owner}/{repo}/actions/variables/{name}', { ...at, name, ...(o ? once : {}) }),
            // https://docs.github.com/rest/actions/variables#list-repository-variables
            list: (page) => send('GET /repos/{owner}/{repo}/actions/variables', { ...at, per_page: PER_PAGE, page }),
        };
    }
    if (p.kind === 'env') {
        const at = { owner: p.owner, repo: p.repo, environment_name: p.environment };
        return {
            // https://docs.github.com/rest/actions/variables#create-an-environment-variable
            create: (name, value) => send('POST /repos/{owner}/{repo}/environments/{environment_name}/variables', { ...at, name, value, ...once }),
            // https://docs.github.com/rest/actions/variables#get-an-environment-variable
            get: (name) => send('GET /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}', { ...at, name }),
            // https://docs.github.com/rest/actions/variables#update-an-environment-variable
            update: (name, value, again) => send('PATCH /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}', {
                ...at,
                name,
                value,
                request: { again },
            }),
            // https://docs.github.com/rest/actions/variables#delete-an-environment-variable
            remove: (name, o) => send('DELETE /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}', {
                ...at,
                name,
                ...(o ? once : {}),
            }),
            // https://docs.github.com/rest/actions/variables#list-environment-variables
            list: (page) => send('GET /repos/{owner}/{repo}/environments/{environment_name}/variables', {
                ...at,
                per_page: PER_PAGE,
                page,
            }),
        };
    }
    const org = p.org;
    return {
        // Visible to no repository: a claim is the broker's, not a workflow's.
        // https://docs.github.com/rest/actions/variables#create-an-organization-variable
        create: (name, value) => send('POST /orgs/{org}/actions/variables', {
            org,
            name,
            value,
            visibility: 'selected',
            selected_repository_ids: [],
            ...once,
        }),
        // https://docs.github.com/rest/actions/variables#get-an-organization-variable
        get: (name) => send('GET /orgs/{org}/actions/variables/{name}', { org, name }),
        // https://docs.github.com/rest/actions/variables#update-an-organization-variable
        update: (name, value, again) => send('PATCH /orgs/{org}/actions/variables/{name}', { org, name, value, request: { again } }),
        // https://docs.github.com/rest/actions/variables#delete-an-organization-variable
        remove: (name, o) => send('DELETE /orgs/{org}/actions/variables/{name}', { org, name, ...(o ? once : {}) }),
        // https://docs.github.com/rest/actions/variables#list-organization-variables
        list: (page) => send('GET /orgs/{org}/actions/variables', { org, per_page: PER_PAGE, page }),
    };
}
/** A variable as GitHub answers it, checked; `doing` names the request for the error line. */
function variableOf(data, doing, apiUrl) {
    const created = (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(data) && typeof data.created_at === 'string' ? Date.parse(data.created_at) : NaN;
    const updated = (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(data) && typeof data.updated_at === 'string' ? Date.parse(data.updated_at) : NaN;
    if (!(0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(data) || typeof data.name !== 'string' || typeof data.value !== 'string') {
        throw (0,_answers_js__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(doing, 'the answer is not a variable', apiUrl);
    }
    if (!Number.isFinite(created) || !Number.isFinite(updated))
        throw (0,_answers_js__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(doing, 'the answer has no dates', apiUrl);
    return { name: data.name, value: data.value, createdAt: created, updatedAt: updated };
}
/** Whether GitHub may have acted on a request that got no success answer. */
const mayHaveActed = (err) => err instanceof _api_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubHttpError */ .I && err.ambiguous;
class Variables {
    api;
    place;
    constructor(api, place) {
        this.api = api;
        this.place = place;
    }
    explain(err, doing) {
        return (0,_explain_js__WEBPACK_IMPORTED_MODULE_4__/* .explain */ .WE)(err, this.place, doing, this.api.wording, 'variables');
    }
    /**
     * Creates the variable if no variable has that name. Called once the place is known to exist,
     * so a 404 means a GitHub without Actions variables.
     */
    async create(name, value) {
        try {
            await endpoints(this.api, this.place).create(name, value);
            return 'created';
        }
        catch (err) {
            if (err instanceof _api_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubHttpError */ .I && err.status === 409)
                return 'exists';
            if (mayHaveActed(err))
                return 'unknown';
            if (err instanceof _api_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubHttpError */ .I && err.status === 404) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('OB_GITHUB', `${this.api.wording.apiUrl}: GitHub answered 404 to creating an Actions variable; the broker needs ` +
                    'GitHub.com or GitHub Enterprise Server 3.9 or later.', { cause: err, details: 'Jobs holding the same credentials coordinate through Actions variables.' });
            }
            throw this.explain(err, `create the variable ${name}`);
        }
    }
    async read(name) {
        const doing = `read the variable ${name}`;
        try {
            return variableOf((await endpoints(this.api, this.place).get(name)).data, doing, this.api.wording.apiUrl);
        }
        catch (err) {
            if (err instanceof _api_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubHttpError */ .I && err.status === 404)
                return undefined;
            throw this.explain(err, doing);
        }
    }
    /**
     * Sets the value, whoever made the variable: GitHub has no compare-and-set. `again`, when given, makes
     * the value anew for each retry (from what the variable holds by then).
     */
    async update(name, value, again) {
        const fresh = again && (async () => ({ value: await again() }));
        try {
            await endpoints(this.api, this.place).update(name, value, fresh);
        }
        catch (err) {
            throw this.explain(err, `update the variable ${name}`);
        }
    }
    /**
     * Deletes it: 'removed', 'absent', or 'unknown' when `once` and the answer was lost (a repeat
     * could delete a variable another job has made since under the same name).
     */
    async remove(name, once = false) {
        try {
            await endpoints(this.api, this.place).remove(name, once);
            return 'removed';
        }
        catch (err) {
            if (err instanceof _api_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubHttpError */ .I && err.status === 404)
                return 'absent';
            if (once && mayHaveActed(err))
                return 'unknown';
            throw this.explain(err, `delete the variable ${name}`);
        }
    }
    /** The variables whose names start with `prefix` (upper case), every page read. */
    async list(prefix) {
        const doing = 'list the variables beside the secret';
        const found = [];
        for (let page = 1, seen = 0; page <= MAX_PAGES; page++) {
            let data;
            try {
                data = (await endpoints(this.api, this.place).list(page)).data;
            }
            catch (err) {
                throw this.explain(err, doing);
            }
            const items = (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(data) && Array.isArray(data.variables) ? data.variables : undefined;
            if (!items)
                throw (0,_answers_js__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(doing, 'the answer has no list of variables', this.api.wording.apiUrl);
            for (const item of items) {
                const v = variableOf(item, doing, this.api.wording.apiUrl);
                if (v.name.toUpperCase().startsWith(prefix))
                    found.push(v);
            }
            seen += items.length;
            const total = (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(data) && Number.isSafeInteger(data.total_count) ? data.total_count : undefined;
            if (items.length < PER_PAGE || (total !== undefined && seen >= total))
                return found;
        }
        throw (0,_answers_js__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(doing, `the list did not end after ${MAX_PAGES} pages`, this.api.wording.apiUrl);
    }
}
/**
 * Proves the token may write Actions variables there, as the claims between jobs do: creates the
 * broker's check variable (not a claim's name: no job ever reads it), then removes it at once.
 */
async function checkVariablesWrite(api, p, note) {
    const variables = new Variables(api, p);
    await variables.create(_target_js__WEBPACK_IMPORTED_MODULE_5__/* .WRITE_CHECK */ .lb, note);
    await variables.remove(_target_js__WEBPACK_IMPORTED_MODULE_5__/* .WRITE_CHECK */ .lb);
}


/***/ })

};
;