// proxy: true through the bundled dist/main, dist/proxy and dist/post as the runner runs them: later
// steps get the proxy's URL and a placeholder, and nothing they can read holds a piece of a token; a
// request with the placeholder reaches the provider's API with the live token; the proxy stops with
// the post step, when the main step fails after starting it, and when the job's runner is gone.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeToken } from './support/fake-tokens.js';
import { distEntry, runAction, runMainThenPost } from './support/runner.js';
import { HOUR, REPO, SECRET } from './support/stand-ins.js';
import { messagesStream } from './support/upstream.js';
import { startProxy } from './support/proxy.js';
import { alive, ask, expectNothingOf, gone, laterStepSees, useProxyJob, postAfter } from './support/proxy-job.js';

const PAT = fakeToken('pat');
const { si, seed, inputs, proxyPid, upstream } = useProxyJob(PAT);

describe('proxy: true (dist)', () => {
  it('gives later steps the URL and a placeholder only; the placeholder reaches upstream as the token', async () => {
    // Claude Code keeps MCP servers' OAuth tokens beside its own: the agent must get none of them.
    const mcpToken = fakeToken('opaque');
    const seeded = seed(8 * HOUR);
    const s = { ...seeded, credentials: JSON.stringify({ ...JSON.parse(seeded.credentials), mcpOAuth: { mcpToken } }) };
    si.gh.setRepoSecret(REPO, SECRET, s.credentials);
    // Secrets given to the broker step alone, through `env:`, as workflows do: the proxy must not keep them.
    const stepEnv = { BROKER_CREDENTIALS: s.credentials, WRITER_PAT: PAT };
    const main = await runAction('main', { inputs: inputs(s, { 'credentials-file': 'auto' }), env: stepEnv });
    expect(main.code).toBe(0);
    const pid = proxyPid(main);
    expect(alive(pid)).toBe(true);
    expect(main.outputs['access-token']).toBe('');
    expect(main.outputs['proxy-url']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(main.outputs.source).toBe('stored');
    expect(main.env.ANTHROPIC_BASE_URL).toBe(main.outputs['proxy-url']);
    const placeholder = main.env.CLAUDE_CODE_OAUTH_TOKEN;
    expect(placeholder).toMatch(/^sk-ant-oat01-proxy-[A-Za-z0-9_-]{43}$/);
    // Claude Code's file: the placeholder, never expiring in this job, no refresh token.
    const file = JSON.parse(readFileSync(main.outputs['credentials-file'], 'utf8')).claudeAiOauth;
    expect(file.accessToken).toBe(placeholder);
    expect(file.refreshToken).toBeUndefined();
    expect(file.expiresAt).toBeGreaterThan(Date.now() + 300 * 24 * HOUR);
    expect(main.summary).toContain(main.outputs['proxy-url']);

    const res = await ask(main);
    expect(res.status).toBe(200);
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0].headers.authorization).toBe(`Bearer ${s.accessToken}`);
    expect(upstream.requests[0].url).toBe('/v1/messages?beta=true');
    // Another bearer gets nowhere.
    expect((await ask(main, fakeToken('anthropic-access'))).status).toBe(401);
    expect(upstream.requests).toHaveLength(1);

    const seen = laterStepSees(main, pid);
    // The sweep reads what it says it reads: the environment, the proxy's log and its /proc entries.
    expect(seen).toContain(placeholder);
    expect(seen).toContain('listening on http://127.0.0.1:');
    if (process.platform === 'linux') expect(seen).toContain(`RUNNER_TEMP=${main.runnerTemp}`);
    expectNothingOf(seen, s.accessToken, s.refreshToken, mcpToken, s.credentials, PAT);

    const post = await postAfter(main, inputs(s, { 'credentials-file': 'auto' }));
    expect(post.code).toBe(0);
    expect(await gone(pid)).toBe(true);
    expect(post.stdout).toContain('Stopped: the credential proxy, which forwarded 1 request and refused 1.');
    expect(post.stdout).toMatch(/proxy: refused POST \/v1\/messages: 401 /);
    await expect(ask(main)).rejects.toThrow();
    expect(readdirSync(main.runnerTemp).filter((n) => n.startsWith('oauth-broker-proxy-'))).toEqual([]);
  });

  it('proxies the refreshed token after a refresh; neither token, old or new, reaches a later step', async () => {
    const s = seed(-HOUR);
    const main = await runAction('main', { inputs: inputs(s) });
    expect(main.code).toBe(0);
    const pid = proxyPid(main);
    const stored = JSON.parse(si.gh.repoSecret(REPO, SECRET)!.value).claudeAiOauth;
    expect(stored.refreshToken).not.toBe(s.refreshToken);
    expect(main.outputs).toMatchObject({ source: 'refreshed', 'secret-updated': 'true', 'access-token': '' });
    expect((await ask(main)).status).toBe(200);
    expect(upstream.requests[0].headers.authorization).toBe(`Bearer ${stored.accessToken}`);
    const tokens = [s.accessToken, s.refreshToken, stored.accessToken, stored.refreshToken, s.credentials];
    expectNothingOf(laterStepSees(main, pid), ...tokens);
    const post = await postAfter(main, inputs(s));
    expect(post.code).toBe(0);
    expect(await gone(pid)).toBe(true);
  });

  it('is stopped by the main step when handing out fails after it started', async () => {
    const s = seed(8 * HOUR);
    const home = mkdtempSync(join(tmpdir(), 'proxy-home-'));
    // A directory where the credentials file would go: refused after the proxy is up.
    mkdirSync(join(home, '.claude', '.credentials.json'), { recursive: true });
    const { main, post } = await runMainThenPost({ inputs: inputs(s, { 'credentials-file': 'auto' }), home });
    expect(main.code).toBe(1);
    expect(main.stdout).toMatch(/::error::credentials-file: .* is a directory/);
    const pid = proxyPid(main);
    expect(await gone(pid, 500)).toBe(true);
    expect(main.env).toEqual({});
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('Found already stopped: the credential proxy');
  });

  it("stops by itself when the job's runner process is gone", async () => {
    const s = seed(8 * HOUR);
    // A stand-in for Runner.Worker: the main step's parent, gone once the step is done.
    const dir = mkdtempSync(join(tmpdir(), 'proxy-runner-'));
    const worker = join(dir, 'worker.mjs');
    writeFileSync(
      worker,
      "import { spawn, spawnSync } from 'node:child_process';\n" +
        `const r = spawnSync(process.execPath, [${JSON.stringify(distEntry('main'))}], { stdio: 'inherit' });\n` +
        'process.exit(r.status ?? 1);\n',
    );
    const main = await runAction('main', { inputs: inputs(s), script: worker });
    expect(main.code).toBe(0);
    const pid = proxyPid(main);
    expect(await gone(pid)).toBe(true);
    expect(readFileSync(join(main.runnerTemp, readdirSync(main.runnerTemp)[0], 'proxy.log'), 'utf8')).toContain(
      "stopping: the job's runner process is gone",
    );
  });
});

