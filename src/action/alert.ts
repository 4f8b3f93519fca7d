// alert: issue (README: Alerts). A run that fails opens one issue about its secret in the
// workflow's repository, or comments on the one open; so does a run that finds the refresh
// token itself expiring within days; the next run that succeeds closes it. Loaded only with
// alert: issue. It never changes the step's result: whatever fails here is one warning line.
import { describeExpiry } from '../core/duration.js';
import { describeError, redact, type Reported } from '../core/errors.js';
import type { Env } from '../core/env.js';
import { neutral } from '../core/neutral.js';
import { GitHubApi } from '../github/api.js';
import { Issues } from '../github/issues.js';
import { code, codeBlock } from '../github/markdown.js';
import { reloginCommand, type SecretTarget } from '../github/target.js';
import { githubDeps, type Deps } from './deps.js';
import type { AlertConfig, Config } from './inputs.js';
import type { Masker } from './mask.js';

/** Why a run raises the alert: it failed (what the log showed), or its refresh token expires soon. */
export type Problem = { failed: Reported } | { refreshExpiresAt: number };

// A login about to expire is said again once a day, not on every scheduled run.
const REMIND_AFTER_MS = 86_400_000;
// The log's lines, not all of a long story: GitHub takes bodies of at most 65536 characters.
const MAX_LINES = 40;
const MAX_LINE_CHARS = 1000;
const NEVER_A_SECRET = 'oauth-broker never writes a secret here.';

/** Opens, comments on or closes the issue about the target; a failure to is a warning, nothing more. */
export async function updateAlert(
  deps: Deps,
  cfg: Config,
  alert: AlertConfig,
  masker: Masker,
  problem?: Problem,
): Promise<void> {
  const { core } = deps;
  const repository = `${alert.owner}/${alert.repo}`;
  const run = runLink(deps.env, repository);
  try {
    // Only a PAT sends its expiry, and the warning about it names github-token.
    const api = new GitHubApi(cfg.githubApiUrl, alert.token, { ...githubDeps(deps), warning: () => undefined });
    const issues = new Issues(api, alert.owner, alert.repo);
    const marker = markerOf(alert.target);
    const open = await issues.find(marker);
    if (!problem) {
      if (!open) return;
      await issues.close(open.number, `This is resolved: ${run ?? 'a later run'} succeeded. Closing.`);
      core.info(`Closed issue #${open.number} of ${repository}: this run succeeded.`);
      return;
    }
    if ('refreshExpiresAt' in problem && open && deps.now() - open.updatedAt < REMIND_AFTER_MS) {
      core.info(`Issue #${open.number} of ${repository} is open and was updated within a day; not commenting again.`);
      return;
    }
    // What the log showed is redacted already; the whole body is too, against every value masked.
    const body = redact(bodyOf(cfg, alert.target, problem, run, deps.now()), masker.values);
    if (open) {
      await issues.comment(open.number, body);
      core.info(`Commented on issue #${open.number} of ${repository}, which is about ${alert.target.name}.`);
    } else {
      const number = await issues.open(redact(titleOf(alert, problem), masker.values), `${marker}\n${body}`);
      core.info(`Opened issue #${number} of ${repository} about ${alert.target.name}.`);
    }
  } catch (err) {
    core.warning(describeError(err, masker.values));
  }
}

/**
 * What identifies the issue of a target: a comment, hidden in its body, whole, so no name is
 * taken for another it begins. Names are compared as GitHub does, whatever their case; an
 * environment's is encoded, so no name can end the comment.
 */
function markerOf(t: SecretTarget): string {
  const at =
    t.kind === 'org'
      ? `org/${t.org}`
      : `${t.kind}/${t.owner}/${t.repo}${t.kind === 'env' ? `/${encodeURIComponent(t.environment)}` : ''}`;
  return `<!-- oauth-broker-alert: ${at.toLowerCase()}/${t.name.toLowerCase()} -->`;
}

/** An issue title is plain text: only a name an input gave that may hold anything is made one plain line. */
function titleOf(alert: AlertConfig, problem: Problem): string {
  const t = alert.target;
  let scope = '';
  if (t.kind === 'env') scope = ` (environment ${neutral(t.environment, 60)})`;
  else if (t.kind === 'org') scope = ` (organization ${t.org})`;
  else if (`${t.owner}/${t.repo}`.toLowerCase() !== `${alert.owner}/${alert.repo}`.toLowerCase())
    scope = ` (${t.owner}/${t.repo})`;
  const what =
    'failed' in problem
      ? 'could not be rotated'
      : `needs a new login by ${new Date(problem.refreshExpiresAt).toISOString().slice(0, 10)}`;
  return `oauth-broker: ${t.name}${scope} ${what}`;
}

/** The secret, in Markdown: every name in code, where nothing in it is a mention, link or markup. */
function describe(t: SecretTarget): string {
  const name = code(t.name);
  if (t.kind === 'org') return `the organization secret ${name} of ${code(t.org)}`;
  const repo = code(`${t.owner}/${t.repo}`);
  if (t.kind === 'repo') return `the repository secret ${name} of ${repo}`;
  return `the environment secret ${name} of ${repo} (environment ${code(neutral(t.environment, 200))})`;
}

/** A link to this run, built from the runner's variables only when each is what the runner sets. */
function runLink(env: Env, repository: string): string | undefined {
  const id = env.GITHUB_RUN_ID ?? '';
  let server: URL;
  try {
    server = new URL(env.GITHUB_SERVER_URL ?? '');
  } catch {
    return undefined;
  }
  if (!/^\d{1,20}$/.test(id) || !['https:', 'http:'].includes(server.protocol)) return undefined;
  const base = `${server.origin}${server.pathname.replace(/\/+$/, '')}`;
  return `[run ${id}](${base}/${repository}/actions/runs/${id})`;
}

function bodyOf(cfg: Config, t: SecretTarget, problem: Problem, run: string | undefined, now: number): string {
  const seen = run ?? 'a workflow run';
  const relogin = codeBlock(reloginCommand(cfg.provider.id, t), 'sh');
  if ('failed' in problem) {
    const { line, details } = problem.failed;
    const shown = [line, ...details].slice(0, MAX_LINES).map((l) => neutral(l, MAX_LINE_CHARS));
    return [
      `oauth-broker could not rotate ${describe(t)} in ${seen}. What failed, as the log shows it:`,
      codeBlock(shown.join('\n'), 'text'),
      '**What to do.** The first line above names the fix; most failures need only that, then a re-run. ' +
        'If it says to log in again (the stored refresh token is spent, revoked or expired), make a new login ' +
        'for CI and store it (README: First login):',
      relogin,
      `The next run that succeeds closes this issue. ${NEVER_A_SECRET}`,
    ].join('\n\n');
  }
  return [
    `The refresh token in ${describe(t)} ${describeExpiry(problem.refreshExpiresAt, now)}, as its provider ` +
      `said when it issued it (seen in ${seen}). Runs go on working until then; after that, the login is lost.`,
    '**What to do.** Make a new login for CI before then and store it (README: First login):',
    relogin,
    `The next run that succeeds after that closes this issue. ${NEVER_A_SECRET}`,
  ].join('\n\n');
}
