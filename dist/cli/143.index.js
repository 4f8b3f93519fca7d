"use strict";
exports.id = 143;
exports.ids = [143];
exports.modules = {

/***/ 5055:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FX: () => (/* binding */ checkedInstant),
/* harmony export */   ZK: () => (/* binding */ scopesOf),
/* harmony export */   fJ: () => (/* binding */ fail),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   mw: () => (/* binding */ required),
/* harmony export */   nV: () => (/* binding */ parseInstant)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _instant_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(630);
// Reading the fields of a stored document: each failure is one `credentials:` error naming the
// field, never quoting its value.


const INPUT = 'credentials';
function fail(what, details, cause) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('OB_CREDENTIALS', `${INPUT}: ${what}`, { details, cause });
}
/** A string field, undefined when absent or empty. */
function str(doc, field, where) {
    const v = doc[field];
    if (v === undefined || v === null || v === '')
        return undefined;
    if (typeof v !== 'string')
        fail(`${where} field "${field}" must be a string.`);
    return v;
}
function required(doc, field, where) {
    const v = str(doc, field, where);
    if (v === undefined) {
        fail(`${where} has no "${field}"; store the whole credentials document the login produced ` +
            '(README: Credentials formats).');
    }
    return v;
}
/** Scopes as an array or a space-separated string. */
function scopesOf(v) {
    if (Array.isArray(v) && v.every((s) => typeof s === 'string'))
        return v;
    if (typeof v === 'string' && v.trim())
        return v.trim().split(/\s+/);
    return undefined;
}
function checkedInstant(at, field) {
    if ((0,_instant_js__WEBPACK_IMPORTED_MODULE_1__/* .isInstant */ .uZ)(at.ms))
        return at;
    return fail(`"${field}" is after the year 9999; store the credentials the login wrote, ` +
        `or remove "${field}" so the next run refreshes.`);
}
/** An instant field: ISO 8601, epoch seconds or epoch milliseconds, and which of them. */
function parseInstant(v, field) {
    if (typeof v === 'number' && Number.isFinite(v) && v > 0)
        return checkedInstant((0,_instant_js__WEBPACK_IMPORTED_MODULE_1__/* .epochMs */ .e9)(v), field);
    if (typeof v === 'string' && /^\d+$/.test(v))
        return checkedInstant((0,_instant_js__WEBPACK_IMPORTED_MODULE_1__/* .epochMs */ .e9)(Number(v)), field);
    if (typeof v === 'string') {
        const ms = Date.parse(v);
        if (/^\d{4}-\d{2}-\d{2}T/.test(v) && (0,_instant_js__WEBPACK_IMPORTED_MODULE_1__/* .isInstant */ .uZ)(ms))
            return { ms, style: 'iso' };
    }
    return fail(`"${field}" must be ISO 8601 (2026-01-31T12:00:00Z), epoch seconds or epoch milliseconds.`);
}


/***/ }),

/***/ 4143:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  QL: () => (/* binding */ applyTokenSet),
  p1: () => (/* binding */ expiryOf),
  gu: () => (/* binding */ parseCredentials),
  Fj: () => (/* binding */ secretsOf),
  dY: () => (/* binding */ serializeCredentials)
});

// UNUSED EXPORTS: validFor

// EXTERNAL MODULE: ./src/core/checks.ts
var checks = __webpack_require__(5950);
// EXTERNAL MODULE: ./src/core/instant.ts
var instant = __webpack_require__(630);
// EXTERNAL MODULE: ./src/core/json.ts
var json = __webpack_require__(6153);
// EXTERNAL MODULE: ./src/core/jwt.ts
var jwt = __webpack_require__(3622);
// EXTERNAL MODULE: ./src/core/marker.ts
var marker = __webpack_require__(4517);
// EXTERNAL MODULE: ./src/core/formats/fields.ts
var fields = __webpack_require__(5055);
;// CONCATENATED MODULE: ./src/core/formats/claude-code.ts
// Claude Code's `.credentials.json`: `{"claudeAiOauth": {accessToken, refreshToken, expiresAt (epoch ms),
// scopes, …}}`. Every other field, inside and outside `claudeAiOauth`, is written back as it was.


