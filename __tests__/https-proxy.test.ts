// Self-hosted runners behind a proxy: every call of the bundled action (provider, GitHub, cache)
// goes through HTTP(S)_PROXY as @actions/http-client decides, and NO_PROXY hosts go direct. The
// stand-ins are addressed by names under .invalid, which only the recording proxy resolves.
import { fakeToken } from './support/fake-tokens.js';
import { startProxy, type ProxyServer } from './support/proxy.js';
import { assertNoLeak, runAction, type RunResult } from './support/runner.js';
import { CLAIM_VARIABLE, REPO, startStandIns, stopStandIns, type StandIns } from './support/stand-ins.js';

const PAT = fakeToken('pat');
const SECRET = 'CLAUDE_CREDENTIALS';
const HOUR = 3_600_000;

let s: StandIns;
let proxy: ProxyServer;

beforeEach(async () => {
  [s, proxy] = await Promise.all([startStandIns(PAT), startProxy()]);
});
afterEach(() => Promise.all([stopStandIns(s), proxy.close()]));

/** The same service as the proxy serves it: https, under another host name, port kept. */
const named = (url: string, host: string): string => {
  const u = new URL(url);
  u.protocol = 'https:';
  u.hostname = host;
  return u.toString().replace(/\/$/, url.endsWith('/') ? '/' : '');
};

function seed(): { credentials: string; refreshToken: string; accessToken: string } {
  const { refreshToken, accessToken } = s.oauth.issue(['user:inference', 'user:profile']);
  const credentials = JSON.stringify({
    claudeAiOauth: { accessToken, refreshToken, expiresAt: Date.now() - HOUR, scopes: ['user:inference'] },
  });
  s.gh.setRepoSecret(REPO, SECRET, credentials);
  return { credentials, refreshToken, accessToken };
}

function job(credentials: string, env: Record<string, string>): Promise<RunResult> {
  const results = named(s.cache.url, 'results.invalid');
  s.cache.publicUrl = results;
  return runAction('main', {
    inputs: {
      credentials,
      'secret-name': SECRET,
      'github-token': PAT,
      'github-api-url': named(s.gh.url, 'api.invalid'),
      'token-url': named(s.oauth.tokenUrl, 'provider.invalid'),
    },
    env: {
      ...s.cache.env('refs/heads/main'),
      ACTIONS_RESULTS_URL: results,
      NODE_EXTRA_CA_CERTS: proxy.caFile,
      OAUTH_BROKER_RETRY_BASE_MS: '20',
      ...env,
    },
  });
}

const hosts = (): string[] => [...new Set(proxy.seen.map((h) => h.replace(/:\d+$/, '')))].sort();
const storedRefresh = (): string =>
  (JSON.parse(s.gh.repoSecret(REPO, SECRET)!.value) as { claudeAiOauth: { refreshToken: string } }).claudeAiOauth
    .refreshToken;

describe('behind a proxy', () => {
  it('sends the refresh and every GitHub call through https_proxy', async () => {
    const c = seed();
    const r = await job(c.credentials, { https_proxy: proxy.url });
    expect(r.stdout.match(/^::error::.*$/m)?.[0]).toBeUndefined();
    expect(r.code).toBe(0);
    expect(r.outputs.source).toBe('refreshed');
    expect(hosts()).toEqual(['api.invalid', 'provider.invalid']);
    expect(s.oauth.isLive(storedRefresh())).toBe(true);
    assertNoLeak(r, [c.credentials, c.refreshToken, storedRefresh(), r.outputs['access-token'] ?? '', PAT]);
  });

  it('sends the Actions cache through https_proxy too, when a rescue must go there', async () => {
    const c = seed();
    // The write-back fails for good and GitHub refuses the rescue in the claim (after taking the settle).
    for (let i = 0; i < 5; i++)
      s.gh.faults.push({ method: 'PUT', path: new RegExp(`/secrets/${SECRET}$`), status: 500 });
    const patch = { method: 'PATCH', path: CLAIM_VARIABLE };
    s.gh.faults.push({ ...patch, delayMs: 1 }, { ...patch, status: 403, body: '{"message":"Forbidden"}' });
    const r = await job(c.credentials, { https_proxy: proxy.url });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/The rotated credentials are kept sealed beside the secret/);
    expect(hosts()).toEqual(['api.invalid', 'provider.invalid', 'results.invalid']);
    expect(s.cache.entries()).toHaveLength(1);
  });

  it('goes direct to a NO_PROXY host (HTTPS_PROXY, NO_PROXY upper case): unresolvable, surely not sent', async () => {
    const c = seed();
    const r = await job(c.credentials, { HTTPS_PROXY: proxy.url, NO_PROXY: 'example.invalid, provider.invalid' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error::.*ENOTFOUND/m);
    expect(hosts()).not.toContain('provider.invalid');
    expect(hosts()).toContain('api.invalid');
    expect(s.oauth.refreshCount).toBe(0);
    // Not sent: the claim is gone, so the next run need not wait out a lease.
    expect(s.gh.variableNames({ repo: REPO })).toEqual([]);
  });

  it('counts a refused tunnel as not sent: the token is not spent and the next run refreshes at once', async () => {
    const c = seed();
    proxy.refuse.add('provider.invalid');
    const refused = await job(c.credentials, { https_proxy: proxy.url });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^::error::.*proxy refused the connection \(HTTP 403\)/m);
    expect(s.oauth.refreshCount).toBe(0);
    expect(s.gh.variableNames({ repo: REPO })).toEqual([]);

    proxy.refuse.clear();
    const again = await job(c.credentials, { https_proxy: proxy.url });
    expect(again.code).toBe(0);
    expect(s.oauth.refreshCount).toBe(1);
    expect(s.oauth.reuseCount).toBe(0);
  });

  it('counts a TLS-inspecting proxy the runner does not trust as not sent; trusting its CA is the fix', async () => {
    const c = seed();
    // Only the provider goes through the proxy: GitHub and the cache are plain http on loopback, direct.
    const provider = (env: Record<string, string>): Promise<RunResult> =>
      runAction('main', {
        inputs: {
          credentials: c.credentials,
          'secret-name': SECRET,
          'github-token': PAT,
          'github-api-url': s.gh.url,
          'token-url': named(s.oauth.tokenUrl, 'provider.invalid'),
        },
        env: { ...s.cache.env('refs/heads/main'), https_proxy: proxy.url, ...env },
      });
    const untrusted = await provider({});
    expect(untrusted.code).toBe(1);
    const line = untrusted.stdout.match(/^::error::(.*)$/m)?.[1];
    expect(line).toMatch(
      /^provider anthropic \(provider\.invalid:\d+\): TLS handshake failed \([A-Z_]+\); nothing was spent/,
    );
    expect(line).toMatch(/Trust its CA on the runner \(NODE_EXTRA_CA_CERTS\)/);
    expect(hosts()).toEqual(['provider.invalid']);
    expect(s.oauth.requests).toHaveLength(0);
    expect(s.gh.variableNames({ repo: REPO })).toEqual([]);

    const trusted = await provider({ NODE_EXTRA_CA_CERTS: proxy.caFile });
    expect(trusted.code).toBe(0);
    expect(s.oauth.refreshCount).toBe(1);
    expect(s.oauth.reuseCount).toBe(0);
  });
});
