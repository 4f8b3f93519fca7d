// The REST endpoints of a secret, one set for each kind of place, and the one way they are called.
import type { GitHubApi } from './api.js';
import type { Visibility } from './answers.js';
import { explain } from './explain.js';
import type { SecretPlace } from './target.js';

type Answer = Promise<{ status: number; data: unknown }>;
/** A value sealed with the secret's public key, as GitHub takes it. */
export type Sealed = { encrypted_value: string; key_id: string };
/** Who may use an organisation secret; kept as it is on every write. */
export type Access = { visibility?: Visibility; selectedRepositoryIds?: number[] };

/** Octokit's typed endpoint methods for the target's kind of secret. */
interface Endpoints {
  publicKey(): Answer;
  get(name: string): Answer;
  /** `again`, when given, seals the value anew for each attempt after the first (src/github/api.ts, Attempts). */
  put(name: string, sealed: Sealed, access: Access, again?: () => Promise<Sealed>): Answer;
  remove(name: string): Answer;
  list(page: number): Answer;
  selectedRepositories(name: string, page: number): Answer;
}

export function secretEndpoints(api: GitHubApi, t: SecretPlace): Endpoints {
  const send = api.request;
  const none = (): never => {
    throw new Error('only organisation secrets have selected repositories');
  };
  if (t.kind === 'repo') {
    const at = { owner: t.owner, repo: t.repo };
    return {
      // https://docs.github.com/rest/actions/secrets#get-a-repository-public-key
      publicKey: () => send('GET /repos/{owner}/{repo}/actions/secrets/public-key', at),
      // https://docs.github.com/rest/actions/secrets#get-a-repository-secret
      get: (name) => send('GET /repos/{owner}/{repo}/actions/secrets/{secret_name}', { ...at, secret_name: name }),
      // https://docs.github.com/rest/actions/secrets#create-or-update-a-repository-secret
      put: (name, sealed, _, again) =>
        send('PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}', {
          ...at,
          secret_name: name,
          ...sealed,
          request: { again },
        }),
      // https://docs.github.com/rest/actions/secrets#delete-a-repository-secret
      remove: (name) =>
        send('DELETE /repos/{owner}/{repo}/actions/secrets/{secret_name}', { ...at, secret_name: name }),
      // https://docs.github.com/rest/actions/secrets#list-repository-secrets
      list: (page) => send('GET /repos/{owner}/{repo}/actions/secrets', { ...at, per_page: 100, page }),
      selectedRepositories: none,
    };
  }
  if (t.kind === 'env') {
    const at = { owner: t.owner, repo: t.repo, environment_name: t.environment };
    return {
      // https://docs.github.com/rest/actions/secrets#get-an-environment-public-key
      publicKey: () => send('GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key', at),
      // https://docs.github.com/rest/actions/secrets#get-an-environment-secret
      get: (name) =>
        send('GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}', {
          ...at,
          secret_name: name,
        }),
      // https://docs.github.com/rest/actions/secrets#create-or-update-an-environment-secret
      put: (name, sealed, _, again) =>
        send('PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}', {
          ...at,
          secret_name: name,
          ...sealed,
          request: { again },
        }),
      // https://docs.github.com/rest/actions/secrets#delete-an-environment-secret
      remove: (name) =>
        send('DELETE /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}', {
          ...at,
          secret_name: name,
        }),
      // https://docs.github.com/rest/actions/secrets#list-environment-secrets
      list: (page) =>
        send('GET /repos/{owner}/{repo}/environments/{environment_name}/secrets', { ...at, per_page: 100, page }),
      selectedRepositories: none,
    };
  }
  const org = t.org;
  return {
    // https://docs.github.com/rest/actions/secrets#get-an-organization-public-key
    publicKey: () => send('GET /orgs/{org}/actions/secrets/public-key', { org }),
    // https://docs.github.com/rest/actions/secrets#get-an-organization-secret
    get: (name) => send('GET /orgs/{org}/actions/secrets/{secret_name}', { org, secret_name: name }),
    // https://docs.github.com/rest/actions/secrets#create-or-update-an-organization-secret
    put: (name, sealed, access, again) =>
      send('PUT /orgs/{org}/actions/secrets/{secret_name}', {
        org,
        secret_name: name,
        ...sealed,
        request: { again },
        visibility: access.visibility ?? 'private',
        ...(access.visibility === 'selected' ? { selected_repository_ids: access.selectedRepositoryIds ?? [] } : {}),
      }),
    // https://docs.github.com/rest/actions/secrets#delete-an-organization-secret
    remove: (name) => send('DELETE /orgs/{org}/actions/secrets/{secret_name}', { org, secret_name: name }),
    // https://docs.github.com/rest/actions/secrets#list-organization-secrets
    list: (page) => send('GET /orgs/{org}/actions/secrets', { org, per_page: 100, page }),
    // https://docs.github.com/rest/actions/secrets#list-selected-repositories-for-an-organization-secret
    selectedRepositories: (name, page) =>
      send('GET /orgs/{org}/actions/secrets/{secret_name}/repositories', {
        org,
        secret_name: name,
        per_page: 100,
        page,
      }),
  };
}

/** Sends a request, GitHub's refusal explained as `doing` failing. */
export async function sendExplained(api: GitHubApi, t: SecretPlace, doing: string, send: () => Answer): Answer {
  try {
    return await send();
  } catch (err) {
    throw explain(err, t, doing, api.wording);
  }
}