describe("proxy: true behind the runner's HTTP(S) proxy (dist)", () => {
  it('reaches the upstream through HTTPS_PROXY, TLS inside the tunnel, as the broker does', async () => {
    const forward = await startProxy();
    try {
      const s = seed(8 * HOUR);
      const port = new URL(upstream.url).port;
      const main = await runAction('main', {
        inputs: inputs(s, { 'proxy-upstream': `https://api.invalid:${port}` }),
        env: { HTTPS_PROXY: forward.url, NODE_EXTRA_CA_CERTS: forward.caFile },
      });
      expect(main.code).toBe(0);
      const pid = proxyPid(main);
      const res = await ask(main);
      expect(res.status).toBe(200);
      expect(upstream.requests[0].headers).toMatchObject({
        authorization: `Bearer ${s.accessToken}`,
        host: `api.invalid:${port}`,
      });
      expect(forward.seen).toEqual([`api.invalid:${port}`]);
      // A second request takes the same tunnel.
      expect((await ask(main)).status).toBe(200);
      expect(forward.seen).toHaveLength(1);
      const seen = laterStepSees(main, pid);
      expect(seen).toContain(`through the runner's proxy ${new URL(forward.url).host}`);
      expectNothingOf(seen, s.accessToken, s.refreshToken, s.credentials);
    } finally {
      await forward.close();
    }
  });
});

// The real Claude Code CLI, where it is installed: OAUTH_BROKER_CLAUDE_BIN, or `claude` on PATH.
const claudeBin =
  process.env.OAUTH_BROKER_CLAUDE_BIN ||
  (spawnSync('sh', ['-c', 'command -v claude'], { encoding: 'utf8' }).stdout.trim() as string);
const withClaude = claudeBin ? it : it.skip;

describe('the real Claude Code CLI through the proxy (dist)', () => {
  withClaude(
    claudeBin
      ? 'claude -p, given only what the action exported, streams its answer through the proxy'
      : 'claude -p through the proxy: SKIPPED, no Claude Code CLI (set OAUTH_BROKER_CLAUDE_BIN or put claude on PATH)',
    async () => {
      const s = seed(8 * HOUR);
      const main = await runAction('main', { inputs: inputs(s) });
      expect(main.code).toBe(0);
      proxyPid(main);
      upstream.handler = messagesStream('PROXIED-OK');
      const home = mkdtempSync(join(tmpdir(), 'claude-home-'));
      // Not spawnSync: the upstream stand-in answers from this process.
      const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const env = { PATH: process.env.PATH, HOME: home, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', ...main.env };
        const child = spawn(claudeBin, ['-p', 'Say hi.'], { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
        child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
        child.on('close', (status) => resolve({ status, stdout, stderr }));
      });
      expect([run.status, run.stdout.trim()]).toEqual([0, 'PROXIED-OK']);
      expect(upstream.requests).toHaveLength(1);
      const got = upstream.requests[0];
      expect(got.url).toMatch(/^\/v1\/messages(\?|$)/);
      expect(got.headers.authorization).toBe(`Bearer ${s.accessToken}`);
      expect(got.headers['anthropic-beta']).toContain('oauth-2025-04-20');
      expect(JSON.parse(got.body).stream).toBe(true);
      expectNothingOf(`${run.stdout}\n${run.stderr}`, s.accessToken, s.refreshToken);
    },
  );
});
