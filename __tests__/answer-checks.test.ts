// Every answer from outside is checked before it is trusted, nothing between the provider's
// answer and the write-back can lose the rotated token, and a credential is never sent to a
// provider it does not belong to. In-process (support/step.ts), which checks every run for leaks.
import type { RunResult } from './support/runner.js';
import { HOUR, REPO, SECRET, useStandIns } from './support/stand-ins.js';
import { runStep } from './support/step.js';
import { fakeJwt, fakeToken } from './support/fake-tokens.js';
import { jobs } from './support/jobs.js';

const PAT = fakeToken('pat');
const YEAR = 366 * 24 * HOUR;
const si = useStandIns(PAT, { cache: false });
const j = jobs(si, PAT);

interface Seeded {
  credentials: string;
  refreshToken: string;
  accessToken: string;
}

/** Expired Claude Code credentials for a live refresh token, stored in the repository secret. */
function seed(extra: Record<string, unknown> = {}): Seeded {
  const { refreshToken, accessToken } = si.oauth.issue(['user:inference']);
  const oauthDoc = { accessToken, refreshToken, expiresAt: Date.now() - HOUR, scopes: ['user:inference'] };
  const doc = { claudeAiOauth: oauthDoc };
  const credentials = JSON.stringify({ ...doc, ...extra });
  si.gh.setRepoSecret(REPO, SECRET, credentials);
  return { credentials, refreshToken, accessToken };
}

function run(credentials: string, extra: Record<string, string> = {}): Promise<RunResult> {
  return runStep('main', { inputs: j.inputs(credentials, extra) });
}

function errorLine(r: RunResult): string {
  const lines = r.stdout.split('\n').filter((l) => l.startsWith('::error::'));
  expect(lines).toHaveLength(1);
  return lines[0].slice('::error::'.length).replace(/%25/g, '%');
}

function expectCleanFailure(r: RunResult, message: RegExp): void {
  expect(r.code).toBe(1);
  expect(errorLine(r)).toMatch(message);
  expect(r.stdout).not.toMatch(/RangeError|TypeError|bug in oauth-broker|\n\s+at /);
}

const stored = (): { accessToken?: string; refreshToken: string; expiresAt?: number } =>
  (JSON.parse(si.gh.repoSecret(REPO, SECRET)!.value) as { claudeAiOauth: ReturnType<typeof stored> }).claudeAiOauth;

