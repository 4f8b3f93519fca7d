// Cancellation keeps the login: the runner sends SIGINT to a cancelled step and kills it
// about 7.5 s later; the post step runs on cancelled jobs too. Signals and SIGKILL are sent to
// the bundled action the way the runner sends them, at the worst moments; what follows a kill
// (the post step) runs in-process, where a cancel is the shield's (support/step.ts testShield).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLAIM_VARIABLE, REPO, SECRET, useStandIns } from './support/stand-ins.js';
import { runAction, type RunResult } from './support/runner.js';
import { runStep, testClock, testShield, type Clock } from './support/step.js';
import { fakeToken } from './support/fake-tokens.js';
import { failSecretWrites, jobs, type Seeded, until } from './support/jobs.js';

const PAT = fakeToken('pat');
const si = useStandIns(PAT);
const j = jobs(si, PAT);
const { inputs } = j;

let runnerTemp: string;
beforeEach(() => {
  runnerTemp = mkdtempSync(join(tmpdir(), 'oauth-broker-cancel-'));
});
afterEach(() => rmSync(runnerTemp, { recursive: true, force: true }));

/** A login whose access token expired a minute ago, in the repository secret. */
const seed = (): Seeded => j.seed({ repo: REPO }, -60_000);

const storedRefreshToken = (): string =>
  (JSON.parse(si.gh.repoSecret(REPO, SECRET)!.value) as { claudeAiOauth: { refreshToken: string } }).claudeAiOauth
    .refreshToken;

/** Main (dist/) as the runner kills it: the provider has answered, the write-back hangs, then SIGKILL. */
async function killedDuringWrite(
  given: Record<string, string>,
  env: Record<string, string> = {},
  beforeKill?: (c: ChildProcess) => void,
): Promise<RunResult> {
  si.gh.faults.push({ method: 'PUT', pathIncludes: `secrets/${SECRET}`, action: 'hang' });
  let child: ChildProcess | undefined;
  const running = runAction('main', { inputs: given, env, runnerTemp, onSpawn: (c) => (child = c) });
  await until(() => si.gh.requests.some((q) => q.method === 'PUT' && q.path.endsWith(SECRET)));
  if (beforeKill) {
    // The runner's SIGKILL comes after the step has taken its SIGINT (and kept writing).
    let out = '';
    child!.stdout?.on('data', (chunk: Buffer | string) => (out += String(chunk)));
    beforeKill(child!);
    await until(() => out.includes('Received SIGINT'));
  }
  child!.kill('SIGKILL');
  const main = await running;
  expect(main.signal).toBe('SIGKILL');
  return main;
}

describe('a cancel while the token is presented', () => {
  it('a SIGINT while the provider is answering: the rotated credentials still reach the secret (dist)', async () => {
    const s = seed();
    si.oauth.faults.push({ delayMs: 500 });
    let child: ChildProcess | undefined;
    const running = runAction('main', {
      inputs: inputs(s.credentials),
      env: si.cache.env('refs/heads/main'),
      onSpawn: (c) => (child = c),
    });
    await until(() => si.oauth.requests.length === 1);
    child!.kill('SIGINT');
    const r = await running;
    expect(r.stdout).toContain('Received SIGINT: storing the rotated credentials before stopping.');
    expect(r.code).toBe(1);
    expect(storedRefreshToken()).not.toBe(s.refreshToken);
    expect(si.oauth.isLive(storedRefreshToken())).toBe(true);
  });

  it('the same without the store (share: false), in-process', async () => {
    const s = seed();
    si.oauth.faults.push({ delayMs: 300 });
    const shield = testShield();
    const running = runStep('main', { inputs: inputs(s.credentials, { share: 'false' }), shield });
    await until(() => si.oauth.requests.length === 1);
    shield.cancel();
    const r = await running;
    expect(r.stdout).toContain('Received SIGINT: storing the rotated credentials before stopping.');
    expect(r.code).toBe(1);
    expect(si.oauth.isLive(storedRefreshToken())).toBe(true);
  });

  it('killed between the answer and the write-back: the post step stores what main could not', async () => {
    const s = seed();
    const given = inputs(s.credentials, { share: 'false' });
    const main = await killedDuringWrite(given, {}, (c) => c.kill('SIGINT'));
    expect(si.gh.repoSecret(REPO, SECRET)!.value).toBe(s.credentials);

    const post = await runStep('post', { inputs: given, runnerTemp, state: main.state });
    expect({ code: post.code, error: post.stdout.match(/^::error::.*$/m)?.[0] }).toEqual({ code: 0, error: undefined });
    expect(post.stdout).toContain('The main step stopped before storing the rotated credentials');
    expect(si.oauth.isLive(storedRefreshToken())).toBe(true);
    expect(si.oauth.refreshCount).toBe(1);

    // A job that held the old copy does not present the spent token.
    const stale = await runStep('main', { inputs: given });
    expect(stale.code).toBe(1);
    expect(si.oauth.reuseCount).toBe(0);
  });
});

