// The fault matrix (docs/design.md, "Guarantees"): every external call × every way it can fail. Each cell
// ends in success, or in one clear failure after which a later run (holding what the
// secret then holds) succeeds with no new login. One cell no client can save — the
// provider rotated and its answer never arrived — is asserted as exactly that.
import type { CacheFault, CacheServer } from './support/cache-server.js';
import { closedPort } from './support/http.js';
import type { GitHubFault, GitHubServer } from './support/github-server.js';
import type { OAuthFault, OAuthServer } from './support/oauth-server.js';
import { REPO, startStandIns, stopStandIns } from './support/stand-ins.js';
import { assertNoLeak, runAction, type RunResult } from './support/runner.js';
import { fakeToken } from './support/fake-tokens.js';

const PAT = fakeToken('pat');
const SECRET = 'CLAUDE_CREDENTIALS';
// A claim left by a run that may have presented the token is taken over after this.
const LEASE_MS = 300;

let oauth: OAuthServer;
let gh: GitHubServer;
let cache: CacheServer;

beforeEach(async () => {
  ({ oauth, gh, cache } = await startStandIns(PAT));
});
afterEach(() => stopStandIns({ oauth, gh, cache }));

const secretValue = (): string => gh.repoSecret(REPO, SECRET)!.value;

function job(
  credentials: string,
  over: { inputs?: Record<string, string>; env?: Record<string, string> } = {},
): Promise<RunResult> {
  return runAction('main', {
    inputs: {
      credentials,
      'secret-name': SECRET,
      'github-token': PAT,
      'github-api-url': gh.url,
      'token-url': oauth.tokenUrl,
      ...over.inputs,
    },
    env: {
      ...cache.env('refs/heads/main'),
      OAUTH_BROKER_POLL_MS: '200',
      OAUTH_BROKER_RETRY_BASE_MS: '20',
      OAUTH_BROKER_HTTP_TIMEOUT_MS: '1000',
      OAUTH_BROKER_CACHE_TIMEOUT_MS: '1500',
      OAUTH_BROKER_LEASE_MS: String(LEASE_MS),
      ...over.env,
    },
    timeoutMs: 90_000,
  });
}

interface Cell {
  call: string;
  fault: string;
  /** Arms the fault; may return input/env overrides for the first run only. */
  arm: () =>
    | Promise<{ inputs?: Record<string, string>; env?: Record<string, string> } | undefined>
    | { inputs?: Record<string, string>; env?: Record<string, string> }
    | undefined;
  /** A job that has already rotated once, so the faulty call is reached by a stale job. */
  afterRotation?: boolean;
  outcome: 'success' | 'recoverable' | 'lost';
  message?: RegExp;
}

const token = (f: OAuthFault) => () => void oauth.faults.push(f);
const github = (f: GitHubFault) => () => void gh.faults.push(f);
const cached = (f: CacheFault) => () => void cache.faults.push(f);
const notJson = '<html>oops</html>';
const PK = { method: 'GET', pathIncludes: 'public-key' };
const META = { method: 'GET', pathIncludes: `secrets/${SECRET}` };
const PUT = { method: 'PUT', pathIncludes: `secrets/${SECRET}` };
// The claim that reserves the refresh, a secret beside the target; its settled twin ends in _S.
const CLAIM = { method: 'PUT', pathIncludes: '_0' };
const SETTLE = { method: 'PUT', pathIncludes: '_0_S' };

