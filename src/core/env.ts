// The process environment as passed in, and the tuning knobs read from it.

export type Env = Record<string, string | undefined>;

/** Test and tuning knobs read from the environment, never from inputs. */
export interface Timings {
  httpTimeoutMs: number;
  retryBaseMs: number;
  pollMs: number;
  cacheTimeoutMs: number;
  /** How long a claim's holder may present before another job may take over (docs/design.md). */
  leaseMs: number;
}

/**
 * An attempt at the provider with less time than this before its claim's deadline is not started
 * (src/core/refresh.ts); a lease is never shorter than it (src/store/protocol.ts). A constant beside the
 * lease, here so that the claims' protocol needs nothing of the refresh itself.
 */
export const MIN_ATTEMPT_MS = 3_000;

/** Whole milliseconds up to `max`; anything else is the default. */
function knob(v: string | undefined, d: number, max: number): number {
  return v && /^\d{1,10}$/.test(v) && Number(v) <= max ? Number(v) : d;
}

export function timings(env: Env): Timings {
  return {
    // At most a minute: a write's attempt must land well within OLD_COPY_AFTER_MS (src/core/marker.ts).
    httpTimeoutMs: knob(env.OAUTH_BROKER_HTTP_TIMEOUT_MS, 30_000, 60_000),
    retryBaseMs: knob(env.OAUTH_BROKER_RETRY_BASE_MS, 1_000, 60_000),
    // The first wait before reading another job's claim again; it doubles (src/store/claims.ts).
    pollMs: knob(env.OAUTH_BROKER_POLL_MS, 250, 60_000),
    cacheTimeoutMs: knob(env.OAUTH_BROKER_CACHE_TIMEOUT_MS, 60_000, 600_000),
    // A holder's answer must be in before this ends (src/store/protocol.ts): a dead holder costs about a minute.
    // At most an hour, far under the CLI's lease, the longest a claim other jobs read may carry.
    leaseMs: knob(env.OAUTH_BROKER_LEASE_MS, 60_000, 3_600_000),
  };
}
