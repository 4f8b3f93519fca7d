// src/github: GitHub's REST API and nothing else: the Octokit client and its retry rules (this file),
// secrets and their sealed box, variables, issues, workflows, what GitHub's answers and errors mean.
// It knows nothing of claims or steps. May import: core.
//
// GitHub's REST API through Octokit's core, routes typed from GitHub's OpenAPI description, with the
// broker's own retry rules as a request hook: the stock retry plugin ignores `retry-after` on 429, and
// the throttling plugin acts only on GitHub's own rate-limit messages; the write-back must honour both
// exactly. Not @actions/github: its Octokit carries a method for every endpoint GitHub has (96 KB of
// table, built at load) and two proxy agents it replaces anyway, 10 ms of a refresh (npm run bench).
import { Octokit } from '@octokit/core';
import type { EndpointDefaults, Endpoints, OctokitResponse, RequestParameters } from '@octokit/types';
import { classifyFetchError, retryAfterMs } from '../core/http.js';
import { neutral } from '../core/neutral.js';
import { USER_AGENT } from '../core/version.js';
import { ACTION_WORDING, type Wording } from './target.js';

export interface GitHubDeps {
  fetch: typeof fetch;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  info: (message: string) => void;
  warning: (message: string) => void;
  /** First backoff step for 5xx and network errors; doubles each attempt. */
  retryBaseMs: number;
  timeoutMs: number;
  /** A clock no step of the wall clock moves: with GitHub's `Date`, what time it is at GitHub. */
  monotonic?: () => number;
  /**
   * A host name that does not resolve, and a failure that would repeat (the certificate, TLS, the
   * URL), fail at once instead of being retried: the CLI, where a mistyped --api-url is one line
   * at once. The action retries them: a runner's DNS may be down for a moment.
   */
  failFast?: boolean;
}

/**
 * An answer that is not GitHub's success (after retries): an error status, a redirect or an
 * unexpected 2xx; or no answer at all (`status` 0).
 */
export class GitHubHttpError extends Error {
  override name = 'GitHubHttpError';

  constructor(
    readonly status: number,
    /** GitHub's `message`, or the network failure; never a secret. */
    readonly githubMessage: string,
    /** GitHub may have acted on the request although no success answer arrived (5xx, lost answer). */
    readonly ambiguous = false,
    options?: { cause?: unknown; foreign?: boolean },
  ) {
    super(`HTTP ${status}: ${githubMessage}`, options);
    this.foreign = options?.foreign ?? false;
  }

  /** An error answer without GitHub's JSON `message`: the server is most likely not GitHub's API. */
  readonly foreign: boolean;
}

/** Per-request options the hook reads (Octokit passes `request` through to it). */
export interface Attempts {
  /**
   * A request whose repetition could act on what another job made since (a claim's create, its
   * release): retried only while GitHub surely did not act; the caller reads the result back instead.
   */
  once?: boolean;
  /**
   * Parameters built again for each attempt after the first: a value that records when it was sent
   * (src/github/secret-write.ts) is stamped anew however long the retries took.
   */
  again?: () => Promise<Record<string, unknown>>;
}

type Headers = Record<string, string | number | undefined>;

/** Octokit's request for GitHub's own routes only: unlike Octokit's type, a misspelt route does not compile. */
type Request = <R extends keyof Endpoints>(
  route: R,
  params?: Endpoints[R]['parameters'] & RequestParameters,
) => Promise<Endpoints[R]['response']>;

/** The REST API version the broker is built and tested against. */
const API_VERSION = '2022-11-28';
const MAX_ATTEMPTS = 5;
// What GitHub answers on success: 200 to a read; 201 (created) or 204 (updated) to a write; 204 to a delete;
// 201 to a create (an issue, a comment, a variable).
// 200 to an edit of an issue, 204 to an edit of a variable.
const SUCCESS: Record<string, number[]> = {
  GET: [200],
  PUT: [201, 204],
  DELETE: [204],
  POST: [201],
  PATCH: [200, 204],
};
const MAX_WAIT_MS = 120_000;
const EXPIRY_WARNING_MS = 7 * 86_400_000;

