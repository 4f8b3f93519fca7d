// Cancellation keeps the login: the runner sends SIGINT to a cancelled step and kills it
// about 7.5 s later; the post step runs on cancelled jobs too. Signals are sent to the
// bundled action the way the runner sends them, at the worst moments.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CacheServer } from './support/cache-server.js';
import type { GitHubServer } from './support/github-server.js';
import type { OAuthServer } from './support/oauth-server.js';
import { REPO, startStandIns, stopStandIns } from './support/stand-ins.js';
import { assertNoLeak, runAction, type RunResult } from './support/runner.js';
import { fakeToken } from './support/fake-tokens.js';

const PAT = fakeToken('pat');
const SECRET = 'CLAUDE_CREDENTIALS';

let oauth: OAuthServer;
let gh: GitHubServer;
let cache: CacheServer;

beforeEach(async () => {
  ({ oauth, gh, cache } = await startStandIns(PAT));
});
let runnerTemp: string;
beforeEach(() => {
  runnerTemp = mkdtempSync(join(tmpdir(), 'oauth-broker-cancel-'));
});
afterEach(async () => {
  await stopStandIns({ oauth, gh, cache });
  rmSync(runnerTemp, { recursive: true, force: true });
});

function seed(): { credentials: string; refreshToken: string } {
  const { refreshToken, accessToken } = oauth.issue(['user:inference']);
  const credentials = JSON.stringify({
    claudeAiOauth: { accessToken, refreshToken, expiresAt: Date.now() - 60_000, scopes: ['user:inference'] },
  });
  gh.setRepoSecret(REPO, SECRET, credentials);
  return { credentials, refreshToken };
}

const storedRefreshToken = (): string =>
  (JSON.parse(gh.repoSecret(REPO, SECRET)!.value) as { claudeAiOauth: { refreshToken: string } }).claudeAiOauth
    .refreshToken;

/** Resolves once `done()` holds, polling briefly; the test's own bound, not a wall-clock assertion. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(done()).toBe(true);
}

function inputs(credentials: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    credentials,
    'secret-name': SECRET,
    'github-token': PAT,
    'github-api-url': gh.url,
    'token-url': oauth.tokenUrl,
    ...extra,
  };
}

/** Main as the runner kills it: the provider has answered, the write-back hangs, then SIGKILL. */
async function killedDuringWrite(
  credentials: string,
  env: Record<string, string> = {},
  beforeKill?: (c: ChildProcess) => void,
): Promise<RunResult> {
  gh.faults.push({ method: 'PUT', pathIncludes: `secrets/${SECRET}`, action: 'hang' });
  let child: ChildProcess | undefined;
  const running = runAction('main', { inputs: inputs(credentials), env, runnerTemp, onSpawn: (c) => (child = c) });
  await until(() => gh.requests.some((q) => q.method === 'PUT' && q.path.endsWith(SECRET)));
  beforeKill?.(child!);
  if (beforeKill) await new Promise((resolve) => setTimeout(resolve, 200));
  child!.kill('SIGKILL');
  const main = await running;
  expect(main.signal).toBe('SIGKILL');
  return main;
}

describe.each([
  ['with the shared store', () => cache.env('refs/heads/main')],
  ['share: false', () => ({ INPUT_SHARE: 'false' })],
])('cancellation (%s)', (_, env) => {
  it('a SIGINT while the provider is answering: the rotated credentials still reach the secret', async () => {
    const s = seed();
    oauth.faults.push({ delayMs: 1_000 });
    let child: ChildProcess | undefined;
    const running = runAction('main', { inputs: inputs(s.credentials), env: env(), onSpawn: (c) => (child = c) });
    await until(() => oauth.requests.length === 1);
    child!.kill('SIGINT');
    const r = await running;
    expect(r.stdout).toContain('Received SIGINT: storing the rotated credentials before stopping.');
    expect(r.code).toBe(1);
    expect(storedRefreshToken()).not.toBe(s.refreshToken);
    expect(oauth.isLive(storedRefreshToken())).toBe(true);
    assertNoLeak(r, [s.refreshToken, s.credentials, storedRefreshToken(), PAT]);
  });

  it('killed between the answer and the write-back: the post step stores what main could not', async () => {
    const s = seed();
    const main = await killedDuringWrite(s.credentials, env(), (c) => c.kill('SIGINT'));
    expect(gh.repoSecret(REPO, SECRET)!.value).toBe(s.credentials);

    const post = await runAction('post', { inputs: inputs(s.credentials), env: env(), runnerTemp, state: main.state });
    expect({ code: post.code, error: post.stdout.match(/^::error::.*$/m)?.[0] }).toEqual({ code: 0, error: undefined });
    expect(post.stdout).toContain('The main step stopped before storing the rotated credentials');
    expect(oauth.isLive(storedRefreshToken())).toBe(true);
    expect(oauth.refreshCount).toBe(1);
    for (const r of [main, post])
      assertNoLeak(r, [s.refreshToken, s.credentials, storedRefreshToken(), gh.repoSecret(REPO, SECRET)!.value, PAT]);

    // A job that held the old copy does not present the spent token.
    const stale = await runAction('main', { inputs: inputs(s.credentials, { share: 'false' }) });
    expect(stale.code).toBe(1);
    expect(oauth.reuseCount).toBe(0);
  });
});