describe('a pending file the post step cannot open', () => {
  const pendingFile = (): string => {
    const names = readdirSync(runnerTemp).filter((n) => /^oauth-broker-pending-[0-9a-f]{16}$/.test(n));
    expect(names).toHaveLength(1);
    return join(runnerTemp, names[0]);
  };

  it('changed since main sealed it: left alone, in one clear line', async () => {
    const s = seed();
    const main = await killedDuringWrite(inputs(s.credentials));
    const path = pendingFile();
    writeFileSync(path, Buffer.from(readFileSync(path, 'utf8'), 'base64').reverse().toString('base64'));
    const post = await runStep('post', { inputs: inputs(s.credentials), runnerTemp, state: main.state });
    expect(post.code).toBe(1);
    expect(post.stdout).toMatch(
      /^::error::oauth-broker: the rotated credentials the main step left in .* cannot be opened/m,
    );
    expect(si.gh.repoSecret(REPO, SECRET)!.value).toBe(s.credentials);
  });

  it('named by a state that does not verify with these inputs (another github-token): ignored', async () => {
    // The state's MAC is keyed by the step's secret inputs: under other ones, main's own state
    // cannot be told from one an earlier step forged, and neither is acted on.
    const s = seed();
    const main = await killedDuringWrite(inputs(s.credentials));
    const other = fakeToken('pat');
    si.gh.addToken(other, { kind: 'pat' });
    const before = si.gh.requests.length;
    const post = await runStep('post', {
      inputs: inputs(s.credentials, { 'github-token': other }),
      runnerTemp,
      state: main.state,
    });
    expect(post.code).toBe(0);
    expect(post.stdout).not.toMatch(/^::(error|warning)::/m);
    expect(post.stdout).toMatch(/^::debug::Ignoring oauth-broker-pending: .*\(foreign\)\.$/m);
    expect(si.gh.requests.slice(before)).toEqual([]);
    expect(pendingFile()).toMatch(/oauth-broker-pending-/);
  });
});

it('a RUNNER_TEMP that cannot take the pending file does not stop the write-back', async () => {
  const s = seed();
  const r = await runStep('main', { inputs: inputs(s.credentials), env: { RUNNER_TEMP: '/dev/null/nowhere' } });
  expect({ code: r.code, error: r.stdout.match(/^::error::.*$/m)?.[0] }).toEqual({ code: 0, error: undefined });
  expect(r.stdout).toMatch(/^::warning::Could not keep the rotated credentials in RUNNER_TEMP .*\(ENOTDIR\)/m);
  expect(si.oauth.isLive(storedRefreshToken())).toBe(true);
});

it('a cancel during a wait the provider asked for sends nothing more: the token stays live and unclaimed', async () => {
  const s = seed();
  si.oauth.faults.push({ status: 429, headers: { 'retry-after': '2' }, body: '{"error":"rate_limited"}' });
  const shield = testShield();
  // The runner's cancel arrives while the step waits out the retry-after.
  const base = testClock();
  const clock: Clock = {
    ...base,
    sleep: (ms) => {
      shield.cancel();
      return base.sleep(ms);
    },
  };
  const r = await runStep('main', { inputs: inputs(s.credentials), shield, clock });
  expect(si.oauth.requests).toHaveLength(1);
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/the job was cancelled before the retry; nothing was spent/);
  expect(si.oauth.isLive(s.refreshToken)).toBe(true);
  expect(si.gh.variableNames({ repo: REPO })).toEqual([]);
});

