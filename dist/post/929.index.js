export const id = 929;
export const ids = [929,699];
export const modules = {

/***/ 8929:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   finishCliFile: () => (/* binding */ finishCliFile)
/* harmony export */ });
/* unused harmony export handOver */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_formats_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4301);
/* harmony import */ var _core_checks_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5950);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/* harmony import */ var _core_marker_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4517);
/* harmony import */ var _core_sha256_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7424);
/* harmony import */ var _github_api_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8943);
/* harmony import */ var _github_secret_read_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1764);
/* harmony import */ var _github_secret_write_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8997);
/* harmony import */ var _github_token_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(942);
/* harmony import */ var _github_target_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(3738);
/* harmony import */ var _store_protocol_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(1105);
/* harmony import */ var _store_shared_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(344);
/* harmony import */ var _coordinate_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(8198);
/* harmony import */ var _deps_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(831);
/* harmony import */ var _finish_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(3699);
/* harmony import */ var _pending_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(133);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(3175);
/* harmony import */ var _sweep_js__WEBPACK_IMPORTED_MODULE_18__ = __webpack_require__(9906);
// client-refresh (docs/design.md, "The claim"): a provider CLI given the refresh token may present
// it during the job, so it gets one only under a claim of this job's, which lasts until the post step
// has written the CLI's rotation back, or the job has ended. The whole feature: main's claim and the
// sealed note of the copy handed over, the post step's write-back (or settle, or release), and where a
// rotation goes when the secret refuses it. Loaded on demand, only when a CLI may get the refresh token.



















function client(deps, cfg) {
    return new _github_api_js__WEBPACK_IMPORTED_MODULE_6__/* .GitHubApi */ .y(cfg.githubApiUrl, cfg.githubToken, (0,_deps_js__WEBPACK_IMPORTED_MODULE_14__/* .githubDeps */ .kZ)(deps));
}
/**
 * client-refresh: the CLI gets the refresh token only under this job's claim, so no other job presents
 * it. A claim that cannot be made costs the CLI its refresh token, never the job: the access token is valid.
 */
async function handOver(deps, cfg, out, input) {
    let cliClaim;
    try {
        cliClaim = await claimForCli(deps, cfg, out.creds, input, out.stored);
    }
    catch (err) {
        warnWith(deps.core, 'client-refresh: could not claim the refresh token for the CLI, so its file holds the access token only.', [`Why: ${describeError(err, [])}`, ...detailsOf(err)]);
    }
    return cliClaim ? { ...out, cliClaim } : { ...out, refreshTokenLive: false };
}
/**
 * The claim under which the CLI may hold the refresh token of `copy`, or undefined when another job
 * holds it (then the CLI gets the access token only). It never waits or takes over: the job has a
 * valid access token anyway.
 */
async function claimForCli(deps, cfg, copy, input, stored) {
    refuseJobToken(deps.env, cfg.githubToken, ACTION_WORDING);
    const api = client(deps, cfg);
    const target = cfg.secret;
    // The copy as the secret holds it: when main stored it, its own marker, not the one of the copy it replaced.
    const held = stored === undefined ? copy : { ...copy, doc: JSON.parse(stored) };
    const readAt = deps.monotonic();
    const pre = await preflight(api, target, keyOf(held.doc));
    // A copy the secret has moved past holds a spent refresh token: the CLI must never present it.
    if (await isOldCopy(api, target, pre.updatedAt, held)) {
        deps.core.info('client-refresh: these credentials are an old copy of the secret; the CLI gets the access token.');
        return undefined;
    }
    const { claims } = coordinate(deps, cfg, api, () => pre.updatedAt);
    const ticket = await claims.claimForCli(copy, seedToCheck(held));
    if (ticket === 'held') {
        deps.core.info('client-refresh: another job holds the claim on these credentials.');
        return undefined;
    }
    if (ticket === 'buried' || (await writtenSince(claims, ticket, api, target, pre, readAt, deps.monotonic()))) {
        deps.core.info('client-refresh: another job already spent this refresh token; the CLI gets the access token.');
        return undefined;
    }
    const now = api.githubNow() ?? deps.now();
    const claim = {
        name: ticket.name,
        value: JSON.stringify(ticket.value),
        mine: claimOn(held, ticket.name, now),
        // When main stored the copy, the claims its value names: the post step's write names them in turn.
        ...(stored === undefined ? {} : { claims: claimsOf(held.doc) ?? [] }),
    };
    // Sealed with the input's keys, like the pending file: the post step seals results for this copy.
    if (deps.env.RUNNER_TEMP) {
        try {
            const file = new PendingFile(deps.env.RUNNER_TEMP, input.refreshToken, cfg.githubToken);
            file.save({ copy: { refreshToken: copy.refreshToken, accessToken: copy.accessToken } });
            claim.copy = file.path;
        }
        catch {
            deps.core.warning('client-refresh: could not keep a sealed note in RUNNER_TEMP; a failed post-step write-back cannot be rescued.');
        }
    }
    return claim;
}
/**
 * Whether the secret was written since main read it, for a claim won long after (src/store/protocol.ts
 * RECHECK_AFTER_MS): its copy is then spent, and the claim is released. One that cannot tell is released too.
 */
