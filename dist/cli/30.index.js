"use strict";
exports.id = 30;
exports.ids = [30];
exports.modules = {

/***/ 2633:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fj: () => (/* binding */ secretsOf),
/* harmony export */   QL: () => (/* binding */ applyTokenSet),
/* harmony export */   dY: () => (/* binding */ serializeCredentials),
/* harmony export */   gu: () => (/* binding */ parseCredentials),
/* harmony export */   p1: () => (/* binding */ expiryOf),
/* harmony export */   sU: () => (/* binding */ MAX_SECRET_BYTES)
/* harmony export */ });
/* unused harmony exports jwtExpiry, validFor, checkWriteBack */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6153);
/* harmony import */ var _marker_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4517);
// The credential formats (README, "Credentials formats"): detected from the secret's text, and written back
// in the same shape with every field the broker does not understand left as it was.



const INPUT = 'credentials';
function fail(what, details, cause) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${INPUT}: ${what}`, { details, cause });
}
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
function checkedInstant(at, field) {
    if (isInstant(at.ms))
        return at;
    return fail(`"${field}" is after the year 9999; store the credentials the login wrote, ` +
        `or remove "${field}" so the next run refreshes.`);
}
function parseInstant(v, field) {
    if (typeof v === 'number' && Number.isFinite(v) && v > 0)
        return checkedInstant(epochMs(v), field);
    if (typeof v === 'string' && /^\d+$/.test(v))
        return checkedInstant(epochMs(Number(v)), field);
    if (typeof v === 'string') {
        const ms = Date.parse(v);
        if (/^\d{4}-\d{2}-\d{2}T/.test(v) && isInstant(ms))
            return { ms, style: 'iso' };
    }
    return fail(`"${field}" must be ISO 8601 (2026-01-31T12:00:00Z), epoch seconds or epoch milliseconds.`);
}
function writeInstant(ms, style) {
    if (style === 'iso')
        return new Date(ms).toISOString();
    return style === 'seconds' ? Math.floor(ms / 1000) : ms;
}
/** The `exp` claim of a JWT in epoch ms, or undefined when the token is no JWT. */
function jwtExpiry(token) {
    const parts = token.split('.');
    if (parts.length !== 3)
        return undefined;
    try {
        const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
        const ms = typeof claims?.exp === 'number' ? claims.exp * 1000 : undefined;
        // An absurd exp claim means the expiry is unknown, never an invalid date.
        return isInstant(ms) ? ms : undefined;
    }
    catch {
        return undefined;
    }
}
function scopesOf(v) {
    if (Array.isArray(v) && v.every((s) => typeof s === 'string'))
        return v;
    if (typeof v === 'string' && v.trim())
        return v.trim().split(/\s+/);
    return undefined;
}
function parseClaudeCode(root) {
    const o = root.claudeAiOauth;
    if (typeof o !== 'object' || o === null || Array.isArray(o))
        fail('"claudeAiOauth" must be an object.');
    const doc = o;
    const where = 'the Claude Code credentials ("claudeAiOauth")';
    const creds = {
        format: 'claude-code',
        accessToken: str(doc, 'accessToken', where),
        refreshToken: required(doc, 'refreshToken', where),
        scopes: scopesOf(doc.scopes),
        doc: root,
    };
    if (doc.expiresAt !== undefined && doc.expiresAt !== null)
        creds.expiresAt = parseInstant(doc.expiresAt, 'claudeAiOauth.expiresAt').ms;
    return creds;
}
function parseCodex(root) {
    const t = root.tokens;
    if (typeof t !== 'object' || t === null || Array.isArray(t))
        fail('"tokens" must be an object (Codex auth.json).');
    const tokens = t;
    const where = 'the Codex auth.json ("tokens")';
    const accessToken = str(tokens, 'access_token', where);
    return {
        format: 'codex',
        accessToken,
        refreshToken: required(tokens, 'refresh_token', where),
        idToken: str(tokens, 'id_token', where),
        expiresAt: accessToken ? jwtExpiry(accessToken) : undefined,
        doc: root,
    };
}
function parseGeneric(root) {
    const where = 'the token document';
    const creds = {
        format: 'generic',
        accessToken: str(root, 'access_token', where),
        refreshToken: required(root, 'refresh_token', where),
        idToken: str(root, 'id_token', where),
        scopes: scopesOf(root.scope),
        doc: root,
    };
    if (root.expires_at !== undefined && root.expires_at !== null) {
        const at = parseInstant(root.expires_at, 'expires_at');
        creds.expiresAt = at.ms;
        creds.expiryStyle = { field: 'expires_at', style: at.style };
    }
    else if (root.expires_in !== undefined && root.obtained_at !== undefined) {
        if (typeof root.expires_in !== 'number' || !(root.expires_in >= 0))
            fail('"expires_in" must be a number of seconds.');
        const at = parseInstant(root.obtained_at, 'obtained_at');
        creds.expiresAt = checkedInstant({ ms: at.ms + root.expires_in * 1000, style: at.style }, 'expires_in').ms;
        creds.expiryStyle = { field: 'obtained_at', style: at.style };
    }
    else if (creds.accessToken) {
        creds.expiresAt = jwtExpiry(creds.accessToken);
        if (creds.expiresAt === undefined)
            fail('the token document has an "access_token" but no expiry; ' +
                'add "expires_at" (or "expires_in" with "obtained_at").');
    }
    return creds;
}
/** Detects the format and validates it. Error messages never quote the value. */
function parseCredentials(text) {
    const value = text.trim();
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression the user writes.
    if (!value)
        fail('is empty; pass the stored credentials, e.g. credentials: ${{ secrets.CLAUDE_CREDENTIALS }}.');
    if (!/^[[{"]/.test(value)) {
        // A bare refresh token: one word, printable ASCII.
        if (!/^[\x21-\x7e]+$/.test(value))
            fail('is neither JSON nor a bare refresh token; see the formats in the README.');
        return { format: 'refresh-token', refreshToken: value, doc: {} };
    }
    // Every value from outside (the input, the CLI's --from and imports, a file read back) comes here.
    (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .checkJsonDepth */ .Or)(value, INPUT, 'store the document the login wrote.');
    let root;
    try {
        root = JSON.parse(value);
    }
    catch (err) {
        // JSON.parse's own message quotes the input: never pass it on (a cause is never printed).
        return fail('is not valid JSON; store the file exactly as the login wrote it.', undefined, err);
    }
    if (typeof root !== 'object' || root === null || Array.isArray(root))
        fail('must be a JSON object.');
    const doc = root;
    // Codex logged in with an API key keeps the key and no tokens (its `auth_mode` is `apikey`).
    if (typeof doc.OPENAI_API_KEY === 'string' && doc.OPENAI_API_KEY && doc.tokens == null) {
        fail('is a Codex auth.json holding an API key, not a ChatGPT login: nothing to refresh. ' +
            'Use the key as OPENAI_API_KEY, or log in with ChatGPT (codex login) and store that auth.json.');
    }
    if ('claudeAiOauth' in doc)
        return parseClaudeCode(doc);
    if ('tokens' in doc)
        return parseCodex(doc);
    if ('refresh_token' in doc || 'access_token' in doc)
        return parseGeneric(doc);
    return fail('is JSON of an unknown format; store the file the login wrote (README: Credentials formats).', [
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
    const at = t.expiresAt ?? fromNow ?? jwtExpiry(t.accessToken);
    return isInstant(at) ? at : undefined;
}
/**
 * When the refresh token after this token set expires: as the provider now says, else as it
 * said before while the token is the same one; unknown for a new token it said nothing of.
 */
function refreshExpiryOf(c, t, now) {
    if (t.refreshExpiresInSeconds !== undefined) {
        const at = now + t.refreshExpiresInSeconds * 1000;
        return isInstant(at) ? at : undefined;
    }
    const same = t.refreshToken === undefined || t.refreshToken === c.refreshToken;
    return same ? (0,_marker_js__WEBPACK_IMPORTED_MODULE_2__/* .refreshExpiresAt */ .hC)(c.doc) : undefined;
}
/**
 * The credentials after a refresh, in the same format, other fields untouched. Total: it
 * runs between the provider's answer and the write-back, so nothing here may throw.
 * A token set without an access token removes the stale one from the document.
 */
function applyTokenSet(c, t, now) {
    const next = applyTokens(c, t, now);
    return { ...next, doc: (0,_marker_js__WEBPACK_IMPORTED_MODULE_2__/* .withRefreshExpiry */ .$_)(next.doc, refreshExpiryOf(c, t, now)) };
}
function applyTokens(c, t, now) {
    const refreshToken = t.refreshToken ?? c.refreshToken;
    const accessToken = t.accessToken || undefined;
    const expiresAt = expiryOf(t, now);
    const scopes = scopesOf(t.scope) ?? c.scopes;
    const idToken = t.idToken ?? c.idToken;
    const base = { accessToken, refreshToken, expiresAt, scopes, idToken };
    switch (c.format) {
        case 'claude-code': {
            const o = { ...c.doc.claudeAiOauth, accessToken, refreshToken };
            if (!accessToken)
                delete o.accessToken;
            if (expiresAt !== undefined)
                o.expiresAt = expiresAt;
            if (scopes)
                o.scopes = scopes;
            return { ...c, ...base, doc: { ...c.doc, claudeAiOauth: o } };
        }
        case 'codex': {
            const tokens = { ...c.doc.tokens, access_token: accessToken, refresh_token: refreshToken };
            if (!accessToken)
                delete tokens.access_token;
            if (idToken)
                tokens.id_token = idToken;
            return { ...c, ...base, doc: { ...c.doc, tokens, last_refresh: new Date(now).toISOString() } };
        }
        case 'generic':
        case 'refresh-token': {
            const doc = { ...c.doc, access_token: accessToken, refresh_token: refreshToken };
            if (!accessToken)
                delete doc.access_token;
            if (t.idToken || 'id_token' in doc)
                doc.id_token = idToken;
            if (t.scope)
                doc.scope = t.scope;
            // A bare token becomes a generic document with an ISO expiry.
            const style = c.expiryStyle ?? { field: 'expires_at', style: 'iso' };
            if (expiresAt !== undefined) {
                if (style.field === 'obtained_at') {
                    doc.obtained_at = writeInstant(now, style.style);
                    doc.expires_in = Math.round((expiresAt - now) / 1000);
                }
                else {
                    doc.expires_at = writeInstant(expiresAt, style.style);
                }
            }
            return { ...c, ...base, format: 'generic', expiryStyle: style, doc };
        }
    }
}
/** The text to store in the secret; compact JSON like the CLIs write. */
function serializeCredentials(c) {
    if (c.format === 'refresh-token')
        return c.refreshToken;
    return JSON.stringify(c.doc);
}
/** GitHub's limit on a secret's value. */
const MAX_SECRET_BYTES = 48 * 1024;
/**
 * Refuses, before any refresh, credentials whose rotation could not be stored: the value
 * written back must fit GitHub's limit even when the provider issues tokens twice as long.
 */
function checkWriteBack(c, now) {
    const longer = (s, min) => 'x'.repeat(Math.max(2 * (s?.length ?? 0), min));
    const grown = {
        accessToken: longer(c.accessToken, 2048),
        refreshToken: longer(c.refreshToken, 512),
        expiresInSeconds: 3600,
    };
    if (c.idToken)
        grown.idToken = longer(c.idToken, 0);
    const bytes = Buffer.byteLength(serializeCredentials(applyTokenSet(c, grown, now)));
    if (bytes > MAX_SECRET_BYTES) {
        const kb = Math.ceil(Buffer.byteLength(serializeCredentials(c)) / 1024);
        fail(`is ${kb} KB; refreshed, it could exceed GitHub's 48 KB secret limit, so nothing is refreshed. ` +
            'Store only the document the login wrote.', 'Its rotated credentials could not be stored: the check allows for tokens twice as long as today’s.');
    }
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
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${input}: the value nests JSON ${depth} levels deep, and the limit is ${MAX_JSON_DEPTH}; ${fix}`);
}


/***/ }),

/***/ 4517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $_: () => (/* binding */ withRefreshExpiry),
/* harmony export */   hC: () => (/* binding */ refreshExpiresAt),
/* harmony export */   sJ: () => (/* binding */ OLD_COPY_AFTER_MS)
/* harmony export */ });
/* unused harmony exports MARKER_FIELD, stamp, claimsOf, keyOf, writtenAt, isOldCopy */
// Every value the broker writes records when it was written (on GitHub's clock), the claims of
// the last copies and the public key it was sealed with. A job holding a copy whose marker is well
// before the target's updated_at holds an old copy, which GitHub's metadata alone tells, even once
// the claims that would stop it are gone (docs/design.md, "Old copies"). Values the broker never
// wrote (a first seed) carry none and are trusted.
// The marker also keeps when the refresh token itself expires, where a provider says so:
// every format carries the marker, so a later run sees it without any network call.
const MARKER_FIELD = 'oauth_broker';
// Far longer than any write-back takes with all its retries, far shorter than claims are kept.
const OLD_COPY_AFTER_MS = 3_600_000;
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The marker's fields; none when the document has no marker of this shape. */
function markerOf(doc) {
    const m = doc[MARKER_FIELD];
    return isObject(m) ? m : {};
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
    if (!isObject(doc))
        return value;
    const marker = { ...markerOf(doc), written_at: new Date(now).toISOString() };
    if (more.claims) {
        marker.claims = more.claims.map((k) => ({
            name: k.name,
            at: new Date(k.at).toISOString(),
            ...(k.seed ? { seed: true } : {}),
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
        const { name, at, seed } = (isObject(k) ? k : {});
        const ms = typeof at === 'string' ? Date.parse(at) : NaN;
        if (typeof name !== 'string' || !/^OAUTH_BROKER_\w{1,200}$/.test(name) || !Number.isFinite(ms))
            return undefined;
        kept.push({ name, at: ms, ...(seed === true ? { seed: true } : {}) });
    }
    return kept;
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
        return { ...doc, [MARKER_FIELD]: { ...rest, [REFRESH_EXPIRES_AT]: new Date(at).toISOString() } };
    if (!(MARKER_FIELD in doc) || !isObject(doc[MARKER_FIELD]))
        return doc;
    return { ...doc, [MARKER_FIELD]: rest };
}


/***/ }),

/***/ 4926:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GJ: () => (/* binding */ recognise),
/* harmony export */   I: () => (/* binding */ kindOf),
/* harmony export */   vE: () => (/* binding */ jwtClaims),
/* harmony export */   xD: () => (/* binding */ issuerOf)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

const CLAUDE_LOGIN = 'store the Claude Code login (~/.claude/.credentials.json) instead';
const OAUTH_LOGIN = 'store the refresh token the login issued (for Codex, the whole auth.json)';
// Keycloak issues refresh tokens as JWTs and marks them with this `typ` claim.
const REFRESH_JWT_TYPES = new Set(['Refresh', 'Offline']);
/** The claims of a JWT, or undefined when the token is none. */
function jwtClaims(token) {
    if (!/^eyJ[\w-]*\.[\w-]+\.[\w-]*$/.test(token))
        return undefined;
    try {
        const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
        return typeof claims === 'object' && claims !== null ? claims : undefined;
    }
    catch {
        return undefined;
    }
}
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
    const claims = jwtClaims(token);
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