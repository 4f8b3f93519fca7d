// The rotation workflow with alert: issue (src/action/alert.ts) against the stand-ins: the job tokens
// with and without issues: write, the step's inputs, and what the broker wrote to GitHub's issues.
import type { StoredIssue } from './github-server.js';
import { fakeToken } from './fake-tokens.js';
import { jobs, type Seeded } from './jobs.js';
import { inputSecrets, leaks } from './leaks.js';
import type { RunResult } from './runner.js';
import { HOUR, REPO, SECRET, type UsedStandIns } from './stand-ins.js';

export const DAY = 24 * HOUR;

/** The command the alert tells its reader to run. */
export const RELOGIN =
  'oauth-broker login --provider anthropic --out - | ' +
  'oauth-broker seed --repo octo/app --secret CLAUDE_CREDENTIALS --from -';

/** The command lines of a kind (`error`, `warning`), their data unescaped. */
export function commandLines(r: RunResult, kind: string): string[] {
  const plain = (l: string): string => l.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
  return r.stdout
    .split('\n')
    .filter((l) => l.startsWith(`::${kind}::`))
    .map((l) => plain(l.slice(kind.length + 4)));
}

/** No minted token, PAT or job token, nor 8 characters of one, in what the broker wrote to GitHub. */
export function expectNoSecretIn(issues: StoredIssue[], inputs?: Record<string, string>): void {
  const text = issues.flatMap((i) => [i.title, i.body, ...i.comments.map((c) => c.body)]).join('\n');
  expect(leaks({ stdout: text, stderr: '', summary: '' }, inputSecrets(inputs))).toEqual([]);
}

/** The job tokens (known to GitHub before each test), the seed and the rotation step over the stand-ins `si`. */
export function useAlertJob(si: UsedStandIns, pat: string) {
  /** The job's own GITHUB_TOKEN, given issues: write by the workflow. */
  const JOB = fakeToken('app-token');
  const READ_ONLY_JOB = fakeToken('app-token');
  const NO_ISSUES_JOB = fakeToken('app-token');
  beforeEach(() => {
    si.gh.addToken(JOB, { kind: 'job', issues: 'write' });
    si.gh.addToken(READ_ONLY_JOB, { kind: 'job', issues: 'read' });
    si.gh.addToken(NO_ISSUES_JOB, { kind: 'job', issues: 'none' });
  });
  const j = jobs(si, pat);

  /** Claude Code credentials for a live refresh token, stored in the secret (a new login, as seed would store it). */
  const seed = (ttlMs = -HOUR): Seeded => j.seed({ repo: REPO }, ttlMs);

  /** The rotation workflow's step, with alert: issue. */
  function rotation(s: Seeded, extra: Record<string, string> = {}): Record<string, string> {
    return {
      credentials: s.credentials,
      mode: 'refresh',
      'secret-name': SECRET,
      'github-token': pat,
      'github-api-url': si.gh.url,
      'token-url': si.oauth.tokenUrl,
      'env-name': 'none',
      alert: 'issue',
      'alert-token': JOB,
      ...extra,
    };
  }

  const issueCalls = (): string[] =>
    si.gh.requests.filter((r) => r.path.includes('/issues')).map((r) => `${r.method} ${r.path} ${r.status}`);

  /** The provider refuses the refresh token, quoting what it was given and more. */
  function refuse(description: string): void {
    si.oauth.faults.push({
      status: 400,
      body: JSON.stringify({ error: 'invalid_grant', error_description: description }),
    });
  }

  return { JOB, READ_ONLY_JOB, NO_ISSUES_JOB, seed, rotation, issueCalls, refuse };
}