async function writtenSince(claims, ticket, api, target, pre, readAt, now) {
    if (now - readAt <= RECHECK_AFTER_MS)
        return false;
    const moved = await currentUpdatedAt(api, target).then((at) => at !== pre.updatedAt, async (err) => {
        await claims.release(ticket).catch(() => undefined);
        throw err;
    });
    if (moved)
        await claims.release(ticket).catch(() => undefined);
    return moved;
}
/** The copy the CLI was given, from main's sealed note; undefined when there is none to open. */
function handedOver(deps, cfg, cli) {
    if (!cli.copy)
        return undefined;
    try {
        const input = (0,_core_formats_index_js__WEBPACK_IMPORTED_MODULE_1__/* .parseCredentials */ .gu)(deps.core.getInput('credentials')).refreshToken;
        return new _pending_js__WEBPACK_IMPORTED_MODULE_16__/* .PendingFile */ .Gf(cli.copy, input, cfg.githubToken, true).read()?.copy;
    }
    catch {
        return undefined;
    }
}
/**
 * The CLI rotated: its credentials go to the secret, and its claim is settled either way (the CLI
 * spent the token it was given: nobody presents it again). If the write fails, they are kept sealed
 * in the claim, or the Actions cache, for the next run holding the copy the CLI was given.
 */
