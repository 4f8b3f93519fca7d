"use strict";
exports.id = 955;
exports.ids = [955,175,836];
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
// EXTERNAL MODULE: ./src/core/formats/index.ts + 3 modules
var formats = __webpack_require__(4143);
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
// EXTERNAL MODULE: ./src/cli/status.ts + 2 modules
var cli_status = __webpack_require__(836);
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
        throw new errors/* UserError */.yo('OB_FILE', `--from: the folder of ${(0,neutral/* neutral */.SY)(from, 100)} cannot be written, so nothing is refreshed; ` +
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
            failFast: true,
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
        // The core names the action's inputs (token-url, client-id): here, the verb's options.
        if (!(err instanceof errors/* InvalidGrantError */.Gy))
            throw (0,verb/* inCliTerms */.z0)(err, `--from ${from}`);
        const login = `oauth-broker login --provider ${grant.provider.id} --out FILE`;
        const line = (0,errors/* fitLine */.ax)(`${err.message} The file is unchanged; log in again (${login}).`, `${err.message} The file is unchanged; log in again.`, `${err.message} Log in again.`);
        throw new errors/* UserError */.yo(err.code, line, { cause: err });
    }
}
/** "20260131T120000Z": a time for a file name. */
const stamp = (now) => new Date(now).toISOString().replace(/[-:]|\.\d+/g, '');
/** Writes the new credentials over the target, else beside it; only a failure of both loses them. */
function writeCredentialsFile(target, from, text, deps) {
    try {
        (0,credfile.writePrivateFile)(target.path, text, { mode: target.mode });
        return;
    }
    catch (err) {
        const why = (0,errors/* systemCode */.xU)(err);
        const rescue = `${target.path}.rotated-${stamp(deps.now())}`;
        try {
            (0,credfile.writePrivateFile)(rescue, text);
        }
        catch (again) {
            throw new errors/* UserError */.yo('OB_LOGIN_LOST', `--from: ${(0,neutral/* neutral */.SY)(from, 80)} could not be rewritten (${why}), nor a file beside it; the refreshed ` +
                'login is lost: log in again (oauth-broker login).', { cause: again });
        }
        throw new errors/* UserError */.yo('OB_WRITE_BACK', `--from: ${(0,neutral/* neutral */.SY)(from, 80)} could not be rewritten (${why}); the new credentials are beside it, in ` +
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
            const after = (0,formats/* applyTokenSet */.QL)(before, t, deps.now());
            writeCredentialsFile(target, from, `${(0,formats/* serializeCredentials */.dY)(after)}\n`, deps);
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

/***/ 7321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   writePrivateFile: () => (/* binding */ writePrivateFile)
/* harmony export */ });
/* unused harmony exports credentialsFileContent, entryAt, kindOf, moveAside */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/* harmony import */ var _marker_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4517);
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
/** What is at `path` without following a link, or undefined when nothing is. */
function entryAt(path) {
    try {
        return lstatSync(path);
    }
    catch (err) {
        // ENOTDIR: a parent is a file, so nothing can be there; writing will say so.
        if (['ENOENT', 'ENOTDIR'].includes(systemCode(err)))
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
        throw new UserError('OB_FILE', `credentials-file: ${path} is ${kindOf(st)}, which is never replaced; choose another path.`);
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
 * `createFolder: false` leaves a missing folder missing (the write fails) for a path a user typed.
 */
function writePrivateFile(path, content, { mode = 0o600, durable = true, createFolder = true, } = {}) {
    if (createFolder)
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


/***/ }),

/***/ 8792:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ timings),
/* harmony export */   i: () => (/* binding */ MIN_ATTEMPT_MS)
/* harmony export */ });
// The process environment as passed in, and the tuning knobs read from it.
/**
 * An attempt at the provider with less time than this before its claim's deadline is not started
 * (src/core/refresh.ts); a lease is never shorter than it (src/store/protocol.ts). A constant beside the
 * lease, here so that the claims' protocol needs nothing of the refresh itself.
 */
