"use strict";
exports.id = 496;
exports.ids = [496];
exports.modules = {

/***/ 8496:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ROTATION_WORKFLOW: () => (/* binding */ ROTATION_WORKFLOW),
  findWorkflow: () => (/* binding */ findWorkflow),
  verb: () => (/* binding */ doctor_verb)
});

// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/github/api.ts
var api = __webpack_require__(8943);
// EXTERNAL MODULE: ./src/github/explain.ts
var explain = __webpack_require__(9576);
// EXTERNAL MODULE: ./src/github/public-key.ts
var public_key = __webpack_require__(5072);
// EXTERNAL MODULE: ./src/github/secret-read.ts
var secret_read = __webpack_require__(1764);
// EXTERNAL MODULE: ./src/github/secret-write.ts
var secret_write = __webpack_require__(8997);
// EXTERNAL MODULE: ./src/github/target.ts
var target = __webpack_require__(3738);
// EXTERNAL MODULE: ./src/github/variables.ts
var github_variables = __webpack_require__(4086);
// EXTERNAL MODULE: ./src/core/checks.ts
var checks = __webpack_require__(5950);
// EXTERNAL MODULE: ./src/github/answers.ts
var answers = __webpack_require__(3948);
;// CONCATENATED MODULE: ./src/github/workflows.ts
// A repository's Actions workflows and their last completed run, read for `oauth-broker doctor`: the
// rotation workflow exists, is enabled and last succeeded. Read-only; the token needs the repository
// permission "Actions: Read-only", which the broker itself never needs.


const PER_PAGE = 100;
// 1,000 workflows, and a bound on a server that never says it is done.
const MAX_PAGES = 10;
function workflowOf(item, doing, apiUrl) {
    if (!(0,checks/* isJsonObject */.OW)(item) ||
        !Number.isSafeInteger(item.id) ||
        typeof item.name !== 'string' ||
        typeof item.path !== 'string' ||
        typeof item.state !== 'string') {
        throw (0,answers/* malformed */.Qm)(doing, 'the answer is not a list of workflows', apiUrl);
    }
    return { id: item.id, name: item.name, path: item.path, state: item.state };
}
/** Every workflow of the repository, every page read. */
async function listWorkflows(api, owner, repo) {
    const doing = `list the workflows of ${owner}/${repo}`;
    const found = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
        // https://docs.github.com/rest/actions/workflows#list-repository-workflows
        const { data } = await api.request('GET /repos/{owner}/{repo}/actions/workflows', {
            owner,
            repo,
            per_page: PER_PAGE,
            page,
        });
        const items = (0,checks/* isJsonObject */.OW)(data) && Array.isArray(data.workflows) ? data.workflows : undefined;
        if (!items)
            throw (0,answers/* malformed */.Qm)(doing, 'the answer has no list of workflows', api.wording.apiUrl);
        for (const item of items)
            found.push(workflowOf(item, doing, api.wording.apiUrl));
        const total = Number.isSafeInteger(data.total_count) ? data.total_count : undefined;
        if (items.length < PER_PAGE || (total !== undefined && found.length >= total))
            return found;
    }
    throw (0,answers/* malformed */.Qm)(doing, `the list did not end after ${MAX_PAGES} pages`, api.wording.apiUrl);
}
/** The workflow's newest completed run, whatever its branch or event; undefined when it never completed one. */
async function lastCompletedRun(api, owner, repo, workflow) {
    const doing = `list the runs of ${workflow.path}`;
    // https://docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-workflow (newest first)
    const { data } = await api.request('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', {
        owner,
        repo,
        workflow_id: workflow.id,
        status: 'completed',
        per_page: 1,
    });
    const runs = (0,checks/* isJsonObject */.OW)(data) && Array.isArray(data.workflow_runs) ? data.workflow_runs : undefined;
    if (!runs)
        throw (0,answers/* malformed */.Qm)(doing, 'the answer has no list of runs', api.wording.apiUrl);
    const run = runs[0];
    if (run === undefined)
        return undefined;
    const createdAt = (0,checks/* isJsonObject */.OW)(run) && typeof run.created_at === 'string' ? Date.parse(run.created_at) : NaN;
    if (!(0,checks/* isJsonObject */.OW)(run) || typeof run.html_url !== 'string' || !Number.isFinite(createdAt)) {
        throw (0,answers/* malformed */.Qm)(doing, 'the answer is not a workflow run', api.wording.apiUrl);
    }
    return {
        conclusion: typeof run.conclusion === 'string' ? run.conclusion : 'unknown',
        createdAt,
        htmlUrl: run.html_url,
    };
}

// EXTERNAL MODULE: ./src/core/marker.ts
var marker = __webpack_require__(4517);
;// CONCATENATED MODULE: ./src/github/jobs.ts
// Whether a job of a workflow run has ended, read from the jobs of its run attempt: a CLI's claim lasts
// until its job's post step or the job's end (docs/design.md, "The claim"). The token needs "Actions:
// Read-only" on the job's repository; without it the claim's lease ends it instead.


const jobs_PER_PAGE = 100;
// A run attempt has at most 256 jobs of a matrix, and a few more; a bound on a server that never ends.
const jobs_MAX_PAGES = 5;
/** This job, from the runner's variables; undefined outside a runner that names them all. */
function thisJob(env) {
    const job = {
        repo: env.GITHUB_REPOSITORY ?? '',
        run: Number(env.GITHUB_RUN_ID),
        attempt: Number(env.GITHUB_RUN_ATTEMPT),
        runner: env.RUNNER_NAME ?? '',
    };
    return isJobRef(job) ? job : undefined;
}
function isJobRef(v) {
    if (!(0,checks/* isJsonObject */.OW)(v))
        return false;
    const { repo, run, attempt, runner } = v;
    return (typeof repo === 'string' &&
        /^[\w.-]{1,100}\/[\w.-]{1,100}$/.test(repo) &&
        Number.isSafeInteger(run) &&
        run > 0 &&
        Number.isSafeInteger(attempt) &&
        attempt > 0 &&
        typeof runner === 'string' &&
        runner.length > 0 &&
        runner.length <= 200);
}
/**
 * Whether the job has surely ended: its run attempt has a job on its runner, and every such job is
 * completed (a self-hosted runner may run several of one attempt, one after another).
 */
async function jobEnded(api, job) {
    const [owner, repo] = job.repo.split('/');
    const doing = `list the jobs of run ${job.run}`;
    let onRunner = 0;
    for (let page = 1; page <= jobs_MAX_PAGES; page++) {
        // https://docs.github.com/rest/actions/workflow-jobs#list-jobs-for-a-workflow-run-attempt
        const { data } = await api.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs', {
            owner,
            repo,
            run_id: job.run,
            attempt_number: job.attempt,
            per_page: jobs_PER_PAGE,
            page,
            // Not retried: a waiting job asks again later, its lock-timeout running meanwhile.
            request: { once: true },
        });
        const jobs = isJsonObject(data) && Array.isArray(data.jobs) ? data.jobs : undefined;
        if (!jobs)
            throw malformed(doing, 'the answer has no list of jobs', api.wording.apiUrl);
        for (const j of jobs) {
            if (!isJsonObject(j) || j.runner_name !== job.runner)
                continue;
            if (j.status !== 'completed')
                return false;
            onRunner++;
        }
        if (jobs.length < jobs_PER_PAGE)
            return onRunner > 0;
    }
    return false;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/core/keys.ts
