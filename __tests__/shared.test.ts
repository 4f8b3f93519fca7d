// Across jobs (docs/design.md, "Claims"): jobs sharing the provider's token endpoint, GitHub's secrets
// and variables and a stand-in of the Actions cache service; the result of a refresh travels sealed in
// its claim. In-process (support/step.ts), but for the bundled jobs at once: separate processes racing
// for one token, as a matrix does.
import { openResult } from '../src/store/seal.js';
import { readFileSync } from 'node:fs';
import { runAction, type RunResult } from './support/runner.js';
import { HOUR, REPO, SECRET, useStandIns } from './support/stand-ins.js';
import { runStep, testClock, type Clock } from './support/step.js';
import { fakeToken } from './support/fake-tokens.js';

const PAT = fakeToken('pat');
const si = useStandIns(PAT);

function seed(ttlMs: number): { credentials: string; refreshToken: string; accessToken: string } {
  const { refreshToken, accessToken } = si.oauth.issue(['user:inference', 'user:profile']);
  const credentials = JSON.stringify({
    claudeAiOauth: {
      accessToken,
      refreshToken,
      expiresAt: Date.now() + ttlMs,
      scopes: ['user:inference', 'user:profile'],
      subscriptionType: 'pro',
    },
  });
  si.gh.setRepoSecret(REPO, SECRET, credentials);
  return { credentials, refreshToken, accessToken };
}

interface JobOptions {
  ref?: string;
  env?: Record<string, string>;
  inputs?: Record<string, string>;
  readOnly?: boolean;
  /** The bundled dist/main in its own process, instead of in-process. */
  dist?: boolean;
  clock?: Clock;
}

function job(credentials: string, opts: JobOptions = {}): Promise<RunResult> {
  const ref = opts.ref ?? 'refs/heads/main';
  const run = (o: Parameters<typeof runStep>[1] & { timeoutMs?: number }) =>
    opts.dist ? runAction('main', o) : runStep('main', { ...o, ...(opts.clock ? { clock: opts.clock } : {}) });
  return run({
    inputs: {
      credentials,
      'secret-name': SECRET,
      'github-token': PAT,
      'github-api-url': si.gh.url,
      'token-url': si.oauth.tokenUrl,
      ...opts.inputs,
    },
    env: {
      ...si.cache.env(ref, opts.readOnly ? { readOnlyRefs: [ref] } : undefined),
      ...(opts.dist ? { OAUTH_BROKER_POLL_MS: '150', OAUTH_BROKER_RETRY_BASE_MS: '10' } : {}),
      ...opts.env,
    },
    timeoutMs: 60_000,
  });
}

const secretValue = (): string => si.gh.repoSecret(REPO, SECRET)!.value;
const storedTokens = (): { accessToken: string; refreshToken: string } =>
  (JSON.parse(secretValue()) as { claudeAiOauth: { accessToken: string; refreshToken: string } }).claudeAiOauth;

// Bundled jobs at once, each its own process on this 2-core machine: enough to race (scripts/bench.ts runs 16).
const JOBS = 6;

