export const id = 359;
export const ids = [359];
export const modules = {

/***/ 1359:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  obtain: () => (/* binding */ obtain)
});

// EXTERNAL MODULE: ./src/core/formats/index.ts + 5 modules
var formats = __webpack_require__(4301);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/github/api.ts
var github_api = __webpack_require__(8943);
// EXTERNAL MODULE: ./src/github/secret-read.ts
var secret_read = __webpack_require__(1764);
// EXTERNAL MODULE: ./src/github/secret-write.ts
var secret_write = __webpack_require__(8997);
// EXTERNAL MODULE: ./src/github/seal.ts
var seal = __webpack_require__(7286);
// EXTERNAL MODULE: ./src/github/target.ts
var github_target = __webpack_require__(3738);
// EXTERNAL MODULE: ./src/github/token.ts
var token = __webpack_require__(942);
// EXTERNAL MODULE: ./src/action/pending.ts
var action_pending = __webpack_require__(133);
// EXTERNAL MODULE: ./src/core/marker.ts
var marker = __webpack_require__(4517);
// EXTERNAL MODULE: ./src/core/neutral.ts
var neutral = __webpack_require__(8272);
// EXTERNAL MODULE: ./src/core/refresh.ts
var refresh = __webpack_require__(1468);
// EXTERNAL MODULE: ./src/store/shared.ts
var shared = __webpack_require__(344);
// EXTERNAL MODULE: ./src/store/protocol.ts
var protocol = __webpack_require__(1105);
// EXTERNAL MODULE: ./src/action/coordinate.ts + 1 modules
var coordinate = __webpack_require__(8198);
// EXTERNAL MODULE: ./src/github/variables.ts
var github_variables = __webpack_require__(4086);
;// CONCATENATED MODULE: ./src/action/sweep.ts





/**
 * Removes those leftovers: the earlier format's at once (this version reads them only to stop a
 * copy they name, src/action/obtain.ts), claims of this one once older than an old copy can be (an
 * hour: a job holding a copy written since may still need its claim to see it spent). Never another
 * secret or variable, never a claim `keep` names or a job still holds (src/store/protocol.ts
 * isLeftoverClaim, which `oauth-broker doctor` judges by too). A failure only leaves them for the next sweep.
 */
async function sweep(api, t, keep, debug) {
    const now = api.githubNow() ?? api.now();
    try {
        for (const s of await (0,secret_read/* listSecrets */.AQ)(api, t, protocol/* PREFIX */.H3)) {
            if (github_target/* CLAIM_NAME */.hB.test(s.name))
                await (0,secret_write/* deleteSecret */.e3)(api, t, s.name);
        }
        const variables = new github_variables/* Variables */.u(api, t);
        const mine = t.name.toUpperCase();
        for (const v of await variables.list(protocol/* PREFIX */.H3)) {
            if ((0,protocol/* isLeftoverClaim */.GB)(v, mine, keep, now))
                await variables.remove(v.name);
        }
    }
    catch (err) {
        debug(`Left the broker's earlier entries beside ${t.name} for a later run: ${err.message}`);
    }
}

;// CONCATENATED MODULE: ./src/action/obtain.ts
// The refresh path (docs/design.md, "A run"): take what another job left, or claim the
// refresh, present the token once, write the rotated credentials back, share them.
// Loaded on demand: the stored-token path never parses it or what it imports.

















// A rescue can chain: recovered credentials may themselves need a refresh.
const MAX_HOPS = 3;
async function obtain(deps, cfg, creds, masker) {
    const run = await begin(deps, cfg, masker, creds);
    await refuseOldCopy(run, creds);
    let current = creds;
    let secretUpdated = false;
    for (let hop = 0; hop < MAX_HOPS; hop++) {
        const r = await run.coord.claims.reserve(current);
        if (r.kind === 'owner') {
            const out = await refreshOnce(run, r.ticket, current);
            // Its checks took the claim's time (a rate limit waited out): claimed again, with a new deadline.
            if (!out)
                continue;
            return { ...out, secretUpdated: true };
        }
        const taken = await takeResult(run, current, r);
        secretUpdated ||= taken.wrote;
        if (taken.outcome)
            return { ...taken.outcome, secretUpdated };
        current = taken.next;
    }
    throw new errors/* UserError */.yo('OB_CLAIM', 'credentials: too many successive recoveries of rescued credentials; re-run the job.', {
        details: `Each of ${MAX_HOPS} recoveries found credentials another job had rescued, needing recovery again.`,
    });
}
/**
 * A copy the target has long moved past, whose claim is gone: never presented. GitHub's metadata
 * and the copy's marker tell it, with no claim (docs/design.md, "Old copies"). A copy an earlier
 * version wrote is also old when that version's claim on it (a secret) is there.
 */
