export const id = 491;
export const ids = [491];
export const modules = {

/***/ 5491:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  endCliClaim: () => (/* binding */ endCliClaim),
  finishPending: () => (/* binding */ finishPending),
  storeForCli: () => (/* binding */ storeForCli)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/core/env.ts
var env = __webpack_require__(7790);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(1065);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(7406);
// EXTERNAL MODULE: ./src/core/neutral.ts
var neutral = __webpack_require__(3438);
// EXTERNAL MODULE: ./src/github/api.ts + 1 modules
var github_api = __webpack_require__(6608);
// EXTERNAL MODULE: ./src/github/answers.ts
var answers = __webpack_require__(6141);
// EXTERNAL MODULE: ./src/core/marker.ts
var marker = __webpack_require__(2667);
// EXTERNAL MODULE: ./src/github/seal.ts
var seal = __webpack_require__(7672);
// EXTERNAL MODULE: ./src/github/target.ts
var github_target = __webpack_require__(8408);
;// CONCATENATED MODULE: ./src/github/secrets.ts







// The post step loads this module alone, so it brings the client along.

function endpoints(api, t) {
    const a = api.rest.actions;
    const request = (once) => ({ request: { once } });
    const none = () => {
        throw new Error('only organisation secrets have selected repositories');
    };
    if (t.kind === 'repo') {
        const at = { owner: t.owner, repo: t.repo };
        return {
            publicKey: () => a.getRepoPublicKey(at),
            get: (name) => a.getRepoSecret({ ...at, secret_name: name }),
            put: (name, sealed, _, once) => a.createOrUpdateRepoSecret({ ...at, secret_name: name, ...sealed, ...request(once) }),
            remove: (name) => a.deleteRepoSecret({ ...at, secret_name: name }),
            list: () => a.listRepoSecrets({ ...at, per_page: 100 }),
            selectedRepositories: none,
        };
    }
    if (t.kind === 'env') {
        const at = { owner: t.owner, repo: t.repo, environment_name: t.environment };
        return {
            publicKey: () => a.getEnvironmentPublicKey(at),
            get: (name) => a.getEnvironmentSecret({ ...at, secret_name: name }),
            put: (name, sealed, _, once) => a.createOrUpdateEnvironmentSecret({ ...at, secret_name: name, ...sealed, ...request(once) }),
            remove: (name) => a.deleteEnvironmentSecret({ ...at, secret_name: name }),
            list: () => a.listEnvironmentSecrets({ ...at, per_page: 100 }),
            selectedRepositories: none,
        };
    }
    const org = t.org;
    return {
        publicKey: () => a.getOrgPublicKey({ org }),
        get: (name) => a.getOrgSecret({ org, secret_name: name }),
        put: (name, sealed, access, once) => a.createOrUpdateOrgSecret({
            org,
            secret_name: name,
            ...sealed,
            visibility: access.visibility ?? 'private',
            ...(access.visibility === 'selected' ? { selected_repository_ids: access.selectedRepositoryIds ?? [] } : {}),
            ...request(once),
        }),
        remove: (name) => a.deleteOrgSecret({ org, secret_name: name }),
        list: () => a.listOrgSecrets({ org, per_page: 100 }),
        selectedRepositories: (name, page) => a.listSelectedReposForOrgSecret({ org, secret_name: name, per_page: 100, page }),
    };
}
function where(t) {
    if (t.kind === 'repo')
        return `repository ${t.owner}/${t.repo}`;
    if (t.kind === 'env')
        return `environment ${t.environment} of ${t.owner}/${t.repo}`;
    return `organization ${t.org}`;
}
function permission(t) {
    if (t.kind === 'repo')
        return 'repository permission "Secrets: Read and write"';
    if (t.kind === 'env')
        return 'repository permission "Environments: Read and write"';
    return 'organization permission "Secrets: Read and write"';
}
/** The permission, in as few words as the error line can take. */
function permissionShort(t) {
    if (t.kind === 'env')
        return '"Environments: Read and write"';
    return `${t.kind === 'org' ? 'organization ' : ''}"Secrets: Read and write"`;
}
// The error line quotes at most this much of GitHub's message; the lines after it, the whole.
const QUOTED_CHARS = 60;
/**
 * Turns a GitHub failure into an error line naming the setting (as `w` calls it), what happened
 * and the fix, with where the secret is and GitHub's whole message in the lines after it.
 */
function explain(err, t, doing, w = github_target/* ACTION_WORDING */.Ge) {
    if (!(err instanceof github_api/* GitHubHttpError */.I))
        return err;
    if (err.status >= 200 && err.status < 400)
        return (0,answers/* malformed */.Qm)(doing, `${err.githubMessage} (HTTP ${err.status})`, w.apiUrl);
    const message = (0,neutral/* neutral */.SY)(err.githubMessage, QUOTED_CHARS);
    const answered = err.status ? `GitHub answered ${err.status}` : 'GitHub could not be reached';
    const said = `${answered}${err.status ? ' ' : ': '}${message}`;
    const fail = (input, fix, more = []) => {
        const full = `${input}: could not ${doing}: ${said}; ${fix}.`;
        const quoted = full.length <= errors/* MAX_ERROR_LINE */.lb;
        const label = err.status ? "GitHub's message" : 'Why';
        const whole = quoted && message === err.githubMessage ? [] : [`${label}: ${err.githubMessage}`];
        const secret = 'name' in t ? [`The secret: ${(0,github_target/* describeTarget */.ff)(t)}.`] : [];
        return new errors/* UserError */.yo(quoted ? full : `${input}: could not ${doing}: ${answered}; ${fix}.`, {
            cause: err,
            details: [...secret, ...whole, ...more],
        });
    };
    switch (err.status) {
        case 0:
            return fail(w.apiUrl, `check ${w.apiUrl} and ${w.network}`);
        case 401:
            return fail(w.token, 'the token is invalid or expired; create a new one', [
                `It needs the ${permission(t)} on ${where(t)}.`,
            ]);
        case 403:
            if (/by integration/i.test(err.githubMessage)) {
                return fail(w.token, "use a fine-grained PAT, not the job's GITHUB_TOKEN", [
                    errors/* GITHUB_TOKEN_CANNOT */.iB,
                    `The permission needed: the ${permission(t)} on ${where(t)}.`,
                ]);
            }
            return fail(w.token, `give it the permission ${permissionShort(t)}`, [
                `It needs the ${permission(t)} on ${where(t)}.`,
            ]);
        case 404:
            return fail(w.place[t.kind], `check the name, and that ${w.token} has access to it`);
        default:
            return fail(w.apiUrl, 'run again later', [`If this persists, check that ${w.apiUrl} is GitHub's API.`]);
    }
}
/** The public key the secrets of that place are sealed with. */
async function readPublicKey(api, p) {
    const doing = `read the public key of ${where(p)}`;
    return (0,answers/* publicKeyOf */.kc)((await call(api, p, doing, () => endpoints(api, p).publicKey())).data, doing, api.wording.apiUrl);
}
async function call(api, t, doing, send) {
    try {
        return await send();
    }
    catch (err) {
        throw explain(err, t, doing, api.wording);
    }
}
/** A secret beside the target (the target itself by default). */
async function readMetadata(api, t, name = t.name) {
    const { data } = await endpoints(api, t).get(name);
    return (0,answers/* metadataOf */.Nk)(data, `read ${(0,github_target/* describeTarget */.ff)({ ...t, name })}`, api.wording.apiUrl);
}
/** The secret's `updated_at` now: after a write of ours, so a later rescue compares against it. */
async function currentUpdatedAt(api, t) {
    try {
        return (await readMetadata(api, t)).updated_at;
    }
    catch (err) {
        throw explain(err, t, `read ${(0,github_target/* describeTarget */.ff)(t)}`, api.wording);
    }
}
/** Everything that can be checked without changing anything, before a refresh token is spent. */
async function preflight(api, t) {
    const key = await readPublicKey(api, t);
    let meta;
    try {
        meta = await readMetadata(api, t);
    }
    catch (err) {
        if (err instanceof github_api/* GitHubHttpError */.I && err.status === 404) {
            throw new errors/* UserError */.yo(`${api.wording.name}: ${(0,github_target/* describeTarget */.ff)(t)} does not exist; ` +
                'create it with the credentials first (README: First login).', {
                cause: err,
                details: 'Pass that same secret as credentials; otherwise the stored credentials the workflow reads ' +
                    'would silently go stale.',
            });
        }
        throw explain(err, t, `read ${(0,github_target/* describeTarget */.ff)(t)}`, api.wording);
    }
    const pre = { key, updatedAt: meta.updated_at };
    return t.kind === 'org' ? { ...pre, ...(await accessOf(api, t, meta)) } : pre;
}
/** Who may use an organisation secret, from its metadata and, when selected, its list of repositories. */
async function accessOf(api, t, meta) {
    const visibility = meta.visibility ?? 'private';
    if (visibility !== 'selected')
        return { visibility };
    return { visibility, selectedRepositoryIds: await selectedRepositories(api, t) };
}
/** Who may use an organisation secret now, kept when a new value is stored; undefined when it does not exist. */
async function existingAccess(api, t) {
    let meta;
    try {
        meta = await readMetadata(api, t);
    }
    catch (err) {
        if (err instanceof GitHubHttpError && err.status === 404)
            return undefined;
        throw explain(err, t, `read ${describeTarget(t)}`, api.wording);
    }
    return accessOf(api, t, meta);
}
// 100 pages of 100: more repositories than an organisation selects, and a bound on a
// server that never says it is done.
const MAX_PAGES = 100;
async function selectedRepositories(api, t) {
    const doing = `list the repositories that may use ${(0,github_target/* describeTarget */.ff)(t)}`;
    const ids = new Set();
    for (let page = 1; page <= MAX_PAGES; page++) {
        const answer = await call(api, t, doing, () => endpoints(api, t).selectedRepositories(t.name, page));
        const { ids: more, total } = (0,answers/* repositoryPageOf */.jA)(answer.data, doing, api.wording.apiUrl);
        for (const id of more)
            ids.add(id);
        // Done at the total when GitHub states it (a page may be shorter than asked), else at a short page.
        if (more.length === 0 || (total !== undefined ? ids.size >= total : more.length < 100))
            return [...ids];
    }
    // Writing a partial list would take the secret away from the repositories left out.
    throw (0,answers/* malformed */.Qm)(doing, `the list did not end after ${MAX_PAGES} pages`, api.wording.apiUrl);
}
/** PUTs a sealed value as it is: 201 created, 204 updated; GitHub's refusal unexplained (a GitHubHttpError). */
async function putSealedValue(api, t, sealed, access) {
    return (await endpoints(api, t).put(t.name, sealed, access, false)).status;
}
/** Seals the value and PUTs it; 201 created, 204 updated. The key may have rotated: fetched again once. */
async function putSealed(api, t, pre, name, value, access, once, doing = `write ${(0,github_target/* describeTarget */.ff)({ ...t, name })}`) {
    const put = async (key) => {
        const sealed = { encrypted_value: await (0,seal/* sealForGitHub */.o)(value, key.key), key_id: key.key_id };
        return (await endpoints(api, t).put(name, sealed, access, once)).status;
    };
    try {
        return await put(pre.key);
    }
    catch (err) {
        if (!(err instanceof github_api/* GitHubHttpError */.I && err.status === 422))
            throw explain(err, t, doing, api.wording);
        const fresh = await readPublicKey(api, t);
        if (fresh.key_id === pre.key.key_id)
            throw explain(err, t, doing, api.wording);
        pre.key = fresh;
        try {
            return await put(fresh);
        }
        catch (again) {
            throw explain(again, t, doing, api.wording);
        }
    }
}
/** Seals the value with the secret's public key and stores it. */
async function writeSecret(api, t, pre, value) {
    // Marked with when it was written, so any job can tell an old copy from the metadata.
    await putSealed(api, t, pre, t.name, (0,marker/* stamp */.iE)(value, api.now()), pre, false);
}
/**
 * Stores a first value exactly as given: no marker, since a value the broker never wrote is
 * trusted (src/core/marker.ts). 201 created, 204 updated.
 */
function seedSecret(api, t, key, value, access) {
    return putSealed(api, t, { key }, t.name, value, access, false);
}
/**
 * The secrets the broker keeps beside the target (claims, docs/design.md): same place, same
 * permission, so every job that can write the target sees them, on any ref, in any repository,
 * on GitHub Enterprise Server too. Organisation ones are visible to no repository.
 */
class SecretsBeside {
    api;
    t;
    pre;
    constructor(api, t, pre) {
        this.api = api;
        this.t = t;
        this.pre = pre;
    }
    /** The public key to seal with: absent when the preflight itself failed. */
    key() {
        if (!this.pre)
            throw new errors/* UserError */.yo(`${this.api.wording.apiUrl}: the public key of ${(0,github_target/* describeTarget */.ff)(this.t)} could not be read.`);
        return this.pre;
    }
    /** Creates the secret if absent: true when this request created it, false when it existed. */
    async create(name, value) {
        const doing = `claim the refresh beside secret ${this.t.name}`;
        const status = await putSealed(this.api, this.t, this.key(), name, value, { visibility: 'selected' }, true, doing);
        return status === 201;
    }
    async mark(name, value) {
        const doing = `settle the claim beside secret ${this.t.name}`;
        await putSealed(this.api, this.t, this.key(), name, value, { visibility: 'selected' }, false, doing);
    }
    async targetUpdatedAt() {
        return instant(await currentUpdatedAt(this.api, this.t));
    }
    /** When it was created, epoch ms; undefined when absent. */
    async createdAt(name) {
        try {
            return instant((await readMetadata(this.api, this.t, name)).created_at);
        }
        catch (err) {
            if (err instanceof github_api/* GitHubHttpError */.I && err.status === 404)
                return undefined;
            throw explain(err, this.t, `read ${(0,github_target/* describeTarget */.ff)({ ...this.t, name })}`, this.api.wording);
        }
    }
    async remove(name) {
        try {
            await endpoints(this.api, this.t).remove(name);
        }
        catch (err) {
            if (err instanceof github_api/* GitHubHttpError */.I && err.status === 404)
                return;
            throw explain(err, this.t, `delete ${(0,github_target/* describeTarget */.ff)({ ...this.t, name })}`, this.api.wording);
        }
    }
    /** Names starting with `prefix` and when they were created: the first page (100), enough to prune. */
    async list(prefix) {
        const doing = `list the secrets beside ${this.t.name}`;
        const answer = await call(this.api, this.t, doing, () => endpoints(this.api, this.t).list());
        const data = answer.data;
        const found = [];
        for (const s of Array.isArray(data?.secrets) ? data.secrets : []) {
            if (typeof s?.name !== 'string' || typeof s.created_at !== 'string' || !s.name.startsWith(prefix))
                continue;
            found.push({ name: s.name, createdAt: instant(s.created_at) });
        }
        return found;
    }
}
/** GitHub's timestamps; an unreadable one is GitHub's fault, named as such. */
function instant(iso) {
    const ms = typeof iso === 'string' ? Date.parse(iso) : NaN;
    if (!Number.isFinite(ms))
        throw new errors/* UserError */.yo('github-api-url: GitHub answered a secret without a valid timestamp; is this a GitHub API URL?');
    return ms;
}

// EXTERNAL MODULE: external "node:async_hooks"
var external_node_async_hooks_ = __webpack_require__(6698);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/store/cache-backend.ts
// The shared store's storage: the Actions cache through @actions/cache (service v2).
// Entries are immutable and the first reservation of a key wins, which is the lock.



// The cache version hashes the path list, so every job must name the same path: a
// relative one (to GITHUB_WORKSPACE) is the same string on every runner and OS.
const DIR = '.oauth-broker-store';
const FILE = `${DIR}/entry`;
/**
 * Why the shared store cannot run here, or undefined when it can. It needs cache service
 * v2 (github.com, GHE.com), the only one whose "already reserved" answer is known and
 * tested; GHES serves v1, where the broker runs without coordination.
 */
function cacheAvailable(env) {
    const host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname.toLowerCase();
    const ghes = host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost');
    if (ghes)
        return 'GitHub Enterprise Server offers cache service v1 only, and the shared store needs v2';
    if (!env.ACTIONS_CACHE_SERVICE_V2 || !env.ACTIONS_RESULTS_URL || !env.ACTIONS_RUNTIME_TOKEN) {
        return ('this runner has no Actions cache service v2 ' +
            '(ACTIONS_CACHE_SERVICE_V2, ACTIONS_RESULTS_URL or ACTIONS_RUNTIME_TOKEN unset)');
    }
    return undefined;
}
// The cache call a write comes from: kept through the library's own callbacks and
// timers, so what it prints after the call was abandoned at its timeout is caught too.
const callOf = new external_node_async_hooks_.AsyncLocalStorage();
let guarded = false;
/** Routes stdout and stderr writes made inside a cache call to that call's log: never to the step's. */
function guardStreams() {
    if (guarded)
        return;
    guarded = true;
    for (const stream of [process.stdout, process.stderr]) {
        const write = stream.write.bind(stream);
        stream.write = ((chunk, ...rest) => {
            const call = callOf.getStore();
            if (!call)
                return write(chunk, ...rest);
            call.log += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
            const cb = rest.find((r) => typeof r === 'function');
            cb?.();
            return true;
        });
    }
}
/**
 * Runs a call of @actions/cache with its log captured: the library reports both
 * "another job reserved this key" and "the service failed" as a -1, and only its
 * log tells them apart. Its log also holds signed URLs, so it is never printed, not
 * even when the library writes after the call was given up.
 */
async function captured(fn) {
    guardStreams();
    const call = { log: '' };
    return { value: await callOf.run(call, fn), log: call.log };
}
/** Bounds a cache call: the library sets no timeout on its service requests. */
function within(ms, p) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms} ms`), { name: 'TimeoutError' })), ms);
    });
    return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
function actionsCacheBackend(env, debug, timeoutMs) {
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const dir = (0,external_node_path_.join)(workspace, DIR);
    const file = (0,external_node_path_.join)(workspace, FILE);
    const cache = __webpack_require__.e(/* import() */ 139).then(__webpack_require__.bind(__webpack_require__, 139));
    // @actions/cache reads the runner's variables from process.env.
    const clean = () => (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    return {
        async create(key, data) {
            const { saveCache } = await cache;
            (0,external_node_fs_.mkdirSync)(dir, { recursive: true, mode: 0o700 });
            (0,external_node_fs_.writeFileSync)(file, data, { mode: 0o600 });
            try {
                const { value, log } = await captured(() => within(timeoutMs, saveCache([FILE], key, undefined, true)));
                if (value !== -1)
                    return 'saved';
                // The twirp client's message for the service's 409 "already exists".
                const taken = /Failed to reserve cache: .*\(409\)/.test(log);
                debug(`shared store: ${key} ${taken ? 'already reserved by another job' : 'could not be saved'}`);
                return taken ? 'taken' : 'failed';
            }
            catch (err) {
                debug(`shared store: saving ${key} failed: ${err.name}`);
                return 'failed';
            }
            finally {
                clean();
            }
        },
        async read(keys) {
            const { restoreCache } = await cache;
            clean();
            try {
                const { value: hit } = await captured(() => within(timeoutMs, restoreCache([FILE], keys[0], keys.slice(1), { timeoutInMs: timeoutMs }, true)));
                // A restore key matches by prefix; only exact keys count.
                if (!hit || !keys.includes(hit))
                    return undefined;
                return { key: hit, data: (0,external_node_fs_.readFileSync)(file) };
            }
            catch (err) {
                debug(`shared store: reading ${keys[0]} failed: ${err.name}`);
                return undefined;
            }
            finally {
                clean();
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/store/seal.ts
// Names and seals shared-store entries with keys derived from the refresh token they
// succeed: a reader of the cache without the secret learns neither the token nor the
// entry (docs/design.md, "The shared store"). HKDF-SHA256 (HMAC-based) names and keys; XChaCha20-Poly1305 seals.

const SALT = 'oauth-broker shared store v1';
function derive(refreshToken, info, bytes) {
    return Buffer.from((0,external_node_crypto_.hkdfSync)('sha256', refreshToken, SALT, info, bytes));
}
/** A keyed hash of the refresh token: names its entries, reveals nothing of it. */
function entryId(refreshToken) {
    return derive(refreshToken, 'entry id', 16).toString('hex');
}
async function sodium() {
    const { default: s } = await __webpack_require__.e(/* import() */ 304).then(__webpack_require__.bind(__webpack_require__, 8304));
    await s.ready;
    return s;
}
/** nonce ‖ ciphertext; the cache key is bound as associated data, so entries cannot be swapped. */
async function sealEntry(refreshToken, cacheKey, payload) {
    const s = await sodium();
    const key = derive(refreshToken, 'entry key', s.crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    const nonce = s.randombytes_buf(s.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    const ct = s.crypto_aead_xchacha20poly1305_ietf_encrypt(JSON.stringify(payload), cacheKey, null, nonce, key);
    return Buffer.concat([nonce, ct]);
}
/** The payload, or undefined when the entry was not sealed for this refresh token and key. */
async function openEntry(refreshToken, cacheKey, data) {
    const s = await sodium();
    const key = derive(refreshToken, 'entry key', s.crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    const n = s.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    if (data.length <= n)
        return undefined;
    try {
        const pt = s.crypto_aead_xchacha20poly1305_ietf_decrypt(null, data.subarray(n), cacheKey, data.subarray(0, n), key);
        return JSON.parse(Buffer.from(pt).toString('utf8'));
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/store/shared.ts


/** The successor that `next` makes, obtained `now`. */
function successorOf(next, now) {
    return {
        kind: 'next',
        // Empty when the provider rotated without a usable access token: nothing is shared then.
        accessToken: next.accessToken ?? '',
        expiresAt: next.expiresAt,
        scopes: next.scopes,
        idToken: next.idToken,
        at: new Date(now).toISOString(),
    };
}
// A recovery lock whose holder aborted is retried under the next generation; a handful is
// plenty, each costs a failed attempt.
const GENERATIONS = 5;
function keys(copy, purpose) {
    const id = entryId(copy);
    const [done, lock, abort] = purpose === 'refresh' ? ['next', 'lock', 'abort'] : ['recovered', 'recover', 'recover-abort'];
    return {
        done: `oauth-broker-v1-${done}-${id}`,
        lock: (gen) => `oauth-broker-v1-${lock}-${id}-g${gen}`,
        abort: (gen) => `oauth-broker-v1-${abort}-${id}-g${gen}`,
    };
}
function isEntry(v) {
    if (!v || typeof v !== 'object')
        return false;
    const e = v;
    if (e.kind === 'next')
        return typeof e.accessToken === 'string';
    if (e.kind === 'abort')
        return typeof e.message === 'string';
    return e.kind === 'recovered';
}
class SharedStore {
    backend;
    deps;
    constructor(backend, deps) {
        this.backend = backend;
        this.deps = deps;
    }
    async read(copy, wanted) {
        const hit = await this.backend.read(wanted);
        if (!hit)
            return undefined;
        const payload = await openEntry(copy, hit.key, hit.data);
        return isEntry(payload) ? payload : undefined;
    }
    /** The successor of this refresh token, if a job already spent it. */
    async successor(copy) {
        const found = await this.read(copy, [keys(copy, 'refresh').done]);
        return found?.kind === 'next' ? found : undefined;
    }
    /** Reserves writing this copy's rescue to the secret; the first job to reserve it wins. */
    async acquire(copy) {
        const k = keys(copy, 'recover');
        for (let gen = 0; gen < GENERATIONS; gen++) {
            const key = k.lock(gen);
            const result = await this.backend.create(key, await sealEntry(copy, key, { kind: 'lock', at: new Date(this.deps.now()).toISOString() }));
            if (result === 'saved')
                return { state: 'owner', gen };
            if (result === 'failed')
                return { state: 'unavailable' };
            const abort = await this.read(copy, [k.abort(gen)]);
            if (abort?.kind !== 'abort')
                return { state: 'contended', gen };
            if (!this.mayRetry(abort))
                return { state: 'aborted', abort };
        }
        return { state: 'contended', gen: GENERATIONS - 1 };
    }
    /**
     * Waits until the work is done (or, with a lock generation, until its holder aborts)
     * or the timeout passes; undefined when nothing came.
     */
    async wait(copy, purpose, gen, timeoutMs) {
        const k = keys(copy, purpose);
        const wanted = gen === undefined ? [k.done] : [k.done, k.abort(gen)];
        const start = this.deps.now();
        for (;;) {
            const found = await this.read(copy, wanted);
            if (found)
                return found;
            const waited = this.deps.now() - start;
            if (waited >= timeoutMs)
                return undefined;
            this.deps.info(`waiting for another job's ${purpose === 'refresh' ? 'refresh' : 'recovery'}… ${(0,duration/* formatDuration */.a3)(waited)}`);
            await this.deps.sleep(Math.min(this.deps.pollMs, timeoutMs - waited));
        }
    }
    /**
     * Whether a later lock generation may act where the aborted holder did not finish.
     * Surely unsent: yes. Perhaps sent (a timeout): only a later run, never the jobs of
     * the same wave, so the token is not retried blindly; if the provider did rotate it,
     * that login is already lost, and the retry costs nothing but an invalid_grant.
     */
    mayRetry(abort) {
        return abort.spent === 'no' || (abort.spent === 'unknown' && Date.parse(abort.at) < this.deps.startedAt);
    }
    /** Marks the work done: the successor of a spent token, or a finished recovery. */
    async done(copy, entry) {
        const key = keys(copy, entry.kind === 'next' ? 'refresh' : 'recover').done;
        return (await this.backend.create(key, await sealEntry(copy, key, entry))) === 'saved';
    }
    async abort(copy, gen, abort) {
        const key = keys(copy, 'recover').abort(gen);
        await this.backend.create(key, await sealEntry(copy, key, { kind: 'abort', at: new Date(this.deps.now()).toISOString(), ...abort }));
    }
}

