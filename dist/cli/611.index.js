"use strict";
exports.id = 611;
exports.ids = [611];
exports.modules = {

/***/ 6611:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verb: () => (/* binding */ verb)
/* harmony export */ });
/* harmony import */ var _github_secret_limit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6605);
/* harmony import */ var _core_checks_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5950);
/* harmony import */ var _core_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6153);
/* harmony import */ var _core_neutral_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(8272);
/* harmony import */ var _github_api_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8943);
/* harmony import */ var _github_explain_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9576);
/* harmony import */ var _github_public_key_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5072);
/* harmony import */ var _github_secret_write_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8997);
/* harmony import */ var _github_target_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3738);
/* harmony import */ var _github_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1132);
/* harmony import */ var _verb_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(5525);
// `oauth-broker put`: stores a value sealed elsewhere (oauth-broker seal), unchanged, once it is
// sure to be sealed with the secret's current key.











// A sealed box is the sender's ephemeral public key and a MAC longer than what it seals.
const SEAL_OVERHEAD = 48;
const RESEAL = 'fetch the key again (oauth-broker public-key) and seal again';
/** What oauth-broker seal printed: checked here, so nothing malformed is sent. */
function sealedOf(text, from) {
    (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .checkJsonDepth */ .Or)(text, `--sealed ${from}`, 'seal the value again.');
    const s = (0,_verb_js__WEBPACK_IMPORTED_MODULE_9__/* .parsedJson */ .U4)(text);
    const value = typeof s?.encrypted_value === 'string' ? s.encrypted_value : '';
    const base64 = value.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(value);
    const bytes = base64 ? Buffer.from(value, 'base64').length - SEAL_OVERHEAD : -1;
    if (bytes < 0 || typeof s?.key_id !== 'string' || !s.key_id) {
        throw (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .invalid */ .Gq)(`--sealed ${from}`, 'is not the {"encrypted_value","key_id"} oauth-broker seal prints', 'seal the value again');
    }
    if (bytes > _github_secret_limit_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_SECRET_BYTES */ .s) {
        throw (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .invalid */ .Gq)(`--sealed ${from}`, `holds ${Math.ceil(bytes / 1024)} KB, over GitHub's 48 KB limit for a secret`, 'seal only the document the login wrote');
    }
    return { encrypted_value: value, key_id: s.key_id };
}
const verb = {
    usage: [
        `put ${_github_js__WEBPACK_IMPORTED_MODULE_8__/* .SECRET_SYNOPSIS */ .Ax} --sealed FILE|- [--api-url URL]`,
        '  Stores a value sealed elsewhere (oauth-broker seal), unchanged: created, or replaced. Refused',
        "  before anything is written when it was sealed with another key than the secret's current one.",
        '  An organization secret keeps its visibility and repositories unless --visibility or --repos says',
        '  otherwise; a new one is private.',
        ..._github_js__WEBPACK_IMPORTED_MODULE_8__/* .GITHUB_HELP */ .C,
    ].join('\n'),
    options: { ..._github_js__WEBPACK_IMPORTED_MODULE_8__/* .SECRET_OPTIONS */ .jP, sealed: { type: 'string' } },
    async run(args, deps) {
        const { target, wish } = (0,_github_js__WEBPACK_IMPORTED_MODULE_8__/* .targetOf */ .$r)(args);
        const from = (0,_verb_js__WEBPACK_IMPORTED_MODULE_9__/* .option */ .uK)(args, 'sealed', true);
        const api = await (0,_github_js__WEBPACK_IMPORTED_MODULE_8__/* .connect */ .Ng)(args, deps);
        const sealed = sealedOf(await (0,_verb_js__WEBPACK_IMPORTED_MODULE_9__/* .readFrom */ .zP)(from, deps, 'sealed'), from);
        const key = await (0,_github_public_key_js__WEBPACK_IMPORTED_MODULE_5__/* .readPublicKey */ .R)(api, target);
        if (key.key_id !== sealed.key_id) {
            throw (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .invalid */ .Gq)(`--sealed ${from}`, `sealed with key ${(0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_10__/* .neutral */ .SY)(sealed.key_id, 40)}, the secret's key is now ${(0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_10__/* .neutral */ .SY)(key.key_id, 40)}: ${RESEAL}`);
        }
        const granted = await (0,_github_js__WEBPACK_IMPORTED_MODULE_8__/* .accessFor */ .IK)(api, target, wish);
        let status;
        try {
            status = await (0,_github_secret_write_js__WEBPACK_IMPORTED_MODULE_6__/* .putSealedValue */ .pV)(api, target, sealed, granted.access);
        }
        catch (err) {
            // GitHub could not open the box: the key changed since, or it was sealed for another.
            if (err instanceof _github_api_js__WEBPACK_IMPORTED_MODULE_3__/* .GitHubHttpError */ .I && err.status === 422) {
                throw (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .invalid */ .Gq)(`--sealed ${from}`, 'GitHub refused the sealed value (HTTP 422)', RESEAL, {
                    cause: err,
                    details: `GitHub's message: ${err.githubMessage}`,
                });
            }
            throw (0,_github_explain_js__WEBPACK_IMPORTED_MODULE_4__/* .explain */ .WE)(err, target, `write ${(0,_github_target_js__WEBPACK_IMPORTED_MODULE_7__/* .describeTarget */ .ff)(target)}`, api.wording);
        }
        deps.stderr(`${status === 201 ? 'Created' : 'Updated'} ${(0,_github_target_js__WEBPACK_IMPORTED_MODULE_7__/* .describeTarget */ .ff)(target)}${(0,_github_js__WEBPACK_IMPORTED_MODULE_8__/* .describeAccess */ .Ag)(granted)}.`);
    },
};


/***/ }),

/***/ 6605:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ MAX_SECRET_BYTES)
/* harmony export */ });
/* unused harmony export checkWriteBack */
/* harmony import */ var _core_formats_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4143);
/* harmony import */ var _core_formats_fields_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5055);
// GitHub's limit on a secret's value, and the check that a login's rotation will fit in it.


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


/***/ })

};
;