// The coordination protocol in-process: claims over an in-memory "secrets beside the target"
// with GitHub's create-or-update answer (201 only for the first), and the shared store over
// an in-memory cache with its semantics (immutable entries, first reservation wins).
import { Coordination, type Beside, type CoordinationDeps } from '../src/store/coordination.js';
import type { Credentials } from '../src/core/credentials.js';
import type { ReserveResult, StoreBackend } from '../src/store/cache-backend.js';
import { SharedStore, type Successor } from '../src/store/shared.js';
import { fakeToken } from './support/fake-tokens.js';

class MemoryBeside implements Beside {
  readonly secrets = new Map<string, number>();
  /** When the target secret was last written. */
  updatedAt = 0;
  /** GitHub refuses every marker, for good. */
  refuseMarks = false;
  constructor(private readonly clock: { t: number }) {}
  /** GitHub's stamps: whole seconds. */
  private stamp(): number {
    return Math.floor(this.clock.t / 1000) * 1000;
  }
  /** The job's write-back of the target. */
  writeTarget(): void {
    this.updatedAt = this.stamp();
  }
  async create(name: string): Promise<boolean> {
    if (this.secrets.has(name)) return false;
    this.secrets.set(name, this.stamp());
    return true;
  }
  async mark(name: string): Promise<void> {
    if (this.refuseMarks) throw new Error('403 Resource not accessible by personal access token');
    if (!this.secrets.has(name)) this.secrets.set(name, this.stamp());
  }
  async targetUpdatedAt(): Promise<number> {
    return this.updatedAt;
  }
  async createdAt(name: string): Promise<number | undefined> {
    return this.secrets.get(name);
  }
  async remove(name: string): Promise<void> {
    this.secrets.delete(name);
  }
  async list(prefix: string): Promise<Array<{ name: string; createdAt: number }>> {
    return [...this.secrets].filter(([n]) => n.startsWith(prefix)).map(([name, createdAt]) => ({ name, createdAt }));
  }
}

class MemoryBackend implements StoreBackend {
  readonly entries = new Map<string, Buffer>();
  async create(key: string, data: Buffer): Promise<ReserveResult> {
    if (this.entries.has(key)) return 'taken';
    this.entries.set(key, data);
    return 'saved';
  }
  async read(keys: string[]): Promise<{ key: string; data: Buffer } | undefined> {
    const key = keys.find((k) => this.entries.has(k));
    return key ? { key, data: this.entries.get(key)! } : undefined;
  }
}

const LEASE = 60_000;
const copy = (): Credentials => ({
  format: 'claude-code',
  refreshToken: fakeToken('anthropic-refresh'),
  accessToken: fakeToken('anthropic-access'),
  doc: {},
});
const successor: Successor = { kind: 'next', accessToken: 'next-access', at: '2026-12-01T00:00:00Z' };

function world(): {
  beside: MemoryBeside;
  backend: MemoryBackend;
  clock: { t: number };
  job: (o?: Partial<CoordinationDeps>) => Coordination;
} {
  const clock = { t: Date.parse('2026-12-01T00:00:00Z') };
  const beside = new MemoryBeside(clock);
  const backend = new MemoryBackend();
  const job = (o: Partial<CoordinationDeps> = {}): Coordination => {
    const startedAt = o.startedAt ?? clock.t;
    const deps = {
      now: () => clock.t,
      sleep: async (ms: number) => void (clock.t += ms),
      info: () => undefined,
      pollMs: 1_000,
      startedAt,
    };
    return new Coordination({
      beside,
      store: new SharedStore(backend, deps),
      binding: 'the PAT',
      now: () => clock.t,
      monotonic: () => clock.t,
      sleep: deps.sleep,
      startedAt,
      leaseMs: LEASE,
      lockTimeoutMs: 5_000,
      info: () => undefined,
      warning: () => undefined,
      target: 'repository secret S of o/r',
      ...o,
    });
  };
  return { beside, backend, clock, job };
}

