// Not sent means not sent, through the bundled action: a failure that surely sent nothing (a TLS handshake
// the runner refuses, a host that does not resolve, a refused connection, a token-url refused before any
// request) releases the claim and leaves the refresh token usable, however many jobs fail in a row; the fixed
// runner then refreshes with the original login. All traffic stays on 127.0.0.1 (.invalid never resolves).
import { randomBytes } from 'node:crypto';
import { fakeToken } from './support/fake-tokens.js';
import { assertNoLeak, type RunResult, runAction } from './support/runner.js';
import { REPO, SECRET, useStandIns } from './support/stand-ins.js';
import { jobs } from './support/jobs.js';
import { closedPort } from './support/http.js';
import { CA_FILE, startTlsFront } from './support/tls.js';

const PAT = fakeToken('pat');
const si = useStandIns(PAT);

const { seed, stored, refreshTokenIn, inputs, claimsAt } = jobs(si, PAT);

function job(credentials: string, tokenUrl: string, env: Record<string, string> = {}): Promise<RunResult> {
  return runAction('main', {
    inputs: inputs(credentials, { 'token-url': tokenUrl }),
    env: { ...si.cache.env('refs/heads/main'), OAUTH_BROKER_RETRY_BASE_MS: '20', ...env },
  });
}

const errors = (r: RunResult): string[] => r.stdout.match(/^::error::.*$/gm) ?? [];
const claims = (): string[] => claimsAt();
const storedRefresh = (): string => refreshTokenIn(stored());

/** The fixed run refreshed, presenting the original login's refresh token, the only one ever presented. */
function expectRefreshedWith(fixed: RunResult, original: string): void {
  expect({ code: fixed.code, errors: errors(fixed), source: fixed.outputs.source }).toEqual({
    code: 0,
    errors: [],
    source: 'refreshed',
  });
  expect(si.oauth.requests.map((q) => q.body.refresh_token)).toEqual([original]);
  expect({ refreshed: si.oauth.refreshCount, reused: si.oauth.reuseCount }).toEqual({ refreshed: 1, reused: 0 });
  expect(si.oauth.isLive(storedRefresh())).toBe(true);
}

describe('not sent means not sent (dist)', () => {
  it('a certificate the runner does not trust: six jobs spend nothing; the fixed runner refreshes', async () => {
    const s = seed();
    // The provider stand-in behind TLS with the throwaway certificate: reachable only once it is trusted.
    const front = await startTlsFront(si.oauth.url);
    try {
      const tokenUrl = `${front.url}/v1/oauth/token`;
      for (let i = 0; i < 6; i++) {
        const r = await job(s.credentials, tokenUrl);
        expect({ code: r.code, errors: errors(r) }).toEqual({
          code: 1,
          errors: [
            `::error::provider anthropic (127.0.0.1:${front.port}): TLS handshake failed ` +
              '(UNABLE_TO_VERIFY_LEAF_SIGNATURE); nothing was spent. Trust its CA on the runner ' +
              '(NODE_EXTRA_CA_CERTS), then run again.',
          ],
        });
        // Not retried: the same certificate would be refused again.
        expect(r.stdout).not.toMatch(/retrying/);
        expect(claims()).toEqual([]);
      }
      expect({ connections: front.connections, requests: front.requests }).toEqual({ connections: 6, requests: 0 });
      expect(si.oauth.requests).toHaveLength(0);
      expect(si.gh.repoSecret(REPO, SECRET)!.value).toBe(s.credentials);

      // The fix the line names, on the same token-url: the runner trusts the CA.
      const fixed = await job(s.credentials, tokenUrl, { NODE_EXTRA_CA_CERTS: CA_FILE });
      expectRefreshedWith(fixed, s.refreshToken);
      expect(claims().filter((n) => !n.endsWith('_S'))).toHaveLength(1);
    } finally {
      await front.close();
    }
  });

  it.each([
    ['a host that does not resolve', async () => 'https://provider.invalid/v1/oauth/token', /ENOTFOUND/],
    ['a port nothing listens on', async () => `http://127.0.0.1:${await closedPort()}/v1/oauth/token`, /refused/],
    ['a scheme that is not https', async () => 'ftp://provider.invalid/v1/oauth/token', /^token-url: /],
  ])('%s: six jobs spend nothing; the fixed token-url refreshes with the original login', async (_, broken, error) => {
    const s = seed();
    const tokenUrl = await broken();
    for (let i = 0; i < 6; i++) {
      const r = await job(s.credentials, tokenUrl);
      expect(r.code).toBe(1);
      expect(errors(r)).toHaveLength(1);
      expect(errors(r)[0]!.slice('::error::'.length)).toMatch(error);
      expect(claims()).toEqual([]);
    }
    expect(si.oauth.requests).toHaveLength(0);
    expect(si.gh.repoSecret(REPO, SECRET)!.value).toBe(s.credentials);

    const fixed = await job(s.credentials, si.oauth.tokenUrl);
    expectRefreshedWith(fixed, s.refreshToken);
  });

  it('a token-url with a user name and password is refused before anything is sent, and never printed', async () => {
    const s = seed();
    const password = `pw-${randomBytes(12).toString('hex')}`;
    const url = new URL(si.oauth.tokenUrl);
    [url.username, url.password] = ['ci', password];
    const r = await job(s.credentials, url.href);
    expect({ code: r.code, errors: errors(r) }).toEqual({
      code: 1,
      errors: [`::error::token-url: "http://***@${url.host}/v1/oauth/token" holds a user name or password; remove it.`],
    });
    assertNoLeak(r, [password, `ci:${password}`]);
    expect(si.gh.requests).toHaveLength(0);
    expect(si.oauth.requests).toHaveLength(0);
    expect(claims()).toEqual([]);

    const fixed = await job(s.credentials, si.oauth.tokenUrl);
    expect({ code: fixed.code, errors: errors(fixed) }).toEqual({ code: 0, errors: [] });
    expect(si.oauth.requests.map((q) => q.body.refresh_token)).toEqual([s.refreshToken]);
    expect(si.oauth.reuseCount).toBe(0);
  });
});