const MIN_ATTEMPT_MS = 3_000;
/** Whole milliseconds up to `max`; anything else is the default. */
function knob(v, d, max) {
    return v && /^\d{1,10}$/.test(v) && Number(v) <= max ? Number(v) : d;
}
function timings(env) {
    return {
        // At most a minute: a write's attempt must land well within OLD_COPY_AFTER_MS (src/core/marker.ts).
        httpTimeoutMs: knob(env.OAUTH_BROKER_HTTP_TIMEOUT_MS, 30_000, 60_000),
        retryBaseMs: knob(env.OAUTH_BROKER_RETRY_BASE_MS, 1_000, 60_000),
        // The first wait before reading another job's claim again; it doubles (src/store/claims.ts).
        pollMs: knob(env.OAUTH_BROKER_POLL_MS, 250, 60_000),
        cacheTimeoutMs: knob(env.OAUTH_BROKER_CACHE_TIMEOUT_MS, 60_000, 600_000),
        // A holder's answer must be in before this ends (src/store/protocol.ts): a dead holder costs about a minute.
        // At most an hour, far under the CLI's lease, the longest a claim other jobs read may carry.
        leaseMs: knob(env.OAUTH_BROKER_LEASE_MS, 60_000, 3_600_000),
    };
}


/***/ }),

/***/ 1983:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D$: () => (/* binding */ classifyFetchError),
/* harmony export */   Vs: () => (/* binding */ retryAfterMs),
/* harmony export */   Yf: () => (/* binding */ unsendable),
/* harmony export */   ho: () => (/* binding */ failedWhile)
/* harmony export */ });
/* harmony import */ var node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3053);
/* harmony import */ var node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_0__);
// What a failed fetch tells us about whether the request reached the other side.

/** Codes meaning the connection was never made: the request cannot have been seen. */
const NOT_SENT = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'UND_ERR_CONNECT_TIMEOUT',
]);
/**
 * Node's names for what OpenSSL's certificate verification finds (X509_V_ERR_*), and the hostname
 * check Node adds after it. Only a handshake verifies a certificate, so any of them means the
 * connection never carried a request, whoever raised it.
 */
const CERTIFICATE = new Set([
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_CRL',
    'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
    'UNABLE_TO_DECRYPT_CRL_SIGNATURE',
    'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
    'CERT_SIGNATURE_FAILURE',
    'CRL_SIGNATURE_FAILURE',
    'CERT_NOT_YET_VALID',
    'CERT_HAS_EXPIRED',
    'CRL_NOT_YET_VALID',
    'CRL_HAS_EXPIRED',
    'ERROR_IN_CERT_NOT_BEFORE_FIELD',
    'ERROR_IN_CERT_NOT_AFTER_FIELD',
    'ERROR_IN_CRL_LAST_UPDATE_FIELD',
    'ERROR_IN_CRL_NEXT_UPDATE_FIELD',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'CERT_CHAIN_TOO_LONG',
    'CERT_REVOKED',
    'INVALID_CA',
    'PATH_LENGTH_EXCEEDED',
    'INVALID_PURPOSE',
    'CERT_UNTRUSTED',
    'CERT_REJECTED',
    'HOSTNAME_MISMATCH',
    'ERR_TLS_CERT_ALTNAME_INVALID',
]);
/** A certificate the runner trusts, for another host. */
const WRONG_NAME = new Set(['HOSTNAME_MISMATCH', 'ERR_TLS_CERT_ALTNAME_INVALID']);
/** TLS codes that also occur on an open connection (a bad record): a handshake failure only while connecting. */
const isTlsProtocol = (code) => code === 'EPROTO' || code.startsWith('ERR_SSL_');
/**
 * Where errors struck, as the clients say. While connecting (DNS, TCP, the proxy's tunnel, the TLS
 * handshake): undici (Node's own fetch and the bundled one behind the proxy alike) publishes each such
 * error on this channel, then fails the requests that were waiting for that connection with the very
 * same error; src/core/transport.ts names its own, and also those met once connected. A request waiting
 * for its connection has not been written. So such an error proves the request never left, by what
 * happened rather than by its code: an ECONNRESET in a handshake is not sent, one after the request was
 * written may have arrived, whatever its code. Weak: only errors still referenced are kept.
 */
