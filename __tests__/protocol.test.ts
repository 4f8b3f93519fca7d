// The claims' decisions, with no I/O (src/store/protocol.ts): which claims a written value keeps, so
// that every copy a job may still hold is stopped by its claim or by its marker; what a claim means at
// a GitHub time; and what is no claim at all.
import { isOldCopy, stamp } from '../src/core/marker.js';
import type { Kept } from '../src/core/marker.js';
import {
  afterExpiry,
  decodeClaim,
  encodeClaim,
  generationsOf,
  hasTime,
  isLeftoverClaim,
  judge,
  keptClaims,
  mayRelease,
  untilNextStamp,
} from '../src/store/protocol.js';

const MIN = 60_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');
const iso = (ms: number): string => new Date(ms).toISOString();
/** A value the broker wrote at `at`, as its marker records it. */
const written = (at: number): Record<string, unknown> =>
  JSON.parse(stamp('{"refresh_token":"x"}', at)) as Record<string, unknown>;
const claim = (n: number, at: number): Kept => ({ name: `OAUTH_BROKER_${String(n).padStart(20, '0')}_0`, at });

describe('the claims a written value keeps', () => {
  it('every claim it drops is of a copy its marker already tells old, with the secret as this job read it', () => {
    // Rotations of every spacing, and a write-back that never lands (the secret keeps what this job read).
    for (const every of [1, 5, 15, 20, 25, 31, 60, 240]) {
      let kept: Kept[] = [];
      for (let i = 1; i <= 30; i++) {
        const at = T0 + i * every * MIN;
        // The copy the claim is about was written one rotation earlier; the secret still shows that write.
        const { keep, drop } = keptClaims(kept, claim(i, at), at - every * MIN);
        for (const d of drop) {
          const copy = written(d.at - every * MIN);
          expect({ every, dropped: d.name, old: isOldCopy(copy, iso(at - every * MIN)) }).toMatchObject({ old: true });
        }
        kept = keep;
      }
    }
  });

  it('keeps the newest three when rotations are hours apart, a seed claim for good', () => {
    const seed: Kept = { ...claim(0, T0), seed: true };
    let kept: Kept[] = [seed];
    for (let i = 1; i <= 10; i++) kept = keptClaims(kept, claim(i, T0 + i * 240 * MIN), T0 + (i - 1) * 240 * MIN).keep;
    expect(kept.map((k) => k.name)).toEqual([seed.name, claim(8, 0).name, claim(9, 0).name, claim(10, 0).name]);
  });

  it("removes a copy's every generation, generation 0 last", () => {
    expect(generationsOf('OAUTH_BROKER_0123456789ABCDEF0123_2')).toEqual([
      'OAUTH_BROKER_0123456789ABCDEF0123_2',
      'OAUTH_BROKER_0123456789ABCDEF0123_1',
      'OAUTH_BROKER_0123456789ABCDEF0123_0',
    ]);
    expect(generationsOf('TEAM_SETTING')).toEqual([]);
  });
});

describe('what a claim means', () => {
  const value = { v: 2 as const, n: 'n', s: 'busy' as const, l: 60 };

  it('held until a second past its lease on GitHub’s clock, then expired; settled and spent for good', () => {
    const seen = { value, createdAt: T0, updatedAt: T0 };
    expect(judge(seen, T0 + 60_999)).toEqual({ kind: 'held', until: T0 + 61_000, cli: false });
    expect(judge(seen, T0 + 61_000)).toEqual({ kind: 'expired' });
    expect(judge({ ...seen, value: { ...value, s: 'settled' } }, T0 + 10 * 60 * MIN)).toEqual({ kind: 'settled' });
    expect(judge({ ...seen, value: { ...value, s: 'spent' } }, T0)).toEqual({ kind: 'spent' });
  });

  it("a CLI's claim ends with its job too; a refresh's only with its lease", () => {
    const cli = { value: { ...value, s: 'cli' as const, l: 22_200 }, createdAt: T0, updatedAt: T0 };
    expect(judge(cli, T0 + MIN)).toEqual({ kind: 'held', until: T0 + 22_201_000, cli: true });
    expect(judge(cli, T0 + MIN, true)).toEqual({ kind: 'expired' });
    expect(judge({ value, createdAt: T0, updatedAt: T0 }, T0 + 1_000, true)).toMatchObject({ kind: 'held' });
  });

  it('a value no holder writes is no claim: another shape, a lease past a CLI’s, a bad field', () => {
    expect(decodeClaim(encodeClaim(value))).toEqual(value);
    for (const bad of ['x', '{}', JSON.stringify({ ...value, l: 1e13 }), JSON.stringify({ ...value, s: 'mine' })]) {
      expect(decodeClaim(bad)).toBeUndefined();
    }
    expect(decodeClaim(JSON.stringify({ ...value, w: 'yesterday' }))).toBeUndefined();
    expect(decodeClaim(JSON.stringify({ ...value, j: { repo: 'octo/app', run: '9', attempt: 1, runner: 'r' } }))).toBe(
      undefined,
    );
  });
});

