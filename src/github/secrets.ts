// Reading what can be read before a refresh, and writing the rotated credentials back,
// for repository, environment and organisation secrets.
import { UserError } from '../errors.js';
import { GitHubApi, GitHubHttpError } from './api.js';
import { sealForGitHub } from './seal.js';
import { describeTarget, type SecretTarget } from './target.js';

// The post step loads this module alone, so it brings the client along.
export { GitHubApi };

type Visibility = 'all' | 'private' | 'selected';

export interface Preflight {
  key: { key_id: string; key: string };
  /** The secret's last update, ISO 8601. */
  updatedAt: string;
  /** Organisation secrets: who may see it, kept as it is on write. */
  visibility?: Visibility;
  selectedRepositoryIds?: number[];
}

function base(t: SecretTarget): string {
  const e = encodeURIComponent;
  if (t.kind === 'repo') return `/repos/${e(t.owner)}/${e(t.repo)}/actions/secrets`;
  if (t.kind === 'env') return `/repos/${e(t.owner)}/${e(t.repo)}/environments/${e(t.environment)}/secrets`;
  return `/orgs/${e(t.org)}/actions/secrets`;
}

function where(t: SecretTarget): string {
  if (t.kind === 'repo') return `repository ${t.owner}/${t.repo} (secret-repository)`;
  if (t.kind === 'env') return `environment ${t.environment} of ${t.owner}/${t.repo} (secret-environment)`;
  return `organization ${t.org} (secret-org)`;
}

function permission(t: SecretTarget): string {
  if (t.kind === 'repo') return `repository permission "Secrets: Read and write" on ${t.owner}/${t.repo}`;
  if (t.kind === 'env') return `repository permission "Environments: Read and write" on ${t.owner}/${t.repo}`;
  return `organization permission "Secrets: Read and write" on ${t.org}`;
}

/** Turns a GitHub failure into one line naming the input, what happened and the fix. */
export function explain(err: unknown, t: SecretTarget, doing: string): Error {
  if (!(err instanceof GitHubHttpError)) return err as Error;
  const said = err.status ? `GitHub answered ${err.status} ${err.githubMessage}` : `GitHub could not be reached: ${err.githubMessage}`;
  switch (err.status) {
    case 0:
      return new UserError(`github-api-url: could not ${doing}: ${said}. Check github-api-url and the runner's network.`);
    case 401:
      return new UserError(`github-token: could not ${doing}: ${said}. The token is invalid or expired; create a new one with the ${permission(t)}.`);
    case 403:
      if (/by integration/i.test(err.githubMessage)) {
        return new UserError(
          `github-token: could not ${doing}: ${said}. If this is the job's own GITHUB_TOKEN (github.token): it can never read or write secrets. Pass a fine-grained PAT with the ${permission(t)}, or a GitHub App installation token with that permission.`,
        );
      }
      return new UserError(`github-token: could not ${doing}: ${said}. Give the token the ${permission(t)}.`);
    case 404:
      return new UserError(`${where(t)}: could not ${doing}: ${said}. Check the name, and that github-token has access to it.`);
    default:
      return new UserError(`could not ${doing}: ${said}. Check github-api-url; run again later if GitHub is unavailable.`);
  }
}

async function call<T>(api: GitHubApi, t: SecretTarget, doing: string, method: 'GET' | 'PUT', path: string, body?: unknown): Promise<{ status: number; data: T }> {
  try {
    return await api.request<T>(method, path, body);
  } catch (err) {
    throw explain(err, t, doing);
  }
}

type SecretMetadata = { updated_at: string; visibility?: Visibility };

async function readMetadata(api: GitHubApi, t: SecretTarget): Promise<SecretMetadata> {
  return (await api.request<SecretMetadata>('GET', `${base(t)}/${encodeURIComponent(t.name)}`)).data;
}

/** The secret's `updated_at` now: after a write of ours, so a later rescue compares against it. */
export async function currentUpdatedAt(api: GitHubApi, t: SecretTarget): Promise<string> {
  try {
    return (await readMetadata(api, t)).updated_at;
  } catch (err) {
    throw explain(err, t, `read ${describeTarget(t)}`);
  }
}

/** Everything that can be checked without changing anything, before a refresh token is spent. */
export async function preflight(api: GitHubApi, t: SecretTarget): Promise<Preflight> {
  const { data: key } = await call<{ key_id: string; key: string }>(api, t, `read the public key of ${where(t)}`, 'GET', `${base(t)}/public-key`);
  if (typeof key?.key_id !== 'string' || typeof key.key !== 'string') throw new UserError('github-api-url: the public-key answer has no key_id and key; is this a GitHub API URL?');
  let meta: SecretMetadata;
  try {
    meta = await readMetadata(api, t);
  } catch (err) {
    if (err instanceof GitHubHttpError && err.status === 404) {
      throw new UserError(
        `secret-name: ${describeTarget(t)} does not exist. Create it with the credentials first (README: First login), and pass that same secret as credentials; otherwise the workflow's stored credentials would silently go stale.`,
      );
    }
    throw explain(err, t, `read ${describeTarget(t)}`);
  }
  const pre: Preflight = { key, updatedAt: meta.updated_at };
  if (t.kind === 'org') {
    pre.visibility = meta.visibility ?? 'private';
    if (pre.visibility === 'selected') pre.selectedRepositoryIds = await selectedRepositories(api, t);
  }
  return pre;
}

async function selectedRepositories(api: GitHubApi, t: SecretTarget): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const { data } = await call<{ total_count: number; repositories: Array<{ id: number }> }>(
      api,
      t,
      `list the repositories that may use ${describeTarget(t)}`,
      'GET',
      `${base(t)}/${encodeURIComponent(t.name)}/repositories?per_page=100&page=${page}`,
    );
    ids.push(...data.repositories.map((r) => r.id));
    if (data.repositories.length < 100 || ids.length >= data.total_count) return ids;
  }
}

/** Seals the value with the secret's public key and stores it. */
export async function writeSecret(api: GitHubApi, t: SecretTarget, pre: Preflight, value: string): Promise<void> {
  const put = async (key: Preflight['key']): Promise<void> => {
    const body: Record<string, unknown> = { encrypted_value: await sealForGitHub(value, key.key), key_id: key.key_id };
    if (t.kind === 'org') {
      body.visibility = pre.visibility;
      if (pre.visibility === 'selected') body.selected_repository_ids = pre.selectedRepositoryIds ?? [];
    }
    await api.request('PUT', `${base(t)}/${encodeURIComponent(t.name)}`, body);
  };
  try {
    await put(pre.key);
  } catch (err) {
    // The key may have been rotated since the preflight: fetch it again, once.
    if (!(err instanceof GitHubHttpError && err.status === 422)) throw explain(err, t, `write ${describeTarget(t)}`);
    const fresh = await call<Preflight['key']>(api, t, `read the public key of ${where(t)}`, 'GET', `${base(t)}/public-key`);
    if (fresh.data.key_id === pre.key.key_id) throw explain(err, t, `write ${describeTarget(t)}`);
    try {
      await put(fresh.data);
    } catch (again) {
      throw explain(again, t, `write ${describeTarget(t)}`);
    }
  }
}