// Every key the product derives, every MAC and every authenticated encryption, one label per purpose
// (docs/design.md): a label used twice would let one purpose's output pass for another's. Changing a
// label or a scheme changes stored bytes, so a store written before could no longer be read:
// __tests__/keys.test.ts pins each, and fails when a file other than this one (and src/github/seal.ts)
// calls a cipher, MAC or KDF.
//
// | purpose                         | HKDF-SHA256 salt, info / HMAC-SHA256 key, message  | then                       |
// | ------------------------------- | -------------------------------------------------- | -------------------------- |
// | a cache entry's name            | 'oauth-broker shared store v1', 'entry id'         | 16 bytes, hex              |
// | a cache entry's key             | 'oauth-broker shared store v1', 'entry key'        | XChaCha20-Poly1305, sodium |
// | a claim's result's (a rescue's) | 'oauth-broker shared store v1', 'claim result key' | ChaCha20-Poly1305, node    |
// | a copy's claim id               | 'oauth-broker claim v1', 'claim id'                | 10 bytes, upper-case hex   |
// | the pending file's key          | 'oauth-broker pending v1', 'pending key'           | AES-256-GCM, node          |
// | each post-step state's key      | credentials, '<name> state\0<github-token>'        | HMAC-SHA256 of the state   |
// | a refresh token's tag           | the 'oauth-broker' state's key, 'refresh\0<token>' | 32 hex                     |
//
// Not here, because they key nothing: GitHub's sealed box for secrets (crypto_box_seal) is GitHub's
// protocol with GitHub's key, and stays in src/github/seal.ts beside the libsodium loader; the PKCE
// S256 challenge (src/cli/login/pkce.ts) is OAuth's protocol digest; `sha256Hex` (src/core/sha256.ts
// and sha256-js.ts: a token's fingerprint, a written file's digest) is a plain SHA-256.
//
// libsodium is never imported here: the caller passes the instance it loaded (src/github/seal.ts
// sodium()), so the stored-token path, which seals nothing, loads no WebAssembly.

const STORE_SALT = 'oauth-broker shared store v1';
const hkdf = (ikm, salt, info, bytes) => Buffer.from(hkdfSync('sha256', ikm, salt, info, bytes));
/** A cache entry's name: a keyed hash of the refresh token, revealing nothing of it. */
const entryId = (refreshToken) => hkdf(refreshToken, STORE_SALT, 'entry id', 16).toString('hex');
/** A copy's claim id: the same for every job holding the copy, revealing nothing of it. */
function claimId(refreshToken, accessToken) {
    const ikm = `${refreshToken}\n${accessToken ?? ''}`;
    return hkdf(ikm, 'oauth-broker claim v1', 'claim id', 10).toString('hex').toUpperCase();
}
/** nonce ‖ ciphertext; `cacheKey` is bound as associated data, so entries cannot be swapped. */
function sealEntry(s, refreshToken, cacheKey, text) {
    const key = hkdf(refreshToken, STORE_SALT, 'entry key', s.crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    const nonce = s.randombytes_buf(s.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    return Buffer.concat([nonce, s.crypto_aead_xchacha20poly1305_ietf_encrypt(text, cacheKey, null, nonce, key)]);
}
/** The plaintext, or undefined when the entry was not sealed for this refresh token and cache key. */
function openEntry(s, refreshToken, cacheKey, data) {
    const key = hkdf(refreshToken, STORE_SALT, 'entry key', s.crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    const n = s.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    if (data.length <= n)
        return undefined;
    try {
        const pt = s.crypto_aead_xchacha20poly1305_ietf_decrypt(null, data.subarray(n), cacheKey, data.subarray(0, n), key);
        return Buffer.from(pt);
    }
    catch {
        return undefined;
    }
}
// A claim's result is sealed a few times at most under one key (a copy's, with the github-token):
// random 96-bit nonces are safe at that count.
const RESULT_NONCE = 12;
const RESULT_TAG = 16;
const resultKey = (material) => hkdf(material, STORE_SALT, 'claim result key', 32);
/** nonce ‖ ciphertext ‖ tag; the claim's name is bound as associated data, so results cannot be swapped. */
function sealResult(material, claim, text) {
    const nonce = randomBytes(RESULT_NONCE);
    const c = createCipheriv('chacha20-poly1305', resultKey(material), nonce, { authTagLength: RESULT_TAG });
    c.setAAD(Buffer.from(claim, 'utf8'), { plaintextLength: text.length });
    const body = Buffer.concat([c.update(text), c.final()]);
    return Buffer.concat([nonce, body, c.getAuthTag()]);
}
/** The plaintext, or undefined when the result was not sealed for this material and claim. */
function openResult(material, claim, data) {
    if (data.length <= RESULT_NONCE + RESULT_TAG)
        return undefined;
    try {
        const nonce = data.subarray(0, RESULT_NONCE);
        const d = createDecipheriv('chacha20-poly1305', resultKey(material), nonce, { authTagLength: RESULT_TAG });
        const body = data.subarray(RESULT_NONCE, data.length - RESULT_TAG);
        d.setAAD(Buffer.from(claim, 'utf8'), { plaintextLength: body.length });
        d.setAuthTag(data.subarray(data.length - RESULT_TAG));
        return Buffer.concat([d.update(body), d.final()]);
    }
    catch {
        return undefined;
    }
}
/** The pending file's key: only the step's own refresh token and github-token give it. */
const pendingKey = (refreshToken, githubToken) => hkdf(`${refreshToken}\n${githubToken}`, 'oauth-broker pending v1', 'pending key', 32);
/** iv ‖ tag ‖ ciphertext under a pendingKey(). */
function sealPending(key, text) {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), body]);
}
/** The text sealPending() sealed under `key`; throws when it was not. */
function openPending(key, data) {
    const d = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
    d.setAuthTag(data.subarray(12, 28));
    return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8');
}
/** The MAC key of the post-step state saved under `name`: one per name, so no state passes for another. */
const stateKey = (credentials, name, githubToken) => createHmac('sha256', credentials).update(`${name} state\0${githubToken}`).digest();
/** HMAC-SHA256 of `text` under a stateKey(), hex. */
const stateMac = (key, text) => createHmac('sha256', key).update(text).digest('hex');
/** A refresh token's tag under the state key: the post step recognises it, the state does not reveal it. */
const refreshTag = (key, token) => stateMac(key, `refresh\0${token}`).slice(0, 32);

;// CONCATENATED MODULE: ./src/store/protocol.ts
// The claims protocol's decisions, with no I/O (docs/design.md, "Coordination"): how a claim is named
// and written, what another job's claim means at a given GitHub time, how long a holder may
// present, and which claims a successful holder removes. src/store/claims.ts does the talking.



const PREFIX = 'OAUTH_BROKER_';
// A holder's answer must be in this long before its lease ends, so that its claim is settled (the
// settle retried on a GitHub that fails for a while) before anyone may take over; GitHub's
// whole-second stamps are within it.
const LEASE_MARGIN_MS = 30_000;
// A CLI holds the token until its job's post step; a job ends within its timeout-minutes (360 by default).
const CLI_LEASE_MS = 6 * 3_600_000 + 10 * 60_000;
// Takeovers of holders that never settled; each waits out a lease, so five is minutes of failures.
const MAX_GENERATIONS = 5;
/** At rest, the claims of this many copies stay beside a secret: a job holding one of them finds it settled. */
const KEEP_COPIES = 3;
// A copy could still pass for current until the secret was written OLD_COPY_AFTER_MS after it (its
// marker, src/core/marker.ts); until then only its claim, or its burial, stops it. Two seconds more, for
// GitHub's whole-second stamps.
const STAMP_SLACK_MS = 2_000;
// A claim won (and checked) longer than this after the secret was read is checked against the secret
// again: the claim of a copy that fast rotations left behind may have been removed meanwhile.
const RECHECK_AFTER_MS = 1_000;
/** Names a copy by a keyed hash (src/core/keys.ts): the same for every job holding it, revealing nothing of it. */

/**
 * The claim on a copy: generation `gen` (a takeover), or a recovery's lock. Named by the copy alone,
 * so that two secrets given the same login (a copy pasted twice) still present its token once.
 */
