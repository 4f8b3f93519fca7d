/**
 * A repository's Actions workflows and their runs, as the GitHub stand-in serves them: the list of
 * workflows (with `state`), and the runs of one workflow (by id or file name), newest first, filtered
 * by `status` (a status or a conclusion, as GitHub's parameter takes either) and paged. Every answer
 * is typed by GitHub's OpenAPI description, so a field GitHub renames or retypes fails the typecheck.
 */
import { type Answer, type Data, notFound, paged } from './github-answers.js';

type WorkflowJson = Data<'GET /repos/{owner}/{repo}/actions/workflows'>['workflows'][number];
type RunJson = Data<'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs'>['workflow_runs'][number];

export type WorkflowState = WorkflowJson['state'];

export interface StoredWorkflow {
  id: number;
  name: string;
  /** `.github/workflows/FILE` */
  path: string;
  state: WorkflowState;
  created_at: string;
  runs: StoredRun[];
}

export interface StoredRun {
  id: number;
  /** queued, in_progress, completed, … */
  status: string;
  /** success, failure, cancelled, …; null until completed */
  conclusion: string | null;
  event: string;
  created_at: string;
}

type JobJson = Data<'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs'>['jobs'][number];
export type JobStatus = JobJson['status'];

/** A job of a run attempt, on the runner it ran on. */
export interface StoredJob {
  id: number;
  run: number;
  attempt: number;
  runner: string;
  status: JobStatus;
  created_at: string;
}

/** What a workflow route needs of the repository it is under. */
export interface WorkflowRepo {
  id: number;
  fullName: string;
  workflows: StoredWorkflow[];
  jobs: StoredJob[];
}

/** GitHub's pages of workflows and of runs: 30 unless asked, at most 100. */
const PAGES = { perPage: 30, max: 100 };

function user(base: string, login: string): RunJson['actor'] & object {
  const url = `${base}/users/${login}`;
  return {
    login,
    id: 1,
    node_id: 'MDQ6VXNlcjE=',
    avatar_url: `https://avatars.example/u/1`,
    gravatar_id: '',
    url,
    html_url: `https://github.example/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: 'User',
    site_admin: false,
  };
}

/** GitHub's minimal-repository: the repository a run belongs to, every URL it lists. */
function minimalRepository(base: string, repo: WorkflowRepo): RunJson['repository'] {
  const url = `${base}/repos/${repo.fullName}`;
  const [owner = '', name = ''] = repo.fullName.split('/');
  return {
    id: repo.id,
    node_id: `R_${repo.id}`,
    name,
    full_name: repo.fullName,
    owner: user(base, owner),
    private: true,
    html_url: `https://github.example/${repo.fullName}`,
    description: null,
    fork: false,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    stargazers_url: `${url}/stargazers`,
    statuses_url: `${url}/statuses/{sha}`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: `${url}/git/trees{/sha}`,
    hooks_url: `${url}/hooks`,
  };
}

function workflowJson(base: string, repo: WorkflowRepo, w: StoredWorkflow): WorkflowJson {
  const html = `https://github.example/${repo.fullName}`;
  return {
    id: w.id,
    node_id: `W_${w.id}`,
    name: w.name,
    path: w.path,
    state: w.state,
    created_at: w.created_at,
    updated_at: w.created_at,
    url: `${base}/repos/${repo.fullName}/actions/workflows/${w.id}`,
    html_url: `${html}/blob/main/${w.path}`,
    badge_url: `${html}/workflows/${encodeURIComponent(w.name)}/badge.svg`,
  };
}

