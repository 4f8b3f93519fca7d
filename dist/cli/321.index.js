"use strict";
exports.id = 321;
exports.ids = [321];
exports.modules = {

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