export const id = 125;
export const ids = [125];
export const modules = {

/***/ 3125:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  obtain: () => (/* binding */ obtain)
});

// EXTERNAL MODULE: ./src/credentials.ts
var credentials = __webpack_require__(5575);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(3753);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(2174);
// EXTERNAL MODULE: ./src/http.ts
var http = __webpack_require__(2393);
// EXTERNAL MODULE: ./src/neutral.ts
var neutral = __webpack_require__(8574);
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
    const { default: sodium } = await __webpack_require__.e(/* import() */ 304).then(__webpack_require__.bind(__webpack_require__, 8304));
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
var github_target = __webpack_require__(8408);
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
        throw explain(err, t, `read ${(0,github_target/* describeTarget */.f)(t)}`);
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
            throw new errors/* UserError */.yo(`secret-name: ${(0,github_target/* describeTarget */.f)(t)} does not exist. Create it with the credentials first (README: First login), and pass that same secret as credentials; otherwise the workflow's stored credentials would silently go stale.`);
        }
        throw explain(err, t, `read ${(0,github_target/* describeTarget */.f)(t)}`);
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
        const { data } = await call(api, t, `list the repositories that may use ${(0,github_target/* describeTarget */.f)(t)}`, 'GET', `${base(t)}/${encodeURIComponent(t.name)}/repositories?per_page=100&page=${page}`);
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
            throw explain(err, t, `write ${(0,github_target/* describeTarget */.f)(t)}`);
        const fresh = await call(api, t, `read the public key of ${where(t)}`, 'GET', `${base(t)}/public-key`);
        if (fresh.data.key_id === pre.key.key_id)
            throw explain(err, t, `write ${(0,github_target/* describeTarget */.f)(t)}`);
        try {
            await put(fresh.data);
        }
        catch (again) {
            throw explain(again, t, `write ${(0,github_target/* describeTarget */.f)(t)}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/refresh.ts




// Provider error codes that mean the refresh token itself is dead (OpenAI nests them).
const DEAD_TOKEN = new Set(['invalid_grant', 'refresh_token_reused', 'refresh_token_expired', 'refresh_token_invalidated']);
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
const refresh_MAX_ATTEMPTS = 3;
const MAX_RETRY_AFTER_MS = 60_000;
function buildRequest(req) {
    const fields = { grant_type: 'refresh_token', refresh_token: req.refreshToken, client_id: req.clientId };
    if (req.provider.sendsScope && req.scopes?.length)
        fields.scope = req.scopes.join(' ');
    const headers = { accept: 'application/json', 'user-agent': USER_AGENT };
    if (req.clientSecret) {
        // RFC 6749 §2.3.1: servers must accept HTTP Basic; form-encode the parts first.
        const enc = (s) => encodeURIComponent(s).replace(/%20/g, '+');
        headers.authorization = `Basic ${Buffer.from(`${enc(req.clientId)}:${enc(req.clientSecret)}`).toString('base64')}`;
    }
    if (req.provider.encoding === 'json') {
        headers['content-type'] = 'application/json';
        return { headers, body: JSON.stringify(fields) };
    }
    headers['content-type'] = 'application/x-www-form-urlencoded';
    return { headers, body: new URLSearchParams(fields).toString() };
}
/** The provider's error code and description, from either `{error, error_description}` or `{error: {code, message}}`. */
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
function parseTokenSet(text, service) {
    const uncertain = (what) => {
        throw new errors/* UncertainRefreshError */.DG(`${service} answered 200 but ${what}; the provider may have rotated the refresh token anyway. Run again; if it then fails with invalid_grant, log in again and store the new credentials in the secret (README: First login).`);
    };
    let body;
    try {
        body = JSON.parse(text);
    }
    catch {
        return uncertain('the body is not JSON');
    }
    if (typeof body !== 'object' || body === null)
        return uncertain('the body is not a JSON object');
    if (typeof body.access_token !== 'string' || !body.access_token)
        return uncertain('without an access_token');
    if (body.refresh_token !== undefined && body.refresh_token !== null && typeof body.refresh_token !== 'string')
        return uncertain('with a malformed refresh_token');
    const set = { accessToken: body.access_token };
    if (typeof body.refresh_token === 'string' && body.refresh_token)
        set.refreshToken = body.refresh_token;
    if (typeof body.expires_in === 'number' && body.expires_in > 0)
        set.expiresInSeconds = body.expires_in;
    if (typeof body.scope === 'string')
        set.scope = body.scope;
    if (typeof body.id_token === 'string' && body.id_token)
        set.idToken = body.id_token;
    return set;
}
/**
 * Presents the refresh token once. Retries only when the provider cannot have seen it:
 * the connection was refused, or a 429/503 said when to come back.
 */
async function refreshTokens(req, deps) {
    const service = `provider ${req.provider.id} (${new URL(req.tokenUrl).host})`;
    const { headers, body } = buildRequest(req);
    const secrets = [req.refreshToken, req.clientSecret ?? ''];
    for (let attempt = 1;; attempt++) {
        let res;
        let text;
        try {
            res = await deps.fetch(req.tokenUrl, { method: 'POST', headers, body, redirect: 'error', signal: AbortSignal.timeout(deps.timeoutMs) });
        }
        catch (err) {
            const f = (0,http/* classifyFetchError */.D$)(err, deps.timeoutMs);
            if (f.notSent && attempt < refresh_MAX_ATTEMPTS) {
                const wait = deps.retryDelayMs * 2 ** (attempt - 1);
                deps.info(`${service}: ${f.reason}; the request was not sent, retrying in ${Math.round(wait / 1000)}s`);
                await deps.sleep(wait);
                continue;
            }
            if (f.notSent)
                throw new errors/* UserError */.yo(`${service}: ${f.reason} after ${attempt} attempts; nothing was spent. Check token-url and the runner's network, then run again.`);
            throw new errors/* UncertainRefreshError */.DG(`${service}: ${f.reason}; the refresh may have reached the provider, so it is not retried. Run again; if it then fails with invalid_grant, log in again and store the new credentials in the secret (README: First login).`);
        }
        try {
            text = await res.text();
        }
        catch (err) {
            throw new errors/* UncertainRefreshError */.DG(`${service}: answered ${res.status} but ${(0,http/* classifyFetchError */.D$)(err, deps.timeoutMs).reason}; the refresh token may be spent. Run again; if it then fails with invalid_grant, log in again and store the new credentials in the secret (README: First login).`);
        }
        if (res.ok)
            return parseTokenSet(text, service);
        const wait = (0,http/* retryAfterMs */.Vs)(res.headers, deps.now());
        if ((res.status === 429 || res.status === 503) && wait !== undefined && wait <= MAX_RETRY_AFTER_MS && attempt < refresh_MAX_ATTEMPTS) {
            deps.info(`${service}: answered ${res.status}; retrying in ${Math.ceil(wait / 1000)}s as it asked`);
            await deps.sleep(wait);
            continue;
        }
        const { code, description } = providerError(text);
        const quoted = [code && quotableCode(code, secrets), description && (0,neutral/* neutral */.S)((0,errors/* redact */.E$)(description, secrets))];
        const detail = quoted.filter(Boolean).join(': ');
        const said = `answered HTTP ${res.status}${detail ? ` (${detail})` : ''}`;
        if (code && DEAD_TOKEN.has(code)) {
            throw new errors/* InvalidGrantError */.Gy(`${service} refused the stored refresh token: ${said}. It was already used or revoked.`);
        }
        if (res.status === 401 || res.status === 400) {
            throw new errors/* UserError */.yo(`${service} ${said}; check client-id, token-url and scope.`);
        }
        throw new errors/* UncertainRefreshError */.DG(`${service} ${said}; the refresh failed and is not retried, since it may have reached the provider. Run again later.`);
    }
}

