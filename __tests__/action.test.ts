// The main and post steps against local stand-ins of the provider's token endpoint and GitHub's
// secrets API: in-process (support/step.ts), and for the paths users run most, the bundled dist/main
// and dist/post as the runner runs them (the tests marked "(dist)").
import { existsSync, readFileSync, statSync } from 'node:fs';
import { assertMasked, runAction, runMainThenPost } from './support/runner.js';
import { HOUR, REPO, SECRET } from './support/stand-ins.js';
import { runStep, runStepThenPost } from './support/step.js';
import { fakeToken } from './support/fake-tokens.js';
import { cliRefreshes, expectCleanFailure, useMaxLoginJob } from './support/jobs.js';

const PAT = fakeToken('pat');
const { si, seed, inputs, tokensInSecret } = useMaxLoginJob(PAT);

describe('stored access token still valid', () => {
  it.each([false, true])('is used with no network call at all (dist, RUNNER_DEBUG=%s)', async (debug) => {
    const s = seed(8 * HOUR);
    const { main, post } = await runMainThenPost({ inputs: inputs(s), debug });
    expect(main.code).toBe(0);
    expect(si.oauth.requests).toHaveLength(0);
    expect(si.gh.requests).toHaveLength(0);
    expect(main.outputs).toMatchObject({
      'access-token': s.accessToken,
      source: 'stored',
      rotated: 'false',
      'secret-updated': 'false',
      'credentials-file': '',
    });
    expect(Number(main.outputs['expires-in'])).toBeGreaterThan(8 * 3600 - 60);
    expect(main.outputs.fingerprint).toMatch(/^[0-9a-f]{12}$/);
    expect(main.env.CLAUDE_CODE_OAUTH_TOKEN).toBe(s.accessToken);
    expect(main.summary).toContain('<tr><th>source</th><td>stored</td></tr>');
    expect(main.summary).toContain(main.outputs.fingerprint);
    assertMasked(main, [s.accessToken, s.refreshToken, s.credentials]);
    expect(post.code).toBe(0);
  });

  it('masks every token before printing anything else (dist)', async () => {
    const s = seed(8 * HOUR);
    const r = await runAction('main', { inputs: inputs(s) });
    const lines = r.stdout.split('\n').filter(Boolean);
    const firstOther = lines.findIndex((l) => !l.startsWith('::add-mask::'));
    const maskLines = lines.slice(0, firstOther);
    for (const secret of [s.credentials, s.accessToken, s.refreshToken])
      expect(maskLines).toContain(`::add-mask::${secret.replace(/%/g, '%25')}`);
  });

  it('mode check passes with no network call, and env-name none exports nothing', async () => {
    const s = seed(2 * HOUR);
    const r = await runStep('main', { inputs: inputs(s, { mode: 'check', 'min-ttl': '1h', 'env-name': 'none' }) });
    expect(r.code).toBe(0);
    expect(r.outputs.source).toBe('stored');
    expect(r.env).toEqual({});
    expect(si.oauth.requests.length + si.gh.requests.length).toBe(0);
  });
});

