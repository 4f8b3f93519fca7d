"use strict";
exports.id = 569;
exports.ids = [569];
exports.modules = {

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


/***/ })

};
;