;// CONCATENATED MODULE: ./src/store/coordination.ts
// The protocol between jobs that hold the same credentials (docs/design.md, "Coordination").
// A claim, a secret created beside the target, decides the one job that presents a refresh
// token: every job that can write the target sees it, on any ref, in any repository, on GHES.
// The shared store (Actions cache, per ref) hands that job's result to the others it can
// reach, and keeps what the secret could not take. Nothing here spends a token.









const PREFIX = 'OAUTH_BROKER_';
// Takeovers of dead holders; each comes only after a lease, so five is hours of failures.
const MAX_GENERATIONS = 5;
// A claim should outlive every copy that could still present its token (a job waits up to 24 h
// in the queue, longer for an environment's approval), yet never crowd GitHub's limit on secrets:
// the claims of the 30 newest copies stay, if under 7 days old; the others go, a few per run
// (docs/design.md, "Pruning").
const PRUNE_AGE_MS = 7 * 86_400_000;
const KEEP_NEWEST = 30;
const MAX_DELETES = 10;
// How long a job waits for the result of a settled claim: the write-back takes about a second.
const SETTLED_WAIT_MS = 30_000;
// GitHub stamps created_at and updated_at in whole seconds: a write sent this long after the
// claim's answer arrived is stamped in a later second than the claim (a little over 1 s, for
// timers and clocks that count whole milliseconds).
const NEXT_STAMP_MS = 1_010;
/** Names a copy by a keyed hash: the same for every job holding it, revealing nothing of it. */
function copyId(c) {
    const ikm = `${c.refreshToken}\n${c.accessToken ?? ''}`;
    return Buffer.from((0,external_node_crypto_.hkdfSync)('sha256', ikm, 'oauth-broker claim v1', 'claim id', 10))
        .toString('hex')
        .toUpperCase();
}
function ticketFor(copy, gen) {
    const claim = `${PREFIX}${copyId(copy)}_${gen}`;
    return { copy, claim, settled: `${claim}_S` };
}
const at = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
class Coordination {
    d;
    constructor(d) {
        this.d = d;
    }
    /** The store's key material for a copy: the copy itself and the binding. */
    material(c) {
        return `${c.refreshToken}\n${c.accessToken ?? ''}\n${this.d.binding}`;
    }
    /** What another job left in the store for this copy: its successor, or rescued credentials. */
    async left(copy) {
        return this.d.store?.successor(this.material(copy));
    }
    /**
     * Reserves the one presentation of the copy's refresh token, or returns the result of the
     * job that made it. Throws, saying why and what to do, when this job can have neither.
     */
    async reserve(copy) {
        for (let gen = 0, retried = 0; gen < MAX_GENERATIONS;) {
            const ticket = ticketFor(copy, gen);
            if (await this.d.beside.create(ticket.claim, (0,external_node_crypto_.randomBytes)(16).toString('hex'))) {
                return { kind: 'owner', ticket: { ...ticket, claimedAt: this.d.monotonic() } };
            }
            const holder = await this.holder(ticket);
            if (holder.kind === 'released' && retried++ < 2)
                continue;
            if (holder.kind === 'dead') {
                this.d.info(`The job that claimed these credentials at ${at(holder.since)} never finished; taking over.`);
                gen++;
                continue;
            }
            return this.await(copy, holder);
        }
        throw new errors/* UserError */.yo(`credentials: ${MAX_GENERATIONS} jobs in a row took over this refresh token and none finished; ${errors/* RELOGIN */.FK}.`, {
            details: `The refresh token is probably spent. The secret is ${this.d.target}.`,
        });
    }
    /**
     * Claims the copy for a CLI that may present its refresh token during the job
     * (`client-refresh`): the claim if this job is first, else undefined and the CLI gets no
     * refresh token. It never waits or takes over: the job has a valid access token anyway.
     */
    async claimForCli(copy) {
        const ticket = ticketFor(copy, 0);
        return (await this.d.beside.create(ticket.claim, (0,external_node_crypto_.randomBytes)(16).toString('hex'))) ? ticket : undefined;
    }
    async holder(t) {
        const since = await this.d.beside.createdAt(t.claim);
        if (since === undefined)
            return { kind: 'released' };
        if ((await this.d.beside.createdAt(t.settled)) !== undefined)
            return { kind: 'settled' };
        // The target written after the claim: its holder got that far, even if its settle was lost.
        if ((await this.d.beside.targetUpdatedAt()) > since)
            return { kind: 'settled' };
        const expires = since + this.d.leaseMs;
        // Only a run that started after the lease ran out takes over: never the holder's own wave.
        if (this.d.now() >= expires && this.d.startedAt >= expires)
            return { kind: 'dead', since };
        return { kind: 'busy', since, expires };
    }
    /** Another job presented (or is presenting) this refresh token: take its result, or say why not. */
    async await(copy, holder) {
        const stale = new errors/* UserError */.yo(`credentials: another job already spent this refresh token, so this job holds an old copy; ${errors/* RERUN_OLD_COPY */.Nk}.`, { details: `The secret is ${this.d.target}. If that other job failed, its error says what to do.` });
        const { store } = this.d;
        if (holder.kind !== 'busy') {
            // Settled the moment the provider answered: its result follows within moments, unless
            // its holder failed or works on a ref whose cache this job cannot read.
            const wait = Math.min(this.d.lockTimeoutMs, SETTLED_WAIT_MS);
            const found = holder.kind === 'settled' ? await store?.wait(this.material(copy), 'refresh', undefined, wait) : undefined;
            if (found?.kind === 'next')
                return { kind: 'shared', successor: found };
            throw stale;
        }
        const until = `a run started after ${at(holder.expires)} may take over`;
        if (!store) {
            throw new errors/* UserError */.yo(`credentials: another job has been refreshing these credentials since ${at(holder.since)}, and without the ` +
                'shared store this job cannot receive its result; re-run it when that one is done.', { details: `If that job died, ${until}.` });
        }
        const limit = (0,duration/* formatDuration */.a3)(this.d.lockTimeoutMs);
        this.d.info(`Another job is refreshing these credentials; waiting up to lock-timeout ${limit} for its result.`);
        const found = await store.wait(this.material(copy), 'refresh', undefined, this.d.lockTimeoutMs);
        if (found?.kind === 'next')
            return { kind: 'shared', successor: found };
        throw new errors/* UserError */.yo(`lock-timeout: another job claimed the refresh of these credentials at ${at(holder.since)} and shared no ` +
            `result this job can see within ${limit}; re-run this job.`, { details: `If that job died, ${until}.` });
    }
    /**
     * The refresh failed. Surely unsent: the claim goes, and the token stays usable for anyone.
     * Spent: settled, nobody presents it again. Unknown: the claim stays until its lease runs out.
     */
    async failed(t, spent) {
        try {
            if (spent === 'no')
                await this.d.beside.remove(t.claim);
            else if (spent === 'yes')
                await this.spent(t);
        }
        catch {
            const lease = (0,duration/* formatDuration */.a3)(this.d.leaseMs);
            this.d.warning(`Could not update the claim beside ${this.d.target}; the next run waits for its lease (${lease}).`);
        }
    }
    /**
     * The provider answered: the token is spent, so the claim is settled before anything else,
     * and nobody takes over even if this job is killed before its write-back.
     */
    async spent(t) {
        await this.d.beside.mark(t.settled, (0,external_node_crypto_.randomBytes)(16).toString('hex'));
    }
    /**
     * spent(), before a write-back; never throws. When the twin cannot be written, the write-back
     * is the only sign that the holder got that far, and holder() sees it only in a later second
     * than the claim: so this returns no sooner than that second can have begun. A claim another
     * process made (`claimedAt` unknown: the post step's) waits the whole time.
     */
    async settle(t) {
        try {
            await this.spent(t);
        }
        catch {
            this.d.warning(`Could not settle the claim beside ${this.d.target}; the write-back will show it settled.`);
            const wait = t.claimedAt === undefined ? NEXT_STAMP_MS : t.claimedAt + NEXT_STAMP_MS - this.d.monotonic();
            if (wait > 0)
                await this.d.sleep(wait);
        }
    }
    /** Rotated and written: share the result, and prune claims no copy can need any more. */
    async succeeded(t, next) {
        if (this.d.store && next.accessToken && !(await this.d.store.done(this.material(t.copy), next))) {
            (0,errors/* warnWith */.D7)(this.d, 'Could not share the new access token through the Actions cache; re-run jobs that hold the old credentials.', 'Jobs holding the old credentials find the claim settled but no result to take, and fail until re-run.');
        }
        await this.prune().catch(() => undefined);
    }
    /** Rotated but not written: the credentials sealed in the store for the next run; true when kept. */
    async rescue(t, next) {
        return !!this.d.store && (await this.d.store.done(this.material(t.copy), next));
    }
    /** A CLI's claim after the job: settled when the CLI spent the token, else released for anyone. */
    async endCli(names, spent) {
        if (spent)
            await this.spent(names);
        else
            await this.d.beside.remove(names.claim);
    }
    /** Removes the oldest copies' claims with their twins, never the newest or any other secret. */
    async prune() {
        const now = this.d.now();
        const byCopy = new Map();
        for (const s of await this.d.beside.list(PREFIX)) {
            const m = github_target/* CLAIM_NAME */.hB.exec(s.name);
            if (!m)
                continue;
            const copy = byCopy.get(m[1]) ?? { names: [], createdAt: s.createdAt };
            copy.names.push(s.name);
            copy.createdAt = Math.max(copy.createdAt, s.createdAt);
            byCopy.set(m[1], copy);
        }
        const copies = [...byCopy.values()].sort((a, b) => b.createdAt - a.createdAt);
        const old = copies.filter((c, i) => i >= KEEP_NEWEST || now - c.createdAt > PRUNE_AGE_MS);
        // Oldest first, and a copy's claim with its twin.
        const names = old
            .reverse()
            .flatMap((c) => c.names)
            .slice(0, MAX_DELETES);
        for (const name of names)
            await this.d.beside.remove(name);
    }
    /**
     * Finishes the write-back another job could not do, unless the secret changed since. One job
     * writes, under the store's recovery lock; the others use the rescued access token if it is
     * fresh enough, or wait until the write landed before anyone refreshes the rescued token, so
     * a late recovery never overwrites a newer rotation. True when this job wrote.
     */
    async recover(spent, s, r) {
        const store = this.d.store;
        const key = this.material(spent);
        const write = async () => {
            if (r.secretUpdatedAt !== s.secretUpdatedAt) {
                this.d.info(`Found credentials that a job at ${(0,neutral/* neutral */.SY)(s.at, 40)} could not store; ${this.d.target} has changed since, ` +
                    'so it is left as it is.');
                return false;
            }
            await r.write();
            this.d.info(`Recovered the rotated credentials that a job at ${(0,neutral/* neutral */.SY)(s.at, 40)} could not store, and wrote them to ` +
                `${this.d.target}.`);
            return true;
        };
        const lock = await store.acquire(key);
        if (lock.state === 'unavailable')
            return write();
        if (lock.state === 'owner') {
            let wrote;
            try {
                wrote = await write();
            }
            catch (err) {
                await store.abort(key, lock.gen, { spent: 'no', message: (0,errors/* describeError */.Uc)(err, []) });
                throw err;
            }
            await store.done(key, { kind: 'recovered', at: new Date(this.d.now()).toISOString() });
            return wrote;
        }
        // Another job is writing them. Its access token is enough when fresh; else wait.
        if (r.fresh)
            return false;
        const result = lock.state === 'contended' ? await store.wait(key, 'recover', lock.gen, this.d.lockTimeoutMs) : lock.abort;
        if (result?.kind === 'recovered')
            return false;
        if (result?.kind === 'abort') {
            const why = (0,neutral/* neutral */.SY)(result.message, 1000);
            const full = `Another job could not store the rescued credentials: ${why} Re-run this job.`;
            if (full.length <= errors/* MAX_ERROR_LINE */.lb)
                throw new errors/* UserError */.yo(full);
            throw new errors/* UserError */.yo('Another job could not store the rescued credentials; re-run this job.', {
                details: `Its error: ${why}`,
            });
        }
        throw new errors/* UserError */.yo(`lock-timeout: another job is storing the rescued credentials and did not finish within ` +
            `${(0,duration/* formatDuration */.a3)(this.d.lockTimeoutMs)}; re-run this job.`);
    }
}
/** The coordination of one step: claims beside the target, and (unless only claims are needed) the shared store. */
function coordinate(deps, cfg, api, 
/** Absent when GitHub could not be read: then only the store (the rescue) works. */
pre, withStore = true) {
    const target = cfg.secret;
    const t = (0,env/* timings */.E)(deps.env);
    return new Coordination({
        beside: new SecretsBeside(api, target, pre),
        store: withStore ? openStore(deps, cfg) : undefined,
        binding: cfg.githubToken,
        now: deps.now,
        monotonic: () => performance.now(),
        sleep: deps.sleep,
        startedAt: deps.startedAt,
        leaseMs: t.leaseMs,
        lockTimeoutMs: cfg.lockTimeoutMs,
        info: (m) => deps.core.info(m),
        warning: (m) => deps.core.warning(m),
        target: (0,github_target/* describeTarget */.ff)(target),
    });
}
function openStore(deps, cfg) {
    const { core } = deps;
    if (!cfg.share) {
        core.info('share: false; jobs that hold the same credentials get no shared result.');
        return undefined;
    }
    const missing = deps.backend ? undefined : cacheAvailable(deps.env);
    if (missing) {
        core.info(`Shared store off: ${missing}; jobs that hold the same credentials get no shared result.`);
        return undefined;
    }
    const t = (0,env/* timings */.E)(deps.env);
    const backend = deps.backend ?? actionsCacheBackend(deps.env, (m) => core.debug(m), t.cacheTimeoutMs);
    return new SharedStore(backend, {
        now: deps.now,
        sleep: deps.sleep,
        info: (m) => core.info(m),
        pollMs: t.pollMs,
        startedAt: deps.startedAt,
    });
}

