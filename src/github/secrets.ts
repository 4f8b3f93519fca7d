// Reading what can be read before a refresh, and writing the rotated credentials back,
// for repository, environment and organisation secrets; a first value too (the CLI's seed).
import { randomBytes } from 'node:crypto';
import { UserError } from '../core/errors.js';
import { GitHubApi, GitHubHttpError } from './api.js';
import { explain, where } from './explain.js';
import { malformed, metadataOf, publicKeyOf, repositoryPageOf } from './answers.js';
import type { PublicKey, SecretMetadata, Visibility } from './answers.js';
import { stamp, type Stamp } from '../core/marker.js';
import { sealForGitHub } from './seal.js';
import { WRITE_CHECK, describeTarget, type SecretPlace, type SecretTarget } from './target.js';

// The post step loads this module alone, so it brings the client along.
export { GitHubApi, explain };

export interface Preflight {
  key: { key_id: string; key: string };
  /** The secret's last update, ISO 8601. */
  updatedAt: string;
  /** Organisation secrets: who may see it, kept as it is on write. */
  visibility?: Visibility;
  selectedRepositoryIds?: number[];
}

type Answer = Promise<{ status: number; data: unknown }>;
/** A value sealed with the secret's public key, as GitHub takes it. */
export type Sealed = { encrypted_value: string; key_id: string };

/** Octokit's typed endpoint methods for the target's kind of secret. */
interface Endpoints {
  publicKey(): Answer;
  get(name: string): Answer;
  put(name: string, sealed: Sealed, access: Access): Answer;
  remove(name: string): Answer;
  list(page: number): Answer;
  selectedRepositories(name: string, page: number): Answer;
}

function endpoints(api: GitHubApi, t: SecretPlace): Endpoints {
  const a = api.rest.actions;
  const none = (): never => {
    throw new Error('only organisation secrets have selected repositories');
  };
  if (t.kind === 'repo') {
    const at = { owner: t.owner, repo: t.repo };
    return {
      publicKey: () => a.getRepoPublicKey(at),
      get: (name) => a.getRepoSecret({ ...at, secret_name: name }),
      put: (name, sealed) => a.createOrUpdateRepoSecret({ ...at, secret_name: name, ...sealed }),
      remove: (name) => a.deleteRepoSecret({ ...at, secret_name: name }),
      list: (page) => a.listRepoSecrets({ ...at, per_page: 100, page }),
      selectedRepositories: none,
    };
  }
  if (t.kind === 'env') {
    const at = { owner: t.owner, repo: t.repo, environment_name: t.environment };
    return {
      publicKey: () => a.getEnvironmentPublicKey(at),
      get: (name) => a.getEnvironmentSecret({ ...at, secret_name: name }),
      put: (name, sealed) => a.createOrUpdateEnvironmentSecret({ ...at, secret_name: name, ...sealed }),
      remove: (name) => a.deleteEnvironmentSecret({ ...at, secret_name: name }),
      list: (page) => a.listEnvironmentSecrets({ ...at, per_page: 100, page }),
      selectedRepositories: none,
    };
  }
  const org = t.org;
  return {
    publicKey: () => a.getOrgPublicKey({ org }),
    get: (name) => a.getOrgSecret({ org, secret_name: name }),
    put: (name, sealed, access) =>
      a.createOrUpdateOrgSecret({
        org,
        secret_name: name,
        ...sealed,
        visibility: access.visibility ?? 'private',
        ...(access.visibility === 'selected' ? { selected_repository_ids: access.selectedRepositoryIds ?? [] } : {}),
      }),
    remove: (name) => a.deleteOrgSecret({ org, secret_name: name }),
    list: (page) => a.listOrgSecrets({ org, per_page: 100, page }),
    selectedRepositories: (name, page) =>
      a.listSelectedReposForOrgSecret({ org, secret_name: name, per_page: 100, page }),
  };
}

/** The public key the secrets of that place are sealed with. */
export async function readPublicKey(api: GitHubApi, p: SecretPlace): Promise<PublicKey> {
  const doing = `read the public key of ${where(p)}`;
  return publicKeyOf((await call(api, p, doing, () => endpoints(api, p).publicKey())).data, doing, api.wording.apiUrl);
}

