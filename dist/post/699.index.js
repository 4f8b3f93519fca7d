export const id = 699;
export const ids = [699];
export const modules = {

/***/ 3699:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ ticketOf),
/* harmony export */   finishPending: () => (/* binding */ finishPending)
/* harmony export */ });
/* harmony import */ var _core_formats_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4301);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _deps_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(831);
/* harmony import */ var _github_api_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8943);
/* harmony import */ var _github_secret_read_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1764);
/* harmony import */ var _github_secret_write_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8997);
/* harmony import */ var _github_target_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3738);
/* harmony import */ var _pending_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(133);
/* harmony import */ var _store_claims_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3926);
/* harmony import */ var _store_protocol_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1105);
/* harmony import */ var _coordinate_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(8198);
// The post step's first duty: a main step killed between the provider's answer and the
// write-back (the runner's cancel) left the rotated credentials in its pending file; store
// them, settle the claim and share the result as main would have (docs/design.md, "Cancellation").











async function finishPending(deps, cfg, masker, path, inputRefreshToken) {
    const { core } = deps;
    if (!cfg.secret || !cfg.githubToken)
        return;
    const file = new _pending_js__WEBPACK_IMPORTED_MODULE_7__/* .PendingFile */ .Gf(path, inputRefreshToken, cfg.githubToken, true);
    let record;
    try {
        record = file.read();
    }
    catch (err) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('OB_WRITE_BACK', `oauth-broker: the rotated credentials the main step left in ${path} cannot be opened with this step's ` +
            'inputs; they are left in place.', { cause: err, details: 'Were the credentials or github-token inputs changed between the main and post step?' });
    }
    if (!record)
        return;
    masker.mask(record.credentials, record.successor.accessToken, record.successor.idToken, ...(0,_core_formats_index_js__WEBPACK_IMPORTED_MODULE_0__/* .secretsOf */ .Fj)((0,_core_formats_index_js__WEBPACK_IMPORTED_MODULE_0__/* .parseCredentials */ .gu)(record.credentials)));
    const target = cfg.secret;
    core.info(`The main step stopped before storing the rotated credentials; writing them to ${(0,_github_target_js__WEBPACK_IMPORTED_MODULE_6__/* .describeTarget */ .ff)(target)}.`);
    const api = new _github_api_js__WEBPACK_IMPORTED_MODULE_3__/* .GitHubApi */ .y(cfg.githubApiUrl, cfg.githubToken, (0,_deps_js__WEBPACK_IMPORTED_MODULE_2__/* .githubDeps */ .kZ)(deps));
    const coord = (0,_coordinate_js__WEBPACK_IMPORTED_MODULE_10__/* .coordinate */ .vY)(deps, cfg, api);
    const ticket = ticketOf(record.copy, record.claim);
    // Main's write-back may yet land, after which a seed's claim records burials: every rewrite keeps them.
    ticket.seed = record.keep.some((k) => k.seed && k.name === ticket.name);
    const successor = record.successor;
    const rescued = {
        successor,
        rescue: { credentials: record.credentials, secretUpdatedAt: record.secretUpdatedAt },
    };
    let pre;
    try {
        pre = await (0,_github_secret_read_js__WEBPACK_IMPORTED_MODULE_4__/* .preflight */ .Mz)(api, target);
        if (pre.updatedAt !== record.secretUpdatedAt) {
            // Main's own write landed before it was killed (after its settle), or a newer rotation did:
            // never overwritten.
            core.info(`${(0,_github_target_js__WEBPACK_IMPORTED_MODULE_6__/* .describeTarget */ .ff)(target)} changed since the main step read it, so it is left as it is.`);
            file.clear();
            return;
        }
        // Main may have been killed before its settle landed; a settle refused again leaves the
        // write-back as the sign, so it goes out anyway. The rotation goes in it: a rescue main's own
        // settle may have left there is never replaced by less.
        await coord.claims.settle(ticket, rescued);
        // Main may not have got as far as removing the claims that drop out.
        const undeleted = await coord.claims.prune(record.drop);
        await (0,_github_secret_write_js__WEBPACK_IMPORTED_MODULE_5__/* .writeSecret */ .kz)(api, target, pre, record.credentials, {
            claims: [...undeleted, ...record.keep],
            checkSeed: record.checkSeed === true,
        });
    }
    catch (err) {
        const kept = await coord.keepRescue(ticket, rescued);
        if (kept)
            file.clear();
        const why = (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(err, masker.values);
        const what = 'The rotated credentials';
        if (kept)
            throw (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .explained */ .to)('OB_WRITE_BACK', err, why, `${what} are ${_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .KEPT_IN_STORE */ .Lq}.`, undefined, [_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .KEPT_IN_STORE_DETAILS */ .k]);
        const lost = `${what} were not stored, and nothing outlives this job: ${_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RELOGIN */ .FK}.`;
        throw (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .explained */ .to)('OB_LOGIN_LOST', err, why, lost, lost);
    }
    file.clear();
    // Written: the claim keeps what the jobs holding the same copy may use, never the rotation.
    await coord.claims.settle(ticket, cfg.share && successor.accessToken ? { successor } : undefined);
    core.info(`Wrote the rotated credentials to ${(0,_github_target_js__WEBPACK_IMPORTED_MODULE_6__/* .describeTarget */ .ff)(target)}.`);
}
/** The ticket of a claim another step made, from what it left: the copy its results are sealed for. */
function ticketOf(copy, claim) {
    const value = (0,_store_protocol_js__WEBPACK_IMPORTED_MODULE_9__/* .decodeClaim */ .d)(claim.value);
    if (!value)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('OB_CLAIM', `oauth-broker: the claim ${claim.name} the main step left is unreadable.`);
    return _store_claims_js__WEBPACK_IMPORTED_MODULE_8__/* .Claims */ .U.ticket(copy, claim.name, value);
}


/***/ })

};