// EXTERNAL MODULE: ./src/core/credentials.ts + 1 modules
var credentials = __webpack_require__(2072);
// EXTERNAL MODULE: ./src/action/deps.ts + 1 modules
var action_deps = __webpack_require__(8093);
// EXTERNAL MODULE: ./src/action/pending.ts
var pending = __webpack_require__(5471);
;// CONCATENATED MODULE: ./src/action/finish.ts
// The post step's first duty: a main step killed between the provider's answer and the
// write-back (the runner's cancel) left the rotated credentials in its pending file; store
// them, settle the claim and share the result as main would have (docs/design.md, "Cancellation").








async function finishPending(deps, cfg, masker, path, inputRefreshToken) {
    const { core } = deps;
    if (!cfg.secret || !cfg.githubToken)
        return;
    const file = new pending/* PendingFile */.Gf(path, inputRefreshToken, cfg.githubToken, true);
    let record;
    try {
        record = file.read();
    }
    catch (err) {
        throw new errors/* UserError */.yo(`oauth-broker: the rotated credentials the main step left in ${path} cannot be opened with this step's ` +
            'inputs; they are left in place.', { cause: err, details: 'Were the credentials or github-token inputs changed between the main and post step?' });
    }
    if (!record)
        return;
    masker.mask(record.credentials, record.successor.accessToken, record.successor.idToken, ...(0,credentials/* secretsOf */.Fj)((0,credentials/* parseCredentials */.gu)(record.credentials)));
    const target = cfg.secret;
    core.info(`The main step stopped before storing the rotated credentials; writing them to ${(0,github_target/* describeTarget */.ff)(target)}.`);
    const api = new github_api/* GitHubApi */.y(cfg.githubApiUrl, cfg.githubToken, (0,action_deps/* githubDeps */.kZ)(deps));
    const ticket = ticketOf(record.copy, record);
    const successor = { kind: 'next', ...record.successor };
    let pre;
    try {
        pre = await preflight(api, target);
        if (pre.updatedAt !== record.secretUpdatedAt) {
            // Main's own write landed before it was killed (after its settle), or a newer rotation did:
            // never overwritten.
            core.info(`${(0,github_target/* describeTarget */.ff)(target)} changed since the main step read it, so it is left as it is.`);
            file.clear();
            return;
        }
        // Main may have been killed before its settle landed; a settle refused again leaves the
        // write-back as the sign, so it goes out anyway.
        await coordinate(deps, cfg, api, pre, false).settle(ticket);
        await writeSecret(api, target, pre, record.credentials);
    }
    catch (err) {
        const kept = await coordinate(deps, cfg, api, pre).rescue(ticket, {
            ...successor,
            credentials: record.credentials,
            secretUpdatedAt: record.secretUpdatedAt,
        });
        if (kept)
            file.clear();
        const why = (0,errors/* describeError */.Uc)(err, masker.values);
        const what = 'The rotated credentials';
        if (kept)
            throw (0,errors/* explained */.to)(err, why, `${what} are ${errors/* KEPT_IN_STORE */.Lq}.`, undefined, [errors/* KEPT_IN_STORE_DETAILS */.k]);
        const lost = `${what} were not stored, and without the shared store nothing outlives this job: ${errors/* RELOGIN */.FK}.`;
        throw (0,errors/* explained */.to)(err, why, lost, lost);
    }
    file.clear();
    await coordinate(deps, cfg, api, pre).succeeded(ticket, successor);
    core.info(`Wrote the rotated credentials to ${(0,github_target/* describeTarget */.ff)(target)}.`);
}
/** The ticket of a claim main made, from what it left sealed: the copy names the store's entries. */
function ticketOf(copy, names) {
    return { copy: { format: 'refresh-token', ...copy, doc: {} }, claim: names.claim, settled: names.settled };
}
async function connect(deps, cfg) {
    const api = new github_api/* GitHubApi */.y(cfg.githubApiUrl, cfg.githubToken, (0,action_deps/* githubDeps */.kZ)(deps));
    return { api, pre: await preflight(api, cfg.secret) };
}
/**
 * client-refresh: the CLI rotated; its credentials go to the secret, and its claim is settled
 * either way. If the write fails, they are kept sealed in the store under the name of the copy
 * the CLI was given, which is what the next run holds.
 */