async function refuseOldCopy(run, copy) {
    if (!(await (0,coordinate/* isOldCopy */.FB)(run.api, run.target, run.pre.updatedAt, copy)))
        return;
    throw new errors/* UserError */.yo('OB_CLAIM', `credentials: this job holds an old copy, written long before the secret's update at ` +
        `${(0,neutral/* neutral */.SY)(run.pre.updatedAt, 40)}, so its refresh token is spent; ${errors/* RERUN_OLD_COPY */.Nk}.`, {
        details: [
            `The secret is ${(0,github_target/* describeTarget */.ff)(run.target)}. Nothing was presented to the provider.`,
            'If you stored this value by hand, remove its "oauth_broker" field (docs/design.md: Old copies).',
        ],
    });
}
/** The job's own GITHUB_TOKEN is refused before any call; then the target is checked. */
async function connect(deps, cfg, copy) {
    const target = cfg.secret;
    (0,token/* refuseJobToken */.H)(deps.env, cfg.githubToken, github_target/* ACTION_WORDING */.Ge);
    const api = new github_api/* GitHubApi */.y(cfg.githubApiUrl, cfg.githubToken, deps.github);
    const pre = await (0,secret_read/* preflight */.Mz)(api, target, (0,marker/* keyOf */.TN)(copy.doc));
    deps.core.info(`Checked ${(0,github_target/* describeTarget */.ff)(target)}: readable, last updated ${(0,neutral/* neutral */.SY)(pre.updatedAt)}.`);
    return { api, pre };
}
/** Checks what can be checked before anything is spent, and opens the coordination. */
async function begin(deps, cfg, masker, creds) {
    const target = cfg.secret;
    const { api, pre } = await connect(deps, cfg, creds);
    // The write check and the write-back seal: libsodium loads while GitHub answers the claim.
    (0,seal/* sodium */.E2)().catch(() => undefined);
    const coord = (0,coordinate/* coordinate */.vY)(deps, cfg, api, pre.updatedAt);
    const pending = deps.env.RUNNER_TEMP
        ? new action_pending/* PendingFile */.Gf(deps.env.RUNNER_TEMP, creds.refreshToken, cfg.githubToken)
        : undefined;
    if (pending)
        deps.core.saveState(action_pending/* PENDING_STATE */.gK, pending.stateValue(deps.core));
    const since = (api.githubNow() ?? deps.now()) - 1000;
    const fresh = (c) => (0,formats/* validFor */._K)(c, cfg.minTtlMs, deps.now());
    return { deps, cfg, masker, target, api, pre, coord, pending, fresh, since };
}
/** Credentials as a result left them: the rescued document whole, or its tokens applied. */
function fromResult(current, r, now) {
    if (r.rescue)
        return (0,formats/* parseCredentials */.gu)(r.rescue.credentials);
    const s = r.successor;
    return (0,formats/* applyTokenSet */.QL)(current, { accessToken: s.accessToken, expiresAt: s.expiresAt, idToken: s.idToken, scope: s.scopes?.join(' ') }, now);
}
/** Another job spent the token: use its access token, or store the credentials it rescued. */
async function takeResult(run, current, r) {
    const { deps, masker, cfg } = run;
    const { successor: s, rescue } = r.result;
    masker.mask(s.accessToken, s.idToken, rescue?.credentials);
    const next = fromResult(current, r.result, deps.now());
    masker.mask(...(0,formats/* secretsOf */.Fj)(next));
    if (rescue) {
        const wrote = await recover(run, current, r, next);
        if (run.fresh(next)) {
            return {
                wrote,
                outcome: { creds: next, source: 'shared', rotated: false, secretUpdated: wrote, refreshTokenLive: true },
            };
        }
        return { wrote, next };
    }
    // Settled while this job ran: as fresh as a refresh of its own would have been.
    if (run.fresh(next) || r.settledAt >= run.since) {
        deps.core.info(`These credentials were already refreshed by another job at ${(0,neutral/* neutral */.SY)(s.at, 40)}; ` +
            'using the access token it obtained.');
        return {
            wrote: false,
            outcome: { creds: next, source: 'shared', rotated: false, secretUpdated: false, refreshTokenLive: false },
        };
    }
    if (r.unstoredOn)
        throw run.coord.claims.otherRef(r.unstoredOn);
    throw new errors/* UserError */.yo('OB_CLAIM', `credentials: this job holds an old copy; another job refreshed it at ${(0,neutral/* neutral */.SY)(s.at, 40)}, and its access token ` +
        `is not valid for min-ttl ${(0,duration/* formatDuration */.a3)(cfg.minTtlMs)}; ${errors/* RERUN_OLD_COPY */.Nk}.`, { details: `The current value is in ${(0,github_target/* describeTarget */.ff)(run.target)}.` });
}
/**
 * Finishes the write-back another job could not do, unless the secret changed since: one job writes,
 * under a leased lock, shielded from the runner's cancel; the others use the rescued access token if
 * it is fresh enough, or wait for that write. True when this job wrote.
 */