describe('claims', () => {
  it('one owner per copy; a second job gets its result, or a clear refusal', async () => {
    const w = world();
    const c = copy();
    const owner = await w.job().reserve(c);
    expect(owner.kind).toBe('owner');
    await expect(w.job().reserve(c)).rejects.toThrow(/^lock-timeout: another job claimed the refresh/);
    if (owner.kind === 'owner') {
      await w.job().spent(owner.ticket);
      await w.job().succeeded(owner.ticket, successor);
    }
    await expect(w.job().reserve(c)).resolves.toEqual({ kind: 'shared', successor });
    // Without the store the result cannot reach it: it refuses instead of presenting.
    await expect(w.job({ store: undefined }).reserve(c)).rejects.toThrow(
      /another job already spent this refresh token/,
    );
  });

  it('a surely unsent failure releases the claim, any number of times', async () => {
    const w = world();
    const c = copy();
    for (let i = 0; i < 10; i++) {
      const r = await w.job().reserve(c);
      if (r.kind !== 'owner') throw new Error('expected to own the claim');
      await w.job().failed(r.ticket, 'no');
    }
    expect((await w.job().reserve(c)).kind).toBe('owner');
  });

  it('a spent token is settled: nobody presents it again, even after the lease', async () => {
    const w = world();
    const c = copy();
    const r = await w.job().reserve(c);
    if (r.kind === 'owner') await w.job().failed(r.ticket, 'yes');
    w.clock.t += 10 * LEASE;
    await expect(w.job().reserve(c)).rejects.toThrow(/another job already spent this refresh token/);
  });

  it('a settle GitHub refuses: the write-back lands a second after the claim, and reads as settled', async () => {
    const w = world();
    const c = copy();
    w.beside.refuseMarks = true;
    const warnings: string[] = [];
    const job = w.job({ warning: (m) => warnings.push(m) });
    const r = await job.reserve(c);
    if (r.kind !== 'owner') throw new Error('expected to own the claim');
    w.clock.t += 120; // the provider answers
    await job.settle(r.ticket);
    w.beside.writeTarget();
    expect(w.beside.updatedAt).toBeGreaterThan(w.beside.secrets.get(r.ticket.claim)!);
    expect(warnings).toEqual([
      expect.stringMatching(/^Could not settle the claim beside .*; the write-back will show/),
    ]);
    w.clock.t += 10 * LEASE;
    await expect(w.job({ store: undefined }).reserve(c)).rejects.toThrow(
      /another job already spent this refresh token/,
    );
  });

  it('a settle that lands costs no wait, and a refused one about a second after the claim', async () => {
    const w = world();
    const r = await w.job().reserve(copy());
    if (r.kind !== 'owner') throw new Error('expected to own the claim');
    const start = w.clock.t;
    await w.job().settle(r.ticket);
    expect(w.clock.t).toBe(start);
    w.beside.refuseMarks = true;
    await w.job().settle(r.ticket);
    expect(w.clock.t - start).toBeGreaterThan(1_000);
    expect(w.clock.t - start).toBeLessThanOrEqual(1_010);
    // Long after the claim, nothing is left to wait for.
    w.clock.t += 5_000;
    const later = w.clock.t;
    await w.job().settle(r.ticket);
    expect(w.clock.t).toBe(later);
  });

  it('a holder that may have presented keeps its claim until its lease ends; one later run takes over', async () => {
    const w = world();
    const c = copy();
    const r = await w.job().reserve(c);
    if (r.kind === 'owner') await w.job().failed(r.ticket, 'unknown');
    w.clock.t += LEASE + 1;
    // A job of the same wave (started before the lease ran out) does not take over.
    await expect(w.job({ startedAt: w.clock.t - 2_000, store: undefined }).reserve(c)).rejects.toMatchObject({
      details: [expect.stringMatching(/a run started after .* may take over/)],
    });
    const later = await w.job().reserve(c);
    expect(later).toMatchObject({ kind: 'owner', ticket: { claim: expect.stringMatching(/_1$/) } });
    await expect(w.job({ store: undefined }).reserve(c)).rejects.toThrow(/since .* this job cannot receive its result/);
  });

  it('takeovers are bounded: after five dead holders the login is declared probably spent', async () => {
    const w = world();
    const c = copy();
    for (let i = 0; i < 5; i++) {
      expect((await w.job().reserve(c)).kind).toBe('owner');
      w.clock.t += LEASE + 1;
    }
    await expect(w.job().reserve(c)).rejects.toThrow(
      /^credentials: 5 jobs in a row took over this refresh token .*; log in again/,
    );
  });

  it('prunes only claims, with their twins, of copies beyond the 30 newest or older than 7 days', async () => {
    const w = world();
    const day = 86_400_000;
    const claim = (i: number): string => `OAUTH_BROKER_${i.toString(16).toUpperCase().padStart(20, '0')}_0`;
    for (let i = 0; i < 3; i++) {
      w.beside.secrets.set(claim(i), w.clock.t - 8 * day);
      w.beside.secrets.set(`${claim(i)}_S`, w.clock.t - 8 * day);
    }
    for (let i = 3; i < 40; i++) w.beside.secrets.set(claim(i), w.clock.t - day + i);
    // The user's own secrets, however old and however named, are never touched.
    for (const name of ['UNRELATED', 'OAUTH_BROKER_PAT', 'OAUTH_BROKER_CREDENTIALS'])
      w.beside.secrets.set(name, w.clock.t - 30 * day);
    const r = await w.job().reserve(copy());
    if (r.kind === 'owner') await w.job().succeeded(r.ticket, successor);
    const left = [...w.beside.secrets.keys()];
    expect(left).toEqual(expect.arrayContaining(['UNRELATED', 'OAUTH_BROKER_PAT', 'OAUTH_BROKER_CREDENTIALS']));
    // The 3 old copies (6 names) go first, then the oldest young ones, 10 names in all.
    for (let i = 0; i < 3; i++) expect(left).not.toContain(claim(i));
    for (let i = 3; i < 7; i++) expect(left).not.toContain(claim(i));
    expect(left).toContain(claim(39));
    expect(left).toHaveLength(6 + 37 + 3 + 1 - 10);
  });
});

describe('what a cache reader with an old copy learns', () => {
  it('nothing: the store is bound to the write token, which an old copy does not give', async () => {
    const w = world();
    const c = copy();
    const r = await w.job().reserve(c);
    if (r.kind !== 'owner') throw new Error('expected to own the claim');
    const rescued: Successor = { ...successor, credentials: '{"rescued":"live refresh token"}', secretUpdatedAt: 'x' };
    expect(await w.job().rescue(r.ticket, rescued)).toBe(true);
    await expect(w.job({ binding: 'another token' }).left(c)).resolves.toBeUndefined();
    await expect(w.job({ binding: '' }).left(c)).resolves.toBeUndefined();
    await expect(w.job().left(c)).resolves.toEqual(rescued);
  });
});