function runJson(base: string, repo: WorkflowRepo, w: StoredWorkflow, r: StoredRun, n: number): RunJson {
  const url = `${base}/repos/${repo.fullName}/actions/runs/${r.id}`;
  const minimal = minimalRepository(base, repo);
  return {
    id: r.id,
    name: w.name,
    node_id: `WFR_${r.id}`,
    head_branch: 'main',
    head_sha: '0'.repeat(40),
    path: w.path,
    run_number: n,
    event: r.event,
    status: r.status,
    conclusion: r.conclusion,
    workflow_id: w.id,
    url,
    html_url: `https://github.example/${repo.fullName}/actions/runs/${r.id}`,
    pull_requests: [],
    created_at: r.created_at,
    updated_at: r.created_at,
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${base}/repos/${repo.fullName}/check-suites/${r.id}`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    workflow_url: `${base}/repos/${repo.fullName}/actions/workflows/${w.id}`,
    head_commit: null,
    repository: minimal,
    head_repository: minimal,
    display_title: w.name,
  };
}

/** GET …/actions/workflows: every workflow GitHub knows, by id, paged. */
export function listWorkflows(base: string, repo: WorkflowRepo, query: string): Answer {
  const all = [...repo.workflows].sort((a, b) => a.id - b.id);
  const { items, headers } = paged(all, query, `${base}/repos/${repo.fullName}/actions/workflows`, PAGES);
  const body = {
    total_count: all.length,
    workflows: items.map((w) => workflowJson(base, repo, w)),
  } satisfies Data<'GET /repos/{owner}/{repo}/actions/workflows'>;
  return { status: 200, body, ...(headers ? { headers } : {}) };
}

/** GET …/actions/workflows/{id or file}/runs: newest first, `status` matching a status or a conclusion. */
export function listRuns(base: string, repo: WorkflowRepo, workflow: string, query: string): Answer {
  const w = repo.workflows.find((x) => String(x.id) === workflow || x.path.split('/').pop() === workflow);
  if (!w) return notFound();
  const status = new URLSearchParams(query).get('status');
  const numbered = w.runs.map((r, i) => ({ r, n: i + 1 }));
  const all = numbered.filter(({ r }) => !status || r.status === status || r.conclusion === status).reverse();
  const url = `${base}/repos/${repo.fullName}/actions/workflows/${w.id}/runs`;
  const { items, headers } = paged(all, query, url, PAGES);
  const body = {
    total_count: all.length,
    workflow_runs: items.map(({ r, n }) => runJson(base, repo, w, r, n)),
  } satisfies Data<'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs'>;
  return { status: 200, body, ...(headers ? { headers } : {}) };
}

function jobJson(base: string, repo: WorkflowRepo, j: StoredJob): JobJson {
  const run = `${base}/repos/${repo.fullName}/actions/runs/${j.run}`;
  return {
    id: j.id,
    run_id: j.run,
    run_url: run,
    run_attempt: j.attempt,
    node_id: `CR_${j.id}`,
    head_sha: '0'.repeat(40),
    url: `${base}/repos/${repo.fullName}/actions/jobs/${j.id}`,
    html_url: `https://github.example/${repo.fullName}/actions/runs/${j.run}/job/${j.id}`,
    status: j.status,
    conclusion: j.status === 'completed' ? 'failure' : null,
    created_at: j.created_at,
    started_at: j.created_at,
    completed_at: j.status === 'completed' ? j.created_at : null,
    name: 'agent',
    steps: [],
    check_run_url: `${base}/repos/${repo.fullName}/check-runs/${j.id}`,
    labels: ['ubuntu-latest'],
    runner_id: 1,
    runner_name: j.runner,
    runner_group_id: 1,
    runner_group_name: 'GitHub Actions',
    workflow_name: 'agent',
    head_branch: 'main',
  };
}

/** GET …/actions/runs/{run_id}/attempts/{attempt_number}/jobs: a run GitHub does not know is a 404. */
export function listJobs(base: string, repo: WorkflowRepo, run: string, attempt: string, query: string): Answer {
  if (!repo.jobs.some((j) => String(j.run) === run)) return notFound();
  const all = repo.jobs.filter((j) => String(j.run) === run && String(j.attempt) === attempt);
  const url = `${base}/repos/${repo.fullName}/actions/runs/${run}/attempts/${attempt}/jobs`;
  const { items, headers } = paged(all, query, url, PAGES);
  const body = {
    total_count: all.length,
    jobs: items.map((j) => jobJson(base, repo, j)),
  } satisfies Data<'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs'>;
  return { status: 200, body, ...(headers ? { headers } : {}) };
}
