"use strict";
exports.id = 683;
exports.ids = [683];
exports.modules = {

/***/ 683:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verb: () => (/* binding */ verb)
/* harmony export */ });
/* harmony import */ var _github_public_key_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5072);
/* harmony import */ var _github_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1132);
// `oauth-broker public-key`: the key a secret is sealed with, as GitHub answers it, for a seal
// made where GitHub cannot be reached (the air-gapped hand-over).


const verb = {
    usage: [
        'public-key --repo O/R [--environment E | --org O] [--api-url URL]',
        '  Prints {"key_id","key"}, the public key secrets there are sealed with, as GitHub returns it:',
        "  what oauth-broker seal --key-file takes. The secret's value is sealed with it elsewhere, and",
        '  stored with oauth-broker put.',
        ..._github_js__WEBPACK_IMPORTED_MODULE_1__/* .GITHUB_HELP */ .C,
    ].join('\n'),
    options: _github_js__WEBPACK_IMPORTED_MODULE_1__/* .PLACE_OPTIONS */ .P3,
    async run(args, deps) {
        const place = (0,_github_js__WEBPACK_IMPORTED_MODULE_1__/* .placeOf */ .$t)(args);
        const api = await (0,_github_js__WEBPACK_IMPORTED_MODULE_1__/* .connect */ .Ng)(args, deps);
        const key = await (0,_github_public_key_js__WEBPACK_IMPORTED_MODULE_0__/* .readPublicKey */ .R)(api, place);
        deps.stdout(`${JSON.stringify({ key_id: key.key_id, key: key.key })}\n`);
        deps.stderr(`Key ${key.key_id}; seal with it: oauth-broker seal --key-file FILE.`);
    },
};


/***/ })

};
;