function claimName(id, gen, recovery = false) {
    return `${PREFIX}${id}_${recovery ? 'R' : ''}${gen}`;
}
const NAME = /^OAUTH_BROKER_([0-9A-F]{20})_(R?)(\d+)$/;
/** The parts of a claim's name, or undefined for any other variable. */
function parseClaimName(name) {
    const m = NAME.exec(name.toUpperCase());
    return m ? { id: m[1], recovery: m[2] === 'R', gen: Number(m[3]) } : undefined;
}
const STATES = ['busy', 'cli', 'settled', 'spent'];
function encodeClaim(v) {
    return JSON.stringify(v);
}
/** A claim's value as the broker writes it; undefined for anything else (then it is not a claim to trust). */
function decodeClaim(text) {
    let v;
    try {
        v = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    const o = v;
    if (!o || typeof o !== 'object' || o.v !== 2 || typeof o.n !== 'string' || !STATES.includes(o.s)) {
        return undefined;
    }
    // A lease no holder writes (anyone who can write the repository's variables can write one) is no claim.
    if (typeof o.l !== 'number' || !Number.isFinite(o.l) || o.l <= 0 || o.l > CLI_LEASE_MS / 1000)
        return undefined;
    if (o.r !== undefined && typeof o.r !== 'string')
        return undefined;
    if (o.ref !== undefined && typeof o.ref !== 'string')
        return undefined;
    if (o.t !== undefined && typeof o.t !== 'string')
        return undefined;
    for (const at of [o.w, o.a])
        if (at !== undefined && (typeof at !== 'string' || !Number.isFinite(Date.parse(at))))
            return undefined;
    if (o.j !== undefined && !isJobRef(o.j))
        return undefined;
    if (o.d !== undefined && !isBuriedList(o.d))
        return undefined;
    return o;
}
const ID = /^[0-9A-F]{20}$/;
function isBuriedList(d) {
    if (!d || typeof d !== 'object' || Array.isArray(d))
        return false;
    return Object.entries(d).every(([id, at]) => ID.test(id) && typeof at === 'string' && Number.isFinite(Date.parse(at)));
}
/**
 * What a claim means at GitHub time `now`. GitHub stamps whole seconds and its `Date` too, so a
 * deadline is judged a second late: never early, whatever this machine's clock says. A CLI's claim
 * also ends with its job (`jobEnded`, as GitHub said).
 */
function judge(c, now, jobEnded = false) {
    const { s } = c.value;
    if (s === 'settled')
        return { kind: 'settled' };
    if (s === 'spent')
        return { kind: 'spent' };
    const until = c.createdAt + c.value.l * 1000 + 1000;
    if (now >= until || (s === 'cli' && jobEnded))
        return { kind: 'expired' };
    return { kind: 'held', until, cli: s === 'cli' };
}
/**
 * When a holder must have its answer, on its monotonic clock: the claim was made no sooner than
 * `sentAt` (just before its create was sent), so its GitHub deadline is no sooner than this plus the
 * lease; the margin leaves time to settle before anyone may take over.
 */
function answerBy(sentAt, leaseMs) {
    return sentAt + leaseMs - LEASE_MARGIN_MS;
}
/** Whether a holder whose create was sent at `sentAt` (monotonic) still has time for an attempt at `now`. */
function hasTime(sentAt, leaseS, now) {
    return sentAt === undefined || answerBy(sentAt, leaseS * 1000) - now >= MIN_ATTEMPT_MS;
}
// A claim is released only this long before its lease ends at the latest (a delete takes a moment).
const RELEASE_MARGIN_MS = 5_000;
/**
 * Whether a holder may still delete its claim at `now` (monotonic). Near its deadline the claim may
 * soon be taken over: deleted then, it would free its name for a job still holding the copy, which
 * would create it again and present the token. It expires instead.
 */
function mayRelease(sentAt, leaseS, now) {
    return sentAt === undefined || now <= sentAt + leaseS * 1000 - RELEASE_MARGIN_MS;
}
// GitHub stamps whole seconds: a write sent this long after the claim's answer arrived is stamped
// in a later second than the claim (a little over 1 s, for timers that count whole milliseconds).
const NEXT_STAMP_MS = 1_010;
/**
 * How long a holder whose settle was lost waits before its write-back (monotonic): the write-back is
 * then the only sign the claim was settled, and it counts from the second after the claim's.
 */
function untilNextStamp(claimedAt, now) {
    return claimedAt === undefined ? NEXT_STAMP_MS : Math.max(0, claimedAt + NEXT_STAMP_MS - now);
}
/** Whether the secret (`updatedAt`, epoch ms) was written after the claim was made: its holder's write-back. */
function writtenSince(c, updatedAt) {
    return updatedAt >= c.createdAt + 1000;
}
/** The holder's ref, when its rescue may sit in that ref's Actions cache and this job (on `ref`) cannot read it. */
function otherRefOf(c, ref) {
    return c.value.ref && c.value.ref !== ref ? c.value.ref : undefined;
}
/**
 * What an expired claim leaves a job on `ref` that found no rescue: an old copy when the holder's
 * write-back landed since; the holder's ref to re-run when its rescue may be there; else a takeover.
 */
function afterExpiry(c, updatedAt, ref) {
    if (writtenSince(c, updatedAt))
        return 'old';
    return otherRefOf(c, ref) ? 'other-ref' : 'take-over';
}
/** The lease a holder writes, seconds: whole, and long enough to leave an attempt room after the margin. */
function leaseSeconds(leaseMs) {
    return Math.max(Math.ceil((LEASE_MARGIN_MS + MIN_ATTEMPT_MS) / 1000), Math.ceil(leaseMs / 1000));
}
// A copy written this long after the one it replaced was written starts no burst: its holders need not
// check the seed's claim. Longer than a copy stays young by more than GitHub's stamps and clock can
// blur, so that at most one claim is both young and on such a copy (docs/design.md, "Leftovers").
const CALM_AFTER_MS = marker/* OLD_COPY_AFTER_MS */.sJ + STAMP_SLACK_MS + 10_000;
/**
 * The claims a new value names, and whether its holders must check the seed's claim before presenting it.
 * A claim stays while its copy could still pass for current while the secret's updated_at is `written`
 * (the one this job read, so before its own write-back lands; a claim's time is its copy's, or later): it
 * stops a job holding that copy. Unless that copy's holders check the seed's claim (`checks`): then it is
 * recorded there first (buried), and goes. Named besides: the seed's, and the newest up to KEEP_COPIES.
 * The others drop out, and the holder removes them with every generation of their copy. `now`, GitHub's
 * time: a rotation soon after the one before (a burst) asks the next holders to check the seed.
 */
function keptClaims(previous, mine, written, now) {
    const all = [...previous.filter((k) => k.name !== mine.name), mine];
    const seed = all.find((k) => k.seed);
    const young = (k) => written - k.at <= OLD_COPY_AFTER_MS + STAMP_SLACK_MS;
    const buriable = (k) => !!seed && !!k.checks && !k.seed;
    const must = (k) => k === mine || !!k.seed || (young(k) && !buriable(k));
    const keep = new Set(all.filter(must).map((k) => k.name));
    let room = KEEP_COPIES - all.filter((k) => must(k) && !k.seed).length;
    for (const k of [...all].reverse()) {
        if (room <= 0)
            break;
        if (keep.has(k.name))
            continue;
        keep.add(k.name);
        room--;
    }
    const drop = previous.filter((k) => !keep.has(k.name));
    return {
        keep: all.filter((k) => keep.has(k.name)),
        drop: drop.map((k) => (seed && buriable(k) && young(k) ? { ...k, into: seed.name } : k)),
        checkSeed: !!seed && now - mine.at <= CALM_AFTER_MS,
    };
}
/**
 * A seed's record of buried copies with `add` in it: each by its copy's id and time. Entries whose copy
 * is old by the newest one added (a copy's marker tells it old from then on) go.
 */
function withBuried(d, add) {
    const newest = Math.max(...add.map((k) => k.at));
    const kept = Object.entries(d ?? {}).filter(([, at]) => newest - Date.parse(at) <= OLD_COPY_AFTER_MS + STAMP_SLACK_MS);
    const added = add.flatMap((k) => {
        const id = parseClaimName(k.name)?.id;
        return id ? [[id, new Date(k.at).toISOString()]] : [];
    });
    return Object.fromEntries([...kept, ...added]);
}
/** Whether the seed's claim `seed` records the copy of the claim `name` as buried: that copy is spent. */
function isBuried(seed, name) {
    const id = parseClaimName(name)?.id;
    return !!id && !!seed?.d && Object.hasOwn(seed.d, id);
}
/**
 * Every generation of the copy a claim is about, up to that claim's, highest first: a removal that
 * stops halfway leaves generation 0, which still stops a job holding that copy.
 */
function generationsOf(name) {
    const parsed = parseClaimName(name);
    if (!parsed)
        return [];
    return Array.from({ length: parsed.gen + 1 }, (_, g) => claimName(parsed.id, parsed.gen - g, parsed.recovery));
}
/**
 * Whether a claim is a leftover beside the secret `secret` (upper case): one of the broker's claims,
 * made for that secret, named by none of its value's claims (`keep`), older than an old copy can be,
 * and held by no job that may still present its token, at GitHub time `now`. The one judgement the
 * action's sweep (src/action/sweep.ts) and `oauth-broker doctor` share.
 */
function isLeftoverClaim(v, secret, keep, now) {
    const claim = parseClaimName(v.name) && decodeClaim(v.value);
    if (!claim || claim.t !== secret || keep.includes(v.name) || now - v.createdAt <= marker/* OLD_COPY_AFTER_MS */.sJ)
        return false;
    // A seed's claim whose record of buried copies may still stop a job (one holding a copy of another secret's chain).
    const buried = Object.values(claim.d ?? {}).some((at) => now - Date.parse(at) <= marker/* OLD_COPY_AFTER_MS */.sJ + STAMP_SLACK_MS);
    return !buried && judge({ value: claim, createdAt: v.createdAt, updatedAt: v.updatedAt }, now).kind !== 'held';
}

// EXTERNAL MODULE: ./src/cli/github.ts + 1 modules
var github = __webpack_require__(1132);
// EXTERNAL MODULE: ./src/cli/verb.ts
var verb = __webpack_require__(5525);
;// CONCATENATED MODULE: ./src/cli/doctor.ts
// `oauth-broker doctor`: checks a setup end to end without spending anything (no refresh; a secret's
// value is never read, GitHub gives none). One step per check, each returning its findings: the
// secret exists and is fresh, the token can write the secrets and the variables the claims need, the
// rotation workflow is enabled and last succeeded, and no leftover broker entries lie beside it.













/**
 * A secret not updated for this long means the rotation is not running: the README's rotations run every 4 hours
 * (Claude) or daily (Codex), so two days is at least one missed daily run, or a dozen missed 4-hourly ones.
 */
const DEFAULT_MAX_AGE = '2d';
/** The secrets the README's recipes name, checked when --secret is not given. */
const DEFAULT_SECRETS = ['CLAUDE_CREDENTIALS', 'CODEX_AUTH'];
/** The rotation workflow `oauth-broker init` writes; others are found by name (findWorkflow). */
const ROTATION_WORKFLOW = 'oauth-broker-rotate.yml';
const PAT_PAGE = 'https://github.com/settings/personal-access-tokens';
const pass = (check, message) => ({ check, ok: true, message, fix: null });
const fail = (check, message, fix) => ({ check, ok: false, message, fix });
const githubNow = (d) => d.api.githubNow() ?? d.deps.now();
/** `12 days`, `5 hours`, `3 minutes`: how long ago, for a sentence. */
function ago(ms) {
    const [n, unit] = ms >= 2 * 86_400_000
        ? [ms / 86_400_000, 'day']
        : ms >= 2 * 3_600_000
            ? [ms / 3_600_000, 'hour']
            : [ms / 60_000, 'minute'];
    const whole = Math.max(0, Math.floor(n));
    if (whole === 0)
        return 'less than a minute ago';
    return `${whole} ${unit}${whole === 1 ? '' : 's'} ago`;
}
/** The options that name this secret, for a command in a fix. */
function placeArgs(t) {
    if (t.kind === 'org')
        return `--org ${t.org} --secret ${t.name}`;
    const env = t.kind === 'env' ? ` --environment '${t.environment.replace(/'/g, `'\\''`)}'` : '';
    return `--repo ${t.owner}/${t.repo} --secret ${t.name}${env}`;
}
/** GitHub's refusal behind an error (explained or not), if that is what it was. */
function httpStatus(err) {
    for (let e = err; e; e = e.cause) {
        if (e instanceof api/* GitHubHttpError */.I)
            return { status: e.status, message: e.githubMessage };
    }
    return undefined;
}
/**
 * A 403 as a finding naming the exact permission and the fix; anything else is not the doctor's to
 * judge and stops it with the CLI's own error line.
 */
function refusal(d, err, check, cannot, r) {
    const http = httpStatus(err);
    if (http?.status !== 403)
        throw err;
    const token = d.api.wording.token;
    const needed = r === 'actions' ? 'repository permission "Actions: Read-only" (only doctor needs it)' : (0,explain/* permission */.EK)(d.target, r);
    if (r !== 'actions')
        d.refused.add(r);
    const message = `${token} cannot ${cannot}: GitHub answered 403 ${JSON.stringify(http.message)}`;
    if (/by integration/i.test(http.message) && r !== 'actions') {
        return fail(check, message, `use a fine-grained PAT with the ${needed} on ${(0,explain/* where */._M)(d.target)}. ${errors/* GITHUB_TOKEN_CANNOT */.iB}`);
    }
    const place = r === 'actions' && d.target.kind !== 'org' ? `repository ${d.target.owner}/${d.target.repo}` : (0,explain/* where */._M)(d.target);
    return fail(check, message, `give the token the ${needed} on ${place} (a fine-grained PAT: ${PAT_PAGE}; a GitHub App: its permissions)`);
}
/** The secret exists, and was updated within --max-age. */
const secretFresh = async (d) => {
    const name = (0,target/* describeTarget */.ff)(d.target);
    try {
        // A place that does not exist stops here, with the CLI's error line naming --repo, --environment or --org.
        d.key = await (0,public_key/* readPublicKey */.R)(d.api, d.target);
        let updatedAt;
        try {
            updatedAt = await (0,secret_read/* currentUpdatedAt */.MR)(d.api, d.target);
        }
        catch (err) {
            if (httpStatus(err)?.status !== 404)
                throw err;
            const provider = /CODEX|OPENAI/i.test(d.target.name) ? 'openai' : 'anthropic';
            return [fail('secret', `${name} does not exist`, `store a login in it: ${(0,target/* reloginCommand */.Cd)(provider, d.target)}`)];
        }
        const age = githubNow(d) - Date.parse(updatedAt);
        if (age <= d.maxAgeMs)
            return [pass('secret', `${name} was last updated ${ago(age)}`)];
        const why = d.target.kind === 'org' ? 'doctor in its repository says' : 'the workflow lines say';
        return [
            fail('secret', `${name} was last updated ${ago(age)}, more than --max-age ${(0,duration/* formatDuration */.a3)(d.maxAgeMs)}: ` +
                'the rotation is not running', `make the rotation workflow run again (${why} why it did not); if its runs fail with invalid_grant, ` +
                'log in again and store the login (oauth-broker login, then oauth-broker seed)'),
        ];
    }
    catch (err) {
        return [refusal(d, err, 'secret', `read the secrets of ${(0,explain/* where */._M)(d.target)}`, 'secrets')];
    }
};
/** The token can write the secret: the sealed write of the broker's own check secret, as a refresh does first. */
const secretsWritable = async (d) => {
    if (!d.key || d.refused.has('secrets'))
        return [];
    try {
        await (0,secret_write/* checkWrite */.Gf)(d.api, d.target, { key: d.key, updatedAt: '' });
        return [pass('secrets-write', `${d.api.wording.token} can write the secrets of ${(0,explain/* where */._M)(d.target)}`)];
    }
    catch (err) {
        return [refusal(d, err, 'secrets-write', `write the secrets of ${(0,explain/* where */._M)(d.target)}`, 'secrets')];
    }
};
/** The token can create and delete Actions variables there, as the claims between jobs do. */
const variablesWritable = async (d) => {
    try {
        await (0,github_variables/* checkVariablesWrite */.n)(d.api, d.target, 'oauth-broker doctor: a check that the token may write variables');
        return [pass('variables-write', `${d.api.wording.token} can write the Actions variables of ${(0,explain/* where */._M)(d.target)}`)];
    }
    catch (err) {
        return [refusal(d, err, 'variables-write', `write the Actions variables of ${(0,explain/* where */._M)(d.target)}`, 'variables')];
    }
};
/**
 * The workflow --workflow names (file, path, name or id); else the likeliest rotation workflow: one
 * whose name or file is like the broker's or a rotation's, best when it names the secret.
 */
function findWorkflow(all, given, secret) {
    const live = all.filter((w) => w.state !== 'deleted');
    const file = (w) => w.path.split('/').pop() ?? w.path;
    if (given)
        return live.find((w) => [w.path, file(w), w.name, String(w.id)].includes(given));
    const squash = (s) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
    const words = secret
        .toLowerCase()
        .split('_')
        .filter((x) => x.length >= 4 && !/^(credentials|auth|token)$/.test(x));
    const score = (w) => {
        const text = squash(`${w.path} ${w.name}`);
        return ((text.includes(squash(secret)) ? 4 : 0) +
            (words.some((x) => text.includes(x)) ? 2 : 0) +
            (file(w) === ROTATION_WORKFLOW ? 1 : 0));
    };
    const candidates = live.filter((w) => /oauth-broker|rotat/i.test(`${w.path} ${w.name}`));
    return candidates.sort((a, b) => score(b) - score(a))[0];
}
/** The rotation workflow exists, is enabled, and its last completed run succeeded. */
const rotationWorkflow = async (d) => {
    const t = d.target;
    if (t.kind === 'org') {
        return [pass('workflow', `not checked for an organization secret: run doctor in the repository that rotates it`)];
    }
    const repo = `${t.owner}/${t.repo}`;
    let all;
    try {
        all = await listWorkflows(d.api, t.owner, t.repo);
    }
    catch (err) {
        return [refusal(d, err, 'workflow', `list the workflows of ${repo}`, 'actions')];
    }
    const w = findWorkflow(all, d.workflow, t.name);
    if (!w) {
        const message = d.workflow
            ? `${repo} has no workflow ${JSON.stringify(d.workflow)}`
            : `${repo} has no rotation workflow (none named ${ROTATION_WORKFLOW} or like rotate-…)`;
        return [
            fail('workflow', message, `add one (oauth-broker init writes .github/workflows/${ROTATION_WORKFLOW}), or name yours with --workflow FILE`),
        ];
    }
    const file = w.path.split('/').pop() ?? w.path;
    const gh = (verb) => `gh workflow ${verb} ${file} --repo ${repo}`;
    const findings = [];
    if (w.state === 'active')
        findings.push(pass('workflow', `the rotation workflow ${w.path} is enabled`));
    else {
        const why = w.state === 'disabled_inactivity'
            ? ' (GitHub disables scheduled workflows after 60 days without activity in a public repository)'
            : '';
        findings.push(fail('workflow', `the rotation workflow ${w.path} is disabled: ${w.state}${why}`, `enable it: ${gh('enable')}`));
    }
    const run = await lastCompletedRun(d.api, t.owner, t.repo, w);
    const when = run && ago(githubNow(d) - run.createdAt);
    if (!run) {
        findings.push(fail('workflow-run', `${w.path} has never completed a run`, `run it once: ${gh('run')}`));
    }
    else if (run.conclusion === 'success') {
        findings.push(pass('workflow-run', `the last run of ${w.path} succeeded, ${when}`));
    }
    else {
        findings.push(fail('workflow-run', `the last run of ${w.path} ended ${run.conclusion}, ${when}: ${run.htmlUrl}`, `read that run's log, whose error line says what to do; then run it again: ${gh('run')}`));
    }
    return findings;
};
/**
 * What the broker left that nothing needs (src/store/protocol.ts isLeftoverClaim, as its sweep judges):
 * the earlier format's claims (secrets), and claims made for a secret that no longer exists there, so
 * that no value names them. The claims of a secret that exists stay: only its value, which no one can
 * read, says which of them a job may still need; its own rotations remove them.
 */
