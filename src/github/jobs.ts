// Whether a job of a workflow run has ended, read from the jobs of its run attempt: a CLI's claim lasts
// until its job's post step or the job's end (docs/design.md, "The claim"). The token needs "Actions:
// Read-only" on the job's repository; without it the claim's lease ends it instead.
import { isJsonObject } from '../core/checks.js';
import type { GitHubApi } from './api.js';
import { malformed } from './answers.js';

/** A job, as its claim names it: its run attempt, and the runner it runs on. */
export interface JobRef {
  /** owner/name */
  repo: string;
  run: number;
  attempt: number;
  runner: string;
}

const PER_PAGE = 100;
// A run attempt has at most 256 jobs of a matrix, and a few more; a bound on a server that never ends.
const MAX_PAGES = 5;

/** This job, from the runner's variables; undefined outside a runner that names them all. */
export function thisJob(env: Record<string, string | undefined>): JobRef | undefined {
  const job = {
    repo: env.GITHUB_REPOSITORY ?? '',
    run: Number(env.GITHUB_RUN_ID),
    attempt: Number(env.GITHUB_RUN_ATTEMPT),
    runner: env.RUNNER_NAME ?? '',
  };
  return isJobRef(job) ? job : undefined;
}

export function isJobRef(v: unknown): v is JobRef {
  if (!isJsonObject(v)) return false;
  const { repo, run, attempt, runner } = v;
  return (
    typeof repo === 'string' &&
    /^[\w.-]{1,100}\/[\w.-]{1,100}$/.test(repo) &&
    Number.isSafeInteger(run) &&
    (run as number) > 0 &&
    Number.isSafeInteger(attempt) &&
    (attempt as number) > 0 &&
    typeof runner === 'string' &&
    runner.length > 0 &&
    runner.length <= 200
  );
}

/**
 * Whether the job has surely ended: its run attempt has a job on its runner, and every such job is
 * completed (a self-hosted runner may run several of one attempt, one after another).
 */
export async function jobEnded(api: GitHubApi, job: JobRef): Promise<boolean> {
  const [owner, repo] = job.repo.split('/') as [string, string];
  const doing = `list the jobs of run ${job.run}`;
  let onRunner = 0;
  for (let page = 1; page <= MAX_PAGES; page++) {
    // https://docs.github.com/rest/actions/workflow-jobs#list-jobs-for-a-workflow-run-attempt
    const { data } = await api.request(
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs',
      {
        owner,
        repo,
        run_id: job.run,
        attempt_number: job.attempt,
        per_page: PER_PAGE,
        page,
        // Not retried: a waiting job asks again later, its lock-timeout running meanwhile.
        request: { once: true },
      },
    );
    const jobs = isJsonObject(data) && Array.isArray(data.jobs) ? (data.jobs as unknown[]) : undefined;
    if (!jobs) throw malformed(doing, 'the answer has no list of jobs', api.wording.apiUrl);
    for (const j of jobs) {
      if (!isJsonObject(j) || j.runner_name !== job.runner) continue;
      if (j.status !== 'completed') return false;
      onRunner++;
    }
    if (jobs.length < PER_PAGE) return onRunner > 0;
  }
  return false;
}
