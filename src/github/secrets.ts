// Reading what can be read before a refresh, and writing the rotated credentials back,
// for repository, environment and organisation secrets; a first value too (the CLI's seed).
import type { Beside } from '../store/coordination.js';
import { GITHUB_TOKEN_CANNOT, MAX_ERROR_LINE, UserError } from '../core/errors.js';
import { neutral } from '../core/neutral.js';
import { GitHubApi, GitHubHttpError } from './api.js';
import { malformed, metadataOf, publicKeyOf, repositoryPageOf } from './answers.js';
import type { PublicKey, SecretMetadata, Visibility } from './answers.js';
import { stamp } from '../core/marker.js';
import { sealForGitHub } from './seal.js';
import { ACTION_WORDING, describeTarget, type SecretPlace, type SecretTarget } from './target.js';

// The post step loads this module alone, so it brings the client along.
export { GitHubApi };

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
  /** `once`: a claim's create, never retried once GitHub may have acted (src/github/api.ts). */
  put(name: string, sealed: Sealed, access: Access, once: boolean): Answer;
  remove(name: string): Answer;
  list(): Answer;
  selectedRepositories(name: string, page: number): Answer;
}

function endpoints(api: GitHubApi, t: SecretPlace): Endpoints {
  const a = api.rest.actions;
  const request = (once: boolean) => ({ request: { once } });
  const none = (): never => {
    throw new Error('only organisation secrets have selected repositories');
  };
  if (t.kind === 'repo') {
    const at = { owner: t.owner, repo: t.repo };
    return {
      publicKey: () => a.getRepoPublicKey(at),
      get: (name) => a.getRepoSecret({ ...at, secret_name: name }),
      put: (name, sealed, _, once) =>
        a.createOrUpdateRepoSecret({ ...at, secret_name: name, ...sealed, ...request(once) }),
      remove: (name) => a.deleteRepoSecret({ ...at, secret_name: name }),
      list: () => a.listRepoSecrets({ ...at, per_page: 100 }),
      selectedRepositories: none,
    };
  }
  if (t.kind === 'env') {
    const at = { owner: t.owner, repo: t.repo, environment_name: t.environment };
    return {
      publicKey: () => a.getEnvironmentPublicKey(at),
      get: (name) => a.getEnvironmentSecret({ ...at, secret_name: name }),
      put: (name, sealed, _, once) =>
        a.createOrUpdateEnvironmentSecret({ ...at, secret_name: name, ...sealed, ...request(once) }),
      remove: (name) => a.deleteEnvironmentSecret({ ...at, secret_name: name }),
      list: () => a.listEnvironmentSecrets({ ...at, per_page: 100 }),
      selectedRepositories: none,
    };
  }
  const org = t.org;
  return {
    publicKey: () => a.getOrgPublicKey({ org }),
    get: (name) => a.getOrgSecret({ org, secret_name: name }),
    put: (name, sealed, access, once) =>
      a.createOrUpdateOrgSecret({
        org,
        secret_name: name,
        ...sealed,
        visibility: access.visibility ?? 'private',
        ...(access.visibility === 'selected' ? { selected_repository_ids: access.selectedRepositoryIds ?? [] } : {}),
        ...request(once),
      }),
    remove: (name) => a.deleteOrgSecret({ org, secret_name: name }),
    list: () => a.listOrgSecrets({ org, per_page: 100 }),
    selectedRepositories: (name, page) =>
      a.listSelectedReposForOrgSecret({ org, secret_name: name, per_page: 100, page }),
  };
}

function where(t: SecretPlace): string {
  if (t.kind === 'repo') return `repository ${t.owner}/${t.repo}`;
  if (t.kind === 'env') return `environment ${t.environment} of ${t.owner}/${t.repo}`;
  return `organization ${t.org}`;
}

function permission(t: SecretPlace): string {
  if (t.kind === 'repo') return 'repository permission "Secrets: Read and write"';
  if (t.kind === 'env') return 'repository permission "Environments: Read and write"';
  return 'organization permission "Secrets: Read and write"';
}

/** The permission, in as few words as the error line can take. */
function permissionShort(t: SecretPlace): string {
  if (t.kind === 'env') return '"Environments: Read and write"';
  return `${t.kind === 'org' ? 'organization ' : ''}"Secrets: Read and write"`;
}

// The error line quotes at most this much of GitHub's message; the lines after it, the whole.
const QUOTED_CHARS = 60;

/**
 * Turns a GitHub failure into an error line naming the setting (as `w` calls it), what happened
 * and the fix, with where the secret is and GitHub's whole message in the lines after it.
 */
