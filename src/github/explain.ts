// GitHub's refusals, explained: the error line names the setting that is wrong (as the caller's
// wording calls it), what happened and the fix; where and GitHub's whole message follow it.
import { type ErrorCode, GITHUB_TOKEN_CANNOT, MAX_ERROR_LINE, UserError } from '../core/errors.js';
import { neutral } from '../core/neutral.js';
import { GitHubHttpError } from './api.js';
import { malformed } from './answers.js';
import { ACTION_WORDING, describeTarget, type SecretPlace, type SecretTarget } from './target.js';

export function where(t: SecretPlace): string {
  if (t.kind === 'repo') return `repository ${t.owner}/${t.repo}`;
  if (t.kind === 'env') return `environment ${t.environment} of ${t.owner}/${t.repo}`;
  return `organization ${t.org}`;
}

/** What a request touches: the secrets, or the Actions variables the claims are (docs/design.md, "Coordination"). */
export type Resource = 'secrets' | 'variables';

/** The fine-grained permission a write there needs: an environment's are under Environments. */
export function permissionName(t: SecretPlace, r: Resource): string {
  if (t.kind === 'env') return 'Environments';
  return r === 'secrets' ? 'Secrets' : 'Variables';
}

/** The permission, in as few words as the error line can take. */
function permissionShort(t: SecretPlace, r: Resource = 'secrets'): string {
  return `${t.kind === 'org' ? 'organization ' : ''}"${permissionName(t, r)}: Read and write"`;
}

export function permission(t: SecretPlace, r: Resource = 'secrets'): string {
  return `${t.kind === 'org' ? 'organization' : 'repository'} permission "${permissionName(t, r)}: Read and write"`;
}

// The error line quotes at most this much of GitHub's message; the lines after it, the whole.
const QUOTED_CHARS = 60;

/**
 * Turns a GitHub failure into an error line naming the setting (as `w` calls it), what happened
 * and the fix, with where the secret is and GitHub's whole message in the lines after it.
 */
export function explain(
  err: unknown,
  t: SecretPlace | SecretTarget,
  doing: string,
  w = ACTION_WORDING,
  r: Resource = 'secrets',
): Error {
  if (!(err instanceof GitHubHttpError)) return err as Error;
  if (err.status >= 200 && err.status < 400)
    return malformed(doing, `${err.githubMessage} (HTTP ${err.status})`, w.apiUrl);
  // GitHub answers every refusal with its JSON `message`: an answer without one is another server's.
  if (err.foreign && err.status >= 400 && err.status < 500)
    return malformed(doing, `the answer (HTTP ${err.status}) is not GitHub's`, w.apiUrl);
  const message = neutral(err.githubMessage, QUOTED_CHARS);
  const answered = err.status ? `GitHub answered ${err.status}` : 'GitHub could not be reached';
  const said = `${answered}${err.status ? ' ' : ': '}${message}`;
  const fail = (input: string, fix: string, more: string[] = [], code: ErrorCode = 'OB_GITHUB_ACCESS'): UserError => {
    const full = `${input}: could not ${doing}: ${said}; ${fix}.`;
    const quoted = full.length <= MAX_ERROR_LINE;
    const label = err.status ? "GitHub's message" : 'Why';
    const whole = quoted && message === err.githubMessage ? [] : [`${label}: ${err.githubMessage}`];
    const secret = 'name' in t ? [`The secret: ${describeTarget(t)}.`] : [];
    return new UserError(code, quoted ? full : `${input}: could not ${doing}: ${answered}; ${fix}.`, {
      cause: err,
      details: [...secret, ...whole, ...more],
    });
  };
  switch (err.status) {
    case 0:
      return fail(w.apiUrl, `check ${w.apiUrl} and ${w.network}`, [], 'OB_GITHUB');
    case 401:
      return fail(w.token, 'the token is invalid or expired; create a new one', [
        `It needs the ${permission(t, r)} on ${where(t)}.`,
      ]);
    case 403:
      if (/by integration/i.test(err.githubMessage)) {
        return fail(w.token, "use a fine-grained PAT, not the job's GITHUB_TOKEN", [
          GITHUB_TOKEN_CANNOT,
          `The permission needed: the ${permission(t, r)} on ${where(t)}.`,
        ]);
      }
      return fail(w.token, `give it the permission ${permissionShort(t, r)}`, [
        `It needs the ${permission(t, r)} on ${where(t)}.`,
      ]);
    case 404:
      return fail(w.place[t.kind], `check the name, and that ${w.token} has access to it`);
    default:
      return fail(
        w.apiUrl,
        'run again later',
        [`If this persists, check that ${w.apiUrl} is GitHub's API.`],
        'OB_GITHUB',
      );
  }
}