const leftovers = async (d) => {
    // Which secrets exist decides everything: without them, nothing to say beyond the permission's line.
    if (d.refused.has('secrets'))
        return [];
    const secrets = await (0,secret_read/* listSecrets */.AQ)(d.api, d.target, '');
    const existing = new Set(secrets.map((s) => s.name.toUpperCase()));
    const oldSecrets = secrets.filter((s) => target/* CLAIM_NAME */.hB.test(s.name)).map((s) => s.name);
    const now = githubNow(d);
    const variables = new github_variables/* Variables */.u(d.api, d.target);
    const claims = d.refused.has('variables') ? [] : await variables.list(PREFIX);
    const of = (value) => decodeClaim(value)?.t;
    const gone = claims.filter((v) => {
        const t = of(v.value);
        return t !== undefined && !existing.has(t) && isLeftoverClaim(v, t, [], now);
    });
    const kept = claims.filter((v) => parseClaimName(v.name) && of(v.value) === d.target.name.toUpperCase()).length;
    const names = [...oldSecrets, ...gone.map((v) => v.name)];
    const besides = `beside ${(0,target/* describeTarget */.ff)(d.target)}`;
    if (names.length === 0) {
        const claims = kept === 1 ? 'claim stays' : `${kept} claims stay`;
        const own = kept ? ` (its own ${claims}: only its rotations can tell whether a job still needs one)` : '';
        return [pass('leftovers', `no leftover broker entries ${besides}${own}`)];
    }
    const list = `${names.length} leftover broker ${names.length === 1 ? 'entry' : 'entries'} in ${(0,explain/* where */._M)(d.target)}`;
    const what = [
        oldSecrets.length ? `${oldSecrets.length} earlier-version claims (secrets)` : '',
        gone.length ? `${gone.length} claims of secrets no longer there` : '',
    ]
        .filter(Boolean)
        .join(', ');
    if (!d.fix) {
        return [
            fail('leftovers', `${list}: ${what}: ${names.join(', ')}`, `remove them: oauth-broker doctor ${placeArgs(d.target)} --fix`),
        ];
    }
    for (const name of oldSecrets)
        await (0,secret_write/* deleteSecret */.e3)(d.api, d.target, name);
    // A copy's generations highest first, as the action removes them (src/store/protocol.ts generationsOf).
    const gen = (name) => parseClaimName(name)?.gen ?? 0;
    for (const v of gone.sort((a, b) => gen(b.name) - gen(a.name)))
        await variables.remove(v.name, true);
    return [pass('leftovers', `removed ${list}: ${names.join(', ')}`)];
};
const STEPS = [secretFresh, secretsWritable, variablesWritable, rotationWorkflow, leftovers];
/** The repository when none is named: the job's, else this folder's `origin` remote. */
async function defaultRepo(args, deps) {
    if ((0,verb/* option */.uK)(args, 'repo') || (0,verb/* option */.uK)(args, 'org'))
        return;
    let repo = deps.env.GITHUB_REPOSITORY;
    if (!repo) {
        const ran = await deps.run('git', ['remote', 'get-url', 'origin'], { timeoutMs: 5_000 });
        const m = /^(?:[a-z+]+:\/\/[^/]+\/|[^@/]+@[^:/]+:)([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(ran.stdout.trim());
        if (ran.code === 0 && m)
            repo = m[1];
    }
    if (!repo)
        throw new verb/* UsageError */.eb('--repo is required (or --org): this folder has no GitHub remote named origin.');
    args.values.repo = repo;
}
/** --secret, else the first of the README's names that exists there. */
async function secretName(args, api, t) {
    const given = (0,verb/* option */.uK)(args, 'secret');
    if (given) {
        try {
            return (0,target/* checkSecretName */.aM)(given, { name: '--secret' });
        }
        catch (err) {
            throw new verb/* UsageError */.eb(err.message);
        }
    }
    const there = await (0,secret_read/* listSecrets */.AQ)(api, { ...t, name: DEFAULT_SECRETS[0] }, '').catch(() => []);
    return DEFAULT_SECRETS.find((n) => there.some((s) => s.name.toUpperCase() === n)) ?? DEFAULT_SECRETS[0];
}
const doctor_verb = {
    usage: [
        'doctor [--repo O/R] [--secret NAME] [--environment E | --org O] [--workflow FILE] [--max-age D]',
        `${' '.repeat(27)}[--fix] [--json] [--api-url URL]`,
        '  Checks a setup end to end without spending anything (no refresh; no secret is read): the secret',
        '  exists and was updated within --max-age (default 2d); the token can write it and the Actions',
        "  variables jobs coordinate through (it writes the broker's own OAUTH_BROKER_WRITE_CHECK secret, as",
        '  every refresh does first, and creates and deletes a variable of that name); the rotation workflow',
        `  (--workflow FILE, else ${ROTATION_WORKFLOW} or one named like a rotation) is enabled and its last`,
        '  run succeeded; no leftover broker entries lie beside the secret (--fix removes them). One line per',
        '  check on stderr; --json: {"ok","findings"} on stdout. Exit 1 when something is wrong.',
        '  --repo defaults to the origin remote, --secret to CLAUDE_CREDENTIALS or else CODEX_AUTH. Run it',
        '  with the token the workflow uses (GH_TOKEN=… oauth-broker doctor); the workflow check needs',
        '  "Actions: Read-only" as well.',
        ...github/* GITHUB_HELP */.C,
    ].join('\n'),
    options: {
        ...github/* PLACE_OPTIONS */.P3,
        secret: { type: 'string' },
        workflow: { type: 'string' },
        'max-age': { type: 'string' },
        fix: { type: 'boolean' },
        json: { type: 'boolean' },
    },
    async run(args, deps) {
        let maxAgeMs;
        try {
            maxAgeMs = (0,duration/* parseDuration */.E9)('--max-age', (0,verb/* option */.uK)(args, 'max-age') ?? DEFAULT_MAX_AGE);
        }
        catch (err) {
            throw new verb/* UsageError */.eb(err.message);
        }
        await defaultRepo(args, deps);
        const place = (0,github/* placeOf */.$t)(args);
        const workflow = (0,verb/* option */.uK)(args, 'workflow');
        if (workflow && place.kind === 'org')
            throw new verb/* UsageError */.eb('--workflow is for a repository (--repo), not --org.');
        const api = await (0,github/* connect */.Ng)(args, deps);
        const target = { ...place, name: await secretName(args, api, place) };
        const d = { api, target, deps, maxAgeMs, workflow, fix: args.values.fix === true, refused: new Set() };
        const json = args.values.json === true;
        const findings = [];
        try {
            for (const step of STEPS) {
                for (const f of await step(d)) {
                    findings.push(f);
                    if (!json)
                        deps.stderr(f.ok ? `✓ ${f.message}` : `✗ ${f.message}; ${f.fix?.replace(/\.$/, '')}.`);
                }
            }
        }
        catch (err) {
            // A check that could not run: --json still says so on stdout, with what was found before it.
            if (json && err instanceof errors/* UserError */.yo) {
                const stopped = { check: 'error', ok: false, message: err.message, fix: null };
                deps.stdout(`${JSON.stringify({ ok: false, findings: [...findings, stopped] })}\n`);
            }
            throw err;
        }
        const failed = findings.filter((f) => !f.ok).length;
        if (json)
            deps.stdout(`${JSON.stringify({ ok: failed === 0, findings })}\n`);
        if (failed) {
            const each = json ? "each finding's fix" : 'each ✗ line';
            throw new errors/* UserError */.yo('OB_CHECKS', `${failed} of ${findings.length} checks failed; ${each} says what to do.`);
        }
    },
};


/***/ }),

