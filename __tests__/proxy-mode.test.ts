// proxy: true through the bundled dist/main, dist/proxy and dist/post as the runner runs them: later
// steps get the proxy's URL and a placeholder, and nothing they can read holds a piece of a token; a
// request with the placeholder reaches the provider's API with the live token; the proxy stops with
// the post step, when the main step fails after starting it, and when the job's runner is gone.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeJwt, fakeToken } from './support/fake-tokens.js';
import { httpsCall } from './support/http.js';
import { leaks } from './support/leaks.js';
import { distEntry, runAction, runMainThenPost, type RunResult } from './support/runner.js';
import { jobs, type Seeded } from './support/jobs.js';
import { HOUR, REPO, SECRET, useStandIns } from './support/stand-ins.js';
import { runStep } from './support/step.js';
import { messagesStream, startUpstream, type Upstream } from './support/upstream.js';
import { startProxy } from './support/proxy.js';
import { REFRESH_INPUTS, renewal } from '../src/proxy/renew.js';
import { jwtClaims } from '../src/core/jwt.js';

const PAT = fakeToken('pat');
const si = useStandIns(PAT, { cache: false });
let upstream: Upstream;
const started: number[] = [];

beforeAll(() => {
  if (!existsSync(distEntry('main')) || !existsSync(join(distEntry('main'), '..', '..', 'proxy', 'index.js')))
    throw new Error('dist/main or dist/proxy does not exist: run `npm run bundle` first');
});
beforeEach(async () => {
  upstream = await startUpstream();
});
afterEach(async () => {
  // A test that failed half-way leaves no proxy behind.
  for (const pid of started.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
  await upstream.close();
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function gone(pid: number, ms = 3_000): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 25)))
    if (!alive(pid)) return true;
  return !alive(pid);
}

const j = jobs(si, PAT);
const seed = (ttlMs: number): Seeded => j.seed({ repo: REPO }, ttlMs);
/** A job's inputs with proxy mode on, forwarding to the upstream stand-in. */
const inputs = (s: Seeded, extra: Record<string, string> = {}): Record<string, string> =>
  j.inputs(s.credentials, { proxy: 'true', 'proxy-upstream': upstream.url, ...extra });

/** The proxy's pid, from the state the main step saved for its post step. */
function proxyPid(main: RunResult): number {
  const raw = main.state['oauth-broker-proxy'];
  expect(raw).toMatch(/^v1\.[0-9a-f]{64}\./);
  const pid = (JSON.parse(raw.replace(/^v1\.[0-9a-f]{64}\./, '')) as { pid: number }).pid;
  started.push(pid);
  return pid;
}

/** Every file under these folders, read whole. */
function filesUnder(...dirs: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else if (st.isFile()) out.push([path, readFileSync(path, 'utf8')]);
    }
  };
  for (const d of dirs) if (existsSync(d)) walk(d);
  return out;
}

/** What a later step can read: its environment, outputs, summary, files under HOME, RUNNER_TEMP and the workspace. */
function laterStepSees(main: RunResult, pid: number): string {
  const parts = [
    JSON.stringify(main.env),
    JSON.stringify(main.outputs),
    main.summary,
    ...filesUnder(main.home, main.runnerTemp, main.dir).map(([path, text]) => `${path}\n${text}`),
  ];
  // The proxy's own environment and command line are readable by the same user (Linux).
  for (const f of ['environ', 'cmdline'])
    if (existsSync(`/proc/${pid}/${f}`)) parts.push(readFileSync(`/proc/${pid}/${f}`, 'utf8'));
  return parts.join('\n');
}

function expectNothingOf(seen: string, ...secrets: string[]): void {
  expect(leaks({ stdout: seen, stderr: '', summary: '' }, secrets)).toEqual([]);
}