function isClaudeCode(doc) {
    return 'claudeAiOauth' in doc;
}
function parseClaudeCode(root) {
    const o = root.claudeAiOauth;
    if (!(0,checks/* isJsonObject */.OW)(o))
        (0,fields/* fail */.fJ)('"claudeAiOauth" must be an object.');
    const doc = o;
    const where = 'the Claude Code credentials ("claudeAiOauth")';
    const creds = {
        format: 'claude-code',
        accessToken: (0,fields/* str */.gx)(doc, 'accessToken', where),
        refreshToken: (0,fields/* required */.mw)(doc, 'refreshToken', where),
        scopes: (0,fields/* scopesOf */.ZK)(doc.scopes),
        doc: root,
    };
    if (doc.expiresAt !== undefined && doc.expiresAt !== null)
        creds.expiresAt = (0,fields/* parseInstant */.nV)(doc.expiresAt, 'claudeAiOauth.expiresAt').ms;
    return creds;
}
/** The document with the new tokens in `claudeAiOauth`; a missing access token is removed. */
function applyClaudeCode(c, t) {
    const o = { ...c.doc.claudeAiOauth, accessToken: t.accessToken, refreshToken: t.refreshToken };
    if (!t.accessToken)
        delete o.accessToken;
    if (t.expiresAt !== undefined)
        o.expiresAt = t.expiresAt;
    if (t.scopes)
        o.scopes = t.scopes;
    return { ...c, ...t, doc: { ...c.doc, claudeAiOauth: o } };
}

;// CONCATENATED MODULE: ./src/core/formats/codex.ts
// Codex's `auth.json` with a ChatGPT login: `{"tokens": {id_token, access_token, refresh_token,
// account_id}, "last_refresh", …}`. The access token is a JWT whose `exp` is the expiry.



function isCodex(doc) {
    return 'tokens' in doc;
}
/** Codex logged in with an API key keeps the key and no tokens (its `auth_mode` is `apikey`). */
function refuseCodexApiKey(doc) {
    if (typeof doc.OPENAI_API_KEY === 'string' && doc.OPENAI_API_KEY && doc.tokens == null) {
        (0,fields/* fail */.fJ)('is a Codex auth.json holding an API key, not a ChatGPT login: nothing to refresh. ' +
            'Use the key as OPENAI_API_KEY, or log in with ChatGPT (codex login) and store that auth.json.');
    }
}
function parseCodex(root) {
    const t = root.tokens;
    if (!(0,checks/* isJsonObject */.OW)(t))
        (0,fields/* fail */.fJ)('"tokens" must be an object (Codex auth.json).');
    const tokens = t;
    const where = 'the Codex auth.json ("tokens")';
    const accessToken = (0,fields/* str */.gx)(tokens, 'access_token', where);
    return {
        format: 'codex',
        accessToken,
        refreshToken: (0,fields/* required */.mw)(tokens, 'refresh_token', where),
        idToken: (0,fields/* str */.gx)(tokens, 'id_token', where),
        expiresAt: accessToken ? (0,jwt/* jwtExpiry */.lo)(accessToken) : undefined,
        doc: root,
    };
}
/** The document with the new tokens in `tokens` and `last_refresh` set to now, as Codex writes it. */
function applyCodex(c, t, now) {
    const tokens = { ...c.doc.tokens, access_token: t.accessToken, refresh_token: t.refreshToken };
    if (!t.accessToken)
        delete tokens.access_token;
    if (t.idToken)
        tokens.id_token = t.idToken;
    return { ...c, ...t, doc: { ...c.doc, tokens, last_refresh: new Date(now).toISOString() } };
}

;// CONCATENATED MODULE: ./src/core/formats/generic.ts
// A generic OAuth 2.0 token document (`access_token`, `refresh_token`, and `expires_at`, or
// `expires_in` with `obtained_at`), and a bare refresh token, which becomes one on its first refresh.
// The expiry is written back in the style it was read.




