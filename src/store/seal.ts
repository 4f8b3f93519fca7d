// Names and seals what jobs hand each other (a claim's result, a rescue in the cache) with keys
// derived from the credentials they succeed and the github-token: a reader of the variables or
// the cache without both learns neither a token nor what it is (docs/design.md, "Results and
// rescues"). HKDF-SHA256 names and keys; ChaCha20-Poly1305 (node:crypto) seals a claim's result,
// so a job that only takes one never loads libsodium; XChaCha20-Poly1305 (libsodium) a cache entry.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
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

// A claim's result is sealed a few times at most under one key (a copy's, with the github-token):
// random 96-bit nonces are safe at that count.
const RESULT_NONCE = 12;
const RESULT_TAG = 16;

/** nonce ‖ ciphertext ‖ tag, base64; the claim's name is bound as associated data, so results cannot be swapped. */
export function sealResult(material: string, claim: string, payload: unknown): string {
  const nonce = randomBytes(RESULT_NONCE);
  const text = Buffer.from(JSON.stringify(payload), 'utf8');
  const c = createCipheriv('chacha20-poly1305', derive(material, 'claim result key', 32), nonce, {
    authTagLength: RESULT_TAG,
  });
  c.setAAD(Buffer.from(claim, 'utf8'), { plaintextLength: text.length });
  const body = Buffer.concat([c.update(text), c.final()]);
  return Buffer.concat([nonce, body, c.getAuthTag()]).toString('base64');
}

/** The payload, or undefined when the result was not sealed for this copy, token and claim. */
export function openResult(material: string, claim: string, sealed: string): unknown {
  const data = Buffer.from(sealed, 'base64');
  if (data.length <= RESULT_NONCE + RESULT_TAG) return undefined;
  try {
    const nonce = data.subarray(0, RESULT_NONCE);
    const d = createDecipheriv('chacha20-poly1305', derive(material, 'claim result key', 32), nonce, {
      authTagLength: RESULT_TAG,
    });
    const body = data.subarray(RESULT_NONCE, data.length - RESULT_TAG);
    d.setAAD(Buffer.from(claim, 'utf8'), { plaintextLength: body.length });
    d.setAuthTag(data.subarray(data.length - RESULT_TAG));
    const text = Buffer.concat([d.update(body), d.final()]);
    return JSON.parse(text.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