async function storeForCli(deps, cfg, masker, next, cli) {
    const target = cfg.secret;
    const value = (0,credentials/* serializeCredentials */.dY)(next);
    const api = new github_api/* GitHubApi */.y(cfg.githubApiUrl, cfg.githubToken, (0,action_deps/* githubDeps */.kZ)(deps));
    let pre;
    try {
        pre = await preflight(api, target);
        await writeSecret(api, target, pre, value);
    }
    catch (err) {
        const kept = cli?.copy && (await rescueForCli(deps, cfg, api, pre, cli, next, value));
        if (kept) {
            const rotated = `The credentials the CLI rotated are ${errors/* KEPT_IN_STORE */.Lq}.`;
            throw (0,errors/* explained */.to)(err, (0,errors/* describeError */.Uc)(err, masker.values), rotated, undefined, [errors/* KEPT_IN_STORE_DETAILS */.k]);
        }
        throw err;
    }
    finally {
        // The CLI spent the token it was given: nobody presents it again.
        if (cli && pre)
            await coordinate(deps, cfg, api, pre, false).endCli(cli, true);
    }
}
async function rescueForCli(deps, cfg, api, pre, cli, next, value) {
    let record;
    try {
        record = new pending/* PendingFile */.Gf(cli.copy, (0,credentials/* parseCredentials */.gu)(deps.core.getInput('credentials')).refreshToken, cfg.githubToken, true).read();
    }
    catch {
        return false;
    }
    if (!record)
        return false;
    const successor = successorOf(next, deps.now());
    return coordinate(deps, cfg, api, pre).rescue(ticketOf(record.copy, cli), {
        ...successor,
        credentials: value,
        secretUpdatedAt: pre?.updatedAt ?? '',
    });
}
/** client-refresh, after the job: settled when the CLI may have spent the token, else released for anyone. */
async function endCliClaim(deps, cfg, cli, spent) {
    const { api, pre } = await connect(deps, cfg);
    await coordinate(deps, cfg, api, pre, false).endCli(cli, spent);
}


