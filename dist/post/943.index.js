export const id = 943;
export const ids = [943];
export const modules = {

/***/ 8943:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubApi: () => (/* binding */ GitHubApi),
/* harmony export */   GitHubHttpError: () => (/* binding */ GitHubHttpError)
/* harmony export */ });
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6803);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(311);
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
                        'user-agent': _version_js__WEBPACK_IMPORTED_MODULE_1__/* .USER_AGENT */ ._,
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
                failure = new GitHubHttpError(0, (0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .classifyFetchError */ .D$)(err, this.deps.timeoutMs).reason);
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
        const after = headers && (0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .retryAfterMs */ .Vs)(headers, this.deps.now());
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
            this.deps.warning(`github-token expires on ${v}; renew it before then or the write-back of rotated credentials will fail.`);
        }
    }
}
function messageOf(text) {
    try {
        const m = JSON.parse(text).message;
        if (typeof m === 'string')
            return m.slice(0, 200);
    }
    catch {
        // fall through
    }
    return 'no message';
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ USER_AGENT)
/* harmony export */ });
/* unused harmony export VERSION */
// Kept equal to package.json's version by __tests__/version.test.ts.
const VERSION = '0.1.0';
const USER_AGENT = `oauth-broker/${VERSION} (GitHub Action; +https://github.com/oauth-broker/oauth-broker)`;


/***/ })

};