describe('refresh and write-back', () => {
  it('refreshes an expired token as Claude Code does, writes the rotated credentials back (dist)', async () => {
    const s = seed(-HOUR);
    // The runner's orchestration id joins the broker's name on GitHub's calls, as @actions/github adds it.
    const env = { ACTIONS_ORCHESTRATION_ID: ' run-7:job/a ' };
    const { main, post } = await runMainThenPost({ inputs: inputs(s), debug: true, env });
    expect([main.code, post.code]).toEqual([0, 0]);
    expect(si.oauth.requests).toHaveLength(1);
    const req = si.oauth.requests[0];
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['user-agent']).toMatch(/^oauth-broker\/\d+\.\d+\.\d+ /);
    // Octokit adds its own name after the broker's.
    const agents = new Set(
      si.gh.requests.map((q) => `${q.headers['user-agent']}`.replace(/ octokit-core\.js\/.*$/, '')),
    );
    expect([...agents]).toEqual([`${req.headers['user-agent']} actions_orchestration_id/run-7_job_a`]);
    expect(req.body).toEqual({
      grant_type: 'refresh_token',
      refresh_token: s.refreshToken,
      client_id: '9d1c250a-e61b-44d9-88ed-5944d1962f5e',
      scope: 'user:inference user:profile',
    });

    const stored = tokensInSecret();
    expect(si.oauth.isLive(stored.refreshToken)).toBe(true);
    expect(stored.refreshToken).not.toBe(s.refreshToken);
    expect(stored.doc).toMatchObject({
      subscriptionType: 'max',
      rateLimitTier: 'default_claude_max_20x',
      scopes: ['user:inference', 'user:profile'],
    });
    expect(main.outputs).toMatchObject({
      'access-token': stored.accessToken,
      source: 'refreshed',
      rotated: 'true',
      'secret-updated': 'true',
    });
    expect(main.env.CLAUDE_CODE_OAUTH_TOKEN).toBe(stored.accessToken);
    expect(main.summary).toContain(
      '<th>secret updated</th><td>yes: repository secret CLAUDE_CREDENTIALS of octo/app</td>',
    );
    // Preflight reads, the claim and the write check come before the refresh; the settled claim (at once)
    // and the write after it; a first write by this version (no claims in the value's marker) then
    // looks for what earlier versions left.
    expect(
      si.gh.requests.map((r) => `${r.method} ${r.path.replace(/OAUTH_BROKER_[0-9A-F]{20}_/, 'OAUTH_BROKER_<id>_')}`),
    ).toEqual([
      'GET /repos/octo/app/actions/secrets/public-key',
      'GET /repos/octo/app/actions/secrets/CLAUDE_CREDENTIALS',
      'POST /repos/octo/app/actions/variables',
      'PUT /repos/octo/app/actions/secrets/OAUTH_BROKER_WRITE_CHECK',
      'PATCH /repos/octo/app/actions/variables/OAUTH_BROKER_<id>_0',
      'PUT /repos/octo/app/actions/secrets/CLAUDE_CREDENTIALS',
      'GET /repos/octo/app/actions/secrets',
      'GET /repos/octo/app/actions/variables',
    ]);
    assertMasked(main, [stored.accessToken, stored.refreshToken]);
    // The new tokens are masked before anything mentions the refresh, in the bundled step's own stdout.
    for (const token of [stored.accessToken, stored.refreshToken]) {
      const maskAt = main.stdout.indexOf(`::add-mask::${token}`);
      expect(maskAt).toBeGreaterThan(-1);
      expect(maskAt).toBeLessThan(main.stdout.indexOf('Refreshed at'));
    }
  });

  // As actions/create-github-app-token tests its own: the mask comes first, whatever follows it.
  it('masks the new access and refresh tokens before any line, output or variable that could carry them', async () => {
    const s = seed(-HOUR);
    const r = await runStep('main', { inputs: inputs(s, { 'credentials-file': 'auto' }), inProcess: true });
    expect(r.code).toBe(0);
    const { accessToken, refreshToken } = tokensInSecret();
    const events = r.events;
    // Everything from the provider's answer on: the first line after the refresh was sent.
    const answered = events.findIndex((e) => e.kind === 'line' && e.value.startsWith('Refreshed at'));
    expect(answered).toBeGreaterThan(0);
    for (const token of [accessToken, refreshToken]) {
      const masked = events.findIndex((e) => e.kind === 'mask' && e.value === token);
      const carried = events.findIndex((e) => e.kind !== 'mask' && e.value.includes(token));
      expect(masked).toBeGreaterThanOrEqual(0);
      expect(masked).toBeLessThan(answered);
      if (carried >= 0) expect(masked).toBeLessThan(carried);
    }
    // The access token is handed on: as the output and the variable, each after its mask.
    expect(events.filter((e) => e.kind !== 'mask' && e.value === accessToken).map((e) => e.kind)).toEqual([
      'output',
      'export',
    ]);
  });

  it('mode refresh refreshes a valid token; the next run uses what was written', async () => {
    const s = seed(8 * HOUR);
    const first = await runStep('main', { inputs: inputs(s, { mode: 'refresh' }) });
    expect(first.code).toBe(0);
    expect(first.outputs.source).toBe('refreshed');
    const next = si.gh.repoSecret(REPO, SECRET)!.value;
    const second = await runStep('main', { inputs: { ...inputs(s), credentials: next } });
    expect(second.outputs).toMatchObject({ source: 'stored', 'access-token': first.outputs['access-token'] });
    expect(si.oauth.requests).toHaveLength(1);
  });

  it('writes an environment secret', async () => {
    const s = seed(-HOUR, (v) => si.gh.setEnvSecret(REPO, 'production', SECRET, v));
    const r = await runStep('main', { inputs: inputs(s, { 'secret-environment': 'production' }) });
    expect(r.code).toBe(0);
    const stored = JSON.parse(si.gh.envSecret(REPO, 'production', SECRET)!.value) as {
      claudeAiOauth: { accessToken: string };
    };
    expect(stored.claudeAiOauth.accessToken).toBe(r.outputs['access-token']);
    expect(si.gh.requests.map((q) => q.path)).toContain(
      '/repos/octo/app/environments/production/secrets/CLAUDE_CREDENTIALS',
    );
    expect(si.gh.repoSecret(REPO, SECRET)).toBeUndefined();
  });

  it('writes an organization secret, keeping its visibility and selected repositories', async () => {
    const s = seed(-HOUR, (v) => si.gh.setOrgSecret('octo', SECRET, v, 'selected', [4242, 77]));
    const r = await runStep('main', { inputs: inputs(s, { 'secret-org': 'octo' }) });
    expect(r.code).toBe(0);
    const stored = si.gh.orgSecret('octo', SECRET)!;
    expect(stored.visibility).toBe('selected');
    expect(stored.selected_repository_ids?.sort()).toEqual([4242, 77].sort());
    expect(JSON.parse(stored.value).claudeAiOauth.accessToken).toBe(r.outputs['access-token']);
  });

  it('follows a GitHub Enterprise Server API prefix', async () => {
    await si.restartGitHub({ prefix: '/api/v3' });
    const s = seed(-HOUR);
    expect(si.gh.url).toMatch(/\/api\/v3$/);
    const r = await runStep('main', { inputs: inputs(s) });
    expect(r.code).toBe(0);
    expect(tokensInSecret().accessToken).toBe(r.outputs['access-token']);
  });

  it('a bare refresh token is refreshed and stored as the generic format', async () => {
    const { refreshToken } = si.oauth.issue();
    si.gh.setRepoSecret(REPO, SECRET, refreshToken);
    const r = await runStep('main', {
      inputs: { ...inputs({ credentials: refreshToken, refreshToken, accessToken: '' }) },
    });
    expect(r.code).toBe(0);
    const doc = JSON.parse(si.gh.repoSecret(REPO, SECRET)!.value) as Record<string, string>;
    expect(doc.access_token).toBe(r.outputs['access-token']);
    expect(Date.parse(doc.expires_at)).toBeGreaterThan(Date.now() + 7 * HOUR);
    expect(si.oauth.requests[0].body).not.toHaveProperty('scope');
  });

  it('warns when the fine-grained PAT expires within a week', async () => {
    const soon = new Date(Date.now() + 2 * 86_400_000)
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, ' UTC');
    si.gh.addToken('github_pat_expiring', { kind: 'pat', expiresAt: soon });
    const s = seed(-HOUR);
    const r = await runStep('main', { inputs: inputs(s, { 'github-token': 'github_pat_expiring' }) });
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^::warning::github-token expires on .*; renew it before then/gm)).toHaveLength(1);
  });

  it('retries a PUT answered 502, then succeeds', async () => {
    const s = seed(-HOUR);
    si.gh.faults.push({ method: 'PUT', pathIncludes: SECRET, status: 502, body: '{"message":"Server Error"}' });
    const r = await runStep('main', { inputs: inputs(s) });
    expect(r.code).toBe(0);
    expect(si.gh.requests.filter((q) => q.method === 'PUT' && q.path.endsWith(SECRET)).map((q) => q.status)).toEqual([
      502, 204,
    ]);
    expect(tokensInSecret().accessToken).toBe(r.outputs['access-token']);
    expect(r.stdout).toMatch(/HTTP 502; retrying/);
  });

  it('honours retry-after on a 429', async () => {
    const s = seed(-HOUR);
    si.gh.faults.push({
      method: 'PUT',
      status: 429,
      headers: { 'retry-after': '1' },
      body: '{"message":"Too many requests"}',
    });
    const r = await runStep('main', { inputs: inputs(s) });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/HTTP 429; retrying in 1s/);
    expect(tokensInSecret().accessToken).toBe(r.outputs['access-token']);
  });

  it('waits for x-ratelimit-reset when the primary rate limit is exhausted', async () => {
    const s = seed(-HOUR);
    const reset = Math.ceil(Date.now() / 1000) + 2;
    si.gh.faults.push({
      method: 'PUT',
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      body: '{"message":"API rate limit exceeded"}',
    });
    const r = await runStep('main', { inputs: inputs(s) });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/HTTP 403; retrying in [1-3]s/);
    expect(tokensInSecret().accessToken).toBe(r.outputs['access-token']);
  });

  it('writes the Claude Code credentials file (0600, access token only) and the post step removes it', async () => {
    const s = seed(8 * HOUR);
    const { main, post } = await runStepThenPost({ inputs: inputs(s, { 'credentials-file': 'auto' }) });
    expect(main.code).toBe(0);
    const path = main.outputs['credentials-file'];
    expect(path).toBe(`${main.home}/.claude/.credentials.json`);
    expect(post.code).toBe(0);
    expect(existsSync(path)).toBe(false);
    expect(post.stdout).toContain(`Removed ${path}`);
  });
});