/***/ }),

/***/ 6141:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nk: () => (/* binding */ metadataOf),
/* harmony export */   Qm: () => (/* binding */ malformed),
/* harmony export */   jA: () => (/* binding */ repositoryPageOf),
/* harmony export */   kc: () => (/* binding */ publicKeyOf)
/* harmony export */ });
/* unused harmony export repositoryIdOf */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7406);
/* harmony import */ var _seal_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7672);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8408);
// GitHub's answers, checked before they are trusted: an answer of another shape is one
// line naming the API URL setting, never a TypeError halfway through a write-back.



/** An answer that is not what GitHub sends: most likely the API URL (`apiUrl` names its setting) points elsewhere. */
function malformed(doing, what, apiUrl = _target_js__WEBPACK_IMPORTED_MODULE_2__/* .ACTION_WORDING */ .Ge.apiUrl) {
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${apiUrl}: could not ${doing}: ${what}; check that ${apiUrl} is GitHub's API.`, {
        details: "GitHub's API is https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server.",
    });
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A key id and a 32-byte key, checked before a refresh rather than at the write. */
function publicKeyOf(data, doing, apiUrl) {
    if (!isObject(data) || typeof data.key_id !== 'string' || !data.key_id || typeof data.key !== 'string') {
        throw malformed(doing, 'the answer has no key_id and key', apiUrl);
    }
    if (!(0,_seal_js__WEBPACK_IMPORTED_MODULE_1__/* .checkPublicKey */ .$)(data.key))
        throw malformed(doing, 'the key is not a 32-byte base64 public key', apiUrl);
    return { key_id: data.key_id, key: data.key };
}
function metadataOf(data, doing, apiUrl) {
    if (!isObject(data) || typeof data.updated_at !== 'string' || !Number.isFinite(Date.parse(data.updated_at))) {
        throw malformed(doing, 'the answer has no updated_at', apiUrl);
    }
    const { visibility } = data;
    if (visibility !== undefined && visibility !== 'all' && visibility !== 'private' && visibility !== 'selected') {
        throw malformed(doing, 'the answer has an unknown visibility', apiUrl);
    }
    const meta = { updated_at: data.updated_at };
    if (typeof data.created_at === 'string')
        meta.created_at = data.created_at;
    if (visibility !== undefined)
        meta.visibility = visibility;
    return meta;
}
/** One page of an organisation secret's repositories; `total` when GitHub states it. */
function repositoryPageOf(data, doing, apiUrl) {
    const repos = isObject(data) && Array.isArray(data.repositories) ? data.repositories : undefined;
    if (!repos?.every((r) => isObject(r) && Number.isSafeInteger(r.id))) {
        throw malformed(doing, 'the answer has no list of repositories', apiUrl);
    }
    const ids = repos.map((r) => r.id);
    const total = data.total_count;
    return Number.isSafeInteger(total) ? { ids, total: total } : { ids };
}
/** A repository's id, which an organisation secret's selected repositories are given by. */
function repositoryIdOf(data, doing, apiUrl) {
    if (!isObject(data) || !Number.isSafeInteger(data.id))
        throw malformed(doing, 'the answer has no id', apiUrl);
    return data.id;
}