const stages = new WeakMap();
(0,node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_0__.subscribe)('undici:client:connectError', (message) => failedWhile('connecting', message?.error));
/** Where a client's error struck: while connecting (nothing was sent) or once connected (it may have arrived). */
function failedWhile(stage, error) {
    if (error && typeof error === 'object')
        stages.set(error, stage);
}
/** Where the error or one of its causes struck, when a client said. */
function stageOf(err) {
    for (const e of causes(err)) {
        const stage = stages.get(e);
        if (stage)
            return stage;
    }
    return undefined;
}
/** The error and the first few of its causes: fetch wraps what the socket or proxy said. */
function* causes(err) {
    for (let e = err, i = 0; i < 4 && e && typeof e === 'object'; i++, e = e.cause) {
        yield e;
    }
}
function causeCodes(err) {
    const codes = [];
    for (const e of causes(err))
        if (typeof e.code === 'string')
            codes.push(e.code);
    return codes;
}
// undici's ProxyAgent when the proxy answers CONNECT with anything but 200: no tunnel, nothing sent.
const TUNNEL_REFUSED = /^Proxy response \((\d{3})\) !== 200 when HTTP Tunneling$/;
function tunnelRefused(err) {
    for (const e of causes(err)) {
        const m = TUNNEL_REFUSED.exec(String(e.message));
        if (m)
            return m[1];
    }
    return undefined;
}
/** Why fetch would refuse `url` without connecting, or undefined: checked before a token is put in a request. */
function unsendable(url) {
    let u;
    try {
        u = new URL(url);
    }
    catch {
        return 'the URL does not parse';
    }
    if (u.username || u.password)
        return 'the URL holds a user name or password';
    if (u.protocol !== 'https:' && u.protocol !== 'http:')
        return 'the URL is not http(s)';
    return undefined;
}
/**
 * The network errors undici's fetch makes before it dispatches anything, by their exact text (they
 * carry no code). Some also follow a redirect, after a request was sent; no fetch of the broker
 * follows one (`redirect: 'error'` or `'manual'`), so here they concern the URL asked for.
 */