async function recover(run, current, r, next) {
    const rescue = r.result.rescue;
    const when = (0,neutral/* neutral */.SY)(r.result.successor.at, 40);
    const shield = run.deps.shield?.();
    try {
        const wrote = await run.coord.claims.recover(current, r.name, r.result, {
            fresh: run.fresh(next),
            write: async () => {
                if ((await (0,secret_read/* currentUpdatedAt */.MR)(run.api, run.target)) !== rescue.secretUpdatedAt) {
                    run.deps.core.info(`Found credentials that a job at ${when} could not store; ${(0,github_target/* describeTarget */.ff)(run.target)} has changed ` +
                        'since, so it is left as it is.');
                    return false;
                }
                // The rotation the holder made: the value names its claim, so that it drops out in its turn.
                const mine = (0,coordinate/* claimOn */._3)(current, r.name, r.settledAt);
                const { keep, drop } = (0,protocol/* keptClaims */.q0)((0,marker/* claimsOf */.ds)(next.doc) ?? [], mine, Date.parse(rescue.secretUpdatedAt));
                const undeleted = await run.coord.claims.prune(drop);
                await (0,secret_write/* writeSecret */.kz)(run.api, run.target, run.pre, rescue.credentials, { claims: [...undeleted, ...keep] });
                run.deps.core.info(`Recovered the rotated credentials that a job at ${when} could not store, and wrote them to ` +
                    `${(0,github_target/* describeTarget */.ff)(run.target)}.`);
                return true;
            },
        });
        if (wrote)
            run.pre.updatedAt = await (0,secret_read/* currentUpdatedAt */.MR)(run.api, run.target);
        return wrote;
    }
    finally {
        shield?.release();
    }
}
/** How sure a failed refresh is that the provider never saw the token. */
function spentBy(err) {
    if (err instanceof errors/* InvalidGrantError */.Gy)
        return 'yes';
    if (err instanceof errors/* UncertainRefreshError */.DG || !(err instanceof errors/* UserError */.yo))
        return 'unknown';
    return 'no';
}
/**
 * Presents the token once under this job's claim, then stores the result or keeps it for the
 * next run. A cancel from the moment the request may be sent waits until that is done.
 */
