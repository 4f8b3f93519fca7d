// proxy: true for Codex (provider openai) through the bundled dist/main, dist/proxy and dist/post: what
// auth.json a later step gets, and what reaches the ChatGPT backend through the proxy.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeJwt, fakeToken } from './support/fake-tokens.js';
import { httpsCall } from './support/http.js';
import { runAction, type RunResult } from './support/runner.js';
import type { Seeded } from './support/jobs.js';
import { HOUR, REPO, SECRET } from './support/stand-ins.js';
import { runStep } from './support/step.js';
import { jwtClaims } from '../src/core/jwt.js';
import { alive, expectNothingOf, gone, laterStepSees, useProxyJob } from './support/proxy-job.js';

const PAT = fakeToken('pat');
const { si, inputs, proxyPid, upstream } = useProxyJob(PAT);

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
