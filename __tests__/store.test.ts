// The shared-store protocol and its sealing, over an in-memory backend with the cache's
// semantics (immutable entries, first reservation wins).
import type { ReserveResult, StoreBackend } from '../src/store/cache-backend.js';
import { entryId, openEntry, sealEntry } from '../src/store/seal.js';
import { SharedStore, type Successor } from '../src/store/shared.js';
import { fakeToken } from './support/fake-tokens.js';

class MemoryBackend implements StoreBackend {
  readonly entries = new Map<string, Buffer>();
  failing = false;
  async create(key: string, data: Buffer): Promise<ReserveResult> {
    if (this.failing) return 'failed';
    if (this.entries.has(key)) return 'taken';
    this.entries.set(key, data);
    return 'saved';
  }
  async read(keys: string[]): Promise<{ key: string; data: Buffer } | undefined> {
    for (const key of keys) {
      const data = this.entries.get(key);
      if (data) return { key, data };
    }
    return undefined;
  }
}

const RT = fakeToken('anthropic-refresh');
const OTHER = fakeToken('anthropic-refresh');

function store(backend: StoreBackend, startedAt = Date.now()): { s: SharedStore; log: string[]; clock: { t: number } } {
  const clock = { t: startedAt };
  const log: string[] = [];
  const s = new SharedStore(backend, {
    now: () => clock.t,
    sleep: async (ms) => {
      clock.t += ms;
    },
    info: (m) => log.push(m),
    pollMs: 1000,
    startedAt,
  });
  return { s, log, clock };
}

const successor: Successor = {
  kind: 'next',
  accessToken: 'sk-ant-oat01-next',
  expiresAt: 1,
  at: '2026-11-22T00:00:00Z',
};

describe('sealing', () => {
  it('names entries by a keyed hash that reveals nothing of the token', () => {
    expect(entryId(RT)).toMatch(/^[0-9a-f]{32}$/);
    expect(entryId(RT)).toBe(entryId(RT));
    expect(entryId(RT)).not.toBe(entryId(OTHER));
  });

  it('opens only with the same refresh token and cache key', async () => {
    const sealed = await sealEntry(RT, 'k1', { secret: 'sk-ant-oat01-abc' });
    expect(sealed.toString('latin1')).not.toContain('sk-ant');
    await expect(openEntry(RT, 'k1', sealed)).resolves.toEqual({ secret: 'sk-ant-oat01-abc' });
    await expect(openEntry(OTHER, 'k1', sealed)).resolves.toBeUndefined();
    await expect(openEntry(RT, 'k2', sealed)).resolves.toBeUndefined();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    await expect(openEntry(RT, 'k1', tampered)).resolves.toBeUndefined();
  });
});

describe('SharedStore', () => {
  it('records a successor that only the same refresh token can read', async () => {
    const backend = new MemoryBackend();
    const { s } = store(backend);
    expect(await s.successor(RT)).toBeUndefined();
    expect(await s.done(RT, successor)).toBe(true);
    expect(await s.successor(RT)).toEqual(successor);
    expect(await s.successor(OTHER)).toBeUndefined();
    // Immutable: a second publication does not replace the first.
    expect(await s.done(RT, { ...successor, accessToken: 'x' })).toBe(false);
    expect((await s.successor(RT))?.accessToken).toBe('sk-ant-oat01-next');
  });

  it('the first job to reserve the lock owns it; the others are told to wait', async () => {
    const backend = new MemoryBackend();
    const [a, b] = [store(backend).s, store(backend).s];
    expect(await a.acquire(RT)).toEqual({ state: 'owner', gen: 0 });
    expect(await b.acquire(RT)).toEqual({ state: 'contended', gen: 0 });
  });

  it('a waiter gets the successor, logging its progress', async () => {
    const backend = new MemoryBackend();
    const owner = store(backend).s;
    await owner.acquire(RT);
    const log: string[] = [];
    let t = 0;
    const waiter = new SharedStore(backend, {
      now: () => t,
      // The owner publishes while the waiter sleeps.
      sleep: async (ms) => {
        t += ms;
        if (t === 1000) await owner.done(RT, successor);
      },
      info: (m) => log.push(m),
      pollMs: 1000,
      startedAt: 0,
    });
    expect(await waiter.wait(RT, 'refresh', undefined, 60_000)).toEqual(successor);
    expect(log).toEqual(["waiting for another job's refresh… 0s"]);
  });

  it('a waiter gives up at the timeout, having said how long it waited', async () => {
    const backend = new MemoryBackend();
    const { s, log } = store(backend);
    await expect(s.wait(RT, 'recover', 0, 3_000)).resolves.toBeUndefined();
    expect(log).toEqual([
      "waiting for another job's recovery… 0s",
      "waiting for another job's recovery… 1s",
      "waiting for another job's recovery… 2s",
    ]);
  });

  it('after an abort that surely did not present the token, the next generation may', async () => {
    const backend = new MemoryBackend();
    const owner = store(backend).s;
    await owner.acquire(RT);
    await owner.abort(RT, 0, { spent: 'no', message: 'connection refused' });
    expect(await store(backend).s.acquire(RT)).toEqual({ state: 'owner', gen: 1 });
  });

  it('after an abort that may have presented it, only a later run may, never the same wave', async () => {
    const backend = new MemoryBackend();
    const started = Date.now();
    const owner = store(backend, started);
    await owner.s.acquire(RT);
    await owner.s.abort(RT, 0, { spent: 'unknown', message: 'timed out' });
    expect(await store(backend, started - 1_000).s.acquire(RT)).toMatchObject({
      state: 'aborted',
      abort: { spent: 'unknown', message: 'timed out' },
    });
    expect(await store(backend, started + 1_000).s.acquire(RT)).toEqual({ state: 'owner', gen: 1 });
  });

  it('after an invalid_grant nobody presents the token again', async () => {
    const backend = new MemoryBackend();
    const owner = store(backend).s;
    await owner.acquire(RT);
    await owner.abort(RT, 0, { spent: 'yes', message: 'invalid_grant' });
    expect(await store(backend, Date.now() + 60_000).s.acquire(RT)).toMatchObject({
      state: 'aborted',
      abort: { spent: 'yes' },
    });
  });

  it('the recovery lock and its done marker are separate from the successor', async () => {
    const backend = new MemoryBackend();
    const a = store(backend).s;
    const b = store(backend).s;
    expect(await a.acquire(RT)).toEqual({ state: 'owner', gen: 0 });
    expect(await b.acquire(RT)).toEqual({ state: 'contended', gen: 0 });
    expect(await a.done(RT, { kind: 'recovered', at: '2026-11-22T00:00:00Z' })).toBe(true);
    expect(await b.wait(RT, 'recover', 0, 1000)).toEqual({ kind: 'recovered', at: '2026-11-22T00:00:00Z' });
    expect(await b.successor(RT)).toBeUndefined();
  });

  it('a cache that refuses writes makes the lock unavailable', async () => {
    const backend = new MemoryBackend();
    backend.failing = true;
    expect(await store(backend).s.acquire(RT)).toEqual({ state: 'unavailable' });
  });
});
