// End to end against hostile surroundings: answers that carry workflow commands or echo
// secrets, a cache library that prints after it was given up, and variable names that
// would change how later steps run.
import { randomBytes } from 'node:crypto';
import type { CacheServer } from './support/cache-server.js';
import type { GitHubServer } from './support/github-server.js';
import type { OAuthServer } from './support/oauth-server.js';
import { REPO, startStandIns, stopStandIns } from './support/stand-ins.js';
import { assertMasked, assertNoLeak, cleanupRuns, runAction, unescapeCommandValue, type RunResult } from './support/runner.js';
import { fakeToken } from './support/fake-tokens.js';

const PAT = fakeToken('pat');
const SECRET = 'CLAUDE_CREDENTIALS';
const HOUR = 3_600_000;

let oauth: OAuthServer;
let gh: GitHubServer;
let cache: CacheServer;

beforeEach(async () => {
  ({ oauth, gh, cache } = await startStandIns(PAT));
});
afterEach(() => stopStandIns({ oauth, gh, cache }));
afterAll(() => cleanupRuns());

interface Seeded {
  credentials: string;
  refreshToken: string;
  accessToken: string;
}

function seed(ttlMs: number): Seeded {
  const { refreshToken, accessToken } = oauth.issue(['user:inference']);
  const oauthDoc = { accessToken, refreshToken, expiresAt: Date.now() + ttlMs, scopes: ['user:inference'] };
  const credentials = JSON.stringify({ claudeAiOauth: oauthDoc });
  gh.setRepoSecret(REPO, SECRET, credentials);
  return { credentials, refreshToken, accessToken };
}

function inputs(s: Seeded, extra: Record<string, string> = {}): Record<string, string> {
  return {
    credentials: s.credentials,
    'secret-name': SECRET,
    'github-token': PAT,
    'github-api-url': gh.url,
    'token-url': oauth.tokenUrl,
    ...extra,
  };
}

const fast = { OAUTH_BROKER_RETRY_BASE_MS: '20' };
const secretValue = (): string => gh.repoSecret(REPO, SECRET)!.value;
/** Every secret of a seeded login, with the PAT. */
const all = (s: Seeded): string[] => [s.refreshToken, s.accessToken, s.credentials, PAT];

/** The one annotation of that kind, as the runner shows it (its data unescaped); no stack trace. */
function expectOneLine(r: RunResult, kind: 'error' | 'warning', message: RegExp): void {
  const found = r.stdout.split('\n').filter((l) => l.startsWith(`::${kind}::`));
  expect(found).toHaveLength(1);
  expect(`::${kind}::${unescapeCommandValue(found[0].slice(kind.length + 4))}`).toMatch(message);
  expect(r.stderr).toBe('');
  expect(r.stdout).not.toMatch(/\n\s+at /);
}

/** The tokens the secret holds now, with the secret's value. */
function storedSecrets(): string[] {
  const value = secretValue();
  const { accessToken, refreshToken } = (JSON.parse(value) as { claudeAiOauth: Record<string, string> }).claudeAiOauth;
  return [accessToken, refreshToken, value];
}

