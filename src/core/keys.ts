// Every key the product derives, every MAC and every authenticated encryption, one label per purpose
// (docs/design.md): a label used twice would let one purpose's output pass for another's. Changing a
// label or a scheme changes stored bytes, so a store written before could no longer be read:
// __tests__/keys.test.ts pins each, and fails when a file other than this one (and src/github/seal.ts)
// calls a cipher, MAC or KDF.
//
// | purpose                         | HKDF-SHA256 salt, info / HMAC-SHA256 key, message  | then                       |
// | ------------------------------- | -------------------------------------------------- | -------------------------- |
// | a cache entry's name            | 'oauth-broker shared store v1', 'entry id'         | 16 bytes, hex              |
// | a cache entry's key             | 'oauth-broker shared store v1', 'entry key'        | XChaCha20-Poly1305, sodium |
// | a claim's result's (a rescue's) | 'oauth-broker shared store v1', 'claim result key' | ChaCha20-Poly1305, node    |
// | a copy's claim id               | 'oauth-broker claim v1', 'claim id'                | 10 bytes, upper-case hex   |
// | the pending file's key          | 'oauth-broker pending v1', 'pending key'           | AES-256-GCM, node          |
// | each post-step state's key      | credentials, '<name> state\0<github-token>'        | HMAC-SHA256 of the state   |
// | a refresh token's tag           | the 'oauth-broker' state's key, 'refresh\0<token>' | 32 hex                     |
//
// Not here, because they key nothing: GitHub's sealed box for secrets (crypto_box_seal) is GitHub's
// protocol with GitHub's key, and stays in src/github/seal.ts beside the libsodium loader; the PKCE
// S256 challenge (src/cli/login/pkce.ts) is OAuth's protocol digest; `sha256Hex` (src/core/sha256.ts
// and sha256-js.ts: a token's fingerprint, a written file's digest) is a plain SHA-256.
//
// libsodium is never imported here: the caller passes the instance it loaded (src/github/seal.ts
// sodium()), so the stored-token path, which seals nothing, loads no WebAssembly.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

type Sodium = typeof import('libsodium-wrappers')['default'];

const STORE_SALT = 'oauth-broker shared store v1';

const hkdf = (ikm: string, salt: string, info: string, bytes: number): Buffer =>
  Buffer.from(hkdfSync('sha256', ikm, salt, info, bytes));

/** A cache entry's name: a keyed hash of the refresh token, revealing nothing of it. */
export const entryId = (refreshToken: string): string => hkdf(refreshToken, STORE_SALT, 'entry id', 16).toString('hex');

/** A copy's claim id: the same for every job holding the copy, revealing nothing of it. */
export function claimId(refreshToken: string, accessToken: string | undefined): string {
  const ikm = `${refreshToken}\n${accessToken ?? ''}`;
  return hkdf(ikm, 'oauth-broker claim v1', 'claim id', 10).toString('hex').toUpperCase();
}

/** nonce ‖ ciphertext; `cacheKey` is bound as associated data, so entries cannot be swapped. */
export function sealEntry(s: Sodium, refreshToken: string, cacheKey: string, text: string): Buffer {
  const key = hkdf(refreshToken, STORE_SALT, 'entry key', s.crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  const nonce = s.randombytes_buf(s.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  return Buffer.concat([nonce, s.crypto_aead_xchacha20poly1305_ietf_encrypt(text, cacheKey, null, nonce, key)]);
}

/** The plaintext, or undefined when the entry was not sealed for this refresh token and cache key. */
export function openEntry(s: Sodium, refreshToken: string, cacheKey: string, data: Buffer): Buffer | undefined {
  const key = hkdf(refreshToken, STORE_SALT, 'entry key', s.crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  const n = s.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  if (data.length <= n) return undefined;
  try {
    const pt = s.crypto_aead_xchacha20poly1305_ietf_decrypt(null, data.subarray(n), cacheKey, data.subarray(0, n), key);
    return Buffer.from(pt);
  } catch {
    return undefined;
  }
}

// A claim's result is sealed a few times at most under one key (a copy's, with the github-token):
// random 96-bit nonces are safe at that count.
const RESULT_NONCE = 12;
const RESULT_TAG = 16;

const resultKey = (material: string): Buffer => hkdf(material, STORE_SALT, 'claim result key', 32);

/** nonce ‖ ciphertext ‖ tag; the claim's name is bound as associated data, so results cannot be swapped. */
export function sealResult(material: string, claim: string, text: Buffer): Buffer {
  const nonce = randomBytes(RESULT_NONCE);
  const c = createCipheriv('chacha20-poly1305', resultKey(material), nonce, { authTagLength: RESULT_TAG });
  c.setAAD(Buffer.from(claim, 'utf8'), { plaintextLength: text.length });
  const body = Buffer.concat([c.update(text), c.final()]);
  return Buffer.concat([nonce, body, c.getAuthTag()]);
}

/** The plaintext, or undefined when the result was not sealed for this material and claim. */
export function openResult(material: string, claim: string, data: Buffer): Buffer | undefined {
  if (data.length <= RESULT_NONCE + RESULT_TAG) return undefined;
  try {
    const nonce = data.subarray(0, RESULT_NONCE);
    const d = createDecipheriv('chacha20-poly1305', resultKey(material), nonce, { authTagLength: RESULT_TAG });
    const body = data.subarray(RESULT_NONCE, data.length - RESULT_TAG);
    d.setAAD(Buffer.from(claim, 'utf8'), { plaintextLength: body.length });
    d.setAuthTag(data.subarray(data.length - RESULT_TAG));
    return Buffer.concat([d.update(body), d.final()]);
  } catch {
    return undefined;
  }
}

/** The pending file's key: only the step's own refresh token and github-token give it. */
export const pendingKey = (refreshToken: string, githubToken: string): Buffer =>
  hkdf(`${refreshToken}\n${githubToken}`, 'oauth-broker pending v1', 'pending key', 32);

/** iv ‖ tag ‖ ciphertext under a pendingKey(). */
export function sealPending(key: Buffer, text: string): Buffer {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), body]);
}

/** The text sealPending() sealed under `key`; throws when it was not. */
export function openPending(key: Buffer, data: Buffer): string {
  const d = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
  d.setAuthTag(data.subarray(12, 28));
  return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8');
}

/** The MAC key of the post-step state saved under `name`: one per name, so no state passes for another. */
export const stateKey = (credentials: string, name: string, githubToken: string): Buffer =>
  createHmac('sha256', credentials).update(`${name} state\0${githubToken}`).digest();

/** HMAC-SHA256 of `text` under a stateKey(), hex. */
export const stateMac = (key: Buffer, text: string): string => createHmac('sha256', key).update(text).digest('hex');

/** A refresh token's tag under the state key: the post step recognises it, the state does not reveal it. */
export const refreshTag = (key: Buffer, token: string): string => stateMac(key, `refresh\0${token}`).slice(0, 32);