async function ask(main: RunResult, token = main.env.CLAUDE_CODE_OAUTH_TOKEN): Promise<Response> {
  return fetch(`${main.env.ANTHROPIC_BASE_URL}/v1/messages?beta=true`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'anthropic-beta': 'oauth-2025-04-20',
      'content-type': 'application/json',
    },
    body: '{"model":"claude-sonnet-4-5","max_tokens":8,"messages":[]}',
  });
}

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

    const post = await runAction('post', {
      inputs: inputs(s, { 'credentials-file': 'auto' }),
      home: main.home,
      runnerTemp: main.runnerTemp,
      state: main.state,
      env: main.env,
    });
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
    const post = await runAction('post', {
      inputs: inputs(s),
      home: main.home,
      runnerTemp: main.runnerTemp,
      state: main.state,
      env: main.env,
    });
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

describe('proxy: true for Codex (dist)', () => {
  const AUTH = { 'https://api.openai.com/auth': { chatgpt_account_id: 'acct-42', chatgpt_plan_type: 'pro' } };

  const exp = (ms: number) => Math.floor((Date.now() + ms) / 1000);

  function seedCodex(refreshToken = fakeToken('opaque')): Seeded & { idToken: string; apiKey: string } {
    const idToken = fakeJwt({ ...AUTH, email: 'ci@example.com', exp: exp(HOUR) });
    const accessToken = fakeJwt({ ...AUTH, exp: exp(8 * HOUR) });
    const tokens = { id_token: idToken, access_token: accessToken, refresh_token: refreshToken, account_id: 'acct-42' };
    const last = new Date(Date.now() - 30 * 24 * HOUR).toISOString();
    // Codex may keep an API key beside a ChatGPT login: a secret the agent must not get either.
    const apiKey = fakeToken('openai-api-key');
    const credentials = JSON.stringify({ auth_mode: 'chatgpt', OPENAI_API_KEY: apiKey, tokens, last_refresh: last });
    si.gh.setRepoSecret(REPO, SECRET, credentials);
    return { credentials, accessToken, refreshToken, idToken, apiKey };
  }

  /** An https request to the proxy, trusting only the CA the action exported. */
  function call(main: RunResult, method: string, path: string, headers: Record<string, string>, body = '') {
    const ca = readFileSync(main.env.CODEX_CA_CERTIFICATE, 'utf8');
    return httpsCall(`${main.outputs['proxy-url']}${path}`, ca, method, headers, body);
  }

  it('hands Codex placeholders keeping its claims, points it at an https proxy, answers its refresh', async () => {
    const s = seedCodex();
    const home = mkdtempSync(join(tmpdir(), 'codex-home-'));
    mkdirSync(join(home, '.codex'));
    writeFileSync(join(home, '.codex', 'config.toml'), 'model = "mine"\n');
    const all = inputs(s, { provider: 'openai' });
    const main = await runAction('main', { inputs: all, home });
    expect(main.code).toBe(0);
    const pid = proxyPid(main);
    const url = main.outputs['proxy-url'];
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(main.outputs['access-token']).toBe('');
    expect(main.env).toEqual({
      CODEX_HOME: join(home, '.codex'),
      CODEX_CA_CERTIFICATE: expect.stringMatching(/oauth-broker-proxy-.*\/ca\.pem$/),
      CODEX_REFRESH_TOKEN_URL_OVERRIDE: `${url}/oauth/token`,
    });
    expect(readFileSync(join(home, '.codex', 'config.toml'), 'utf8')).toBe(
      `chatgpt_base_url = "${url}/backend-api/"\nopenai_base_url = "${url}/backend-api/codex"\n`,
    );
    const tokens = JSON.parse(readFileSync(join(home, '.codex', 'auth.json'), 'utf8')).tokens;
    const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
    expect(tokens.account_id).toBe('acct-42');
    expect(claims(tokens.access_token)).toMatchObject(AUTH);
    expect(claims(tokens.id_token)).toMatchObject({ ...AUTH, email: 'ci@example.com' });
    for (const t of [tokens.access_token, tokens.id_token]) {
      expect(claims(t).exp * 1000).toBeGreaterThan(Date.now() + 300 * 24 * HOUR);
    }
    expect(tokens.refresh_token).toMatch(/^oauth-broker-proxy-/);
    const written = JSON.parse(readFileSync(join(home, '.codex', 'auth.json'), 'utf8'));
    expect(Date.parse(written.last_refresh)).toBeGreaterThan(Date.now() - 60_000);

    // Inference goes upstream with the live token; the account header passes through.
    const bearer = { authorization: `Bearer ${tokens.access_token}`, 'chatgpt-account-id': 'acct-42' };
    const res = await call(main, 'POST', '/backend-api/codex/responses', bearer, '{"stream":true}');
    expect(res.status).toBe(200);
    expect(upstream.requests[0]).toMatchObject({ method: 'POST', url: '/backend-api/codex/responses' });
    expect(upstream.requests[0].headers).toMatchObject({
      authorization: `Bearer ${s.accessToken}`,
      'chatgpt-account-id': 'acct-42',
    });
    expect((await call(main, 'GET', '/backend-api/wham/accounts/check', bearer)).status).toBe(200);
    // What Codex tolerates being refused is refused.
    expect((await call(main, 'GET', '/backend-api/ps/plugins/installed', bearer)).status).toBe(404);
    expect(upstream.requests).toHaveLength(2);
    // Codex's own refresh: its placeholders again, for its placeholder only; nothing leaves the runner.
    const json = { 'content-type': 'application/json' };
    const refresh = (token: string) =>
      call(main, 'POST', '/oauth/token', json, JSON.stringify({ grant_type: 'refresh_token', refresh_token: token }));
    const again = await refresh(tokens.refresh_token);
    expect(again.status).toBe(200);
    expect(JSON.parse(again.body)).toEqual({
      access_token: tokens.access_token,
      refresh_token: tokens.refresh_token,
      id_token: tokens.id_token,
    });
    expect((await refresh(s.refreshToken)).status).toBe(400);
    expect(upstream.requests).toHaveLength(2);
    expect(si.oauth.requests).toHaveLength(0);

    expect(written.OPENAI_API_KEY).toBeNull();
    expectNothingOf(laterStepSees(main, pid), s.accessToken, s.refreshToken, s.idToken, s.apiKey, s.credentials);
    const post = await runAction('post', { inputs: all, home, runnerTemp: main.runnerTemp, state: main.state });
    expect(post.code).toBe(0);
    expect(await gone(pid)).toBe(true);
    expect(existsSync(join(home, '.codex', 'auth.json'))).toBe(false);
    expect(readFileSync(join(home, '.codex', 'config.toml'), 'utf8')).toBe('model = "mine"\n');
  });

  it('refreshes the ChatGPT login mid-job when upstream answers 401; Codex keeps its placeholders', async () => {
    const mint = { access: () => fakeJwt({ ...AUTH, exp: exp(240 * HOUR) }), refresh: () => fakeToken('opaque') };
    const oauth = await si.restartOAuth({
      clientId: 'app_EMoamEEZ73f0CkXaXp7hrann',
      path: '/oauth/token',
      omitExpiresIn: true,
      mint: { ...mint, id: () => fakeJwt({ ...AUTH, exp: exp(HOUR) }) },
    });
    const s = seedCodex(oauth.issue([]).refreshToken);
    const home = mkdtempSync(join(tmpdir(), 'codex-home-'));
    const all = inputs(s, { provider: 'openai' });
    const main = await runAction('main', { inputs: all, home });
    expect(main.code).toBe(0);
    const pid = proxyPid(main);
    const file = join(home, '.codex', 'auth.json');
    const before = readFileSync(file, 'utf8');
    const tokens = JSON.parse(before).tokens;
    upstream.handler = (req, res) => {
      const revoked = req.headers.authorization === `Bearer ${s.accessToken}`;
      res.writeHead(revoked ? 401 : 200, { 'content-type': 'application/json' });
      res.end('{}');
    };
    const bearer = { authorization: `Bearer ${tokens.access_token}`, 'chatgpt-account-id': 'acct-42' };
    expect((await call(main, 'POST', '/backend-api/codex/responses', bearer, '{}')).status).toBe(200);
    expect(oauth.refreshCount).toBe(1);
    const stored = JSON.parse(si.gh.repoSecret(REPO, SECRET)!.value).tokens;
    expect(stored.refresh_token).not.toBe(s.refreshToken);
    expect(oauth.isLive(stored.refresh_token)).toBe(true);
    expect(upstream.requests.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${s.accessToken}`,
      `Bearer ${stored.access_token}`,
    ]);
    expect(readFileSync(file, 'utf8')).toBe(before);
    const secrets = [s.accessToken, s.refreshToken, s.idToken, stored.access_token, stored.refresh_token];
    expectNothingOf(laterStepSees(main, pid), ...secrets, stored.id_token);
    const post = await runAction('post', { inputs: all, home, runnerTemp: main.runnerTemp, state: main.state });
    expect(post.code).toBe(0);
  });

  it('in-process too: placeholders and config for Codex, undone by the post step', async () => {
    const s = seedCodex();
    const all = inputs(s, { provider: 'openai' });
    const main = await runStep('main', { inputs: all });
    expect(main.code).toBe(0);
    const pid = proxyPid(main);
    const tokens = JSON.parse(readFileSync(join(main.home, '.codex', 'auth.json'), 'utf8')).tokens;
    expect(jwtClaims(tokens.access_token)).toMatchObject(AUTH);
    expect(main.masks).toEqual(expect.arrayContaining([tokens.access_token, tokens.id_token, tokens.refresh_token]));
    expect(existsSync(join(main.home, '.codex', 'config.toml'))).toBe(true);
    const post = await runStep('post', {
      inputs: all,
      home: main.home,
      runnerTemp: main.runnerTemp,
      state: main.state,
    });
    expect(post.code).toBe(0);
    expect(alive(pid)).toBe(false);
    expect(readdirSync(join(main.home, '.codex'))).toEqual([]);
  });

  // The real Codex CLI, where it is installed: OAUTH_BROKER_CODEX_BIN, or `codex` on PATH.
  const codexBin =
    process.env.OAUTH_BROKER_CODEX_BIN ||
    (spawnSync('sh', ['-c', 'command -v codex'], { encoding: 'utf8' }).stdout.trim() as string);
  (codexBin ? it : it.skip)(
    codexBin
      ? 'codex exec, given only what the action exported, reaches the upstream through the proxy with the live token'
      : 'codex exec through the proxy: SKIPPED, no Codex CLI (set OAUTH_BROKER_CODEX_BIN or put codex on PATH)',
    async () => {
      const s = seedCodex();
      const home = mkdtempSync(join(tmpdir(), 'codex-home-'));
      const main = await runAction('main', { inputs: inputs(s, { provider: 'openai' }), home });
      expect(main.code).toBe(0);
      proxyPid(main);
      // Not spawnSync: the upstream stand-in answers from this process. Codex gives up on this stand-in's
      // answers (it is not the ChatGPT backend); what matters is what reached it, and how.
      await new Promise<void>((resolve) => {
        const env = { PATH: process.env.PATH, HOME: home, ...main.env };
        const child = spawn(codexBin, ['exec', '--skip-git-repo-check', 'Say hi.'], {
          env,
          cwd: home,
          stdio: 'ignore',
          timeout: 20_000,
        });
        child.on('close', () => resolve());
      });
      const paths = upstream.requests.map((r) => r.url.split('?')[0]);
      expect(paths).toContain('/backend-api/codex/models');
      expect(paths).toContain('/backend-api/wham/accounts/check');
      expect(paths.every((p) => /^\/backend-api\/(codex\/(models|responses)|wham\/accounts\/check)/.test(p))).toBe(
        true,
      );
      for (const r of upstream.requests) {
        expect(r.headers.authorization).toBe(`Bearer ${s.accessToken}`);
        expect(r.headers['chatgpt-account-id']).toBe('acct-42');
      }
      expect(si.oauth.requests).toHaveLength(0);
    },
    40_000,
  );
});

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
    const post = await runAction('post', {
      inputs: inputs(s),
      home: main.home,
      runnerTemp: main.runnerTemp,
      state: main.state,
      env: main.env,
    });
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
  it("is the action's: claimed, written back, and the next one presents what was written", async () => {
    const s = seed(8 * HOUR);
    const lines: string[] = [];
    const all = inputs(s);
    const { cfg, renew } = renewal(
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
});

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
