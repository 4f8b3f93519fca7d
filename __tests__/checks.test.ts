// End to end through dist/: the provider's answer and the stored values are checked before
// they are trusted, and nothing between that answer and the write-back can lose the rotated token.
import { startGitHubServer, type GitHubServer } from './support/github-server.js';
import { startOAuthServer, type OAuthServer } from './support/oauth-server.js';
import { assertNoLeak, runAction, type RunResult } from './support/runner.js';
import { fakeToken } from './support/fake-tokens.js';

const PAT = fakeToken('pat');
const REPO = 'octo/app';
const SECRET = 'CLAUDE_CREDENTIALS';
const HOUR = 3_600_000;
const YEAR = 366 * 24 * HOUR;

let oauth: OAuthServer;
let gh: GitHubServer;

beforeEach(async () => {
  oauth = await startOAuthServer();
  gh = await startGitHubServer();
  gh.addRepo(REPO, { id: 4242 });
  gh.addOrg('octo');
  gh.addToken(PAT, { kind: 'pat' });
});
afterEach(async () => {
  await Promise.all([oauth.close(), gh.close()]);
});

interface Seeded {
  credentials: string;
  refreshToken: string;
  accessToken: string;
}

/** Expired Claude Code credentials for a live refresh token, stored in the repository secret. */
function seed(extra: Record<string, unknown> = {}): Seeded {
  const { refreshToken, accessToken } = oauth.issue(['user:inference']);
  const oauthDoc = { accessToken, refreshToken, expiresAt: Date.now() - HOUR, scopes: ['user:inference'] };
  const doc = { claudeAiOauth: oauthDoc };
  const credentials = JSON.stringify({ ...doc, ...extra });
  gh.setRepoSecret(REPO, SECRET, credentials);
  return { credentials, refreshToken, accessToken };
}

function run(credentials: string, extra: Record<string, string> = {}): Promise<RunResult> {
  const inputs = {
    credentials,
    'secret-name': SECRET,
    'github-token': PAT,
    'github-api-url': gh.url,
    'token-url': oauth.tokenUrl,
    ...extra,
  };
  return runAction('main', { inputs, env: { OAUTH_BROKER_RETRY_BASE_MS: '20' } });
}

function errorLine(r: RunResult): string {
  const lines = r.stdout.split('\n').filter((l) => l.startsWith('::error::'));
  expect(lines).toHaveLength(1);
  return lines[0].slice('::error::'.length).replace(/%25/g, '%');
}

function expectCleanFailure(r: RunResult, secrets: string[], message: RegExp): void {
  expect(r.code).toBe(1);
  expect(errorLine(r)).toMatch(message);
  expect(r.stdout).not.toMatch(/RangeError|TypeError|bug in oauth-broker|\n\s+at /);
  expect(r.stderr).toBe('');
  assertNoLeak(r, [...secrets, PAT]);
}

const stored = (): { accessToken?: string; refreshToken: string; expiresAt?: number } =>
  (JSON.parse(gh.repoSecret(REPO, SECRET)!.value) as { claudeAiOauth: ReturnType<typeof stored> }).claudeAiOauth;
const allOf = (s: Seeded): string[] => [s.credentials, s.refreshToken, s.accessToken];

describe("the provider's answer", () => {
  it('expires_in 1e13 is clamped: the rotated credentials are stored and published', async () => {
    const s = seed();
    oauth.faults.push({ rewrite: (a) => JSON.stringify({ ...a, expires_in: 1e13 }) });
    const r = await run(s.credentials);
    expect(r.stdout).not.toMatch(/RangeError|bug in oauth-broker/);
    expect(r.code).toBe(0);
    const now = stored();
    expect(now.refreshToken).not.toBe(s.refreshToken);
    expect(oauth.isLive(now.refreshToken)).toBe(true);
    expect(now.expiresAt).toBeLessThanOrEqual(Date.now() + YEAR);
    expect(Date.parse(r.outputs['expires-at'])).toBe(now.expiresAt);
    assertNoLeak(r, [...allOf(s), now.refreshToken, now.accessToken!, PAT]);
  });

  it('a 200 with an empty access_token and a new refresh token: the new refresh token is stored', async () => {
    const s = seed();
    oauth.faults.push({ rewrite: (a) => JSON.stringify({ ...a, access_token: '' }) });
    const r = await run(s.credentials);
    const now = stored();
    expect(now.refreshToken).not.toBe(s.refreshToken);
    expect(oauth.isLive(now.refreshToken)).toBe(true);
    expect(now).not.toHaveProperty('accessToken');
    expectCleanFailure(
      r,
      [...allOf(s), now.refreshToken],
      new RegExp(
        '^provider anthropic \\(127\\.0\\.0\\.1:\\d+\\) answered without a usable access token\\. ' +
          'Its new refresh token was written to repository secret CLAUDE_CREDENTIALS of octo/app, ' +
          'so the login is kept\\. Run again',
      ),
    );
    expect(r.outputs['access-token']).toBeUndefined();

    // The next run holds what the secret holds and refreshes as usual.
    const next = await run(gh.repoSecret(REPO, SECRET)!.value);
    expect(next.code).toBe(0);
    expect(oauth.reuseCount).toBe(0);
    assertNoLeak(next, [...allOf(s), now.refreshToken, stored().accessToken!, stored().refreshToken, PAT]);
  });

  it('a form-encoded 200 is read, and the rotation stored', async () => {
    const s = seed();
    const asForm = (a: Record<string, unknown>): string => {
      const flat = Object.entries(a).filter(([, v]) => typeof v !== 'object');
      return new URLSearchParams(flat.map(([k, v]): [string, string] => [k, String(v)])).toString();
    };
    oauth.faults.push({ rewrite: asForm, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const r = await run(s.credentials);
    expect(r.code).toBe(0);
    const now = stored();
    expect(oauth.isLive(now.refreshToken)).toBe(true);
    expect(r.outputs['access-token']).toBe(now.accessToken);
    expect(now.expiresAt).toBeGreaterThan(Date.now() + 7 * HOUR);
    assertNoLeak(r, [...allOf(s), now.refreshToken, now.accessToken!, PAT]);
  });
});

describe('stored values checked before any network call', () => {
  it('expiresAt 1e16 is one clear line naming the field', async () => {
    const s = seed();
    const credentials = JSON.stringify({ claudeAiOauth: { refreshToken: s.refreshToken, expiresAt: 1e16 } });
    const r = await run(credentials);
    const message = /^credentials: "claudeAiOauth\.expiresAt" is after the year 9999; .*remove/;
    expectCleanFailure(r, [...allOf(s), credentials], message);
    expect(oauth.requests.length + gh.requests.length).toBe(0);
  });
});
