// Names and seals what jobs hand each other (a claim's result, a rescue in the cache) with keys
// derived from the credentials they succeed and the github-token: a reader of the variables or
// the cache without both learns neither a token nor what it is (docs/design.md, "Results and
// rescues"). HKDF-SHA256 names and keys; XChaCha20-Poly1305 seals.
import { hkdfSync } from 'node:crypto';
import { sodium } from '../github/seal.js';

const SALT = 'oauth-broker shared store v1';

function derive(refreshToken: string, info: string, bytes: number): Buffer {
  return Buffer.from(hkdfSync('sha256', refreshToken, SALT, info, bytes));
}

/** A keyed hash of the refresh token: names its entries, reveals nothing of it. */
export function entryId(refreshToken: string): string {
  return derive(refreshToken, 'entry id', 16).toString('hex');
}

/** nonce ‖ ciphertext; the cache key is bound as associated data, so entries cannot be swapped. */
export async function sealEntry(refreshToken: string, cacheKey: string, payload: unknown): Promise<Buffer> {
  const s = await sodium();
  const key = derive(refreshToken, 'entry key', s.crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  const nonce = s.randombytes_buf(s.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  const ct = s.crypto_aead_xchacha20poly1305_ietf_encrypt(JSON.stringify(payload), cacheKey, null, nonce, key);
  return Buffer.concat([nonce, ct]);
}

/** The payload, or undefined when the entry was not sealed for this refresh token and key. */
export async function openEntry(refreshToken: string, cacheKey: string, data: Buffer): Promise<unknown> {
  const s = await sodium();
  const key = derive(refreshToken, 'entry key', s.crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  const n = s.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  if (data.length <= n) return undefined;
  try {
    const pt = s.crypto_aead_xchacha20poly1305_ietf_decrypt(null, data.subarray(n), cacheKey, data.subarray(0, n), key);
    return JSON.parse(Buffer.from(pt).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