describe('the file between main and post', () => {
  it('is 0600 and holds no refresh token', async () => {
    const s = seed(8 * HOUR);
    const main = await runStep('main', { inputs: inputs(s, { 'credentials-file': 'auto' }) });
    const path = main.outputs['credentials-file'];
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const file = JSON.parse(readFileSync(path, 'utf8')) as { claudeAiOauth: Record<string, unknown> };
    expect(file.claudeAiOauth).toMatchObject({
      accessToken: s.accessToken,
      scopes: ['user:inference', 'user:profile'],
      subscriptionType: 'max',
    });
    expect(file.claudeAiOauth).not.toHaveProperty('refreshToken');
    expect(main.state['oauth-broker']).not.toContain(s.accessToken);
  });
});

describe('client-refresh', () => {
  it('gives the CLI the refresh token; the post step writes back what the CLI rotated (dist)', async () => {
    const s = seed(8 * HOUR);
    const given = inputs(s, { 'credentials-file': 'auto', 'client-refresh': 'true' });
    const main = await runAction('main', { inputs: given });
    expect(main.code).toBe(0);
    const path = main.outputs['credentials-file'];
    const file = JSON.parse(readFileSync(path, 'utf8')) as { claudeAiOauth: Record<string, unknown> };
    expect(file.claudeAiOauth.refreshToken).toBe(s.refreshToken);

    // The CLI refreshes by itself, as Claude Code does, and rewrites its file.
    const t = await cliRefreshes(si.oauth.tokenUrl, path, s.refreshToken);

    const post = await runAction('post', { inputs: given, state: main.state, home: main.home });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('The CLI refreshed the credentials');
    expect(existsSync(path)).toBe(false);
    const stored = tokensInSecret();
    expect(stored.refreshToken).toBe(t.refresh_token);
    expect(stored.doc).toMatchObject({ subscriptionType: 'max', accessToken: t.access_token });
    assertMasked(post, [t.access_token, t.refresh_token]);
  });

  it('an unchanged file is only removed, and the claim the CLI held is released', async () => {
    const s = seed(8 * HOUR);
    const { main, post } = await runStepThenPost({
      inputs: inputs(s, { 'credentials-file': 'auto', 'client-refresh': 'true' }),
    });
    expect(main.code).toBe(0);
    expect(post.code).toBe(0);
    // The CLI's claim is made, then deleted: nothing written, nothing left.
    expect(si.gh.requests.filter((q) => q.method !== 'GET').map((q) => `${q.method} ${q.path}`)).toEqual([
      'POST /repos/octo/app/actions/variables',
      expect.stringMatching(/^DELETE \/repos\/octo\/app\/actions\/variables\/OAUTH_BROKER_[0-9A-F]{20}_0$/),
    ]);
    expect(si.gh.secretNames({ repo: REPO })).toEqual([SECRET]);
    expect(si.gh.variableNames({ repo: REPO })).toEqual([]);
    expect(si.gh.repoSecret(REPO, SECRET)!.value).toBe(s.credentials);
    expect(existsSync(main.outputs['credentials-file'])).toBe(false);
  });

  it('is refused without a place to store what the CLI rotates', async () => {
    const s = seed(8 * HOUR);
    const r = await runStep('main', {
      inputs: inputs(s, { 'credentials-file': 'auto', 'client-refresh': 'true', 'github-token': '' }),
    });
    expectCleanFailure(r, /^client-refresh: .*nothing could store its successor/);
    expect(existsSync(`${r.home}/.claude/.credentials.json`)).toBe(false);
  });
});
