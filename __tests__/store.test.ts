// The shared store (the last-resort rescue) and its sealing, over an in-memory backend with the
// cache's semantics (immutable entries, first reservation wins).
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
    const s = new SharedStore(backend);
    expect(await s.successor(RT)).toBeUndefined();
    expect(await s.done(RT, successor)).toBe(true);
    expect(await s.successor(RT)).toEqual(successor);
    expect(await s.successor(OTHER)).toBeUndefined();
    // Immutable: a second publication does not replace the first.
    expect(await s.done(RT, { ...successor, accessToken: 'x' })).toBe(false);
    expect((await s.successor(RT))?.accessToken).toBe('sk-ant-oat01-next');
  });

  it('a cache that refuses writes keeps nothing, and says so', async () => {
    const backend = new MemoryBackend();
    backend.failing = true;
    expect(await new SharedStore(backend).done(RT, successor)).toBe(false);
    expect(await new SharedStore(backend).successor(RT)).toBeUndefined();
  });
});
