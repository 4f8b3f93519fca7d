// A small GitHub REST client over an injected fetch. Why not Octokit: its retry plugin
// ignores `retry-after` on 429 and its throttling plugin only acts on GitHub's own
// rate-limit messages; the write-back must honour both exactly (SPEC §4).
import { classifyFetchError, retryAfterMs } from '../http.js';
import { neutral } from '../neutral.js';
import { USER_AGENT } from '../version.js';

export interface GitHubDeps {
  fetch: typeof fetch;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  info: (message: string) => void;
  warning: (message: string) => void;
  /** First backoff step for 5xx and network errors; doubles each attempt. */
  retryBaseMs: number;
  timeoutMs: number;
}

/** A non-2xx answer (after retries), or a request that never got one (`status` 0). */
export class GitHubHttpError extends Error {
  constructor(
    readonly status: number,
    /** GitHub's `message`, or the network failure; never a secret. */
    readonly githubMessage: string,
  ) {
    super(`HTTP ${status}: ${githubMessage}`);
  }
}

const MAX_ATTEMPTS = 5;
const MAX_WAIT_MS = 120_000;
const EXPIRY_WARNING_MS = 7 * 86_400_000;

export class GitHubApi {
  private warnedExpiry = false;

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly deps: GitHubDeps,
  ) {}

  /** Sends the request, retrying 5xx, 429, rate limits and network errors with backoff. */
  async request<T>(method: 'GET' | 'PUT', path: string, body?: unknown): Promise<{ status: number; data: T }> {
    const url = this.baseUrl.replace(/\/+$/, '') + path;
    for (let attempt = 1; ; attempt++) {
      let res: Response | undefined;
      let failure: GitHubHttpError;
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
        if (res.ok) return { status: res.status, data: (method === 'GET' ? JSON.parse(text) : undefined) as T };
        failure = new GitHubHttpError(res.status, messageOf(text));
      } catch (err) {
        if (err instanceof SyntaxError) throw new GitHubHttpError(res?.status ?? 0, 'the answer is not JSON');
        failure = new GitHubHttpError(0, classifyFetchError(err, this.deps.timeoutMs).reason);
      }
      const wait = this.retryDelay(failure.status, res?.headers, attempt);
      if (wait === undefined || attempt >= MAX_ATTEMPTS) throw failure;
      this.deps.info(`GitHub API ${method} ${path}: ${failure.status ? `HTTP ${failure.status}` : failure.githubMessage}; retrying in ${Math.ceil(wait / 1000)}s (attempt ${attempt + 1} of ${MAX_ATTEMPTS})`);
      await this.deps.sleep(wait);
    }
  }

  /** How long to wait before the next attempt, or undefined when retrying cannot help. */
  private retryDelay(status: number, headers: Headers | undefined, attempt: number): number | undefined {
    const backoff = this.deps.retryBaseMs * 2 ** (attempt - 1);
    if (status === 0 || status >= 500) return backoff;
    if (status !== 403 && status !== 429) return undefined;
    const after = headers && retryAfterMs(headers, this.deps.now());
    if (after !== undefined) return after <= MAX_WAIT_MS ? after : undefined;
    if (headers?.get('x-ratelimit-remaining') === '0') {
      const reset = Number(headers.get('x-ratelimit-reset')) * 1000 - this.deps.now();
      return reset <= MAX_WAIT_MS ? Math.max(reset, 1000) : undefined;
    }
    // A 429 without a hint is a secondary rate limit: GitHub asks for at least a minute.
    return status === 429 ? Math.max(backoff, 60_000) : undefined;
  }

  private checkExpiry(headers: Headers): void {
    const v = headers.get('github-authentication-token-expiration');
    if (!v || this.warnedExpiry) return;
    const at = Date.parse(v.replace(' UTC', 'Z').replace(' ', 'T'));
    if (Number.isFinite(at) && at - this.deps.now() < EXPIRY_WARNING_MS) {
      this.warnedExpiry = true;
      this.deps.warning(`github-token expires on ${neutral(v, 40)}; renew it before then or the write-back of rotated credentials will fail.`);
    }
  }
}

function messageOf(text: string): string {
  try {
    const m = (JSON.parse(text) as { message?: unknown }).message;
    if (typeof m === 'string') return neutral(m);
  } catch {
    // fall through
  }
  return 'no message';
}