describe("the provider's answer", () => {
  it('expires_in 1e13 is clamped: the rotated credentials are stored and published', async () => {
    const s = seed();
    si.oauth.faults.push({ rewrite: (a) => JSON.stringify({ ...a, expires_in: 1e13 }) });
    const r = await run(s.credentials);
    expect(r.stdout).not.toMatch(/RangeError|bug in oauth-broker/);
    expect(r.code).toBe(0);
    const now = stored();
    expect(now.refreshToken).not.toBe(s.refreshToken);
    expect(si.oauth.isLive(now.refreshToken)).toBe(true);
    expect(now.expiresAt).toBeLessThanOrEqual(Date.now() + YEAR);
    expect(Date.parse(r.outputs['expires-at'])).toBe(now.expiresAt);
  });

  it('a 200 with an empty access_token and a new refresh token: the new refresh token is stored', async () => {
    const s = seed();
    si.oauth.faults.push({ rewrite: (a) => JSON.stringify({ ...a, access_token: '' }) });
    const r = await run(s.credentials);
    const now = stored();
    expect(now.refreshToken).not.toBe(s.refreshToken);
    expect(si.oauth.isLive(now.refreshToken)).toBe(true);
    expect(now).not.toHaveProperty('accessToken');
    expectCleanFailure(r, /^provider anthropic \(127\.0\.0\.1:\d+\) answered without a usable access token; run again/);
    expect(r.stdout).toContain(
      'Its new refresh token was written to repository secret CLAUDE_CREDENTIALS of octo/app, so the login is kept.',
    );
    expect(r.outputs['access-token']).toBeUndefined();

    // The next run holds what the secret holds and refreshes as usual.
    const next = await run(si.gh.repoSecret(REPO, SECRET)!.value);
    expect(next.code).toBe(0);
    expect(si.oauth.reuseCount).toBe(0);
  });

  it('a form-encoded 200 is read, and the rotation stored', async () => {
    const s = seed();
    const asForm = (a: Record<string, unknown>): string => {
      const flat = Object.entries(a).filter(([, v]) => typeof v !== 'object');
      return new URLSearchParams(flat.map(([k, v]): [string, string] => [k, String(v)])).toString();
    };
    si.oauth.faults.push({ rewrite: asForm, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const r = await run(s.credentials);
    expect(r.code).toBe(0);
    const now = stored();
    expect(si.oauth.isLive(now.refreshToken)).toBe(true);
    expect(r.outputs['access-token']).toBe(now.accessToken);
    expect(now.expiresAt).toBeGreaterThan(Date.now() + 7 * HOUR);
  });
});

describe('stored values checked before any network call', () => {
  it('expiresAt 1e16 is one clear line naming the field', async () => {
    const s = seed();
    const credentials = JSON.stringify({ claudeAiOauth: { refreshToken: s.refreshToken, expiresAt: 1e16 } });
    const r = await run(credentials);
    const message = /^credentials: "claudeAiOauth\.expiresAt" is after the year 9999; .*remove/;
    expectCleanFailure(r, message);
    expect(si.oauth.requests.length + si.gh.requests.length).toBe(0);
  });

  it('credentials too large to store once refreshed (48 KB) are refused before the provider is called', async () => {
    const s = seed({ padding: 'x'.repeat(48 * 1024) });
    const r = await run(s.credentials);
    expectCleanFailure(r, /^credentials: is 4\d KB; refreshed, it could exceed GitHub's 48 KB secret limit/);
    expect(si.oauth.requests).toHaveLength(0);
    expect(si.oauth.isLive(s.refreshToken)).toBe(true);
  });
});

describe('a credential is only sent where it belongs', () => {
  const openaiJwt = (): string => fakeJwt({ iss: 'https://auth.openai.com', exp: Math.floor(Date.now() / 1000) - 60 });
  function codex(): string {
    const tokens = { id_token: openaiJwt(), access_token: openaiJwt(), refresh_token: fakeToken('opaque') };
    return JSON.stringify({ auth_mode: 'chatgpt', tokens });
  }

  it.each([
    [
      'Codex credentials with the default provider',
      codex,
      {},
      /^credentials: this is a Codex auth\.json but provider is anthropic, .*set provider: openai\.$/,
    ],
    [
      'Claude Code credentials with provider openai',
      () => seed().credentials,
      { provider: 'openai' },
      /^credentials: these are Claude Code credentials but provider is openai, .*set provider: anthropic\.$/,
    ],
    [
      'a bare Console API key',
      () => fakeToken('anthropic-api-key'),
      {},
      /^credentials: this is an Anthropic Console API key, not a refresh token; .*ANTHROPIC_API_KEY/,
    ],
    [
      'a bare long-lived access token',
      () => fakeToken('anthropic-access'),
      {},
      /^credentials: this is a Claude Code access token, not a refresh token/,
    ],
    [
      'a JWT stored as a bare refresh token',
      openaiJwt,
      { provider: 'openai' },
      /^credentials: this is an OpenAI JWT \(an access or ID token\), not a refresh token/,
    ],
  ])('%s is refused with zero requests', async (_, value, extra, message) => {
    const credentials = value();
    const r = await run(credentials, { ...extra, mode: 'refresh' });
    expectCleanFailure(r, message);
    expect(si.oauth.requests.length + si.gh.requests.length).toBe(0);
    expect(r.env).toEqual({});
  });

  it('a generic provider with opaque tokens still refreshes', async () => {
    const [opaque, refreshToken] = [fakeToken('opaque'), fakeToken('opaque')];
    // The stand-in only knows Anthropic-shaped tokens: answer for the opaque one as an IdP would.
    const body = JSON.stringify({ access_token: fakeToken('opaque'), refresh_token: refreshToken, expires_in: 60 });
    si.oauth.faults.push({ status: 200, body });
    si.gh.setRepoSecret(REPO, SECRET, opaque);
    const r = await run(opaque, { provider: 'oauth2', 'client-id': 'ci-app', 'min-ttl': '30s' });
    expect(r.code).toBe(0);
    const doc = JSON.parse(si.gh.repoSecret(REPO, SECRET)!.value) as { access_token: string; refresh_token: string };
    expect(doc.refresh_token).toBe(refreshToken);
    expect(si.oauth.requests).toHaveLength(1);
  });
});

describe("GitHub's answers", () => {
  const PK = { method: 'GET', pathIncludes: 'public-key', status: 200 };
  const META = { method: 'GET', pathIncludes: `secrets/${SECRET}`, status: 200 };
  const READ_KEY = '^github-api-url: could not read the public key of repository octo/app: ';
  it.each([
    ['null to the public-key read', { ...PK, body: 'null' }, `${READ_KEY}the answer has no key_id and key; check`],
    ['a key that is not 32 bytes', { ...PK, body: '{"key_id":"1","key":"AAAA"}' }, `${READ_KEY}the key is not`],
    ['no updated_at in the metadata', { ...META, body: '{"name":"X"}' }, ': the answer has no updated_at;'],
    [
      'a redirect',
      { ...PK, status: 301, headers: { location: 'https://elsewhere.example/' }, body: '' },
      `${READ_KEY}a redirect, which is not followed \\(HTTP 301\\)`,
    ],
  ])('%s is one line naming github-api-url, before anything is spent', async (_, fault, message) => {
    const s = seed();
    si.gh.faults.push(fault);
    const r = await run(s.credentials);
    expectCleanFailure(r, new RegExp(message));
    expect(errorLine(r)).toMatch(/^github-api-url: /);
    expect(si.oauth.requests).toHaveLength(0);
    expect(si.gh.repoSecret(REPO, SECRET)!.value).toBe(s.credentials);
  });

  it("a 200 to the write is not GitHub's answer, so the write does not count", async () => {
    const s = seed();
    si.gh.faults.push({ method: 'PUT', pathIncludes: SECRET, status: 200, body: '{}' });
    const r = await run(s.credentials);
    const message = /^github-api-url: could not write .*: not GitHub's answer to a PUT/;
    expectCleanFailure(r, message);
    expect(r.outputs['secret-updated']).toBeUndefined();
    expect(si.gh.repoSecret(REPO, SECRET)!.value).toBe(s.credentials);
  });

  describe('the repositories of an organisation secret', () => {
    const page = (from: number, n: number): string =>
      JSON.stringify({ repositories: Array.from({ length: n }, (_, i) => ({ id: from + i, name: `r${from + i}` })) });
    const LIST = { method: 'GET', pathIncludes: '/repositories', status: 200 };
    function seedOrg(ids: number[]): Seeded {
      const s = seed();
      si.gh.setOrgSecret('octo', SECRET, s.credentials, 'selected', ids);
      return s;
    }

    it('are read to the last page when total_count is missing, and kept', async () => {
      const ids = Array.from({ length: 150 }, (_, i) => 1 + i);
      const s = seedOrg(ids);
      si.gh.faults.push({ ...LIST, body: page(1, 100) }, { ...LIST, body: page(101, 50) });
      const r = await run(s.credentials, { 'secret-org': 'octo' });
      expect(r.code).toBe(0);
      const secret = si.gh.orgSecret('octo', SECRET)!;
      expect(secret.selected_repository_ids).toEqual(ids);
      const rotated = (JSON.parse(secret.value) as { claudeAiOauth: { refreshToken: string } }).claudeAiOauth;
      expect(si.oauth.isLive(rotated.refreshToken)).toBe(true);
    });

    it('an answer without a list is one clear line, and nothing is spent', async () => {
      const s = seedOrg([1, 2]);
      si.gh.faults.push({ ...LIST, body: '{"total_count":2,"repositories":null}' });
      const r = await run(s.credentials, { 'secret-org': 'octo' });
      expectCleanFailure(r, /^github-api-url: could not list the repositories .*: the answer has no list/);
      expect(si.oauth.requests).toHaveLength(0);
    });

    it('a list that never ends is one clear line, and nothing is spent', async () => {
      const s = seedOrg([1, 2]);
      si.gh.faults.push(...Array.from({ length: 100 }, () => ({ ...LIST, body: page(1, 100) })));
      const r = await run(s.credentials, { 'secret-org': 'octo' });
      const message = /^github-api-url: could not list the repositories .*: the list did not end after 100 pages/;
      expectCleanFailure(r, message);
      expect(si.gh.requests.filter((q) => q.path.endsWith('/repositories'))).toHaveLength(100);
      expect(si.oauth.requests).toHaveLength(0);
    });
  });
});