function isGeneric(doc) {
    return 'refresh_token' in doc || 'access_token' in doc;
}
/** A value that is no JSON: one word of printable ASCII, the refresh token alone. */
function parseBareToken(value) {
    if (!(0,checks/* isTokenWord */.un)(value))
        (0,fields/* fail */.fJ)('is neither JSON nor a bare refresh token; see the formats in the README.');
    return { format: 'refresh-token', refreshToken: value, doc: {} };
}
function parseGeneric(root) {
    const where = 'the token document';
    const creds = {
        format: 'generic',
        accessToken: (0,fields/* str */.gx)(root, 'access_token', where),
        refreshToken: (0,fields/* required */.mw)(root, 'refresh_token', where),
        idToken: (0,fields/* str */.gx)(root, 'id_token', where),
        scopes: (0,fields/* scopesOf */.ZK)(root.scope),
        doc: root,
    };
    if (root.expires_at !== undefined && root.expires_at !== null) {
        const at = (0,fields/* parseInstant */.nV)(root.expires_at, 'expires_at');
        creds.expiresAt = at.ms;
        creds.expiryStyle = { field: 'expires_at', style: at.style };
    }
    else if (root.expires_in !== undefined && root.obtained_at !== undefined) {
        if (typeof root.expires_in !== 'number' || !(root.expires_in >= 0))
            (0,fields/* fail */.fJ)('"expires_in" must be a number of seconds.');
        const at = (0,fields/* parseInstant */.nV)(root.obtained_at, 'obtained_at');
        creds.expiresAt = (0,fields/* checkedInstant */.FX)({ ms: at.ms + root.expires_in * 1000, style: at.style }, 'expires_in').ms;
        creds.expiryStyle = { field: 'obtained_at', style: at.style };
    }
    else if (creds.accessToken) {
        creds.expiresAt = (0,jwt/* jwtExpiry */.lo)(creds.accessToken);
        if (creds.expiresAt === undefined)
            (0,fields/* fail */.fJ)('the token document has an "access_token" but no expiry; ' +
                'add "expires_at" (or "expires_in" with "obtained_at").');
    }
    return creds;
}
/** The document with the new tokens; a bare token becomes a generic document with an ISO expiry. */
function applyGeneric(c, t, answer, now) {
    const doc = { ...c.doc, access_token: t.accessToken, refresh_token: t.refreshToken };
    if (!t.accessToken)
        delete doc.access_token;
    if (answer.idToken || 'id_token' in doc)
        doc.id_token = t.idToken;
    if (answer.scope)
        doc.scope = answer.scope;
    const style = c.expiryStyle ?? { field: 'expires_at', style: 'iso' };
    if (t.expiresAt !== undefined) {
        if (style.field === 'obtained_at') {
            doc.obtained_at = (0,instant/* writeInstant */.hW)(now, style.style);
            doc.expires_in = Math.round((t.expiresAt - now) / 1000);
        }
        else {
            doc.expires_at = (0,instant/* writeInstant */.hW)(t.expiresAt, style.style);
        }
    }
    return { ...c, ...t, format: 'generic', expiryStyle: style, doc };
}

;// CONCATENATED MODULE: ./src/core/formats/index.ts
// The stored formats (README, "Credentials formats"), one file each: this registry recognises which
// one a value is, and dispatches the write-back to it. Each is written back in the same shape, with
// every field the broker does not understand left as it was.









