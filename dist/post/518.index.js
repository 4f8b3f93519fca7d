export const id = 518;
export const ids = [518];
export const modules = {

/***/ 3518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GitHubApi: () => (/* reexport */ GitHubApi),
  Ed: () => (/* binding */ SecretsBeside),
  preflight: () => (/* binding */ preflight),
  writeSecret: () => (/* binding */ writeSecret)
});

// UNUSED EXPORTS: currentUpdatedAt, explain

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/http.ts
var http = __webpack_require__(6803);
// EXTERNAL MODULE: ./src/neutral.ts
var neutral = __webpack_require__(3060);
;// CONCATENATED MODULE: ./src/version.ts
// Kept equal to package.json's version by __tests__/version.test.ts.
const VERSION = '0.1.0';
const USER_AGENT = `oauth-broker/${VERSION} (GitHub Action; +https://github.com/oauth-broker/oauth-broker)`;

;// CONCATENATED MODULE: ./src/github/api.ts
// A small GitHub REST client over an injected fetch. Why not Octokit: its retry plugin
// ignores `retry-after` on 429 and its throttling plugin only acts on GitHub's own
// rate-limit messages; the write-back must honour both exactly (SPEC §4).



/**
 * An answer that is not GitHub's success (after retries): an error status, a redirect, an
 * unexpected 2xx or a body that is not JSON; or no answer at all (`status` 0).
 */
class GitHubHttpError extends Error {
    status;
    githubMessage;
    ambiguous;
    constructor(status, 
    /** GitHub's `message`, or the network failure; never a secret. */
    githubMessage, 
    /** GitHub may have acted on the request although no success answer arrived (5xx, lost answer). */
    ambiguous = false) {
        super(`HTTP ${status}: ${githubMessage}`);
        this.status = status;
        this.githubMessage = githubMessage;
        this.ambiguous = ambiguous;
    }
}
const MAX_ATTEMPTS = 5;
// What GitHub answers on success: 200 to a read; 201 (created) or 204 (updated) to a write; 204 to a delete.
const SUCCESS = { GET: [200], PUT: [201, 204], DELETE: [204] };
const MAX_WAIT_MS = 120_000;
const EXPIRY_WARNING_MS = 7 * 86_400_000;
class GitHubApi {
    baseUrl;
    token;
    deps;
    warnedExpiry = false;
    constructor(baseUrl, token, deps) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.deps = deps;
    }
    /** Sends the request, retrying 5xx, 429, rate limits and network errors with backoff. */
    async request(method, path, body, opts = {}) {
        const url = this.baseUrl.replace(/\/+$/, '') + path;
        for (let attempt = 1;; attempt++) {
            let res;
            let failure;
            try {
                res = await this.deps.fetch(url, {
                    method,
                    headers: {
                        accept: 'application/vnd.github+json',
                        authorization: `Bearer ${this.token}`,
                        'user-agent': USER_AGENT,
                        'x-github-api-version': '2022-11-28',
                        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
                    },
                    body: body === undefined ? undefined : JSON.stringify(body),
                    // Never followed: the token would go along to wherever it points.
                    redirect: 'manual',
                    signal: AbortSignal.timeout(this.deps.timeoutMs),
                });
                this.checkExpiry(res.headers);
                const text = await res.text();
                // A write's answer carries nothing needed: only reads must parse.
                if (SUCCESS[method].includes(res.status)) {
                    return { status: res.status, data: (method === 'GET' ? JSON.parse(text) : undefined) };
                }
                if (res.status >= 200 && res.status < 400) {
                    const what = res.status >= 300 ? 'a redirect, which is not followed' : `not GitHub's answer to a ${method}`;
                    throw new GitHubHttpError(res.status, what);
                }
                failure = new GitHubHttpError(res.status, messageOf(text), res.status >= 500);
            }
            catch (err) {
                if (err instanceof GitHubHttpError)
                    throw err;
                if (err instanceof SyntaxError)
                    throw new GitHubHttpError(res?.status ?? 0, 'the answer is not JSON');
                const f = (0,http/* classifyFetchError */.D$)(err, this.deps.timeoutMs);
                failure = new GitHubHttpError(0, f.reason, !f.notSent);
            }
            const wait = this.retryDelay(failure.status, res?.headers, attempt);
            if (wait === undefined || attempt >= MAX_ATTEMPTS || (opts.once && failure.ambiguous))
                throw failure;
            this.deps.info(`GitHub API ${method} ${path}: ${failure.status ? `HTTP ${failure.status}` : failure.githubMessage}; retrying in ${Math.ceil(wait / 1000)}s (attempt ${attempt + 1} of ${MAX_ATTEMPTS})`);
            await this.deps.sleep(wait);
        }
    }
    /** How long to wait before the next attempt, or undefined when retrying cannot help. */
    retryDelay(status, headers, attempt) {
        const backoff = this.deps.retryBaseMs * 2 ** (attempt - 1);
        if (status === 0 || status >= 500)
            return backoff;
        if (status !== 403 && status !== 429)
            return undefined;
        const after = headers && (0,http/* retryAfterMs */.Vs)(headers, this.deps.now());
        if (after !== undefined)
            return after <= MAX_WAIT_MS ? after : undefined;
        if (headers?.get('x-ratelimit-remaining') === '0') {
            const reset = Number(headers.get('x-ratelimit-reset')) * 1000 - this.deps.now();
            return reset <= MAX_WAIT_MS ? Math.max(reset, 1000) : undefined;
        }
        // A 429 without a hint is a secondary rate limit: GitHub asks for at least a minute.
        return status === 429 ? Math.max(backoff, 60_000) : undefined;
    }
    checkExpiry(headers) {
        const v = headers.get('github-authentication-token-expiration');
        if (!v || this.warnedExpiry)
            return;
        const at = Date.parse(v.replace(' UTC', 'Z').replace(' ', 'T'));
        if (Number.isFinite(at) && at - this.deps.now() < EXPIRY_WARNING_MS) {
            this.warnedExpiry = true;
            this.deps.warning(`github-token expires on ${(0,neutral/* neutral */.S)(v, 40)}; renew it before then or the write-back of rotated credentials will fail.`);
        }
    }
}
function messageOf(text) {
    try {
        const m = JSON.parse(text)?.message;
        if (typeof m === 'string')
            return (0,neutral/* neutral */.S)(m);
    }
    catch {
        // fall through
    }
    return 'no message';
}

