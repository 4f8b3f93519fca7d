// Writing a secret: the rotated credentials back, a first value (the CLI's seed), the check
// that the token may write at all, and deleting what the broker made.
import { randomBytes } from 'node:crypto';
import { stamp, type Stamp } from '../core/marker.js';
import { type GitHubApi, GitHubHttpError } from './api.js';
import type { PublicKey } from './answers.js';
import { explain, where } from './explain.js';
import { readPublicKey } from './public-key.js';
import { sealForGitHub } from './seal.js';
import { type Access, type Sealed, secretEndpoints } from './secret-endpoints.js';
import type { Preflight } from './secret-read.js';
import { WRITE_CHECK, describeTarget, type SecretTarget } from './target.js';

/** PUTs a sealed value as it is: 201 created, 204 updated; GitHub's refusal unexplained (a GitHubHttpError). */
export async function putSealedValue(api: GitHubApi, t: SecretTarget, sealed: Sealed, access: Access): Promise<number> {
  return (await secretEndpoints(api, t).put(t.name, sealed, access)).status;
}

/** Seals the value and PUTs it; 201 created, 204 updated. The key may have rotated: fetched again once. */
async function putSealed(
  api: GitHubApi,
  t: SecretTarget,
  pre: { key: PublicKey },
  name: string,
  value: string,
  access: Access,
  doing = `write ${describeTarget({ ...t, name })}`,
  /** The value as sealed with that key (a value that records its key). */
  valueFor: (key: PublicKey) => string = () => value,
): Promise<number> {
  const sealAndPut = async (key: PublicKey): Promise<number> => {
    const seal = async (): Promise<Sealed> => ({
      encrypted_value: await sealForGitHub(valueFor(key), key.key),
      key_id: key.key_id,
    });
    return (await secretEndpoints(api, t).put(name, await seal(), access, seal)).status;
  };
  try {
    return await sealAndPut(pre.key);
  } catch (err) {
    if (!(err instanceof GitHubHttpError && err.status === 422)) throw explain(err, t, doing, api.wording);
    const fresh = await readPublicKey(api, t);
    if (fresh.key_id === pre.key.key_id) throw explain(err, t, doing, api.wording);
    pre.key = fresh;
    try {
      return await sealAndPut(fresh);
    } catch (again) {
      throw explain(again, t, doing, api.wording);
    }
  }
}

/**
 * Seals the value with the secret's public key and stores it, marked with when it was written on
 * GitHub's clock (so any job can tell an old copy from the metadata), the claims of the newest copies
 * and the key. Each attempt is stamped as it is sent: the copy that lands was written at most one
 * attempt before (src/core/marker.ts, OLD_COPY_AFTER_MS). The one place a value the broker writes is
 * shaped. Returns the value as stored: the copy a holder of it has (the credential proxy refreshes it later).
 */
export async function writeSecret(
  api: GitHubApi,
  t: SecretTarget,
  pre: Preflight,
  value: string,
  more: Stamp = {},
): Promise<string> {
  let stored = value;
  const stamped = (key: PublicKey): string => (stored = stamp(value, api.githubNow() ?? api.now(), { ...more, key }));
  await putSealed(api, t, pre, t.name, value, pre, undefined, stamped);
  return stored;
}

/**
 * Proves the token may write secrets there, before anything is spent: GitHub has no way to ask a
 * fine-grained token what it may do, and a write is the only test. The value is random and means
 * nothing; the secret is the one the broker leaves beside the targets of a place.
 */
export async function checkWrite(api: GitHubApi, t: SecretTarget, pre: Preflight): Promise<void> {
  const doing = `write secrets of ${where(t)} (a check before the refresh)`;
  await putSealed(api, t, pre, WRITE_CHECK, randomBytes(16).toString('hex'), { visibility: 'selected' }, doing);
}

/** Deletes a secret the broker made; absent already is fine. */
export async function deleteSecret(api: GitHubApi, t: SecretTarget, name: string): Promise<void> {
  try {
    await secretEndpoints(api, t).remove(name);
  } catch (err) {
    if (err instanceof GitHubHttpError && err.status === 404) return;
    throw explain(err, t, `delete ${describeTarget({ ...t, name })}`, api.wording);
  }
}

/**
 * Stores a first value exactly as given: no marker, since a value the broker never wrote is
 * trusted (src/core/marker.ts). 201 created, 204 updated.
 */
export function seedSecret(
  api: GitHubApi,
  t: SecretTarget,
  key: PublicKey,
  value: string,
  access: Access,
): Promise<number> {
  return putSealed(api, t, { key }, t.name, value, access);
}
