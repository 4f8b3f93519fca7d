export const id = 136;
export const ids = [136];
export const modules = {

/***/ 4136:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  finishCliFile: () => (/* binding */ finishCliFile),
  handOver: () => (/* binding */ handOver)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/core/formats/index.ts + 4 modules
var formats = __webpack_require__(7335);
// EXTERNAL MODULE: ./src/core/checks.ts
var checks = __webpack_require__(5950);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/marker.ts
var marker = __webpack_require__(4517);
// EXTERNAL MODULE: ./src/core/sha256.ts
var sha256 = __webpack_require__(7424);
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
var store_shared = __webpack_require__(344);
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
        await writeSecret(api, target, pre, record.credentials, {
            claims: [...undeleted, ...record.keep],
            checkSeed: record.checkSeed === true,
        });
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
function ticketOf(copy, claim) {
    const value = (0,protocol/* decodeClaim */.d)(claim.value);
    if (!value)
        throw new errors/* UserError */.yo('OB_CLAIM', `oauth-broker: the claim ${claim.name} the main step left is unreadable.`);
    return claims/* Claims */.U.ticket(copy, claim.name, value);
}

// EXTERNAL MODULE: ./src/action/state.ts
var state = __webpack_require__(3175);
// EXTERNAL MODULE: ./src/action/sweep.ts
var sweep = __webpack_require__(9906);
;// CONCATENATED MODULE: ./src/action/client-refresh.ts
// client-refresh (docs/design.md, "The claim"): a provider CLI given the refresh token may present
// it during the job, so it gets one only under a claim of this job's, which lasts until the post step
// has written the CLI's rotation back, or the job has ended. The whole feature: main's claim and the
// sealed note of the copy handed over, the post step's write-back (or settle, or release), and where a
// rotation goes when the secret refuses it. Loaded on demand, only when a CLI may get the refresh token.



















function client(deps, cfg) {
    return new api/* GitHubApi */.y(cfg.githubApiUrl, cfg.githubToken, (0,action_deps/* githubDeps */.kZ)(deps));
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
        (0,errors/* warnWith */.D7)(deps.core, 'client-refresh: could not claim the refresh token for the CLI, so its file holds the access token only.', [`Why: ${(0,errors/* describeError */.Uc)(err, [])}`, ...(0,errors/* detailsOf */.cz)(err)]);
    }
    return cliClaim ? { ...out, cliClaim } : { ...out, refreshTokenLive: false };
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
    // The copy as the secret holds it: when main stored it, its own marker, not the one of the copy it replaced.
    const held = stored === undefined ? copy : { ...copy, doc: JSON.parse(stored) };
    const readAt = deps.monotonic();
    const pre = await (0,secret_read/* preflight */.Mz)(api, target, (0,marker/* keyOf */.TN)(held.doc));
    // A copy the secret has moved past holds a spent refresh token: the CLI must never present it.
    if (await (0,action_coordinate/* isOldCopy */.FB)(api, target, pre.updatedAt, held)) {
        deps.core.info('client-refresh: these credentials are an old copy of the secret; the CLI gets the access token.');
        return undefined;
    }
    const { claims } = (0,action_coordinate/* coordinate */.vY)(deps, cfg, api, () => pre.updatedAt);
    const ticket = await claims.claimForCli(copy, (0,action_coordinate/* seedToCheck */.H_)(held));
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
        mine: (0,action_coordinate/* claimOn */._3)(held, ticket.name, now),
        // When main stored the copy, the claims its value names: the post step's write names them in turn.
        ...(stored === undefined ? {} : { claims: (0,marker/* claimsOf */.ds)(held.doc) ?? [] }),
    };
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
/**
 * Whether the secret was written since main read it, for a claim won long after (src/store/protocol.ts
 * RECHECK_AFTER_MS): its copy is then spent, and the claim is released. One that cannot tell is released too.
 */
