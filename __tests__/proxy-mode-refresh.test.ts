// The proxy's own refresh during a job: through the bundle (the access token runs out mid-job, the proxy
// renews it and writes the rotation back), and its renewal in-process (src/proxy/renew.ts).
import { tmpdir } from 'node:os';
import { fakeToken } from './support/fake-tokens.js';
import { runAction, type RunResult } from './support/runner.js';
import { failSecretWrites, type Seeded } from './support/jobs.js';
import { HOUR, REPO, SECRET } from './support/stand-ins.js';
import { REFRESH_INPUTS, renewal } from '../src/proxy/renew.js';
import { ask, expectNothingOf, gone, laterStepSees, useProxyJob, postAfter } from './support/proxy-job.js';

const PAT = fakeToken('pat');
const { si, seed, inputs, proxyPid, upstream } = useProxyJob(PAT);

describe('proxy: true, mid-job refresh (dist)', () => {
  /** The live credentials in the secret now. */
  const inSecret = () =>
    JSON.parse(si.gh.repoSecret(REPO, SECRET)!.value) as {
      claudeAiOauth: { accessToken: string; refreshToken: string };
    };

  /** Upstream refuses every access token but the one the secret holds now, as an API refuses a revoked one. */
  function onlyTheCurrentToken(): void {
    upstream.handler = (req, res) => {
      const ok = req.headers.authorization === `Bearer ${inSecret().claudeAiOauth.accessToken}`;
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(ok ? '{"type":"message"}' : '{"type":"error","error":{"type":"authentication_error","message":"x"}}');
    };
  }

  async function later(main: RunResult, s: Seeded): Promise<RunResult> {
    const post = await postAfter(main, inputs(s));
    expect(post.code).toBe(0);
    return post;
  }

  it('refreshes when upstream answers 401, writes the rotation back, and sends the request again', async () => {
    const s = seed(8 * HOUR);
    const main = await runAction('main', { inputs: inputs(s) });
    expect(main.code).toBe(0);
    const pid = proxyPid(main);
    expect(si.oauth.refreshCount).toBe(0);
    // The API revokes the access token mid-job: the agent notices nothing.
    upstream.handler = (req, res) => {
      const revoked = req.headers.authorization === `Bearer ${s.accessToken}`;
      res.writeHead(revoked ? 401 : 200, { 'content-type': 'application/json' });
      res.end(revoked ? '{"type":"error","error":{"type":"authentication_error","message":"x"}}' : '{}');
    };
    const res = await ask(main);
    expect(res.status).toBe(200);
    expect(si.oauth.refreshCount).toBe(1);
    const now = inSecret().claudeAiOauth;
    expect(now.refreshToken).not.toBe(s.refreshToken);
    expect(si.oauth.isLive(now.refreshToken)).toBe(true);
    expect(upstream.requests.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${s.accessToken}`,
      `Bearer ${now.accessToken}`,
    ]);
    expectNothingOf(laterStepSees(main, pid), s.accessToken, s.refreshToken, now.accessToken, now.refreshToken);
    const post = await later(main, s);
    expect(await gone(pid)).toBe(true);
    expect(post.stdout).toContain('proxy: refreshed the access token mid-job, and wrote the rotation back.');
  });

  it("passes upstream's 401 through when the refresh fails, and the post step warns of it", async () => {
    const s = seed(8 * HOUR);
    const main = await runAction('main', { inputs: inputs(s) });
    expect(main.code).toBe(0);
    proxyPid(main);
    upstream.handler = (_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"type":"error","error":{"type":"authentication_error","message":"revoked"}}');
    };
    si.oauth.faults.push({ status: 503, body: '{"error":"temporarily_unavailable"}' });
    const res = await ask(main);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('revoked');
    expect(upstream.requests).toHaveLength(1);
    const post = await later(main, s);
    expect(post.stdout).toMatch(/::warning::proxy: the refresh failed: provider anthropic .*503.*; the current token/);
  });

  it('refreshes once for two requests at the same moment on a token that has come under min-ttl', async () => {
    // Valid for min-ttl when the main step looks, no longer a few seconds later.
    const s = seed(HOUR + 4_000);
    const main = await runAction('main', { inputs: inputs(s, { 'min-ttl': '1h' }) });
    expect(main.code).toBe(0);
    expect(main.outputs.source).toBe('stored');
    const pid = proxyPid(main);
    onlyTheCurrentToken();
    const expiresAt = JSON.parse(s.credentials).claudeAiOauth.expiresAt as number;
    await new Promise((r) => setTimeout(r, Math.max(0, expiresAt - HOUR - Date.now() + 100)));
    const answers = await Promise.all([ask(main), ask(main)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect(si.oauth.refreshCount).toBe(1);
    expect(si.oauth.reuseCount).toBe(0);
    const now = inSecret().claudeAiOauth;
    expect(upstream.requests.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${now.accessToken}`,
      `Bearer ${now.accessToken}`,
    ]);
    // A 401 to the token just refreshed (a request the agent made without the OAuth header, say) is
    // passed through: it does not rotate the login again. The written token stays the live one.
    upstream.handler = (_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{}');
    };
    for (let i = 0; i < 3; i++) expect((await ask(main)).status).toBe(401);
    expect(si.oauth.refreshCount).toBe(1);
    expect(si.oauth.reuseCount).toBe(0);
    expect(si.oauth.isLive(inSecret().claudeAiOauth.refreshToken)).toBe(true);
    expectNothingOf(laterStepSees(main, pid), s.accessToken, s.refreshToken, now.accessToken, now.refreshToken);
    await later(main, s);
  });
});

