export const id = 549;
export const ids = [549];
export const modules = {

/***/ 8549:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  obtain: () => (/* binding */ obtain)
});

// EXTERNAL MODULE: ./src/core/formats/index.ts + 7 modules
var formats = __webpack_require__(4876);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 12 modules
var dist_src = __webpack_require__(4629);
// EXTERNAL MODULE: ./src/core/http.ts
var http = __webpack_require__(1983);
// EXTERNAL MODULE: ./src/core/neutral.ts
var neutral = __webpack_require__(8272);
;// CONCATENATED MODULE: ./src/core/version.ts
// Kept equal to package.json's version by __tests__/version.test.ts.
const VERSION = '1.0.0';
const USER_AGENT = `oauth-broker/${VERSION} (GitHub Action; +https://github.com/oauth-broker/oauth-broker)`;

// EXTERNAL MODULE: ./src/github/target.ts
var github_target = __webpack_require__(3738);
;// CONCATENATED MODULE: ./src/github/api.ts
// src/github: GitHub's REST API and nothing else: the Octokit client and its retry rules (this file),
// secrets and their sealed box, variables, issues, workflows, what GitHub's answers and errors mean.
// It knows nothing of claims or steps. May import: core.
//
// GitHub's REST API through Octokit's core, routes typed from GitHub's OpenAPI description, with the
// broker's own retry rules as a request hook: the stock retry plugin ignores `retry-after` on 429, and
// the throttling plugin acts only on GitHub's own rate-limit messages; the write-back must honour both
// exactly. Not @actions/github: its Octokit carries a method for every endpoint GitHub has (96 KB of
// table, built at load) and two proxy agents it replaces anyway, 10 ms of a refresh (npm run bench).





/**
 * An answer that is not GitHub's success (after retries): an error status, a redirect or an
 * unexpected 2xx; or no answer at all (`status` 0).
 */
