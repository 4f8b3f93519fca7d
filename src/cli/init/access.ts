// Before any login: can the token do what the setup and its workflows need? Each need is proven the
// way the action proves it before a refresh (a sealed write of its check secret; a variable created and
// removed), and every one missing is named at once, with where to grant it.
import { UserError } from '../../core/errors.js';
import type { PublicKey } from '../../github/answers.js';
import { GitHubHttpError, type GitHubApi } from '../../github/api.js';
import { permissionName, type Resource } from '../../github/explain.js';
import { readPublicKey } from '../../github/public-key.js';
import { secretExists } from '../../github/secret-read.js';
import { checkWrite } from '../../github/secret-write.js';
import { describeTarget, type SecretTarget } from '../../github/target.js';
import { checkVariablesWrite } from '../../github/variables.js';

/** Where fine-grained tokens are made, on github.com. */
export const NEW_PAT_URL = 'https://github.com/settings/personal-access-tokens/new';

export interface Access {
  /** Whether the secret is there already. */
  exists: boolean;
}

/** A fine-grained permission, in GitHub's words, and why the setup needs it. */
interface Need {
  permission: string;
  why: string;
}

/** GitHub refused for want of a permission: a 403 that explain() turned into a line. */
function refused(err: unknown): boolean {
  const cause = err instanceof UserError ? err.cause : err;
  return cause instanceof GitHubHttpError && cause.status === 403;
}

/** The page that makes a fine-grained PAT on the GitHub the API belongs to (GHES, GHE.com too). */
export function newPatUrl(apiUrl: string): string {
  const { protocol, hostname, port } = new URL(apiUrl);
  if (hostname === 'api.github.com') return NEW_PAT_URL;
  const host = /^api\.([^.]+\.ghe\.com)$/.exec(hostname)?.[1] ?? hostname;
  return `${protocol}//${host}${port ? `:${port}` : ''}/settings/personal-access-tokens/new`;
}

/** The permissions the setup needs where the secret is: an environment's are under Environments. */
function needs(t: SecretTarget): { secrets: Need; variables: Need } {
  const need = (r: Resource, why: string): Need => ({ permission: `${permissionName(t, r)}: Read and write`, why });
  return {
    secrets: need('secrets', `store ${t.name} and rotate it`),
    variables: need('variables', 'the claims that keep two jobs from spending one login'),
  };
}

/** The lines after the error: every permission to grant, where, and the app route. */
function grantLines(t: SecretTarget & { kind: 'repo' | 'env' }, apiUrl: string): string[] {
  const n = needs(t);
  const wanted = [n.secrets, ...(n.variables.permission === n.secrets.permission ? [] : [n.variables])];
  return [
    `Give the token these repository permissions on ${t.owner}/${t.repo} (a fine-grained PAT):`,
    ...wanted.map((w) => `  ${w.permission.padEnd(30)} ${w.why}`),
    `  ${'Metadata: Read-only'.padEnd(30)} always included`,
    `  ${'Actions: Read-only'.padEnd(30)} for oauth-broker doctor (the rotation's runs)`,
    `Create one at ${newPatUrl(apiUrl)}, then set GH_TOKEN to it and run init again.`,
    'Or a GitHub App with those permissions, its token made in the workflow by actions/create-github-app-token.',
    'Nothing was logged in, and neither the secret nor a workflow was written.',
  ];
}

/**
 * Proves the token may read and write the secret and the variables beside it; refuses, naming every
 * permission missing, before anything is spent. Anything else GitHub refuses is its own error line.
 */
export async function checkAccess(api: GitHubApi, t: SecretTarget & { kind: 'repo' | 'env' }): Promise<Access> {
  const n = needs(t);
  const missing = new Set<string>();
  let exists = false;
  const probe = async (need: Need, check: () => Promise<void>): Promise<void> => {
    try {
      await check();
    } catch (err) {
      if (!refused(err)) throw err;
      missing.add(need.permission);
    }
  };
  let key: PublicKey | undefined;
  await probe(n.secrets, async () => {
    key = await readPublicKey(api, t);
    exists = await secretExists(api, t, t.name);
  });
  if (key) await probe(n.secrets, () => checkWrite(api, t, { key: key as PublicKey, updatedAt: '' }));
  await probe(n.variables, () =>
    checkVariablesWrite(api, t, 'oauth-broker init: a check that the token may write variables'),
  );
  if (missing.size > 0) {
    throw new UserError(
      'OB_GITHUB_ACCESS',
      `${api.wording.token}: the token cannot set up ${describeTarget(t)}: it lacks ${[...missing]
        .map((p) => `"${p}"`)
        .join(' and ')}.`,
      { details: grantLines(t, api.baseUrl) },
    );
  }
  return { exists };
}
