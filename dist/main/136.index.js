export const id = 136;
export const ids = [136];
export const modules = {

/***/ 4136:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  claimForCli: () => (/* binding */ claimForCli)
});

// UNUSED EXPORTS: endCliClaim, storeForCli

// EXTERNAL MODULE: ./src/core/formats/index.ts + 4 modules
var formats = __webpack_require__(7335);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/marker.ts
var marker = __webpack_require__(4517);
// EXTERNAL MODULE: ./src/github/api.ts
var api = __webpack_require__(8943);
// EXTERNAL MODULE: ./src/github/secret-read.ts
var secret_read = __webpack_require__(1764);
// EXTERNAL MODULE: ./src/github/secret-write.ts
var secret_write = __webpack_require__(8997);
// EXTERNAL MODULE: ./src/github/token.ts
var token = __webpack_require__(942);
// EXTERNAL MODULE: ./src/github/target.ts
var github_target = __webpack_require__(3738);
// EXTERNAL MODULE: ./src/store/protocol.ts
var protocol = __webpack_require__(1105);
// EXTERNAL MODULE: ./src/store/shared.ts
var shared = __webpack_require__(344);
// EXTERNAL MODULE: ./src/action/coordinate.ts + 1 modules
var action_coordinate = __webpack_require__(8198);
// EXTERNAL MODULE: ./src/action/deps.ts + 1 modules
var action_deps = __webpack_require__(831);
// EXTERNAL MODULE: ./src/action/pending.ts
var pending = __webpack_require__(133);
// EXTERNAL MODULE: ./src/store/claims.ts + 2 modules
var claims = __webpack_require__(3926);
;// CONCATENATED MODULE: ./src/action/finish.ts
// The post step's first duty: a main step killed between the provider's answer and the
// write-back (the runner's cancel) left the rotated credentials in its pending file; store
// them, settle the claim and share the result as main would have (docs/design.md, "Cancellation").











async function finishPending(deps, cfg, masker, path, inputRefreshToken) {
    const { core } = deps;
    if (!cfg.secret || !cfg.githubToken)
        return;
    const file = new PendingFile(path, inputRefreshToken, cfg.githubToken, true);
    let record;
    try {
        record = file.read();
    }
    catch (err) {
        throw new UserError('OB_WRITE_BACK', `oauth-broker: the rotated credentials the main step left in ${path} cannot be opened with this step's ` +
            'inputs; they are left in place.', { cause: err, details: 'Were the credentials or github-token inputs changed between the main and post step?' });
    }
    if (!record)
        return;
    masker.mask(record.credentials, record.successor.accessToken, record.successor.idToken, ...secretsOf(parseCredentials(record.credentials)));
    const target = cfg.secret;
    core.info(`The main step stopped before storing the rotated credentials; writing them to ${describeTarget(target)}.`);
    const api = new GitHubApi(cfg.githubApiUrl, cfg.githubToken, githubDeps(deps));
    const coord = coordinate(deps, cfg, api);
    const ticket = finish_ticketOf(record.copy, record.claim);
    const successor = record.successor;
    const rescued = {
        successor,
        rescue: { credentials: record.credentials, secretUpdatedAt: record.secretUpdatedAt },
    };
    let pre;
    try {
        pre = await preflight(api, target);
        if (pre.updatedAt !== record.secretUpdatedAt) {
            // Main's own write landed before it was killed (after its settle), or a newer rotation did:
            // never overwritten.
            core.info(`${describeTarget(target)} changed since the main step read it, so it is left as it is.`);
            file.clear();
            return;
        }
        // Main may have been killed before its settle landed; a settle refused again leaves the
        // write-back as the sign, so it goes out anyway. The rotation goes in it: a rescue main's own
        // settle may have left there is never replaced by less.
        await coord.claims.settle(ticket, rescued);
        // Main may not have got as far as removing the claims that drop out.
        const undeleted = await coord.claims.prune(record.drop);
        await writeSecret(api, target, pre, record.credentials, { claims: [...undeleted, ...record.keep] });
    }
    catch (err) {
        const kept = await coord.keepRescue(ticket, rescued);
        if (kept)
            file.clear();
        const why = describeError(err, masker.values);
        const what = 'The rotated credentials';
        if (kept)
            throw explained('OB_WRITE_BACK', err, why, `${what} are ${KEPT_IN_STORE}.`, undefined, [KEPT_IN_STORE_DETAILS]);
        const lost = `${what} were not stored, and nothing outlives this job: ${RELOGIN}.`;
        throw explained('OB_LOGIN_LOST', err, why, lost, lost);
    }
    file.clear();
    // Written: the claim keeps what the jobs holding the same copy may use, never the rotation.
    await coord.claims.settle(ticket, cfg.share && successor.accessToken ? { successor } : undefined);
    core.info(`Wrote the rotated credentials to ${describeTarget(target)}.`);
}
/** The ticket of a claim another step made, from what it left: the copy its results are sealed for. */
function finish_ticketOf(copy, claim) {
    const value = decodeClaim(claim.value);
    if (!value)
        throw new UserError('OB_CLAIM', `oauth-broker: the claim ${claim.name} the main step left is unreadable.`);
    return Claims.ticket(copy, claim.name, value);
}