const FETCH_REFUSED = {
    'bad port': "the URL's port is one fetch never connects to",
    'unknown scheme': 'the URL is not http(s)',
    'URL scheme must be a HTTP(S) scheme': 'the URL is not http(s)',
    'not implemented... yet...': 'the URL is not http(s)',
};
/** Fetch refused the request before dispatching it: why, or undefined. Never quotes the error (it may hold the URL). */
function refusedByFetch(err) {
    const top = err;
    if (!top || typeof top !== 'object')
        return undefined;
    // The Request constructor's own TypeError; its message quotes the URL, password included.
    const withCredentials = /^Request cannot be constructed from a URL that includes credentials/;
    if (top.name === 'TypeError' && withCredentials.test(`${top.message}`))
        return 'the URL holds a user name or password';
    // A URL that does not parse: fetch's "Failed to parse URL", or the proxy routing's own new URL().
    if (causeCodes(err).includes('ERR_INVALID_URL'))
        return 'the URL does not parse';
    if (top.name === 'TypeError' && top.message === 'fetch failed') {
        const inner = top.cause ?? {};
        if (inner.code === undefined && typeof inner.message === 'string' && Object.hasOwn(FETCH_REFUSED, inner.message))
            return FETCH_REFUSED[inner.message];
    }
    return undefined;
}
/** What went wrong while connecting, the connection surely unmade; `codes` are the error's and its causes'. */
function connectFailure(codes, err) {
    const refused = tunnelRefused(err);
    if (refused)
        return { notSent: true, reason: `the proxy refused the connection (HTTP ${refused})` };
    const tls = codes.find((c) => CERTIFICATE.has(c) || isTlsProtocol(c));
    if (tls) {
        const lasting = isTlsProtocol(tls) ? 'handshake' : WRONG_NAME.has(tls) ? 'name' : 'certificate';
        return { notSent: true, reason: `TLS handshake failed (${tls})`, lasting };
    }
    const code = codes[0];
    if (code === 'ECONNREFUSED')
        return { notSent: true, reason: 'connection refused' };
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
        return { notSent: true, reason: `cannot connect (${code})`, unresolved: code };
    if (code && NOT_SENT.has(code))
        return { notSent: true, reason: `cannot connect (${code})` };
    return { notSent: true, reason: code ? `connection lost while connecting (${code})` : 'could not connect' };
}
function classifyFetchError(err, timeoutMs) {
    const refused = refusedByFetch(err);
    if (refused)
        return { notSent: true, reason: `refused before sending (${refused})`, lasting: 'url' };
    const name = err?.name;
    if (name === 'TimeoutError' || name === 'AbortError')
        return { notSent: false, reason: `no answer within ${Math.round(timeoutMs / 1000)}s` };
    const codes = causeCodes(err);
    const code = codes[0];
    // Known to have happened while connecting; else, unless known to have happened once connected, the
    // codes only a connection not yet made can have.
    const stage = stageOf(err);
    if (stage === 'connecting' && [...causes(err)].some((e) => e.name === 'TimeoutError')) {
        return { notSent: true, reason: `could not connect within ${Math.round(timeoutMs / 1000)}s` };
    }
    if (stage === 'connecting' || tunnelRefused(err))
        return connectFailure(codes, err);
    if (stage !== 'connected' && (codes.some((c) => CERTIFICATE.has(c)) || (code && NOT_SENT.has(code))))
        return connectFailure(codes, err);
    if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE')
        return { notSent: false, reason: 'connection dropped before the answer arrived' };
    return { notSent: false, reason: code ? `network error (${code})` : 'network error' };
}
/** `retry-after` in seconds or as an HTTP date → ms, or undefined. */
function retryAfterMs(v, now) {
    if (!v)
        return undefined;
    if (/^\d+$/.test(v.trim()))
        return Number(v) * 1000;
    const at = Date.parse(v);
    return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
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

/***/ 1468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cq: () => (/* binding */ readTokenAnswer),
/* harmony export */   O3: () => (/* binding */ refreshTokens),
/* harmony export */   a2: () => (/* binding */ describeRefusal),
/* harmony export */   fe: () => (/* binding */ serviceName),
/* harmony export */   jE: () => (/* binding */ tokenRequest),
/* harmony export */   rf: () => (/* binding */ quotableCode)
/* harmony export */ });
/* harmony import */ var _checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5950);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1983);
/* harmony import */ var _env_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8792);
/* harmony import */ var _neutral_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8272);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3323);
// The refresh grant (RFC 6749 §6) as each provider's own CLI sends it. It is sent at
// most once per refresh token unless the failure proves the request never arrived.






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
/** The refresh grant's request (RFC 6749 §6.1), the same for every attempt. */
function buildRefreshRequest(req) {
    const fields = {
        grant_type: 'refresh_token',
        refresh_token: req.refreshToken,
        client_id: req.clientId,
    };
    if (req.provider.sendsScope && req.scopes?.length)
        fields.scope = req.scopes.join(' ');
    return tokenRequest(fields, req.provider.encoding, req.clientId, req.clientSecret);
}
/**
 * A POST to a token endpoint: the fields in the provider's encoding, and with a client secret
 * the client's credentials as HTTP Basic (RFC 6749 §2.3.1: servers must accept it).
 */
