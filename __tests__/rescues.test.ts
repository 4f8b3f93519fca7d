// Where a login waits when it is not in the secret (docs/design.md, "Claims"): a provider CLI's hold
// on the refresh token (client-refresh), a rotation rescued in the Actions cache of a pull request's
// ref, and the leased recovery of a rescue. In-process against the stand-ins (support/step.ts).
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyId, claimName } from '../src/store/protocol.js';
import { fakeToken } from './support/fake-tokens.js';
import { cliRefreshes, errorOf, expectOneCleanLine, expectSuccess, jobs, until } from './support/jobs.js';
import { CLAIM_VARIABLE, HOUR, REPO, SECRET, VARIABLES, useStandIns } from './support/stand-ins.js';
import { runAction } from './support/runner.js';
import { runStep, testClock } from './support/step.js';

const PAT = fakeToken('pat');
const JOB = fakeToken('app-token');
const si = useStandIns(PAT);
const { seed, stored, refreshTokenIn, inputs, job, rotate, claimsAt, expectLoginKept } = jobs(si, PAT);
beforeEach(() => si.gh.addToken(JOB, { kind: 'job', issues: 'write' }));

const CLIENT_REFRESH = { 'credentials-file': 'auto', 'client-refresh': 'true' };

/** Every attempt of the write-back fails with that status. */
function writeBackFails(status: number): void {
  for (let i = 0; i < 5; i++) si.gh.faults.push({ method: 'PUT', path: new RegExp(`/secrets/${SECRET}$`), status });
}

/** A login a holder refreshed but could not write back: its rotation is rescued in its claim. */
async function rescuedBeside(): Promise<ReturnType<typeof seed>> {
  const s = seed();
  writeBackFails(500);
  expect((await job(s.credentials)).code).toBe(1);
  return s;
}

/** The write-back fails for good, and GitHub refuses the rescue in the claim (after taking the settle). */
function rescueGoesToTheCache(): void {
  writeBackFails(500);
  const patch = { method: 'PATCH', path: CLAIM_VARIABLE };
  si.gh.faults.push({ ...patch, delayMs: 1 }, { ...patch, status: 403, body: '{"message":"Forbidden"}' });
}

/**
 * The CLI rotates what main handed it (the secret's value, as main left it), then the post step runs two
 * hours later, when the claim on a seed is over an hour old. `meanwhile` runs in between.
 */
async function postAfterCliRotates(
  credentials: string,
  main: Awaited<ReturnType<typeof job>>,
  meanwhile = (): void => undefined,
): Promise<void> {
  await cliRefreshes(si.oauth.tokenUrl, main.outputs['credentials-file'], refreshTokenIn(stored()));
  meanwhile();
  si.gh.advance(2 * HOUR);
  expectSuccess(
    await runStep('post', { inputs: inputs(credentials, CLIENT_REFRESH), state: main.state, home: main.home }),
  );
}

/** The seeds' claims the secret's value names: a login stored by hand has only its claim to stop a copy of it. */
function seedClaimsNamed(): string[] {
  const doc = JSON.parse(stored()) as { oauth_broker: { claims: Array<{ name: string; seed?: boolean }> } };
  return doc.oauth_broker.claims.filter((k) => k.seed).map((k) => k.name);
}

const claimOnSeed = (s: { refreshToken: string; accessToken: string }): string =>
  claimName(copyId(s.refreshToken, s.accessToken), 0);