// EXTERNAL MODULE: ./src/action/sweep.ts
var action_sweep = __webpack_require__(9906);
;// CONCATENATED MODULE: ./src/action/client-refresh.ts
// client-refresh (docs/design.md, "The claim"): a provider CLI given the refresh token may
// present it during the job, so it gets one only under a claim of this job's, which lasts until the
// post step has written the CLI's rotation back (or the job is gone). What main claims, what the post
// step writes back, settles or releases, and where a rotation goes when the secret refuses it.















function client(deps, cfg) {
    return new api/* GitHubApi */.y(cfg.githubApiUrl, cfg.githubToken, (0,action_deps/* githubDeps */.kZ)(deps));
}
/**
 * The claim under which the CLI may hold the refresh token of `copy`, or undefined when another job
 * holds it (then the CLI gets the access token only). It never waits or takes over: the job has a
 * valid access token anyway.
 */
async function claimForCli(deps, cfg, copy, input, stored) {
    (0,token/* refuseJobToken */.H)(deps.env, cfg.githubToken, github_target/* ACTION_WORDING */.Ge);
    const api = client(deps, cfg);
    const target = cfg.secret;
    const pre = await (0,secret_read/* preflight */.Mz)(api, target, (0,marker/* keyOf */.TN)(copy.doc));
    // A copy the secret has moved past holds a spent refresh token: the CLI must never present it.
    if (await (0,action_coordinate/* isOldCopy */.FB)(api, target, pre.updatedAt, copy)) {
        deps.core.info('client-refresh: these credentials are an old copy of the secret; the CLI gets the access token.');
        return undefined;
    }
    const ticket = await (0,action_coordinate/* coordinate */.vY)(deps, cfg, api, pre.updatedAt).claims.claimForCli(copy);
    if (!ticket) {
        deps.core.info('client-refresh: another job holds the claim on these credentials.');
        return undefined;
    }
    // When main stored the copy, the claims its value names: the post step's write names them in turn.
    const claims = stored === undefined ? undefined : (0,marker/* claimsOf */.ds)(JSON.parse(stored));
    const claim = { name: ticket.name, value: JSON.stringify(ticket.value), ...(claims ? { claims } : {}) };
    // Sealed with the input's keys, like the pending file: the post step seals results for this copy.
    if (deps.env.RUNNER_TEMP) {
        try {
            const file = new pending/* PendingFile */.Gf(deps.env.RUNNER_TEMP, input.refreshToken, cfg.githubToken);
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
        const input = parseCredentials(deps.core.getInput('credentials')).refreshToken;
        return new PendingFile(cli.copy, input, cfg.githubToken, true).read()?.copy;
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
    const value = serializeCredentials(next);
    const api = client(deps, cfg);
    const copy = cli && handedOver(deps, cfg, cli);
    const ticket = cli && copy ? ticketOf(copy, cli) : undefined;
    // The claims of the value this write replaces: main's, when main stored one, else the input's.
    const previous = cli?.claims ?? claimsOf(next.doc);
    const successor = successorOf(next, deps.now());
    const coord = coordinate(deps, cfg, api);
    let pre;
    let keep;
    try {
        pre = await preflight(api, target, keyOf(next.doc));
        const now = api.githubNow() ?? deps.now();
        // When main stored the copy the CLI was given, that copy is marked: its claim is no seed's. Named even
        // without main's note (the copy unknown): a value naming no claims would let a seed's claim be swept.
        const mine = cli && (cli.claims ? { name: cli.name, at: now } : claimOn(next, cli.name, now));
        const claims = mine && keptClaims(previous ?? [], mine, Date.parse(pre.updatedAt));
        keep = claims && [...(await coord.claims.prune(claims.drop)), ...claims.keep];
        await writeSecret(api, target, pre, value, keep ? { claims: keep } : {});
    }
    catch (err) {
        const result = { successor, rescue: { credentials: value, secretUpdatedAt: pre?.updatedAt ?? '' } };
        const kept = !!ticket && (await coord.keepRescue(ticket, result));
        if (kept) {
            const rotated = `The credentials the CLI rotated are ${KEPT_IN_STORE}.`;
            throw explained('OB_WRITE_BACK', err, describeError(err, masker.values), rotated, undefined, [
                KEPT_IN_STORE_DETAILS,
            ]);
        }
        // Kept nowhere but the file: still, nobody presents the token the CLI spent.
        if (ticket)
            await coord.claims.settle(ticket);
        throw err;
    }
    // The first write over a login an earlier version (or a hand) stored, as on the broker's own refresh.
    if (keep && !previous)
        await sweep(api, target, keep.map((k) => k.name), (m) => deps.core.debug(m));
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
    const { claims } = coordinate(deps, cfg, client(deps, cfg));
    await (end === 'settle' ? claims.settle(ticketOf(copy, cli)) : claims.release(ticketOf(copy, cli)));
}


/***/ })

};