/***/ }),

/***/ 6608:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  y: () => (/* binding */ GitHubApi),
  I: () => (/* binding */ GitHubHttpError)
});

// EXTERNAL MODULE: ../main/node_modules/@actions/github/lib/utils.js + 21 modules
var utils = __webpack_require__(4725);
// EXTERNAL MODULE: ./src/core/http.ts
var http = __webpack_require__(1817);
// EXTERNAL MODULE: ./src/core/neutral.ts
var neutral = __webpack_require__(3438);
;// CONCATENATED MODULE: ./src/core/version.ts
// Kept equal to package.json's version by __tests__/version.test.ts.
const VERSION = '0.1.0';
const USER_AGENT = `oauth-broker/${VERSION} (GitHub Action; +https://github.com/oauth-broker/oauth-broker)`;

// EXTERNAL MODULE: ./src/github/target.ts
var target = __webpack_require__(8408);
;// CONCATENATED MODULE: ./src/github/api.ts
// GitHub's REST API through @actions/github's Octokit, with the broker's own retry rules as a
// request hook: the stock retry plugin ignores `retry-after` on 429, and the throttling plugin
// acts only on GitHub's own rate-limit messages; the write-back must honour both exactly.





/**
 * An answer that is not GitHub's success (after retries): an error status, a redirect or an
 * unexpected 2xx; or no answer at all (`status` 0).
 */
