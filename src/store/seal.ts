// Names and seals what jobs hand each other (a claim's result, a rescue in the cache) with keys
// derived from the credentials they succeed and the github-token: a reader of the variables or
// the cache without both learns neither a token nor what it is (docs/design.md, "Results and
// rescues"). The names, keys and ciphers are src/core/keys.ts's: a claim's result is sealed with
// node:crypto, so a job that only takes one never loads libsodium; a cache entry with libsodium.
import * as keys from '../core/keys.js';
import { sodium } from '../github/seal.js';

function parsed(text: Buffer | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** A keyed hash of the refresh token: names its entries, reveals nothing of it. */
export { entryId } from '../core/keys.js';

/** nonce ‖ ciphertext; the cache key is bound as associated data, so entries cannot be swapped. */
export async function sealEntry(refreshToken: string, cacheKey: string, payload: unknown): Promise<Buffer> {
  return keys.sealEntry(await sodium(), refreshToken, cacheKey, JSON.stringify(payload));
}

/** The payload, or undefined when the entry was not sealed for this refresh token and key. */
export async function openEntry(refreshToken: string, cacheKey: string, data: Buffer): Promise<unknown> {
  return parsed(keys.openEntry(await sodium(), refreshToken, cacheKey, data));
}

/** nonce ‖ ciphertext ‖ tag, base64; the claim's name is bound as associated data, so results cannot be swapped. */
export function sealResult(material: string, claim: string, payload: unknown): string {
  return keys.sealResult(material, claim, Buffer.from(JSON.stringify(payload), 'utf8')).toString('base64');
}

/** The payload, or undefined when the result was not sealed for this copy, token and claim. */
export function openResult(material: string, claim: string, sealed: string): unknown {
  return parsed(keys.openResult(material, claim, Buffer.from(sealed, 'base64')));
}