/** Detects the format and validates it. Error messages never quote the value. */
function parseCredentials(text) {
    const value = text.trim();
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression the user writes.
    if (!value)
        (0,fields/* fail */.fJ)('is empty; pass the stored credentials, e.g. credentials: ${{ secrets.CLAUDE_CREDENTIALS }}.');
    if (!/^[[{"]/.test(value))
        return parseBareToken(value);
    // Every value from outside (the input, the CLI's --from and imports, a file read back) comes here.
    (0,json/* checkJsonDepth */.Or)(value, 'credentials', 'store the document the login wrote.');
    let root;
    try {
        root = JSON.parse(value);
    }
    catch (err) {
        // JSON.parse's own message quotes the input: never pass it on (a cause is never printed).
        return (0,fields/* fail */.fJ)('is not valid JSON; store the file exactly as the login wrote it.', undefined, err);
    }
    if (!(0,checks/* isJsonObject */.OW)(root))
        (0,fields/* fail */.fJ)('must be a JSON object.');
    const doc = root;
    refuseCodexApiKey(doc);
    if (isClaudeCode(doc))
        return parseClaudeCode(doc);
    if (isCodex(doc))
        return parseCodex(doc);
    if (isGeneric(doc))
        return parseGeneric(doc);
    return (0,fields/* fail */.fJ)('is JSON of an unknown format; store the file the login wrote (README: Credentials formats).', [
        'Expected Claude Code ({"claudeAiOauth":…}), Codex auth.json ({"tokens":…}) or an OAuth token document ' +
            '({"access_token","refresh_token","expires_at"}).',
    ]);
}
/** Whether the access token stays valid for at least `minTtlMs` from `now`. */
function validFor(c, minTtlMs, now) {
    return !!c.accessToken && c.expiresAt !== undefined && c.expiresAt - now >= minTtlMs;
}
/** Every value in the credentials that must be masked. */
function secretsOf(c) {
    return [c.accessToken, c.refreshToken, c.idToken].filter((s) => !!s);
}
/** Absolute expiry of a token set, or undefined when unknown or not a writable instant. */
function expiryOf(t, now) {
    if (!t.accessToken)
        return undefined;
    const fromNow = t.expiresInSeconds !== undefined ? now + t.expiresInSeconds * 1000 : undefined;
    const at = t.expiresAt ?? fromNow ?? (0,jwt/* jwtExpiry */.lo)(t.accessToken);
    return (0,instant/* isInstant */.uZ)(at) ? at : undefined;
}
/**
 * When the refresh token after this token set expires: as the provider now says, else as it
 * said before while the token is the same one; unknown for a new token it said nothing of.
 */
function refreshExpiryOf(c, t, now) {
    if (t.refreshExpiresInSeconds !== undefined) {
        const at = now + t.refreshExpiresInSeconds * 1000;
        return (0,instant/* isInstant */.uZ)(at) ? at : undefined;
    }
    const same = t.refreshToken === undefined || t.refreshToken === c.refreshToken;
    return same ? (0,marker/* refreshExpiresAt */.hC)(c.doc) : undefined;
}
/**
 * The credentials after a refresh, in the same format, other fields untouched. Total: it
 * runs between the provider's answer and the write-back, so nothing here may throw.
 * A token set without an access token removes the stale one from the document.
 */
function applyTokenSet(c, t, now) {
    const next = applyTokens(c, t, now);
    return { ...next, doc: (0,marker/* withRefreshExpiry */.$_)(next.doc, refreshExpiryOf(c, t, now)) };
}
function applyTokens(c, t, now) {
    const applied = {
        accessToken: t.accessToken || undefined,
        refreshToken: t.refreshToken ?? c.refreshToken,
        expiresAt: expiryOf(t, now),
        scopes: (0,fields/* scopesOf */.ZK)(t.scope) ?? c.scopes,
        idToken: t.idToken ?? c.idToken,
    };
    switch (c.format) {
        case 'claude-code':
            return applyClaudeCode(c, applied);
        case 'codex':
            return applyCodex(c, applied, now);
        case 'generic':
        case 'refresh-token':
            return applyGeneric(c, applied, t, now);
    }
}
/** The text to store in the secret; compact JSON like the CLIs write. */
function serializeCredentials(c) {
    if (c.format === 'refresh-token')
        return c.refreshToken;
    return JSON.stringify(c.doc);
}


/***/ }),

/***/ 630:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e9: () => (/* binding */ epochMs),
/* harmony export */   hW: () => (/* binding */ writeInstant),
/* harmony export */   uZ: () => (/* binding */ isInstant)
/* harmony export */ });
// Instants as the stored formats and the providers write them: epoch ms within what ISO 8601 can print.
// The last instant ISO 8601 can write with four year digits: later ones would not read back.
const LAST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
/** Whether `ms` is an instant every writer here can print and read back. */
function isInstant(ms) {
    return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 && ms <= LAST_INSTANT;
}
/** Epoch seconds and epoch milliseconds are told apart by magnitude (1e11 s is year 5138). */
function epochMs(n) {
    return n < 1e11 ? { ms: n * 1000, style: 'seconds' } : { ms: n, style: 'millis' };
}
/** `ms` written in `style`. */
function writeInstant(ms, style) {
    if (style === 'iso')
        return new Date(ms).toISOString();
    return style === 'seconds' ? Math.floor(ms / 1000) : ms;
}


/***/ }),

/***/ 6153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Or: () => (/* binding */ checkJsonDepth)
/* harmony export */ });
/* unused harmony exports MAX_JSON_DEPTH, jsonDepth */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
// Bounded JSON: a stored value or credentials file is refused before it is parsed when it nests
// deeper than any credentials document does. JSON.parse itself copes, but what follows does not:
// JSON.stringify (the write-back, the credentials file, the pending file) recurses and overflows
// the stack on a value a few thousand levels deep, and the user would see a RangeError.

/** How deeply a stored value may nest arrays and objects; a login's own documents nest 3 levels. */
const MAX_JSON_DEPTH = 64;
/**
 * How deeply `text` nests JSON arrays and objects, read in one pass without recursion:
 * brackets inside strings do not count. Meant for text about to be parsed; for text that is
 * not JSON the count is that of its brackets outside quotes, and JSON.parse says the rest.
 */
