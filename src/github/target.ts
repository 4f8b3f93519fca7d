// Which secret the rotated credentials go to; named in logs without loading the REST client.
import { checkMatches, conflict, invalid, quote } from '../core/checks.js';
import { neutral } from '../core/neutral.js';

/** Where secrets are kept: a repository, one of its environments, or an organisation. */
export type SecretPlace =
  | { kind: 'repo'; owner: string; repo: string }
  | { kind: 'env'; owner: string; repo: string; environment: string }
  | { kind: 'org'; org: string };

export type SecretTarget = SecretPlace & { name: string };

export function describeTarget(t: SecretTarget): string {
  if (t.kind === 'repo') return `repository secret ${t.name} of ${t.owner}/${t.repo}`;
  if (t.kind === 'env') return `environment secret ${t.name} of ${t.owner}/${t.repo} (environment ${t.environment})`;
  return `organization secret ${t.name} of ${t.org}`;
}

/**
 * A claim of the earlier format, or its settled twin (secrets, before claims were variables): what
 * the broker deletes when it finds them (src/action/sweep.ts).
 */
export const CLAIM_NAME = /^OAUTH_BROKER_([0-9A-F]{20})_(\d+)(_S)?$/i;

/** The one secret the broker writes beside the targets of a place: written before a token is spent. */
export const WRITE_CHECK = 'OAUTH_BROKER_WRITE_CHECK';

/** What error lines call the settings that name the secret and reach GitHub: inputs, or CLI options. */
export interface Wording {
  /** The secret's name. */
  name: string;
  /** Where it is, for each kind of place. */
  place: Record<SecretPlace['kind'], string>;
  /** Where the token came from. */
  token: string;
  apiUrl: string;
  /** The network a request to GitHub crosses. */
  network: string;
}

/** The action's inputs. */
export const ACTION_WORDING: Wording = {
  name: 'secret-name',
  place: { repo: 'secret-repository', env: 'secret-environment', org: 'secret-org' },
  token: 'github-token',
  apiUrl: 'github-api-url',
  network: "the runner's network",
};

// GitHub's rule: letters, digits and underscores, not starting with a digit or GITHUB_.
const SECRET_NAME = /^(?!github_)[a-z_][a-z0-9_]*$/i;
/** owner/name. */
export const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const SECRET_NAME_FIX = 'use letters, digits and underscores, not starting with a digit or GITHUB_';

/** A secret name GitHub accepts, and not one of the broker's own claims. */
export function checkSecretName(name: string, w: Pick<Wording, 'name'>): string {
  checkMatches(w.name, name, SECRET_NAME, 'a valid secret name', SECRET_NAME_FIX);
  if (CLAIM_NAME.test(name) || name.toUpperCase() === WRITE_CHECK)
    throw invalid(w.name, `${quote(name)} is named like one of the broker's own secrets`, 'choose another');
  return name;
}

/** Where the secret is: an organisation, else a repository (owner/name) or one of its environments. */
export function checkPlace(
  p: { repository: string; environment?: string; org?: string },
  w: Pick<Wording, 'place'>,
): SecretPlace {
  const { environment, org } = p;
  if (environment && org) {
    throw conflict(
      `${w.place.env} and ${w.place.org}`,
      'an environment secret belongs to a repository, an organization secret to an organization',
      'give at most one',
    );
  }
  if (org) return { kind: 'org', org: checkMatches(w.place.org, org, /^[A-Za-z0-9-]+$/, 'an organization login') };
  checkMatches(w.place.repo, p.repository, REPO, 'owner/name');
  // The name is printed in log lines and the summary: one plain line.
  if (environment && neutral(environment) !== environment)
    throw invalid(w.place.env, `${quote(environment)} is not an environment name`);
  const [owner, repo] = p.repository.split('/');
  return environment ? { kind: 'env', owner, repo, environment } : { kind: 'repo', owner, repo };
}

/** A word for a POSIX shell: as it is when plain, else single-quoted. */
export function shellWord(s: string): string {
  return /^[A-Za-z0-9_.,:/@%+=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The CLI commands that make a new login and store it in the target (README: First login). */
export function reloginCommand(provider: string, t: SecretTarget): string {
  let where = t.kind === 'org' ? `--org ${t.org}` : `--repo ${t.owner}/${t.repo}`;
  where += ` --secret ${t.name}`;
  if (t.kind === 'env') where += ` --environment ${shellWord(t.environment)}`;
  return `oauth-broker login --provider ${provider} --out - | oauth-broker seed ${where} --from -`;
}