async function storeForCli(deps, cfg, masker, next, cli) {
    const target = cfg.secret;
    const value = (0,_core_formats_index_js__WEBPACK_IMPORTED_MODULE_1__/* .serializeCredentials */ .dY)(next);
    const api = client(deps, cfg);
    const copy = cli && handedOver(deps, cfg, cli);
    // Without main's note the copy is unknown: nothing can be sealed for its holders, but the claim is settled.
    const ticket = cli && (0,_finish_js__WEBPACK_IMPORTED_MODULE_15__/* .ticketOf */ .W)(copy ?? { refreshToken: '' }, cli);
    // The claims of the value this write replaces: main's, when main stored one, else the input's.
    const previous = cli?.claims ?? (0,_core_marker_js__WEBPACK_IMPORTED_MODULE_4__/* .claimsOf */ .ds)(next.doc);
    const successor = (0,_store_shared_js__WEBPACK_IMPORTED_MODULE_12__/* .successorOf */ .k)(next, deps.now());
    const coord = (0,_coordinate_js__WEBPACK_IMPORTED_MODULE_13__/* .coordinate */ .vY)(deps, cfg, api);
    // The CLI spent the token: settled, with its result when it can be sealed for the copy's holders.
    const shared = copy && cfg.share && successor.accessToken ? { successor } : undefined;
    let settled = false;
    let pre;
    let keep;
    try {
        pre = await (0,_github_secret_read_js__WEBPACK_IMPORTED_MODULE_7__/* .preflight */ .Mz)(api, target, (0,_core_marker_js__WEBPACK_IMPORTED_MODULE_4__/* .keyOf */ .TN)(next.doc));
        const now = api.githubNow() ?? deps.now();
        // The CLI's claim as main named it, even without main's note: a value naming no claims would let a seed's go.
        const mine = cli?.mine;
        const claims = mine && (0,_store_protocol_js__WEBPACK_IMPORTED_MODULE_11__/* .keptClaims */ .q0)(previous ?? [], mine, Date.parse(pre.updatedAt), now);
        // Settled before the write-back, as a refresh's is: once it may have landed, a seed's claim records burials.
        const [, undeleted] = await Promise.all([
            ticket && coord.claims.settle(ticket, shared),
            claims ? coord.claims.prune(claims.drop) : [],
        ]);
        settled = !!ticket;
        if (ticket)
            ticket.seed = mine?.seed;
        keep = claims && [...undeleted, ...claims.keep];
        const more = claims ? { claims: keep, sweep: !previous, checkSeed: claims.checkSeed } : {};
        await (0,_github_secret_write_js__WEBPACK_IMPORTED_MODULE_8__/* .writeSecret */ .kz)(api, target, pre, value, more);
    }
    catch (err) {
        // Marked as the copy main stored, when it did: whoever recovers the rescue names that copy's claims.
        const rescued = cli?.claims ? (0,_core_marker_js__WEBPACK_IMPORTED_MODULE_4__/* .stamp */ .iE)(value, cli.mine.at, { claims: cli.claims }) : value;
        // The secret's updated_at main read for the CLI's claim when it could not be read here: else no recoverer
        // could tell the secret unchanged, and each would leave the rescue.
        const secretUpdatedAt = pre?.updatedAt ?? ticket?.value.w ?? '';
        const result = { successor, rescue: { credentials: rescued, secretUpdatedAt } };
        const kept = !!ticket && !!copy && (await coord.keepRescue(ticket, result));
        if (kept) {
            const rotated = `The credentials the CLI rotated are ${_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .KEPT_IN_STORE */ .Lq}.`;
            throw (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .explained */ .to)('OB_WRITE_BACK', err, (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(err, masker.values), rotated, undefined, [
                _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .KEPT_IN_STORE_DETAILS */ .k,
            ]);
        }
        // Kept nowhere but the file: still, nobody presents the token the CLI spent.
        if (ticket && !settled)
            await coord.claims.settle(ticket);
        throw err;
    }
    // The first write over a login an earlier version (or a hand) stored, and the next, as on the broker's refresh.
    if (keep && (!previous || (0,_core_marker_js__WEBPACK_IMPORTED_MODULE_4__/* .sweepAgain */ .vr)(next.doc)))
        await (0,_sweep_js__WEBPACK_IMPORTED_MODULE_18__/* .sweep */ .X)(api, target, keep.map((k) => k.name), (m) => deps.core.debug(m));
}
/**
 * The post step, for a file main wrote with the refresh token: unchanged, the claim is released;
 * changed, the CLI's rotation goes to the secret. When that fails, the failure to report and alert,
 * and whether the file must stay, holding a refresh token the secret does not have.
 */
async function finishCliFile(deps, masker, cfg, cli, file, content, before) {
    const { path } = file;
    if ((0,_core_sha256_js__WEBPACK_IMPORTED_MODULE_5__/* .sha256Hex */ .f)(content) === file.digest) {
        await endClaim(deps, masker, cfg, cli, 'release');
        return { keep: false };
    }
    try {
        await writeBack(deps, masker, cfg, path, content, cli);
        return { keep: false };
    }
    catch (err) {
        if (!holdsNewRefreshToken(deps.core, content, file))
            return { keep: false, failure: err };
        keep(path);
        const line = `The CLI's rotated refresh token was not stored; ${path} keeps it (0600): ` +
            'store it in the secret, then delete the file.';
        const why = `Why: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(err, masker.values)}`;
        const details = [why, ...(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .detailsOf */ .cz)(err), storeHint(cfg.secret, path), ...before];
        return { keep: true, failure: new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo('OB_WRITE_BACK', line, { cause: err, details }) };
    }
}
/** The CLI refreshed by itself: its rotated credentials must reach the secret. */
async function writeBack(deps, masker, cfg, path, content, cli) {
    const { core } = deps;
    const input = core.getInput('credentials');
    masker.mask(input, core.getInput('github-token'), content);
    // Nothing to store: the CLI may still have spent the token, so its claim is settled, never released.
    const refuse = async (err) => {
        await endClaim(deps, masker, cfg, cli, 'settle');
        return err;
    };
    let fromFile;
    try {
        fromFile = (0,_core_formats_index_js__WEBPACK_IMPORTED_MODULE_1__/* .parseCredentials */ .gu)(content);
    }
    catch (err) {
        throw await refuse(new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo('OB_CREDENTIALS', `credentials-file: the CLI changed ${path} into something that is not credentials; nothing was written back.`, { cause: err, details: err instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo ? [`Why: ${err.message}`] : [] }));
    }
    masker.mask(...(0,_core_formats_index_js__WEBPACK_IMPORTED_MODULE_1__/* .secretsOf */ .Fj)(fromFile));
    const base = (0,_core_formats_index_js__WEBPACK_IMPORTED_MODULE_1__/* .parseCredentials */ .gu)(input);
    if (!cfg.secret || !cfg.githubToken)
        throw (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .missing */ .LO)('client-refresh', 'the CLI changed the credentials file, which nothing can store without secret-name and github-token', 'set both');
    if (!fromFile.accessToken)
        throw await refuse(new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo('OB_CREDENTIALS', `credentials-file: ${path} has no access token; nothing was written back.`));
    const now = deps.now();
    // Same format: the file is the newest whole document, with the marker's refresh expiry only while
    // it still speaks of the same refresh token. Otherwise carry its tokens over.
    const sameToken = fromFile.refreshToken === base.refreshToken;
    const next = fromFile.format === base.format
        ? {
            ...fromFile,
            doc: (0,_core_marker_js__WEBPACK_IMPORTED_MODULE_4__/* .withRefreshExpiry */ .$_)({ ...base.doc, ...fromFile.doc }, sameToken ? (0,_core_marker_js__WEBPACK_IMPORTED_MODULE_4__/* .refreshExpiresAt */ .hC)(base.doc) : undefined),
        }
        : (0,_core_formats_index_js__WEBPACK_IMPORTED_MODULE_1__/* .applyTokenSet */ .QL)(base, {
            accessToken: fromFile.accessToken,
            refreshToken: fromFile.refreshToken || undefined,
            idToken: fromFile.idToken,
            expiresInSeconds: fromFile.expiresAt !== undefined ? Math.round((fromFile.expiresAt - now) / 1000) : undefined,
        }, now);
    await storeForCli(deps, cfg, masker, next, cli);
    core.info(`The CLI refreshed the credentials in ${path}; wrote them to ${(0,_github_target_js__WEBPACK_IMPORTED_MODULE_10__/* .describeTarget */ .ff)(cfg.secret)}.`);
}
/**
 * Ends the claim under which the CLI held the refresh token: settled when the CLI may have spent it
 * but what it left cannot be stored (nobody presents that token again), released when it did not
 * refresh (the token is anyone's again). A failed release only means the next run waits out the claim.
 */
async function endClaim(deps, masker, cfg, cli, end) {
    if (!cli)
        return;
    try {
        // Settling without a result and releasing seal nothing: the copy the CLI was given is not needed.
        const ticket = (0,_finish_js__WEBPACK_IMPORTED_MODULE_15__/* .ticketOf */ .W)({ refreshToken: '' }, cli);
        const { claims } = (0,_coordinate_js__WEBPACK_IMPORTED_MODULE_13__/* .coordinate */ .vY)(deps, cfg, client(deps, cfg));
        await (end === 'settle' ? claims.settle(ticket) : claims.release(ticket));
    }
    catch (err) {
        // Only a release's failure has a consequence worth the detail: the next run waits.
        const after = end === 'release' ? '; the next run waits for its deadline' : '';
        const why = [`Why: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(err, masker.values)}`, ...(end === 'release' ? (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .detailsOf */ .cz)(err) : [])];
        (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .warnWith */ .D7)(deps.core, `client-refresh: could not ${end} the claim on these credentials${after}.`, why);
    }
}
/** Whether the file holds a refresh token other than the one main gave it; unknown counts as yes. */
function holdsNewRefreshToken(core, content, file) {
    try {
        const { refreshToken } = (0,_core_formats_index_js__WEBPACK_IMPORTED_MODULE_1__/* .parseCredentials */ .gu)(content);
        return !!refreshToken && (0,_state_js__WEBPACK_IMPORTED_MODULE_17__/* .tag */ .Tc)(core, refreshToken) !== file.refresh;
    }
    catch {
        return true;
    }
}
/** Owner-only, as the CLI's own file is: best effort, it is already the broker's 0600 file. */
function keep(path) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(path, 0o600);
    }
    catch {
        // The message says where it is; a mode it cannot change is no reason to say less.
    }
}
/** How to store a kept file by hand: the CLI's own verb is not built yet, gh's is. */
function storeHint(t, path) {
    if (!t)
        return 'Store it in the secret that holds credentials, then delete it.';
    let where;
    if (t.kind === 'org')
        where = `--org ${t.org} --visibility <its visibility>`;
    else
        where = `--repo ${t.owner}/${t.repo}${t.kind === 'env' ? ` --env ${t.environment}` : ''}`;
    const command = `gh secret set ${t.name} ${where} < "${path}"`;
    return `Once the cause is fixed, store it in ${(0,_github_target_js__WEBPACK_IMPORTED_MODULE_10__/* .describeTarget */ .ff)(t)} (${command}), then delete it.`;
}