function jsonDepth(text) {
    let depth = 0;
    let max = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            // A backslash escapes the next character, a quote included.
            if (c === 0x5c)
                i++;
            else if (c === 0x22)
                inString = false;
        }
        else if (c === 0x22) {
            inString = true;
        }
        else if (c === 0x5b || c === 0x7b) {
            if (++depth > max)
                max = depth;
        }
        else if (c === 0x5d || c === 0x7d) {
            depth--;
        }
    }
    return max;
}
/**
 * Refuses text nesting deeper than MAX_JSON_DEPTH: one line naming `input` (as the error lines
 * of the caller name it), what happened, then `fix`.
 */
function checkJsonDepth(text, input, fix) {
    const depth = jsonDepth(text);
    if (depth <= MAX_JSON_DEPTH)
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('OB_CREDENTIALS', `${input}: the value nests JSON ${depth} levels deep, and the limit is ${MAX_JSON_DEPTH}; ${fix}`);
}


/***/ }),

/***/ 3622:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c$: () => (/* binding */ jwtPayload),
/* harmony export */   lo: () => (/* binding */ jwtExpiry),
/* harmony export */   vE: () => (/* binding */ jwtClaims)
/* harmony export */ });
/* harmony import */ var _checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5950);
/* harmony import */ var _instant_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(630);
// Reading a JWT's claims, never its signature: the broker only needs what a token says of itself
// (its expiry, the account a Codex login names), and trusts the token endpoint that issued it.


/** The JSON in the middle of three dot-separated parts, or undefined when there is none. */
function jwtPayload(token) {
    const parts = token?.split('.');
    if (parts?.length !== 3)
        return undefined;
    try {
        return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    }
    catch {
        return undefined;
    }
}
/** The claims of a JWT (its payload a JSON object), or undefined. */
function jwtClaims(token) {
    const claims = jwtPayload(token);
    return (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(claims) ? claims : undefined;
}
/** The `exp` claim of a JWT in epoch ms, or undefined when the token is no JWT. */
function jwtExpiry(token) {
    const exp = jwtClaims(token)?.exp;
    const ms = typeof exp === 'number' ? exp * 1000 : undefined;
    // An absurd exp claim means the expiry is unknown, never an invalid date.
    return (0,_instant_js__WEBPACK_IMPORTED_MODULE_1__/* .isInstant */ .uZ)(ms) ? ms : undefined;
}


/***/ }),

/***/ 4517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $_: () => (/* binding */ withRefreshExpiry),
/* harmony export */   hC: () => (/* binding */ refreshExpiresAt),
/* harmony export */   sJ: () => (/* binding */ OLD_COPY_AFTER_MS)
/* harmony export */ });
/* unused harmony exports stamp, claimsOf, checksSeed, sweepAgain, keyOf, writtenAt, isOldCopy */
/* harmony import */ var _checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5950);
/* harmony import */ var _marker_field_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1836);
// Every value the broker writes records when it was written (on GitHub's clock), the claims of
// the last copies and the public key it was sealed with. A job holding a copy whose marker is well
// before the target's updated_at holds an old copy, which GitHub's metadata alone tells, even once
// the claims that would stop it are gone (docs/design.md, "Old copies"). Values the broker never
// wrote (a first seed) carry none and are trusted.
// The marker also keeps when the refresh token itself expires, where a provider says so:
// every format carries the marker, so a later run sees it without any network call.