describe('shared store', () => {
  it(`${JOBS} bundled jobs at once on one expired token: one refresh, one token for all (dist)`, async () => {
    const s = seed(-HOUR);
    const runs = await Promise.all(Array.from({ length: JOBS }, () => job(s.credentials, { dist: true })));
    for (const r of runs)
      expect({ code: r.code, error: r.stdout.match(/^::error::.*$/m)?.[0] }).toEqual({ code: 0, error: undefined });
    expect(si.oauth.refreshCount).toBe(1);
    expect(si.oauth.reuseCount).toBe(0);
    const stored = storedTokens();
    expect(new Set(runs.map((r) => r.outputs['access-token']))).toEqual(new Set([stored.accessToken]));
    expect(runs.map((r) => r.outputs.source).sort()).toEqual(['refreshed', ...Array(JOBS - 1).fill('shared')]);
    expect(runs.filter((r) => r.outputs['secret-updated'] === 'true')).toHaveLength(1);
    expect(si.oauth.isLive(stored.refreshToken)).toBe(true);
    // The result went through the claim: nothing is left in the cache, one claim beside the secret.
    expect(si.cache.entries()).toEqual([]);
    expect(si.gh.variableNames({ repo: REPO })).toHaveLength(1);
  });

  it('a waiting job logs its progress', async () => {
    const s = seed(-HOUR);
    // The provider answers slowly, so the others must wait for the lock holder, on the real clock.
    si.oauth.faults.push({ delayMs: 800 });
    const waiting = { clock: testClock({ instant: false }) };
    const runs = await Promise.all([
      job(s.credentials, waiting),
      job(s.credentials, waiting),
      job(s.credentials, waiting),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(si.oauth.refreshCount).toBe(1);
    const waiters = runs.filter((r) => r.outputs.source === 'shared');
    expect(waiters.length).toBeGreaterThan(0);
    for (const w of waiters) expect(w.stdout).toMatch(/being refreshed by another job; waiting up to lock-timeout/);
  });

  it('a stale job (old secret value) after a rotation succeeds from the store without refreshing', async () => {
    const s = seed(-HOUR);
    const rotation = await job(s.credentials, { inputs: { mode: 'refresh' } });
    expect(rotation.code).toBe(0);
    // A run queued before the rotation still holds the old value.
    const stale = await job(s.credentials);
    expect(stale.code).toBe(0);
    expect(stale.outputs).toMatchObject({
      source: 'shared',
      'access-token': rotation.outputs['access-token'],
      'secret-updated': 'false',
    });
    expect(stale.stdout).toContain('already refreshed by another job');
    expect(si.oauth.refreshCount).toBe(1);
    expect(si.oauth.reuseCount).toBe(0);
    expect(si.oauth.isLive(storedTokens().refreshToken)).toBe(true);
  });

  it('a stale job never hands the CLI its spent refresh token', async () => {
    const s = seed(-HOUR);
    expect((await job(s.credentials, { inputs: { mode: 'refresh' } })).code).toBe(0);
    const stale = await job(s.credentials, { inputs: { 'credentials-file': 'auto', 'client-refresh': 'true' } });
    expect(stale.code).toBe(0);
    expect(stale.outputs.source).toBe('shared');
    expect(stale.stdout).toContain('client-refresh: the file holds the access token only');
    const file = JSON.parse(readFileSync(stale.outputs['credentials-file'], 'utf8')) as {
      claudeAiOauth: Record<string, unknown>;
    };
    expect(file.claudeAiOauth).not.toHaveProperty('refreshToken');
    expect(file.claudeAiOauth.accessToken).toBe(storedTokens().accessToken);
    expect(Number(file.claudeAiOauth.expiresAt)).toBeGreaterThan(Date.now() + 7 * HOUR);
    // The state is `v1.<MAC>.<JSON>`.
    expect(JSON.parse(stale.state['oauth-broker'].replace(/^v1\.[0-9a-f]{64}\./, ''))).toMatchObject({
      clientRefresh: false,
    });
  });

  it('a claim reveals no piece of a token; its result opens only with the copy and the github-token', async () => {
    const s = seed(-HOUR);
    expect((await job(s.credentials)).code).toBe(0);
    const [name] = si.gh.variableNames({ repo: REPO });
    const value = si.gh.variable({ repo: REPO }, name)!.value;
    const stored = storedTokens();
    for (const t of [s.refreshToken, s.accessToken, stored.refreshToken, stored.accessToken, PAT]) {
      for (let i = 0; i + 12 <= t.length; i += 6) expect(`${name}${value}`).not.toContain(t.slice(i, i + 12));
    }
    const sealed = (JSON.parse(value) as { r: string }).r;
    const material = (pat: string, refresh = s.refreshToken) => `${refresh}\n${s.accessToken}\n${pat}`;
    expect(openResult(material(PAT), name, sealed)).toMatchObject({
      successor: { accessToken: stored.accessToken },
    });
    // Another github-token, another copy, another claim's name: nothing.
    expect(openResult(material(fakeToken('pat')), name, sealed)).toBeUndefined();
    expect(openResult(material(PAT, stored.refreshToken), name, sealed)).toBeUndefined();
    expect(openResult(material(PAT), `${name}X`, sealed)).toBeUndefined();
  });

  it('a write-back that fails persistently is recovered by the next run, with no new login', async () => {
    const s = seed(-HOUR);
    for (let i = 0; i < 5; i++)
      si.gh.faults.push({ method: 'PUT', pathIncludes: SECRET, status: 502, body: '{"message":"Server Error"}' });
    const failed = await job(s.credentials);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(
      /^::error::github-api-url: could not write repository secret CLAUDE_CREDENTIALS of octo\/app: .*502/m,
    );
    expect(failed.stdout).toMatch(/The rotated credentials are kept sealed beside the secret/);
    expect(secretValue()).toBe(s.credentials);
    expect(si.oauth.isLive(s.refreshToken)).toBe(false);

    const next = await job(s.credentials);
    expect(next.code).toBe(0);
    expect(next.stdout).toContain('Recovered the rotated credentials');
    expect(next.outputs).toMatchObject({ source: 'shared', 'secret-updated': 'true' });
    const stored = storedTokens();
    expect(si.oauth.isLive(stored.refreshToken)).toBe(true);
    expect(next.outputs['access-token']).toBe(stored.accessToken);
    expect(si.oauth.refreshCount).toBe(1);
    expect(si.oauth.reuseCount).toBe(0);
  });

  it('a recovery whose rescued access token is too short-lived stores the rescue, then refreshes it once', async () => {
    const s = seed(-HOUR);
    for (let i = 0; i < 5; i++)
      si.gh.faults.push({ method: 'PUT', pathIncludes: SECRET, status: 502, body: '{"message":"Server Error"}' });
    expect((await job(s.credentials)).code).toBe(1);
    // min-ttl beyond the 8 h the rescued access token has: it must be refreshed in turn.
    const next = await job(s.credentials, { inputs: { 'min-ttl': '9h' } });
    expect({ code: next.code, error: next.stdout.match(/^::error::.*$/m)?.[0] }).toEqual({ code: 0, error: undefined });
    expect(next.stdout).toContain('Recovered the rotated credentials');
    expect(next.outputs).toMatchObject({ source: 'refreshed', rotated: 'true', 'secret-updated': 'true' });
    expect(si.oauth.refreshCount).toBe(2);
    expect(si.oauth.reuseCount).toBe(0);
    const stored = storedTokens();
    expect(si.oauth.isLive(stored.refreshToken)).toBe(true);
    expect(next.outputs['access-token']).toBe(stored.accessToken);
    expect(si.gh.requests.filter((r) => r.method === 'PUT' && r.path.endsWith(SECRET) && r.status < 300)).toHaveLength(
      2,
    );
  });

  // Started 2 s after the failed holder (later than GitHub's whole seconds blur: a result settled before a job
  // began is not as fresh as its own), or hours after: the value recovered is as old as its write, not the
  // holder's, so a job that waited for that write takes it.
  it.each([
    ['2 s', 2_000],
    ['3 hours', 3 * HOUR],
  ])(
    'concurrent recoveries %s after: one writes the rescue, one refreshes it; none overwrites a newer rotation',
    async (_, after) => {
      const s = seed(-HOUR);
      for (let i = 0; i < 5; i++)
        si.gh.faults.push({ method: 'PUT', pathIncludes: SECRET, status: 502, body: '{"message":"Server Error"}' });
      expect((await job(s.credentials)).code).toBe(1);
      const claimed = si.gh.variableNames({ repo: REPO });
      si.gh.advance(after);
      const runs = await Promise.all(
        Array.from({ length: 6 }, () => job(s.credentials, { inputs: { 'min-ttl': '9h' } })),
      );
      // A job that reads the claim only once the rescue is stored has no way to the newer token: it says to
      // re-run (through dist/, where the jobs really run side by side); every other job gets that token.
      const late = /^::error::credentials: this job holds an old copy; .* re-run the job to read the current value\.$/m;
      const done = runs.filter((r) => !late.test(r.stdout));
      for (const r of done)
        expect({ code: r.code, error: r.stdout.match(/^::error::.*$/m)?.[0] }).toEqual({ code: 0, error: undefined });
      expect(done.filter((r) => r.stdout.includes('Recovered the rotated credentials'))).toHaveLength(1);
      expect(si.oauth.refreshCount).toBe(2);
      expect(si.oauth.reuseCount).toBe(0);
      const stored = storedTokens();
      expect(si.oauth.isLive(stored.refreshToken)).toBe(true);
      expect(new Set(done.map((r) => r.outputs['access-token']))).toEqual(new Set([stored.accessToken]));
      expect(
        si.gh.requests.filter((r) => r.method === 'PUT' && r.path.endsWith(SECRET) && r.status < 300),
      ).toHaveLength(2);
      // The refresh of the rescued credentials names the claim of the rotation that made them, the chain's seed.
      const named = (
        JSON.parse(si.gh.repoSecret(REPO, SECRET)!.value) as { oauth_broker: { claims: { name: string }[] } }
      ).oauth_broker.claims;
      expect(named.map((k) => k.name)).toEqual(expect.arrayContaining(claimed));
    },
  );

  it("a result is as old as the provider's answer, not as the recovery that rewrote its claim", async () => {
    const s = seed(-HOUR);
    for (let i = 0; i < 5; i++)
      si.gh.faults.push({ method: 'PUT', pathIncludes: SECRET, status: 502, body: '{"message":"Server Error"}' });
    expect((await job(s.credentials)).code).toBe(1);
    si.gh.advance(10_000);
    expect((await job(s.credentials)).stdout).toContain('Recovered the rotated credentials');
    // Right after the recovery, a job still holding the spent copy and wanting more than the rescued token's 8 h.
    const late = await job(s.credentials, { inputs: { 'min-ttl': '9h' } });
    expect(late.code).toBe(1);
    expect(late.stdout).toMatch(/^::error::credentials: this job holds an old copy; .*not valid for min-ttl 9h/m);
    expect(si.oauth.reuseCount).toBe(0);
  });

  it('share: false, and runners without the cache service, work with one info line at most', async () => {
    const s = seed(-HOUR);
    const off = await job(s.credentials, { inputs: { share: 'false' } });
    expect(off.code).toBe(0);
    expect(off.stdout).toContain('share: false; jobs that hold the same credentials get no shared result.');
    const s2 = seed(-HOUR);
    const none = await runStep('main', {
      inputs: {
        credentials: s2.credentials,
        'secret-name': SECRET,
        'github-token': PAT,
        'github-api-url': si.gh.url,
        'token-url': si.oauth.tokenUrl,
      },
    });
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/No Actions cache for a last-resort rescue: this runner has no Actions cache/);
    const s3 = seed(-HOUR);
    const ghes = await job(s3.credentials, { env: { GITHUB_SERVER_URL: 'https://ghe.example.com' } });
    expect(ghes.stdout.match(/^::error::.*$/m)?.[0]).toBeUndefined();
    expect(ghes.stdout).toContain('No Actions cache for a last-resort rescue: GitHub Enterprise Server offers');
    expect(si.cache.requests).toHaveLength(0);
  });
});