async function call(api: GitHubApi, t: SecretPlace, doing: string, send: () => Answer): Answer {
  try {
    return await send();
  } catch (err) {
    throw explain(err, t, doing, api.wording);
  }
}

/** A secret beside the target (the target itself by default). */
async function readMetadata(api: GitHubApi, t: SecretTarget, name = t.name): Promise<SecretMetadata> {
  const { data } = await endpoints(api, t).get(name);
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
      throw new UserError(
        `${api.wording.name}: ${describeTarget(t)} does not exist; ` +
          'create it with the credentials first (README: First login).',
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

// 100 pages of 100: more repositories than an organisation selects, and a bound on a
// server that never says it is done.
const MAX_PAGES = 100;

async function selectedRepositories(api: GitHubApi, t: SecretTarget): Promise<number[]> {
  const doing = `list the repositories that may use ${describeTarget(t)}`;
  const ids = new Set<number>();
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await call(api, t, doing, () => endpoints(api, t).selectedRepositories(t.name, page));
    const { ids: more, total } = repositoryPageOf(answer.data, doing, api.wording.apiUrl);
    for (const id of more) ids.add(id);
    // Done at the total when GitHub states it (a page may be shorter than asked), else at a short page.
    if (more.length === 0 || (total !== undefined ? ids.size >= total : more.length < 100)) return [...ids];
  }
  // Writing a partial list would take the secret away from the repositories left out.
  throw malformed(doing, `the list did not end after ${MAX_PAGES} pages`, api.wording.apiUrl);
}

/** Who may use an organisation secret; kept as it is on every write. */
export type Access = { visibility?: Visibility; selectedRepositoryIds?: number[] };

/** PUTs a sealed value as it is: 201 created, 204 updated; GitHub's refusal unexplained (a GitHubHttpError). */
export async function putSealedValue(api: GitHubApi, t: SecretTarget, sealed: Sealed, access: Access): Promise<number> {
  return (await endpoints(api, t).put(t.name, sealed, access)).status;
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
  const put = async (key: PublicKey): Promise<number> => {
    const sealed = { encrypted_value: await sealForGitHub(valueFor(key), key.key), key_id: key.key_id };
    return (await endpoints(api, t).put(name, sealed, access)).status;
  };
  try {
    return await put(pre.key);
  } catch (err) {
    if (!(err instanceof GitHubHttpError && err.status === 422)) throw explain(err, t, doing, api.wording);
    const fresh = await readPublicKey(api, t);
    if (fresh.key_id === pre.key.key_id) throw explain(err, t, doing, api.wording);
    pre.key = fresh;
    try {
      return await put(fresh);
    } catch (again) {
      throw explain(again, t, doing, api.wording);
    }
  }
}

/**
 * Seals the value with the secret's public key and stores it, marked with when it was written on
 * GitHub's clock (so any job can tell an old copy from the metadata), the claims of the newest copies
 * and the key. The one place a value the broker writes is shaped. Returns the value as stored: the
 * copy a holder of it has (the credential proxy refreshes it later).
 */
export async function writeSecret(
  api: GitHubApi,
  t: SecretTarget,
  pre: Preflight,
  value: string,
  more: Stamp = {},
): Promise<string> {
  const now = api.githubNow() ?? api.now();
  let stored = value;
  await putSealed(api, t, pre, t.name, value, pre, undefined, (key) => (stored = stamp(value, now, { ...more, key })));
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

/** Names starting with `prefix` and when they were created, every page read. */
export async function listSecrets(
  api: GitHubApi,
  t: SecretTarget,
  prefix: string,
): Promise<Array<{ name: string; createdAt: number }>> {
  const doing = `list the secrets of ${where(t)}`;
  const found: Array<{ name: string; createdAt: number }> = [];
  for (let page = 1, seen = 0; page <= MAX_PAGES; page++) {
    const answer = await call(api, t, doing, () => endpoints(api, t).list(page));
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

/** Deletes a secret the broker made; absent already is fine. */
export async function deleteSecret(api: GitHubApi, t: SecretTarget, name: string): Promise<void> {
  try {
    await endpoints(api, t).remove(name);
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
