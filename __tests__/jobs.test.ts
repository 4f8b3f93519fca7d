// Whether a CLI's job has ended (src/github/jobs.ts), asked of the GitHub stand-in: the jobs of the run
// attempt on the runner the claim names, every page read; and the job a runner's variables name.
import { GitHubApi } from '../src/github/api.js';
import { isJobRef, jobEnded, thisJob } from '../src/github/jobs.js';
import { fakeToken } from './support/fake-tokens.js';
import { startGitHubServer, type GitHubServer } from './support/github-server.js';

const PAT = fakeToken('pat');
const REPO = 'octo/app';
const RUNNER = 'runner-1';
let gh: GitHubServer;

beforeEach(async () => {
  gh = await startGitHubServer();
  gh.addRepo(REPO);
  gh.addToken(PAT, { kind: 'pat' });
});
afterEach(async () => gh.close());

const api = (): GitHubApi =>
  new GitHubApi(gh.url, PAT, {
    fetch: globalThis.fetch,
    now: Date.now,
    sleep: async () => undefined,
    info: () => undefined,
    warning: () => undefined,
    retryBaseMs: 1,
    timeoutMs: 5_000,
  });
const ended = (attempt = 1): Promise<boolean> => jobEnded(api(), { repo: REPO, run: 9, attempt, runner: RUNNER });

describe('a job has ended', () => {
  it('when every job of its attempt on its runner is completed', async () => {
    const first = gh.addJob(REPO, { run: 9, attempt: 1, runner: RUNNER });
    expect(await ended()).toBe(false);
    gh.setJobStatus(REPO, first, 'completed');
    expect(await ended()).toBe(true);
    // A self-hosted runner took a later job of the same attempt: it may be the claim's.
    gh.addJob(REPO, { run: 9, attempt: 1, runner: RUNNER, status: 'queued' });
    expect(await ended()).toBe(false);
  });

  it('not when no job of that attempt ran on its runner, nor when the run is unknown', async () => {
    gh.addJob(REPO, { run: 9, attempt: 2, runner: RUNNER, status: 'completed' });
    gh.addJob(REPO, { run: 9, attempt: 1, runner: 'runner-2', status: 'completed' });
    expect(await ended(1)).toBe(false);
    await expect(jobEnded(api(), { repo: REPO, run: 10, attempt: 1, runner: RUNNER })).rejects.toThrow(/404/);
  });

  it('every page read: a matrix of 150 jobs', async () => {
    for (let i = 0; i < 149; i++) gh.addJob(REPO, { run: 9, attempt: 1, runner: `other-${i}`, status: 'completed' });
    const last = gh.addJob(REPO, { run: 9, attempt: 1, runner: RUNNER });
    expect(await ended()).toBe(false);
    gh.setJobStatus(REPO, last, 'completed');
    expect(await ended()).toBe(true);
  });
});

describe('the job a claim names', () => {
  const env = { GITHUB_REPOSITORY: REPO, GITHUB_RUN_ID: '9', GITHUB_RUN_ATTEMPT: '1', RUNNER_NAME: 'GitHub Actions 3' };

  it("is the runner's: repository, run, attempt and runner", () => {
    expect(thisJob(env)).toEqual({ repo: REPO, run: 9, attempt: 1, runner: 'GitHub Actions 3' });
  });

  it.each([
    ['no attempt', { ...env, GITHUB_RUN_ATTEMPT: undefined }],
    ['no runner', { ...env, RUNNER_NAME: '' }],
    ['a run that is no number', { ...env, GITHUB_RUN_ID: '9x' }],
    ['a repository that is no owner/name', { ...env, GITHUB_REPOSITORY: 'octo/app/x' }],
    ['a runner name of 201 characters', { ...env, RUNNER_NAME: 'r'.repeat(201) }],
  ])('is none with %s', (_, given) => {
    expect(thisJob(given)).toBeUndefined();
  });

  it('as a claim carries it, is checked field by field', () => {
    expect(isJobRef({ repo: REPO, run: 9, attempt: 1, runner: 'r' })).toBe(true);
    expect(isJobRef({ repo: REPO, run: 0, attempt: 1, runner: 'r' })).toBe(false);
    expect(isJobRef({ repo: REPO, run: 9, attempt: 1.5, runner: 'r' })).toBe(false);
    expect(isJobRef(['octo/app', 9, 1, 'r'])).toBe(false);
  });
});