/***/ 4517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $_: () => (/* binding */ withRefreshExpiry),
/* harmony export */   hC: () => (/* binding */ refreshExpiresAt),
/* harmony export */   sJ: () => (/* binding */ OLD_COPY_AFTER_MS)
/* harmony export */ });
/* unused harmony exports stamp, claimsOf, checksSeed, sweepAgain, keyOf, writtenAt, isOldCopy */
/* harmony import */ var _checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5950);
/* harmony import */ var _marker_field_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1836);
// Every value the broker writes records when it was written (on GitHub's clock), the claims of
// the last copies and the public key it was sealed with. A job holding a copy whose marker is well
// before the target's updated_at holds an old copy, which GitHub's metadata alone tells, even once
// the claims that would stop it are gone (docs/design.md, "Old copies"). Values the broker never
// wrote (a first seed) carry none and are trusted.
// The marker also keeps when the refresh token itself expires, where a provider says so:
// every format carries the marker, so a later run sees it without any network call.



// A copy GitHub holds landed at most this long after its marker's time: each attempt at a write is
// stamped as it is sent (src/github/secret-write.ts), on a GitHub clock that lags by at most one
// answer, and lasts at most the HTTP timeout (1 min at most, src/core/env.ts); half a minute more for
// GitHub to act on a request it stopped answering. Short, because the claims of copies this young
// stay beside the secret, or are buried in the seed's claim (src/store/protocol.ts keptClaims).
const OLD_COPY_AFTER_MS = 150_000;
/** The marker's fields; none when the document has no marker of this shape. */
function markerOf(doc) {
    const m = doc[_marker_field_js__WEBPACK_IMPORTED_MODULE_1__/* .MARKER_FIELD */ .E];
    return (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(m) ? m : {};
}
/** The value with its marker's time set to `now`; a value that is not a JSON object is left as it is. */
function stamp(value, now, more = {}) {
    let doc;
    try {
        doc = JSON.parse(value);
    }
    catch {
        return value;
    }
    if (!isJsonObject(doc))
        return value;
    const { sweep: _, [CHECK_SEED]: __, ...before } = markerOf(doc);
    const marker = { ...before, written_at: new Date(now).toISOString() };
    if (more.sweep)
        marker.sweep = true;
    if (more.checkSeed)
        marker[CHECK_SEED] = true;
    if (more.claims) {
        marker.claims = more.claims.map((k) => ({
            name: k.name,
            at: new Date(k.at).toISOString(),
            ...(k.seed ? { seed: true } : {}),
            ...(k.checks ? { checks: true } : {}),
        }));
    }
    if (more.key)
        marker.key = `${more.key.key_id}:${more.key.key}`;
    return JSON.stringify({ ...doc, [MARKER_FIELD]: marker });
}
/** The claims the copy's marker names; none for a value the broker never wrote, or wrote before claims existed. */
function claimsOf(doc) {
    const c = markerOf(doc).claims;
    if (!Array.isArray(c))
        return undefined;
    const kept = [];
    for (const k of c) {
        const { name, at, seed, checks } = (isJsonObject(k) ? k : {});
        const ms = typeof at === 'string' ? Date.parse(at) : NaN;
        if (typeof name !== 'string' || !/^OAUTH_BROKER_\w{1,200}$/.test(name) || !Number.isFinite(ms))
            return undefined;
        kept.push({ name, at: ms, ...(seed === true ? { seed: true } : {}), ...(checks === true ? { checks: true } : {}) });
    }
    return kept;
}
const CHECK_SEED = 'check_seed';
/** Whether a job holding this copy reads the seed's claim before presenting it (Stamp.checkSeed). */
function checksSeed(doc) {
    return markerOf(doc)[CHECK_SEED] === true;
}
/** Whether this copy's writer asks the next writer to sweep leftovers again (src/action/sweep.ts). */
function sweepAgain(doc) {
    return markerOf(doc).sweep === true;
}
/** The public key the broker last sealed this value with, if recorded. */
function keyOf(doc) {
    const m = /^([^:]{1,100}):([A-Za-z0-9+/]{43}=)$/.exec(String(markerOf(doc).key ?? ''));
    return m ? { key_id: m[1], key: m[2] } : undefined;
}
/** An ISO field of the marker, epoch ms; undefined when absent or unreadable. */
function instantOf(doc, field) {
    const at = markerOf(doc)[field];
    const ms = typeof at === 'string' ? Date.parse(at) : NaN;
    return Number.isFinite(ms) ? ms : undefined;
}
/** When the broker wrote this document, epoch ms; undefined for one it never wrote. */
function writtenAt(doc) {
    return instantOf(doc, 'written_at');
}
/** Whether the target was written again long after this copy was: its refresh token is then spent. */
function isOldCopy(doc, targetUpdatedAt) {
    const at = writtenAt(doc);
    return at !== undefined && Date.parse(targetUpdatedAt) > at + OLD_COPY_AFTER_MS;
}
const REFRESH_EXPIRES_AT = 'refresh_expires_at';
/** When the stored refresh token itself expires, epoch ms, as the provider said; undefined when it did not. */
function refreshExpiresAt(doc) {
    return instantOf(doc, REFRESH_EXPIRES_AT);
}
/** The document with the refresh token's expiry recorded in its marker, or removed from it (`at` undefined). */
function withRefreshExpiry(doc, at) {
    const { [REFRESH_EXPIRES_AT]: _, ...rest } = markerOf(doc);
    if (at !== undefined)
        return { ...doc, [_marker_field_js__WEBPACK_IMPORTED_MODULE_1__/* .MARKER_FIELD */ .E]: { ...rest, [REFRESH_EXPIRES_AT]: new Date(at).toISOString() } };
    if (!(_marker_field_js__WEBPACK_IMPORTED_MODULE_1__/* .MARKER_FIELD */ .E in doc) || !(0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(doc[_marker_field_js__WEBPACK_IMPORTED_MODULE_1__/* .MARKER_FIELD */ .E]))
        return doc;
    return { ...doc, [_marker_field_js__WEBPACK_IMPORTED_MODULE_1__/* .MARKER_FIELD */ .E]: rest };
}


/***/ }),