function tokenRequest(fields, encoding, clientId, clientSecret) {
    const headers = { accept: 'application/json', 'user-agent': _version_js__WEBPACK_IMPORTED_MODULE_3__/* .USER_AGENT */ ._ };
    if (clientSecret) {
        // Form-encode the parts first, as §2.3.1 asks.
        const enc = (s) => encodeURIComponent(s).replace(/%20/g, '+');
        headers.authorization = `Basic ${Buffer.from(`${enc(clientId)}:${enc(clientSecret)}`).toString('base64')}`;
    }
    if (encoding === 'json') {
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
    const safe = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(code, secrets);
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
        return (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(parsed) ? parsed : 'the body is not a JSON object';
    }
    catch {
        return 'the body is not JSON';
    }
}
/** A token as the provider sent it, if it is one: printable ASCII, one word, of a sane length. */
function tokenOf(v) {
    return typeof v === 'string' && v.length <= MAX_TOKEN_CHARS && (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isTokenWord */ .un)(v) ? v : undefined;
}
/** Seconds, as a number or a numeric string; outside (0, max] it is clamped or ignored. */
function expiresInOf(v, max = MAX_EXPIRES_IN_S) {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
    return Number.isFinite(n) && n > 0 ? Math.min(n, max) : undefined;
}
/**
 * The token set in a 200, with all the answer's fields, or what is wrong with it ("without an
 * access_token"). A new refresh token is never dropped: without a usable access token it is
 * still returned, so the caller stores it. Only an answer with neither, or with a refresh
 * token that is not one, is refused.
 */
function readTokenAnswer(text, contentType) {
    const body = fieldsOf(text, contentType);
    if (typeof body === 'string')
        return body;
    const refreshToken = tokenOf(body.refresh_token);
    if (body.refresh_token !== undefined && body.refresh_token !== null && body.refresh_token !== '' && !refreshToken) {
        return 'with a malformed refresh_token';
    }
    const accessToken = tokenOf(body.access_token);
    if (!accessToken && !refreshToken)
        return 'without an access_token';
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
    return { set, fields: body };
}
function parseTokenSet(text, contentType, service) {
    const answer = readTokenAnswer(text, contentType);
    if (typeof answer !== 'string')
        return answer.set;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UncertainRefreshError */ .DG(`${service} answered 200 but ${answer}; ${_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RUN_AGAIN */ .Bs}.`, {
        details: [
            'The provider may have rotated the refresh token anyway, so it is not presented again in this run.',
            _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RUN_AGAIN_DETAILS */ .Ah,
        ],
    });
}
/** Describes a non-2xx answer without quoting any secret: a known or plain code, a redacted description. */
function describeRefusal(status, text, secrets) {
    const { code, description } = providerError(text);
    // The error line quotes the start of a long description; the lines after it, the whole.
    const full = description ? (0,_neutral_js__WEBPACK_IMPORTED_MODULE_4__/* .neutral */ .SY)((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(description, secrets), 500) : '';
    const quoted = [code && quotableCode(code, secrets), full && (0,_neutral_js__WEBPACK_IMPORTED_MODULE_4__/* .neutral */ .SY)(full, QUOTED_CHARS)];
    const detail = quoted.filter(Boolean).join(': ');
    const said = `answered HTTP ${status}${detail ? ` (${detail})` : ''}`;
    return { code, said, details: full.length > QUOTED_CHARS ? [`The provider's description: ${full}`] : [] };
}
/** `provider NAME (host)`: how error lines name a token endpoint, for a refresh and a login alike. */
const serviceName = (provider, url) => URL.canParse(url) ? `provider ${provider} (${new URL(url).host})` : `provider ${provider}`;
/** The one fix for a failure that sending again cannot mend, and why, for the lines after the error line. */
const LASTING_FIX = {
    certificate: {
        fix: 'Trust its CA on the runner (NODE_EXTRA_CA_CERTS)',
        why: 'The runner does not accept the certificate of the token endpoint, or of a proxy that inspects TLS on the ' +
            "way. Add the CA that signed it (a PEM file) to NODE_EXTRA_CA_CERTS in the job's env. A certificate that " +
            'expired or is not yet valid is renewed where it is served.',
    },
    name: {
        fix: 'Check the host in token-url',
        why: 'The certificate is valid but for another host: token-url names a host its server does not answer for.',
    },
    handshake: {
        fix: 'Check that token-url is the https endpoint (host and port)',
        why: 'The two sides could not agree on TLS: a port that does not speak TLS, or a version the other refuses.',
    },
    url: {
        fix: 'Fix token-url',
        why: 'fetch refuses such a URL without connecting.',
    },
};
const NOT_PRESENTED = 'The refresh token never left this machine: it was not presented and stays usable.';
/** A failure that sending again would repeat, so it is not retried: what happened, and the one fix. */
function lastingFailure(service, f, cause) {
    const { fix, why } = LASTING_FIX[f.lasting];
    const line = `${service}: ${f.reason}; nothing was spent. ${fix}`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('OB_PROVIDER', (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fitLine */ .ax)(`${line}, then run again.`, `${line}.`), {
        cause,
        details: [why, NOT_PRESENTED],
    });
}
/** How long the next attempt may take: the whole timeout, or what is left before the claim's deadline. */
function attemptTimeout(deps, service, attempt) {
    if (!deps.answerBy)
        return deps.timeoutMs;
    const msLeft = deps.answerBy.at - deps.answerBy.monotonic();
    if (msLeft < _env_js__WEBPACK_IMPORTED_MODULE_5__/* .MIN_ATTEMPT_MS */ .i) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('OB_PROVIDER', `${service}: ${attempt > 1 ? 'the retries' : 'getting here'} took this job's whole claim on the refresh; ` +
            'nothing was spent. Run again.', { details: 'A job presents a refresh token only before its claim ends, so no other job can be presenting it.' });
    }
    // Whole milliseconds: a timer takes no fraction (monotonic clocks give them).
    return Math.floor(Math.min(deps.timeoutMs, msLeft));
}
/** Sends the request once, cut off after `timeoutMs`, and reads the whole answer. */
async function sendOnce(url, request, timeoutMs, deps) {
    let res;
    try {
        // https://datatracker.ietf.org/doc/html/rfc6749#section-6
        res = await deps.fetch(url, {
            method: 'POST',
            ...request,
            redirect: 'error',
            signal: AbortSignal.timeout(timeoutMs),
        });
    }
    catch (err) {
        return { kind: 'failed', failure: (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .classifyFetchError */ .D$)(err, timeoutMs), err };
    }
    try {
        return { kind: 'read', res, text: await res.text() };
    }
    catch (err) {
        return { kind: 'lost', status: res.status, reason: (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .classifyFetchError */ .D$)(err, timeoutMs).reason, err };
    }
}
function classifyAnswer(answer, service, secrets, deps) {
    if (answer.kind === 'failed') {
        const { failure: f, err } = answer;
        // A certificate the runner refuses, or a URL fetch refuses, fails the same way every time:
        // retrying would only keep the user waiting. A refused connection or a DNS failure may pass.
        if (f.lasting)
            return { kind: 'refused', error: lastingFailure(service, { ...f, lasting: f.lasting }, err) };
        if (deps.failFast && f.unresolved) {
            const line = `${service}: the host was not found (${f.unresolved}); nothing was spent. Check token-url.`;
            return { kind: 'refused', error: new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('OB_PROVIDER', line) };
        }
        if (f.notSent)
            return { kind: 'notSent', reason: f.reason };
        const line = `${service}: ${f.reason}; not retried, as it may have arrived; ${_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RUN_AGAIN */ .Bs}.`;
        const details = [
            'The refresh may have reached the provider and rotated the token; presenting it again could be reuse.',
            _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RUN_AGAIN_DETAILS */ .Ah,
        ];
        return { kind: 'mayHaveArrived', error: new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UncertainRefreshError */ .DG(line, { cause: err, details }) };
    }
    if (answer.kind === 'lost') {
        const line = `${service}: answered ${answer.status} but ${answer.reason}; ${_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RUN_AGAIN */ .Bs}.`;
        const details = [
            'The refresh token may be spent: the provider answered, but its answer was lost.',
            _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RUN_AGAIN_DETAILS */ .Ah,
        ];
        return { kind: 'mayHaveArrived', error: new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UncertainRefreshError */ .DG(line, { cause: answer.err, details }) };
    }
    const { res, text } = answer;
    if (res.ok)
        return { kind: 'tokens', tokens: parseTokenSet(text, res.headers.get('content-type') ?? '', service) };
    const afterMs = (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .retryAfterMs */ .Vs)(res.headers.get('retry-after'), deps.now());
    const refusal = refusalError(service, res.status, text, secrets);
    if ((res.status === 429 || res.status === 503) && afterMs !== undefined) {
        return { kind: 'comeBack', status: res.status, afterMs, otherwise: refusal.error };
    }
    return refusal;
}
/** A refusal without a time to come back: the token spent, the request wrong, or it may have arrived. */
function refusalError(service, status, text, secrets) {
    const { code, said, details: whole } = describeRefusal(status, text, secrets);
    if (code && DEAD_TOKEN.has(code)) {
        const details = [...whole, 'It was already used or revoked.'];
        return {
            kind: 'spent',
            error: new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidGrantError */ .Gy(`${service} refused the stored refresh token: ${said}.`, { details }),
        };
    }
    if (status === 401 || status === 400) {
        return {
            kind: 'refused',
            error: new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('OB_PROVIDER', `${service} ${said}; check client-id, token-url and scope.`, {
                details: whole,
            }),
        };
    }
    const line = `${service} ${said}; the refresh failed and is not retried. Run again later.`;
    const details = [...whole, 'It may have reached the provider, so it is not presented again in this run.'];
    return { kind: 'mayHaveArrived', error: new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UncertainRefreshError */ .DG(line, { details }) };
}
/** How long until the attempt after `attempt`, or undefined when there is none. */
function nextAttemptDelay(verdict, attempt, retryDelayMs) {
    if (attempt >= MAX_ATTEMPTS)
        return undefined;
    if (verdict.kind === 'notSent')
        return retryDelayMs * 2 ** (attempt - 1);
    return verdict.afterMs <= MAX_RETRY_AFTER_MS ? verdict.afterMs : undefined;
}
/**
 * Presents the refresh token once. Retries only when the provider cannot have seen it:
 * the connection was refused, or a 429/503 said when to come back.
 */
async function refreshTokens(req, deps) {
    const service = serviceName(req.provider.id, req.tokenUrl);
    // What fetch would refuse without connecting is refused here, before a token is put in a request.
    const unsent = (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .unsendable */ .Yf)(req.tokenUrl);
    if (unsent)
        throw lastingFailure(service, { notSent: true, reason: `refused before sending (${unsent})`, lasting: 'url' });
    const request = buildRefreshRequest(req);
    const secrets = [req.refreshToken, req.clientSecret ?? ''];
    for (let attempt = 1;; attempt++) {
        const answer = await sendOnce(req.tokenUrl, request, attemptTimeout(deps, service, attempt), deps);
        const verdict = classifyAnswer(answer, service, secrets, deps);
        if (verdict.kind === 'tokens')
            return verdict.tokens;
        if (verdict.kind !== 'notSent' && verdict.kind !== 'comeBack')
            throw verdict.error;
        const wait = nextAttemptDelay(verdict, attempt, deps.retryDelayMs);
        if (wait === undefined) {
            if (verdict.kind === 'comeBack')
                throw verdict.otherwise;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('OB_PROVIDER', `${service}: ${verdict.reason} after ${attempt} attempts; nothing was spent. ` +
                "Check token-url and the runner's network, then run again.");
        }
        deps.info(verdict.kind === 'notSent'
            ? `${service}: ${verdict.reason}; the request was not sent, retrying in ${Math.round(wait / 1000)}s`
            : `${service}: answered ${verdict.status}; retrying in ${Math.ceil(wait / 1000)}s as it asked`);
        await deps.sleep(wait);
        if (deps.cancelled?.())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('OB_CANCELLED', `${service}: the job was cancelled before the retry; nothing was spent.`);
    }
}


/***/ }),