export function explain(err: unknown, t: SecretPlace | SecretTarget, doing: string, w = ACTION_WORDING): Error {
  if (!(err instanceof GitHubHttpError)) return err as Error;
  if (err.status >= 200 && err.status < 400)
    return malformed(doing, `${err.githubMessage} (HTTP ${err.status})`, w.apiUrl);
  const message = neutral(err.githubMessage, QUOTED_CHARS);
  const answered = err.status ? `GitHub answered ${err.status}` : 'GitHub could not be reached';
  const said = `${answered}${err.status ? ' ' : ': '}${message}`;
  const fail = (input: string, fix: string, more: string[] = []): UserError => {
    const full = `${input}: could not ${doing}: ${said}; ${fix}.`;
    const quoted = full.length <= MAX_ERROR_LINE;
    const label = err.status ? "GitHub's message" : 'Why';
    const whole = quoted && message === err.githubMessage ? [] : [`${label}: ${err.githubMessage}`];
    const secret = 'name' in t ? [`The secret: ${describeTarget(t)}.`] : [];
    return new UserError(quoted ? full : `${input}: could not ${doing}: ${answered}; ${fix}.`, {
      cause: err,
      details: [...secret, ...whole, ...more],
    });
  };
  switch (err.status) {
    case 0:
      return fail(w.apiUrl, `check ${w.apiUrl} and ${w.network}`);
    case 401:
      return fail(w.token, 'the token is invalid or expired; create a new one', [
        `It needs the ${permission(t)} on ${where(t)}.`,
      ]);
    case 403:
      if (/by integration/i.test(err.githubMessage)) {
        return fail(w.token, "use a fine-grained PAT, not the job's GITHUB_TOKEN", [
          GITHUB_TOKEN_CANNOT,
          `The permission needed: the ${permission(t)} on ${where(t)}.`,
        ]);
      }
      return fail(w.token, `give it the permission ${permissionShort(t)}`, [
        `It needs the ${permission(t)} on ${where(t)}.`,
      ]);
    case 404:
      return fail(w.place[t.kind], `check the name, and that ${w.token} has access to it`);
    default:
      return fail(w.apiUrl, 'run again later', [`If this persists, check that ${w.apiUrl} is GitHub's API.`]);
  }
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

/** Everything that can be checked without changing anything, before a refresh token is spent. */
export async function preflight(api: GitHubApi, t: SecretTarget): Promise<Preflight> {
  const key = await readPublicKey(api, t);
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
  return (await endpoints(api, t).put(t.name, sealed, access, false)).status;
}

/** Seals the value and PUTs it; 201 created, 204 updated. The key may have rotated: fetched again once. */
async function putSealed(
  api: GitHubApi,
  t: SecretTarget,
  pre: { key: PublicKey },
  name: string,
  value: string,
  access: Access,
  once: boolean,
  doing = `write ${describeTarget({ ...t, name })}`,
): Promise<number> {
  const put = async (key: PublicKey): Promise<number> => {
    const sealed = { encrypted_value: await sealForGitHub(value, key.key), key_id: key.key_id };
    return (await endpoints(api, t).put(name, sealed, access, once)).status;
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

/** Seals the value with the secret's public key and stores it. */
export async function writeSecret(api: GitHubApi, t: SecretTarget, pre: Preflight, value: string): Promise<void> {
  // Marked with when it was written, so any job can tell an old copy from the metadata.
  await putSealed(api, t, pre, t.name, stamp(value, api.now()), pre, false);
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
  return putSealed(api, t, { key }, t.name, value, access, false);
}

/**
 * The secrets the broker keeps beside the target (claims, docs/design.md): same place, same
 * permission, so every job that can write the target sees them, on any ref, in any repository,
 * on GitHub Enterprise Server too. Organisation ones are visible to no repository.
 */
export class SecretsBeside implements Beside {
  constructor(
    private readonly api: GitHubApi,
    private readonly t: SecretTarget,
    private readonly pre: Preflight | undefined,
  ) {}

  /** The public key to seal with: absent when the preflight itself failed. */
  private key(): Preflight {
    if (!this.pre)
      throw new UserError(`${this.api.wording.apiUrl}: the public key of ${describeTarget(this.t)} could not be read.`);
    return this.pre;
  }

  /** Creates the secret if absent: true when this request created it, false when it existed. */
  async create(name: string, value: string): Promise<boolean> {
    const doing = `claim the refresh beside secret ${this.t.name}`;
    const status = await putSealed(this.api, this.t, this.key(), name, value, { visibility: 'selected' }, true, doing);
    return status === 201;
  }

  async mark(name: string, value: string): Promise<void> {
    const doing = `settle the claim beside secret ${this.t.name}`;
    await putSealed(this.api, this.t, this.key(), name, value, { visibility: 'selected' }, false, doing);
  }

  async targetUpdatedAt(): Promise<number> {
    return instant(await currentUpdatedAt(this.api, this.t));
  }

  /** When it was created, epoch ms; undefined when absent. */
  async createdAt(name: string): Promise<number | undefined> {
    try {
      return instant((await readMetadata(this.api, this.t, name)).created_at);
    } catch (err) {
      if (err instanceof GitHubHttpError && err.status === 404) return undefined;
      throw explain(err, this.t, `read ${describeTarget({ ...this.t, name })}`, this.api.wording);
    }
  }

  async remove(name: string): Promise<void> {
    try {
      await endpoints(this.api, this.t).remove(name);
    } catch (err) {
      if (err instanceof GitHubHttpError && err.status === 404) return;
      throw explain(err, this.t, `delete ${describeTarget({ ...this.t, name })}`, this.api.wording);
    }
  }

  /** Names starting with `prefix` and when they were created: the first page (100), enough to prune. */
  async list(prefix: string): Promise<Array<{ name: string; createdAt: number }>> {
    const doing = `list the secrets beside ${this.t.name}`;
    const answer = await call(this.api, this.t, doing, () => endpoints(this.api, this.t).list());
    const data = answer.data as { secrets?: Array<{ name?: unknown; created_at?: unknown }> } | null;
    const found: Array<{ name: string; createdAt: number }> = [];
    for (const s of Array.isArray(data?.secrets) ? data.secrets : []) {
      if (typeof s?.name !== 'string' || typeof s.created_at !== 'string' || !s.name.startsWith(prefix)) continue;
      found.push({ name: s.name, createdAt: instant(s.created_at) });
    }
    return found;
  }
}

/** GitHub's timestamps; an unreadable one is GitHub's fault, named as such. */
function instant(iso: unknown): number {
  const ms = typeof iso === 'string' ? Date.parse(iso) : NaN;
  if (!Number.isFinite(ms))
    throw new UserError(
      'github-api-url: GitHub answered a secret without a valid timestamp; is this a GitHub API URL?',
    );
  return ms;
}