/***/ 8997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gf: () => (/* binding */ checkWrite),
/* harmony export */   e3: () => (/* binding */ deleteSecret),
/* harmony export */   pV: () => (/* binding */ putSealedValue),
/* harmony export */   y8: () => (/* binding */ seedSecret)
/* harmony export */ });
/* unused harmony export writeSecret */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_marker_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4517);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8943);
/* harmony import */ var _explain_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9576);
/* harmony import */ var _public_key_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5072);
/* harmony import */ var _seal_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7286);
/* harmony import */ var _secret_endpoints_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9404);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3738);
// Writing a secret: the rotated credentials back, a first value (the CLI's seed), the check
// that the token may write at all, and deleting what the broker made.








/** PUTs a sealed value as it is: 201 created, 204 updated; GitHub's refusal unexplained (a GitHubHttpError). */
async function putSealedValue(api, t, sealed, access) {
    return (await (0,_secret_endpoints_js__WEBPACK_IMPORTED_MODULE_6__/* .secretEndpoints */ .B)(api, t).put(t.name, sealed, access)).status;
}
/** Seals the value and PUTs it; 201 created, 204 updated. The key may have rotated: fetched again once. */
async function putSealed(api, t, pre, name, value, access, doing = `write ${(0,_target_js__WEBPACK_IMPORTED_MODULE_7__/* .describeTarget */ .ff)({ ...t, name })}`, 
/** The value as sealed with that key (a value that records its key). */
valueFor = () => value) {
    const sealAndPut = async (key) => {
        const seal = async () => ({
            encrypted_value: await (0,_seal_js__WEBPACK_IMPORTED_MODULE_5__/* .sealForGitHub */ .oH)(valueFor(key), key.key),
            key_id: key.key_id,
        });
        return (await (0,_secret_endpoints_js__WEBPACK_IMPORTED_MODULE_6__/* .secretEndpoints */ .B)(api, t).put(name, await seal(), access, seal)).status;
    };
    try {
        return await sealAndPut(pre.key);
    }
    catch (err) {
        if (!(err instanceof _api_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubHttpError */ .I && err.status === 422))
            throw (0,_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .explain */ .WE)(err, t, doing, api.wording);
        const fresh = await (0,_public_key_js__WEBPACK_IMPORTED_MODULE_4__/* .readPublicKey */ .R)(api, t);
        if (fresh.key_id === pre.key.key_id)
            throw (0,_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .explain */ .WE)(err, t, doing, api.wording);
        pre.key = fresh;
        try {
            return await sealAndPut(fresh);
        }
        catch (again) {
            throw (0,_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .explain */ .WE)(again, t, doing, api.wording);
        }
    }
}
/**
 * Seals the value with the secret's public key and stores it, marked with when it was written on
 * GitHub's clock (so any job can tell an old copy from the metadata), the claims of the newest copies
 * and the key. Each attempt is stamped as it is sent: the copy that lands was written at most one
 * attempt before (src/core/marker.ts, OLD_COPY_AFTER_MS). The one place a value the broker writes is
 * shaped. Returns the value as stored: the copy a holder of it has (the credential proxy refreshes it later).
 */
