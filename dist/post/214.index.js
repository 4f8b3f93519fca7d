export const id = 214;
export const ids = [214];
export const modules = {

/***/ 2214:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  endCliClaim: () => (/* binding */ endCliClaim),
  storeForCli: () => (/* binding */ storeForCli)
});

// UNUSED EXPORTS: claimForCli

// EXTERNAL MODULE: ./src/core/credentials.ts + 1 modules
var credentials = __webpack_require__(7905);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/marker.ts
var marker = __webpack_require__(4517);
// EXTERNAL MODULE: ./src/github/secrets.ts
var secrets = __webpack_require__(298);
;// CONCATENATED MODULE: ./src/github/token.ts

/**
 * Refuses a token equal to the environment's GITHUB_TOKEN: a workflow sets that variable to
 * the job's own token (github.token), which GitHub would refuse with a 403 at the first call.
 */
function token_refuseJobToken(env, token, w) {
    if (env.GITHUB_TOKEN && env.GITHUB_TOKEN === token) {
        throw new UserError(`${w.token}: this is the job's own GITHUB_TOKEN, which cannot write secrets; pass ${PAT_FIX} on the secret.`, { details: GITHUB_TOKEN_CANNOT });
    }
}

// EXTERNAL MODULE: ./src/github/target.ts
var target = __webpack_require__(3738);
// EXTERNAL MODULE: ./src/store/protocol.ts
var protocol = __webpack_require__(1105);
// EXTERNAL MODULE: ./src/store/shared.ts
var shared = __webpack_require__(344);
// EXTERNAL MODULE: ./src/action/coordinate.ts + 2 modules
var action_coordinate = __webpack_require__(2240);
// EXTERNAL MODULE: ./src/action/deps.ts + 1 modules
var action_deps = __webpack_require__(831);
// EXTERNAL MODULE: ./src/action/finish.ts
var finish = __webpack_require__(3699);
// EXTERNAL MODULE: ./src/action/pending.ts
var pending = __webpack_require__(133);
;// CONCATENATED MODULE: ./src/action/client-refresh.ts
// client-refresh (docs/design.md, "The claim"): a provider CLI given the refresh token may
// present it during the job, so it gets one only under a claim of this job's, which lasts until the
// post step has written the CLI's rotation back (or the job is gone). What main claims, what the post
// step writes back, settles or releases, and where a rotation goes when the secret refuses it.












function client(deps, cfg) {
    return new secrets/* GitHubApi */.yN(cfg.githubApiUrl, cfg.githubToken, (0,action_deps/* githubDeps */.kZ)(deps));
}
/**
 * The claim under which the CLI may hold the refresh token of `copy`, or undefined when another job
 * holds it (then the CLI gets the access token only). It never waits or takes over: the job has a
 * valid access token anyway.
 */
async function claimForCli(deps, cfg, copy, input) {
    refuseJobToken(deps.env, cfg.githubToken, ACTION_WORDING);
    const api = client(deps, cfg);
    const target = cfg.secret;
    const pre = await preflight(api, target, keyOf(copy.doc));
    // A copy the secret has moved past holds a spent refresh token: the CLI must never present it.
    if (await isOldCopy(api, target, pre.updatedAt, copy)) {
        deps.core.info('client-refresh: these credentials are an old copy of the secret; the CLI gets the access token.');
        return undefined;
    }
    const ticket = await coordinate(deps, cfg, api, pre.updatedAt).claims.claimForCli(copy);
    if (!ticket) {
        deps.core.info('client-refresh: another job holds the claim on these credentials.');
        return undefined;
    }
    const claim = { name: ticket.name, value: JSON.stringify(ticket.value) };
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
/** The copy the CLI was given, from main's sealed note; undefined when there is none to open. */
function handedOver(deps, cfg, cli) {
    if (!cli.copy)
        return undefined;
    try {
        const input = (0,credentials/* parseCredentials */.gu)(deps.core.getInput('credentials')).refreshToken;
        return new pending/* PendingFile */.Gf(cli.copy, input, cfg.githubToken, true).read()?.copy;
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
    const value = (0,credentials/* serializeCredentials */.dY)(next);
    const api = client(deps, cfg);
    const copy = cli && handedOver(deps, cfg, cli);
    const ticket = cli && copy ? (0,finish/* ticketOf */.W)(copy, cli) : undefined;
    const successor = (0,shared/* successorOf */.k)(next, deps.now());
    const coord = (0,action_coordinate/* coordinate */.vY)(deps, cfg, api);
    let pre;
    try {
        pre = await (0,secrets/* preflight */.Mz)(api, target, (0,marker/* keyOf */.TN)(next.doc));
        const now = api.githubNow() ?? deps.now();
        const claims = ticket && (0,protocol/* keptClaims */.q0)((0,marker/* claimsOf */.ds)(next.doc) ?? [], (0,action_coordinate/* claimOn */._3)(next, ticket.name, now), Date.parse(pre.updatedAt));
        const keep = claims && [...(await coord.claims.prune(claims.drop)), ...claims.keep];
        await (0,secrets/* writeSecret */.kz)(api, target, pre, value, keep ? { claims: keep } : {});
    }
    catch (err) {
        const result = { successor, rescue: { credentials: value, secretUpdatedAt: pre?.updatedAt ?? '' } };
        const kept = !!ticket && (await coord.keepRescue(ticket, result));
        if (kept) {
            const rotated = `The credentials the CLI rotated are ${errors/* KEPT_IN_STORE */.Lq}.`;
            throw (0,errors/* explained */.to)(err, (0,errors/* describeError */.Uc)(err, masker.values), rotated, undefined, [errors/* KEPT_IN_STORE_DETAILS */.k]);
        }
        // Kept nowhere but the file: still, nobody presents the token the CLI spent.
        if (ticket)
            await coord.claims.settle(ticket);
        throw err;
    }
    if (!ticket)
        return;
    await coord.claims.endCli(ticket, cfg.share && successor.accessToken ? { successor } : undefined).catch(() => {
        deps.core.info('client-refresh: could not settle the claim; the written secret shows it settled.');
    });
}
/**
 * Ends the CLI's claim: `settle` when the CLI may have spent the token but what it left cannot be
 * stored (nobody presents that token again), `release` when it did not refresh (the token is anyone's again).
 */
async function endCliClaim(deps, cfg, cli, end) {
    const copy = handedOver(deps, cfg, cli) ?? { refreshToken: '' };
    const { claims } = (0,action_coordinate/* coordinate */.vY)(deps, cfg, client(deps, cfg));
    await (end === 'settle' ? claims.settle((0,finish/* ticketOf */.W)(copy, cli)) : claims.release((0,finish/* ticketOf */.W)(copy, cli)));
}


/***/ })

};