const cells: Cell[] = [
  // The token POST: retried only when it cannot have arrived, or when told when to come back.
  {
    call: 'token POST',
    fault: 'connection refused',
    arm: async () => ({ inputs: { 'token-url': `http://127.0.0.1:${await closedPort()}/v1/oauth/token` } }),
    outcome: 'recoverable',
    message: /connection refused after 3 attempts; nothing was spent/,
  },
  {
    call: 'token POST',
    fault: 'timeout',
    arm: token({ action: 'hang' }),
    outcome: 'recoverable',
    message: /no answer within 1s; not retried, as it may have arrived/,
  },
  {
    call: 'token POST',
    fault: '500',
    arm: token({ status: 500, body: '{"error":"server_error"}' }),
    outcome: 'recoverable',
    message: /answered HTTP 500 \(server_error\); the refresh failed and is not retried/,
  },
  {
    call: 'token POST',
    fault: '429 with retry-after',
    arm: token({ status: 429, headers: { 'retry-after': '1' }, body: '{"error":"rate_limited"}' }),
    outcome: 'success',
  },
  {
    call: 'token POST',
    fault: '401',
    arm: token({ status: 401, body: '{"error":"invalid_client"}' }),
    outcome: 'recoverable',
    message: /answered HTTP 401 \(invalid_client\); check client-id/,
  },
  {
    call: 'token POST',
    fault: 'malformed body',
    arm: token({ status: 200, body: notJson }),
    outcome: 'recoverable',
    message: /answered 200 but the body is not JSON/,
  },
  {
    call: 'token POST',
    fault: 'dropped before answering',
    arm: token({ action: 'reset' }),
    outcome: 'recoverable',
    message: /connection dropped before the answer arrived/,
  },
  {
    call: 'token POST',
    fault: 'dropped after the provider rotated',
    arm: token({ action: 'reset-after-rotate' }),
    outcome: 'lost',
    message: /connection dropped before the answer arrived; not retried, as it may have arrived/,
  },

  // Reads before the refresh: nothing is spent when they fail.
  {
    call: 'public key',
    fault: 'connection refused',
    arm: async () => ({ inputs: { 'github-api-url': `http://127.0.0.1:${await closedPort()}` } }),
    outcome: 'recoverable',
    message: /^github-api-url: could not read the public key .*connection refused/,
  },
  { call: 'public key', fault: 'timeout', arm: github({ ...PK, action: 'hang' }), outcome: 'success' },
  {
    call: 'public key',
    fault: '500',
    arm: github({ ...PK, status: 500, body: '{"message":"Server Error"}' }),
    outcome: 'success',
  },
  {
    call: 'public key',
    fault: '429 with retry-after',
    arm: github({ ...PK, status: 429, headers: { 'retry-after': '1' }, body: '{"message":"slow down"}' }),
    outcome: 'success',
  },
  {
    call: 'public key',
    fault: '403',
    arm: github({ ...PK, status: 403, body: '{"message":"Resource not accessible by personal access token"}' }),
    outcome: 'recoverable',
    message: /^github-token: could not read the public key .*403/,
  },
  {
    call: 'public key',
    fault: 'malformed body',
    arm: github({ ...PK, status: 200, body: notJson }),
    outcome: 'recoverable',
    message: /could not read the public key .*not JSON/,
  },
  { call: 'public key', fault: 'dropped', arm: github({ ...PK, action: 'reset' }), outcome: 'success' },
  { call: 'secret metadata', fault: 'timeout', arm: github({ ...META, action: 'hang' }), outcome: 'success' },
  {
    call: 'secret metadata',
    fault: '500',
    arm: github({ ...META, status: 500, body: '{"message":"Server Error"}' }),
    outcome: 'success',
  },
  {
    call: 'secret metadata',
    fault: '429 with retry-after',
    arm: github({ ...META, status: 429, headers: { 'retry-after': '1' }, body: '{"message":"slow down"}' }),
    outcome: 'success',
  },
  {
    call: 'secret metadata',
    fault: '401',
    arm: github({ ...META, status: 401, body: '{"message":"Bad credentials"}' }),
    outcome: 'recoverable',
    message: /^github-token: could not read repository secret .*401 Bad credentials/,
  },
  {
    call: 'secret metadata',
    fault: 'malformed body',
    arm: github({ ...META, status: 200, body: notJson }),
    outcome: 'recoverable',
    message: /not JSON/,
  },
  { call: 'secret metadata', fault: 'dropped', arm: github({ ...META, action: 'reset' }), outcome: 'success' },

  // The write-back, after the provider rotated: retried, else rescued through the store.
  { call: 'secret PUT', fault: 'timeout', arm: github({ ...PUT, action: 'hang' }), outcome: 'success' },
  {
    call: 'secret PUT',
    fault: '500',
    arm: github({ ...PUT, status: 500, body: '{"message":"Server Error"}' }),
    outcome: 'success',
  },
  {
    call: 'secret PUT',
    fault: '500, persistently',
    arm: () =>
      void gh.faults.push(
        ...Array.from({ length: 5 }, () => ({ ...PUT, status: 500, body: '{"message":"Server Error"}' })),
      ),
    outcome: 'recoverable',
    message: /^github-api-url: could not write .*500/,
  },
  {
    call: 'secret PUT',
    fault: '429 with retry-after',
    arm: github({ ...PUT, status: 429, headers: { 'retry-after': '1' }, body: '{"message":"slow down"}' }),
    outcome: 'success',
  },
  {
    call: 'secret PUT',
    fault: '403',
    arm: github({ ...PUT, status: 403, body: '{"message":"Resource not accessible by personal access token"}' }),
    outcome: 'recoverable',
    message: /^github-token: could not write .*403/,
  },
  {
    call: 'secret PUT',
    fault: 'malformed body',
    arm: github({ ...PUT, status: 201, body: notJson }),
    outcome: 'success',
  },
  { call: 'secret PUT', fault: 'dropped', arm: github({ ...PUT, action: 'reset' }), outcome: 'success' },

  // The claim: it reserves the refresh before anything is spent, so its failures cost nothing.
  {
    call: 'claim PUT',
    fault: '403',
    arm: github({ ...CLAIM, status: 403, body: '{"message":"Resource not accessible by personal access token"}' }),
    outcome: 'recoverable',
    message: /^github-token: could not claim the refresh .*403.*Secrets: Read and write/,
  },
  {
    call: 'claim PUT',
    fault: '500',
    arm: github({ ...CLAIM, status: 500, body: '{"message":"Server Error"}' }),
    outcome: 'recoverable',
    message: /could not claim the refresh .*500/,
  },
  {
    call: 'claim PUT',
    fault: 'timeout',
    arm: github({ ...CLAIM, action: 'hang' }),
    outcome: 'recoverable',
    message: /could not claim the refresh .*no answer within 1s/,
  },
  {
    call: 'claim PUT',
    fault: '429 with retry-after',
    arm: github({ ...CLAIM, status: 429, headers: { 'retry-after': '1' }, body: '{"message":"slow down"}' }),
    outcome: 'success',
  },
  {
    call: 'claim PUT',
    fault: 'dropped',
    arm: github({ ...CLAIM, action: 'reset' }),
    outcome: 'recoverable',
    message: /could not claim the refresh .*connection dropped/,
  },
  {
    call: 'settle PUT',
    fault: '500',
    arm: github({ ...SETTLE, status: 500, body: '{"message":"Server Error"}' }),
    outcome: 'success',
  },
  { call: 'settle PUT', fault: 'dropped', arm: github({ ...SETTLE, action: 'reset' }), outcome: 'success' },

  // The shared store: any failure of the cache degrades to an uncoordinated refresh.
  {
    call: 'cache',
    fault: 'connection refused',
    arm: async () => ({ env: { ACTIONS_RESULTS_URL: `http://127.0.0.1:${await closedPort()}/` } }),
    outcome: 'success',
  },
  {
    call: 'cache reserve',
    fault: 'timeout',
    arm: cached({ route: 'CreateCacheEntry', action: 'hang' }),
    outcome: 'success',
  },
  { call: 'cache reserve', fault: '500', arm: cached({ route: 'CreateCacheEntry', status: 500 }), outcome: 'success' },
  {
    call: 'cache reserve',
    fault: '429 with retry-after',
    arm: cached({ route: 'CreateCacheEntry', status: 429, headers: { 'retry-after': '1' } }),
    outcome: 'success',
  },
  { call: 'cache reserve', fault: '403', arm: cached({ route: 'CreateCacheEntry', status: 403 }), outcome: 'success' },
  {
    call: 'cache reserve',
    fault: 'malformed body',
    arm: cached({ route: 'CreateCacheEntry', status: 200, body: notJson }),
    outcome: 'success',
  },
  {
    call: 'cache reserve',
    fault: 'dropped',
    arm: cached({ route: 'CreateCacheEntry', action: 'reset' }),
    outcome: 'success',
  },
  { call: 'cache upload', fault: 'timeout', arm: cached({ route: 'upload', action: 'hang' }), outcome: 'success' },
  { call: 'cache upload', fault: '403', arm: cached({ route: 'upload', status: 403 }), outcome: 'success' },
  { call: 'cache upload', fault: 'dropped', arm: cached({ route: 'upload', action: 'reset' }), outcome: 'success' },
  {
    call: 'cache lookup',
    fault: 'timeout',
    arm: cached({ route: 'GetCacheEntryDownloadURL', action: 'hang' }),
    outcome: 'success',
  },
  {
    call: 'cache lookup',
    fault: '401',
    arm: cached({ route: 'GetCacheEntryDownloadURL', status: 401 }),
    outcome: 'success',
  },
  {
    call: 'cache lookup',
    fault: '429 with retry-after',
    arm: cached({ route: 'GetCacheEntryDownloadURL', status: 429, headers: { 'retry-after': '1' } }),
    outcome: 'success',
  },
  {
    call: 'cache lookup',
    fault: 'dropped',
    arm: cached({ route: 'GetCacheEntryDownloadURL', action: 'reset' }),
    outcome: 'success',
  },
  // A stale job reads the successor another job left: its download failing must not make it present a spent token.
  {
    call: 'cache download',
    fault: 'timeout',
    afterRotation: true,
    arm: cached({ route: 'download', action: 'hang' }),
    outcome: 'success',
  },
  {
    call: 'cache download',
    fault: '403',
    afterRotation: true,
    arm: cached({ route: 'download', status: 403 }),
    outcome: 'success',
  },
  {
    call: 'cache download',
    fault: 'malformed body',
    afterRotation: true,
    arm: cached({ route: 'download', status: 200, body: notJson }),
    outcome: 'success',
  },
  {
    call: 'cache download',
    fault: 'dropped',
    afterRotation: true,
    arm: cached({ route: 'download', action: 'reset' }),
    outcome: 'success',
  },
];