/***/ }),

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


/***/ }),

/***/ 9906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ sweep)
/* harmony export */ });
/* harmony import */ var _github_secret_read_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1764);
/* harmony import */ var _github_secret_write_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8997);
/* harmony import */ var _github_target_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3738);
/* harmony import */ var _github_variables_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4086);
/* harmony import */ var _store_protocol_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1105);





/**
 * Removes those leftovers: the earlier format's at once (this version reads them only to stop a
 * copy they name, src/action/obtain.ts), claims of this one once older than a current copy can be (2.5
 * min: a job holding a copy written since may still need its claim to see it spent). Never another
 * secret or variable, never a claim `keep` names or a job still holds (src/store/protocol.ts
 * isLeftoverClaim, which `oauth-broker doctor` judges by too). A failure only leaves them for the next sweep.
 */
async function sweep(api, t, keep, debug) {
    const now = api.githubNow() ?? api.now();
    try {
        for (const s of await (0,_github_secret_read_js__WEBPACK_IMPORTED_MODULE_0__/* .listSecrets */ .AQ)(api, t, _store_protocol_js__WEBPACK_IMPORTED_MODULE_4__/* .PREFIX */ .H3)) {
            if (_github_target_js__WEBPACK_IMPORTED_MODULE_2__/* .CLAIM_NAME */ .hB.test(s.name))
                await (0,_github_secret_write_js__WEBPACK_IMPORTED_MODULE_1__/* .deleteSecret */ .e3)(api, t, s.name);
        }
        const variables = new _github_variables_js__WEBPACK_IMPORTED_MODULE_3__/* .Variables */ .u(api, t);
        const mine = t.name.toUpperCase();
        for (const v of await variables.list(_store_protocol_js__WEBPACK_IMPORTED_MODULE_4__/* .PREFIX */ .H3)) {
            if ((0,_store_protocol_js__WEBPACK_IMPORTED_MODULE_4__/* .isLeftoverClaim */ .GB)(v, mine, keep, now))
                await variables.remove(v.name);
        }
    }
    catch (err) {
        debug(`Left the broker's earlier entries beside ${t.name} for a later run: ${err.message}`);
    }
}


/***/ }),

/***/ 7424:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ sha256Hex)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// SHA-256 for the action: a token's fingerprint (fingerprint.ts), and the digest of a file the action
// wrote, by which the post step sees whether the CLI changed it. node:crypto's: the action has it loaded.

const sha256Hex = (text) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text, 'utf8').digest('hex');


/***/ }),

/***/ 942:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ refuseJobToken)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

/**
 * Refuses a token equal to the environment's GITHUB_TOKEN: a workflow sets that variable to
 * the job's own token (github.token), which GitHub would refuse with a 403 at the first call.
 */
function refuseJobToken(env, token, w) {
    if (env.GITHUB_TOKEN && env.GITHUB_TOKEN === token) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('OB_GITHUB_ACCESS', `${w.token}: this is the job's own GITHUB_TOKEN, which cannot write secrets; pass ${_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PAT_FIX */ .Ey} on the secret.`, { details: _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GITHUB_TOKEN_CANNOT */ .iB });
    }
}


/***/ })

};