class GitHubHttpError extends Error {
    status;
    githubMessage;
    ambiguous;
    name = 'GitHubHttpError';
    constructor(status, 
    /** GitHub's `message`, or the network failure; never a secret. */
    githubMessage, 
    /** GitHub may have acted on the request although no success answer arrived (5xx, lost answer). */
    ambiguous = false, options) {
        super(`HTTP ${status}: ${githubMessage}`, options);
        this.status = status;
        this.githubMessage = githubMessage;
        this.ambiguous = ambiguous;
    }
}
/** The REST API version the broker is built and tested against. */
const API_VERSION = '2022-11-28';
const MAX_ATTEMPTS = 5;
// What GitHub answers on success: 200 to a read; 201 (created) or 204 (updated) to a write; 204 to a delete;
// 201 to a create (an issue, a comment) and 200 to an edit (an issue closed).
const SUCCESS = { GET: [200], PUT: [201, 204], DELETE: [204], POST: [201], PATCH: [200] };
const MAX_WAIT_MS = 120_000;
const EXPIRY_WARNING_MS = 7 * 86_400_000;
class GitHubApi {
    deps;
    wording;
    /** Octokit's typed endpoint methods; every call goes through the retry hook. */
    rest;
    warnedExpiry = false;
    constructor(baseUrl, token, deps, 
    /** What the caller's error lines call the token, the API URL and where the secret is. */
    wording = target/* ACTION_WORDING */.Ge) {
        this.deps = deps;
        this.wording = wording;
        const octokit = new utils/* GitHub */.gq((0,utils/* getOctokitOptions */.EG)(token, {
            baseUrl: baseUrl.replace(/\/+$/, ''),
            userAgent: USER_AGENT,
            // Never followed: the token would go along to wherever it points.
            // The timeout is set on each fetch: Octokit's auth hook drops a signal given in the options.
            request: { fetch: timed(deps), redirect: 'manual' },
            log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
        }));
        octokit.hook.wrap('request', (request, options) => this.retrying(request, options));
        this.rest = octokit.rest;
    }
    /** The clock the client runs on, for what it stamps. */
    now() {
        return this.deps.now();
    }
    /** Sends the request, retrying 5xx, 429, rate limits and network errors with backoff. */
    async retrying(request, options) {
        const method = options.method;
        // Octokit takes no default headers from its options: the pin is set on every request here.
        options.headers = {
            ...options.headers,
            accept: 'application/vnd.github+json',
            'x-github-api-version': API_VERSION,
        };
        for (let attempt = 1;; attempt++) {
            let failure;
            let headers;
            let path = options.url;
            try {
                const res = await request(options);
                this.checkExpiry(res.headers);
                if (SUCCESS[method]?.includes(res.status)) {
                    // Octokit hands over a body it could not parse as JSON as text (or bytes).
                    if (method === 'GET' && (typeof res.data === 'string' || res.data instanceof ArrayBuffer)) {
                        throw new GitHubHttpError(res.status, 'the answer is not JSON');
                    }
                    return res;
                }
                const what = res.status >= 300 ? 'a redirect, which is not followed' : `not GitHub's answer to a ${method}`;
                throw new GitHubHttpError(res.status, what);
            }
            catch (err) {
                if (err instanceof GitHubHttpError)
                    throw err;
                ({ failure, headers } = this.failureOf(err));
                // The expanded URL of the request Octokit sent, not the route template.
                const sent = err.request?.url;
                if (sent)
                    path = new URL(sent).pathname;
            }
            const wait = this.retryDelay(failure.status, headers, attempt);
            const once = options.request?.once;
            if (wait === undefined || attempt >= MAX_ATTEMPTS || (once && failure.ambiguous))
                throw failure;
            const what = failure.status ? `HTTP ${failure.status}` : failure.githubMessage;
            const next = `retrying in ${Math.ceil(wait / 1000)}s (attempt ${attempt + 1} of ${MAX_ATTEMPTS})`;
            this.deps.info(`GitHub API ${method} ${path}: ${what}; ${next}`);
            await this.deps.sleep(wait);
        }
    }
    /** An answer GitHub gave (Octokit's RequestError with a response), or none at all. */
    failureOf(err) {
        const response = err.response;
        if (response) {
            this.checkExpiry(response.headers);
            const failure = new GitHubHttpError(response.status, messageOf(response.data), response.status >= 500, {
                cause: err,
            });
            return { failure, headers: response.headers };
        }
        // Octokit wraps what fetch threw as `cause`; a timeout arrives as fetch's own error.
        const thrown = err.cause ?? err;
        const f = (0,http/* classifyFetchError */.D$)(thrown, this.deps.timeoutMs);
        return { failure: new GitHubHttpError(0, f.reason, !f.notSent, { cause: err }) };
    }
    /** How long to wait before the next attempt, or undefined when retrying cannot help. */
    retryDelay(status, headers, attempt) {
        const backoff = this.deps.retryBaseMs * 2 ** (attempt - 1);
        if (status === 0 || status >= 500)
            return backoff;
        if (status !== 403 && status !== 429)
            return undefined;
        const after = headers && (0,http/* retryAfterMs */.Vs)(header(headers, 'retry-after'), this.deps.now());
        if (after !== undefined)
            return after <= MAX_WAIT_MS ? after : undefined;
        if (headers && header(headers, 'x-ratelimit-remaining') === '0') {
            const reset = Number(header(headers, 'x-ratelimit-reset')) * 1000 - this.deps.now();
            return reset <= MAX_WAIT_MS ? Math.max(reset, 1000) : undefined;
        }
        // A 429 without a hint is a secondary rate limit: GitHub asks for at least a minute.
        return status === 429 ? Math.max(backoff, 60_000) : undefined;
    }
    checkExpiry(headers) {
        const v = header(headers, 'github-authentication-token-expiration');
        if (!v || this.warnedExpiry)
            return;
        const at = Date.parse(v.replace(' UTC', 'Z').replace(' ', 'T'));
        if (Number.isFinite(at) && at - this.deps.now() < EXPIRY_WARNING_MS) {
            this.warnedExpiry = true;
            this.deps.warning(`${this.wording.token} expires on ${(0,neutral/* neutral */.SY)(v, 40)}; renew it before then, ` +
                'or writing the secret will fail.');
        }
    }
}
/** Each attempt gets the whole timeout, answer body included. */
function timed(deps) {
    return (input, init) => deps.fetch(input, { ...init, signal: AbortSignal.timeout(deps.timeoutMs) });
}
function header(headers, name) {
    const v = headers[name];
    return v === undefined ? undefined : String(v);
}
/** GitHub's `message`, neutralised; Octokit parses JSON bodies and leaves others as text. */
function messageOf(data) {
    const m = data?.message;
    return typeof m === 'string' ? (0,neutral/* neutral */.SY)(m) : 'no message';
}


