// The main and post steps when something is wrong: what they refuse before spending a refresh token
// they could not store, the provider's failures, bad input and an unwritable credentials file: one
// clear line, exit 1, nothing changed. In-process (support/step.ts), and through dist/main ("(dist)").
import { closedPort } from './support/http.js';
import { runAction } from './support/runner.js';
import { HOUR, REPO, SECRET } from './support/stand-ins.js';
import { runStep } from './support/step.js';
import { fakeToken } from './support/fake-tokens.js';
import { errorLine, expectCleanFailure, presentRefreshToken, useMaxLoginJob } from './support/jobs.js';

const PAT = fakeToken('pat');
const WEAK = fakeToken('pat');
const FOREIGN = fakeToken('pat');
const { si, JOB_TOKEN, seed, inputs, tokensInSecret } = useMaxLoginJob(PAT);

describe('nothing is spent that cannot be stored', () => {
  it.each([
    [
      'secret-name',
      { 'secret-name': '' },
      /^secret-name: refusing to refresh .* with nowhere to store the rotated credentials/,
    ],
    [
      'github-token',
      { 'github-token': '' },
      /^github-token: refusing to refresh .* with nowhere to store the rotated credentials/,
    ],
  ])('without %s the run fails before calling the provider', async (_, extra, message) => {
    const s = seed(-HOUR);
    const r = await runStep('main', { inputs: inputs(s, extra) });
    expectCleanFailure(r, message);
    expect(si.oauth.requests).toHaveLength(0);
    expect(si.oauth.isLive(s.refreshToken)).toBe(true);
  });

  it.each([
    [
      "the job's GITHUB_TOKEN",
      JOB_TOKEN,
      /^github-token: .*403 Resource not accessible by integration; use a fine-grained PAT, not the job's GITHUB_TOKEN/,
    ],
    [
      'a PAT without the Secrets permission',
      WEAK,
      /^github-token: .*403 Resource not accessible by personal access token.*"Secrets: Read and write"/,
    ],
    [
      'a token for other repositories',
      FOREIGN,
      /^secret-repository: .*octo\/app: GitHub answered 404 Not Found; check the name/,
    ],
    ['an unknown token', 'github_pat_unknown', /^github-token: .*401 Bad credentials.*invalid or expired/],
  ])('%s is explained, and nothing is spent', async (_, token, message) => {
    si.gh.addToken(WEAK, { kind: 'pat', secrets: 'none' });
    si.gh.addToken(FOREIGN, { kind: 'pat', repos: ['someone/else'] });
    const s = seed(-HOUR);
    const r = await runStep('main', { inputs: inputs(s, { 'github-token': token }) });
    expectCleanFailure(r, message);
    expect(si.oauth.requests).toHaveLength(0);
    expect(si.gh.repoSecret(REPO, SECRET)!.value).toBe(s.credentials);
  });

  it("the job's GITHUB_TOKEN, when the step can see it, is refused before any call", async () => {
    const s = seed(-HOUR);
    const r = await runStep('main', {
      inputs: inputs(s, { 'github-token': JOB_TOKEN }),
      env: { GITHUB_TOKEN: JOB_TOKEN },
    });
    expectCleanFailure(r, /^github-token: this is the job's own GITHUB_TOKEN, which cannot write secrets/);
    expect(si.gh.requests.length + si.oauth.requests.length).toBe(0);
  });

  it('a secret-name that does not exist is an error before refreshing', async () => {
    const s = seed(-HOUR);
    const r = await runStep('main', { inputs: inputs(s, { 'secret-name': 'CLAUDE_TYPO' }) });
    expectCleanFailure(r, /^secret-name: repository secret CLAUDE_TYPO of octo\/app does not exist/);
    expect(si.oauth.requests).toHaveLength(0);
  });

  it('an unreachable GitHub API is an error before refreshing', async () => {
    const s = seed(-HOUR);
    const r = await runStep('main', {
      inputs: inputs(s, { 'github-api-url': `http://127.0.0.1:${await closedPort()}` }),
    });
    expectCleanFailure(r, /^github-api-url: could not read the public key .* connection refused/);
    expect(si.oauth.requests).toHaveLength(0);
  });
});

describe('provider failures', () => {
  it('a spent refresh token (invalid_grant) fails with one clear line and changes nothing', async () => {
    const s = seed(-HOUR);
    // Spend it elsewhere first, as a local login or another run would.
    await presentRefreshToken(si.oauth.tokenUrl, s.refreshToken);
    const r = await runStep('main', { inputs: inputs(s), debug: true });
    expectCleanFailure(
      r,
      new RegExp(
        String.raw`^provider anthropic \(127\.0\.0\.1:\d+\) refused the stored refresh token: answered HTTP 400 ` +
          String.raw`\(invalid_grant: Refresh token not found or invalid\)`,
      ),
    );
    expect(si.oauth.reuseCount).toBe(1);
    expect(si.gh.repoSecret(REPO, SECRET)!.value).toBe(s.credentials);
    expect(si.gh.requests.filter((q) => q.method === 'PUT' && q.path.endsWith(SECRET))).toHaveLength(0);
  });

  it.each([
    ['not JSON', '<html>oops</html>', /answered 200 but the body is not JSON/],
    ['no access_token', '{"token_type":"Bearer"}', /answered 200 but without an access_token/],
  ])('a 200 whose body is %s is a clear failure', async (_, body, message) => {
    const s = seed(-HOUR);
    si.oauth.faults.push({ status: 200, body, headers: { 'content-type': 'application/json' } });
    const r = await runStep('main', { inputs: inputs(s) });
    expectCleanFailure(r, message);
    expect(si.gh.repoSecret(REPO, SECRET)!.value).toBe(s.credentials);
  });

  it('a connection refused before sending is retried; a dropped connection after sending is not', async () => {
    const s = seed(-HOUR);
    si.oauth.faults.push({ action: 'reset' });
    const r = await runStep('main', { inputs: inputs(s) });
    expectCleanFailure(r, /connection dropped before the answer arrived; not retried, as it may have arrived/);
    expect(si.oauth.requests).toHaveLength(1);

    // A new login: the dropped request may have spent the first one, whose claim now waits out its lease.
    const refused = await runStep('main', {
      inputs: inputs(seed(-HOUR), { 'token-url': `http://127.0.0.1:${await closedPort()}/v1/oauth/token` }),
    });
    expectCleanFailure(refused, /connection refused after 3 attempts; nothing was spent/);
    expect(refused.stdout.match(/the request was not sent, retrying/g)).toHaveLength(2);
  });

  it('a timeout is not retried', async () => {
    const s = seed(-HOUR);
    si.oauth.faults.push({ action: 'hang' });
    const r = await runStep('main', { inputs: inputs(s), env: { OAUTH_BROKER_HTTP_TIMEOUT_MS: '600' } });
    expectCleanFailure(r, /no answer within \d+s; not retried, as it may have arrived/);
    expect(si.oauth.requests).toHaveLength(1);
  });

  it('a 429 with retry-after from the provider is waited out', async () => {
    const s = seed(-HOUR);
    si.oauth.faults.push({ status: 429, headers: { 'retry-after': '1' }, body: '{"error":"rate_limited"}' });
    const r = await runStep('main', { inputs: inputs(s) });
    expect(r.code).toBe(0);
    expect(si.oauth.refreshCount).toBe(1);
  });
});

describe('bad input: one line naming the input, exit 1, nothing changed', () => {
  const RT = fakeToken('anthropic-refresh');
  const valid = JSON.stringify({
    claudeAiOauth: {
      accessToken: fakeToken('anthropic-access'),
      refreshToken: RT,
      expiresAt: Date.now() + 8 * HOUR,
      scopes: ['user:inference'],
    },
  });
  const expired = JSON.stringify({
    claudeAiOauth: {
      accessToken: fakeToken('anthropic-access'),
      refreshToken: RT,
      expiresAt: Date.now() - HOUR,
      scopes: ['user:inference'],
    },
  });
  it.each([
    ['malformed JSON', { credentials: `{"claudeAiOauth":{"refreshToken":"${RT}"` }, /^credentials: is not valid JSON/],
    ['unknown format', { credentials: '{"token":"x"}' }, /^credentials: is JSON of an unknown format/],
    ['empty credentials', { credentials: '' }, /^credentials: is empty/],
    [
      'unknown provider',
      { credentials: valid, provider: 'gemini' },
      /^provider: "gemini" is not one of anthropic, openai, oauth2/,
    ],
    ['bad duration', { credentials: valid, 'min-ttl': 'soon' }, /^min-ttl: "soon" is not a duration/],
    [
      'invalid secret name',
      { credentials: valid, 'secret-name': 'GITHUB_TOKEN' },
      /^secret-name: "GITHUB_TOKEN" is not a valid secret name/,
    ],
    [
      'both environment and org',
      { credentials: valid, 'secret-name': SECRET, 'secret-environment': 'production', 'secret-org': 'octo' },
      /^secret-environment and secret-org: an environment secret belongs to a repository, .*; give at most one\.$/,
    ],
    [
      'expired token in check mode',
      { credentials: expired, mode: 'check' },
      /^credentials: the stored access token is not valid for min-ttl 30m \(it expired 1h(\d+s)? ago\)/,
    ],
    [
      'unknown mode',
      { credentials: valid, mode: 'sometimes' },
      /^mode: "sometimes" is not one of auto, refresh, check/,
    ],
    [
      'plain-http token-url',
      { credentials: expired, 'token-url': 'http://auth.example.com/token' },
      /^token-url: .* must be an https URL/,
    ],
  ])('%s', async (_, given, message) => {
    const r = await runStep('main', { inputs: given, debug: true });
    expectCleanFailure(r, message);
    expect(errorLine(r)).not.toContain(RT);
    expect(si.oauth.requests.length + si.gh.requests.length).toBe(0);
  });
});

it('bad input fails the bundled step with exit code 1, one line and nothing on stderr (dist)', async () => {
  const r = await runAction('main', { inputs: { credentials: '{"claudeAiOauth":' } });
  expectCleanFailure(r, /^credentials: is not valid JSON/);
});

describe('credentials-file errors', () => {
  it('an unwritable path is one clear line, after the secret was safely written', async () => {
    const s = seed(-HOUR);
    const r = await runStep('main', { inputs: inputs(s, { 'credentials-file': '/etc/hostname/creds.json' }) });
    expectCleanFailure(
      r,
      /^credentials-file: could not write \/etc\/hostname\/creds\.json \(E[A-Z]+\); choose a writable path, or none\.$/,
    );
    expect(si.oauth.isLive(tokensInSecret().refreshToken)).toBe(true);
  });

  it('the post step tolerates unreadable state', async () => {
    const r = await runStep('post', { state: { 'oauth-broker': '{not json' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('::warning::oauth-broker: the state saved by the main step is unreadable');
  });
});
