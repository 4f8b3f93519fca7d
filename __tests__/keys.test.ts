// src/core/keys.ts is the one place keys are derived and data MACed or sealed. The values below were
// made by the code before it moved there: a changed label, scheme or layout would no longer read
// what a store, a claim, a pending file or a state already holds.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PendingFile } from '../src/action/pending.js';
import { sealed, sealState, tag } from '../src/action/state.js';
import * as keys from '../src/core/keys.js';
import { sodium } from '../src/github/seal.js';
import { copyId } from '../src/store/protocol.js';
import { entryId, openEntry, openResult, sealEntry, sealResult } from '../src/store/seal.js';
import { recordingCore } from './support/core.js';

const REFRESH = 'refresh-token-for-test';
const ACCESS = 'access-token-for-test';
const GITHUB = 'github-token-for-test';
const CACHE_KEY = 'cache-key-for-test';
const CLAIM = 'OAUTH_BROKER_CLAIM_0';
const MATERIAL = `${REFRESH}\n${GITHUB}`;

// Sealed before the move, each with a random nonce: opening them proves key, cipher and layout unchanged.
const ENTRY = '7XF/12zzjij1mEacGAYspkl6rtrrIxPbG6aNOAWljFv2FYfob9+gczlUkmDyWa/rWWveM9IIloJbpEM=';
const RESULT = '2pDyiFoODYqRh6ruUqHbM7Pnn12XeYBH5aMxVK367vLqv5bOX81FddJYx4HnHzzC';
const PENDING = 'y+cKD7dCXsMxeafHPIOc4nfpWWVPr6ONKB3ynlaRSHHNj7DZnimXHHWMQ6jaFNuTGw==';
const PENDING_MAC = '48ff3a7d39038db6cd4c8ce2506acd8f1d720a0ea6f6ac5756c3412bdf9dae29';
const STATE_MAC = '8c760071dd2024180fd9e9257418d56cba4d1ac9aac87a9643f74d4c6f4a06e1';

describe('names', () => {
  it("a cache entry's ('entry id')", () => {
    expect(keys.entryId(REFRESH)).toBe('e56cafc0089e01c42e68e3a22b43ec0b');
    expect(entryId(REFRESH)).toBe(keys.entryId(REFRESH));
  });

  it("a copy's claim id ('claim id')", () => {
    expect(keys.claimId(REFRESH, ACCESS)).toBe('CF4EA6D08BEE49FA7CE1');
    expect(keys.claimId(REFRESH, undefined)).toBe('D7B6B48DA56D61E7425D');
    expect(copyId(REFRESH, ACCESS)).toBe(keys.claimId(REFRESH, ACCESS));
  });
});

describe('sealed', () => {
  it("a cache entry ('entry key', XChaCha20-Poly1305)", async () => {
    const s = await sodium();
    const data = Buffer.from(ENTRY, 'base64');
    expect(keys.openEntry(s, REFRESH, CACHE_KEY, data)?.toString()).toBe('{"payload":"entry"}');
    expect(await openEntry(REFRESH, CACHE_KEY, data)).toEqual({ payload: 'entry' });
    expect(keys.openEntry(s, REFRESH, 'another-cache-key', data)).toBeUndefined();
    expect(await openEntry(REFRESH, CACHE_KEY, await sealEntry(REFRESH, CACHE_KEY, [1]))).toEqual([1]);
  });

  it("a claim's result ('claim result key', ChaCha20-Poly1305)", () => {
    const data = Buffer.from(RESULT, 'base64');
    expect(keys.openResult(MATERIAL, CLAIM, data)?.toString()).toBe('{"payload":"result"}');
    expect(openResult(MATERIAL, CLAIM, RESULT)).toEqual({ payload: 'result' });
    expect(keys.openResult(MATERIAL, 'OAUTH_BROKER_CLAIM_1', data)).toBeUndefined();
    expect(openResult(MATERIAL, CLAIM, sealResult(MATERIAL, CLAIM, [2]))).toEqual([2]);
  });

  it("the pending file ('pending key', AES-256-GCM)", () => {
    const key = keys.pendingKey(REFRESH, GITHUB);
    expect(keys.openPending(key, Buffer.from(PENDING, 'base64'))).toBe('{"payload":"pending"}');
    expect(() => keys.openPending(keys.pendingKey(REFRESH, ACCESS), Buffer.from(PENDING, 'base64'))).toThrow();
    const dir = mkdtempSync(join(tmpdir(), 'oauth-broker-keys-'));
    try {
      const path = join(dir, 'pending');
      writeFileSync(path, PENDING);
      expect(new PendingFile(path, REFRESH, GITHUB, true).read()).toEqual({ payload: 'pending' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the post step's state (HMAC-SHA256 keyed by the credentials input)", () => {
  const core = recordingCore({ INPUT_CREDENTIALS: 'credentials-for-test', 'INPUT_GITHUB-TOKEN': GITHUB });

  it('one key per state name', () => {
    const pending = keys.stateKey('credentials-for-test', 'oauth-broker-pending', GITHUB);
    expect(keys.stateMac(pending, '/tmp/pending-file')).toBe(PENDING_MAC);
    expect(sealed(core, 'oauth-broker-pending', '/tmp/pending-file')).toBe(`v1.${PENDING_MAC}./tmp/pending-file`);
    const state = '{"files":[],"clientRefresh":false}';
    expect(sealState(core, { files: [], clientRefresh: false })).toBe(`v1.${STATE_MAC}.${state}`);
  });

  it("a refresh token's tag", () => {
    const key = keys.stateKey('credentials-for-test', 'oauth-broker', GITHUB);
    expect(keys.refreshTag(key, REFRESH)).toBe('c76ef397c01f7dfd6b728650c1cbbcb6');
    expect(tag(core, REFRESH)).toBe(keys.refreshTag(key, REFRESH));
  });
});

describe('only src/core/keys.ts derives keys, MACs or seals', () => {
  const PRIMITIVE =
    /createCipheriv|createDecipheriv|createHmac|hkdfSync|hkdf\(|pbkdf2|scrypt|crypto_(aead_|secretbox|box)\w*/g;
  const root = fileURLToPath(new URL('..', import.meta.url));
  const src = join(root, 'src');

  /** `file: primitive` for every primitive named in a source file. */
  function uses(): string[] {
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    return files.flatMap((f) => {
      const path = relative(root, join(src, f)).split('\\').join('/');
      return [...readFileSync(join(src, f), 'utf8').matchAll(PRIMITIVE)].map((m) => `${path}: ${m[0]}`);
    });
  }

  it("no other file names a cipher, MAC or KDF; src/github/seal.ts only GitHub's sealed box", () => {
    const found = uses();
    // The check can fail: it finds the primitives keys.ts does use.
    expect(found).toContain('src/core/keys.ts: hkdfSync');
    const allowed = (use: string): boolean =>
      use.startsWith('src/core/keys.ts: ') || use === 'src/github/seal.ts: crypto_box_seal';
    expect(found.filter((use) => !allowed(use))).toEqual([]);
  });
});
