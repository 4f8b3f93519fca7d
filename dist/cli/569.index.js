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


/***/ })

};
;