// A copy GitHub holds landed at most this long after its marker's time: each attempt at a write is
// stamped as it is sent (src/github/secret-write.ts), on a GitHub clock that lags by at most one
// answer, and lasts at most the HTTP timeout (1 min at most, src/core/env.ts); half a minute more for
// GitHub to act on a request it stopped answering. Short, because the claims of copies this young
// stay beside the secret, or are buried in the seed's claim (src/store/protocol.ts keptClaims).
const OLD_COPY_AFTER_MS = 150_000;
/** The marker's fields; none when the document has no marker of this shape. */
function markerOf(doc) {
    const m = doc[_marker_field_js__WEBPACK_IMPORTED_MODULE_1__/* .MARKER_FIELD */ .E];
    return (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(m) ? m : {};
}
/** The value with its marker's time set to `now`; a value that is not a JSON object is left as it is. */
function stamp(value, now, more = {}) {
    let doc;
    try {
        doc = JSON.parse(value);
    }
    catch {
        return value;
    }
    if (!isJsonObject(doc))
        return value;
    const { sweep: _, [CHECK_SEED]: __, ...before } = markerOf(doc);
    const marker = { ...before, written_at: new Date(now).toISOString() };
    if (more.sweep)
        marker.sweep = true;
    if (more.checkSeed)
        marker[CHECK_SEED] = true;
    if (more.claims) {
        marker.claims = more.claims.map((k) => ({
            name: k.name,
            at: new Date(k.at).toISOString(),
            ...(k.seed ? { seed: true } : {}),
            ...(k.checks ? { checks: true } : {}),
        }));
    }
    if (more.key)
        marker.key = `${more.key.key_id}:${more.key.key}`;
    return JSON.stringify({ ...doc, [MARKER_FIELD]: marker });
}
/** The claims the copy's marker names; none for a value the broker never wrote, or wrote before claims existed. */
function claimsOf(doc) {
    const c = markerOf(doc).claims;
    if (!Array.isArray(c))
        return undefined;
    const kept = [];
    for (const k of c) {
        const { name, at, seed, checks } = (isJsonObject(k) ? k : {});
        const ms = typeof at === 'string' ? Date.parse(at) : NaN;
        if (typeof name !== 'string' || !/^OAUTH_BROKER_\w{1,200}$/.test(name) || !Number.isFinite(ms))
            return undefined;
        kept.push({ name, at: ms, ...(seed === true ? { seed: true } : {}), ...(checks === true ? { checks: true } : {}) });
    }
    return kept;
}
const CHECK_SEED = 'check_seed';
/** Whether a job holding this copy reads the seed's claim before presenting it (Stamp.checkSeed). */
function checksSeed(doc) {
    return markerOf(doc)[CHECK_SEED] === true;
}
/** Whether this copy's writer asks the next writer to sweep leftovers again (src/action/sweep.ts). */
function sweepAgain(doc) {
    return markerOf(doc).sweep === true;
}
/** The public key the broker last sealed this value with, if recorded. */
function keyOf(doc) {
    const m = /^([^:]{1,100}):([A-Za-z0-9+/]{43}=)$/.exec(String(markerOf(doc).key ?? ''));
    return m ? { key_id: m[1], key: m[2] } : undefined;
}
/** An ISO field of the marker, epoch ms; undefined when absent or unreadable. */
function instantOf(doc, field) {
    const at = markerOf(doc)[field];
    const ms = typeof at === 'string' ? Date.parse(at) : NaN;
    return Number.isFinite(ms) ? ms : undefined;
}
/** When the broker wrote this document, epoch ms; undefined for one it never wrote. */
function writtenAt(doc) {
    return instantOf(doc, 'written_at');
}
/** Whether the target was written again long after this copy was: its refresh token is then spent. */
function isOldCopy(doc, targetUpdatedAt) {
    const at = writtenAt(doc);
    return at !== undefined && Date.parse(targetUpdatedAt) > at + OLD_COPY_AFTER_MS;
}
const REFRESH_EXPIRES_AT = 'refresh_expires_at';
/** When the stored refresh token itself expires, epoch ms, as the provider said; undefined when it did not. */
function refreshExpiresAt(doc) {
    return instantOf(doc, REFRESH_EXPIRES_AT);
}
/** The document with the refresh token's expiry recorded in its marker, or removed from it (`at` undefined). */
function withRefreshExpiry(doc, at) {
    const { [REFRESH_EXPIRES_AT]: _, ...rest } = markerOf(doc);
    if (at !== undefined)
        return { ...doc, [_marker_field_js__WEBPACK_IMPORTED_MODULE_1__/* .MARKER_FIELD */ .E]: { ...rest, [REFRESH_EXPIRES_AT]: new Date(at).toISOString() } };
    if (!(_marker_field_js__WEBPACK_IMPORTED_MODULE_1__/* .MARKER_FIELD */ .E in doc) || !(0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(doc[_marker_field_js__WEBPACK_IMPORTED_MODULE_1__/* .MARKER_FIELD */ .E]))
        return doc;
    return { ...doc, [_marker_field_js__WEBPACK_IMPORTED_MODULE_1__/* .MARKER_FIELD */ .E]: rest };
}


/***/ })

};
;