async function writeSecret(api, t, pre, value, more = {}) {
    let stored = value;
    const stamped = (key) => (stored = stamp(value, api.githubNow() ?? api.now(), { ...more, key }));
    await putSealed(api, t, pre, t.name, value, pre, undefined, stamped);
    return stored;
}
/**
 * Proves the token may write secrets there, before anything is spent: GitHub has no way to ask a
 * fine-grained token what it may do, and a write is the only test. The value is random and means
 * nothing; the secret is the one the broker leaves beside the targets of a place.
 */
async function checkWrite(api, t, pre) {
    const doing = `write secrets of ${(0,_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .where */ ._M)(t)} (a check before the refresh)`;
    await putSealed(api, t, pre, _target_js__WEBPACK_IMPORTED_MODULE_7__/* .WRITE_CHECK */ .lb, (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString('hex'), { visibility: 'selected' }, doing);
}
/** Deletes a secret the broker made; absent already is fine. */
async function deleteSecret(api, t, name) {
    try {
        await (0,_secret_endpoints_js__WEBPACK_IMPORTED_MODULE_6__/* .secretEndpoints */ .B)(api, t).remove(name);
    }
    catch (err) {
        if (err instanceof _api_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubHttpError */ .I && err.status === 404)
            return;
        throw (0,_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .explain */ .WE)(err, t, `delete ${(0,_target_js__WEBPACK_IMPORTED_MODULE_7__/* .describeTarget */ .ff)({ ...t, name })}`, api.wording);
    }
}
/**
 * Stores a first value exactly as given: no marker, since a value the broker never wrote is
 * trusted (src/core/marker.ts). 201 created, 204 updated.
 */
function seedSecret(api, t, key, value, access) {
    return putSealed(api, t, { key }, t.name, value, access);
}


/***/ }),

/***/ 4086:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ checkVariablesWrite),
/* harmony export */   u: () => (/* binding */ Variables)
/* harmony export */ });
/* harmony import */ var _core_checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5950);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8943);
/* harmony import */ var _answers_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3948);
/* harmony import */ var _explain_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9576);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3738);
// GitHub Actions variables where a secret lives: the repository, one of its environments or the
// organisation. The claims between jobs are variables (docs/design.md, "Coordination") because a create
// is create-only (409 when the name exists) and a value can be read back, which a secret's cannot.