class api_GitHubHttpError extends Error {
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
        this.foreign = options?.foreign ?? false;
    }
    /** An error answer without GitHub's JSON `message`: the server is most likely not GitHub's API. */
    foreign;
}
/** The REST API version the broker is built and tested against. */
const API_VERSION = '2022-11-28';
const MAX_ATTEMPTS = 5;
// What GitHub answers on success: 200 to a read; 201 (created) or 204 (updated) to a write; 204 to a delete;
// 201 to a create (an issue, a comment, a variable).
// 200 to an edit of an issue, 204 to an edit of a variable.
const SUCCESS = {
    GET: [200],
    PUT: [201, 204],
    DELETE: [204],
    POST: [201],
    PATCH: [200, 204],
};
const MAX_WAIT_MS = 120_000;
const EXPIRY_WARNING_MS = 7 * 86_400_000;
class GitHubApi {
    baseUrl;
    deps;
    wording;
    /** Octokit's request, typed by route (`'GET /repos/{owner}/{repo}'`); every call goes through the retry hook. */
    request;
    warnedExpiry = false;
    /** GitHub's clock as its last `Date` header told it, and when that answer arrived (monotonic). */
    clock;
    monotonic;
    host;
    constructor(baseUrl, token, deps, 
    /** What the caller's error lines call the token, the API URL and where the secret is. */
    wording = github_target/* ACTION_WORDING */.Ge) {
        this.baseUrl = baseUrl;
        this.deps = deps;
        this.wording = wording;
        // Octokit sends requests without one; every caller checks its token first, so none here is a wiring bug.
        if (!token)
            throw new Error('GitHubApi needs a token');
        const octokit = new dist_src/* Octokit */.E({
            auth: token,
            baseUrl: baseUrl.replace(/\/+$/, ''),
            userAgent: userAgent(USER_AGENT, process.env.ACTIONS_ORCHESTRATION_ID),
            // Never followed: the token would go along to wherever it points.
            // The timeout is set on each fetch: Octokit's auth hook drops a signal given in the options.
            request: { fetch: timed(deps, (res) => this.readClock(res)), redirect: 'manual' },
            log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
        });
        octokit.hook.wrap('request', (request, options) => this.retrying(request, options));
        this.request = octokit.request;
        this.monotonic = deps.monotonic ?? (() => performance.now());
        this.host = URL.canParse(baseUrl) ? new URL(baseUrl).host : baseUrl;
    }
    /**
     * What time it is at GitHub, epoch ms: its last `Date` header plus the time passed since, on this
     * machine's monotonic clock; undefined before any answer. Never the runner's wall clock, which may
     * be off by any amount. `Date` counts whole seconds, so this may be up to a second behind.
     */
    githubNow() {
        return this.clock && this.clock.github + (this.monotonic() - this.clock.at);
    }
    /**
     * GitHub's clock from an answer's headers, as they arrive (a slow body does not age it), from GitHub's
     * own answers (a request id): a proxy's or a load balancer's error page has a clock of its own. A success
     * without one (a proxy that drops the header) serves until GitHub's own answer comes.
     */
    readClock(res) {
        const date = Date.parse(res.headers.get('date') ?? '');
        const own = res.headers.has('x-github-request-id');
        if (Number.isFinite(date) && (own || (res.ok && !this.clock?.own)))
            this.clock = { github: date, at: this.monotonic(), own };
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
        const { once, again } = (options.request ?? {});
        for (let attempt = 1;; attempt++) {
            if (again && attempt > 1)
                Object.assign(options, await again());
            let failure;
            let headers;
            let final;
            let path = options.url;
            try {
                const res = await request(options);
                this.checkExpiry(res.headers);
                if (SUCCESS[method]?.includes(res.status)) {
                    // Octokit hands over a body it could not parse as JSON as text (or bytes).
                    if (method === 'GET' && (typeof res.data === 'string' || res.data instanceof ArrayBuffer)) {
                        throw new api_GitHubHttpError(res.status, 'the answer is not JSON');
                    }
                    return res;
                }
                const what = res.status >= 300 ? 'a redirect, which is not followed' : `not GitHub's answer to a ${method}`;
                throw new api_GitHubHttpError(res.status, what);
            }
            catch (err) {
                if (err instanceof api_GitHubHttpError)
                    throw err;
                ({ failure, headers, final } = this.failureOf(err));
                // The expanded URL of the request Octokit sent, not the route template.
                const sent = err.request?.url;
                if (sent)
                    path = new URL(sent).pathname;
            }
            const wait = this.retryDelay(failure.status, headers, attempt);
            if (wait === undefined || final || attempt >= MAX_ATTEMPTS || (once && failure.ambiguous))
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
            const foreign = typeof response.data?.message !== 'string';
            const failure = new api_GitHubHttpError(response.status, messageOf(response.data), response.status >= 500, {
                cause: err,
                foreign,
            });
            return { failure, headers: response.headers };
        }
        // Octokit wraps what fetch threw as `cause`; a timeout arrives as fetch's own error.
        const thrown = err.cause ?? err;
        const f = (0,http/* classifyFetchError */.D$)(thrown, this.deps.timeoutMs);
        if (this.deps.failFast && f.unresolved) {
            const reason = `the host ${(0,neutral/* neutral */.SY)(this.host, 80)} was not found (${f.unresolved})`;
            return { failure: new api_GitHubHttpError(0, reason, false, { cause: err }), final: true };
        }
        if (this.deps.failFast && f.lasting)
            return { failure: new api_GitHubHttpError(0, f.reason, false, { cause: err }), final: true };
        return { failure: new api_GitHubHttpError(0, f.reason, !f.notSent, { cause: err }) };
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
/** The runner's orchestration id beside the broker's name, as @actions/github adds it: GitHub ties calls to the job. */
function userAgent(broker, orchestrationId) {
    const id = orchestrationId?.trim();
    return id ? `${broker} actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}` : broker;
}
/** Each attempt gets the whole timeout, answer body included; `heard` sees each answer as its headers arrive. */
function timed(deps, heard) {
    return async (input, init) => {
        const res = await deps.fetch(input, { ...init, signal: AbortSignal.timeout(deps.timeoutMs) });
        heard(res);
        return res;
    };
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

// EXTERNAL MODULE: ./src/core/checks.ts
var checks = __webpack_require__(5950);
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
let loading;
/**
 * libsodium, ready; the first call starts loading it. Its loader compiles the WebAssembly with the
 * asynchronous `WebAssembly.instantiate`, whose background compile left the refresh path idle for about
 * 100 ms on two cores busy loading the GitHub client (npm run bench). So while libsodium loads,
 * instantiating from bytes compiles on the main thread: the same module, without the wait.
 */
function sodium() {
    loading ??= (async () => {
        const wasm = globalThis.WebAssembly;
        const instantiate = wasm.instantiate;
        wasm.instantiate = async (source, imports, ...options) => {
            // A compiled module (from any realm) is instantiated as before; only bytes are compiled here.
            if (Object.prototype.toString.call(source) === '[object WebAssembly.Module]') {
                return instantiate.call(wasm, source, imports, ...options);
            }
            const module = new wasm.Module(source, ...options);
            return { module, instance: new wasm.Instance(module, imports) };
        };
        try {
            const { default: s } = await __webpack_require__.e(/* import() */ 768).then(__webpack_require__.bind(__webpack_require__, 4768));
            await s.ready;
            return s;
        }
        finally {
            wasm.instantiate = instantiate;
        }
    })();
    return loading;
}
async function sealForGitHub(plaintext, publicKeyBase64) {
    const key = keyBytes(publicKeyBase64);
    if (!key)
        throw new errors/* UserError */.yo('OB_GITHUB', 'GitHub returned a public key that is not a 32-byte base64 key; check github-api-url.');
    const s = await sodium();
    const sealed = s.crypto_box_seal(s.from_string(plaintext), key);
    return s.to_base64(sealed, s.base64_variants.ORIGINAL);
}

;// CONCATENATED MODULE: ./src/github/answers.ts
// GitHub's answers, checked before they are trusted: an answer of another shape is one
// line naming the API URL setting, never a TypeError halfway through a write-back.




/** An answer that is not what GitHub sends: most likely the API URL (`apiUrl` names its setting) points elsewhere. */
function malformed(doing, what, apiUrl = github_target/* ACTION_WORDING */.Ge.apiUrl) {
    return new errors/* UserError */.yo('OB_GITHUB', `${apiUrl}: could not ${doing}: ${what}; check that ${apiUrl} is GitHub's API.`, {
        details: "GitHub's API is https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server.",
    });
}
/** A key id and a 32-byte key, checked before a refresh rather than at the write. */
function publicKeyOf(data, doing, apiUrl) {
    if (!(0,checks/* isJsonObject */.OW)(data) || typeof data.key_id !== 'string' || !data.key_id || typeof data.key !== 'string') {
        throw malformed(doing, 'the answer has no key_id and key', apiUrl);
    }
    if (!checkPublicKey(data.key))
        throw malformed(doing, 'the key is not a 32-byte base64 public key', apiUrl);
    return { key_id: data.key_id, key: data.key };
}
function metadataOf(data, doing, apiUrl) {
    if (!(0,checks/* isJsonObject */.OW)(data) || typeof data.updated_at !== 'string' || !Number.isFinite(Date.parse(data.updated_at))) {
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
    const repos = (0,checks/* isJsonObject */.OW)(data) && Array.isArray(data.repositories) ? data.repositories : undefined;
    if (!repos?.every((r) => (0,checks/* isJsonObject */.OW)(r) && Number.isSafeInteger(r.id))) {
        throw malformed(doing, 'the answer has no list of repositories', apiUrl);
    }
    const ids = repos.map((r) => r.id);
    const total = data.total_count;
    return Number.isSafeInteger(total) ? { ids, total: total } : { ids };
}
/** A repository's id, which an organisation secret's selected repositories are given by. */
function repositoryIdOf(data, doing, apiUrl) {
    if (!isJsonObject(data) || !Number.isSafeInteger(data.id))
        throw malformed(doing, 'the answer has no id', apiUrl);
    return data.id;
}

;// CONCATENATED MODULE: ./src/github/explain.ts
// GitHub's refusals, explained: the error line names the setting that is wrong (as the caller's
// wording calls it), what happened and the fix; where and GitHub's whole message follow it.





function where(t) {
    if (t.kind === 'repo')
        return `repository ${t.owner}/${t.repo}`;
    if (t.kind === 'env')
        return `environment ${t.environment} of ${t.owner}/${t.repo}`;
    return `organization ${t.org}`;
}
/** The fine-grained permission a write there needs: an environment's are under Environments. */
function permissionName(t, r) {
    if (t.kind === 'env')
        return 'Environments';
    return r === 'secrets' ? 'Secrets' : 'Variables';
}
/** The permission, in as few words as the error line can take. */
function permissionShort(t, r = 'secrets') {
    return `${t.kind === 'org' ? 'organization ' : ''}"${permissionName(t, r)}: Read and write"`;
}
function permission(t, r = 'secrets') {
    return `${t.kind === 'org' ? 'organization' : 'repository'} permission "${permissionName(t, r)}: Read and write"`;
}
// The error line quotes at most this much of GitHub's message; the lines after it, the whole.
const QUOTED_CHARS = 60;
/**
 * Turns a GitHub failure into an error line naming the setting (as `w` calls it), what happened
 * and the fix, with where the secret is and GitHub's whole message in the lines after it.
 */
function explain_explain(err, t, doing, w = github_target/* ACTION_WORDING */.Ge, r = 'secrets') {
    if (!(err instanceof api_GitHubHttpError))
        return err;
    if (err.status >= 200 && err.status < 400)
        return malformed(doing, `${err.githubMessage} (HTTP ${err.status})`, w.apiUrl);
    // GitHub answers every refusal with its JSON `message`: an answer without one is another server's.
    if (err.foreign && err.status >= 400 && err.status < 500)
        return malformed(doing, `the answer (HTTP ${err.status}) is not GitHub's`, w.apiUrl);
    const message = (0,neutral/* neutral */.SY)(err.githubMessage, QUOTED_CHARS);
    const answered = err.status ? `GitHub answered ${err.status}` : 'GitHub could not be reached';
    const said = `${answered}${err.status ? ' ' : ': '}${message}`;
    const fail = (input, fix, more = [], code = 'OB_GITHUB_ACCESS') => {
        const full = `${input}: could not ${doing}: ${said}; ${fix}.`;
        const quoted = full.length <= errors/* MAX_ERROR_LINE */.lb;
        const label = err.status ? "GitHub's message" : 'Why';
        const whole = quoted && message === err.githubMessage ? [] : [`${label}: ${err.githubMessage}`];
        const secret = 'name' in t ? [`The secret: ${(0,github_target/* describeTarget */.ff)(t)}.`] : [];
        return new errors/* UserError */.yo(code, quoted ? full : `${input}: could not ${doing}: ${answered}; ${fix}.`, {
            cause: err,
            details: [...secret, ...whole, ...more],
        });
    };
    switch (err.status) {
        case 0:
            return fail(w.apiUrl, `check ${w.apiUrl} and ${w.network}`, [], 'OB_GITHUB');
        case 401:
            return fail(w.token, 'the token is invalid or expired; create a new one', [
                `It needs the ${permission(t, r)} on ${where(t)}.`,
            ]);
        case 403:
            if (/by integration/i.test(err.githubMessage)) {
                return fail(w.token, "use a fine-grained PAT, not the job's GITHUB_TOKEN", [
                    errors/* GITHUB_TOKEN_CANNOT */.iB,
                    `The permission needed: the ${permission(t, r)} on ${where(t)}.`,
                ]);
            }
            return fail(w.token, `give it the permission ${permissionShort(t, r)}`, [
                `It needs the ${permission(t, r)} on ${where(t)}.`,
            ]);
        case 404:
            return fail(w.place[t.kind], `check the name, and that ${w.token} has access to it`);
        default:
            return fail(w.apiUrl, 'run again later', [`If this persists, check that ${w.apiUrl} is GitHub's API.`], 'OB_GITHUB');
    }
}

;// CONCATENATED MODULE: ./src/github/secret-endpoints.ts

function secret_endpoints_secretEndpoints(api, t) {
    const send = api.request;
    const none = () => {
        throw new Error('only organisation secrets have selected repositories');
    };
    if (t.kind === 'repo') {
        const at = { owner: t.owner, repo: t.repo };
        return {
            // https://docs.github.com/rest/actions/secrets#get-a-repository-public-key
            publicKey: () => send('GET /repos/{owner}/{repo}/actions/secrets/public-key', at),
            // https://docs.github.com/rest/actions/secrets#get-a-repository-secret
            get: (name) => send('GET /repos/{owner}/{repo}/actions/secrets/{secret_name}', { ...at, secret_name: name }),
            // https://docs.github.com/rest/actions/secrets#create-or-update-a-repository-secret
            put: (name, sealed, _, again) => send('PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}', {
                ...at,
                secret_name: name,
                ...sealed,
                request: { again },
            }),
            // https://docs.github.com/rest/actions/secrets#delete-a-repository-secret
            remove: (name) => send('DELETE /repos/{owner}/{repo}/actions/secrets/{secret_name}', { ...at, secret_name: name }),
            // https://docs.github.com/rest/actions/secrets#list-repository-secrets
            list: (page) => send('GET /repos/{owner}/{repo}/actions/secrets', { ...at, per_page: 100, page }),
            selectedRepositories: none,
        };
    }
    if (t.kind === 'env') {
        const at = { owner: t.owner, repo: t.repo, environment_name: t.environment };
        return {
            // https://docs.github.com/rest/actions/secrets#get-an-environment-public-key
            publicKey: () => send('GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key', at),
            // https://docs.github.com/rest/actions/secrets#get-an-environment-secret
            get: (name) => send('GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}', {
                ...at,
                secret_name: name,
            }),
            // https://docs.github.com/rest/actions/secrets#create-or-update-an-environment-secret
            put: (name, sealed, _, again) => send('PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}', {
                ...at,
                secret_name: name,
                ...sealed,
                request: { again },
            }),
            // https://docs.github.com/rest/actions/secrets#delete-an-environment-secret
            remove: (name) => send('DELETE /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}', {
                ...at,
                secret_name: name,
            }),
            // https://docs.github.com/rest/actions/secrets#list-environment-secrets
            list: (page) => send('GET /repos/{owner}/{repo}/environments/{environment_name}/secrets', { ...at, per_page: 100, page }),
            selectedRepositories: none,
        };
    }
    const org = t.org;
    return {
        // https://docs.github.com/rest/actions/secrets#get-an-organization-public-key
        publicKey: () => send('GET /orgs/{org}/actions/secrets/public-key', { org }),
        // https://docs.github.com/rest/actions/secrets#get-an-organization-secret
        get: (name) => send('GET /orgs/{org}/actions/secrets/{secret_name}', { org, secret_name: name }),
        // https://docs.github.com/rest/actions/secrets#create-or-update-an-organization-secret
        put: (name, sealed, access, again) => send('PUT /orgs/{org}/actions/secrets/{secret_name}', {
            org,
            secret_name: name,
            ...sealed,
            request: { again },
            visibility: access.visibility ?? 'private',
            ...(access.visibility === 'selected' ? { selected_repository_ids: access.selectedRepositoryIds ?? [] } : {}),
        }),
        // https://docs.github.com/rest/actions/secrets#delete-an-organization-secret
        remove: (name) => send('DELETE /orgs/{org}/actions/secrets/{secret_name}', { org, secret_name: name }),
        // https://docs.github.com/rest/actions/secrets#list-organization-secrets
        list: (page) => send('GET /orgs/{org}/actions/secrets', { org, per_page: 100, page }),
        // https://docs.github.com/rest/actions/secrets#list-selected-repositories-for-an-organization-secret
        selectedRepositories: (name, page) => send('GET /orgs/{org}/actions/secrets/{secret_name}/repositories', {
            org,
            secret_name: name,
            per_page: 100,
            page,
        }),
    };
}
/** Sends a request, GitHub's refusal explained as `doing` failing. */
async function sendExplained(api, t, doing, send) {
    try {
        return await send();
    }
    catch (err) {
        throw explain_explain(err, t, doing, api.wording);
    }
}

;// CONCATENATED MODULE: ./src/github/public-key.ts



/** The public key the secrets of that place are sealed with. */
async function readPublicKey(api, p) {
    const doing = `read the public key of ${where(p)}`;
    const answer = await sendExplained(api, p, doing, () => secret_endpoints_secretEndpoints(api, p).publicKey());
    return publicKeyOf(answer.data, doing, api.wording.apiUrl);
}

;// CONCATENATED MODULE: ./src/github/secret-read.ts
// What can be read of a secret before a refresh and after a write: its metadata (when it was
// last updated, who may use it), whether it exists, and the names beside it.







// 100 pages of 100: more repositories than an organisation selects, and a bound on a
// server that never says it is done.
const MAX_PAGES = 100;
/** A secret beside the target (the target itself by default). */
async function readMetadata(api, t, name = t.name) {
    const { data } = await secret_endpoints_secretEndpoints(api, t).get(name);
    return metadataOf(data, `read ${(0,github_target/* describeTarget */.ff)({ ...t, name })}`, api.wording.apiUrl);
}
/** The secret's `updated_at` now: after a write of ours, so a later rescue compares against it. */
async function currentUpdatedAt(api, t) {
    try {
        return (await readMetadata(api, t)).updated_at;
    }
    catch (err) {
        throw explain_explain(err, t, `read ${(0,github_target/* describeTarget */.ff)(t)}`, api.wording);
    }
}
/**
 * Everything that can be checked without changing anything, before a refresh token is spent. A key
 * the value's marker recorded saves a request; a write refused for it fetches the current one.
 */
async function preflight(api, t, known) {
    const key = known ?? (await readPublicKey(api, t));
    let meta;
    try {
        meta = await readMetadata(api, t);
    }
    catch (err) {
        if (err instanceof api_GitHubHttpError && err.status === 404) {
            throw (0,checks/* invalid */.Gq)(api.wording.name, `${(0,github_target/* describeTarget */.ff)(t)} does not exist`, 'create it with the credentials first (README: First login)', {
                cause: err,
                details: 'Pass that same secret as credentials; otherwise the stored credentials the workflow reads ' +
                    'would silently go stale.',
            });
        }
        throw explain_explain(err, t, `read ${(0,github_target/* describeTarget */.ff)(t)}`, api.wording);
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
async function selectedRepositories(api, t) {
    const doing = `list the repositories that may use ${(0,github_target/* describeTarget */.ff)(t)}`;
    const ids = new Set();
    for (let page = 1; page <= MAX_PAGES; page++) {
        const answer = await sendExplained(api, t, doing, () => secret_endpoints_secretEndpoints(api, t).selectedRepositories(t.name, page));
        const { ids: more, total } = repositoryPageOf(answer.data, doing, api.wording.apiUrl);
        for (const id of more)
            ids.add(id);
        // Done at the total when GitHub states it (a page may be shorter than asked), else at a short page.
        if (more.length === 0 || (total !== undefined ? ids.size >= total : more.length < 100))
            return [...ids];
    }
    // Writing a partial list would take the secret away from the repositories left out.
    throw malformed(doing, `the list did not end after ${MAX_PAGES} pages`, api.wording.apiUrl);
}
/** Names starting with `prefix` and when they were created, every page read. */
async function listSecrets(api, t, prefix) {
    const doing = `list the secrets of ${where(t)}`;
    const found = [];
    for (let page = 1, seen = 0; page <= MAX_PAGES; page++) {
        const answer = await sendExplained(api, t, doing, () => secret_endpoints_secretEndpoints(api, t).list(page));
        const data = answer.data;
        if (!Array.isArray(data?.secrets))
            throw malformed(doing, 'the answer has no list of secrets', api.wording.apiUrl);
        for (const s of data.secrets) {
            if (typeof s?.name !== 'string' || typeof s.created_at !== 'string' || !s.name.startsWith(prefix))
                continue;
            const createdAt = Date.parse(s.created_at);
            if (!Number.isFinite(createdAt)) {
                throw malformed(doing, `secret ${s.name} has no valid created_at`, api.wording.apiUrl);
            }
            found.push({ name: s.name, createdAt });
        }
        seen += data.secrets.length;
        const total = Number.isSafeInteger(data.total_count) ? data.total_count : undefined;
        if (data.secrets.length < 100 || (total !== undefined && seen >= total))
            return found;
    }
    throw malformed(doing, `the list did not end after ${MAX_PAGES} pages`, api.wording.apiUrl);
}
/** Whether a secret of that name exists beside the target. */
async function secretExists(api, t, name) {
    try {
        await readMetadata(api, t, name);
        return true;
    }
    catch (err) {
        if (err instanceof api_GitHubHttpError && err.status === 404)
            return false;
        throw explain_explain(err, t, `read ${(0,github_target/* describeTarget */.ff)({ ...t, name })}`, api.wording);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/core/marker.ts
var marker = __webpack_require__(4517);
;// CONCATENATED MODULE: ./src/github/secret-write.ts
// Writing a secret: the rotated credentials back, a first value (the CLI's seed), the check
// that the token may write at all, and deleting what the broker made.








/** PUTs a sealed value as it is: 201 created, 204 updated; GitHub's refusal unexplained (a GitHubHttpError). */
async function putSealedValue(api, t, sealed, access) {
    return (await secretEndpoints(api, t).put(t.name, sealed, access)).status;
}
/** Seals the value and PUTs it; 201 created, 204 updated. The key may have rotated: fetched again once. */
async function putSealed(api, t, pre, name, value, access, doing = `write ${(0,github_target/* describeTarget */.ff)({ ...t, name })}`, 
/** The value as sealed with that key (a value that records its key). */
valueFor = () => value) {
    const sealAndPut = async (key) => {
        const seal = async () => ({
            encrypted_value: await sealForGitHub(valueFor(key), key.key),
            key_id: key.key_id,
        });
        return (await secret_endpoints_secretEndpoints(api, t).put(name, await seal(), access, seal)).status;
    };
    try {
        return await sealAndPut(pre.key);
    }
    catch (err) {
        if (!(err instanceof api_GitHubHttpError && err.status === 422))
            throw explain_explain(err, t, doing, api.wording);
        const fresh = await readPublicKey(api, t);
        if (fresh.key_id === pre.key.key_id)
            throw explain_explain(err, t, doing, api.wording);
        pre.key = fresh;
        try {
            return await sealAndPut(fresh);
        }
        catch (again) {
            throw explain_explain(again, t, doing, api.wording);
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
    const stamped = (key) => (stored = (0,marker/* stamp */.iE)(value, api.githubNow() ?? api.now(), { ...more, key }));
    await putSealed(api, t, pre, t.name, value, pre, undefined, stamped);
    return stored;
}
/**
 * Proves the token may write secrets there, before anything is spent: GitHub has no way to ask a
 * fine-grained token what it may do, and a write is the only test. The value is random and means
 * nothing; the secret is the one the broker leaves beside the targets of a place.
 */
async function checkWrite(api, t, pre) {
    const doing = `write secrets of ${where(t)} (a check before the refresh)`;
    await putSealed(api, t, pre, github_target/* WRITE_CHECK */.lb, (0,external_node_crypto_.randomBytes)(16).toString('hex'), { visibility: 'selected' }, doing);
}
/** Deletes a secret the broker made; absent already is fine. */
async function deleteSecret(api, t, name) {
    try {
        await secret_endpoints_secretEndpoints(api, t).remove(name);
    }
    catch (err) {
        if (err instanceof api_GitHubHttpError && err.status === 404)
            return;
        throw explain_explain(err, t, `delete ${(0,github_target/* describeTarget */.ff)({ ...t, name })}`, api.wording);
    }
}
/**
 * Stores a first value exactly as given: no marker, since a value the broker never wrote is
 * trusted (src/core/marker.ts). 201 created, 204 updated.
 */
function seedSecret(api, t, key, value, access) {
    return putSealed(api, t, { key }, t.name, value, access);
}

;// CONCATENATED MODULE: ./src/github/token.ts

/**
 * Refuses a token equal to the environment's GITHUB_TOKEN: a workflow sets that variable to
 * the job's own token (github.token), which GitHub would refuse with a 403 at the first call.
 */
function refuseJobToken(env, token, w) {
    if (env.GITHUB_TOKEN && env.GITHUB_TOKEN === token) {
        throw new errors/* UserError */.yo('OB_GITHUB_ACCESS', `${w.token}: this is the job's own GITHUB_TOKEN, which cannot write secrets; pass ${errors/* PAT_FIX */.Ey} on the secret.`, { details: errors/* GITHUB_TOKEN_CANNOT */.iB });
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/core/credfile.ts
// The provider CLI's own credentials file (README, `credentials-file`), written 0600.





// Claude Code ignores a file whose scopes lack user:inference ("Not logged in").
const CLAUDE_DEFAULT_SCOPES = (/* unused pure expression or super */ null && (['user:inference']));
/**
 * The file as the provider's CLI reads it. Without `clientRefresh` it holds no refresh
 * token, so the broker stays the only party that ever spends one.
 */
function credentialsFileContent(provider, c, clientRefresh) {
    const refreshToken = clientRefresh ? c.refreshToken : undefined;
    if (provider === 'anthropic') {
        const o = c.format === 'claude-code' ? { ...c.doc.claudeAiOauth } : {};
        o.accessToken = c.accessToken;
        o.expiresAt = c.expiresAt;
        o.scopes = c.scopes ?? o.scopes ?? CLAUDE_DEFAULT_SCOPES;
        if (refreshToken)
            o.refreshToken = refreshToken;
        else
            delete o.refreshToken;
        return JSON.stringify({ ...(c.format === 'claude-code' ? unmarked(c.doc) : {}), claudeAiOauth: o }, null, 2);
    }
    if (provider === 'openai') {
        const doc = c.format === 'codex' ? unmarked(c.doc) : { auth_mode: 'chatgpt', OPENAI_API_KEY: null };
        const tokens = { ...(doc.tokens ?? {}) };
        tokens.access_token = c.accessToken;
        if (c.idToken)
            tokens.id_token = c.idToken;
        // Codex requires the field to exist; an empty one cannot be spent.
        tokens.refresh_token = refreshToken ?? '';
        doc.tokens = tokens;
        return JSON.stringify(doc, null, 2);
    }
    const doc = { access_token: c.accessToken, token_type: 'Bearer' };
    if (c.expiresAt !== undefined)
        doc.expires_at = new Date(c.expiresAt).toISOString();
    if (refreshToken)
        doc.refresh_token = refreshToken;
    return JSON.stringify(doc, null, 2);
}
/**
 * The document without the broker's write marker: the CLI's file is the CLI's, and a file
 * stored back by hand must not carry a marker older than the write that stores it.
 */
function unmarked(doc) {
    const { [MARKER_FIELD]: _, ...rest } = doc;
    return rest;
}
/** What is at `path` without following a link, or undefined when nothing is. */
function entryAt(path) {
    try {
        return lstatSync(path);
    }
    catch (err) {
        // ENOTDIR: a parent is a file, so nothing can be there; writing will say so.
        if (['ENOENT', 'ENOTDIR'].includes(systemCode(err)))
            return undefined;
        throw err;
    }
}
/** A symbolic link, a directory, a socket…: said in a few words. */
function kindOf(st) {
    if (st.isSymbolicLink())
        return 'a symbolic link';
    return st.isDirectory() ? 'a directory' : 'not a regular file';
}
/**
 * Makes room at `path` without losing what is there: a file (a login already on this
 * runner) is renamed beside it, and its new name returned. Anything but a file is refused:
 * writing through a symbolic link could replace any file the runner's user can write.
 */
function moveAside(path, suffix) {
    const st = entryAt(path);
    if (!st)
        return undefined;
    if (!st.isFile()) {
        throw new UserError('OB_FILE', `credentials-file: ${path} is ${kindOf(st)}, which is never replaced; choose another path.`);
    }
    const backup = `${path}${suffix}${randomBytes(6).toString('hex')}`;
    renameSync(path, backup);
    return backup;
}
/**
 * Writes atomically with mode 0600 (directory 0700), so no reader ever sees a partial or
 * open file, and durably: the data reaches the disk before the rename, and the rename
 * after it, so a crash leaves the old file or the new one, never an empty one. The
 * temporary file is created exclusively and renamed over `path`: a link put at either
 * name is replaced, never followed. `mode` may only be stricter (0400). `durable: false`
 * skips the two syncs (about a millisecond each here), for a file nothing reads after a crash.
 * `createFolder: false` leaves a missing folder missing (the write fails) for a path a user typed.
 */
function writePrivateFile(path, content, { mode = 0o600, durable = true, createFolder = true, } = {}) {
    if (createFolder)
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true, mode: 0o700 });
    const tmp = `${path}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`;
    try {
        const fd = (0,external_node_fs_.openSync)(tmp, 'wx', mode);
        try {
            (0,external_node_fs_.writeFileSync)(fd, content);
            // The umask may have narrowed the mode given to open.
            (0,external_node_fs_.fchmodSync)(fd, mode);
            if (durable)
                (0,external_node_fs_.fsyncSync)(fd);
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
        (0,external_node_fs_.renameSync)(tmp, path);
    }
    catch (err) {
        (0,external_node_fs_.rmSync)(tmp, { force: true });
        throw err;
    }
    if (durable)
        syncFolder((0,external_node_path_.dirname)(path));
}
/** Makes a rename durable where a folder can be synced (not on Windows). The file is in place either way. */
function syncFolder(dir) {
    if (process.platform === 'win32')
        return;
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(dir, 'r');
        (0,external_node_fs_.fsyncSync)(fd);
    }
    catch {
        // Some file systems refuse to sync a folder; the rename has happened all the same.
    }
    finally {
        if (fd !== undefined)
            (0,external_node_fs_.closeSync)(fd);
    }
}

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
const hkdf = (ikm, salt, info, bytes) => Buffer.from((0,external_node_crypto_.hkdfSync)('sha256', ikm, salt, info, bytes));
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
    const nonce = (0,external_node_crypto_.randomBytes)(RESULT_NONCE);
    const c = (0,external_node_crypto_.createCipheriv)('chacha20-poly1305', resultKey(material), nonce, { authTagLength: RESULT_TAG });
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
        const d = (0,external_node_crypto_.createDecipheriv)('chacha20-poly1305', resultKey(material), nonce, { authTagLength: RESULT_TAG });
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
    const iv = (0,external_node_crypto_.randomBytes)(12);
    const c = (0,external_node_crypto_.createCipheriv)('aes-256-gcm', key, iv);
    const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), body]);
}
/** The text sealPending() sealed under `key`; throws when it was not. */
function openPending(key, data) {
    const d = (0,external_node_crypto_.createDecipheriv)('aes-256-gcm', key, data.subarray(0, 12));
    d.setAuthTag(data.subarray(12, 28));
    return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8');
}
/** The MAC key of the post-step state saved under `name`: one per name, so no state passes for another. */
const stateKey = (credentials, name, githubToken) => (0,external_node_crypto_.createHmac)('sha256', credentials).update(`${name} state\0${githubToken}`).digest();
/** HMAC-SHA256 of `text` under a stateKey(), hex. */
const stateMac = (key, text) => (0,external_node_crypto_.createHmac)('sha256', key).update(text).digest('hex');
/** A refresh token's tag under the state key: the post step recognises it, the state does not reveal it. */
const keys_refreshTag = (key, token) => stateMac(key, `refresh\0${token}`).slice(0, 32);

// EXTERNAL MODULE: ./src/core/env.ts
var env = __webpack_require__(8792);
;// CONCATENATED MODULE: ./src/github/jobs.ts
// Whether a job of a workflow run has ended, read from the jobs of its run attempt: a CLI's claim lasts
// until its job's post step or the job's end (docs/design.md, "The claim"). The token needs "Actions:
// Read-only" on the job's repository; without it the claim's lease ends it instead.


const PER_PAGE = 100;
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
            per_page: PER_PAGE,
            page,
            // Not retried: a waiting job asks again later, its lock-timeout running meanwhile.
            request: { once: true },
        });
        const jobs = (0,checks/* isJsonObject */.OW)(data) && Array.isArray(data.jobs) ? data.jobs : undefined;
        if (!jobs)
            throw malformed(doing, 'the answer has no list of jobs', api.wording.apiUrl);
        for (const j of jobs) {
            if (!(0,checks/* isJsonObject */.OW)(j) || j.runner_name !== job.runner)
                continue;
            if (j.status !== 'completed')
                return false;
            onRunner++;
        }
        if (jobs.length < PER_PAGE)
            return onRunner > 0;
    }
    return false;
}

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
function protocol_parseClaimName(name) {
    const m = NAME.exec(name.toUpperCase());
    return m ? { id: m[1], recovery: m[2] === 'R', gen: Number(m[3]) } : undefined;
}
const STATES = ['busy', 'cli', 'settled', 'spent'];
function encodeClaim(v) {
    return JSON.stringify(v);
}
/** A claim's value as the broker writes it; undefined for anything else (then it is not a claim to trust). */
function protocol_decodeClaim(text) {
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
    return sentAt === undefined || answerBy(sentAt, leaseS * 1000) - now >= env/* MIN_ATTEMPT_MS */.i;
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
    return Math.max(Math.ceil((LEASE_MARGIN_MS + env/* MIN_ATTEMPT_MS */.i) / 1000), Math.ceil(leaseMs / 1000));
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
    const young = (k) => written - k.at <= marker/* OLD_COPY_AFTER_MS */.sJ + STAMP_SLACK_MS;
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
    const kept = Object.entries(d ?? {}).filter(([, at]) => newest - Date.parse(at) <= marker/* OLD_COPY_AFTER_MS */.sJ + STAMP_SLACK_MS);
    const added = add.flatMap((k) => {
        const id = protocol_parseClaimName(k.name)?.id;
        return id ? [[id, new Date(k.at).toISOString()]] : [];
    });
    return Object.fromEntries([...kept, ...added]);
}
/** Whether the seed's claim `seed` records the copy of the claim `name` as buried: that copy is spent. */
function isBuried(seed, name) {
    const id = protocol_parseClaimName(name)?.id;
    return !!id && !!seed?.d && Object.hasOwn(seed.d, id);
}
/**
 * Every generation of the copy a claim is about, up to that claim's, highest first: a removal that
 * stops halfway leaves generation 0, which still stops a job holding that copy.
 */
function generationsOf(name) {
    const parsed = protocol_parseClaimName(name);
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
    const claim = protocol_parseClaimName(v.name) && protocol_decodeClaim(v.value);
    if (!claim || claim.t !== secret || keep.includes(v.name) || now - v.createdAt <= marker/* OLD_COPY_AFTER_MS */.sJ)
        return false;
    // A seed's claim whose record of buried copies may still stop a job (one holding a copy of another secret's chain).
    const buried = Object.values(claim.d ?? {}).some((at) => now - Date.parse(at) <= marker/* OLD_COPY_AFTER_MS */.sJ + STAMP_SLACK_MS);
    return !buried && judge({ value: claim, createdAt: v.createdAt, updatedAt: v.updatedAt }, now).kind !== 'held';
}

;// CONCATENATED MODULE: ./src/action/state.ts
// What the main step hands the post step. A STATE_ variable can also come from an earlier
// step (through GITHUB_ENV), so every state it saves (this one, and the pending file's path:
// pending.ts) carries a MAC keyed by this step's own secret inputs: the post step acts only on
// state its main step wrote, for the same inputs.



const STATE_KEY = 'oauth-broker';
/** proxy: true: the proxy process the post step stops (src/proxy/start.ts). */
const PROXY_STATE = 'oauth-broker-proxy';
/** A file moved aside is renamed to its path plus this and 12 hex digits. */
const BACKUP_SUFFIX = '.oauth-broker-backup-';
/**
 * The MAC key of the state saved under `name` (one key per name, so no state passes for
 * another): only a holder of the `credentials` input can make it.
 */
const key = (core, name) => stateKey(core.getInput('credentials'), name, core.getInput('github-token'));
/** A keyed digest of a token: lets the post step recognise it without the state revealing it. */
function tag(core, token) {
    return refreshTag(key(core, STATE_KEY), token);
}
/** `text` as the main step saves it under the state `name`: `v1.<MAC>.<text>`. */
function sealed(core, name, text) {
    return `v1.${stateMac(key(core, name), text)}.${text}`;
}
/** The text the main step sealed under `name` for these inputs; else why it is not trusted. */
function state_unsealed(core, name, raw) {
    const m = /^v1\.([0-9a-f]{64})\.([\s\S]*)$/.exec(raw);
    if (!m)
        return { untrusted: 'malformed' };
    // Without credentials anyone could make the key.
    const expected = Buffer.from(mac(key(core, name), m[2]), 'hex');
    const ours = !!core.getInput('credentials') && timingSafeEqual(expected, Buffer.from(m[1], 'hex'));
    return ours ? { text: m[2] } : { untrusted: 'foreign' };
}
function sealState(core, state) {
    return sealed(core, STATE_KEY, JSON.stringify(state));
}
const isHex = (v, n) => typeof v === 'string' && new RegExp(`^[0-9a-f]{${n}}$`).test(v);
/** Whether `backup` is a name the main step gives a file it moves aside from `path`. */
function isBackupOf(path, backup) {
    return backup.startsWith(path + BACKUP_SUFFIX) && isHex(backup.slice(path.length + BACKUP_SUFFIX.length), 12);
}
/** A claim main's value named, as the state carries it (src/core/marker.ts Kept). */
function isKept(k) {
    const c = k;
    const flags = [c?.seed, c?.checks].every((f) => f === undefined || f === true);
    return parseClaimName(String(c?.name)) !== undefined && Number.isFinite(c?.at) && flags;
}
function isStateFile(f) {
    if (typeof f !== 'object' || f === null)
        return false;
    const o = f;
    return (typeof o.path === 'string' &&
        isHex(o.digest, 64) &&
        (o.refresh === undefined || isHex(o.refresh, 32)) &&
        (o.backup === undefined || (typeof o.backup === 'string' && isBackupOf(o.path, o.backup))));
}
/** The state if this step's main wrote it for these inputs; else why it is not trusted. */
function openState(core, raw) {
    const opened = state_unsealed(core, STATE_KEY, raw);
    if ('untrusted' in opened)
        return opened;
    let state;
    try {
        state = JSON.parse(opened.text);
    }
    catch {
        return { untrusted: 'malformed' };
    }
    const s = state;
    const claim = parseClaimName(String(s?.cli?.name));
    const cli = s?.cli === undefined ||
        (claim !== undefined &&
            !claim.recovery &&
            decodeClaim(String(s.cli?.value))?.s === 'cli' &&
            ['undefined', 'string'].includes(typeof s.cli?.copy) &&
            isKept(s.cli?.mine) &&
            (s.cli?.claims === undefined || (Array.isArray(s.cli.claims) && s.cli.claims.every(isKept))));
    const valid = typeof s?.clientRefresh === 'boolean' && Array.isArray(s.files) && s.files.every(isStateFile) && cli;
    return valid ? s : { untrusted: 'malformed' };
}

;// CONCATENATED MODULE: ./src/action/pending.ts
// Rotated credentials between the provider's answer and the write-back, kept sealed in
// RUNNER_TEMP so that a main step killed in between (the runner's cancel) leaves them for the
// post step, which runs on cancelled jobs too (docs/design.md, "Cancellation").
// Sealed with a key only the step's own inputs give: later steps of the job see the file, not
// what is in it.







/** The state naming the pending file: its path, sealed like the other state (state.ts). */
const PENDING_STATE = 'oauth-broker-pending';
/** The pending file's path, if this step's main step saved it for these inputs; else why it is ignored. */
function pendingPath(core, raw) {
    const opened = unsealed(core, PENDING_STATE, raw);
    if ('untrusted' in opened)
        return opened;
    return opened.text ? opened.text : { untrusted: 'malformed' };
}
class PendingFile {
    path;
    key;
    /** `refreshToken` is the one in the credentials input: the post step derives the same key. */
    constructor(dirOrPath, refreshToken, githubToken, existing = false) {
        this.path = existing ? dirOrPath : (0,external_node_path_.join)(dirOrPath, `oauth-broker-pending-${(0,external_node_crypto_.randomBytes)(8).toString('hex')}`);
        this.key = pendingKey(refreshToken, githubToken);
    }
    /** The value of PENDING_STATE that names this file to this step's post step. */
    stateValue(core) {
        return sealed(core, PENDING_STATE, this.path);
    }
    save(record) {
        const data = sealPending(this.key, JSON.stringify(record));
        // For this job's post step, which a crash of the runner never reaches: no sync.
        writePrivateFile(this.path, data.toString('base64'), { durable: false });
    }
    /** The record, undefined when there is none; throws when it cannot be opened with these inputs. */
    read() {
        let data;
        try {
            data = Buffer.from((0,external_node_fs_.readFileSync)(this.path, 'utf8'), 'base64');
        }
        catch (err) {
            if ((0,errors/* systemCode */.xU)(err) === 'ENOENT')
                return undefined;
            throw err;
        }
        return JSON.parse(openPending(this.key, data));
    }
    /** unlinkSync, not rmSync: rmSync loads Node's rimraf on first use, milliseconds of the refresh path. */
    clear() {
        try {
            (0,external_node_fs_.unlinkSync)(this.path);
        }
        catch (err) {
            if ((0,errors/* systemCode */.xU)(err) !== 'ENOENT')
                throw err;
        }
    }
}

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
const refresh_MAX_ATTEMPTS = 3;
// How much of a provider's error description the error line quotes.
const refresh_QUOTED_CHARS = 48;
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
    const headers = { accept: 'application/json', 'user-agent': USER_AGENT };
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
    const quoted = [code && quotableCode(code, secrets), full && (0,neutral/* neutral */.SY)(full, refresh_QUOTED_CHARS)];
    const detail = quoted.filter(Boolean).join(': ');
    const said = `answered HTTP ${status}${detail ? ` (${detail})` : ''}`;
    return { code, said, details: full.length > refresh_QUOTED_CHARS ? [`The provider's description: ${full}`] : [] };
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
    if (attempt >= refresh_MAX_ATTEMPTS)
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

;// CONCATENATED MODULE: ./src/store/seal.ts
// Names and seals what jobs hand each other (a claim's result, a rescue in the cache) with keys
// derived from the credentials they succeed and the github-token: a reader of the variables or
// the cache without both learns neither a token nor what it is (docs/design.md, "Results and
// rescues"). The names, keys and ciphers are src/core/keys.ts's: a claim's result is sealed with
// node:crypto, so a job that only takes one never loads libsodium; a cache entry with libsodium.


function parsed(text) {
    if (!text)
        return undefined;
    try {
        return JSON.parse(text.toString('utf8'));
    }
    catch {
        return undefined;
    }
}
/** A keyed hash of the refresh token: names its entries, reveals nothing of it. */

/** nonce ‖ ciphertext; the cache key is bound as associated data, so entries cannot be swapped. */
async function seal_sealEntry(refreshToken, cacheKey, payload) {
    return sealEntry(await sodium(), refreshToken, cacheKey, JSON.stringify(payload));
}
/** The payload, or undefined when the entry was not sealed for this refresh token and key. */
async function seal_openEntry(refreshToken, cacheKey, data) {
    return parsed(openEntry(await sodium(), refreshToken, cacheKey, data));
}
/** nonce ‖ ciphertext ‖ tag, base64; the claim's name is bound as associated data, so results cannot be swapped. */
function seal_sealResult(material, claim, payload) {
    return sealResult(material, claim, Buffer.from(JSON.stringify(payload), 'utf8')).toString('base64');
}
/** The payload, or undefined when the result was not sealed for this copy, token and claim. */
function seal_openResult(material, claim, sealed) {
    return parsed(openResult(material, claim, Buffer.from(sealed, 'base64')));
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
function keyOf(copy) {
    return `oauth-broker-v1-next-${entryId(copy)}`;
}
function isSuccessor(v) {
    const s = v;
    return !!s && typeof s === 'object' && s.kind === 'next' && typeof s.accessToken === 'string';
}
class SharedStore {
    backend;
    constructor(backend) {
        this.backend = backend;
    }
    /** The rescue of this refresh token, if a job could store it nowhere else. */
    async successor(copy) {
        const key = keyOf(copy);
        const hit = await this.backend.read([key]);
        if (!hit)
            return undefined;
        const payload = await seal_openEntry(copy, hit.key, hit.data);
        return isSuccessor(payload) ? payload : undefined;
    }
    /** Keeps a rescue; true when stored. Entries are immutable: the first job to store one wins. */
    async done(copy, entry) {
        const key = keyOf(copy);
        return (await this.backend.create(key, await seal_sealEntry(copy, key, entry))) === 'saved';
    }
}

;// CONCATENATED MODULE: ./src/github/variables.ts
// GitHub Actions variables where a secret lives: the repository, one of its environments or the
// organisation. The claims between jobs are variables (docs/design.md, "Coordination") because a create
// is create-only (409 when the name exists) and a value can be read back, which a secret's cannot.






// GitHub's largest page of variables.
const variables_PER_PAGE = 30;
// 1,000 variables (an organisation's limit) and a bound on a server that never says it is done.
const variables_MAX_PAGES = 40;
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
            list: (page) => send('GET /repos/{owner}/{repo}/actions/variables', { ...at, per_page: variables_PER_PAGE, page }),
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
                per_page: variables_PER_PAGE,
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
        list: (page) => send('GET /orgs/{org}/actions/variables', { org, per_page: variables_PER_PAGE, page }),
    };
}
/** A variable as GitHub answers it, checked; `doing` names the request for the error line. */
function variableOf(data, doing, apiUrl) {
    const created = (0,checks/* isJsonObject */.OW)(data) && typeof data.created_at === 'string' ? Date.parse(data.created_at) : NaN;
    const updated = (0,checks/* isJsonObject */.OW)(data) && typeof data.updated_at === 'string' ? Date.parse(data.updated_at) : NaN;
    if (!(0,checks/* isJsonObject */.OW)(data) || typeof data.name !== 'string' || typeof data.value !== 'string') {
        throw malformed(doing, 'the answer is not a variable', apiUrl);
    }
    if (!Number.isFinite(created) || !Number.isFinite(updated))
        throw malformed(doing, 'the answer has no dates', apiUrl);
    return { name: data.name, value: data.value, createdAt: created, updatedAt: updated };
}
/** Whether GitHub may have acted on a request that got no success answer. */
const mayHaveActed = (err) => err instanceof api_GitHubHttpError && err.ambiguous;
class Variables {
    api;
    place;
    constructor(api, place) {
        this.api = api;
        this.place = place;
    }
    explain(err, doing) {
        return explain_explain(err, this.place, doing, this.api.wording, 'variables');
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
            if (err instanceof api_GitHubHttpError && err.status === 409)
                return 'exists';
            if (mayHaveActed(err))
                return 'unknown';
            if (err instanceof api_GitHubHttpError && err.status === 404) {
                throw new errors/* UserError */.yo('OB_GITHUB', `${this.api.wording.apiUrl}: GitHub answered 404 to creating an Actions variable; the broker needs ` +
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
            if (err instanceof api_GitHubHttpError && err.status === 404)
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
            if (err instanceof api_GitHubHttpError && err.status === 404)
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
        for (let page = 1, seen = 0; page <= variables_MAX_PAGES; page++) {
            let data;
            try {
                data = (await endpoints(this.api, this.place).list(page)).data;
            }
            catch (err) {
                throw this.explain(err, doing);
            }
            const items = (0,checks/* isJsonObject */.OW)(data) && Array.isArray(data.variables) ? data.variables : undefined;
            if (!items)
                throw malformed(doing, 'the answer has no list of variables', this.api.wording.apiUrl);
            for (const item of items) {
                const v = variableOf(item, doing, this.api.wording.apiUrl);
                if (v.name.toUpperCase().startsWith(prefix))
                    found.push(v);
            }
            seen += items.length;
            const total = (0,checks/* isJsonObject */.OW)(data) && Number.isSafeInteger(data.total_count) ? data.total_count : undefined;
            if (items.length < variables_PER_PAGE || (total !== undefined && seen >= total))
                return found;
        }
        throw malformed(doing, `the list did not end after ${variables_MAX_PAGES} pages`, this.api.wording.apiUrl);
    }
}
/**
 * Proves the token may write Actions variables there, as the claims between jobs do: creates the
 * broker's check variable (not a claim's name: no job ever reads it), then removes it at once.
 */
async function checkVariablesWrite(api, p, note) {
    const variables = new Variables(api, p);
    await variables.create(WRITE_CHECK, note);
    await variables.remove(WRITE_CHECK);
}

// EXTERNAL MODULE: external "node:async_hooks"
var external_node_async_hooks_ = __webpack_require__(6698);
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
    // Loaded at the first call: the cache is the last resort of a rescue, off every ordinary path.
    let loaded;
    const library = () => (loaded ??= Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(779), __webpack_require__.e(289)]).then(__webpack_require__.bind(__webpack_require__, 289)));
    // @actions/cache reads the runner's variables from process.env.
    const clean = () => (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    return {
        async create(key, data) {
            const { saveCache } = await library();
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
            const { restoreCache } = await library();
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

;// CONCATENATED MODULE: ./src/store/claim-io.ts
// One claim variable, as the jobs holding a copy talk to it (docs/design.md, "The claim"): created,
// or found to be another job's even when GitHub's answer was lost (the nonce read back); read and
// judged on GitHub's clock, a CLI's also by whether its job has ended; waited on; written; released.
// The refresh (src/store/claims.ts) and the recovery of a rescue (src/store/recovery.ts) build on it.




// Reads come often while a holder's answer is likely (a refresh takes a second or two) and every
// 5 s at most while a dead holder's lease runs out: about twenty reads in a minute.
const MAX_POLL_MS = 5_000;
const POLL_GROWTH = 1.25;
// A create or a delete whose answer is lost is read back; this many rounds, then GitHub is said to be failing.
const ROUNDS = 4;
// While a CLI's claim is waited for, GitHub is asked whether its job has ended at most this often.
const JOB_CHECK_MS = 30_000;
const at = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
class ClaimIo {
    d;
    /** The nonces of CLIs' claims whose job GitHub said has ended, and when it was last asked. */
    ended = new Set();
    jobAskedAt;
    constructor(d) {
        this.d = d;
    }
    name(copy, gen, recovery = false) {
        return claimName(claimId(copy.refreshToken, copy.accessToken), gen, recovery);
    }
    /** GitHub's time now; before any answer (never: a claim is read first) the claim's own stamps decide. */
    now() {
        return this.d.githubNow() ?? 0;
    }
    /**
     * Creates the claim, or finds whose it is. A create whose answer was lost (a 502 before or after
     * GitHub acted, a reset, a timeout) is read back: the nonce says whether it is this job's.
     */
    async create(copy, name, value) {
        const sentAt = this.d.monotonic();
        for (let round = 1;; round++) {
            const created = await this.d.variables.create(name, encodeClaim(value));
            if (created === 'created')
                return { copy, name, value, sentAt, claimedAt: this.d.monotonic() };
            const seen = await this.read(name);
            if (seen?.value.n === value.n)
                return { copy, name, value, sentAt, claimedAt: this.d.monotonic() };
            if (seen)
                return seen;
            // Absent: released since, or the lost create never happened. Either way the name is free.
            if (round >= ROUNDS) {
                throw new errors/* UserError */.yo('OB_GITHUB', `github-api-url: GitHub did not confirm the claim on these credentials after ${round} tries; run again.`, { details: `Nothing was presented to the provider. The secret is ${this.d.target}.` });
            }
            this.d.debug(`The claim ${name} was not there after its create; trying again.`);
            await this.d.sleep(this.d.pollMs * round);
        }
    }
    /** What a new claim holds: a nonce of its own, its state, its lease. */
    claimValue(s, leaseMs) {
        const w = this.d.readUpdatedAt?.();
        const value = {
            v: 2,
            n: (0,external_node_crypto_.randomBytes)(16).toString('hex'),
            s,
            l: leaseSeconds(leaseMs),
            t: this.d.secret.toUpperCase(),
            ...(w ? { w } : {}),
        };
        // A CLI's rescue may go to that cache too: a job on another ref must not take its claim over.
        if (this.d.ref && s !== 'settled' && s !== 'spent')
            value.ref = this.d.ref;
        if (this.d.job && s === 'cli')
            value.j = this.d.job;
        return value;
    }
    /** What the claim means now: GitHub's time, and for a CLI's claim whether GitHub said its job has ended. */
    judged(seen) {
        return judge(seen, this.now(), this.ended.has(seen.value.n));
    }
    /** As judged, after asking GitHub (at most every JOB_CHECK_MS) whether a held CLI's job has ended. */
    async judgedNow(seen) {
        const j = this.judged(seen);
        const job = seen.value.j;
        if (j.kind !== 'held' || !j.cli || !job || !this.d.jobEnded)
            return j;
        if (this.jobAskedAt !== undefined && this.d.monotonic() - this.jobAskedAt < JOB_CHECK_MS)
            return j;
        this.jobAskedAt = this.d.monotonic();
        try {
            if (await this.d.jobEnded(job))
                this.ended.add(seen.value.n);
        }
        catch (err) {
            this.d.debug(`Could not tell whether the job of the CLI's claim has ended: ${err.message}`);
        }
        return this.judged(seen);
    }
    /** A claim as GitHub has it, undefined when absent. A variable of a claim's name that is not one stops the job. */
    /** The result the claim `name` carries, if the holder of `copy` can open it. */
    async resultOf(copy, name, seen) {
        return seen?.value.r ? this.d.open(copy, name, seen.value.r) : undefined;
    }
    async read(name) {
        const v = await this.d.variables.read(name);
        if (!v)
            return undefined;
        const value = protocol_decodeClaim(v.value);
        if (!value) {
            throw new errors/* UserError */.yo('OB_CLAIM', `credentials: the variable ${name} beside ${this.d.target} is not a claim the broker wrote; delete it.`, { details: 'Variables named OAUTH_BROKER_… are the broker’s claims (docs/design.md, "Coordination").' });
        }
        return { value, createdAt: v.createdAt, updatedAt: v.updatedAt };
    }
    /**
     * Reads the claim until it is no longer held, or lock-timeout (this job's monotonic clock) ends;
     * undefined when it was released. Reads come soon at first, then less often.
     */
    async waitFor(name, seen, start) {
        let delay = this.d.pollMs;
        let current = seen;
        for (;;) {
            const j = await this.judgedNow(current);
            if (j.kind !== 'held')
                return current;
            const left = this.d.lockTimeoutMs - (this.d.monotonic() - start);
            if (left <= 0)
                throw this.timedOut(current, j.until, j.cli);
            await this.d.sleep(Math.max(1, Math.min(delay, j.until - this.now(), left)));
            delay = Math.min(delay * POLL_GROWTH, MAX_POLL_MS);
            const next = await this.read(name);
            if (!next)
                return undefined;
            current = next;
        }
    }
    timedOut(seen, until, cli) {
        const limit = (0,duration/* formatDuration */.a3)(this.d.lockTimeoutMs);
        if (cli) {
            return new errors/* UserError */.yo('OB_CLAIM', `lock-timeout: a provider CLI in another job holds this refresh token (claimed at ${at(seen.createdAt)}); ` +
                'run this job again after that job ends.', { details: `The claim lasts until that job's post step, or the job's end, or ${at(until)} at the latest.` });
        }
        return new errors/* UserError */.yo('OB_CLAIM', `lock-timeout: another job claimed the refresh of these credentials at ${at(seen.createdAt)} and did not ` +
            `finish within ${limit}; run this job again.`, { details: `If that job died, a run after ${at(until)} takes over.` });
    }
    async write(t, s, result) {
        const value = { ...t.value, s };
        if (s === 'settled')
            value.a ??= new Date(this.now()).toISOString();
        if (result)
            value.r = await this.d.seal(t.copy, t.name, result);
        else
            delete value.r;
        // A seed's claim keeps the burials recorded in it, read again before each attempt.
        const withBuried = async () => {
            const { d } = (await this.read(t.name))?.value ?? {};
            return encodeClaim(d ? { ...value, d } : value);
        };
        await this.d.variables.update(t.name, t.seed ? await withBuried() : encodeClaim(value), t.seed ? withBuried : undefined);
        t.value = value;
    }
    /**
     * Deletes this job's claim. A delete whose answer was lost is not repeated blindly, which could
     * delete a claim another job has made since: it is read back first.
     */
    async release(t) {
        for (let round = 0; round < ROUNDS; round++) {
            if ((await this.d.variables.remove(t.name, true)) !== 'unknown')
                return;
            const seen = await this.read(t.name);
            if (seen?.value.n !== t.value.n)
                return;
        }
    }
}

;// CONCATENATED MODULE: ./src/store/recovery.ts
// The recovery of a rescue (docs/design.md, "Results and rescues"): a holder whose write-back failed
// left its rotated credentials sealed in its claim (or the Actions cache). One job writes them to the
// secret, under a leased lock of its own, a claim named by the copy with an R: a job that dies doing
// so blocks the others for a lease at most, and the next recoverer removes its lock.


/**
 * Writes the rescue `found` carries, unless another job does. Others use the rescued access token
 * when it is fresh (`fresh`), or wait for the write, and learn when it was written from the claim.
 */
async function recover(io, copy, found, r) {
    const { name: claim, result } = found;
    const start = io.d.monotonic();
    for (let gen = 0; gen < MAX_GENERATIONS;) {
        const name = io.name(copy, gen, true);
        const lock = await io.create(copy, name, io.claimValue('busy', io.d.leaseMs));
        if ('name' in lock) {
            // A recoverer may have finished since the claim was read and freed the lock just now, within the
            // same second of updated_at: the claim says whether its rescue still waits.
            const seen = found.rescueInClaim ? await resultIn(io, copy, claim) : undefined;
            if (!found.rescueInClaim || seen?.rescue)
                return recoverUnder(io, lock, gen, claim, result, r);
            await io.release(lock).catch(() => undefined);
            return done(seen);
        }
        if (r.fresh)
            return { wrote: false };
        // A lock is never settled: what the wait returns expired with its holder, so the next generation may go.
        if (await io.waitFor(name, lock, start))
            gen++;
        // Done when the claim no longer carries the rescue; else the lock is free to take.
        const seen = await resultIn(io, copy, claim);
        if (!seen?.rescue)
            return done(seen);
    }
    throw new errors/* UserError */.yo('OB_WRITE_BACK', `credentials: ${MAX_GENERATIONS} jobs in a row failed to store the rescued credentials; run this job again.`, { details: `The rescued credentials stay sealed beside ${io.d.target} until one succeeds.` });
}
/** The result the claim carries now: with the rescue while no recoverer has stored it. */
async function resultIn(io, copy, claim) {
    return io.resultOf(copy, claim, await io.read(claim));
}
/** Another recoverer finished: when it wrote, if it did. */
function done(seen) {
    return { wrote: false, ...(seen?.recovered ? { at: seen.recovered } : {}) };
}
/** Under the lock: the write, then the claim's rescue taken out, then every lock of this copy removed. */
async function recoverUnder(io, lock, gen, claim, result, r) {
    let at;
    try {
        at = await r.write();
    }
    catch (err) {
        await io.release(lock).catch(() => undefined);
        throw err;
    }
    // In the secret now, or superseded there: no job writes it again. Those waiting learn when it was written:
    // by this job, or by a recoverer before it (whose record this rewrite keeps; this job then wrote nothing).
    const seen = await io.read(claim).catch(() => undefined);
    const before = await io.resultOf(lock.copy, claim, seen);
    const recovered = before?.recovered ?? at;
    if (seen) {
        // It may be a seed's: what burials recorded in it since this read stays.
        const held = { copy: lock.copy, name: claim, value: seen.value, seed: true };
        await io
            .write(held, seen.value.s, { successor: result.successor, ...(recovered ? { recovered } : {}) })
            .catch(() => undefined);
    }
    // This lock, and those of recoverers that died before it: nothing of the recovery stays.
    const dead = Array.from({ length: gen }, (_, g) => io.name(lock.copy, g, true));
    await io.release(lock).catch(() => undefined);
    for (const name of dead)
        await io.d.variables.remove(name).catch(() => undefined);
    const when = at ?? recovered;
    return { wrote: at !== undefined, ...(when ? { at: when } : {}) };
}

;// CONCATENATED MODULE: ./src/store/claims.ts
// src/store: what jobs holding the same login share: the claims protocol (its decisions in
// protocol.ts, its talking to one claim in claim-io.ts, the recovery of a rescue in recovery.ts), the
// sealed results and rescues, and the Actions cache as a rescue's last resort. May import: core, github.
//
// The claims between jobs that hold the same credentials (docs/design.md, "Coordination"): an Actions
// variable beside the secret decides the one job that presents a copy's refresh token. Every job
// that can write the secret sees it, on any ref, in any repository, on GHES. Ownership is read
// back, never assumed; deadlines are judged on GitHub's clock; the result travels sealed in the
// claim. This module is the refresh's side: reserve, settle, fail, and a CLI's claim.






class Claims {
    d;
    io;
    constructor(d) {
        this.d = d;
        this.io = new ClaimIo(d);
    }
    /**
     * Reserves the one presentation of the copy's refresh token, or returns the result of the job that
     * made it. Throws, saying why and what to do, when this job can have neither.
     */
    async reserve(copy) {
        let waited = false;
        const start = this.d.monotonic();
        for (let gen = 0; gen < MAX_GENERATIONS;) {
            const name = this.io.name(copy, gen);
            const got = await this.io.create(copy, name, this.io.claimValue('busy', this.d.leaseMs));
            if ('name' in got) {
                // A takeover looks again, as late as it can: a holder slow to settle may have settled since.
                if (gen > 0 && (await this.settledSince(this.io.name(copy, gen - 1)))) {
                    await this.io.release(got);
                    gen--;
                    continue;
                }
                return { kind: 'owner', ticket: got };
            }
            let seen = got;
            for (;;) {
                const j = await this.io.judgedNow(seen);
                if (j.kind === 'held') {
                    if (!waited) {
                        waited = true;
                        const holder = j.cli ? "another job's CLI, until that job ends" : 'another job';
                        this.d.info(`These credentials are being refreshed by ${holder}; waiting up to lock-timeout ` +
                            `${(0,duration/* formatDuration */.a3)(this.d.lockTimeoutMs)}.`);
                    }
                    seen = await this.io.waitFor(name, seen, start);
                    if (!seen)
                        break;
                    continue;
                }
                if (j.kind === 'settled')
                    return this.resultOf(copy, name, seen);
                if (j.kind === 'spent') {
                    throw new errors/* UserError */.yo('OB_LOGIN_LOST', `credentials: the provider refused this refresh token when another job presented it; ${errors/* RELOGIN */.FK}.`, { details: `The secret is ${this.d.target}.` });
                }
                // Expired: its holder may have kept its rotation where the claim could not say.
                const cached = await this.d.cached?.(copy);
                // Its time is the claim's: the provider answered no sooner, and the rescue was written no sooner.
                if (cached)
                    return { kind: 'result', result: cached, name, settledAt: seen.createdAt };
                // The holder's write-back is the second sign it got that far, if its settle was lost.
                const next = afterExpiry(seen, await this.d.targetUpdatedAt(), this.d.ref);
                if (next === 'old')
                    throw this.oldCopy();
                if (next === 'other-ref')
                    throw this.otherRef(seen.value.ref, true);
                this.d.info(seen.value.s === 'cli'
                    ? `The job whose CLI held these credentials since ${at(seen.createdAt)} has ended; taking over.`
                    : `The job that claimed these credentials at ${at(seen.createdAt)} never finished; taking over.`);
                gen++;
                break;
            }
        }
        throw new errors/* UserError */.yo('OB_REFRESH_UNCERTAIN', `credentials: ${MAX_GENERATIONS} jobs in a row claimed this refresh token and none finished; ${errors/* RELOGIN */.FK}.`, { details: `The refresh token is probably spent. The secret is ${this.d.target}.` });
    }
    /** Whether the claim this job took over was settled, or its holder's write-back landed, after all. */
    async settledSince(name) {
        const seen = await this.io.read(name);
        if (!seen || this.io.judged(seen).kind !== 'expired')
            return true;
        return writtenSince(seen, await this.d.targetUpdatedAt());
    }
    /** The copy held was spent by another job: nothing to present, nothing to take. */
    oldCopy() {
        return new errors/* UserError */.yo('OB_CLAIM', `credentials: another job already spent this refresh token, so this job holds an old copy; ${errors/* RERUN_OLD_COPY */.Nk}.`, { details: `The secret is ${this.d.target}. If that other job failed, its error says what to do.` });
    }
    /** A job on another ref spent the token and its rotation is not in the secret: only that ref can recover it. */
    otherRef(given, unfinished = false) {
        // Read from a variable anyone who can write the repository's variables could have set.
        const ref = (0,neutral/* neutral */.SY)(given, 100);
        const what = unfinished ? 'never finished, and may have rotated it' : 'did not store what replaced it';
        return new errors/* UserError */.yo('OB_CLAIM', `credentials: the job on ${ref} that claimed this refresh token ${what}; re-run that job.`, {
            details: [
                `Its rotated credentials may be kept in the Actions cache of ${ref}, which jobs on other refs cannot read, ` +
                    'so this job does not present the token.',
                unfinished
                    ? 'Run again, that job recovers them, or refreshes if the provider never answered it.'
                    : 'Run again, that job recovers them.',
                `The secret is ${this.d.target}.`,
            ],
        });
    }
    /**
     * A settled claim's result, if this job can open it; an old copy otherwise. When the secret does not
     * show the holder's write-back (its updated_at is still the one the holder read), the rotated
     * credentials may be in the holder's Actions cache: looked for there; if that cache is another
     * ref's, the result says so, for an error that tells how to recover rather than call the copy old.
     */
    async resultOf(copy, name, seen) {
        const found = await this.io.resultOf(copy, name, seen);
        // When the provider answered: a rescue or its recovery rewrites the claim later, which moves updated_at.
        const settled = { name, settledAt: seen.value.a ? Date.parse(seen.value.a) : seen.updatedAt };
        if (found?.rescue)
            return { kind: 'result', result: found, ...settled, rescueInClaim: true };
        const { w } = seen.value;
        const unstored = w !== undefined && this.d.cached && (await this.d.targetUpdatedAt()) === Date.parse(w);
        if (unstored) {
            const cached = await this.d.cached?.(copy);
            if (cached)
                return { kind: 'result', result: cached, ...settled };
        }
        const elsewhere = unstored ? otherRefOf(seen, this.d.ref) : undefined;
        if (found)
            return { kind: 'result', result: found, ...settled, ...(elsewhere ? { unstoredOn: elsewhere } : {}) };
        throw elsewhere ? this.otherRef(elsewhere) : this.oldCopy();
    }
    /**
     * The provider answered: the claim is settled before anything else, with the result for the jobs
     * holding the same copy (when given), so nobody takes over even if this job is killed before its
     * write-back. Never throws. When the settle cannot be written, the write-back is the only sign,
     * and it counts from the second after the claim's: so this returns no sooner than that.
     */
    async settle(t, result) {
        try {
            await this.io.write(t, 'settled', result);
        }
        catch {
            this.d.warning(`Could not settle the claim beside ${this.d.target}; the write-back will show it settled.`);
            const wait = untilNextStamp(t.claimedAt, this.d.monotonic());
            if (wait > 0)
                await this.d.sleep(wait);
        }
    }
    /** Rotated but not written: the credentials sealed in the claim for the next run; true when kept. */
    async rescue(t, result) {
        try {
            await this.io.write(t, 'settled', result);
            return true;
        }
        catch {
            return false;
        }
    }
    /**
     * The refresh failed. Surely unsent: the claim goes, and the token stays usable for anyone. Refused
     * by the provider: spent, nobody presents it again. Unknown: the claim stays until its deadline.
     */
    async failed(t, spent) {
        try {
            if (spent === 'no' && mayRelease(t.sentAt, t.value.l, this.d.monotonic()))
                await this.io.release(t);
            else if (spent === 'yes')
                await this.io.write(t, 'spent');
        }
        catch {
            this.d.info(`Could not update the claim beside ${this.d.target}; the next run waits for its deadline.`);
        }
    }
    /** Deletes this job's claim, reading back a delete whose answer was lost (src/store/claim-io.ts). */
    release(t) {
        return this.io.release(t);
    }
    /**
     * Removes the claims of the copies that dropped out of the newest (src/store/protocol.ts keptClaims),
     * every generation of each, the buried ones once the seed's claim records them. Done before the
     * write-back, so a claim GitHub would not delete (or bury) is returned, for the value to name until a
     * later run removes it. Never throws.
     */
    async prune(drop) {
        const recorded = await this.bury(drop.filter((k) => k.into));
        const left = [];
        for (const { into, ...k } of drop) {
            if (into && !recorded.has(into)) {
                left.push(k);
                continue;
            }
            try {
                for (const name of generationsOf(k.name))
                    await this.d.variables.remove(name);
            }
            catch {
                this.d.debug(`Could not delete the claim ${k.name}; a later run removes it.`);
                left.push(k);
            }
        }
        return left;
    }
    /** Records the buried copies in their seed's claim, before their claims go; the seeds that recorded them. */
    async bury(buried) {
        const recorded = new Set();
        for (const into of new Set(buried.map((k) => k.into))) {
            // Read again before each attempt: what another job recorded meanwhile stays.
            const recording = async () => {
                const seed = await this.io.read(into);
                if (!seed)
                    throw new Error(`the claim ${into} is gone`);
                return encodeClaim({
                    ...seed.value,
                    d: withBuried(seed.value.d, buried.filter((k) => k.into === into)),
                });
            };
            try {
                await this.d.variables.update(into, await recording(), recording);
                recorded.add(into);
            }
            catch {
                this.d.debug(`Could not record buried copies in the claim ${into}; their claims stay.`);
            }
        }
        return recorded;
    }
    /**
     * Whether the copy this job just claimed was buried (src/store/protocol.ts keptClaims): its old claim
     * was removed while the copy could still pass for current, so only the seed's claim (`seed`, the one the
     * copy's value names) says it is spent. A copy that is its chain's seed, or names none, was never buried.
     */
    async buried(t, seed) {
        if (!seed || protocol_parseClaimName(seed)?.id === protocol_parseClaimName(t.name)?.id)
            return false;
        return isBuried((await this.io.read(seed))?.value, t.name);
    }
    /**
     * Claims the copy for a CLI that may present its refresh token during the job (`client-refresh`):
     * the ticket if this job is first; 'held' when another job holds it, 'buried' when it was spent long
     * since (`seed`: the seed's claim the copy names); then the CLI gets no refresh token. It never waits
     * or takes over: the job has a valid access token anyway.
     */
    async claimForCli(copy, seed) {
        const name = this.io.name(copy, 0);
        const value = this.io.claimValue('cli', CLI_LEASE_MS);
        let got;
        try {
            got = await this.io.create(copy, name, value);
        }
        catch (err) {
            // A create GitHub may have made but never confirmed would hold the copy for a CLI's whole lease, for a
            // CLI that gets no refresh token: released once more if it is this job's. The error stands either way.
            await this.io
                .read(name)
                .then((seen) => (seen?.value.n === value.n ? this.release({ name, value }) : undefined))
                .catch(() => this.d.debug(`Could not check for an unconfirmed claim ${name}; its lease ends it.`));
            throw err;
        }
        if (!('name' in got))
            return 'held';
        const buried = await this.buried(got, seed).catch(async (err) => {
            await this.release(got).catch(() => undefined);
            throw err;
        });
        if (!buried)
            return got;
        await this.release(got).catch(() => undefined);
        return 'buried';
    }
    /** Writes the rescue a settled claim carries to the secret, under a lock of its own (src/store/recovery.ts). */
    recover(copy, found, r) {
        return recover(this.io, copy, found, r);
    }
    /** Whether the holder of `t` still has time for an attempt before its deadline (src/store/protocol.ts). */
    hasTime(t) {
        return hasTime(t.sentAt, t.value.l, this.d.monotonic());
    }
    /** The ticket a step saved for another (the post step): its claim's name and value. */
    static ticket(copy, name, value) {
        return { copy, name, value };
    }
}

;// CONCATENATED MODULE: ./src/action/coordinate.ts
// Wires the claims between jobs (src/store/claims.ts) for one step: the variables beside the
// target, GitHub's clock, the sealing of results, and the Actions cache as the last resort for a
// rescue (docs/design.md, "Coordination").











/**
 * The key material of a copy's results: the copy and the github-token, so that whoever holds an old
 * copy and can read the repository's variables or the cache, but not the token, opens nothing.
 */
function material(copy, binding) {
    return `${copy.refreshToken}\n${copy.accessToken ?? ''}\n${binding}`;
}
/** `readUpdatedAt`: the secret's updated_at as this step last read it before claiming (src/store/claim-io.ts). */
function coordinate(deps, cfg, api, readUpdatedAt) {
    const target = cfg.secret;
    const binding = cfg.githubToken;
    const t = (0,env/* timings */.E)(deps.env);
    const store = openStore(deps, cfg);
    const key = (copy) => material(copy, binding);
    const claims = new Claims({
        variables: new Variables(api, target),
        githubNow: () => api.githubNow(),
        monotonic: deps.monotonic,
        sleep: deps.sleep,
        secret: target.name,
        target: (0,github_target/* describeTarget */.ff)(target),
        leaseMs: t.leaseMs,
        lockTimeoutMs: cfg.lockTimeoutMs,
        pollMs: t.pollMs,
        targetUpdatedAt: async () => Date.parse(await currentUpdatedAt(api, target)),
        ...(readUpdatedAt ? { readUpdatedAt } : {}),
        seal: async (copy, name, result) => seal_sealResult(key(copy), name, result),
        open: async (copy, name, sealed) => resultOf(seal_openResult(key(copy), name, sealed)),
        ...(store
            ? { ref: pullRequestRef(deps.env.GITHUB_REF), cached: async (copy) => fromCache(store, key(copy)) }
            : {}),
        job: thisJob(deps.env),
        jobEnded: (job) => jobEnded(api, job),
        info: (m) => deps.core.info(m),
        warning: (m) => deps.core.warning(m),
        debug: (m) => deps.core.debug(m),
    });
    return {
        claims,
        store,
        async keepRescue(ticket, result) {
            if (await claims.rescue(ticket, result))
                return true;
            if (!store || !result.rescue)
                return false;
            const { credentials, secretUpdatedAt } = result.rescue;
            return store.done(key(ticket.copy), { ...result.successor, credentials, secretUpdatedAt });
        },
    };
}
/**
 * The ref whose Actions cache a rescue would go to, when jobs on other refs cannot read it: a pull
 * request's. (A branch's cache other branches cannot read either, but the default branch, whose cache
 * every ref reads, cannot be told from the runner's environment: a dead holder on a branch is taken over.)
 */
function pullRequestRef(ref) {
    return ref && /^refs\/pull\//.test(ref) ? ref : undefined;
}
/**
 * A copy this job must not present, nor hand a CLI: one the secret has long moved past (its marker),
 * or one an earlier version claimed (its claim, a secret of the same name as this version's first).
 */
async function isOldCopy(api, t, updatedAt, copy) {
    if ((0,marker/* isOldCopy */.FB)(copy.doc, updatedAt))
        return true;
    if ((0,marker/* writtenAt */.nt)(copy.doc) === undefined || (0,marker/* claimsOf */.ds)(copy.doc))
        return false;
    return secretExists(api, t, claimName(claimId(copy.refreshToken, copy.accessToken), 0));
}
/**
 * The claim a value names for the copy it replaced, timed by when that copy was written. The first claim
 * of a chain (on a copy that names none: a login stored by hand, or one an earlier version wrote) is its
 * seed, made `at`: it stays for as long as the chain, and records the copies buried since. A copy whose
 * holders check the seed's claim may be buried.
 */
function claimOn(copy, name, at) {
    if (!(0,marker/* claimsOf */.ds)(copy.doc))
        return { name, at, seed: true };
    return { name, at: (0,marker/* writtenAt */.nt)(copy.doc) ?? at, ...((0,marker/* checksSeed */.nf)(copy.doc) ? { checks: true } : {}) };
}
/** The seed's claim a copy's value names, if any. */
function seedOf(copy) {
    return (0,marker/* claimsOf */.ds)(copy.doc)?.find((k) => k.seed)?.name;
}
/** The seed's claim a job holding this copy reads before presenting it, if its marker asks. */
function seedToCheck(copy) {
    return (0,marker/* checksSeed */.nf)(copy.doc) ? seedOf(copy) : undefined;
}
/** A sealed result as the claims carry it; undefined for anything else. */
function resultOf(v) {
    const r = v;
    if (!r || typeof r !== 'object' || r.successor?.kind !== 'next' || typeof r.successor.accessToken !== 'string') {
        return undefined;
    }
    const rescue = r.rescue;
    if (rescue && (typeof rescue.credentials !== 'string' || typeof rescue.secretUpdatedAt !== 'string'))
        return undefined;
    if (r.recovered !== undefined && (typeof r.recovered !== 'string' || Number.isNaN(Date.parse(r.recovered))))
        return undefined;
    return r;
}
/** A rescue kept in the cache, as a result. */
async function fromCache(store, key) {
    const s = await store.successor(key);
    if (!s?.credentials)
        return undefined;
    const { credentials, secretUpdatedAt, ...successor } = s;
    return { successor: successor, rescue: { credentials, secretUpdatedAt: secretUpdatedAt ?? '' } };
}
function openStore(deps, cfg) {
    const { core } = deps;
    if (!cfg.share) {
        core.info('share: false; jobs that hold the same credentials get no shared result.');
        return undefined;
    }
    const missing = deps.backend ? undefined : cacheAvailable(deps.env);
    if (missing) {
        core.debug(`No Actions cache for a last-resort rescue: ${missing}.`);
        return undefined;
    }
    const t = (0,env/* timings */.E)(deps.env);
    return new SharedStore(deps.backend ?? actionsCacheBackend(deps.env, (m) => core.debug(m), t.cacheTimeoutMs));
}

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
    const mine = claimOn(current, r.name, r.settledAt);
    return keptClaims((0,marker/* claimsOf */.ds)(next.doc) ?? [], mine, Date.parse(rescue.secretUpdatedAt), now);
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
                if ((await currentUpdatedAt(run.api, run.target)) !== rescue.secretUpdatedAt) {
                    run.deps.core.info(`Found credentials that a job at ${when} could not store; ${(0,github_target/* describeTarget */.ff)(run.target)} has changed ` +
                        'since, so it is left as it is.');
                    return undefined;
                }
                const { keep, drop, checkSeed } = recoveredClaims(current, r, next, run.api.githubNow() ?? r.settledAt);
                const undeleted = await run.coord.claims.prune(drop);
                stored = await writeSecret(run.api, run.target, run.pre, rescue.credentials, {
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

;// CONCATENATED MODULE: ./src/action/sweep.ts





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
        for (const s of await listSecrets(api, t, PREFIX)) {
            if (github_target/* CLAIM_NAME */.hB.test(s.name))
                await deleteSecret(api, t, s.name);
        }
        const variables = new Variables(api, t);
        const mine = t.name.toUpperCase();
        for (const v of await variables.list(PREFIX)) {
            if (isLeftoverClaim(v, mine, keep, now))
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
        run.pre.updatedAt = await currentUpdatedAt(run.api, run.target);
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
    if (!(await isOldCopy(run.api, run.target, run.pre.updatedAt, copy)))
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
    if (run.deps.monotonic() - run.readAt <= RECHECK_AFTER_MS)
        return;
    const now = await currentUpdatedAt(run.api, run.target);
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
    const seed = rescued ? seedOf(copy) : seedToCheck(copy);
    if (await run.coord.claims.buried(ticket, seed))
        throw run.coord.claims.oldCopy();
}
/** The job's own GITHUB_TOKEN is refused before any call; then the target is checked. */
async function connect(deps, cfg, copy) {
    const target = cfg.secret;
    refuseJobToken(deps.env, cfg.githubToken, github_target/* ACTION_WORDING */.Ge);
    const api = new GitHubApi(cfg.githubApiUrl, cfg.githubToken, deps.github);
    const pre = await preflight(api, target, (0,marker/* keyOf */.TN)(copy.doc));
    deps.core.info(`Checked ${(0,github_target/* describeTarget */.ff)(target)}: readable, last updated ${(0,neutral/* neutral */.SY)(pre.updatedAt)}.`);
    return { api, pre };
}
/** Checks what can be checked before anything is spent, and opens the coordination. */
async function begin(deps, cfg, masker, creds, keepsCopy) {
    const target = cfg.secret;
    const readAt = deps.monotonic();
    const { api, pre } = await connect(deps, cfg, creds);
    // The write check and the write-back seal: libsodium loads while GitHub answers the claim.
    sodium().catch(() => undefined);
    // Read when each claim is made: a hop reads the secret's metadata again (obtain).
    const coord = coordinate(deps, cfg, api, () => pre.updatedAt);
    const pending = deps.env.RUNNER_TEMP
        ? new PendingFile(deps.env.RUNNER_TEMP, creds.refreshToken, cfg.githubToken)
        : undefined;
    if (pending)
        deps.core.saveState(PENDING_STATE, pending.stateValue(deps.core));
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
        await checkWrite(run.api, run.target, run.pre);
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
    const successor = successorOf(next, deps.now());
    const value = (0,formats/* serializeCredentials */.dY)(next);
    const previous = (0,marker/* claimsOf */.ds)(current.doc);
    const now = run.api.githubNow() ?? deps.now();
    const mine = claimOn(current, ticket.name, now);
    const { keep: newest, drop, checkSeed } = keptClaims(previous ?? [], mine, Date.parse(run.pre.updatedAt), now);
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
        stored = await writeSecret(run.api, target, run.pre, value, { claims: keep, sweep: !previous, checkSeed });
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
    const by = answerBy(ticket.sentAt ?? deps.monotonic(), ticket.value.l * 1000);
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

/***/ 1983:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D$: () => (/* binding */ classifyFetchError),
/* harmony export */   Vs: () => (/* binding */ retryAfterMs),
/* harmony export */   Yf: () => (/* binding */ unsendable),
/* harmony export */   ho: () => (/* binding */ failedWhile)
/* harmony export */ });
/* harmony import */ var node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3053);
/* harmony import */ var node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_0__);
// What a failed fetch tells us about whether the request reached the other side.

/** Codes meaning the connection was never made: the request cannot have been seen. */
const NOT_SENT = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'UND_ERR_CONNECT_TIMEOUT',
]);
/**
 * Node's names for what OpenSSL's certificate verification finds (X509_V_ERR_*), and the hostname
 * check Node adds after it. Only a handshake verifies a certificate, so any of them means the
 * connection never carried a request, whoever raised it.
 */
const CERTIFICATE = new Set([
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_CRL',
    'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
    'UNABLE_TO_DECRYPT_CRL_SIGNATURE',
    'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
    'CERT_SIGNATURE_FAILURE',
    'CRL_SIGNATURE_FAILURE',
    'CERT_NOT_YET_VALID',
    'CERT_HAS_EXPIRED',
    'CRL_NOT_YET_VALID',
    'CRL_HAS_EXPIRED',
    'ERROR_IN_CERT_NOT_BEFORE_FIELD',
    'ERROR_IN_CERT_NOT_AFTER_FIELD',
    'ERROR_IN_CRL_LAST_UPDATE_FIELD',
    'ERROR_IN_CRL_NEXT_UPDATE_FIELD',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'CERT_CHAIN_TOO_LONG',
    'CERT_REVOKED',
    'INVALID_CA',
    'PATH_LENGTH_EXCEEDED',
    'INVALID_PURPOSE',
    'CERT_UNTRUSTED',
    'CERT_REJECTED',
    'HOSTNAME_MISMATCH',
    'ERR_TLS_CERT_ALTNAME_INVALID',
]);
/** A certificate the runner trusts, for another host. */
const WRONG_NAME = new Set(['HOSTNAME_MISMATCH', 'ERR_TLS_CERT_ALTNAME_INVALID']);
/** TLS codes that also occur on an open connection (a bad record): a handshake failure only while connecting. */
const isTlsProtocol = (code) => code === 'EPROTO' || code.startsWith('ERR_SSL_');
/**
 * Where errors struck, as the clients say. While connecting (DNS, TCP, the proxy's tunnel, the TLS
 * handshake): undici (Node's own fetch and the bundled one behind the proxy alike) publishes each such
 * error on this channel, then fails the requests that were waiting for that connection with the very
 * same error; src/core/transport.ts names its own, and also those met once connected. A request waiting
 * for its connection has not been written. So such an error proves the request never left, by what
 * happened rather than by its code: an ECONNRESET in a handshake is not sent, one after the request was
 * written may have arrived, whatever its code. Weak: only errors still referenced are kept.
 */
const stages = new WeakMap();
(0,node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_0__.subscribe)('undici:client:connectError', (message) => failedWhile('connecting', message?.error));
/** Where a client's error struck: while connecting (nothing was sent) or once connected (it may have arrived). */
function failedWhile(stage, error) {
    if (error && typeof error === 'object')
        stages.set(error, stage);
}
/** Where the error or one of its causes struck, when a client said. */
function stageOf(err) {
    for (const e of causes(err)) {
        const stage = stages.get(e);
        if (stage)
            return stage;
    }
    return undefined;
}
/** The error and the first few of its causes: fetch wraps what the socket or proxy said. */
function* causes(err) {
    for (let e = err, i = 0; i < 4 && e && typeof e === 'object'; i++, e = e.cause) {
        yield e;
    }
}
function causeCodes(err) {
    const codes = [];
    for (const e of causes(err))
        if (typeof e.code === 'string')
            codes.push(e.code);
    return codes;
}
// undici's ProxyAgent when the proxy answers CONNECT with anything but 200: no tunnel, nothing sent.
const TUNNEL_REFUSED = /^Proxy response \((\d{3})\) !== 200 when HTTP Tunneling$/;
function tunnelRefused(err) {
    for (const e of causes(err)) {
        const m = TUNNEL_REFUSED.exec(String(e.message));
        if (m)
            return m[1];
    }
    return undefined;
}
/** Why fetch would refuse `url` without connecting, or undefined: checked before a token is put in a request. */
function unsendable(url) {
    let u;
    try {
        u = new URL(url);
    }
    catch {
        return 'the URL does not parse';
    }
    if (u.username || u.password)
        return 'the URL holds a user name or password';
    if (u.protocol !== 'https:' && u.protocol !== 'http:')
        return 'the URL is not http(s)';
    return undefined;
}
/**
 * The network errors undici's fetch makes before it dispatches anything, by their exact text (they
 * carry no code). Some also follow a redirect, after a request was sent; no fetch of the broker
 * follows one (`redirect: 'error'` or `'manual'`), so here they concern the URL asked for.
 */
const FETCH_REFUSED = {
    'bad port': "the URL's port is one fetch never connects to",
    'unknown scheme': 'the URL is not http(s)',
    'URL scheme must be a HTTP(S) scheme': 'the URL is not http(s)',
    'not implemented... yet...': 'the URL is not http(s)',
};
/** Fetch refused the request before dispatching it: why, or undefined. Never quotes the error (it may hold the URL). */
function refusedByFetch(err) {
    const top = err;
    if (!top || typeof top !== 'object')
        return undefined;
    // The Request constructor's own TypeError; its message quotes the URL, password included.
    const withCredentials = /^Request cannot be constructed from a URL that includes credentials/;
    if (top.name === 'TypeError' && withCredentials.test(`${top.message}`))
        return 'the URL holds a user name or password';
    // A URL that does not parse: fetch's "Failed to parse URL", or the proxy routing's own new URL().
    if (causeCodes(err).includes('ERR_INVALID_URL'))
        return 'the URL does not parse';
    if (top.name === 'TypeError' && top.message === 'fetch failed') {
        const inner = top.cause ?? {};
        if (inner.code === undefined && typeof inner.message === 'string' && Object.hasOwn(FETCH_REFUSED, inner.message))
            return FETCH_REFUSED[inner.message];
    }
    return undefined;
}
/** What went wrong while connecting, the connection surely unmade; `codes` are the error's and its causes'. */
function connectFailure(codes, err) {
    const refused = tunnelRefused(err);
    if (refused)
        return { notSent: true, reason: `the proxy refused the connection (HTTP ${refused})` };
    const tls = codes.find((c) => CERTIFICATE.has(c) || isTlsProtocol(c));
    if (tls) {
        const lasting = isTlsProtocol(tls) ? 'handshake' : WRONG_NAME.has(tls) ? 'name' : 'certificate';
        return { notSent: true, reason: `TLS handshake failed (${tls})`, lasting };
    }
    const code = codes[0];
    if (code === 'ECONNREFUSED')
        return { notSent: true, reason: 'connection refused' };
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
        return { notSent: true, reason: `cannot connect (${code})`, unresolved: code };
    if (code && NOT_SENT.has(code))
        return { notSent: true, reason: `cannot connect (${code})` };
    return { notSent: true, reason: code ? `connection lost while connecting (${code})` : 'could not connect' };
}
function classifyFetchError(err, timeoutMs) {
    const refused = refusedByFetch(err);
    if (refused)
        return { notSent: true, reason: `refused before sending (${refused})`, lasting: 'url' };
    const name = err?.name;
    if (name === 'TimeoutError' || name === 'AbortError')
        return { notSent: false, reason: `no answer within ${Math.round(timeoutMs / 1000)}s` };
    const codes = causeCodes(err);
    const code = codes[0];
    // Known to have happened while connecting; else, unless known to have happened once connected, the
    // codes only a connection not yet made can have.
    const stage = stageOf(err);
    if (stage === 'connecting' && [...causes(err)].some((e) => e.name === 'TimeoutError')) {
        return { notSent: true, reason: `could not connect within ${Math.round(timeoutMs / 1000)}s` };
    }
    if (stage === 'connecting' || tunnelRefused(err))
        return connectFailure(codes, err);
    if (stage !== 'connected' && (codes.some((c) => CERTIFICATE.has(c)) || (code && NOT_SENT.has(code))))
        return connectFailure(codes, err);
    if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE')
        return { notSent: false, reason: 'connection dropped before the answer arrived' };
    return { notSent: false, reason: code ? `network error (${code})` : 'network error' };
}
/** `retry-after` in seconds or as an HTTP date → ms, or undefined. */
function retryAfterMs(v, now) {
    if (!v)
        return undefined;
    if (/^\d+$/.test(v.trim()))
        return Number(v) * 1000;
    const at = Date.parse(v);
    return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}


/***/ })

};