describe('a token a CLI holds stays held', () => {
  it('until its job ends: a job needing a refresh meanwhile waits, then fails clearly, never presenting', async () => {
    const s = seed({ repo: REPO }, 8 * HOUR);
    const main = await job(s.credentials, { inputs: CLIENT_REFRESH });
    expectSuccess(main);
    // Far past an ordinary claim's deadline, on GitHub's clock: the CLI's hold lasts until its job ends.
    si.gh.advance(10 * 60_000);
    const other = await job(s.credentials, { inputs: { mode: 'refresh', 'lock-timeout': '2s' } });
    expectOneCleanLine(other, /^lock-timeout: a provider CLI in another job holds this refresh token/);
    expect(si.oauth.requests).toHaveLength(0);
    // Its post step finds the file unchanged (the CLI did not refresh) and releases the claim.
    const post = await runStep('post', {
      inputs: inputs(s.credentials, CLIENT_REFRESH),
      state: main.state,
      home: main.home,
    });
    expectSuccess(post);
    expect(claimsAt()).toEqual([]);
    expectSuccess(await job(s.credentials, { inputs: { mode: 'refresh' } }));
    expectLoginKept();
  });

  it.each([
    ['30 min apart: its marker tells it old', 30 * 60_000, 'these credentials are an old copy of the secret'],
    ['seconds apart: the seed names it', 10_000, 'another job already spent this refresh token'],
  ])("a CLI is never handed an old copy's refresh token, rotations %s", async (_, apart, says) => {
    const s = seed();
    expectSuccess(await job(s.credentials, { inputs: { mode: 'refresh' } }));
    const first = stored();
    await rotate(4, apart);
    // Its access token is still valid: the stored-token path, which hands a CLI the refresh token.
    const r = await job(first, { inputs: CLIENT_REFRESH });
    expectSuccess(r);
    expect(r.stdout).toContain(`client-refresh: ${says}`);
    expect(claimsAt()).toHaveLength(4);
    const file = JSON.parse(readFileSync(r.outputs['credentials-file'], 'utf8')) as { claudeAiOauth: object };
    expect(file.claudeAiOauth).not.toHaveProperty('refreshToken');
  });

  it('a claim won late, after the secret was written again, is released: the CLI gets the access token', async () => {
    const s = seed({ repo: REPO }, 8 * HOUR);
    si.gh.faults.push({ method: 'POST', path: VARIABLES, delayMs: 1_500 });
    const running = job(s.credentials, { inputs: CLIENT_REFRESH });
    while (si.gh.faults.length) await new Promise((r) => setTimeout(r, 10));
    si.gh.advance(2_000);
    si.gh.setRepoSecret(REPO, SECRET, s.credentials);
    const r = await running;
    expectSuccess(r);
    expect(r.stdout).toContain('client-refresh: another job already spent this refresh token');
    const file = JSON.parse(readFileSync(r.outputs['credentials-file'], 'utf8')) as { claudeAiOauth: object };
    expect(file.claudeAiOauth).not.toHaveProperty('refreshToken');
    expect(claimsAt()).toEqual([]);
  });

  it('a copy main has just refreshed is handed to the CLI, however long ago the one before was written', async () => {
    seed();
    await rotate(2, HOUR);
    si.gh.advance(9 * HOUR);
    const r = await job(stored(), { inputs: { ...CLIENT_REFRESH, mode: 'refresh' } });
    expectSuccess(r);
    expect(r.outputs.source).toBe('refreshed');
    const file = JSON.parse(readFileSync(r.outputs['credentials-file'], 'utf8')) as { claudeAiOauth: object };
    expect(file.claudeAiOauth).toHaveProperty('refreshToken');
  });

  it('a claim GitHub refuses costs the CLI its refresh token, never the job, and says so', async () => {
    const s = seed({ repo: REPO }, 8 * HOUR);
    si.gh.faults.push({ method: 'POST', path: VARIABLES, status: 403, body: '{"message":"Forbidden"}' });
    const r = await job(s.credentials, { inputs: CLIENT_REFRESH });
    expectSuccess(r);
    expect(r.stdout).toMatch(/^::warning::client-refresh: could not claim the refresh token for the CLI/m);
    const file = JSON.parse(readFileSync(r.outputs['credentials-file'], 'utf8')) as { claudeAiOauth: object };
    expect(file.claudeAiOauth).not.toHaveProperty('refreshToken');
    expect(file.claudeAiOauth).toHaveProperty('accessToken', s.accessToken);
  });

  it('a claim GitHub made but never confirmed is released: nothing held for a CLI without the token', async () => {
    const s = seed({ repo: REPO }, 8 * HOUR);
    // The create is answered 502 after GitHub made it, and every read-back fails: the job cannot tell.
    si.gh.faults.push({ method: 'POST', path: VARIABLES, after: 502 });
    for (let i = 0; i < 5; i++) si.gh.faults.push({ method: 'GET', path: CLAIM_VARIABLE, status: 502, body: '{}' });
    const r = await job(s.credentials, { inputs: CLIENT_REFRESH });
    expectSuccess(r);
    expect(r.stdout).toMatch(/^::warning::client-refresh: could not claim the refresh token for the CLI/m);
    expect(claimsAt()).toEqual([]);
    // So a job that needs a refresh is not told a CLI holds the token.
    expectSuccess(await job(s.credentials, { inputs: { mode: 'refresh' } }));
    expectLoginKept();
  });

  it("after main refreshed, the post step's write keeps main's claims: the seed's stays, never presented", async () => {
    const s = seed();
    const main = await job(s.credentials, { inputs: CLIENT_REFRESH });
    expectSuccess(main);
    expect(main.outputs.source).toBe('refreshed');
    await postAfterCliRotates(s.credentials, main);
    // The value written names the claim on the seed, which alone stops a job still holding the seed.
    expect(seedClaimsNamed()).toEqual([claimOnSeed(s)]);
    const presented = si.oauth.requests.length;
    await job(s.credentials, { inputs: { mode: 'refresh' } });
    expect(si.oauth.requests).toHaveLength(presented);
    expect(si.oauth.reuseCount).toBe(0);
    expectLoginKept();
  });

  it("without main's sealed note, the post step's write still names main's claims", async () => {
    const s = seed();
    const main = await job(s.credentials, { inputs: CLIENT_REFRESH });
    expectSuccess(main);
    // The note naming the copy the CLI was given is gone (a runner that cleaned its temp folder).
    await postAfterCliRotates(s.credentials, main, () => {
      for (const f of readdirSync(main.runnerTemp))
        if (f.startsWith('oauth-broker-pending-')) rmSync(join(main.runnerTemp, f));
    });
    expect(seedClaimsNamed()).toEqual([claimOnSeed(s)]);
    // The broker's next refresh sweeps nothing that still stops the seed.
    expectSuccess(await job(stored(), { inputs: { mode: 'refresh' } }));
    const presented = si.oauth.requests.length;
    await job(s.credentials, { inputs: { mode: 'refresh' } });
    expect(si.oauth.requests).toHaveLength(presented);
    expect(si.oauth.reuseCount).toBe(0);
  });

  it("after main recovered a rescue, the post step's write keeps the claims that value named", async () => {
    const s = await rescuedBeside();
    const main = await job(s.credentials, { inputs: CLIENT_REFRESH });
    expectSuccess(main);
    expect(main.stdout).toContain('Recovered the rotated credentials');
    await postAfterCliRotates(s.credentials, main);
    expect(seedClaimsNamed()).toEqual([claimOnSeed(s)]);
    expect(si.oauth.reuseCount).toBe(0);
    expectLoginKept();
  });

  it('a rescue another job is storing: the CLI gets the rescued access token, not the refresh token', async () => {
    const s = await rescuedBeside();
    // Another job holds the recovery's lock, alive: this one uses the rescued access token and writes nothing.
    const lock = claimName(copyId(s.refreshToken, s.accessToken), 0, true);
    si.gh.setVariable({ repo: REPO }, lock, JSON.stringify({ v: 2, n: 'alive', s: 'busy', l: 600, t: SECRET }));
    const r = await job(s.credentials, { inputs: CLIENT_REFRESH });
    expectSuccess(r);
    expect(r.outputs.source).toBe('shared');
    expect(stored()).toBe(s.credentials);
    const file = JSON.parse(readFileSync(r.outputs['credentials-file'], 'utf8')) as { claudeAiOauth: object };
    expect(file.claudeAiOauth).not.toHaveProperty('refreshToken');
    expect(si.oauth.reuseCount).toBe(0);
  });

  it("a CLI's rotation the post step cannot write is rescued, and alerted", async () => {
    const s = seed({ repo: REPO }, 8 * HOUR);
    const given = { ...CLIENT_REFRESH, alert: 'issue', 'alert-token': JOB };
    const main = await job(s.credentials, { inputs: given });
    expectSuccess(main);
    await cliRefreshes(si.oauth.tokenUrl, main.outputs['credentials-file'], s.refreshToken);
    writeBackFails(502);
    const post = await runStep('post', { inputs: inputs(s.credentials, given), state: main.state, home: main.home });
    expectOneCleanLine(post, /^The CLI's rotated refresh token was not stored/);
    const [issue] = si.gh.issues(REPO);
    expect(issue.title).toBe(`oauth-broker: ${SECRET} could not be rotated`);
    expect(issue.body).toContain("The CLI's rotated refresh token was not stored");
    // The next run holding the copy the CLI was given recovers it.
    const next = await job(s.credentials, { inputs: { mode: 'refresh' } });
    expectSuccess(next);
    expect(next.stdout).toContain('Recovered the rotated credentials');
    expectLoginKept();
  });

  it("a CLI's rotation whose post step cannot read the secret is rescued as of main's read, recovered", async () => {
    const s = seed({ repo: REPO }, 8 * HOUR);
    const main = await job(s.credentials, { inputs: CLIENT_REFRESH });
    expectSuccess(main);
    await cliRefreshes(si.oauth.tokenUrl, main.outputs['credentials-file'], s.refreshToken);
    for (let i = 0; i < 5; i++)
      si.gh.faults.push({ method: 'GET', path: new RegExp(`/secrets/${SECRET}$`), status: 502 });
    const post = await runStep('post', {
      inputs: inputs(s.credentials, CLIENT_REFRESH),
      state: main.state,
      home: main.home,
    });
    expectOneCleanLine(post, /^The CLI's rotated refresh token was not stored/);
    si.gh.faults.length = 0;
    const next = await job(s.credentials, { inputs: { mode: 'refresh' } });
    expectSuccess(next);
    expect(next.stdout).toContain('Recovered the rotated credentials');
    expectLoginKept();
  });
});

describe("a rescue in a pull request's cache", () => {
  it('a job on another ref does not present the token; re-running the holder recovers the login', async () => {
    const s = seed();
    rescueGoesToTheCache();
    const holder = await job(s.credentials, { ref: 'refs/pull/7/merge' });
    expect(holder.code).toBe(1);
    expect(holder.stdout).toMatch(/kept sealed beside the secret/);
    // Later, on the default branch, a job that needs a fresher token than the holder's result.
    si.gh.advance(2 * 60_000);
    const other = await job(s.credentials, { inputs: { 'min-ttl': '9h' } });
    const ref = 'refs\\/pull\\/7\\/merge';
    expectOneCleanLine(
      other,
      new RegExp(`^credentials: the job on ${ref} .* did not store what replaced it; re-run that job`),
    );
    expect(si.oauth.requests).toHaveLength(1);
    expect(stored()).toBe(s.credentials);
    const rerun = await job(s.credentials, { ref: 'refs/pull/7/merge' });
    expectSuccess(rerun);
    expect(rerun.stdout).toContain('Recovered the rotated credentials');
    expect(si.oauth.reuseCount).toBe(0);
    expectLoginKept();
  });
});

describe('a dead holder on a pull request', () => {
  it('is not taken over from another ref, whose cache cannot show its rescue; re-running it refreshes', async () => {
    const s = seed();
    si.oauth.faults.push({ action: 'hang' });
    const holder = await job(s.credentials, { ref: 'refs/pull/7/merge', env: { OAUTH_BROKER_HTTP_TIMEOUT_MS: '300' } });
    expect(holder.code).toBe(1);
    si.gh.advance(10 * 60_000);
    const main = await job(s.credentials);
    const ref = 'refs\\/pull\\/7\\/merge';
    expectOneCleanLine(
      main,
      new RegExp(`^credentials: the job on ${ref} .* never finished, and may have rotated it; re-run`),
    );
    expect(si.oauth.requests).toHaveLength(1);
    // The provider never answered it: re-run on its own ref, it finds no rescue and refreshes.
    const rerun = await job(s.credentials, { ref: 'refs/pull/7/merge' });
    expectSuccess(rerun);
    expect(rerun.stdout).toContain('never finished; taking over');
    expectLoginKept();
  });
});

describe('a dead holder on the default branch', () => {
  it('is taken over by a job on a pull request after its lease, like any other', async () => {
    const s = seed();
    si.oauth.faults.push({ action: 'hang' });
    expect((await job(s.credentials, { env: { OAUTH_BROKER_HTTP_TIMEOUT_MS: '300' } })).code).toBe(1);
    si.gh.advance(10 * 60_000);
    const pr = await job(s.credentials, { ref: 'refs/pull/7/merge' });
    expectSuccess(pr);
    expect(pr.stdout).toContain('never finished; taking over');
    expectLoginKept();
  });
});

describe('a rescue refreshed in turn', () => {
  it('whose refresh is rescued in the cache is found there: its claim records the secret as recovered', async () => {
    const s = await rescuedBeside();
    si.gh.advance(10_000);
    // The recovery's write goes through; the refresh of what it stored is rotated but not written, and
    // GitHub refuses its rescue in its claim (after the recovery's rewrite of the first claim and the settle).
    const put = { method: 'PUT', path: new RegExp(`/secrets/${SECRET}$`) };
    si.gh.faults.push({ ...put, delayMs: 1 });
    writeBackFails(500);
    const patch = { method: 'PATCH', path: CLAIM_VARIABLE };
    si.gh.faults.push({ ...patch, delayMs: 1 }, { ...patch, delayMs: 1 }, { ...patch, status: 403 });
    const recoverer = await job(s.credentials, { inputs: { 'min-ttl': '9h' } });
    expect(recoverer.code).toBe(1);
    expect(recoverer.stdout).toContain('Recovered the rotated credentials');
    expect(recoverer.stdout).toMatch(/kept sealed beside the secret/);
    expect(si.gh.faults).toEqual([]);
    si.gh.advance(10_000);
    // A job holding what the secret holds now finds that rotation in the cache and stores it.
    const next = await job(stored(), { inputs: { 'min-ttl': '9h' } });
    expectSuccess(next);
    expect(next.stdout).toContain('Recovered the rotated credentials');
    expect(si.oauth.refreshCount).toBe(3);
    expectLoginKept();
  });
});

describe('a rescue the secret has moved past', () => {
  it('found minutes after a login stored again by hand, is neither written nor presented', async () => {
    const s = await rescuedBeside();
    si.gh.advance(5 * 60_000);
    const again = seed();
    const r = await job(s.credentials, { inputs: { 'min-ttl': '9h' } });
    expectOneCleanLine(r, /this job holds an old copy/);
    expect(stored()).toBe(again.credentials);
    expect(si.oauth.refreshCount).toBe(1);
  });
});

describe('the recovery of a rescue is leased', () => {
  it('a recoverer whose lock comes only after another stored the rescue writes nothing again', async () => {
    const s = await rescuedBeside();
    // Of the two jobs' four creates (each its claim's, then the recovery lock's), the last is held back
    // until the other job has stored the rescue and freed its lock. An order only steps in one process keep.
    for (let i = 0; i < 3; i++) si.gh.faults.push({ method: 'POST', path: VARIABLES, delayMs: 1 });
    si.gh.faults.push({ method: 'POST', path: VARIABLES, delayMs: 1000 });
    const both = { inputs: { 'min-ttl': '9h' }, step: { inProcess: true } };
    const runs = await Promise.all([1, 2].map(() => job(s.credentials, both)));
    for (const r of runs) expectSuccess(r);
    expect(runs.filter((r) => r.stdout.includes('Recovered the rotated credentials'))).toHaveLength(1);
    expect(si.oauth.reuseCount).toBe(0);
    expectLoginKept();
  });

  it('a recoverer that died blocks the next job for its lease only, on GitHub’s clock', async () => {
    const s = await rescuedBeside();
    expect(stored()).toBe(s.credentials);
    // A job took the recovery's lock, then died (a cancel, a killed runner): its lock stays.
    const lock = claimName(copyId(s.refreshToken, s.accessToken), 0, true);
    si.gh.setVariable({ repo: REPO }, lock, JSON.stringify({ v: 2, n: 'dead', s: 'busy', l: 60, t: SECRET }));
    // The next job needs more than the rescued access token gives, so it waits for the write.
    const clock = testClock({ onSleep: (ms) => si.gh.advance(ms) });
    const next = await job(s.credentials, { clock, inputs: { 'min-ttl': '9h' } });
    expectSuccess(next);
    expect(next.stdout).toContain('Recovered the rotated credentials');
    expect(errorOf(next)).toBe('');
    // Nothing of the recovery stays: neither the dead lock nor the one that replaced it.
    expect(claimsAt().filter((n) => /_R\d+$/.test(n))).toEqual([]);
    expect(refreshTokenIn(stored())).not.toBe(s.refreshToken);
    expectLoginKept();
  });

  it('the bundled step cancelled, then killed, while writing a rescue: the next job recovers it in 75 s', async () => {
    const s = await rescuedBeside();
    // The recovery's write never gets an answer: the runner's cancel (deferred while shielded), then its kill.
    si.gh.faults.push({ method: 'PUT', path: new RegExp(`/secrets/${SECRET}$`), action: 'hang' });
    let child: ChildProcess | undefined;
    const env = si.cache.env('refs/heads/main');
    const before = si.gh.requests.length;
    const recoverer = runAction('main', { inputs: inputs(s.credentials), env, onSpawn: (c) => (child = c) });
    const writing = () => si.gh.requests.slice(before).some((q) => q.method === 'PUT' && q.path.endsWith(SECRET));
    await until(writing);
    child!.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 300));
    child!.kill('SIGKILL');
    expect((await recoverer).signal).toBe('SIGKILL');
    const killedAt = si.gh.now();
    // Most of the lock's lease passes on GitHub's clock, which alone judges it; the rest passes for real.
    si.gh.advance(50_000);
    const next = await runAction('main', {
      inputs: inputs(s.credentials, { 'min-ttl': '9h' }),
      env,
      timeoutMs: 60_000,
    });
    expectSuccess(next);
    expect(next.stdout).toContain('Recovered the rotated credentials');
    expect(si.gh.now() - killedAt).toBeLessThanOrEqual(75_000);
    expect(claimsAt().filter((n) => /_R\d+$/.test(n))).toEqual([]);
    expect(si.oauth.reuseCount).toBe(0);
    expectLoginKept();
  }, 90_000);
});