describe("a holder's own deadline, on its monotonic clock (its create sent at 0, a lease of 60 s)", () => {
  it('starts an attempt only with 3 s left before the answer is due, 30 s before the lease ends', () => {
    expect(hasTime(0, 60, 27_000)).toBe(true);
    expect(hasTime(0, 60, 27_001)).toBe(false);
    // The post step, which did not make the claim, has no deadline of its own.
    expect(hasTime(undefined, 60, 1e12)).toBe(true);
  });

  it('deletes its claim only until 5 s before the lease ends; later, the claim expires instead', () => {
    expect(mayRelease(0, 60, 55_000)).toBe(true);
    expect(mayRelease(0, 60, 55_001)).toBe(false);
  });

  it('whose settle was lost writes back only in the second after its claim was stamped', () => {
    expect(untilNextStamp(1_000, 1_500)).toBe(510);
    expect(untilNextStamp(1_000, 5_000)).toBe(0);
    expect(untilNextStamp(undefined, 5_000)).toBe(1_010);
  });
});

describe('an expired claim, with no rescue found', () => {
  const seen = (ref?: string) => ({
    value: { v: 2 as const, n: 'n', s: 'busy' as const, l: 60, ...(ref ? { ref } : {}) },
    createdAt: T0,
    updatedAt: T0,
  });

  it("is an old copy once the secret was written a second or more after it: its holder's write-back", () => {
    expect(afterExpiry(seen(), T0 + 1_000, undefined)).toBe('old');
    expect(afterExpiry(seen('refs/pull/7/merge'), T0 + 1_000, undefined)).toBe('old');
  });

  it("is another ref's to recover when its holder's rescue may sit where this job cannot read", () => {
    expect(afterExpiry(seen('refs/pull/7/merge'), T0, 'refs/heads/main')).toBe('other-ref');
    expect(afterExpiry(seen('refs/pull/7/merge'), T0, 'refs/pull/7/merge')).toBe('take-over');
    expect(afterExpiry(seen(), T0 + 999, 'refs/heads/main')).toBe('take-over');
  });
});

describe('a leftover claim (the sweep and `oauth-broker doctor` judge alike)', () => {
  const name = `OAUTH_BROKER_${'A'.repeat(20)}_0`;
  const at = (value: object, createdAt = T0) => ({
    name,
    value: JSON.stringify(value),
    createdAt,
    updatedAt: createdAt,
  });
  const settled = { v: 2, n: 'n', s: 'settled', l: 60, t: 'S' };

  it('is made for that secret, named by no value, older than a current copy can be, and held by no job', () => {
    expect(isLeftoverClaim(at(settled), 'S', [], T0 + 2.5 * MIN + 1)).toBe(true);
    expect(isLeftoverClaim(at(settled), 'S', [], T0 + 2.5 * MIN)).toBe(false);
    expect(isLeftoverClaim(at(settled), 'OTHER', [], T0 + 61 * MIN)).toBe(false);
    expect(isLeftoverClaim(at(settled), 'S', [name], T0 + 61 * MIN)).toBe(false);
    expect(isLeftoverClaim({ ...at(settled), name: 'OAUTH_BROKER_SETTING' }, 'S', [], T0 + 61 * MIN)).toBe(false);
    expect(isLeftoverClaim(at({ ...settled, v: 1 }), 'S', [], T0 + 61 * MIN)).toBe(false);
    // A provider CLI's claim lasts until its job ends: held two hours on, gone once its lease is over.
    const cli = at({ ...settled, s: 'cli', l: 22_200 });
    expect(isLeftoverClaim(cli, 'S', [], T0 + 120 * MIN)).toBe(false);
    expect(isLeftoverClaim(cli, 'S', [], T0 + 371 * MIN)).toBe(true);
  });
});