async function writtenSince(claims, ticket, api, target, pre, readAt, now) {
    if (now - readAt <= protocol/* RECHECK_AFTER_MS */.Ik)
        return false;
    const moved = await (0,secret_read/* currentUpdatedAt */.MR)(api, target).then((at) => at !== pre.updatedAt, async (err) => {
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
        const input = (0,formats/* parseCredentials */.gu)(deps.core.getInput('credentials')).refreshToken;
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
    const value = (0,formats/* serializeCredentials */.dY)(next);
    const api = client(deps, cfg);
    const copy = cli && handedOver(deps, cfg, cli);
    // Without main's note the copy is unknown: nothing can be sealed for its holders, but the claim is settled.
    const ticket = cli && ticketOf(copy ?? { refreshToken: '' }, cli);
    // The claims of the value this write replaces: main's, when main stored one, else the input's.
    const previous = cli?.claims ?? (0,marker/* claimsOf */.ds)(next.doc);
    const successor = (0,store_shared/* successorOf */.k)(next, deps.now());
    const coord = (0,action_coordinate/* coordinate */.vY)(deps, cfg, api);
    // The CLI spent the token: settled, with its result when it can be sealed for the copy's holders.
    const shared = copy && cfg.share && successor.accessToken ? { successor } : undefined;
    let settled = false;
    let pre;
    let keep;
    try {
        pre = await (0,secret_read/* preflight */.Mz)(api, target, (0,marker/* keyOf */.TN)(next.doc));
        const now = api.githubNow() ?? deps.now();
        // The CLI's claim as main named it, even without main's note: a value naming no claims would let a seed's go.
        const mine = cli?.mine;
        const claims = mine && (0,protocol/* keptClaims */.q0)(previous ?? [], mine, Date.parse(pre.updatedAt), now);
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
        await (0,secret_write/* writeSecret */.kz)(api, target, pre, value, more);
    }
    catch (err) {
        // Marked as the copy main stored, when it did: whoever recovers the rescue names that copy's claims.
        const rescued = cli?.claims ? (0,marker/* stamp */.iE)(value, cli.mine.at, { claims: cli.claims }) : value;
        // The secret's updated_at main read for the CLI's claim when it could not be read here: else no recoverer
        // could tell the secret unchanged, and each would leave the rescue.
        const secretUpdatedAt = pre?.updatedAt ?? ticket?.value.w ?? '';
        const result = { successor, rescue: { credentials: rescued, secretUpdatedAt } };
        const kept = !!ticket && !!copy && (await coord.keepRescue(ticket, result));
        if (kept) {
            const rotated = `The credentials the CLI rotated are ${errors/* KEPT_IN_STORE */.Lq}.`;
            throw (0,errors/* explained */.to)('OB_WRITE_BACK', err, (0,errors/* describeError */.Uc)(err, masker.values), rotated, undefined, [
                errors/* KEPT_IN_STORE_DETAILS */.k,
            ]);
        }
        // Kept nowhere but the file: still, nobody presents the token the CLI spent.
        if (ticket && !settled)
            await coord.claims.settle(ticket);
        throw err;
    }
    // The first write over a login an earlier version (or a hand) stored, and the next, as on the broker's refresh.
    if (keep && (!previous || (0,marker/* sweepAgain */.vr)(next.doc)))
        await (0,sweep/* sweep */.X)(api, target, keep.map((k) => k.name), (m) => deps.core.debug(m));
}
/**
 * The post step, for a file main wrote with the refresh token: unchanged, the claim is released;
 * changed, the CLI's rotation goes to the secret. When that fails, the failure to report and alert,
 * and whether the file must stay, holding a refresh token the secret does not have.
 */
async function finishCliFile(deps, masker, cfg, cli, file, content, before) {
    const { path } = file;
    if ((0,sha256/* sha256Hex */.f)(content) === file.digest) {
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
        const why = `Why: ${(0,errors/* describeError */.Uc)(err, masker.values)}`;
        const details = [why, ...(0,errors/* detailsOf */.cz)(err), storeHint(cfg.secret, path), ...before];
        return { keep: true, failure: new errors/* UserError */.yo('OB_WRITE_BACK', line, { cause: err, details }) };
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
        fromFile = (0,formats/* parseCredentials */.gu)(content);
    }
    catch (err) {
        throw await refuse(new errors/* UserError */.yo('OB_CREDENTIALS', `credentials-file: the CLI changed ${path} into something that is not credentials; nothing was written back.`, { cause: err, details: err instanceof errors/* UserError */.yo ? [`Why: ${err.message}`] : [] }));
    }
    masker.mask(...(0,formats/* secretsOf */.Fj)(fromFile));
    const base = (0,formats/* parseCredentials */.gu)(input);
    if (!cfg.secret || !cfg.githubToken)
        throw (0,checks/* missing */.LO)('client-refresh', 'the CLI changed the credentials file, which nothing can store without secret-name and github-token', 'set both');
    if (!fromFile.accessToken)
        throw await refuse(new errors/* UserError */.yo('OB_CREDENTIALS', `credentials-file: ${path} has no access token; nothing was written back.`));
    const now = deps.now();
    // Same format: the file is the newest whole document, with the marker's refresh expiry only while
    // it still speaks of the same refresh token. Otherwise carry its tokens over.
    const sameToken = fromFile.refreshToken === base.refreshToken;
    const next = fromFile.format === base.format
        ? {
            ...fromFile,
            doc: (0,marker/* withRefreshExpiry */.$_)({ ...base.doc, ...fromFile.doc }, sameToken ? (0,marker/* refreshExpiresAt */.hC)(base.doc) : undefined),
        }
        : (0,formats/* applyTokenSet */.QL)(base, {
            accessToken: fromFile.accessToken,
            refreshToken: fromFile.refreshToken || undefined,
            idToken: fromFile.idToken,
            expiresInSeconds: fromFile.expiresAt !== undefined ? Math.round((fromFile.expiresAt - now) / 1000) : undefined,
        }, now);
    await storeForCli(deps, cfg, masker, next, cli);
    core.info(`The CLI refreshed the credentials in ${path}; wrote them to ${(0,github_target/* describeTarget */.ff)(cfg.secret)}.`);
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
        const ticket = ticketOf({ refreshToken: '' }, cli);
        const { claims } = (0,action_coordinate/* coordinate */.vY)(deps, cfg, client(deps, cfg));
        await (end === 'settle' ? claims.settle(ticket) : claims.release(ticket));
    }
    catch (err) {
        // Only a release's failure has a consequence worth the detail: the next run waits.
        const after = end === 'release' ? '; the next run waits for its deadline' : '';
        const why = [`Why: ${(0,errors/* describeError */.Uc)(err, masker.values)}`, ...(end === 'release' ? (0,errors/* detailsOf */.cz)(err) : [])];
        (0,errors/* warnWith */.D7)(deps.core, `client-refresh: could not ${end} the claim on these credentials${after}.`, why);
    }
}
/** Whether the file holds a refresh token other than the one main gave it; unknown counts as yes. */
function holdsNewRefreshToken(core, content, file) {
    try {
        const { refreshToken } = (0,formats/* parseCredentials */.gu)(content);
        return !!refreshToken && (0,state/* tag */.Tc)(core, refreshToken) !== file.refresh;
    }
    catch {
        return true;
    }
}
/** Owner-only, as the CLI's own file is: best effort, it is already the broker's 0600 file. */
function keep(path) {
    try {
        (0,external_node_fs_.chmodSync)(path, 0o600);
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
    return `Once the cause is fixed, store it in ${(0,github_target/* describeTarget */.ff)(t)} (${command}), then delete it.`;
}


/***/ })

};
