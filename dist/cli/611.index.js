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
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _core_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6153);
/* harmony import */ var _core_neutral_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8272);
/* harmony import */ var _github_api_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8943);
/* harmony import */ var _github_secrets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(298);
/* harmony import */ var _github_target_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3738);
/* harmony import */ var _github_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1132);
/* harmony import */ var _verb_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5525);
// `oauth-broker put`: stores a value sealed elsewhere (oauth-broker seal), unchanged, once it is
// sure to be sealed with the secret's current key.









// A sealed box is the sender's ephemeral public key and a MAC longer than what it seals.
const SEAL_OVERHEAD = 48;
const RESEAL = 'fetch the key again (oauth-broker public-key) and seal again';
/** What oauth-broker seal printed: checked here, so nothing malformed is sent. */
function sealedOf(text, from) {
    (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .checkJsonDepth */ .Or)(text, `--sealed ${from}`, 'seal the value again.');
    const s = (0,_verb_js__WEBPACK_IMPORTED_MODULE_7__/* .parsedJson */ .U4)(text);
    const value = typeof s?.encrypted_value === 'string' ? s.encrypted_value : '';
    const base64 = value.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(value);
    const bytes = base64 ? Buffer.from(value, 'base64').length - SEAL_OVERHEAD : -1;
    if (bytes < 0 || typeof s?.key_id !== 'string' || !s.key_id) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`--sealed ${from}: is not the {"encrypted_value","key_id"} oauth-broker seal prints; seal the value again.`);
    }
    if (bytes > _github_secret_limit_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_SECRET_BYTES */ .s) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`--sealed ${from}: holds ${Math.ceil(bytes / 1024)} KB, over GitHub's 48 KB limit for a secret; ` +
            'seal only the document the login wrote.');
    }
    return { encrypted_value: value, key_id: s.key_id };
}
const verb = {
    usage: [
        `put ${_github_js__WEBPACK_IMPORTED_MODULE_6__/* .SECRET_SYNOPSIS */ .Ax} --sealed FILE|- [--api-url URL]`,
        '  Stores a value sealed elsewhere (oauth-broker seal), unchanged: created, or replaced. Refused',
        "  before anything is written when it was sealed with another key than the secret's current one.",
        '  An organization secret keeps its visibility and repositories unless --visibility or --repos says',
        '  otherwise; a new one is private.',
        ..._github_js__WEBPACK_IMPORTED_MODULE_6__/* .GITHUB_HELP */ .C,
    ].join('\n'),
    options: { ..._github_js__WEBPACK_IMPORTED_MODULE_6__/* .SECRET_OPTIONS */ .jP, sealed: { type: 'string' } },
    async run(args, deps) {
        const { target, wish } = (0,_github_js__WEBPACK_IMPORTED_MODULE_6__/* .targetOf */ .$r)(args);
        const from = (0,_verb_js__WEBPACK_IMPORTED_MODULE_7__/* .option */ .uK)(args, 'sealed', true);
        const api = await (0,_github_js__WEBPACK_IMPORTED_MODULE_6__/* .connect */ .Ng)(args, deps);
        const sealed = sealedOf(await (0,_verb_js__WEBPACK_IMPORTED_MODULE_7__/* .readFrom */ .zP)(from, deps, 'sealed'), from);
        const key = await (0,_github_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .readPublicKey */ .RR)(api, target);
        if (key.key_id !== sealed.key_id) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`--sealed ${from}: sealed with key ${(0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_8__/* .neutral */ .SY)(sealed.key_id, 40)}, the secret's key is now ` +
                `${(0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_8__/* .neutral */ .SY)(key.key_id, 40)}: ${RESEAL}.`);
        }
        const granted = await (0,_github_js__WEBPACK_IMPORTED_MODULE_6__/* .accessFor */ .IK)(api, target, wish);
        let status;
        try {
            status = await (0,_github_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .putSealedValue */ .pV)(api, target, sealed, granted.access);
        }
        catch (err) {
            // GitHub could not open the box: the key changed since, or it was sealed for another.
            if (err instanceof _github_api_js__WEBPACK_IMPORTED_MODULE_3__/* .GitHubHttpError */ .I && err.status === 422) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`--sealed ${from}: GitHub refused the sealed value (HTTP 422); ${RESEAL}.`, {
                    cause: err,
                    details: `GitHub's message: ${err.githubMessage}`,
                });
            }
            throw (0,_github_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .explain */ .WE)(err, target, `write ${(0,_github_target_js__WEBPACK_IMPORTED_MODULE_5__/* .describeTarget */ .ff)(target)}`, api.wording);
        }
        deps.stderr(`${status === 201 ? 'Created' : 'Updated'} ${(0,_github_target_js__WEBPACK_IMPORTED_MODULE_5__/* .describeTarget */ .ff)(target)}${(0,_github_js__WEBPACK_IMPORTED_MODULE_6__/* .describeAccess */ .Ag)(granted)}.`);
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


/***/ })

};
;