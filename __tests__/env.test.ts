// The test and tuning knobs read from the environment (src/core/env.ts): whole milliseconds within
// their bounds, else the default; a lease longer than any claim other jobs accept is never written.
import { timings } from '../src/core/env.js';

describe('timings', () => {
  it('defaults without knobs', () => {
    expect(timings({})).toEqual({
      httpTimeoutMs: 30_000,
      retryBaseMs: 1_000,
      pollMs: 250,
      cacheTimeoutMs: 60_000,
      leaseMs: 60_000,
    });
  });

  it('takes whole milliseconds within the bounds', () => {
    const t = timings({ OAUTH_BROKER_HTTP_TIMEOUT_MS: '300', OAUTH_BROKER_LEASE_MS: '3600000' });
    expect([t.httpTimeoutMs, t.leaseMs]).toEqual([300, 3_600_000]);
  });

  it('keeps the HTTP timeout under the time a written copy has to land (src/core/marker.ts)', () => {
    expect(timings({ OAUTH_BROKER_HTTP_TIMEOUT_MS: '60000' }).httpTimeoutMs).toBe(60_000);
    expect(timings({ OAUTH_BROKER_HTTP_TIMEOUT_MS: '60001' }).httpTimeoutMs).toBe(30_000);
  });

  it.each(['3600001', '99999999999', '1e6', '-5', ' 300', '30s', ''])('leaves the default for %j', (value) => {
    expect(timings({ OAUTH_BROKER_LEASE_MS: value, OAUTH_BROKER_POLL_MS: value })).toMatchObject({
      leaseMs: 60_000,
      pollMs: 250,
    });
  });
});
