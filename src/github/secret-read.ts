// What can be read of a secret before a refresh and after a write: its metadata (when it was
// last updated, who may use it), whether it exists, and the names beside it.
import { invalid } from '../core/checks.js';
import { type GitHubApi, GitHubHttpError } from './api.js';
import { malformed, metadataOf, repositoryPageOf } from './answers.js';
import type { PublicKey, SecretMetadata, Visibility } from './answers.js';
import { explain, where } from './explain.js';
import { readPublicKey } from './public-key.js';
import { type Access, secretEndpoints, sendExplained } from './secret-endpoints.js';
import { describeTarget, type SecretTarget } from './target.js';

export interface Preflight {
  key: { key_id: string; key: string };
  /** The secret's last update, ISO 8601. */
  updatedAt: string;
  /** Organisation secrets: who may see it, kept as it is on write. */
  visibility?: Visibility;
  selectedRepositoryIds?: number[];
}

// 100 pages of 100: more repositories than an organisation selects, and a bound on a
// server that never says it is done.
const MAX_PAGES = 100;

/** A secret beside the target (the target itself by default). */
async function readMetadata(api: GitHubApi, t: SecretTarget, name = t.name): Promise<SecretMetadata> {
  const { data } = await secretEndpoints(api, t).get(name);
  return metadataOf(data, `read ${describeTarget({ ...t, name })}`, api.wording.apiUrl);
}

/** The secret's `updated_at` now: after a write of ours, so a later rescue compares against it. */
export async function currentUpdatedAt(api: GitHubApi, t: SecretTarget): Promise<string> {
  try {
    return (await readMetadata(api, t)).updated_at;
  } catch (err) {
    throw explain(err, t, `read ${describeTarget(t)}`, api.wording);
  }
}

/**
 * Everything that can be checked without changing anything, before a refresh token is spent. A key
 * the value's marker recorded saves a request; a write refused for it fetches the current one.
 */
export async function preflight(api: GitHubApi, t: SecretTarget, known?: PublicKey): Promise<Preflight> {
  const key = known ?? (await readPublicKey(api, t));
  let meta: SecretMetadata;
  try {
    meta = await readMetadata(api, t);
  } catch (err) {
    if (err instanceof GitHubHttpError && err.status === 404) {
      throw invalid(
        api.wording.name,
        `${describeTarget(t)} does not exist`,
        'create it with the credentials first (README: First login)',
        {
          cause: err,
          details:
            'Pass that same secret as credentials; otherwise the stored credentials the workflow reads ' +
            'would silently go stale.',
        },
      );
    }
    throw explain(err, t, `read ${describeTarget(t)}`, api.wording);
  }
  const pre: Preflight = { key, updatedAt: meta.updated_at };
  return t.kind === 'org' ? { ...pre, ...(await accessOf(api, t, meta)) } : pre;
}

/** Who may use an organisation secret, from its metadata and, when selected, its list of repositories. */
async function accessOf(api: GitHubApi, t: SecretTarget, meta: SecretMetadata): Promise<Access> {
  const visibility = meta.visibility ?? 'private';
  if (visibility !== 'selected') return { visibility };
  return { visibility, selectedRepositoryIds: await selectedRepositories(api, t) };
}

/** Who may use an organisation secret now, kept when a new value is stored; undefined when it does not exist. */
export async function existingAccess(api: GitHubApi, t: SecretTarget & { kind: 'org' }): Promise<Access | undefined> {
  let meta: SecretMetadata;
  try {
    meta = await readMetadata(api, t);
  } catch (err) {
    if (err instanceof GitHubHttpError && err.status === 404) return undefined;
    throw explain(err, t, `read ${describeTarget(t)}`, api.wording);
  }
  return accessOf(api, t, meta);
}

async function selectedRepositories(api: GitHubApi, t: SecretTarget): Promise<number[]> {
  const doing = `list the repositories that may use ${describeTarget(t)}`;
  const ids = new Set<number>();
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await sendExplained(api, t, doing, () => secretEndpoints(api, t).selectedRepositories(t.name, page));
    const { ids: more, total } = repositoryPageOf(answer.data, doing, api.wording.apiUrl);
    for (const id of more) ids.add(id);
    // Done at the total when GitHub states it (a page may be shorter than asked), else at a short page.
    if (more.length === 0 || (total !== undefined ? ids.size >= total : more.length < 100)) return [...ids];
  }
  // Writing a partial list would take the secret away from the repositories left out.
  throw malformed(doing, `the list did not end after ${MAX_PAGES} pages`, api.wording.apiUrl);
}

/** Names starting with `prefix` and when they were created, every page read. */
export async function listSecrets(
  api: GitHubApi,
  t: SecretTarget,
  prefix: string,
): Promise<Array<{ name: string; createdAt: number }>> {
  const doing = `list the secrets of ${where(t)}`;
  const found: Array<{ name: string; createdAt: number }> = [];
  for (let page = 1, seen = 0; page <= MAX_PAGES; page++) {
    const answer = await sendExplained(api, t, doing, () => secretEndpoints(api, t).list(page));
    const data = answer.data as { total_count?: unknown; secrets?: Array<{ name?: unknown; created_at?: unknown }> };
    if (!Array.isArray(data?.secrets)) throw malformed(doing, 'the answer has no list of secrets', api.wording.apiUrl);
    for (const s of data.secrets) {
      if (typeof s?.name !== 'string' || typeof s.created_at !== 'string' || !s.name.startsWith(prefix)) continue;
      const createdAt = Date.parse(s.created_at);
      if (!Number.isFinite(createdAt)) {
        throw malformed(doing, `secret ${s.name} has no valid created_at`, api.wording.apiUrl);
      }
      found.push({ name: s.name, createdAt });
    }
    seen += data.secrets.length;
    const total = Number.isSafeInteger(data.total_count) ? (data.total_count as number) : undefined;
    if (data.secrets.length < 100 || (total !== undefined && seen >= total)) return found;
  }
  throw malformed(doing, `the list did not end after ${MAX_PAGES} pages`, api.wording.apiUrl);
}

/** Whether a secret of that name exists beside the target. */
export async function secretExists(api: GitHubApi, t: SecretTarget, name: string): Promise<boolean> {
  try {
    await readMetadata(api, t, name);
    return true;
  } catch (err) {
    if (err instanceof GitHubHttpError && err.status === 404) return false;
    throw explain(err, t, `read ${describeTarget({ ...t, name })}`, api.wording);
  }
}
