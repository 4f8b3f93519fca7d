// The issues of the workflow's repository, for alerts (src/action/alert.ts): the same client
// and retry hook as the secrets, with the job's own token. Answers are checked before use.
import { UserError } from '../core/errors.js';
import { neutral } from '../core/neutral.js';
import { GitHubHttpError, type GitHubApi } from './api.js';
import { malformed } from './answers.js';

/** An open alert issue: its number, and when it last changed (a comment counts), epoch ms. */
export interface OpenIssue {
  number: number;
  updatedAt: number;
}

type Answer = Promise<{ data: unknown }>;

// Sorted by last change: an alert still open was commented on by the run that last failed.
const PER_PAGE = 100;
const MAX_PAGES = 10;
// Anyone may open an issue in a public repository, marker and all: only one written by an app
// (the job's token is one) or by someone with write access is taken for the broker's.
const TRUSTED_AUTHORS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

// A create is not retried once GitHub may have acted: a second would be a duplicate (src/github/api.ts).
const ONCE = { once: true };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function isAlert(issue: unknown, marker: string): boolean {
  if (!isObject(issue) || 'pull_request' in issue) return false;
  const user = issue.user as { type?: unknown } | null | undefined;
  const trusted = user?.type === 'Bot' || TRUSTED_AUTHORS.has(String(issue.author_association));
  return trusted && typeof issue.body === 'string' && issue.body.includes(marker);
}

function numberOf(data: unknown, doing: string): number {
  const n = isObject(data) ? data.number : undefined;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) throw malformed(doing, 'the answer has no number');
  return n;
}

function updatedAtOf(issue: unknown, doing: string): number {
  const at = Date.parse(String(isObject(issue) ? issue.updated_at : undefined));
  if (!Number.isFinite(at)) throw malformed(doing, 'an issue has no updated_at');
  return at;
}

/** What to do about a refused issues call, by GitHub's status. */
function fixFor(status: number, repository: string): string {
  if (status === 0) return "check github-api-url and the runner's network";
  if (status === 401) return 'alert-token is invalid or expired; leave it at its default, github.token';
  if (status === 403) return 'give the job the permission issues: write (README: Alerts)';
  if (status === 404) return `check that alert-token can see ${repository}`;
  if (status === 410) return `issues are turned off in ${repository}; turn them on, or set alert: none`;
  return 'the next run tries again';
}

export class Issues {
  private readonly repository: string;

  constructor(
    private readonly api: GitHubApi,
    private readonly owner: string,
    private readonly repo: string,
  ) {
    this.repository = `${owner}/${repo}`;
  }

  /** The open issue whose body holds `marker`, from a trusted author. */
  async find(marker: string): Promise<OpenIssue | undefined> {
    const doing = `list the open issues of ${this.repository}`;
    for (let page = 1; page <= MAX_PAGES; page++) {
      const { data } = await this.call(doing, () =>
        // https://docs.github.com/rest/issues/issues#list-repository-issues
        this.api.request('GET /repos/{owner}/{repo}/issues', {
          owner: this.owner,
          repo: this.repo,
          state: 'open',
          sort: 'updated',
          direction: 'desc',
          per_page: PER_PAGE,
          page,
        }),
      );
      if (!Array.isArray(data)) throw malformed(doing, 'the answer is not a list');
      const found: unknown = data.find((issue) => isAlert(issue, marker));
      if (found) return { number: numberOf(found, doing), updatedAt: updatedAtOf(found, doing) };
      if (data.length < PER_PAGE) return undefined;
    }
    return undefined;
  }

  /** Opens an issue; its number. */
  async open(title: string, body: string): Promise<number> {
    const doing = `open an issue in ${this.repository}`;
    const at = { owner: this.owner, repo: this.repo };
    // https://docs.github.com/rest/issues/issues#create-an-issue
    const { data } = await this.call(doing, () =>
      this.api.request('POST /repos/{owner}/{repo}/issues', { ...at, title, body, request: ONCE }),
    );
    return numberOf(data, doing);
  }

  async comment(issue: number, body: string): Promise<void> {
    const at = { owner: this.owner, repo: this.repo, issue_number: issue };
    await this.call(`comment on issue #${issue} of ${this.repository}`, () =>
      // https://docs.github.com/rest/issues/comments#create-an-issue-comment
      this.api.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...at, body, request: ONCE }),
    );
  }

  /** Says why in a comment, then closes the issue as done. */
  async close(issue: number, body: string): Promise<void> {
    await this.comment(issue, body);
    const at = { owner: this.owner, repo: this.repo, issue_number: issue };
    await this.call(`close issue #${issue} of ${this.repository}`, () =>
      // https://docs.github.com/rest/issues/issues#update-an-issue
      this.api.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
        ...at,
        state: 'closed',
        state_reason: 'completed',
      }),
    );
  }

  private async call(doing: string, send: () => Answer): Answer {
    try {
      return await send();
    } catch (err) {
      if (!(err instanceof GitHubHttpError)) throw err;
      if (err.status >= 200 && err.status < 400) throw malformed(doing, `${err.githubMessage} (HTTP ${err.status})`);
      const said = err.status ? `GitHub answered ${err.status} ${neutral(err.githubMessage, 60)}` : err.githubMessage;
      const code = err.status === 401 || err.status === 403 ? 'OB_GITHUB_ACCESS' : 'OB_GITHUB';
      throw new UserError(code, `alert: could not ${doing}: ${said}; ${fixFor(err.status, this.repository)}.`, {
        cause: err,
      });
    }
  }
}
