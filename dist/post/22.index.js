export const id = 22;
export const ids = [22];
export const modules = {

/***/ 22:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GitHubApi: () => (/* reexport */ GitHubApi),
  preflight: () => (/* binding */ preflight),
  writeSecret: () => (/* binding */ writeSecret)
});

// UNUSED EXPORTS: currentUpdatedAt, explain

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(174);
// EXTERNAL MODULE: ./src/http.ts
var http = __webpack_require__(393);
// EXTERNAL MODULE: ./src/neutral.ts
var neutral = __webpack_require__(574);
;// CONCATENATED MODULE: ./src/version.ts
// Kept equal to package.json's version by __tests__/version.test.ts.
const VERSION = '0.1.0';
const USER_AGENT = `oauth-broker/${VERSION} (GitHub Action; +https://github.com/oauth-broker/oauth-broker)`;

;// CONCATENATED MODULE: ./src/github/api.ts
// A small GitHub REST client over an injected fetch. Why not Octokit: its retry plugin
// ignores `retry-after` on 429 and its throttling plugin only acts on GitHub's own
// rate-limit messages; the write-back must honour both exactly (SPEC §4).



/** A non-2xx answer (after retries), or a request that never got one (`status` 0). */
class GitHubHttpError extends Error {
    status;
    githubMessage;
    constructor(status, 
    /** GitHub's `message`, or the network failure; never a secret. */
    githubMessage) {
        super(`HTTP ${status}: ${githubMessage}`);
        this.status = status;
        this.githubMessage = githubMessage;
    }
}
const MAX_ATTEMPTS = 5;
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
    async request(method, path, body) {
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
                    signal: AbortSignal.timeout(this.deps.timeoutMs),
                });
                this.checkExpiry(res.headers);
                const text = await res.text();
                // A write's answer carries nothing needed: only reads must parse.
                if (res.ok)
                    return { status: res.status, data: (method === 'GET' ? JSON.parse(text) : undefined) };
                failure = new GitHubHttpError(res.status, messageOf(text));
            }
            catch (err) {
                if (err instanceof SyntaxError)
                    throw new GitHubHttpError(res?.status ?? 0, 'the answer is not JSON');
                failure = new GitHubHttpError(0, (0,http/* classifyFetchError */.D$)(err, this.deps.timeoutMs).reason);
            }
            const wait = this.retryDelay(failure.status, res?.headers, attempt);
            if (wait === undefined || attempt >= MAX_ATTEMPTS)
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
        const m = JSON.parse(text).message;
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

async function sealForGitHub(plaintext, publicKeyBase64) {
    const { default: sodium } = await __webpack_require__.e(/* import() */ 304).then(__webpack_require__.bind(__webpack_require__, 304));
    await sodium.ready;
    let key;
    try {
        key = sodium.from_base64(publicKeyBase64, sodium.base64_variants.ORIGINAL);
    }
    catch {
        key = new Uint8Array(0);
    }
    if (key.length !== sodium.crypto_box_PUBLICKEYBYTES)
        throw new errors/* UserError */.yo('GitHub returned a public key that is not a 32-byte base64 key; check github-api-url.');
    const sealed = sodium.crypto_box_seal(sodium.from_string(plaintext), key);
    return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL);
}

// EXTERNAL MODULE: ./src/github/target.ts
var target = __webpack_require__(408);
;// CONCATENATED MODULE: ./src/github/secrets.ts
// Reading what can be read before a refresh, and writing the rotated credentials back,
// for repository, environment and organisation secrets.




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
async function call(api, t, doing, method, path, body) {
    try {
        return await api.request(method, path, body);
    }
    catch (err) {
        throw explain(err, t, doing);
    }
}
async function readMetadata(api, t) {
    return (await api.request('GET', `${base(t)}/${encodeURIComponent(t.name)}`)).data;
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
    const { data: key } = await call(api, t, `read the public key of ${where(t)}`, 'GET', `${base(t)}/public-key`);
    if (typeof key?.key_id !== 'string' || typeof key.key !== 'string')
        throw new errors/* UserError */.yo('github-api-url: the public-key answer has no key_id and key; is this a GitHub API URL?');
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
async function selectedRepositories(api, t) {
    const ids = [];
    for (let page = 1;; page++) {
        const { data } = await call(api, t, `list the repositories that may use ${(0,target/* describeTarget */.f)(t)}`, 'GET', `${base(t)}/${encodeURIComponent(t.name)}/repositories?per_page=100&page=${page}`);
        ids.push(...data.repositories.map((r) => r.id));
        if (data.repositories.length < 100 || ids.length >= data.total_count)
            return ids;
    }
}
/** Seals the value with the secret's public key and stores it. */
async function writeSecret(api, t, pre, value) {
    const put = async (key) => {
        const body = { encrypted_value: await sealForGitHub(value, key.key), key_id: key.key_id };
        if (t.kind === 'org') {
            body.visibility = pre.visibility;
            if (pre.visibility === 'selected')
                body.selected_repository_ids = pre.selectedRepositoryIds ?? [];
        }
        await api.request('PUT', `${base(t)}/${encodeURIComponent(t.name)}`, body);
    };
    try {
        await put(pre.key);
    }
    catch (err) {
        // The key may have been rotated since the preflight: fetch it again, once.
        if (!(err instanceof GitHubHttpError && err.status === 422))
            throw explain(err, t, `write ${(0,target/* describeTarget */.f)(t)}`);
        const fresh = await call(api, t, `read the public key of ${where(t)}`, 'GET', `${base(t)}/public-key`);
        if (fresh.data.key_id === pre.key.key_id)
            throw explain(err, t, `write ${(0,target/* describeTarget */.f)(t)}`);
        try {
            await put(fresh.data);
        }
        catch (again) {
            throw explain(again, t, `write ${(0,target/* describeTarget */.f)(t)}`);
        }
    }
}


/***/ })

};