async function refreshOnce(run, ticket, current) {
    try {
        // Nothing is spent before the token is known to be able to store what replaces it.
        await (0,secret_write/* checkWrite */.Gf)(run.api, run.target, run.pre);
    }
    catch (err) {
        await run.coord.claims.failed(ticket, 'no');
        throw err;
    }
    if (!run.coord.claims.hasTime(ticket)) {
        await run.coord.claims.failed(ticket, 'no');
        return undefined;
    }
    const shield = run.deps.shield?.();
    try {
        let tokens;
        try {
            tokens = await present(run, ticket, current, () => shield?.cancelled() ?? false);
        }
        catch (err) {
            await run.coord.claims.failed(ticket, spentBy(err));
            throw err instanceof errors/* InvalidGrantError */.Gy
                ? new errors/* InvalidGrantError */.Gy((0,errors/* fitLine */.ax)(`${err.message} Re-run the job; if that fails too, log in again.`, `${err.message} Re-run the job.`), {
                    cause: err,
                    details: [
                        ...err.details,
                        `Another run or a local login has probably rotated it. A re-run reads the current value of ` +
                            `${(0,github_target/* describeTarget */.ff)(run.target)}; if that fails with invalid_grant too, ${errors/* RELOGIN */.FK}.`,
                    ],
                })
                : err;
        }
        return await storeNewTokens(run, ticket, current, tokens);
    }
    finally {
        shield?.release();
    }
}
/** From the provider's answer on, every path ends in the secret, the sealed rescue or the pending file. */
async function storeNewTokens(run, ticket, current, tokens) {
    const { deps, cfg, masker, target } = run;
    // The first thing done with new tokens: mask them.
    masker.mask(tokens.accessToken, tokens.refreshToken, tokens.idToken);
    const next = (0,formats/* applyTokenSet */.QL)(current, tokens, deps.now());
    const rotated = !!tokens.refreshToken && tokens.refreshToken !== current.refreshToken;
    const successor = (0,shared/* successorOf */.k)(next, deps.now());
    const value = (0,formats/* serializeCredentials */.dY)(next);
    const previous = (0,marker/* claimsOf */.ds)(current.doc);
    const mine = (0,coordinate/* claimOn */._3)(current, ticket.name, run.api.githubNow() ?? deps.now());
    const { keep: newest, drop } = (0,protocol/* keptClaims */.q0)(previous ?? [], mine, Date.parse(run.pre.updatedAt));
    keepPending(run, {
        credentials: value,
        copy: { refreshToken: current.refreshToken, accessToken: current.accessToken },
        claim: { name: ticket.name, value: JSON.stringify(ticket.value) },
        keep: newest,
        drop,
        successor,
        secretUpdatedAt: run.pre.updatedAt,
    });
    deps.core.info(`Refreshed at ${cfg.provider.id}${rotated ? '; a new refresh token was issued' : '; the refresh token was kept'}.`);
    // Settled, and the claim that drops out removed, at once: what GitHub would not delete stays
    // named, for a later run to remove.
    const [, undeleted] = await Promise.all([
        run.coord.claims.settle(ticket, cfg.share && successor.accessToken ? { successor } : undefined),
        run.coord.claims.prune(drop),
    ]);
    const keep = [...undeleted, ...newest];
    let stored;
    try {
        stored = await (0,secret_write/* writeSecret */.kz)(run.api, target, run.pre, value, { claims: keep });
        run.pending?.clear();
    }
    catch (err) {
        const why = (0,errors/* describeError */.Uc)(err, masker.values);
        const result = { successor, rescue: { credentials: value, secretUpdatedAt: run.pre.updatedAt } };
        const kept = await run.coord.keepRescue(ticket, result);
        if (kept)
            run.pending?.clear();
        const what = `The ${rotated ? 'rotated' : 'refreshed'} credentials`;
        if (kept)
            throw (0,errors/* explained */.to)('OB_WRITE_BACK', err, why, `${what} are ${errors/* KEPT_IN_STORE */.Lq}.`, undefined, [errors/* KEPT_IN_STORE_DETAILS */.k]);
        if (run.pending) {
            throw (0,errors/* explained */.to)('OB_WRITE_BACK', err, why, `${what} are kept sealed for this job's post step, which tries the write-back again.`);
        }
        if (!rotated)
            throw (0,errors/* explained */.to)((0,errors/* errorCodeOf */.D9)(err), err, why, `${what} were not stored; fix the cause and re-run.`);
        const lost = `${what} were not stored, and the stored refresh token is spent`;
        throw (0,errors/* explained */.to)('OB_LOGIN_LOST', err, why, `${lost}: after fixing the cause, ${errors/* RELOGIN */.FK}.`, `${lost}: fix the cause below, then ${errors/* RELOGIN */.FK}.`);
    }
    if (!previous)
        await sweep(run.api, target, keep.map((k) => k.name), (m) => deps.core.debug(m));
    return { creds: next, source: 'refreshed', rotated, refreshTokenLive: true, stored };
}
/** A pending file that cannot be written must not stop the write-back: it is only the fallback. */
function keepPending(run, record) {
    try {
        run.pending?.save(record);
    }
    catch (err) {
        run.pending = undefined;
        const code = (0,errors/* systemCode */.xU)(err);
        run.deps.core.warning(`Could not keep the rotated credentials in RUNNER_TEMP for the post step (${code}); storing them now.`);
    }
}
function present(run, ticket, current, cancelled) {
    const { deps, cfg } = run;
    // What others judge the claim's deadline by, counted from before its create was sent.
    const by = (0,protocol/* answerBy */.WL)(ticket.sentAt ?? deps.monotonic(), ticket.value.l * 1000);
    return (0,refresh/* refreshTokens */.O3)({
        provider: cfg.provider,
        tokenUrl: cfg.tokenUrl,
        clientId: cfg.clientId,
        clientSecret: cfg.clientSecret,
        scopes: cfg.scopes ?? current.scopes,
        refreshToken: current.refreshToken,
    }, {
        fetch: deps.fetch,
        now: deps.now,
        sleep: deps.sleep,
        info: (m) => deps.core.info(m),
        timeoutMs: deps.github.timeoutMs,
        retryDelayMs: deps.github.retryBaseMs,
        cancelled,
        answerBy: { at: by, monotonic: deps.monotonic },
    });
}


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
