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

export function timings(env: Env): Timings {
  const n = (v: string | undefined, d: number): number => (v && /^\d+$/.test(v) ? Number(v) : d);
  return {
    httpTimeoutMs: n(env.OAUTH_BROKER_HTTP_TIMEOUT_MS, 30_000),
    retryBaseMs: n(env.OAUTH_BROKER_RETRY_BASE_MS, 1_000),
    // The first wait before reading another job's claim again; it doubles (src/store/claims.ts).
    pollMs: n(env.OAUTH_BROKER_POLL_MS, 250),
    cacheTimeoutMs: n(env.OAUTH_BROKER_CACHE_TIMEOUT_MS, 60_000),
    // A holder's answer must be in before this ends (src/store/protocol.ts): a dead holder costs about a minute.
    leaseMs: n(env.OAUTH_BROKER_LEASE_MS, 60_000),
  };
}