/***/ }),

/***/ 7672:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ checkPublicKey),
/* harmony export */   o: () => (/* binding */ sealForGitHub)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7406);
// libsodium's sealed box, as GitHub documents for secrets. Loaded on first use only:
// the stored-token path never pays for the WebAssembly module.

const PUBLIC_KEY_BYTES = 32;
/** The key's bytes when it is strict standard base64 of a 32-byte key (Buffer alone would skip bad characters). */
function keyBytes(publicKeyBase64) {
    if (publicKeyBase64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(publicKeyBase64))
        return undefined;
    const key = new Uint8Array(Buffer.from(publicKeyBase64, 'base64'));
    return key.length === PUBLIC_KEY_BYTES ? key : undefined;
}
/** Whether GitHub's answer holds a key that can seal: checked before a refresh, not at the write. */
function checkPublicKey(publicKeyBase64) {
    return keyBytes(publicKeyBase64) !== undefined;
}
async function sealForGitHub(plaintext, publicKeyBase64) {
    const key = keyBytes(publicKeyBase64);
    if (!key)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('GitHub returned a public key that is not a 32-byte base64 key; check github-api-url.');
    const { default: sodium } = await __webpack_require__.e(/* import() */ 304).then(__webpack_require__.bind(__webpack_require__, 8304));
    await sodium.ready;
    const sealed = sodium.crypto_box_seal(sodium.from_string(plaintext), key);
    return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL);
}


/***/ })

};
