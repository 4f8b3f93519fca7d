// Rescued credentials as a job that hops to them holds them (src/action/recover.ts asRecovered): the rescue
// carries the marker of the copy before, so their claim would be named and timed as that copy's.
import { parseCredentials } from '../src/core/formats/index.js';
import { checksSeed, claimsOf, stamp, writtenAt } from '../src/core/marker.js';
import { asRecovered } from '../src/action/recover.js';
import type { Reservation } from '../src/store/claims.js';
import { fakeToken } from './support/fake-tokens.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const login = (): string =>
  JSON.stringify({
    claudeAiOauth: { accessToken: fakeToken('anthropic-access'), refreshToken: fakeToken('anthropic-refresh') },
  });
const HOLDER = `OAUTH_BROKER_${'A'.repeat(20)}_0`;

function hop(before: string, rescued: string): ReturnType<typeof asRecovered> {
  const r: Extract<Reservation, { kind: 'result' }> = {
    kind: 'result',
    name: HOLDER,
    settledAt: T0 + 1_000,
    result: {
      successor: { kind: 'next', accessToken: 'x', at: new Date(T0).toISOString() },
      rescue: { credentials: rescued, secretUpdatedAt: new Date(T0).toISOString() },
    },
  };
  return asRecovered(parseCredentials(rescued), parseCredentials(before), r, new Date(T0 + 5_000).toISOString());
}

describe('rescued credentials, once a job hops to them', () => {
  it('name the claim of the rotation that made them, a seed when the copy before named none', () => {
    const copy = login();
    const next = hop(copy, login());
    expect(claimsOf(next.doc)).toEqual([{ name: HOLDER, at: T0 + 1_000, seed: true }]);
    expect(writtenAt(next.doc)).toBe(T0 + 5_000);
  });

  it("are timed by the secret's update, and ask for no seed check whatever the copy before asked", () => {
    const seed = { name: `OAUTH_BROKER_${'B'.repeat(20)}_0`, at: T0 - 60_000, seed: true };
    const copy = stamp(login(), T0 - 10_000, { claims: [seed], checkSeed: true });
    const next = hop(copy, stamp(login(), T0 - 10_000, { claims: [seed], checkSeed: true }));
    expect(claimsOf(next.doc)).toEqual([seed, { name: HOLDER, at: T0 - 10_000, checks: true }]);
    expect(writtenAt(next.doc)).toBe(T0 + 5_000);
    expect(checksSeed(next.doc)).toBe(false);
  });
});