describe('the post step finishing what main could not', () => {
  it('GitHub failing in the post step too: rotation rescued in the claim; the next run recovers it', async () => {
    const s = seed();
    const env = si.cache.env('refs/heads/main');
    const main = await killedDuringWrite(inputs(s.credentials), env);
    for (let i = 0; i < 5; i++)
      si.gh.faults.push({ method: 'GET', pathIncludes: 'public-key', status: 502, body: '{"message":"Bad Gateway"}' });
    const post = await runStep('post', { inputs: inputs(s.credentials), env, runnerTemp, state: main.state });
    expect(post.code).toBe(1);
    expect(post.stdout).toMatch(/^::error::github-api-url: could not read the public key .*502/m);
    expect(post.stdout).toMatch(/The rotated credentials are kept sealed beside the secret/);
    si.gh.faults.length = 0;
    const next = await runStep('main', { inputs: inputs(s.credentials), env });
    expect({ code: next.code, error: next.stdout.match(/^::error::.*$/m)?.[0] }).toEqual({ code: 0, error: undefined });
    expect(next.stdout).toContain('Recovered the rotated credentials');
    expect(si.oauth.isLive(storedRefreshToken())).toBe(true);
    expect(si.oauth.reuseCount).toBe(0);
  });

  it('without the store (share: false), a write-back main could not finish is finished by the post step', async () => {
    const s = seed();
    // GitHub refuses main's settle and its rescue in the claim too: only the pending file keeps the rotation.
    const patch = { method: 'PATCH', path: CLAIM_VARIABLE, status: 403, body: '{"message":"Resource not accessible"}' };
    si.gh.faults.push(patch, patch);
    failSecretWrites(si);
    const given = inputs(s.credentials, { share: 'false' });
    const main = await runStep('main', { inputs: given, runnerTemp });
    expect(main.stdout).toMatch(/^::error::github-api-url: could not write .*502/m);
    expect(main.stdout).toMatch(/The rotated credentials are kept sealed for this job's post step/);
    const post = await runStep('post', { inputs: given, runnerTemp, state: main.state });
    expect({ code: post.code, error: post.stdout.match(/^::error::.*$/m)?.[0] }).toEqual({ code: 0, error: undefined });
    expect(si.oauth.isLive(storedRefreshToken())).toBe(true);
    expect(si.oauth.reuseCount).toBe(0);
  });

  it('a settle GitHub refuses in main and in the post step: the post write-back still reads as settled', async () => {
    const s = seed();
    const given = inputs(s.credentials, { share: 'false' });
    const env = { OAUTH_BROKER_LEASE_MS: '60000' };
    const refused = {
      method: 'PATCH',
      path: CLAIM_VARIABLE,
      status: 403,
      body: '{"message":"Resource not accessible"}',
    };
    // Main's settle and its rescue, then the post step's settle.
    si.gh.faults.push(refused, refused, refused);
    for (let i = 0; i < 5; i++)
      si.gh.faults.push({ method: 'PUT', pathIncludes: `secrets/${SECRET}`, status: 502, body: '{"message":"Bad"}' });
    // The claim is made at the start of one of GitHub's seconds; only the post step's waits pass for GitHub.
    si.gh.startSecond();
    const main = await runStep('main', { inputs: given, env, runnerTemp });
    expect(main.stdout).toMatch(/The rotated credentials are kept sealed for this job's post step/);
    const clock = testClock({ onSleep: (ms) => si.gh.advance(ms) });
    const post = await runStep('post', { inputs: given, env, runnerTemp, state: main.state, clock });
    expect({ code: post.code, error: post.stdout.match(/^::error::.*$/m)?.[0] }).toEqual({ code: 0, error: undefined });
    expect(post.stdout).toMatch(/^::warning::Could not settle the claim beside/m);
    expect(si.gh.faults).toEqual([]);
    expect(si.oauth.isLive(storedRefreshToken())).toBe(true);
    // A job still holding the old value, after the lease: the claim reads as settled, so it never presents.
    si.gh.advance(65_000);
    const later = await runStep('main', { inputs: given, env });
    expect(later.stdout).toMatch(/^::error::credentials: another job already spent this refresh token/m);
    expect(si.oauth.reuseCount).toBe(0);
  });

  it('a pending write-back whose secret changed since main read it is not written over', async () => {
    const s = seed();
    const main = await killedDuringWrite(inputs(s.credentials));
    // A newer value lands meanwhile, in a later second (GitHub stamps whole seconds).
    si.gh.advance(1_000);
    const newer = JSON.stringify({
      claudeAiOauth: {
        ...si.oauth.issue(['user:inference']),
        expiresAt: Date.now() + 3_600_000,
        scopes: ['user:inference'],
      },
    });
    si.gh.setRepoSecret(REPO, SECRET, newer);
    const post = await runStep('post', { inputs: inputs(s.credentials), runnerTemp, state: main.state });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('changed since the main step read it, so it is left as it is');
    expect(si.gh.repoSecret(REPO, SECRET)!.value).toBe(newer);
  });
});