it('a pending file the post step cannot open with its inputs is left alone, in one clear line', async () => {
  const s = seed();
  const main = await killedDuringWrite(s.credentials);
  const other = fakeToken('pat');
  gh.addToken(other, { kind: 'pat' });
  const post = await runAction('post', {
    inputs: inputs(s.credentials, { 'github-token': other }),
    runnerTemp,
    state: main.state,
  });
  expect(post.code).toBe(1);
  expect(post.stdout).toMatch(
    /^::error::oauth-broker: the rotated credentials the main step left in .* cannot be opened with this step's/m,
  );
  expect(gh.repoSecret(REPO, SECRET)!.value).toBe(s.credentials);
});

it('a RUNNER_TEMP that cannot take the pending file does not stop the write-back', async () => {
  const s = seed();
  const r = await runAction('main', { inputs: inputs(s.credentials), env: { RUNNER_TEMP: '/dev/null/nowhere' } });
  expect({ code: r.code, error: r.stdout.match(/^::error::.*$/m)?.[0] }).toEqual({ code: 0, error: undefined });
  expect(r.stdout).toMatch(
    /^::warning::Could not keep the rotated credentials in RUNNER_TEMP for the post step \(ENOTDIR\)/m,
  );
  expect(oauth.isLive(storedRefreshToken())).toBe(true);
  assertNoLeak(r, [s.refreshToken, s.credentials, storedRefreshToken(), PAT]);
});

it('a SIGINT during a wait the provider asked for sends nothing more: the token stays live and unclaimed', async () => {
  const s = seed();
  oauth.faults.push({ status: 429, headers: { 'retry-after': '2' }, body: '{"error":"rate_limited"}' });
  let child: ChildProcess | undefined;
  const running = runAction('main', { inputs: inputs(s.credentials), onSpawn: (c) => (child = c) });
  await until(() => oauth.requests.length === 1);
  child!.kill('SIGINT');
  const r = await running;
  expect(oauth.requests).toHaveLength(1);
  expect(r.stdout).toMatch(/the job was cancelled before the retry; nothing was spent/);
  expect(oauth.isLive(s.refreshToken)).toBe(true);
  expect(gh.secretNames({ repo: REPO }).filter((n) => n.startsWith('OAUTH_BROKER_'))).toEqual([]);
});

describe('the post step finishing what main could not', () => {
  it('GitHub failing in the post step too: the rotation is rescued in the store; the next run recovers', async () => {
    const s = seed();
    const env = cache.env('refs/heads/main');
    const main = await killedDuringWrite(s.credentials, env);
    for (let i = 0; i < 5; i++)
      gh.faults.push({ method: 'GET', pathIncludes: 'public-key', status: 502, body: '{"message":"Bad Gateway"}' });
    const post = await runAction('post', {
      inputs: inputs(s.credentials),
      env: { ...env, OAUTH_BROKER_RETRY_BASE_MS: '20' },
      runnerTemp,
      state: main.state,
    });
    expect(post.code).toBe(1);
    expect(post.stdout).toMatch(/^::error::github-api-url: could not read the public key .*502/m);
    expect(post.stdout).toMatch(/The rotated credentials are kept sealed in the shared store/);
    gh.faults.length = 0;
    const next = await runAction('main', { inputs: inputs(s.credentials), env: cache.env('refs/heads/main') });
    expect({ code: next.code, error: next.stdout.match(/^::error::.*$/m)?.[0] }).toEqual({ code: 0, error: undefined });
    expect(next.stdout).toContain('Recovered the rotated credentials');
    expect(oauth.isLive(storedRefreshToken())).toBe(true);
    expect(oauth.reuseCount).toBe(0);
    for (const r of [main, post, next]) assertNoLeak(r, [s.refreshToken, s.credentials, storedRefreshToken(), PAT]);
  });

  it('without the store (share: false), a write-back main could not finish is finished by the post step', async () => {
    const s = seed();
    for (let i = 0; i < 5; i++)
      gh.faults.push({
        method: 'PUT',
        pathIncludes: `secrets/${SECRET}`,
        status: 502,
        body: '{"message":"Bad Gateway"}',
      });
    const given = inputs(s.credentials, { share: 'false' });
    const main = await runAction('main', { inputs: given, env: { OAUTH_BROKER_RETRY_BASE_MS: '20' }, runnerTemp });
    expect(main.stdout).toMatch(/^::error::github-api-url: could not write .*502/m);
    expect(main.stdout).toMatch(/The rotated credentials are kept sealed for this job's post step/);
    const post = await runAction('post', { inputs: given, runnerTemp, state: main.state });
    expect({ code: post.code, error: post.stdout.match(/^::error::.*$/m)?.[0] }).toEqual({ code: 0, error: undefined });
    expect(oauth.isLive(storedRefreshToken())).toBe(true);
    expect(oauth.reuseCount).toBe(0);
  });

  it('a pending write-back whose secret changed since main read it is not written over', async () => {
    const s = seed();
    const main = await killedDuringWrite(s.credentials);
    // A newer value lands meanwhile (a later second, as GitHub stamps whole seconds).
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const newer = JSON.stringify({
      claudeAiOauth: {
        ...oauth.issue(['user:inference']),
        expiresAt: Date.now() + 3_600_000,
        scopes: ['user:inference'],
      },
    });
    gh.setRepoSecret(REPO, SECRET, newer);
    const post = await runAction('post', { inputs: inputs(s.credentials), runnerTemp, state: main.state });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('changed since the main step read it, so it is left as it is');
    expect(gh.repoSecret(REPO, SECRET)!.value).toBe(newer);
  });
});