export class GitHubApi {
  /** Octokit's request, typed by route (`'GET /repos/{owner}/{repo}'`); every call goes through the retry hook. */
  readonly request: Request;
  private warnedExpiry = false;
  /** GitHub's clock as its last `Date` header told it, and when that answer arrived (monotonic). */
  private clock?: { github: number; at: number; own: boolean };
  private readonly monotonic: () => number;
  private readonly host: string;

  constructor(
    readonly baseUrl: string,
    token: string,
    private readonly deps: GitHubDeps,
    /** What the caller's error lines call the token, the API URL and where the secret is. */
    readonly wording: Wording = ACTION_WORDING,
  ) {
    // Octokit sends requests without one; every caller checks its token first, so none here is a wiring bug.
    if (!token) throw new Error('GitHubApi needs a token');
    const octokit = new Octokit({
      auth: token,
      baseUrl: baseUrl.replace(/\/+$/, ''),
      userAgent: userAgent(USER_AGENT, process.env.ACTIONS_ORCHESTRATION_ID),
      // Never followed: the token would go along to wherever it points.
      // The timeout is set on each fetch: Octokit's auth hook drops a signal given in the options.
      request: { fetch: timed(deps, (res) => this.readClock(res)), redirect: 'manual' },
      log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    });
    octokit.hook.wrap('request', (request, options) => this.retrying(request, options));
    this.request = octokit.request as Request;
    this.monotonic = deps.monotonic ?? (() => performance.now());
    this.host = URL.canParse(baseUrl) ? new URL(baseUrl).host : baseUrl;
  }

  /**
   * What time it is at GitHub, epoch ms: its last `Date` header plus the time passed since, on this
   * machine's monotonic clock; undefined before any answer. Never the runner's wall clock, which may
   * be off by any amount. `Date` counts whole seconds, so this may be up to a second behind.
   */
  githubNow(): number | undefined {
    return this.clock && this.clock.github + (this.monotonic() - this.clock.at);
  }

  /**
   * GitHub's clock from an answer's headers, as they arrive (a slow body does not age it), from GitHub's
   * own answers (a request id): a proxy's or a load balancer's error page has a clock of its own. A success
   * without one (a proxy that drops the header) serves until GitHub's own answer comes.
   */
  private readClock(res: Response): void {
    const date = Date.parse(res.headers.get('date') ?? '');
    const own = res.headers.has('x-github-request-id');
    if (Number.isFinite(date) && (own || (res.ok && !this.clock?.own)))
      this.clock = { github: date, at: this.monotonic(), own };
  }

  /** The clock the client runs on, for what it stamps. */
  now(): number {
    return this.deps.now();
  }