const errorOf = (r: RunResult): string =>
  (r.stdout.match(/^::error::(.*)$/m)?.[1] ?? '').replace(/%0A/g, '\n').replace(/%25/g, '%');

describe('fault matrix', () => {
  it.each(cells.map((c) => [`${c.call} × ${c.fault} → ${c.outcome}`, c] as const))('%s', async (_, cell) => {
    const { refreshToken, accessToken } = oauth.issue(['user:inference']);
    const credentials = JSON.stringify({
      claudeAiOauth: { accessToken, refreshToken, expiresAt: Date.now() - 60_000, scopes: ['user:inference'] },
    });
    gh.setRepoSecret(REPO, SECRET, credentials);
    if (cell.afterRotation) expect((await job(credentials, { inputs: { mode: 'refresh' } })).code).toBe(0);
    const refreshesBefore = oauth.refreshCount;

    const over = (await cell.arm()) ?? {};
    const first = await job(credentials, over);
    const armed = oauth.faults.length + gh.faults.length + cache.faults.length;
    const secrets = [refreshToken, accessToken, credentials, secretValue(), PAT];

    if (cell.outcome === 'success') {
      expect({ code: first.code, error: errorOf(first) }).toEqual({ code: 0, error: '' });
      expect(armed).toBe(0); // the fault was really hit
      expect(oauth.reuseCount).toBe(0);
      expect(oauth.refreshCount - refreshesBefore).toBeLessThanOrEqual(1);
      assertNoLeak(first, [...secrets, first.outputs['access-token']]);
      // A job still holding the old value, after every lease: it never presents a spent token.
      await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 100));
      const stale = await job(credentials, { inputs: { share: 'false' } });
      expect(oauth.reuseCount).toBe(0);
      assertNoLeak(stale, secrets);
      return;
    }
    expect(first.code).toBe(1);
    expect(errorOf(first)).toMatch(cell.message!);
    expect(errorOf(first)).not.toMatch(/\n/);
    assertNoLeak(first, secrets);
    oauth.faults.length = 0;
    gh.faults.length = 0;
    cache.faults.length = 0;

    // A later run, after the lease of any claim the failed run left: it holds what the secret holds now.
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 100));
    const later = await job(secretValue());
    if (cell.outcome === 'recoverable') {
      expect({ code: later.code, error: errorOf(later) }).toEqual({ code: 0, error: '' });
      const stored = JSON.parse(secretValue()) as { claudeAiOauth: { refreshToken: string; accessToken: string } };
      expect(oauth.isLive(stored.claudeAiOauth.refreshToken)).toBe(true);
      expect(later.outputs['access-token']).toBe(stored.claudeAiOauth.accessToken);
      expect(oauth.reuseCount).toBe(0);
      assertNoLeak(later, [...secrets, stored.claudeAiOauth.refreshToken, stored.claudeAiOauth.accessToken]);
    } else {
      // The provider rotated and the answer was lost: the new refresh token exists nowhere
      // but at the provider. The later run presents the old one once and explains.
      expect(later.code).toBe(1);
      expect(errorOf(later)).toMatch(/refused the stored refresh token: .*invalid_grant.*log in again/);
      expect(oauth.reuseCount).toBe(1);
    }
  });
});
