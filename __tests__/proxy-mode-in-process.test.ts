// proxy: true with the main and post steps in-process (support/step.ts): the proxy started and stopped,
// and the inputs proxy mode refuses before any call.
import { spawn } from 'node:child_process';
import { alive as processAlive } from '../src/proxy/daemon.js';
import { proxyFolder, stopProxy } from '../src/proxy/launch.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fakeToken } from './support/fake-tokens.js';
import { HOUR } from './support/stand-ins.js';
import { runStep } from './support/step.js';
import { alive, ask, useProxyJob } from './support/proxy-job.js';

const PAT = fakeToken('pat');
const { si, seed, inputs, proxyPid, upstream } = useProxyJob(PAT);

describe('proxy: true in-process', () => {
  it('starts the proxy, hands out the placeholder, and the post step stops it', async () => {
    const s = seed(8 * HOUR);
    const main = await runStep('main', { inputs: inputs(s, { 'env-name': 'MY_TOKEN' }) });
    expect(main.code).toBe(0);
    const pid = proxyPid(main);
    expect(main.env.ANTHROPIC_BASE_URL).toBe(main.outputs['proxy-url']);
    expect(main.env.CLAUDE_CODE_OAUTH_TOKEN).toBeUndefined();
    expect(main.masks).toContain(main.env.MY_TOKEN);
    expect((await ask(main, main.env.MY_TOKEN)).status).toBe(200);
    expect(upstream.requests[0].headers.authorization).toBe(`Bearer ${s.accessToken}`);
    const post = await runStep('post', {
      inputs: inputs(s, { 'env-name': 'MY_TOKEN' }),
      home: main.home,
      runnerTemp: main.runnerTemp,
      state: main.state,
    });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('Stopped: the credential proxy, which forwarded 1 request and refused 0.');
    expect(alive(pid)).toBe(false);
  });

  it('ignores a proxy state this main step did not write, and stops nothing', async () => {
    const s = seed(8 * HOUR);
    const post = await runStep('post', {
      inputs: inputs(s),
      state: { 'oauth-broker-proxy': `v1.${'0'.repeat(64)}.{"pid":1,"dir":"/tmp/oauth-broker-proxy-x"}` },
    });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain("::warning::proxy: ignoring saved state that this step's main step did not write");
  });
});

describe('proxy: true inputs', () => {
  it.each([
    [
      { provider: 'oauth2', 'client-id': 'x', 'token-url': 'https://auth.example.com/token' },
      /^proxy: provider oauth2 cannot be proxied; use provider anthropic or openai, or proxy: false\.$/,
    ],
    [{ provider: 'openai', 'credentials-file': 'none' }, /^credentials-file: none leaves Codex without the auth\.json/],
    [{ 'client-refresh': 'true' }, /^client-refresh: true would hand later steps the refresh token/],
    [{ 'proxy-upstream': 'http://example.com' }, /^proxy-upstream: "http:\/\/example\.com" must be an https URL\.$/],
    [{ proxy: 'yes' }, /^proxy: "yes" is not true or false\.$/],
  ])('refuses %j before any call', async (extra, message) => {
    const s = seed(8 * HOUR);
    const r = await runStep('main', { inputs: inputs(s, extra) });
    expect(r.code).toBe(1);
    const error = r.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
    expect(error.slice('::error::'.length)).toMatch(message);
    expect(si.oauth.requests.length + si.gh.requests.length).toBe(0);
  });
});

describe("the proxy's process watch", () => {
  it('counts a zombie as gone: in a job container nobody reaps the stopped proxy', async () => {
    // sh starts a child that exits at once, then becomes a sleep that never reaps it.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const zombie = Number(await new Promise<string>((resolve) => parent.stdout.once('data', (d) => resolve(`${d}`))));
    try {
      for (let i = 0; i < 100 && processAlive(zombie); i++) await new Promise((r) => setTimeout(r, 20));
      expect(processAlive(zombie)).toBe(false);
      expect(processAlive(parent.pid!)).toBe(true);
      expect(processAlive(process.pid)).toBe(true);
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it("never waits for, nor signals, another process that took a dead proxy's number", async () => {
    const other = spawn('sleep', ['30'], { cwd: tmpdir(), stdio: 'ignore' });
    const parent = mkdtempSync(`${tmpdir()}/stop-`);
    try {
      expect((await stopProxy(other.pid!, proxyFolder(parent))).how).toBe('gone');
      expect(processAlive(other.pid!)).toBe(true);
    } finally {
      other.kill('SIGKILL');
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('waits for the proxy whose folder was removed under it (it ends its refresh first)', async () => {
    const parent = mkdtempSync(`${tmpdir()}/stop-`);
    const folder = proxyFolder(parent);
    const proxy = spawn('sleep', ['0.5'], { cwd: folder.dir, stdio: 'ignore' });
    try {
      rmSync(folder.dir, { recursive: true });
      expect((await stopProxy(proxy.pid!, folder)).how).toBe('stopped');
    } finally {
      proxy.kill('SIGKILL');
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
