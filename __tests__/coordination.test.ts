// The promise across every topology a user can set up: no refresh token is presented after
// another job presented it, and the provider's live refresh token is always in the secret.
// Main and post in-process (support/step.ts), against stand-ins that scope the cache by ref (per
// repository), revoke nothing silently and count every reuse. Each job has its own clock: a wait
// for a job that never delivers passes at once; a run "after the lease" comes once GitHub's clock
// (the stand-in's) has passed it, since claims are judged on GitHub's clock alone.
import { readFileSync } from 'node:fs';
import { startCacheServer, type CacheServer } from './support/cache-server.js';
import { closedPort } from './support/http.js';
import type { RunResult } from './support/runner.js';
import { HOUR, REPO, SECRET, useStandIns } from './support/stand-ins.js';
import { runStep, testClock } from './support/step.js';
import { fakeToken } from './support/fake-tokens.js';
import { cliRefreshes, errorOf, expectOneCleanLine, failSecretWrites, jobs } from './support/jobs.js';

const PAT = fakeToken('pat');
const LEASE_MS = 60_000;
const si = useStandIns(PAT);

const { seed, stored, refreshTokenIn, inputs, claimsAt, expectLoginKept } = jobs(si, PAT);

interface JobOptions {
  ref?: string;
  repo?: string;
  cacheServer?: CacheServer | null;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  /** Started after the lease of every claim made before it. */
  later?: boolean;
  /** Its waits pass at once: in-process even when the others run through dist/ (support/step.ts). */
  inProcess?: boolean;
}

function job(credentials: string, o: JobOptions = {}): Promise<RunResult> {
  const c = o.cacheServer === undefined ? si.cache : o.cacheServer;
  if (o.later) si.gh.advance(LEASE_MS + 5_000);
  return runStep('main', {
    inputs: inputs(credentials, { 'lock-timeout': '3s', ...o.inputs }),
    env: {
      ...(c ? c.env(o.ref ?? 'refs/heads/main') : {}),
      GITHUB_REPOSITORY: o.repo ?? REPO,
      OAUTH_BROKER_LEASE_MS: String(LEASE_MS),
      ...o.env,
    },
    clock: testClock(),
    ...(o.inProcess ? { inProcess: true } : {}),
  });
}

const STALE = /another job already spent this refresh token, so this job holds an old copy; re-run the job/;