/***/ 38:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ isLoopbackHost),
/* harmony export */   q: () => (/* binding */ httpUrl)
/* harmony export */ });
/* harmony import */ var _checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5950);
// The URLs a credential is sent to (a token endpoint, GitHub's API), checked before any is used.

/** The names of this machine's loopback interface, as a URL's hostname spells them. */
const isLoopbackHost = (hostname) => ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
/** A URL as error lines quote it: never with the user name or password it may hold. */
function quoted(value) {
    const url = URL.canParse(value) ? new URL(value) : undefined;
    let shown = url ? value : value.replace(/^[^@]*@/, '***@');
    if (url && (url.username || url.password)) {
        [url.username, url.password] = ['***', ''];
        shown = url.href;
    }
    return (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(shown);
}
/** `value` as a URL a token may be sent to: https, or plain http to this machine only. */
function httpUrl(input, value) {
    const q = quoted(value);
    let url;
    try {
        url = new URL(value);
    }
    catch (err) {
        throw (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(input, `${q} is not a URL`, undefined, { cause: err });
    }
    // fetch refuses to send such a URL; and what is in it would be printed wherever the URL is.
    if (url.username || url.password)
        throw (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(input, `${q} holds a user name or password`, 'remove it');
    // Plain http only to this machine: a token must never cross a network in clear.
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
        throw (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(input, `${q} must be an https URL`);
    }
    return value.replace(/\/+$/, '');
}


/***/ })

};
;