// A small GitHub REST client over an injected fetch. Why not Octokit: its retry plugin
// ignores `retry-after` on 429 and its throttling plugin only acts on GitHub's own
// rate-limit messages; the write-back must honour both exactly.
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

/**
 * An answer that is not GitHub's success (after retries): an error status, a redirect, an
 * unexpected 2xx or a body that is not JSON; or no answer at all (`status` 0).
 */
export class GitHubHttpError extends Error {
  constructor(
    readonly status: number,
    /** GitHub's `message`, or the network failure; never a secret. */
    readonly githubMessage: string,
    /** GitHub may have acted on the request although no success answer arrived (5xx, lost answer). */
    readonly ambiguous = false,
  ) {
    super(`HTTP ${status}: ${githubMessage}`);
  }
}

export type Method = 'GET' | 'PUT' | 'DELETE';

export interface RequestOptions {
  /**
   * A create whose repetition would be mistaken for another job's (a claim): retried only
   * while GitHub surely did not act, so a success answer always means this request did it.
   */
  once?: boolean;
}

const MAX_ATTEMPTS = 5;
// What GitHub answers on success: 200 to a read; 201 (created) or 204 (updated) to a write; 204 to a delete.
const SUCCESS: Record<Method, number[]> = { GET: [200], PUT: [201, 204], DELETE: [204] };
const MAX_WAIT_MS = 120_000;
const EXPIRY_WARNING_MS = 7 * 86_400_000;

export class GitHubApi {
  private warnedExpiry = false;

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly deps: GitHubDeps,
  ) {}

  /** The clock the client runs on, for what it stamps. */
  now(): number {
    return this.deps.now();
  }

  /** Sends the request, retrying 5xx, 429, rate limits and network errors with backoff. */
  async request<T>(
    method: Method,
    path: string,
    body?: unknown,
    opts: RequestOptions = {},
  ): Promise<{ status: number; data: T }> {
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
          // Never followed: the token would go along to wherever it points.
          redirect: 'manual',
          signal: AbortSignal.timeout(this.deps.timeoutMs),
        });
        this.checkExpiry(res.headers);
        const text = await res.text();
        // A write's answer carries nothing needed: only reads must parse.
        if (SUCCESS[method].includes(res.status)) {
          return { status: res.status, data: (method === 'GET' ? JSON.parse(text) : undefined) as T };
        }
        if (res.status >= 200 && res.status < 400) {
          const what = res.status >= 300 ? 'a redirect, which is not followed' : `not GitHub's answer to a ${method}`;
          throw new GitHubHttpError(res.status, what);
        }
        failure = new GitHubHttpError(res.status, messageOf(text), res.status >= 500);
      } catch (err) {
        if (err instanceof GitHubHttpError) throw err;
        if (err instanceof SyntaxError) throw new GitHubHttpError(res?.status ?? 0, 'the answer is not JSON');
        const f = classifyFetchError(err, this.deps.timeoutMs);
        failure = new GitHubHttpError(0, f.reason, !f.notSent);
      }
      const wait = this.retryDelay(failure.status, res?.headers, attempt);
      if (wait === undefined || attempt >= MAX_ATTEMPTS || (opts.once && failure.ambiguous)) throw failure;
      this.deps.info(
        `GitHub API ${method} ${path}: ${failure.status ? `HTTP ${failure.status}` : failure.githubMessage}; retrying in ${Math.ceil(wait / 1000)}s (attempt ${attempt + 1} of ${MAX_ATTEMPTS})`,
      );
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
      this.deps.warning(
        `github-token expires on ${neutral(v, 40)}; renew it before then or the write-back of rotated credentials will fail.`,
      );
    }
  }
}

function messageOf(text: string): string {
  try {
    const m = (JSON.parse(text) as { message?: unknown } | null)?.message;
    if (typeof m === 'string') return neutral(m);
  } catch {
    // fall through
  }
  return 'no message';
}
