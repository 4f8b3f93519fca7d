export const id = 993;
export const ids = [993];
export const modules = {

/***/ 4993:
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
// EXTERNAL MODULE: ./src/core/checks.ts
var checks = __webpack_require__(5950);
// EXTERNAL MODULE: ./src/core/http.ts
var http = __webpack_require__(1983);
// EXTERNAL MODULE: ./src/core/env.ts
var env = __webpack_require__(8792);
// EXTERNAL MODULE: ./src/core/version.ts
var version = __webpack_require__(3323);
;// CONCATENATED MODULE: ./src/core/refresh.ts
// The refresh grant (RFC 6749 §6) as each provider's own CLI sends it. It is sent at
// most once per refresh token unless the failure proves the request never arrived.






// Provider error codes that mean the refresh token itself is dead (OpenAI nests them).
const DEAD_TOKEN = new Set([
    'invalid_grant',
    'refresh_token_reused',
    'refresh_token_expired',
    'refresh_token_invalidated',
]);
// The other codes of RFC 6749 §5.2 and those the providers are known to send: printed as is.
const KNOWN_CODES = new Set([
    ...DEAD_TOKEN,
    'invalid_request',
    'invalid_client',
    'unauthorized_client',
    'unsupported_grant_type',
    'invalid_scope',
    'access_denied',
    'server_error',
    'temporarily_unavailable',
    'rate_limited',
    'rate_limit_exceeded',
]);
const MAX_ATTEMPTS = 3;
// How much of a provider's error description the error line quotes.
const QUOTED_CHARS = 48;
const MAX_RETRY_AFTER_MS = 60_000;
/** The refresh grant's request (RFC 6749 §6.1), the same for every attempt. */
function buildRefreshRequest(req) {
    const fields = {
        grant_type: 'refresh_token',
        refresh_token: req.refreshToken,
        client_id: req.clientId,
    };
    if (req.provider.sendsScope && req.scopes?.length)
        fields.scope = req.scopes.join(' ');
    return tokenRequest(fields, req.provider.encoding, req.clientId, req.clientSecret);
}
/**
 * A POST to a token endpoint: the fields in the provider's encoding, and with a client secret
 * the client's credentials as HTTP Basic (RFC 6749 §2.3.1: servers must accept it).
 */
function tokenRequest(fields, encoding, clientId, clientSecret) {
    const headers = { accept: 'application/json', 'user-agent': version/* USER_AGENT */._ };
    if (clientSecret) {
        // Form-encode the parts first, as §2.3.1 asks.
        const enc = (s) => encodeURIComponent(s).replace(/%20/g, '+');
        headers.authorization = `Basic ${Buffer.from(`${enc(clientId)}:${enc(clientSecret)}`).toString('base64')}`;
    }
    if (encoding === 'json') {
        headers['content-type'] = 'application/json';
        return { headers, body: JSON.stringify(fields) };
    }
    headers['content-type'] = 'application/x-www-form-urlencoded';
    return { headers, body: new URLSearchParams(fields).toString() };
}
/** The provider's error code and description: `{error, error_description}`, or `{error: {code, message}}`. */
function providerError(text) {
    try {
        const body = JSON.parse(text);
        const e = body.error;
        if (typeof e === 'string')
            return { code: e, description: typeof body.error_description === 'string' ? body.error_description : undefined };
        if (e && typeof e === 'object') {
            const o = e;
            const code = typeof o.code === 'string' ? o.code : typeof o.type === 'string' ? o.type : undefined;
            return { code, description: typeof o.message === 'string' ? o.message : undefined };
        }
    }
    catch {
        // Not JSON: nothing quotable.
    }
    return {};
}
/** A code the action knows, or one short and plain enough to quote once redacted: never a piece of a secret. */
function quotableCode(code, secrets) {
    if (KNOWN_CODES.has(code))
        return code;
    const safe = (0,errors/* redact */.E$)(code, secrets);
    return /^[A-Za-z0-9_.-]{1,40}$/.test(safe) ? safe : 'an unrecognised error code';
}
// An access token the provider says lives longer than this is refreshed after it anyway.
const MAX_EXPIRES_IN_S = 365 * 86_400;
// A refresh token may live far longer; only one that expires within days matters.
const MAX_REFRESH_EXPIRES_IN_S = 100 * 365 * 86_400;
// Longer than any token a provider issues, far below what a secret can hold.
const MAX_TOKEN_CHARS = 16_384;
// `name=value&…` and nothing else: an HTML page is never read as a form.
const FORM = /^[\w.~%+-]+=[\w.~%+*-]*(?:&[\w.~%+-]+=[\w.~%+*-]*)*$/;
/** The answer's fields: JSON as RFC 6749 asks, or the form-encoded body some providers send. */
function fieldsOf(text, contentType) {
    const body = text.trim();
    if (/^application\/x-www-form-urlencoded\b/i.test(contentType) || FORM.test(body)) {
        return Object.fromEntries(new URLSearchParams(body));
    }
    try {
        const parsed = JSON.parse(body);
        return (0,checks/* isJsonObject */.OW)(parsed) ? parsed : 'the body is not a JSON object';
    }
    catch {
        return 'the body is not JSON';
    }
}
/** A token as the provider sent it, if it is one: printable ASCII, one word, of a sane length. */
function tokenOf(v) {
    return typeof v === 'string' && v.length <= MAX_TOKEN_CHARS && (0,checks/* isTokenWord */.un)(v) ? v : undefined;
}
/** Seconds, as a number or a numeric string; outside (0, max] it is clamped or ignored. */
function expiresInOf(v, max = MAX_EXPIRES_IN_S) {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
    return Number.isFinite(n) && n > 0 ? Math.min(n, max) : undefined;
}
/**
 * The token set in a 200, with all the answer's fields, or what is wrong with it ("without an
 * access_token"). A new refresh token is never dropped: without a usable access token it is
 * still returned, so the caller stores it. Only an answer with neither, or with a refresh
 * token that is not one, is refused.
 */
function readTokenAnswer(text, contentType) {
    const body = fieldsOf(text, contentType);
    if (typeof body === 'string')
        return body;
    const refreshToken = tokenOf(body.refresh_token);
    if (body.refresh_token !== undefined && body.refresh_token !== null && body.refresh_token !== '' && !refreshToken) {
        return 'with a malformed refresh_token';
    }
    const accessToken = tokenOf(body.access_token);
    if (!accessToken && !refreshToken)
        return 'without an access_token';
    const set = {};
    if (accessToken)
        set.accessToken = accessToken;
    if (refreshToken)
        set.refreshToken = refreshToken;
    const expiresIn = expiresInOf(body.expires_in);
    if (expiresIn !== undefined)
        set.expiresInSeconds = expiresIn;
    const refreshExpiresIn = expiresInOf(body.refresh_token_expires_in, MAX_REFRESH_EXPIRES_IN_S);
    if (refreshExpiresIn !== undefined)
        set.refreshExpiresInSeconds = refreshExpiresIn;
    if (typeof body.scope === 'string' && body.scope.length <= MAX_TOKEN_CHARS)
        set.scope = body.scope;
    const idToken = tokenOf(body.id_token);
    if (idToken)
        set.idToken = idToken;
    return { set, fields: body };
}
function parseTokenSet(text, contentType, service) {
    const answer = readTokenAnswer(text, contentType);
    if (typeof answer !== 'string')
        return answer.set;
    throw new errors/* UncertainRefreshError */.DG(`${service} answered 200 but ${answer}; ${errors/* RUN_AGAIN */.Bs}.`, {
        details: [
            'The provider may have rotated the refresh token anyway, so it is not presented again in this run.',
            errors/* RUN_AGAIN_DETAILS */.Ah,
        ],
    });
}
/** Describes a non-2xx answer without quoting any secret: a known or plain code, a redacted description. */
function describeRefusal(status, text, secrets) {
    const { code, description } = providerError(text);
    // The error line quotes the start of a long description; the lines after it, the whole.
    const full = description ? (0,neutral/* neutral */.SY)((0,errors/* redact */.E$)(description, secrets), 500) : '';
    const quoted = [code && quotableCode(code, secrets), full && (0,neutral/* neutral */.SY)(full, QUOTED_CHARS)];
    const detail = quoted.filter(Boolean).join(': ');
    const said = `answered HTTP ${status}${detail ? ` (${detail})` : ''}`;
    return { code, said, details: full.length > QUOTED_CHARS ? [`The provider's description: ${full}`] : [] };
}
/** `provider NAME (host)`: how error lines name a token endpoint, for a refresh and a login alike. */
const serviceName = (provider, url) => URL.canParse(url) ? `provider ${provider} (${new URL(url).host})` : `provider ${provider}`;
/** The one fix for a failure that sending again cannot mend, and why, for the lines after the error line. */
const LASTING_FIX = {
    certificate: {
        fix: 'Trust its CA on the runner (NODE_EXTRA_CA_CERTS)',
        why: 'The runner does not accept the certificate of the token endpoint, or of a proxy that inspects TLS on the ' +
            "way. Add the CA that signed it (a PEM file) to NODE_EXTRA_CA_CERTS in the job's env. A certificate that " +
            'expired or is not yet valid is renewed where it is served.',
    },
    name: {
        fix: 'Check the host in token-url',
        why: 'The certificate is valid but for another host: token-url names a host its server does not answer for.',
    },
    handshake: {
        fix: 'Check that token-url is the https endpoint (host and port)',
        why: 'The two sides could not agree on TLS: a port that does not speak TLS, or a version the other refuses.',
    },
    url: {
        fix: 'Fix token-url',
        why: 'fetch refuses such a URL without connecting.',
    },
};
const NOT_PRESENTED = 'The refresh token never left this machine: it was not presented and stays usable.';
/** A failure that sending again would repeat, so it is not retried: what happened, and the one fix. */
function lastingFailure(service, f, cause) {
    const { fix, why } = LASTING_FIX[f.lasting];
    const line = `${service}: ${f.reason}; nothing was spent. ${fix}`;
    return new errors/* UserError */.yo('OB_PROVIDER', (0,errors/* fitLine */.ax)(`${line}, then run again.`, `${line}.`), {
        cause,
        details: [why, NOT_PRESENTED],
    });
}
/** How long the next attempt may take: the whole timeout, or what is left before the claim's deadline. */
function attemptTimeout(deps, service, attempt) {
    if (!deps.answerBy)
        return deps.timeoutMs;
    const msLeft = deps.answerBy.at - deps.answerBy.monotonic();
    if (msLeft < env/* MIN_ATTEMPT_MS */.i) {
        throw new errors/* UserError */.yo('OB_PROVIDER', `${service}: ${attempt > 1 ? 'the retries' : 'getting here'} took this job's whole claim on the refresh; ` +
            'nothing was spent. Run again.', { details: 'A job presents a refresh token only before its claim ends, so no other job can be presenting it.' });
    }
    // Whole milliseconds: a timer takes no fraction (monotonic clocks give them).
    return Math.floor(Math.min(deps.timeoutMs, msLeft));
}
/** Sends the request once, cut off after `timeoutMs`, and reads the whole answer. */
async function sendOnce(url, request, timeoutMs, deps) {
    let res;
    try {
        // https://datatracker.ietf.org/doc/html/rfc6749#section-6
        res = await deps.fetch(url, {
            method: 'POST',
            ...request,
            redirect: 'error',
            signal: AbortSignal.timeout(timeoutMs),
        });
    }
    catch (err) {
        return { kind: 'failed', failure: (0,http/* classifyFetchError */.D$)(err, timeoutMs), err };
    }
    try {
        return { kind: 'read', res, text: await res.text() };
    }
    catch (err) {
        return { kind: 'lost', status: res.status, reason: (0,http/* classifyFetchError */.D$)(err, timeoutMs).reason, err };
    }
}
function classifyAnswer(answer, service, secrets, deps) {
    if (answer.kind === 'failed') {
        const { failure: f, err } = answer;
        // A certificate the runner refuses, or a URL fetch refuses, fails the same way every time:
        // retrying would only keep the user waiting. A refused connection or a DNS failure may pass.
        if (f.lasting)
            return { kind: 'refused', error: lastingFailure(service, { ...f, lasting: f.lasting }, err) };
        if (deps.failFast && f.unresolved) {
            const line = `${service}: the host was not found (${f.unresolved}); nothing was spent. Check token-url.`;
            return { kind: 'refused', error: new errors/* UserError */.yo('OB_PROVIDER', line) };
        }
        if (f.notSent)
            return { kind: 'notSent', reason: f.reason };
        const line = `${service}: ${f.reason}; not retried, as it may have arrived; ${errors/* RUN_AGAIN */.Bs}.`;
        const details = [
            'The refresh may have reached the provider and rotated the token; presenting it again could be reuse.',
            errors/* RUN_AGAIN_DETAILS */.Ah,
        ];
        return { kind: 'mayHaveArrived', error: new errors/* UncertainRefreshError */.DG(line, { cause: err, details }) };
    }
    if (answer.kind === 'lost') {
        const line = `${service}: answered ${answer.status} but ${answer.reason}; ${errors/* RUN_AGAIN */.Bs}.`;
        const details = [
            'The refresh token may be spent: the provider answered, but its answer was lost.',
            errors/* RUN_AGAIN_DETAILS */.Ah,
        ];
        return { kind: 'mayHaveArrived', error: new errors/* UncertainRefreshError */.DG(line, { cause: answer.err, details }) };
    }
    const { res, text } = answer;
    if (res.ok)
        return { kind: 'tokens', tokens: parseTokenSet(text, res.headers.get('content-type') ?? '', service) };
    const afterMs = (0,http/* retryAfterMs */.Vs)(res.headers.get('retry-after'), deps.now());
    const refusal = refusalError(service, res.status, text, secrets);
    if ((res.status === 429 || res.status === 503) && afterMs !== undefined) {
        return { kind: 'comeBack', status: res.status, afterMs, otherwise: refusal.error };
    }
    return refusal;
}
/** A refusal without a time to come back: the token spent, the request wrong, or it may have arrived. */
function refusalError(service, status, text, secrets) {
    const { code, said, details: whole } = describeRefusal(status, text, secrets);
    if (code && DEAD_TOKEN.has(code)) {
        const details = [...whole, 'It was already used or revoked.'];
        return {
            kind: 'spent',
            error: new errors/* InvalidGrantError */.Gy(`${service} refused the stored refresh token: ${said}.`, { details }),
        };
    }
    if (status === 401 || status === 400) {
        return {
            kind: 'refused',
            error: new errors/* UserError */.yo('OB_PROVIDER', `${service} ${said}; check client-id, token-url and scope.`, {
                details: whole,
            }),
        };
    }
    const line = `${service} ${said}; the refresh failed and is not retried. Run again later.`;
    const details = [...whole, 'It may have reached the provider, so it is not presented again in this run.'];
    return { kind: 'mayHaveArrived', error: new errors/* UncertainRefreshError */.DG(line, { details }) };
}
/** How long until the attempt after `attempt`, or undefined when there is none. */
function nextAttemptDelay(verdict, attempt, retryDelayMs) {
    if (attempt >= MAX_ATTEMPTS)
        return undefined;
    if (verdict.kind === 'notSent')
        return retryDelayMs * 2 ** (attempt - 1);
    return verdict.afterMs <= MAX_RETRY_AFTER_MS ? verdict.afterMs : undefined;
}
/**
 * Presents the refresh token once. Retries only when the provider cannot have seen it:
 * the connection was refused, or a 429/503 said when to come back.
 */
async function refreshTokens(req, deps) {
    const service = serviceName(req.provider.id, req.tokenUrl);
    // What fetch would refuse without connecting is refused here, before a token is put in a request.
    const unsent = (0,http/* unsendable */.Yf)(req.tokenUrl);
    if (unsent)
        throw lastingFailure(service, { notSent: true, reason: `refused before sending (${unsent})`, lasting: 'url' });
    const request = buildRefreshRequest(req);
    const secrets = [req.refreshToken, req.clientSecret ?? ''];
    for (let attempt = 1;; attempt++) {
        const answer = await sendOnce(req.tokenUrl, request, attemptTimeout(deps, service, attempt), deps);
        const verdict = classifyAnswer(answer, service, secrets, deps);
        if (verdict.kind === 'tokens')
            return verdict.tokens;
        if (verdict.kind !== 'notSent' && verdict.kind !== 'comeBack')
            throw verdict.error;
        const wait = nextAttemptDelay(verdict, attempt, deps.retryDelayMs);
        if (wait === undefined) {
            if (verdict.kind === 'comeBack')
                throw verdict.otherwise;
            throw new errors/* UserError */.yo('OB_PROVIDER', `${service}: ${verdict.reason} after ${attempt} attempts; nothing was spent. ` +
                "Check token-url and the runner's network, then run again.");
        }
        deps.info(verdict.kind === 'notSent'
            ? `${service}: ${verdict.reason}; the request was not sent, retrying in ${Math.round(wait / 1000)}s`
            : `${service}: answered ${verdict.status}; retrying in ${Math.ceil(wait / 1000)}s as it asked`);
        await deps.sleep(wait);
        if (deps.cancelled?.())
            throw new errors/* UserError */.yo('OB_CANCELLED', `${service}: the job was cancelled before the retry; nothing was spent.`);
    }
}

// EXTERNAL MODULE: ./src/store/shared.ts
var shared = __webpack_require__(344);
// EXTERNAL MODULE: ./src/store/protocol.ts
var protocol = __webpack_require__(1105);
// EXTERNAL MODULE: ./src/action/coordinate.ts + 1 modules
var coordinate = __webpack_require__(8198);
;// CONCATENATED MODULE: ./src/action/recover.ts
// The recovery of a rescue, the action's side (docs/design.md, "Results and rescues"): another job
// rotated but could not store; this job writes its credentials to the secret unless the secret changed
// since, naming the claim of that rotation. The lock that lets one job write is src/store/recovery.ts's.








/**
 * The claims the value of a recovered rescue names, and those that drop out, as every recoverer computes
 * them: the holder's, timed by the copy it presented (so that it drops out in its turn), and those the
 * copy named. `now`, GitHub's time, only decides whether the value asks its holders to check the seed.
 */
function recoveredClaims(current, r, next, now) {
    const rescue = r.result.rescue;
    const mine = (0,coordinate/* claimOn */._3)(current, r.name, r.settledAt);
    return (0,protocol/* keptClaims */.q0)((0,marker/* claimsOf */.ds)(next.doc) ?? [], mine, Date.parse(rescue.secretUpdatedAt), now);
}
/**
 * Rescued credentials as the secret holds them once recovered (`updatedAt`, as read since): the rescue
 * carries the marker of the copy before, whose claims and time are not theirs. Their claim is then named
 * and timed as their own, and never buried: whether the recoverer marked them for the seed check is unknown.
 */
function asRecovered(next, current, r, updatedAt) {
    const { keep } = recoveredClaims(current, r, next, 0);
    return (0,formats/* parseCredentials */.gu)((0,marker/* stamp */.iE)((0,formats/* serializeCredentials */.dY)(next), Date.parse(updatedAt), { claims: keep }));
}
/**
 * Finishes the write-back another job could not do, unless the secret changed since: one job writes,
 * under a leased lock, shielded from the runner's cancel; the others use the rescued access token if
 * it is fresh enough, or wait for that write. `stored`: the value as this job stored it; `at`: when the
 * rescue was written (its written_at), by this job or, as its claim says, another.
 */
async function recoverRescue(run, current, r, next) {
    const rescue = r.result.rescue;
    const when = (0,neutral/* neutral */.SY)(r.result.successor.at, 40);
    const shield = run.deps.shield?.();
    // The value as this job stored it, marker included: a CLI handed it names its claims (client-refresh.ts).
    let stored;
    try {
        const done = await run.coord.claims.recover(current, r, {
            fresh: run.fresh(next) && !run.keepsCopy,
            write: async () => {
                if ((await (0,secret_read/* currentUpdatedAt */.MR)(run.api, run.target)) !== rescue.secretUpdatedAt) {
                    run.deps.core.info(`Found credentials that a job at ${when} could not store; ${(0,github_target/* describeTarget */.ff)(run.target)} has changed ` +
                        'since, so it is left as it is.');
                    return undefined;
                }
                const { keep, drop, checkSeed } = recoveredClaims(current, r, next, run.api.githubNow() ?? r.settledAt);
                const undeleted = await run.coord.claims.prune(drop);
                stored = await (0,secret_write/* writeSecret */.kz)(run.api, run.target, run.pre, rescue.credentials, {
                    claims: [...undeleted, ...keep],
                    checkSeed,
                });
                run.deps.core.info(`Recovered the rotated credentials that a job at ${when} could not store, and wrote them to ` +
                    `${(0,github_target/* describeTarget */.ff)(run.target)}.`);
                return new Date((0,marker/* writtenAt */.nt)((0,formats/* parseCredentials */.gu)(stored).doc) ?? r.settledAt).toISOString();
            },
        });
        return { ...(done.wrote ? { stored } : {}), ...(done.at ? { at: done.at } : {}) };
    }
    finally {
        shield?.release();
    }
}

// EXTERNAL MODULE: ./src/action/sweep.ts
var sweep = __webpack_require__(9906);
;// CONCATENATED MODULE: ./src/action/obtain.ts
// The refresh path (docs/design.md, "A run"): take what another job left, or claim the
// refresh, present the token once, write the rotated credentials back, share them.
// Loaded on demand: the stored-token path never parses it or what it imports.


















// A rescue can chain: recovered credentials may themselves need a refresh.
const MAX_HOPS = 3;
/**
 * `rescued`: the credentials may be rescued ones, whose marker is the copy's before (the proxy's, after a
 * result): the seed's claim is checked before they are presented, whatever that marker says.
 */
async function obtain(deps, cfg, creds, masker, rescued = false) {
    const run = await begin(deps, cfg, masker, creds, !!cfg.proxy || rescued);
    await refuseOldCopy(run, creds);
    let current = creds;
    let secretUpdated = false;
    for (let hop = 0; hop < MAX_HOPS; hop++) {
        const r = await run.coord.claims.reserve(current);
        if (r.kind === 'owner') {
            const out = await refreshOnce(run, r.ticket, current, rescued || hop > 0);
            // Its checks took the claim's time (a rate limit waited out): claimed again, with a new deadline.
            if (!out)
                continue;
            return { ...out, secretUpdated: true };
        }
        const taken = await takeResult(run, current, r);
        secretUpdated ||= taken.wrote;
        if (taken.outcome)
            return { ...taken.outcome, secretUpdated };
        // The secret now holds that copy, whoever stored it: read again, as its claim is judged against it.
        run.readAt = deps.monotonic();
        run.pre.updatedAt = await (0,secret_read/* currentUpdatedAt */.MR)(run.api, run.target);
        if (taken.stored !== undefined)
            current = (0,formats/* parseCredentials */.gu)(taken.stored);
        else {
            // Stored by another job, or by none. Refused once the secret has moved past them (a login stored again by
            // hand), as old as their write, else as the provider's answer that made them (no write is earlier); then
            // presented as the secret's value, whose claim must stay while any holder's copy passes: stamped by that
            // write, else by the secret's update as read since, which is no earlier.
            await refuseOldCopy(run, asRecovered(taken.next, current, r, taken.at ?? iso(r.settledAt)));
            current = asRecovered(taken.next, current, r, taken.at ?? run.pre.updatedAt);
        }
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
/**
 * A claim won, and checked, long after the secret was read (a slow create, a wait, a slow read of the
 * seed's claim): if the secret was written since, the copy is not current, and its own claim may have
 * been removed meanwhile, or its burial forgotten.
 */
async function refuseIfWrittenSince(run) {
    if (run.deps.monotonic() - run.readAt <= protocol/* RECHECK_AFTER_MS */.Ik)
        return;
    const now = await (0,secret_read/* currentUpdatedAt */.MR)(run.api, run.target);
    if (now === run.pre.updatedAt)
        return;
    throw new errors/* UserError */.yo('OB_CLAIM', `credentials: ${(0,github_target/* describeTarget */.ff)(run.target)} was written at ${(0,neutral/* neutral */.SY)(now, 40)}, after this job read it, ` +
        `so this copy may be spent; ${errors/* RERUN_OLD_COPY */.Nk}.`, { details: 'Nothing was presented to the provider.' });
}
/**
 * A copy whose old claim was removed while it could still pass for current: its chain's seed says so.
 * Asked when its marker says so; for rescued credentials always, as their marker is the copy's before.
 */
async function refuseIfBuried(run, ticket, copy, rescued) {
    const seed = rescued ? (0,coordinate/* seedOf */.n3)(copy) : (0,coordinate/* seedToCheck */.H_)(copy);
    if (await run.coord.claims.buried(ticket, seed))
        throw run.coord.claims.oldCopy();
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
async function begin(deps, cfg, masker, creds, keepsCopy) {
    const target = cfg.secret;
    const readAt = deps.monotonic();
    const { api, pre } = await connect(deps, cfg, creds);
    // The write check and the write-back seal: libsodium loads while GitHub answers the claim.
    (0,seal/* sodium */.E2)().catch(() => undefined);
    // Read when each claim is made: a hop reads the secret's metadata again (obtain).
    const coord = (0,coordinate/* coordinate */.vY)(deps, cfg, api, () => pre.updatedAt);
    const pending = deps.env.RUNNER_TEMP
        ? new action_pending/* PendingFile */.Gf(deps.env.RUNNER_TEMP, creds.refreshToken, cfg.githubToken)
        : undefined;
    if (pending)
        deps.core.saveState(action_pending/* PENDING_STATE */.gK, pending.stateValue(deps.core));
    const since = (api.githubNow() ?? deps.now()) - 1000;
    const fresh = (c) => (0,formats/* validFor */._K)(c, cfg.minTtlMs, deps.now());
    return { deps, cfg, masker, target, api, pre, coord, pending, fresh, since, readAt, keepsCopy };
}
const iso = (ms) => new Date(ms).toISOString();
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
        const { stored, at } = await recoverRescue(run, current, r, next);
        const wrote = stored !== undefined;
        if (run.fresh(next)) {
            return {
                wrote,
                outcome: {
                    creds: next,
                    source: 'shared',
                    rotated: false,
                    secretUpdated: wrote,
                    // Another job writes the rescue: the claims its value names are unknown here, so no CLI is handed
                    // the refresh token (its write-back would name the wrong ones).
                    refreshTokenLive: wrote,
                    // Kept for a later refresh (the proxy's): as old as its write, else as the provider's answer, so that
                    // refresh refuses it rather than present a copy the secret may have moved past.
                    ...(stored ? { stored } : { copy: asRecovered(next, current, r, at ?? iso(r.settledAt)) }),
                },
            };
        }
        return stored ? { wrote, next, stored } : { wrote, next, ...(at ? { at } : {}) };
    }
    // Settled while this job ran: as fresh as a refresh of its own would have been.
    if (run.fresh(next) || r.settledAt >= run.since) {
        deps.core.info(`These credentials were already refreshed by another job at ${(0,neutral/* neutral */.SY)(s.at, 40)}; ` +
            'using the access token it obtained.');
        return {
            wrote: false,
            outcome: {
                creds: next,
                source: 'shared',
                rotated: false,
                secretUpdated: false,
                refreshTokenLive: false,
                copy: current,
            },
        };
    }
    if (r.unstoredOn)
        throw run.coord.claims.otherRef(r.unstoredOn);
    throw new errors/* UserError */.yo('OB_CLAIM', `credentials: this job holds an old copy; another job refreshed it at ${(0,neutral/* neutral */.SY)(s.at, 40)}, and its access token ` +
        `is not valid for min-ttl ${(0,duration/* formatDuration */.a3)(cfg.minTtlMs)}; ${errors/* RERUN_OLD_COPY */.Nk}.`, { details: `The current value is in ${(0,github_target/* describeTarget */.ff)(run.target)}.` });
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
async function refreshOnce(run, ticket, current, rescued) {
    try {
        // Nothing is spent before the copy is known to be current and the token to be able to store what
        // replaces it; a claim whose checks fail is released.
        await refuseIfBuried(run, ticket, current, rescued);
        await refuseIfWrittenSince(run);
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
    const now = run.api.githubNow() ?? deps.now();
    const mine = (0,coordinate/* claimOn */._3)(current, ticket.name, now);
    const { keep: newest, drop, checkSeed } = (0,protocol/* keptClaims */.q0)(previous ?? [], mine, Date.parse(run.pre.updatedAt), now);
    keepPending(run, {
        credentials: value,
        copy: { refreshToken: current.refreshToken, accessToken: current.accessToken },
        claim: { name: ticket.name, value: JSON.stringify(ticket.value) },
        keep: newest,
        drop,
        checkSeed,
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
    ticket.seed = mine.seed;
    let stored;
    try {
        stored = await (0,secret_write/* writeSecret */.kz)(run.api, target, run.pre, value, { claims: keep, sweep: !previous, checkSeed });
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
    // The first write over a login stored by hand sweeps, and its next writer once more: a sweep may fail.
    if (!previous || (0,marker/* sweepAgain */.vr)(current.doc))
        await (0,sweep/* sweep */.X)(run.api, target, keep.map((k) => k.name), (m) => deps.core.debug(m));
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
    return refreshTokens({
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
