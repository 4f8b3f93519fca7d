// The claims' decisions, with no I/O (src/store/protocol.ts): which claims a written value keeps, so
// that every copy a job may still hold is stopped by its claim or by its marker; what a claim means at
// a GitHub time; and what is no claim at all.
import { isOldCopy, stamp } from '../src/core/marker.js';
import type { Kept } from '../src/core/marker.js';
import type { Dropped } from '../src/store/protocol.js';
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
  /**
   * A chain from a login stored by hand, rotated `gaps` apart (ms each): every value written, with the
   * claims it names and drops, as the holder of each copy computes them.
   */
  function chain(gaps: readonly number[]) {
    const writes: Array<{ at: number; keep: Kept[]; drop: Dropped[]; checkSeed: boolean }> = [];
    let previous: Kept[] = [];
    let copy = { at: T0, checks: false, seed: true };
    let now = T0;
    for (const [i, gap] of gaps.entries()) {
      now += gap;
      // A seed's claim is timed when it is made: the login's own time is unknown.
      const mine: Kept = copy.seed
        ? { ...claim(0, now), seed: true }
        : { ...claim(i, copy.at), ...(copy.checks ? { checks: true } : {}) };
      // The secret shows the copy presented: this job read its updated_at (it landed a little after its stamp).
      const w = keptClaims(previous, mine, copy.at + 500, now);
      writes.push({ at: now, ...w });
      previous = w.keep;
      copy = { at: now, checks: w.checkSeed, seed: false };
    }
    return writes;
  }

  const paces: Array<[string, number[]]> = [
    ...[100, 1_000, 20_000, MIN, 2.5 * MIN, 3 * MIN, 240 * MIN].map(
      (g) => [`${g} ms apart`, Array(40).fill(g)] as [string, number[]],
    ),
    // Bursts between calm spells, of every length.
    ['bursts', Array.from({ length: 80 }, (_, i) => (i % 9 === 0 ? 200 * MIN : (i % 4) * 700))],
    ['slowing', Array.from({ length: 40 }, (_, i) => i * i * 1_000)],
  ];

  it.each(paces)('at every pace (%s), four claims at most, the seed always among them', (_, gaps) => {
    for (const w of chain(gaps)) {
      expect(w.keep.length).toBeLessThanOrEqual(4);
      expect(w.keep.some((k) => k.seed)).toBe(true);
    }
  });

  it.each(paces)('(%s) every claim dropped is of a copy its marker tells old, or buried in the seed', (_, gaps) => {
    for (const w of chain(gaps)) {
      for (const d of w.drop) {
        // The secret, as every later job reads it, was written no sooner than this job read it.
        const old = isOldCopy(written(d.at), iso(w.keep.at(-1)!.at + 500));
        if (!old)
          expect({ dropped: d.name, into: d.into, checks: d.checks }).toEqual({
            dropped: d.name,
            into: claim(0, 0).name,
            checks: true,
          });
      }
    }
  });

  it('asks the holders of a copy to check the seed only in a burst: a calm rotation costs no read', () => {
    const calm = chain(Array(6).fill(240 * MIN));
    expect(calm.slice(1).map((w) => w.checkSeed)).toEqual([false, false, false, false, false]);
    const burst = chain([240 * MIN, 240 * MIN, 5_000, 5_000]);
    expect(burst.map((w) => w.checkSeed)).toEqual([true, false, true, true]);
  });

  it('without a seed (a chain an earlier build began), keeps every claim whose copy could pass for current', () => {
    let kept: Kept[] = [];
    for (let i = 1; i <= 10; i++)
      kept = keptClaims(kept, claim(i, T0 + i * 1_000), T0 + i * 1_000, T0 + i * 1_000).keep;
    expect(kept).toHaveLength(10);
  });

  it('keeps the newest three when rotations are hours apart, a seed claim for good', () => {
    const seed: Kept = { ...claim(0, T0), seed: true };
    let kept: Kept[] = [seed];
    for (let i = 1; i <= 10; i++) {
      const at = T0 + i * 240 * MIN;
      kept = keptClaims(kept, claim(i, at), T0 + (i - 1) * 240 * MIN, at).keep;
    }
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
    // A seed's record of buried copies: ids of claims, and times.
    const d = { ['A'.repeat(20)]: iso(T0) };
    expect(decodeClaim(JSON.stringify({ ...value, d }))).toEqual({ ...value, d });
    for (const bad of [[], { x: iso(T0) }, { ['A'.repeat(20)]: 'soon' }])
      expect(decodeClaim(JSON.stringify({ ...value, d: bad }))).toBeUndefined();
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
    // A seed's claim stays while the copies it names as buried could pass for current.
    const seed = at({ ...settled, d: { ['A'.repeat(20)]: iso(T0 + 60 * MIN) } });
    expect(isLeftoverClaim(seed, 'S', [], T0 + 61 * MIN)).toBe(false);
    expect(isLeftoverClaim(seed, 'S', [], T0 + 63 * MIN)).toBe(true);
  });
});
