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
/* harmony import */ var _github_secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(298);
/* harmony import */ var _github_target_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3738);
/* harmony import */ var _github_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1132);
/* harmony import */ var _value_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3263);
/* harmony import */ var _verb_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5525);
// `oauth-broker seed`: stores credentials in a secret, sealed with its public key, exactly as the
// login wrote them (a first value carries no marker: src/core/marker.ts).





const verb = {
    usage: [
        `seed ${_github_js__WEBPACK_IMPORTED_MODULE_2__/* .SECRET_SYNOPSIS */ .Ax} [--from FILE|-] [--api-url URL]`,
        "  Seals the credentials with the secret's public key and stores them (created, or replaced), exactly",
        '  as the login wrote them. --from defaults to - (standard input); refused before anything is sent',
        '  when over 48 KB or not credentials the action accepts. An organization secret keeps its visibility',
        '  and repositories unless --visibility or --repos says otherwise; a new one is private.',
        ..._github_js__WEBPACK_IMPORTED_MODULE_2__/* .GITHUB_HELP */ .C,
    ].join('\n'),
    options: { ..._github_js__WEBPACK_IMPORTED_MODULE_2__/* .SECRET_OPTIONS */ .jP, from: { type: 'string' } },
    async run(args, deps) {
        const { target, wish } = (0,_github_js__WEBPACK_IMPORTED_MODULE_2__/* .targetOf */ .$r)(args);
        const api = await (0,_github_js__WEBPACK_IMPORTED_MODULE_2__/* .connect */ .Ng)(args, deps);
        const value = await (0,_value_js__WEBPACK_IMPORTED_MODULE_3__/* .readSecretValue */ .k)((0,_verb_js__WEBPACK_IMPORTED_MODULE_4__/* .option */ .uK)(args, 'from') ?? '-', deps);
        await storeLogin(api, target, wish, value, deps);
    },
};
/** Seals the value with the secret's key and stores it, as it is (also `oauth-broker init`). */
async function storeLogin(api, target, wish, value, deps) {
    const key = await (0,_github_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .readPublicKey */ .RR)(api, target);
    const granted = await (0,_github_js__WEBPACK_IMPORTED_MODULE_2__/* .accessFor */ .IK)(api, target, wish);
    const status = await (0,_github_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .seedSecret */ .y8)(api, target, key, value, granted.access);
    deps.stderr(`${status === 201 ? 'Created' : 'Updated'} ${(0,_github_target_js__WEBPACK_IMPORTED_MODULE_1__/* .describeTarget */ .ff)(target)}${(0,_github_js__WEBPACK_IMPORTED_MODULE_2__/* .describeAccess */ .Ag)(granted)}.`);
}


/***/ }),

/***/ 3263:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ readSecretValue)
/* harmony export */ });
/* harmony import */ var _github_secret_limit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6605);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _core_recognise_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4926);
/* harmony import */ var _kind_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(958);
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(499);
/* harmony import */ var _verb_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5525);
// What seed and seal store: the credentials exactly as the login wrote them, refused here when
// GitHub or the action would refuse them. No network.






/** The value of `--from`, checked: within GitHub's limit, credentials the action accepts. */
async function readSecretValue(from, deps) {
    // A final newline ends the file the login wrote; it is no part of the value.
    const value = (await (0,_verb_js__WEBPACK_IMPORTED_MODULE_5__/* .readFrom */ .zP)(from, deps)).replace(/\r?\n$/, '');
    const bytes = Buffer.byteLength(value);
    if (bytes > _github_secret_limit_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_SECRET_BYTES */ .s) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`--from ${from}: is ${Math.ceil(bytes / 1024)} KB, over GitHub's 48 KB limit for a secret; ` +
            'store only the document the login wrote.');
    }
    const c = (0,_kind_js__WEBPACK_IMPORTED_MODULE_3__/* .loginOf */ .DQ)((0,_status_js__WEBPACK_IMPORTED_MODULE_4__.givenOf)(value, from, deps), `--from ${from}`);
    // The provider the credentials themselves name; nothing is sent to its token endpoint here.
    // seed and seal take no --provider: a document whose tokens disagree is fixed at its source.
    try {
        (0,_core_recognise_js__WEBPACK_IMPORTED_MODULE_2__/* .recognise */ .GJ)(c, (0,_core_recognise_js__WEBPACK_IMPORTED_MODULE_2__/* .issuerOf */ .xD)(c) ?? 'oauth2');
    }
    catch (err) {
        const e = (0,_verb_js__WEBPACK_IMPORTED_MODULE_5__/* .inCliTerms */ .z0)(err, `--from ${from}`);
        if (!(e instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo) || !/; set --provider /.test(e.message))
            throw e;
        const fix = '; its tokens are not of one provider: store the file the login wrote, unchanged.';
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(e.message.replace(/; set --provider .*$/, fix), { details: e.details, cause: err });
    }
    return value;
}


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


/***/ })

};
;