// EXTERNAL MODULE: ./src/deps.ts
var src_deps = __webpack_require__(3847);
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
        return 'this runner has no Actions cache service v2 (ACTIONS_CACHE_SERVICE_V2, ACTIONS_RESULTS_URL or ACTIONS_RUNTIME_TOKEN unset)';
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
    const cache = __webpack_require__.e(/* import() */ 585).then(__webpack_require__.bind(__webpack_require__, 1585));
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/store/seal.ts
// Names and seals shared-store entries with keys derived from the refresh token they
// succeed: a reader of the cache without the secret learns neither the token nor the
// entry (SPEC §5). HKDF-SHA256 (HMAC-based) names and keys; XChaCha20-Poly1305 seals.

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
// The protocol between jobs that hold the same refresh token (SPEC §5): a ledger of
// spent tokens and their successors, a lock so one job refreshes, a rescue for rotated
// credentials the secret could not take. Entries are immutable; keys never reveal a token.


// A lock whose holder aborted without presenting the token is retried under the next
// generation; a handful is plenty, each costs a failed attempt.
const GENERATIONS = 5;
function keys(refreshToken, purpose) {
    const id = entryId(refreshToken);
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
    async read(refreshToken, wanted) {
        const hit = await this.backend.read(wanted);
        if (!hit)
            return undefined;
        const payload = await openEntry(refreshToken, hit.key, hit.data);
        return isEntry(payload) ? payload : undefined;
    }
    /** The successor of this refresh token, if a job already spent it. */
    async successor(refreshToken) {
        const found = await this.read(refreshToken, [keys(refreshToken, 'refresh').done]);
        return found?.kind === 'next' ? found : undefined;
    }
    /** Reserves the right to act for this refresh token; the first job to reserve it wins. */
    async acquire(refreshToken, purpose = 'refresh') {
        const k = keys(refreshToken, purpose);
        for (let gen = 0; gen < GENERATIONS; gen++) {
            const key = k.lock(gen);
            const result = await this.backend.create(key, await sealEntry(refreshToken, key, { kind: 'lock', at: new Date(this.deps.now()).toISOString() }));
            if (result === 'saved')
                return { state: 'owner', gen };
            if (result === 'failed')
                return { state: 'unavailable' };
            const abort = await this.read(refreshToken, [k.abort(gen)]);
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
    async wait(refreshToken, purpose, gen, timeoutMs) {
        const k = keys(refreshToken, purpose);
        const wanted = gen === undefined ? [k.done] : [k.done, k.abort(gen)];
        const start = this.deps.now();
        for (;;) {
            const found = await this.read(refreshToken, wanted);
            if (found)
                return found;
            const waited = this.deps.now() - start;
            if (waited >= timeoutMs)
                return undefined;
            this.deps.info(`waiting for another job's ${purpose === 'refresh' ? 'refresh' : 'recovery'}… ${(0,duration/* formatDuration */.a)(waited)}`);
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
    async done(refreshToken, entry) {
        const key = keys(refreshToken, entry.kind === 'next' ? 'refresh' : 'recover').done;
        return (await this.backend.create(key, await sealEntry(refreshToken, key, entry))) === 'saved';
    }
    async abort(refreshToken, purpose, gen, abort) {
        const key = keys(refreshToken, purpose).abort(gen);
        await this.backend.create(key, await sealEntry(refreshToken, key, { kind: 'abort', at: new Date(this.deps.now()).toISOString(), ...abort }));
    }
}

;// CONCATENATED MODULE: ./src/obtain.ts
// The refresh path (SPEC §3 steps 3–5, §4, §5): take a fresh token another job obtained,
// or refresh under the shared lock, write the rotated credentials back, publish them.
// Loaded on demand: the stored-token path never parses it or what it imports.











// GitHub's updated_at has whole seconds; runner clocks are NTP-synced to well within this.
const CLOCK_SKEW_MS = 2_000;
// A rescue can chain: recovered credentials may themselves need a refresh.
const MAX_HOPS = 3;
function openStore(deps, cfg) {
    const { core } = deps;
    if (!cfg.share) {
        core.info('share: false; refreshing without coordination between jobs.');
        return undefined;
    }
    const missing = deps.backend ? undefined : cacheAvailable(deps.env);
    if (missing) {
        core.info(`Shared store off: ${missing}; refreshing without coordination between jobs.`);
        return undefined;
    }
    const t = (0,src_deps/* timings */.E)(deps.env);
    const backend = deps.backend ?? actionsCacheBackend(deps.env, (m) => core.debug(m), t.cacheTimeoutMs);
    return new SharedStore(backend, { now: deps.now, sleep: deps.sleep, info: (m) => core.info(m), pollMs: t.pollMs, startedAt: deps.startedAt });
}
/** Credentials as a successor left them: the rescued document whole, or its tokens applied. */
function fromSuccessor(current, s, now) {
    if (s.credentials)
        return (0,credentials/* parseCredentials */.gu)(s.credentials);
    return (0,credentials/* applyTokenSet */.QL)(current, { accessToken: s.accessToken, expiresAt: s.expiresAt, idToken: s.idToken, scope: s.scopes?.join(' ') }, now);
}
async function obtain(deps, cfg, creds, masker) {
    const { core } = deps;
    const target = cfg.secret;
    if (deps.env.GITHUB_TOKEN && deps.env.GITHUB_TOKEN === cfg.githubToken) {
        throw new errors/* UserError */.yo("github-token: this is the job's own GITHUB_TOKEN, which can never read or write secrets. Pass a fine-grained PAT with \"Secrets: Read and write\" on the repository, or a GitHub App installation token with that permission.");
    }
    const api = new GitHubApi(cfg.githubApiUrl, cfg.githubToken, deps.github);
    let pre = await preflight(api, target);
    core.info(`Checked ${(0,github_target/* describeTarget */.f)(target)}: readable, last updated ${(0,neutral/* neutral */.S)(pre.updatedAt)}.`);
    let store = openStore(deps, cfg);
    const fresh = (c) => (0,credentials/* validFor */._K)(c, cfg.minTtlMs, deps.now());
    let current = creds;
    let secretUpdated = false;
    for (let hop = 0; hop < MAX_HOPS; hop++) {
        // 1. Spent ledger: never present a refresh token another job already spent.
        const successor = store && (await store.successor(current.refreshToken));
        if (successor) {
            masker.mask(successor.accessToken, successor.idToken, successor.credentials);
            const next = fromSuccessor(current, successor, deps.now());
            masker.mask(...(0,credentials/* secretsOf */.Fj)(next));
            if (successor.credentials) {
                if (await recover({ deps, store: store, api, target, pre, lockTimeoutMs: cfg.lockTimeoutMs }, current.refreshToken, next, successor, fresh(next))) {
                    secretUpdated = true;
                    pre = { ...pre, updatedAt: await currentUpdatedAt(api, target) };
                }
                current = next;
                if (fresh(next))
                    return { creds: next, source: 'shared', rotated: false, secretUpdated, refreshTokenLive: true };
                continue;
            }
            // Obtained while this job ran: as fresh as a refresh of its own would have been.
            if (fresh(next) || Date.parse(successor.at) >= deps.startedAt) {
                core.info(`This refresh token was already rotated by another job at ${(0,neutral/* neutral */.S)(successor.at)}; using the access token it obtained.`);
                return { creds: next, source: 'shared', rotated: false, secretUpdated, refreshTokenLive: false };
            }
            throw new errors/* UserError */.yo(`credentials: this refresh token was already rotated by another job at ${(0,neutral/* neutral */.S)(successor.at)}, and the access token it obtained is not valid for min-ttl ${(0,duration/* formatDuration */.a)(cfg.minTtlMs)}. This job holds an old copy of ${(0,github_target/* describeTarget */.f)(target)}: re-run it to read the current value.`);
        }
        // 2. An old copy: the secret changed after this job started, so its token is likely spent.
        if (!secretUpdated && Date.parse(pre.updatedAt) > deps.startedAt + CLOCK_SKEW_MS) {
            const stale = `credentials: ${(0,github_target/* describeTarget */.f)(target)} was updated at ${(0,neutral/* neutral */.S)(pre.updatedAt)}, after this job started, so the credentials this job was given are an old copy whose refresh token was probably spent; presenting it again could be refused as reuse and revoke the login. Re-run the job to read the current value.`;
            if (!store)
                throw new errors/* UserError */.yo(stale);
            core.info(`${(0,github_target/* describeTarget */.f)(target)} changed after this job started; waiting for the job that changed it to share its result.`);
            if (await store.wait(current.refreshToken, 'refresh', undefined, cfg.lockTimeoutMs))
                continue;
            throw new errors/* UserError */.yo(stale);
        }
        // 3. The lock: one job presents the token, the others wait for its result.
        let gen;
        if (store) {
            const lock = await store.acquire(current.refreshToken);
            if (lock.state === 'unavailable') {
                core.info('Shared store unavailable (the Actions cache refused the lock); refreshing without coordination between jobs.');
                store = undefined;
            }
            else if (lock.state === 'aborted') {
                throw new errors/* UserError */.yo(`An earlier job holding the same refresh token failed, so it is not presented again: ${lock.abort.message}`);
            }
            else if (lock.state === 'contended') {
                core.info(`Another job is refreshing this refresh token; waiting up to lock-timeout ${(0,duration/* formatDuration */.a)(cfg.lockTimeoutMs)} for its result.`);
                const result = await store.wait(current.refreshToken, 'refresh', lock.gen, cfg.lockTimeoutMs);
                if (result?.kind === 'next' || (result?.kind === 'abort' && store.mayRetry(result)))
                    continue;
                if (result?.kind === 'abort')
                    throw new errors/* UserError */.yo(`Another job holding the same refresh token failed: ${result.message} Re-run this job later.`);
                throw new errors/* UserError */.yo(`lock-timeout: another job reserved the refresh of this token but shared no result within ${(0,duration/* formatDuration */.a)(cfg.lockTimeoutMs)}; it may have failed or be slow. Re-run this job; if that job refreshed and then failed, the next run recovers its credentials from the shared store.`);
            }
            else {
                gen = lock.gen;
            }
        }
        // 4. Refresh, once.
        let tokens;
        try {
            tokens = await refreshTokens({ provider: cfg.provider, tokenUrl: cfg.tokenUrl, clientId: cfg.clientId, clientSecret: cfg.clientSecret, scopes: cfg.scopes ?? current.scopes, refreshToken: current.refreshToken }, {
                fetch: deps.fetch,
                now: deps.now,
                sleep: deps.sleep,
                info: (m) => core.info(m),
                timeoutMs: deps.github.timeoutMs,
                retryDelayMs: deps.github.retryBaseMs,
            });
        }
        catch (err) {
            const e = err instanceof errors/* InvalidGrantError */.Gy
                ? new errors/* InvalidGrantError */.Gy(`${err.message} Another run or a local login has probably rotated it: re-run this job so it reads the current value of ${(0,github_target/* describeTarget */.f)(target)}; if that fails too, log in again and store the new credentials in the secret (README: First login).`)
                : err;
            if (store && gen !== undefined) {
                const spent = err instanceof errors/* InvalidGrantError */.Gy ? 'yes' : err instanceof errors/* UncertainRefreshError */.DG ? 'unknown' : err instanceof errors/* UserError */.yo ? 'no' : 'unknown';
                await store.abort(current.refreshToken, 'refresh', gen, { spent, message: (0,errors/* describeError */.Uc)(e, masker.values) });
            }
            throw e;
        }
        // The first thing done with new tokens: mask them.
        masker.mask(tokens.accessToken, tokens.refreshToken, tokens.idToken);
        const next = (0,credentials/* applyTokenSet */.QL)(current, tokens, deps.now());
        const rotated = !!tokens.refreshToken && tokens.refreshToken !== current.refreshToken;
        core.info(`Refreshed at ${cfg.provider.id}${rotated ? '; a new refresh token was issued' : '; the refresh token was kept'}.`);
        // 5. Write back; if that fails, keep the credentials sealed in the store for the next run.
        const successorOf = (extra = {}) => ({
            kind: 'next',
            accessToken: next.accessToken,
            expiresAt: next.expiresAt,
            scopes: next.scopes,
            idToken: next.idToken,
            at: new Date(deps.now()).toISOString(),
            ...extra,
        });
        try {
            await writeSecret(api, target, pre, (0,credentials/* serializeCredentials */.dY)(next));
        }
        catch (err) {
            const why = err instanceof errors/* UserError */.yo ? err.message : (0,errors/* describeError */.Uc)(err, masker.values);
            const kept = store && rotated && (await store.done(current.refreshToken, successorOf({ credentials: (0,credentials/* serializeCredentials */.dY)(next), secretUpdatedAt: pre.updatedAt })));
            const head = `${rotated ? 'The rotated credentials' : 'The refreshed credentials'} could not be written to ${(0,github_target/* describeTarget */.f)(target)}: ${why}`;
            if (kept)
                throw new errors/* UserError */.yo(`${head} They are kept sealed in the shared store (Actions cache): fix the cause and re-run; the next run holding the same credentials recovers them and finishes the write-back, no new login needed.`);
            throw new errors/* UserError */.yo(`${head}${rotated ? ' The refresh token stored there is now spent: after fixing the cause, log in again and store the new credentials in the secret (README: First login).' : ''}`);
        }
        if (store && !(await store.done(current.refreshToken, successorOf()))) {
            core.warning('Could not share the new access token through the Actions cache; jobs still holding the old credentials must be re-run.');
        }
        return { creds: next, source: 'refreshed', rotated, secretUpdated: true, refreshTokenLive: true };
    }
    throw new errors/* UserError */.yo('credentials: too many successive recoveries from the shared store; re-run the job.');
}
/**
 * Finishes the write-back another job could not do, unless the secret changed since.
 * One job writes, under the recovery lock; the others use the rescued access token if it
 * is fresh enough, or wait until the write landed before anyone refreshes the rescued
 * token, so a late recovery can never overwrite a newer rotation. True when this job wrote.
 */
async function recover(ctx, spent, next, s, fresh) {
    const { deps, store, api, target, pre } = ctx;
    const { core } = deps;
    const write = async () => {
        if (pre.updatedAt !== s.secretUpdatedAt) {
            core.info(`Found credentials that a job at ${(0,neutral/* neutral */.S)(s.at)} could not store; ${(0,github_target/* describeTarget */.f)(target)} has changed since, so it is left as it is.`);
            return false;
        }
        await writeSecret(api, target, pre, (0,credentials/* serializeCredentials */.dY)(next));
        core.info(`Recovered the rotated credentials that a job at ${(0,neutral/* neutral */.S)(s.at)} could not store, and wrote them to ${(0,github_target/* describeTarget */.f)(target)}.`);
        return true;
    };
    const lock = await store.acquire(spent, 'recover');
    if (lock.state === 'unavailable')
        return write();
    if (lock.state === 'owner') {
        let wrote;
        try {
            wrote = await write();
        }
        catch (err) {
            await store.abort(spent, 'recover', lock.gen, { spent: 'no', message: (0,errors/* describeError */.Uc)(err, []) });
            throw err;
        }
        await store.done(spent, { kind: 'recovered', at: new Date(deps.now()).toISOString() });
        return wrote;
    }
    // Another job is writing them. Its access token is enough when fresh; else wait.
    if (fresh)
        return false;
    const result = lock.state === 'contended' ? await store.wait(spent, 'recover', lock.gen, ctx.lockTimeoutMs) : lock.abort;
    if (result?.kind === 'recovered')
        return false;
    if (result?.kind === 'abort')
        throw new errors/* UserError */.yo(`Another job could not store the rescued credentials: ${result.message} Re-run this job.`);
    throw new errors/* UserError */.yo(`lock-timeout: another job is storing the rescued credentials and did not finish within ${(0,duration/* formatDuration */.a)(ctx.lockTimeoutMs)}. Re-run this job.`);
}


/***/ })

};