  /** Sends the request, retrying 5xx, 429, rate limits and network errors with backoff. */
  private async retrying(
    request: (options: Required<EndpointDefaults>) => OctokitResponse<unknown> | Promise<OctokitResponse<unknown>>,
    options: Required<EndpointDefaults>,
  ): Promise<OctokitResponse<unknown>> {
    const method = options.method;
    // Octokit takes no default headers from its options: the pin is set on every request here.
    options.headers = {
      ...options.headers,
      accept: 'application/vnd.github+json',
      'x-github-api-version': API_VERSION,
    };
    const { once, again } = (options.request ?? {}) as Attempts;
    for (let attempt = 1; ; attempt++) {
      if (again && attempt > 1) Object.assign(options, await again());
      let failure: GitHubHttpError;
      let headers: Headers | undefined;
      let final: boolean | undefined;
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
      } catch (err) {
        if (err instanceof GitHubHttpError) throw err;
        ({ failure, headers, final } = this.failureOf(err));
        // The expanded URL of the request Octokit sent, not the route template.
        const sent = (err as { request?: { url?: string } }).request?.url;
        if (sent) path = new URL(sent).pathname;
      }
      const wait = this.retryDelay(failure.status, headers, attempt);
      if (wait === undefined || final || attempt >= MAX_ATTEMPTS || (once && failure.ambiguous)) throw failure;
      const what = failure.status ? `HTTP ${failure.status}` : failure.githubMessage;
      const next = `retrying in ${Math.ceil(wait / 1000)}s (attempt ${attempt + 1} of ${MAX_ATTEMPTS})`;
      this.deps.info(`GitHub API ${method} ${path}: ${what}; ${next}`);
      await this.deps.sleep(wait);
    }
  }

  /** An answer GitHub gave (Octokit's RequestError with a response), or none at all. */
  private failureOf(err: unknown): { failure: GitHubHttpError; headers?: Headers; final?: boolean } {
    const response = (err as { response?: OctokitResponse<unknown> }).response;
    if (response) {
      this.checkExpiry(response.headers);
      const foreign = typeof (response.data as { message?: unknown } | null)?.message !== 'string';
      const failure = new GitHubHttpError(response.status, messageOf(response.data), response.status >= 500, {
        cause: err,
        foreign,
      });
      return { failure, headers: response.headers };
    }
    // Octokit wraps what fetch threw as `cause`; a timeout arrives as fetch's own error.
    const thrown = (err as { cause?: unknown }).cause ?? err;
    const f = classifyFetchError(thrown, this.deps.timeoutMs);
    if (this.deps.failFast && f.unresolved) {
      const reason = `the host ${neutral(this.host, 80)} was not found (${f.unresolved})`;
      return { failure: new GitHubHttpError(0, reason, false, { cause: err }), final: true };
    }
    if (this.deps.failFast && f.lasting)
      return { failure: new GitHubHttpError(0, f.reason, false, { cause: err }), final: true };
    return { failure: new GitHubHttpError(0, f.reason, !f.notSent, { cause: err }) };
  }

  /** How long to wait before the next attempt, or undefined when retrying cannot help. */
  private retryDelay(status: number, headers: Headers | undefined, attempt: number): number | undefined {
    const backoff = this.deps.retryBaseMs * 2 ** (attempt - 1);
    if (status === 0 || status >= 500) return backoff;
    if (status !== 403 && status !== 429) return undefined;
    const after = headers && retryAfterMs(header(headers, 'retry-after'), this.deps.now());
    if (after !== undefined) return after <= MAX_WAIT_MS ? after : undefined;
    if (headers && header(headers, 'x-ratelimit-remaining') === '0') {
      const reset = Number(header(headers, 'x-ratelimit-reset')) * 1000 - this.deps.now();
      return reset <= MAX_WAIT_MS ? Math.max(reset, 1000) : undefined;
    }
    // A 429 without a hint is a secondary rate limit: GitHub asks for at least a minute.
    return status === 429 ? Math.max(backoff, 60_000) : undefined;
  }

  private checkExpiry(headers: Headers): void {
    const v = header(headers, 'github-authentication-token-expiration');
    if (!v || this.warnedExpiry) return;
    const at = Date.parse(v.replace(' UTC', 'Z').replace(' ', 'T'));
    if (Number.isFinite(at) && at - this.deps.now() < EXPIRY_WARNING_MS) {
      this.warnedExpiry = true;
      this.deps.warning(
        `${this.wording.token} expires on ${neutral(v, 40)}; renew it before then, ` +
          'or writing the secret will fail.',
      );
    }
  }
}

/** The runner's orchestration id beside the broker's name, as @actions/github adds it: GitHub ties calls to the job. */
function userAgent(broker: string, orchestrationId: string | undefined): string {
  const id = orchestrationId?.trim();
  return id ? `${broker} actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}` : broker;
}

/** Each attempt gets the whole timeout, answer body included; `heard` sees each answer as its headers arrive. */
function timed(deps: GitHubDeps, heard: (res: Response) => void): typeof fetch {
  return async (input, init) => {
    const res = await deps.fetch(input, { ...init, signal: AbortSignal.timeout(deps.timeoutMs) });
    heard(res);
    return res;
  };
}

function header(headers: Headers, name: string): string | undefined {
  const v = headers[name];
  return v === undefined ? undefined : String(v);
}

/** GitHub's `message`, neutralised; Octokit parses JSON bodies and leaves others as text. */
function messageOf(data: unknown): string {
  const m = (data as { message?: unknown } | null)?.message;
  return typeof m === 'string' ? neutral(m) : 'no message';
}
