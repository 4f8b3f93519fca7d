// A repository's Actions workflows and their last completed run, read for `oauth-broker doctor`: the
// rotation workflow exists, is enabled and last succeeded. Read-only; the token needs the repository
// permission "Actions: Read-only", which the broker itself never needs.
import { isJsonObject } from '../core/checks.js';
import type { GitHubApi } from './api.js';
import { malformed } from './answers.js';

export interface Workflow {
  id: number;
  name: string;
  /** `.github/workflows/FILE` */
  path: string;
  /** active, disabled_manually, disabled_inactivity, disabled_fork, deleted */
  state: string;
}

export interface WorkflowRun {
  /** success, failure, cancelled, timed_out, … */
  conclusion: string;
  /** When it was created, epoch ms. */
  createdAt: number;
  htmlUrl: string;
}

const PER_PAGE = 100;
// 1,000 workflows, and a bound on a server that never says it is done.
const MAX_PAGES = 10;

function workflowOf(item: unknown, doing: string, apiUrl: string): Workflow {
  if (
    !isJsonObject(item) ||
    !Number.isSafeInteger(item.id) ||
    typeof item.name !== 'string' ||
    typeof item.path !== 'string' ||
    typeof item.state !== 'string'
  ) {
    throw malformed(doing, 'the answer is not a list of workflows', apiUrl);
  }
  return { id: item.id as number, name: item.name, path: item.path, state: item.state };
}

/** Every workflow of the repository, every page read. */
export async function listWorkflows(api: GitHubApi, owner: string, repo: string): Promise<Workflow[]> {
  const doing = `list the workflows of ${owner}/${repo}`;
  const found: Workflow[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    // https://docs.github.com/rest/actions/workflows#list-repository-workflows
    const { data } = await api.request('GET /repos/{owner}/{repo}/actions/workflows', {
      owner,
      repo,
      per_page: PER_PAGE,
      page,
    });
    const items = isJsonObject(data) && Array.isArray(data.workflows) ? (data.workflows as unknown[]) : undefined;
    if (!items) throw malformed(doing, 'the answer has no list of workflows', api.wording.apiUrl);
    for (const item of items) found.push(workflowOf(item, doing, api.wording.apiUrl));
    const total = Number.isSafeInteger(data.total_count) ? data.total_count : undefined;
    if (items.length < PER_PAGE || (total !== undefined && found.length >= total)) return found;
  }
  throw malformed(doing, `the list did not end after ${MAX_PAGES} pages`, api.wording.apiUrl);
}

/** The workflow's newest completed run, whatever its branch or event; undefined when it never completed one. */
export async function lastCompletedRun(
  api: GitHubApi,
  owner: string,
  repo: string,
  workflow: Workflow,
): Promise<WorkflowRun | undefined> {
  const doing = `list the runs of ${workflow.path}`;
  // https://docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-workflow (newest first)
  const { data } = await api.request('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', {
    owner,
    repo,
    workflow_id: workflow.id,
    status: 'completed',
    per_page: 1,
  });
  const runs = isJsonObject(data) && Array.isArray(data.workflow_runs) ? (data.workflow_runs as unknown[]) : undefined;
  if (!runs) throw malformed(doing, 'the answer has no list of runs', api.wording.apiUrl);
  const run = runs[0];
  if (run === undefined) return undefined;
  const createdAt = isJsonObject(run) && typeof run.created_at === 'string' ? Date.parse(run.created_at) : NaN;
  if (!isJsonObject(run) || typeof run.html_url !== 'string' || !Number.isFinite(createdAt)) {
    throw malformed(doing, 'the answer is not a workflow run', api.wording.apiUrl);
  }
  return {
    conclusion: typeof run.conclusion === 'string' ? run.conclusion : 'unknown',
    createdAt,
    htmlUrl: run.html_url,
  };
}