/** Workflow commands the runner would take from a run: `::x::` after blanks, or `##[x]` anywhere in a line. */
function commandsOf(r: RunResult): string[] {
  const lines = `${r.stdout}\n${r.stderr}`.split(/\r\n|\r|\n/);
  return lines.filter((l) => /^\s*::|##\[/.test(l)).map((l) => /^\s*::([a-z-]+)/.exec(l)?.[1] ?? l);
}

/** Only the commands the action means to give: masks, its annotations, debug lines. */
function expectOnlyOwnCommands(r: RunResult): void {
  expect(commandsOf(r).filter((c) => !['add-mask', 'warning', 'error', 'debug'].includes(c))).toEqual([]);
  expect(r.stdout).not.toContain('::stop-commands::');
}

/** No run of 8 characters of any secret outside the ::add-mask:: lines. */
function assertNoPiece(r: RunResult, secrets: string[]): void {
  const logged = [r.stdout, r.stderr, r.summary]
    .join('\n')
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  secrets.forEach((secret, index) => {
    const pieces = Array.from({ length: secret.length - 7 }, (_, i) => secret.slice(i, i + 8));
    expect({ secret: index, found: pieces.filter((p) => logged.includes(p)) }).toEqual({ secret: index, found: [] });
  });
}

describe('no workflow command from text the action did not write', () => {
  const hostile = '2026-01-31T12:00:00Z\n::stop-commands::resume\n::error::pwned\r::add-mask::x ##[set-output name=a]b';
  const shown = '2026-01-31T12:00:00Z :%3Astop-commands:%3Aresume :%3Aerror:%3Apwned';

  it("a secret's updated_at carrying ::stop-commands:: and ::error:: lines: the tokens stay masked", async () => {
    const s = seed(-HOUR);
    const meta = JSON.stringify({ name: SECRET, created_at: hostile, updated_at: hostile });
    gh.faults.push({ method: 'GET', pathIncludes: `secrets/${SECRET}`, status: 200, body: meta });
    const r = await runAction('main', { inputs: inputs(s) });
    expect(r.code).toBe(0);
    expectOnlyOwnCommands(r);
    expect(commandsOf(r)).not.toContain('error');
    expect(r.stdout).toContain(`last updated ${shown}`);
    const now = storedSecrets();
    assertMasked(r, now.slice(0, 2));
    assertNoLeak(r, [...all(s), ...now]);
  });

  it('a GitHub error message carrying them is one neutral line', async () => {
    const s = seed(-HOUR);
    const body = JSON.stringify({ message: hostile });
    gh.faults.push({ method: 'GET', pathIncludes: 'public-key', status: 403, body });
    const r = await runAction('main', { inputs: inputs(s), env: fast });
    expect(r.code).toBe(1);
    expectOnlyOwnCommands(r);
    expectOneLine(r, 'error', new RegExp(`^::error::github-token: could not read the public key .* ${shown}`));
    expect(oauth.requests).toHaveLength(0);
    assertNoLeak(r, all(s));
  });

  it('a failed write-back after the rotation quotes GitHub neutralised, and the new tokens stay masked', async () => {
    const s = seed(-HOUR);
    const body = JSON.stringify({ message: hostile });
    for (let i = 0; i < 5; i++) gh.faults.push({ method: 'PUT', status: 500, body });
    const r = await runAction('main', { inputs: inputs(s), env: fast });
    expect(r.code).toBe(1);
    expectOnlyOwnCommands(r);
    expectOneLine(r, 'error', new RegExp(`could not write repository secret .* GitHub answered 500 ${shown}`));
    // The tokens the provider issued are masked, and appear nowhere else.
    const issued = r.masks.filter((m) => m.startsWith('sk-ant-') && m !== s.accessToken && m !== s.refreshToken);
    expect(issued.length).toBeGreaterThanOrEqual(2);
    assertNoLeak(r, [...all(s), ...issued]);
  });
});

describe('no piece of a secret in any message', () => {
  type Body = (refreshToken: string, clientSecret: string) => unknown;
  const bodies: Array<[string, Body]> = [
    [
      'error_description',
      (rt, cs) => ({ error: 'invalid_request', error_description: `token ${rt.slice(5, 25)} of ${cs.slice(0, 12)}` }),
    ],
    ['error code', (rt, cs) => ({ error: rt.slice(13, 33), error_description: `client ${cs.slice(4, 16)}` })],
    ['nested error', (rt, cs) => ({ error: { code: `x_${cs.slice(2, 14)}`, message: `token ${rt.slice(-20)}` } })],
  ];

  it.each(bodies)('a provider %s echoing 20 characters of the refresh token, 12 of client-secret', async (_, make) => {
    const s = seed(-HOUR);
    const clientSecret = randomBytes(24).toString('base64url');
    oauth.faults.push({ status: 400, body: JSON.stringify(make(s.refreshToken, clientSecret)) });
    const r = await runAction('main', { inputs: inputs(s, { 'client-secret': clientSecret }), env: fast });
    expect(r.code).toBe(1);
    expectOneLine(r, 'error', /^::error::provider anthropic \(127\.0\.0\.1:\d+\) answered HTTP 400 \(/);
    assertNoPiece(r, [s.refreshToken, clientSecret]);
    assertNoLeak(r, [...all(s), clientSecret]);
    expect(gh.requests.filter((q) => q.method === 'PUT')).toHaveLength(0);
  });

  it('a known code and a plain description are kept, so the line still says what happened', async () => {
    const s = seed(-HOUR);
    const description = 'scope user:nothing\n::error::x is unknown';
    const body = JSON.stringify({ error: 'invalid_scope', error_description: description });
    oauth.faults.push({ status: 400, body });
    const r = await runAction('main', { inputs: inputs(s) });
    expectOneLine(r, 'error', /\(invalid_scope: scope user:nothing :%3Aerror:%3Ax is unknown\); check client-id/);
  });
});

describe('an abandoned cache call prints nothing later', () => {
  it("the library's late log (signed URLs) never reaches the step's output", async () => {
    const s = seed(-HOUR);
    // The lookup answers after the broker gave up on it; the library then logs its failure.
    cache.faults.push({ route: 'GetCacheEntryDownloadURL', delayMs: 1_200, status: 400 });
    const r = await runAction('main', {
      inputs: inputs(s),
      env: { ...cache.env('refs/heads/main'), OAUTH_BROKER_CACHE_TIMEOUT_MS: '300', ...fast },
      timeoutMs: 60_000,
    });
    expect(r.code).toBe(0);
    expect(cache.requests.some((q) => q.status === 400)).toBe(true);
    expect(r.stdout).not.toMatch(/Failed to restore|Failed to save|injected fault|twirp|sig=/i);
    expect(r.stderr).toBe('');
    assertNoLeak(r, [...all(s), ...storedSecrets()]);
  });
});

describe('env-name refuses names that change how later steps run', () => {
  it.each(['PATH', 'NODE_OPTIONS', 'GITHUB_X', 'LD_PRELOAD', 'BASH_ENV'])('%s', async (name) => {
    const s = seed(8 * HOUR);
    const r = await runAction('main', { inputs: inputs(s, { 'env-name': name }) });
    expect(r.code).toBe(1);
    const why = `^::error::env-name: refusing ${name}, it changes how later steps run \\(.+\\); use auto, none or`;
    expectOneLine(r, 'error', new RegExp(why));
    expect(r.env).toEqual({});
    expect(gh.requests.length + oauth.requests.length).toBe(0);
    assertNoLeak(r, all(s));
  });
});