describe("the proxy's refresh, in-process", () => {
  /** The proxy's renewal of the copy `s`, as the main step hands it over; its log lines in `lines`. */
  function renewalOf(s: Seeded, lines: string[], extra: Record<string, string> = {}) {
    const all = inputs(s, extra);
    return renewal(
      {
        v: 1,
        provider: 'anthropic',
        upstream: upstream.url,
        placeholder: 'sk-ant-oat01-proxy-x',
        accessToken: s.accessToken,
        credentials: s.credentials,
        inputs: Object.fromEntries(REFRESH_INPUTS.map((name) => [name, all[name] ?? ''])),
        lease: '/nonexistent',
        watch: process.pid,
      },
      {
        log: (l) => lines.push(l),
        env: { GITHUB_REPOSITORY: REPO, RUNNER_TEMP: tmpdir() },
        fetch: globalThis.fetch,
        now: Date.now,
        monotonic: () => performance.now(),
        sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      },
    );
  }

  it("is the action's: claimed, written back, and the next one presents what was written", async () => {
    const s = seed(8 * HOUR);
    const lines: string[] = [];
    const { cfg, renew } = renewalOf(s, lines);
    expect(cfg.secret?.name).toBe(SECRET);
    const first = await renew();
    const stored = JSON.parse(si.gh.repoSecret(REPO, SECRET)!.value);
    expect(first.accessToken).toBe(stored.claudeAiOauth.accessToken);
    expect(stored.oauth_broker.written_at).toEqual(expect.any(String));
    const second = await renew();
    expect(second.accessToken).not.toBe(first.accessToken);
    expect([si.oauth.refreshCount, si.oauth.reuseCount]).toEqual([2, 0]);
    expect(si.oauth.isLive(JSON.parse(si.gh.repoSecret(REPO, SECRET)!.value).claudeAiOauth.refreshToken)).toBe(true);
    expect(lines).toContain('refresh: Refreshed at anthropic; a new refresh token was issued.');
    const known = [s.accessToken, s.refreshToken, first.accessToken, second.accessToken, PAT];
    expectNothingOf(lines.join('\n'), ...known);
  });

  it('takes a rescue another job is storing once it is stored, then refreshes what was stored', async () => {
    const s = seed(-HOUR);
    const plain = { proxy: 'false' };
    const env = { OAUTH_BROKER_RETRY_BASE_MS: '10' };
    const put = { method: 'PUT', path: new RegExp(`/secrets/${SECRET}$`) };
    failSecretWrites(si);
    expect((await runAction('main', { inputs: inputs(s, plain), env })).code).toBe(1);
    // An hour later, one job recovers the rescue (its write takes a while) while the proxy's refresh comes.
    si.gh.advance(HOUR);
    si.gh.faults.push({ ...put, delayMs: 1_500 });
    const recoverer = runAction('main', { inputs: inputs(s, plain), env });
    // Once its write is under way.
    for (let i = 0; i < 200 && si.gh.faults.length > 0; i++) await new Promise((r) => setTimeout(r, 25));
    const lines: string[] = [];
    const { renew } = renewalOf(s, lines, { mode: 'refresh' });
    // The rescued access token would do; the copy kept for the next refresh must be timed by its write.
    const first = await renew();
    expect((await recoverer).code).toBe(0);
    const second = await renew();
    expect(second.accessToken).not.toBe(first.accessToken);
    expect([si.oauth.refreshCount, si.oauth.reuseCount]).toEqual([2, 0]);
    expect(si.oauth.isLive(JSON.parse(si.gh.repoSecret(REPO, SECRET)!.value).claudeAiOauth.refreshToken)).toBe(true);
  });

  it('after taking the result of another job that refreshed its copy, never presents that copy', async () => {
    const s = seed(-HOUR);
    const plain = { proxy: 'false', mode: 'refresh' };
    expect((await runAction('main', { inputs: inputs(s, plain) })).code).toBe(0);
    // The copy just written, seconds old, held by two jobs: the other one refreshes it first.
    const json = si.gh.repoSecret(REPO, SECRET)!.value;
    const { accessToken, refreshToken } = (JSON.parse(json) as { claudeAiOauth: Seeded }).claudeAiOauth;
    const held: Seeded = { credentials: json, accessToken, refreshToken };
    expect((await runAction('main', { inputs: inputs(held, plain) })).code).toBe(0);
    const lines: string[] = [];
    const { renew } = renewalOf(held, lines, { mode: 'refresh' });
    // Twice: the result it took the first time is no copy of its own to refresh the second.
    const first = await renew();
    expect(await renew()).toEqual(first);
    expect([si.oauth.refreshCount, si.oauth.reuseCount]).toEqual([2, 0]);
    expect(si.oauth.isLive(JSON.parse(si.gh.repoSecret(REPO, SECRET)!.value).claudeAiOauth.refreshToken)).toBe(true);
  });
});