;// CONCATENATED MODULE: ./src/github/seal.ts
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
        throw new errors/* UserError */.yo('GitHub returned a public key that is not a 32-byte base64 key; check github-api-url.');
    const { default: sodium } = await __webpack_require__.e(/* import() */ 768).then(__webpack_require__.bind(__webpack_require__, 4768));
    await sodium.ready;
    const sealed = sodium.crypto_box_seal(sodium.from_string(plaintext), key);
    return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL);
}

;// CONCATENATED MODULE: ./src/github/answers.ts
// GitHub's answers, checked before they are trusted: an answer of another shape is one
// line naming github-api-url, never a TypeError halfway through a write-back.


/** An answer that is not what GitHub sends: most likely github-api-url points elsewhere. */
function malformed(doing, what) {
    return new errors/* UserError */.yo(`github-api-url: could not ${doing}: ${what}. Check that github-api-url is GitHub's API ` +
        '(https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server).');
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A key id and a 32-byte key, checked before a refresh rather than at the write. */
function publicKeyOf(data, doing) {
    if (!isObject(data) || typeof data.key_id !== 'string' || !data.key_id || typeof data.key !== 'string') {
        throw malformed(doing, 'the answer has no key_id and key');
    }
    if (!checkPublicKey(data.key))
        throw malformed(doing, 'the key is not a 32-byte base64 public key');
    return { key_id: data.key_id, key: data.key };
}
function metadataOf(data, doing) {
    if (!isObject(data) || typeof data.updated_at !== 'string' || !Number.isFinite(Date.parse(data.updated_at))) {
        throw malformed(doing, 'the answer has no updated_at');
    }
    const { visibility } = data;
    if (visibility !== undefined && visibility !== 'all' && visibility !== 'private' && visibility !== 'selected') {
        throw malformed(doing, 'the answer has an unknown visibility');
    }
    const meta = { updated_at: data.updated_at };
    if (typeof data.created_at === 'string')
        meta.created_at = data.created_at;
    if (visibility !== undefined)
        meta.visibility = visibility;
    return meta;
}
/** One page of an organisation secret's repositories; `total` when GitHub states it. */
function repositoryPageOf(data, doing) {
    const repos = isObject(data) && Array.isArray(data.repositories) ? data.repositories : undefined;
    if (!repos || !repos.every((r) => isObject(r) && Number.isSafeInteger(r.id))) {
        throw malformed(doing, 'the answer has no list of repositories');
    }
    const ids = repos.map((r) => r.id);
    const total = data.total_count;
    return Number.isSafeInteger(total) ? { ids, total: total } : { ids };
}

// EXTERNAL MODULE: ./src/github/target.ts
var target = __webpack_require__(3738);
;// CONCATENATED MODULE: ./src/github/secrets.ts





// The post step loads this module alone, so it brings the client along.

function base(t) {
    const e = encodeURIComponent;
    if (t.kind === 'repo')
        return `/repos/${e(t.owner)}/${e(t.repo)}/actions/secrets`;
    if (t.kind === 'env')
        return `/repos/${e(t.owner)}/${e(t.repo)}/environments/${e(t.environment)}/secrets`;
    return `/orgs/${e(t.org)}/actions/secrets`;
}
function where(t) {
    if (t.kind === 'repo')
        return `repository ${t.owner}/${t.repo} (secret-repository)`;
    if (t.kind === 'env')
        return `environment ${t.environment} of ${t.owner}/${t.repo} (secret-environment)`;
    return `organization ${t.org} (secret-org)`;
}
function permission(t) {
    if (t.kind === 'repo')
        return `repository permission "Secrets: Read and write" on ${t.owner}/${t.repo}`;
    if (t.kind === 'env')
        return `repository permission "Environments: Read and write" on ${t.owner}/${t.repo}`;
    return `organization permission "Secrets: Read and write" on ${t.org}`;
}
/** Turns a GitHub failure into one line naming the input, what happened and the fix. */
function explain(err, t, doing) {
    if (!(err instanceof GitHubHttpError))
        return err;
    const said = err.status ? `GitHub answered ${err.status} ${err.githubMessage}` : `GitHub could not be reached: ${err.githubMessage}`;
    if (err.status >= 200 && err.status < 400)
        return malformed(doing, `${err.githubMessage} (HTTP ${err.status})`);
    switch (err.status) {
        case 0:
            return new errors/* UserError */.yo(`github-api-url: could not ${doing}: ${said}. Check github-api-url and the runner's network.`);
        case 401:
            return new errors/* UserError */.yo(`github-token: could not ${doing}: ${said}. The token is invalid or expired; create a new one with the ${permission(t)}.`);
        case 403:
            if (/by integration/i.test(err.githubMessage)) {
                return new errors/* UserError */.yo(`github-token: could not ${doing}: ${said}. If this is the job's own GITHUB_TOKEN (github.token): it can never read or write secrets. Pass a fine-grained PAT with the ${permission(t)}, or a GitHub App installation token with that permission.`);
            }
            return new errors/* UserError */.yo(`github-token: could not ${doing}: ${said}. Give the token the ${permission(t)}.`);
        case 404:
            return new errors/* UserError */.yo(`${where(t)}: could not ${doing}: ${said}. Check the name, and that github-token has access to it.`);
        default:
            return new errors/* UserError */.yo(`could not ${doing}: ${said}. Check github-api-url; run again later if GitHub is unavailable.`);
    }
}
async function readKey(api, t) {
    const doing = `read the public key of ${where(t)}`;
    return publicKeyOf((await call(api, t, doing, 'GET', `${base(t)}/public-key`)).data, doing);
}
async function call(api, t, doing, method, path, body) {
    try {
        return await api.request(method, path, body);
    }
    catch (err) {
        throw explain(err, t, doing);
    }
}
/** A secret beside the target (the target itself by default). */
function secretPath(t, name = t.name) {
    return `${base(t)}/${encodeURIComponent(name)}`;
}
async function readMetadata(api, t, name = t.name) {
    const { data } = await api.request('GET', secretPath(t, name));
    return metadataOf(data, `read ${(0,target/* describeTarget */.f)({ ...t, name })}`);
}
/** The secret's `updated_at` now: after a write of ours, so a later rescue compares against it. */
async function currentUpdatedAt(api, t) {
    try {
        return (await readMetadata(api, t)).updated_at;
    }
    catch (err) {
        throw explain(err, t, `read ${describeTarget(t)}`);
    }
}
/** Everything that can be checked without changing anything, before a refresh token is spent. */
async function preflight(api, t) {
    const key = await readKey(api, t);
    let meta;
    try {
        meta = await readMetadata(api, t);
    }
    catch (err) {
        if (err instanceof GitHubHttpError && err.status === 404) {
            throw new errors/* UserError */.yo(`secret-name: ${(0,target/* describeTarget */.f)(t)} does not exist. Create it with the credentials first (README: First login), and pass that same secret as credentials; otherwise the workflow's stored credentials would silently go stale.`);
        }
        throw explain(err, t, `read ${(0,target/* describeTarget */.f)(t)}`);
    }
    const pre = { key, updatedAt: meta.updated_at };
    if (t.kind === 'org') {
        pre.visibility = meta.visibility ?? 'private';
        if (pre.visibility === 'selected')
            pre.selectedRepositoryIds = await selectedRepositories(api, t);
    }
    return pre;
}
// 100 pages of 100: more repositories than an organisation selects, and a bound on a
// server that never says it is done.
const MAX_PAGES = 100;
async function selectedRepositories(api, t) {
    const doing = `list the repositories that may use ${(0,target/* describeTarget */.f)(t)}`;
    const ids = new Set();
    for (let page = 1; page <= MAX_PAGES; page++) {
        const path = `${base(t)}/${encodeURIComponent(t.name)}/repositories?per_page=100&page=${page}`;
        const { ids: more, total } = repositoryPageOf((await call(api, t, doing, 'GET', path)).data, doing);
        for (const id of more)
            ids.add(id);
        // Done at the total when GitHub states it (a page may be shorter than asked), else at a short page.
        if (more.length === 0 || (total !== undefined ? ids.size >= total : more.length < 100))
            return [...ids];
    }
    // Writing a partial list would take the secret away from the repositories left out.
    throw malformed(doing, `the list did not end after ${MAX_PAGES} pages`);
}
/** Seals the value and PUTs it; 201 created, 204 updated. The key may have rotated: fetched again once. */
async function putSealed(api, t, pre, name, value, access, once, doing = `write ${(0,target/* describeTarget */.f)({ ...t, name })}`) {
    const put = async (key) => {
        const body = { encrypted_value: await sealForGitHub(value, key.key), key_id: key.key_id };
        if (t.kind === 'org') {
            body.visibility = access.visibility;
            if (access.visibility === 'selected')
                body.selected_repository_ids = access.selectedRepositoryIds ?? [];
        }
        return (await api.request('PUT', secretPath(t, name), body, { once })).status;
    };
    try {
        return await put(pre.key);
    }
    catch (err) {
        if (!(err instanceof GitHubHttpError && err.status === 422))
            throw explain(err, t, doing);
        const fresh = await readKey(api, t);
        if (fresh.key_id === pre.key.key_id)
            throw explain(err, t, doing);
        pre.key = fresh;
        try {
            return await put(fresh);
        }
        catch (again) {
            throw explain(again, t, doing);
        }
    }
}
/** Seals the value with the secret's public key and stores it. */
async function writeSecret(api, t, pre, value) {
    await putSealed(api, t, pre, t.name, value, pre, false);
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
    /** Creates the secret if absent: true when this request created it, false when it existed. */
    async create(name, value) {
        const doing = `claim the refresh with a secret beside ${(0,target/* describeTarget */.f)(this.t)} (${name})`;
        const status = await putSealed(this.api, this.t, this.pre, name, value, { visibility: 'selected' }, true, doing);
        return status === 201;
    }
    /** When it was created, epoch ms; undefined when absent. */
    async createdAt(name) {
        try {
            return instant((await readMetadata(this.api, this.t, name)).created_at);
        }
        catch (err) {
            if (err instanceof GitHubHttpError && err.status === 404)
                return undefined;
            throw explain(err, this.t, `read ${(0,target/* describeTarget */.f)({ ...this.t, name })}`);
        }
    }
    async remove(name) {
        try {
            await this.api.request('DELETE', secretPath(this.t, name));
        }
        catch (err) {
            if (err instanceof GitHubHttpError && err.status === 404)
                return;
            throw explain(err, this.t, `delete ${(0,target/* describeTarget */.f)({ ...this.t, name })}`);
        }
    }
    /** Names starting with `prefix` and when they were created: the first page (100), enough to prune. */
    async list(prefix) {
        const { data } = await call(this.api, this.t, `list the secrets beside ${(0,target/* describeTarget */.f)(this.t)}`, 'GET', `${base(this.t)}?per_page=100`);
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


/***/ })

};