describe('across refs, repositories and queue time', () => {
  it('a default-branch job queued before a pull request rotated takes its result, never the spent token', async () => {
    const s = seed();
    const pr = await job(s.credentials, { ref: 'refs/pull/7/merge' });
    expect(pr.code).toBe(0);
    // Queued before that write, so it holds the old value; the result is in the claim, which every ref reads.
    const main = await job(s.credentials, { ref: 'refs/heads/main' });
    expect({ code: main.code, source: main.outputs.source }).toEqual({ code: 0, source: 'shared' });
    expect(main.outputs['access-token']).toBe(pr.outputs['access-token']);
    expect(si.oauth.refreshCount).toBe(1);
    expectLoginKept();
    expect((await job(stored(), { ref: 'refs/heads/main', inputs: { mode: 'refresh' } })).code).toBe(0);
    expectLoginKept();
  });

  it('two pull-request refs with the same expired credentials: one refreshes, both succeed', async () => {
    const s = seed();
    const runs = await Promise.all([
      job(s.credentials, { ref: 'refs/pull/1/merge' }),
      job(s.credentials, { ref: 'refs/pull/2/merge' }),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    expect(runs.map((r) => r.outputs.source).sort()).toEqual(['refreshed', 'shared']);
    expect(si.oauth.refreshCount).toBe(1);
    expectLoginKept();
  });

  it('jobs on one ref share one refresh; a job on another ref reads the default branch result', async () => {
    const s = seed();
    const first = await job(s.credentials, { ref: 'refs/heads/main' });
    expect(first.code).toBe(0);
    // A pull request reads the default branch's cache: it takes the token, spends nothing.
    const pr = await job(s.credentials, { ref: 'refs/pull/9/merge' });
    expect({ code: pr.code, source: pr.outputs.source }).toEqual({ code: 0, source: 'shared' });
    expect(pr.outputs['access-token']).toBe(first.outputs['access-token']);
    expect(si.oauth.refreshCount).toBe(1);
    expectLoginKept();
  });

  it('an organisation secret used by two repositories, each with its own cache: one presentation', async () => {
    const other = await startCacheServer();
    try {
      const s = seed({ org: 'octo' });
      const inputs = { 'secret-org': 'octo' };
      const runs = await Promise.all([
        job(s.credentials, { repo: 'octo/app', inputs }),
        job(s.credentials, { repo: 'octo/api', inputs, cacheServer: other }),
      ]);
      expect(runs.map((r) => r.code)).toEqual([0, 0]);
      expect(si.oauth.refreshCount).toBe(1);
      expectLoginKept({ org: 'octo' });
      // The claim is an organisation variable no repository can use, as is the write check.
      const [claim] = claimsAt({ org: 'octo' });
      expect(si.gh.variable({ org: 'octo' }, claim)).toMatchObject({
        visibility: 'selected',
        selected_repository_ids: [],
      });
      // A later job in either repository, still holding the old value, takes the result from the claim.
      const late = await job(s.credentials, { repo: 'octo/api', inputs, cacheServer: other });
      expect({ code: late.code, source: late.outputs.source }).toEqual({ code: 0, source: 'shared' });
      expectLoginKept({ org: 'octo' });
    } finally {
      await other.close();
    }
  });

  it('an environment secret keeps its claims in the environment', async () => {
    const where = { repo: REPO, env: 'production' };
    const s = seed(where);
    const inputs = { 'secret-environment': 'production' };
    expect((await job(s.credentials, { inputs })).code).toBe(0);
    expect(claimsAt(where)).toHaveLength(1);
    expect(si.gh.secretNames(where)).toEqual([SECRET, 'OAUTH_BROKER_WRITE_CHECK']);
    expect(si.gh.secretNames({ repo: REPO })).toEqual([]);
    expect(claimsAt({ repo: REPO })).toEqual([]);
    // A stale job finds the result there too.
    expect((await job(s.credentials, { inputs })).outputs.source).toBe('shared');
    expectLoginKept(where);
  });

  it('share: false: a stale copy, and a concurrent job, never present, and get no result', async () => {
    const o = { inputs: { share: 'false' } };
    const s = seed();
    const runs = await Promise.all([job(s.credentials, o), job(s.credentials, o)]);
    expect(runs.map((r) => r.code).sort()).toEqual([0, 1]);
    expectOneCleanLine(runs.find((r) => r.code === 1)!, STALE);
    expectOneCleanLine(await job(s.credentials, o), STALE);
    expect(si.oauth.refreshCount).toBe(1);
    expect(si.oauth.requests).toHaveLength(1);
    expectLoginKept();
  });

  it('GitHub Enterprise Server (no Actions cache): a concurrent job and a stale copy take the result', async () => {
    const o = { cacheServer: null, env: { GITHUB_SERVER_URL: 'https://ghe.example.com' } };
    const s = seed();
    const runs = await Promise.all([job(s.credentials, o), job(s.credentials, o)]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    expect((await job(s.credentials, o)).outputs.source).toBe('shared');
    expect(si.oauth.refreshCount).toBe(1);
    expectLoginKept();
  });
});

describe('old copies whose claims are gone', () => {
  it('a copy the broker wrote long before the secret was last written is never presented', async () => {
    const { refreshToken, accessToken } = si.oauth.issue(['user:inference']);
    const writtenAt = new Date(Date.now() - 3 * HOUR).toISOString();
    const old = JSON.stringify({
      claudeAiOauth: { accessToken, refreshToken, expiresAt: Date.now() - HOUR, scopes: ['user:inference'] },
      oauth_broker: { written_at: writtenAt },
    });
    // The secret was written since (now), as the stand-in stamps every write.
    si.gh.setRepoSecret(
      REPO,
      SECRET,
      JSON.stringify({ claudeAiOauth: { ...si.oauth.issue(['user:inference']), expiresAt: Date.now() + 8 * HOUR } }),
    );
    const r = await job(old);
    expectOneCleanLine(
      r,
      /^credentials: this job holds an old copy, written long before the secret's update at .*; re-run/,
    );
    expect(si.oauth.requests).toHaveLength(0);
    expect(si.gh.secretNames({ repo: REPO })).toEqual([SECRET]);
  });

  it('every value the broker writes carries its marker, and the CLI file does not', async () => {
    const s = seed();
    const r = await job(s.credentials, { inputs: { 'credentials-file': 'auto' } });
    expect(r.code).toBe(0);
    const marker = (JSON.parse(stored()) as { oauth_broker?: { written_at: string } }).oauth_broker;
    expect(
      Math.abs(Date.parse(marker!.written_at) - Date.parse(si.gh.repoSecret(REPO, SECRET)!.updated_at)),
    ).toBeLessThan(2_000);
    expect(JSON.parse(readFileSync(r.outputs['credentials-file'], 'utf8'))).not.toHaveProperty('oauth_broker');
    // The next refresh, holding what was written, is not mistaken for an old copy.
    expect((await job(stored(), { inputs: { mode: 'refresh' } })).code).toBe(0);
    expectLoginKept();
  });
});

describe('dead holders and runs of failures', () => {
  it('a job whose refresh got no answer blocks only until its lease runs out', async () => {
    const s = seed();
    // As a holder killed mid-request (cancel.test.ts kills one): its claim stays, unsettled.
    si.oauth.faults.push({ action: 'hang' });
    const lost = await job(s.credentials, { env: { OAUTH_BROKER_HTTP_TIMEOUT_MS: '600' } });
    expectOneCleanLine(lost, /no answer within \d+s; not retried, as it may have arrived/);
    // A job within the lease (GitHub's clock has not moved) waits for it, then says when a run may take over.
    const wave = await job(s.credentials, { inputs: { 'lock-timeout': '1m' }, inProcess: true });
    expectOneCleanLine(wave, /^lock-timeout: another job claimed the refresh .*; run this job again/);
    expect(wave.stdout).toMatch(/a run after \S+ takes over/);
    expect(wave.stdout).toMatch(/being refreshed by another job; waiting up to lock-timeout 1m/);
    const later = await job(s.credentials, { later: true });
    expect({ code: later.code, error: errorOf(later) }).toEqual({ code: 0, error: '' });
    expect(later.stdout).toContain('never finished; taking over');
    expectLoginKept();
  });

  it('failures that surely sent nothing never make the live token unusable, however many in a row', async () => {
    const s = seed();
    const refused = `http://127.0.0.1:${await closedPort()}/v1/oauth/token`;
    for (let i = 0; i < 6; i++) {
      const r = await job(s.credentials, { inputs: { 'token-url': refused } });
      expectOneCleanLine(r, /connection refused after 3 attempts; nothing was spent/);
    }
    for (let i = 0; i < 6; i++) si.oauth.faults.push({ status: 401, body: '{"error":"invalid_client"}' });
    for (let i = 0; i < 6; i++) expect((await job(s.credentials)).code).toBe(1);
    const ok = await job(s.credentials);
    expect({ code: ok.code, error: errorOf(ok) }).toEqual({ code: 0, error: '' });
    expect(ok.outputs.source).toBe('refreshed');
    expectLoginKept();
  });

  it('a token that can only read secrets fails before anything is spent', async () => {
    const readOnly = fakeToken('pat');
    si.gh.addToken(readOnly, { kind: 'pat', secrets: 'read' });
    const s = seed();
    const r = await job(s.credentials, { inputs: { 'github-token': readOnly } });
    expectOneCleanLine(r, /^github-token: could not write secrets of .*403.*"Secrets: Read and write"/);
    expect(si.oauth.requests).toHaveLength(0);
    // Its claim went with it: the next job need not wait.
    expect(claimsAt({ repo: REPO })).toEqual([]);
    expect(stored()).toBe(s.credentials);
    expect(si.oauth.isLive(s.refreshToken)).toBe(true);
  });
});

describe('providers that keep their refresh token', () => {
  it('work run after run', async () => {
    await si.restartOAuth({ omitRefreshToken: true });
    const s = seed();
    let value = s.credentials;
    for (let i = 0; i < 3; i++) {
      const r = await job(value, { inputs: { mode: 'refresh' } });
      expect({ code: r.code, error: errorOf(r) }).toEqual({ code: 0, error: '' });
      expect(r.outputs).toMatchObject({ source: 'refreshed', rotated: 'false' });
      value = stored();
    }
    expect(refreshTokenIn(value)).toBe(s.refreshToken);
    expect(si.oauth.refreshCount).toBe(3);
    expectLoginKept();
  });
});

describe('client-refresh', () => {
  /** The post step of the job `main` ran, with the same inputs. */
  function postOf(main: RunResult, credentials: string, extra: Record<string, string>): Promise<RunResult> {
    return runStep('post', {
      inputs: inputs(credentials, extra),
      env: si.cache.env('refs/heads/main'),
      state: main.state,
      home: main.home,
    });
  }

  it('a rotation the CLI made that the post step cannot write is rescued, and the next run recovers it', async () => {
    const s = seed({ repo: REPO }, 8 * HOUR);
    const inputs = { 'credentials-file': 'auto', 'client-refresh': 'true' };
    const main = await job(s.credentials, { inputs });
    expect(main.code).toBe(0);
    const t = await cliRefreshes(si.oauth.tokenUrl, main.outputs['credentials-file'], s.refreshToken);
    failSecretWrites(si);
    const post = await postOf(main, s.credentials, inputs);
    expectOneCleanLine(post, /^The CLI's rotated refresh token was not stored/);
    expect(post.stdout).toMatch(/^The credentials the CLI rotated are kept sealed beside the secret/m);
    expect(stored()).toBe(s.credentials);
    // A run that needs a refresh, holding the value the CLI was given, finishes the write-back instead.
    const next = await job(s.credentials, { inputs: { mode: 'refresh' } });
    expect({ code: next.code, error: errorOf(next) }).toEqual({ code: 0, error: '' });
    expect(next.stdout).toContain('Recovered the rotated credentials');
    expect(refreshTokenIn(stored())).toBe(t.refresh_token);
    expectLoginKept();
  });

  /** A client-refresh job on runner 7 of run 77 that hands its CLI the refresh token and dies; its job's id. */
  async function cliHolderDies(
    credentials: string,
    status: 'in_progress' | 'completed',
    ref?: string,
  ): Promise<number> {
    const runner = { GITHUB_RUN_ID: '77', GITHUB_RUN_ATTEMPT: '2', RUNNER_NAME: 'GitHub Actions 1000000007' };
    const id = si.gh.addJob(REPO, { run: 77, attempt: 2, runner: runner.RUNNER_NAME, status });
    si.gh.addJob(REPO, { run: 77, attempt: 2, runner: 'GitHub Actions 1000000008', status: 'completed' });
    const inputs = { 'credentials-file': 'auto', 'client-refresh': 'true' };
    expect((await job(credentials, { inputs, env: runner, ...(ref ? { ref } : {}) })).code).toBe(0);
    // Its runner dies: no post step.
    return id;
  }

  it("a CLI's claim ends with its job: a killed runner blocks refreshes until GitHub says the job ended", async () => {
    const s = seed({ repo: REPO }, 8 * HOUR);
    const holder = await cliHolderDies(s.credentials, 'in_progress');
    // While GitHub has the job in progress, nobody presents the token.
    const waiting = await job(s.credentials, { inputs: { mode: 'refresh' } });
    expectOneCleanLine(waiting, /^lock-timeout: a provider CLI in another job holds this refresh token/);
    si.gh.setJobStatus(REPO, holder, 'completed');
    const next = await job(s.credentials, { inputs: { mode: 'refresh' } });
    expect(next.outputs.source).toBe('refreshed');
    expect(next.stdout).toMatch(/^The job whose CLI held these credentials since .+ has ended; taking over\.$/m);
    expectLoginKept();
  });

  it.each([
    ['a token that may not read it', 'none'],
    ['GitHub failing to answer', '502'],
    ['no answer at all', 'hang'],
  ])("with %s, a CLI's job that has ended leaves its claim to its lease", async (_, how) => {
    const s = seed({ repo: REPO }, 8 * HOUR);
    await cliHolderDies(s.credentials, 'completed');
    const token = fakeToken('pat');
    si.gh.addToken(token, { kind: 'pat', actions: how === 'none' ? 'none' : 'read' });
    const jobs = { method: 'GET', pathIncludes: '/attempts/' };
    if (how === '502') si.gh.faults.push({ ...jobs, status: 502 });
    if (how === 'hang') si.gh.faults.push({ ...jobs, action: 'hang' });
    const waiting = await job(s.credentials, {
      inputs: { mode: 'refresh', 'github-token': token },
      env: { OAUTH_BROKER_HTTP_TIMEOUT_MS: '500' },
    });
    expectOneCleanLine(waiting, /^lock-timeout: a provider CLI in another job holds this refresh token/);
    // Asked once, not retried: the next question would come 30 s later, after lock-timeout.
    expect(si.gh.requests.filter((r) => r.path.includes('/attempts/'))).toHaveLength(1);
    expect(si.oauth.requests).toHaveLength(0);
  });

  it("a pull request's CLI whose job ended is not taken over from another ref: its rescue may be there", async () => {
    const s = seed({ repo: REPO }, 8 * HOUR);
    await cliHolderDies(s.credentials, 'completed', 'refs/pull/7/merge');
    const other = await job(s.credentials, { inputs: { mode: 'refresh' } });
    expectOneCleanLine(other, /^credentials: the job on refs\/pull\/7\/merge that claimed this refresh token never/);
    expect(si.oauth.requests).toHaveLength(0);
  });

  it("with share: false, the CLI's claim is settled once its rotation is stored: never presented again", async () => {
    const s = seed({ repo: REPO }, 8 * HOUR);
    const inputs = { 'credentials-file': 'auto', 'client-refresh': 'true', share: 'false' };
    const main = await job(s.credentials, { inputs });
    await cliRefreshes(si.oauth.tokenUrl, main.outputs['credentials-file'], s.refreshToken);
    expect((await postOf(main, s.credentials, inputs)).code).toBe(0);
    // A job still holding the login the CLI was given.
    const stale = await job(s.credentials, { inputs: { mode: 'refresh', share: 'false' } });
    expect(stale.outputs.source).not.toBe('refreshed');
    expectLoginKept();
  });

  it('only one of two concurrent jobs hands its CLI the refresh token; the other, the access token only', async () => {
    const s = seed({ repo: REPO }, 8 * HOUR);
    const inputs = { 'credentials-file': 'auto', 'client-refresh': 'true' };
    const runs = await Promise.all([job(s.credentials, { inputs }), job(s.credentials, { inputs })]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    const files = runs.map(
      (r) =>
        JSON.parse(readFileSync(r.outputs['credentials-file'], 'utf8')) as { claudeAiOauth: Record<string, unknown> },
    );
    expect(files.filter((f) => f.claudeAiOauth.refreshToken === s.refreshToken)).toHaveLength(1);
    expect(files.filter((f) => !('refreshToken' in f.claudeAiOauth))).toHaveLength(1);
    expect(runs.filter((r) => r.stdout.includes('another job holds the claim on these credentials'))).toHaveLength(1);
    expect(si.oauth.requests).toHaveLength(0);
  });
});
