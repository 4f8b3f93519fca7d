// GitHub's answers, checked before they are trusted: an answer of another shape is one
// line naming the API URL setting, never a TypeError halfway through a write-back.
import { isJsonObject } from '../core/checks.js';
import { UserError } from '../core/errors.js';
import { checkPublicKey } from './seal.js';
import { ACTION_WORDING } from './target.js';

export type Visibility = 'all' | 'private' | 'selected';
export type PublicKey = { key_id: string; key: string };
export type SecretMetadata = { created_at?: string; updated_at: string; visibility?: Visibility };

/** An answer that is not what GitHub sends: most likely the API URL (`apiUrl` names its setting) points elsewhere. */
export function malformed(doing: string, what: string, apiUrl = ACTION_WORDING.apiUrl): UserError {
  return new UserError('OB_GITHUB', `${apiUrl}: could not ${doing}: ${what}; check that ${apiUrl} is GitHub's API.`, {
    details: "GitHub's API is https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server.",
  });
}

/** A key id and a 32-byte key, checked before a refresh rather than at the write. */
export function publicKeyOf(data: unknown, doing: string, apiUrl?: string): PublicKey {
  if (!isJsonObject(data) || typeof data.key_id !== 'string' || !data.key_id || typeof data.key !== 'string') {
    throw malformed(doing, 'the answer has no key_id and key', apiUrl);
  }
  if (!checkPublicKey(data.key)) throw malformed(doing, 'the key is not a 32-byte base64 public key', apiUrl);
  return { key_id: data.key_id, key: data.key };
}

export function metadataOf(data: unknown, doing: string, apiUrl?: string): SecretMetadata {
  if (!isJsonObject(data) || typeof data.updated_at !== 'string' || !Number.isFinite(Date.parse(data.updated_at))) {
    throw malformed(doing, 'the answer has no updated_at', apiUrl);
  }
  const { visibility } = data;
  if (visibility !== undefined && visibility !== 'all' && visibility !== 'private' && visibility !== 'selected') {
    throw malformed(doing, 'the answer has an unknown visibility', apiUrl);
  }
  const meta: SecretMetadata = { updated_at: data.updated_at };
  if (typeof data.created_at === 'string') meta.created_at = data.created_at;
  if (visibility !== undefined) meta.visibility = visibility;
  return meta;
}

/** One page of an organisation secret's repositories; `total` when GitHub states it. */
export function repositoryPageOf(data: unknown, doing: string, apiUrl?: string): { ids: number[]; total?: number } {
  const repos = isJsonObject(data) && Array.isArray(data.repositories) ? (data.repositories as unknown[]) : undefined;
  if (!repos?.every((r) => isJsonObject(r) && Number.isSafeInteger(r.id))) {
    throw malformed(doing, 'the answer has no list of repositories', apiUrl);
  }
  const ids = repos.map((r) => (r as { id: number }).id);
  const total = (data as { total_count?: unknown }).total_count;
  return Number.isSafeInteger(total) ? { ids, total: total as number } : { ids };
}

/** A repository's id, which an organisation secret's selected repositories are given by. */
export function repositoryIdOf(data: unknown, doing: string, apiUrl?: string): number {
  if (!isJsonObject(data) || !Number.isSafeInteger(data.id)) throw malformed(doing, 'the answer has no id', apiUrl);
  return data.id as number;
}