// GitHub's largest page of variables.
const PER_PAGE = 30;
// 1,000 variables (an organisation's limit) and a bound on a server that never says it is done.
const MAX_PAGES = 40;
function endpoints(api, p) {
    const send = api.request;
    // `once`: never retried once GitHub may have acted; the caller reads the variable back instead.
    const once = { request: { once: true } };
    if (p.kind === 'repo') {
        const at = { owner: p.owner, repo: p.repo };
        return {
            // https://docs.github.com/rest/actions/variables#create-a-repository-variable
            create: (name, value) => send('POST /repos/{owner}/{repo}/actions/variables', { ...at, name, value, ...once }),
            // https://docs.github.com/rest/actions/variables#get-a-repository-variable
            get: (name) => send('GET /repos/{owner}/{repo}/actions/variables/{name}', { ...at, name }),
            // https://docs.github.com/rest/actions/variables#update-a-repository-variable
            update: (name, value, again) => send('PATCH /repos/{owner}/{repo}/actions/variables/{name}', { ...at, name, value, request: { again } }),
            // https://docs.github.com/rest/actions/variables#delete-a-repository-variable
            remove: (name, o) => send('DELETE /repos/{owner}/{repo}/actions/variables/{name}', { ...at, name, ...(o ? once : {}) }),
            // https://docs.github.com/rest/actions/variables#list-repository-variables
            list: (page) => send('GET /repos/{owner}/{repo}/actions/variables', { ...at, per_page: PER_PAGE, page }),
        };
    }
    if (p.kind === 'env') {
        const at = { owner: p.owner, repo: p.repo, environment_name: p.environment };
        return {
            // https://docs.github.com/rest/actions/variables#create-an-environment-variable
            create: (name, value) => send('POST /repos/{owner}/{repo}/environments/{environment_name}/variables', { ...at, name, value, ...once }),
            // https://docs.github.com/rest/actions/variables#get-an-environment-variable
            get: (name) => send('GET /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}', { ...at, name }),
            // https://docs.github.com/rest/actions/variables#update-an-environment-variable
            update: (name, value, again) => send('PATCH /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}', {
                ...at,
                name,
                value,
                request: { again },
            }),
            // https://docs.github.com/rest/actions/variables#delete-an-environment-variable
            remove: (name, o) => send('DELETE /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}', {
                ...at,
                name,
                ...(o ? once : {}),
            }),
            // https://docs.github.com/rest/actions/variables#list-environment-variables
            list: (page) => send('GET /repos/{owner}/{repo}/environments/{environment_name}/variables', {
                ...at,
                per_page: PER_PAGE,
                page,
            }),
        };
    }
    const org = p.org;
    return {
        // Visible to no repository: a claim is the broker's, not a workflow's.
        // https://docs.github.com/rest/actions/variables#create-an-organization-variable
        create: (name, value) => send('POST /orgs/{org}/actions/variables', {
            org,
            name,
            value,
            visibility: 'selected',
            selected_repository_ids: [],
            ...once,
        }),
        // https://docs.github.com/rest/actions/variables#get-an-organization-variable
        get: (name) => send('GET /orgs/{org}/actions/variables/{name}', { org, name }),
        // https://docs.github.com/rest/actions/variables#update-an-organization-variable
        update: (name, value, again) => send('PATCH /orgs/{org}/actions/variables/{name}', { org, name, value, request: { again } }),
        // https://docs.github.com/rest/actions/variables#delete-an-organization-variable
        remove: (name, o) => send('DELETE /orgs/{org}/actions/variables/{name}', { org, name, ...(o ? once : {}) }),
        // https://docs.github.com/rest/actions/variables#list-organization-variables
        list: (page) => send('GET /orgs/{org}/actions/variables', { org, per_page: PER_PAGE, page }),
    };
}
/** A variable as GitHub answers it, checked; `doing` names the request for the error line. */
function variableOf(data, doing, apiUrl) {
    const created = (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(data) && typeof data.created_at === 'string' ? Date.parse(data.created_at) : NaN;
    const updated = (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(data) && typeof data.updated_at === 'string' ? Date.parse(data.updated_at) : NaN;
    if (!(0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(data) || typeof data.name !== 'string' || typeof data.value !== 'string') {
        throw (0,_answers_js__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(doing, 'the answer is not a variable', apiUrl);
    }
    if (!Number.isFinite(created) || !Number.isFinite(updated))
        throw (0,_answers_js__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(doing, 'the answer has no dates', apiUrl);
    return { name: data.name, value: data.value, createdAt: created, updatedAt: updated };
}
/** Whether GitHub may have acted on a request that got no success answer. */
const mayHaveActed = (err) => err instanceof _api_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubHttpError */ .I && err.ambiguous;
class Variables {
    api;
    place;
    constructor(api, place) {
        this.api = api;
        this.place = place;
    }
    explain(err, doing) {
        return (0,_explain_js__WEBPACK_IMPORTED_MODULE_4__/* .explain */ .WE)(err, this.place, doing, this.api.wording, 'variables');
    }
    /**
     * Creates the variable if no variable has that name. Called once the place is known to exist,
     * so a 404 means a GitHub without Actions variables.
     */
    async create(name, value) {
        try {
            await endpoints(this.api, this.place).create(name, value);
            return 'created';
        }
        catch (err) {
            if (err instanceof _api_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubHttpError */ .I && err.status === 409)
                return 'exists';
            if (mayHaveActed(err))
                return 'unknown';
            if (err instanceof _api_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubHttpError */ .I && err.status === 404) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('OB_GITHUB', `${this.api.wording.apiUrl}: GitHub answered 404 to creating an Actions variable; the broker needs ` +
                    'GitHub.com or GitHub Enterprise Server 3.9 or later.', { cause: err, details: 'Jobs holding the same credentials coordinate through Actions variables.' });
            }
            throw this.explain(err, `create the variable ${name}`);
        }
    }
    async read(name) {
        const doing = `read the variable ${name}`;
        try {
            return variableOf((await endpoints(this.api, this.place).get(name)).data, doing, this.api.wording.apiUrl);
        }
        catch (err) {
            if (err instanceof _api_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubHttpError */ .I && err.status === 404)
                return undefined;
            throw this.explain(err, doing);
        }
    }
    /**
     * Sets the value, whoever made the variable: GitHub has no compare-and-set. `again`, when given, makes
     * the value anew for each retry (from what the variable holds by then).
     */
    async update(name, value, again) {
        const fresh = again && (async () => ({ value: await again() }));
        try {
            await endpoints(this.api, this.place).update(name, value, fresh);
        }
        catch (err) {
            throw this.explain(err, `update the variable ${name}`);
        }
    }
    /**
     * Deletes it: 'removed', 'absent', or 'unknown' when `once` and the answer was lost (a repeat
     * could delete a variable another job has made since under the same name).
     */
    async remove(name, once = false) {
        try {
            await endpoints(this.api, this.place).remove(name, once);
            return 'removed';
        }
        catch (err) {
            if (err instanceof _api_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubHttpError */ .I && err.status === 404)
                return 'absent';
            if (once && mayHaveActed(err))
                return 'unknown';
            throw this.explain(err, `delete the variable ${name}`);
        }
    }
    /** The variables whose names start with `prefix` (upper case), every page read. */
    async list(prefix) {
        const doing = 'list the variables beside the secret';
        const found = [];
        for (let page = 1, seen = 0; page <= MAX_PAGES; page++) {
            let data;
            try {
                data = (await endpoints(this.api, this.place).list(page)).data;
            }
            catch (err) {
                throw this.explain(err, doing);
            }
            const items = (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(data) && Array.isArray(data.variables) ? data.variables : undefined;
            if (!items)
                throw (0,_answers_js__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(doing, 'the answer has no list of variables', this.api.wording.apiUrl);
            for (const item of items) {
                const v = variableOf(item, doing, this.api.wording.apiUrl);
                if (v.name.toUpperCase().startsWith(prefix))
                    found.push(v);
            }
            seen += items.length;
            const total = (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(data) && Number.isSafeInteger(data.total_count) ? data.total_count : undefined;
            if (items.length < PER_PAGE || (total !== undefined && seen >= total))
                return found;
        }
        throw (0,_answers_js__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(doing, `the list did not end after ${MAX_PAGES} pages`, this.api.wording.apiUrl);
    }
}
/**
 * Proves the token may write Actions variables there, as the claims between jobs do: creates the
 * broker's check variable (not a claim's name: no job ever reads it), then removes it at once.
 */
async function checkVariablesWrite(api, p, note) {
    const variables = new Variables(api, p);
    await variables.create(_target_js__WEBPACK_IMPORTED_MODULE_5__/* .WRITE_CHECK */ .lb, note);
    await variables.remove(_target_js__WEBPACK_IMPORTED_MODULE_5__/* .WRITE_CHECK */ .lb);
}


/***/ })

};
;