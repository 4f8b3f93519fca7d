export const id = 569;
export const ids = [569];
export const modules = {

/***/ 569:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
        const key = await (0,_github_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .readPublicKey */ .RR)(api, target);
        const granted = await (0,_github_js__WEBPACK_IMPORTED_MODULE_2__/* .accessFor */ .IK)(api, target, wish);
        const status = await (0,_github_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .seedSecret */ .y8)(api, target, key, value, granted.access);
        deps.stderr(`${status === 201 ? 'Created' : 'Updated'} ${(0,_github_target_js__WEBPACK_IMPORTED_MODULE_1__/* .describeTarget */ .ff)(target)}${(0,_github_js__WEBPACK_IMPORTED_MODULE_2__/* .describeAccess */ .Ag)(granted)}.`);
    },
};


/***/ }),

/***/ 3263:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ readSecretValue)
/* harmony export */ });
/* harmony import */ var _core_credentials_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4477);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _core_recognise_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4926);
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6026);
/* harmony import */ var _verb_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5525);
// What seed and seal store: the credentials exactly as the login wrote them, refused here when
// GitHub or the action would refuse them. No network.





/** The value of `--from`, checked: within GitHub's limit, credentials the action accepts. */
async function readSecretValue(from, deps) {
    // A final newline ends the file the login wrote; it is no part of the value.
    const value = (await (0,_verb_js__WEBPACK_IMPORTED_MODULE_4__/* .readFrom */ .zP)(from, deps)).replace(/\r?\n$/, '');
    const bytes = Buffer.byteLength(value);
    if (bytes > _core_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_SECRET_BYTES */ .sU) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`--from ${from}: is ${Math.ceil(bytes / 1024)} KB, over GitHub's 48 KB limit for a secret; ` +
            'store only the document the login wrote.');
    }
    const c = (0,_status_js__WEBPACK_IMPORTED_MODULE_3__.asFrom)(from, () => (0,_core_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .parseCredentials */ .gu)(value));
    for (const s of (0,_core_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .secretsOf */ .Fj)(c))
        deps.secrets.add(s);
    // The provider the credentials themselves name; nothing is sent to its token endpoint here.
    (0,_status_js__WEBPACK_IMPORTED_MODULE_3__.asFrom)(from, () => (0,_core_recognise_js__WEBPACK_IMPORTED_MODULE_2__/* .recognise */ .GJ)(c, (0,_core_recognise_js__WEBPACK_IMPORTED_MODULE_2__/* .issuerOf */ .xD)(c) ?? 'oauth2'));
    return value;
}


/***/ })

};
