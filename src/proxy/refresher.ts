// The proxy's live access token (docs/proxy.md, "Mid-job refresh"): refreshed before a request when
// it has less than min-ttl left, or after upstream refused it; one refresh at a time, whatever the
// number of requests waiting for it. The refresh itself is the action's (src/proxy/renew.ts).

/** An access token and when it expires (epoch ms; unknown: never judged expiring). */
export interface Lease {
  accessToken: string;
  expiresAt?: number;
}

export interface RefresherOptions {
  minTtlMs: number;
  /** The wall clock, for the token's expiry. */
  now: () => number;
  /** A clock that never steps back, for the backoff: an NTP correction must not block refreshes. */
  monotonic: () => number;
  log: (line: string) => void;
  /**
   * After a refresh, failed or not, none is tried again before this much time (ms): a 401 the agent
   * can cause (a header left out) must not rotate the login at each request.
   */
  backoffMs: number;
  /** No refresh at all (mode: check). */
  never?: boolean;
}

/** A refresh that cannot succeed in this job (the refresh token is spent): no further attempt. */
export class Final extends Error {}

export class Refresher {
  private flight: Promise<void> | undefined;
  private notBefore = 0;
  private over = false;
  private closed = false;

  constructor(
    private lease: Lease,
    private readonly renew: () => Promise<Lease>,
    private readonly opts: RefresherOptions,
  ) {}

  /** The token for a request: refreshed first when it has less than min-ttl left. */
  async token(): Promise<string> {
    const { expiresAt } = this.lease;
    if (expiresAt !== undefined && expiresAt - this.opts.now() < this.opts.minTtlMs) {
      await this.refresh('it has less than min-ttl left');
    }
    return this.lease.accessToken;
  }

  /**
   * Upstream answered 401 to `used`: the token to retry with, refreshed unless a request before this
   * one already did; undefined when there is no other.
   */
  async rejected(used: string): Promise<string | undefined> {
    if (used === this.lease.accessToken) await this.refresh('upstream answered 401');
    return this.lease.accessToken === used ? undefined : this.lease.accessToken;
  }

  /**
   * No refresh starts from now on, and this resolves once the one under way, if any, is over: the
   * proxy stops only then, so a rotation is always stored, and no claim is left behind by a late one.
   */
  async close(): Promise<void> {
    this.closed = true;
    await this.flight;
  }

  private refresh(why: string): Promise<void> {
    // Stopping: a request may still wait for the refresh under way, but none starts.
    if (this.closed) return this.flight ?? Promise.resolve();
    if (this.opts.never || this.over || this.opts.monotonic() < this.notBefore) return Promise.resolve();
    this.flight ??= (async () => {
      this.opts.log(`refreshing the access token: ${why}`);
      try {
        this.lease = await this.renew();
        this.opts.log('refreshed; the requests go on with the new access token');
      } catch (err) {
        this.over = err instanceof Final;
        const next = this.over ? 'no refresh is tried again in this job' : 'the current token is used meanwhile';
        this.opts.log(`the refresh failed: ${(err as Error).message}; ${next}`);
      } finally {
        this.notBefore = this.opts.monotonic() + this.opts.backoffMs;
        this.flight = undefined;
      }
    })();
    return this.flight;
  }
}
