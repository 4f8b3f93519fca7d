// The proxy's refresher (src/proxy/refresher.ts) on a test clock: when it renews the access token, how
// concurrent requests share one renewal, and what it does when renewal fails.
import { Final, Refresher, type Lease, type RefresherOptions } from '../src/proxy/refresher.js';
import { fakeToken } from './support/fake-tokens.js';

const TOKEN = fakeToken('anthropic-access');

describe('the refresher', () => {
  const NEXT = fakeToken('anthropic-access');
  const MIN_TTL = 30 * 60_000;
  let now: number;
  let mono: number;
  let lines: string[];
  /** Time passes: both clocks move. */
  const pass = (ms: number): void => {
    now += ms;
    mono += ms;
  };

  function refresher(expiresIn: number, renew: () => Promise<Lease>, opts: Partial<RefresherOptions> = {}) {
    return new Refresher({ accessToken: TOKEN, expiresAt: now + expiresIn }, renew, {
      minTtlMs: MIN_TTL,
      now: () => now,
      monotonic: () => mono,
      log: (l) => lines.push(l),
      backoffMs: 60_000,
      ...opts,
    });
  }

  /** A renewal the test ends: how many were started, and the one to answer. */
  function held(): { renew: () => Promise<Lease>; calls: () => number; answer: (l: Lease | Error) => void } {
    let calls = 0;
    let settle: (l: Lease | Error) => void = () => undefined;
    return {
      calls: () => calls,
      answer: (l) => settle(l),
      renew: () => {
        calls++;
        return new Promise((resolve, reject) => {
          settle = (l) => (l instanceof Error ? reject(l) : resolve(l));
        });
      },
    };
  }

  beforeEach(() => {
    now = Date.now();
    mono = 1_000;
    lines = [];
  });

  it('hands out the token as it is while it has min-ttl left', async () => {
    const r = held();
    expect(await refresher(MIN_TTL + 1000, r.renew).token()).toBe(TOKEN);
    expect(r.calls()).toBe(0);
  });

  it('refreshes once for any number of requests at the same moment on an expiring token', async () => {
    const r = held();
    const t = refresher(MIN_TTL - 1000, r.renew);
    const waiting = Promise.all([t.token(), t.token(), t.rejected(TOKEN), t.token()]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(r.calls()).toBe(1);
    r.answer({ accessToken: NEXT, expiresAt: now + 8 * 3_600_000 });
    expect(await waiting).toEqual([NEXT, NEXT, NEXT, NEXT]);
    expect(await t.token()).toBe(NEXT);
    expect(await t.rejected(TOKEN)).toBe(NEXT);
    expect(r.calls()).toBe(1);
    expect(lines).toEqual([
      'refreshing the access token: it has less than min-ttl left',
      'refreshed; the requests go on with the new access token',
    ]);
  });

  /** A token near expiry whose first refresh failed with `error`; the refresher kept the token. */
  async function failedOnce(error: Error) {
    const r = held();
    const t = refresher(MIN_TTL - 1000, r.renew);
    const first = t.token();
    r.answer(error);
    expect(await first).toBe(TOKEN);
    return { r, t };
  }

  it('keeps the token after a failed refresh, and tries again only after the backoff', async () => {
    const { r, t } = await failedOnce(new Error('provider anthropic (x) answered HTTP 503'));
    expect(await t.token()).toBe(TOKEN);
    expect(await t.rejected(TOKEN)).toBeUndefined();
    expect(r.calls()).toBe(1);
    pass(60_001);
    const again = t.token();
    r.answer({ accessToken: NEXT });
    expect(await again).toBe(NEXT);
    expect(lines[1]).toBe(
      'the refresh failed: provider anthropic (x) answered HTTP 503; the current token is used meanwhile',
    );
  });

  it('refreshes at most once a minute, however many 401s the agent provokes with a fresh token', async () => {
    const r = held();
    const t = refresher(8 * 3_600_000, r.renew);
    const first = t.rejected(TOKEN);
    r.answer({ accessToken: NEXT, expiresAt: now + 8 * 3_600_000 });
    expect(await first).toBe(NEXT);
    // Upstream refuses the new token too (say, a request without the OAuth beta header): passed through.
    for (let i = 0; i < 5; i++) expect(await t.rejected(NEXT)).toBeUndefined();
    expect(r.calls()).toBe(1);
    pass(60_001);
    const later = t.rejected(NEXT);
    r.answer({ accessToken: TOKEN, expiresAt: now + 8 * 3_600_000 });
    expect(await later).toBe(TOKEN);
    expect(r.calls()).toBe(2);
  });

  it('counts the backoff on the monotonic clock: the wall clock stepping back blocks nothing', async () => {
    const { r, t } = await failedOnce(new Error('provider anthropic (x) answered HTTP 503'));
    now -= 3_600_000;
    mono += 60_001;
    const again = t.rejected(TOKEN);
    r.answer({ accessToken: NEXT });
    expect(await again).toBe(NEXT);
    expect(r.calls()).toBe(2);
  });

  it('starts no refresh once closed, and close waits for the one under way', async () => {
    const r = held();
    const t = refresher(MIN_TTL - 1000, r.renew);
    const first = t.token();
    let closed = false;
    const closing = t.close().then(() => (closed = true));
    await Promise.resolve();
    expect(closed).toBe(false);
    // A request arriving meanwhile waits for the refresh under way, as before the stop.
    const late = t.token();
    r.answer({ accessToken: NEXT, expiresAt: now + 60_000 });
    await closing;
    expect([await first, await late]).toEqual([NEXT, NEXT]);
    // Expiring again, and long past the backoff: still no second refresh.
    pass(3_600_000);
    expect(await t.token()).toBe(NEXT);
    expect(await t.rejected(NEXT)).toBeUndefined();
    expect(r.calls()).toBe(1);
  });

  it('stops trying once the refresh token is known spent', async () => {
    const { r, t } = await failedOnce(new Final('the refresh token was refused'));
    pass(3_600_000);
    expect(await t.token()).toBe(TOKEN);
    expect(r.calls()).toBe(1);
    expect(lines[1]).toMatch(/; no refresh is tried again in this job$/);
  });

  it('never refreshes with mode: check', async () => {
    const r = held();
    const t = refresher(-1000, r.renew, { never: true });
    expect(await t.token()).toBe(TOKEN);
    expect(await t.rejected(TOKEN)).toBeUndefined();
    await t.close();
    expect(r.calls()).toBe(0);
  });
});
