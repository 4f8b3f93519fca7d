/**
 * Proves the test-support stand-ins behave like the services they replace,
 * over real HTTP, so that tests built on them prove something about the action.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sodium from 'libsodium-wrappers';
import { ANTHROPIC_CLIENT_ID, startOAuthServer, type OAuthServer } from './support/oauth-server.js';
import { MAX_SECRET_BYTES, startGitHubServer, type GitHubServer } from './support/github-server.js';
import { fakeToken } from './support/fake-tokens.js';
import {
  assertMasked,
  assertNoLeak,
  cleanupRuns,
  distEntry,
  inputEnvName,
  parseFileCommands,
  repoRoot,
  runAction,
  runMainThenPost,
  unescapeCommandValue,
} from './support/runner.js';

const TOKEN_RE = (kind: 'oat' | 'ort'): RegExp => new RegExp(`^sk-ant-${kind}01-[A-Za-z0-9_-]{43}$`);

// ---------------------------------------------------------------------------
describe('oauth-server', () => {
  let oauth: OAuthServer;
  afterEach(async () => oauth?.close());

  const refresh = (body: Record<string, unknown>, init: RequestInit = {}): Promise<Response> =>
    fetch(oauth.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'refresh_token', client_id: ANTHROPIC_CLIENT_ID, ...body }),
      ...init,
    });

  it('rotates a live refresh token exactly once', async () => {
    oauth = await startOAuthServer();
    expect(oauth.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(oauth.tokenUrl).toBe(`${oauth.url}/v1/oauth/token`);
    const seed = oauth.issue(['user:inference', 'user:profile']);
    expect(seed.refreshToken).toMatch(TOKEN_RE('ort'));
    expect(seed.accessToken).toMatch(TOKEN_RE('oat'));
    expect(oauth.isLive(seed.refreshToken)).toBe(true);

    const res = await refresh({ refresh_token: seed.refreshToken, scope: 'user:inference' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual([
      'token_type',
      'access_token',
      'refresh_token',
      'expires_in',
      'scope',
      'account',
      'organization',
    ]);
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 28800,
      scope: 'user:inference user:profile',
      account: { uuid: expect.any(String), email_address: 'ci@example.com' },
      organization: { uuid: expect.any(String), name: 'Example' },
    });
    expect(body.access_token).toMatch(TOKEN_RE('oat'));
    expect(body.refresh_token).toMatch(TOKEN_RE('ort'));
    const next = body.refresh_token as string;
    expect(oauth.isLive(seed.refreshToken)).toBe(false);
    expect(oauth.isLive(next)).toBe(true);
    expect(oauth.refreshCount).toBe(1);
    expect(oauth.requests).toHaveLength(1);
    expect(oauth.requests[0]?.headers['content-type']).toBe('application/json');
    expect(oauth.requests[0]?.body).toEqual({
      grant_type: 'refresh_token',
      client_id: ANTHROPIC_CLIENT_ID,
      refresh_token: seed.refreshToken,
      scope: 'user:inference',
    });

    // The rotated token keeps the scopes and can itself be rotated.
    const again = await refresh({ refresh_token: next });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { scope: string }).scope).toBe('user:inference user:profile');
    expect(oauth.refreshCount).toBe(2);
  });

  it('answers a spent token with invalid_grant and counts the reuse', async () => {
    oauth = await startOAuthServer();
    const { refreshToken } = oauth.issue();
    expect((await refresh({ refresh_token: refreshToken })).status).toBe(200);

    const reuse = await refresh({ refresh_token: refreshToken });
    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'Refresh token not found or invalid',
    });
    expect(oauth.reuseCount).toBe(1);

    const unknown = await refresh({ refresh_token: fakeToken('anthropic-refresh') });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toBe('invalid_grant');
    expect(oauth.reuseCount).toBe(1);
    expect(oauth.refreshCount).toBe(1);
  });

  it('validates method, path, content type and body', async () => {
    oauth = await startOAuthServer({ path: '/oauth/token', clientId: 'client-x' });
    expect(oauth.tokenUrl).toBe(`${oauth.url}/oauth/token`);
    const { refreshToken } = oauth.issue();
    const post = (headers: Record<string, string>, body: string, url = oauth.tokenUrl): Promise<Response> =>
      fetch(url, { method: 'POST', headers, body });
    const json = { 'content-type': 'application/json' };
    const valid = JSON.stringify({ grant_type: 'refresh_token', client_id: 'client-x', refresh_token: refreshToken });

    expect((await fetch(oauth.tokenUrl)).status).toBe(404);
    expect((await post(json, valid, `${oauth.url}/v1/oauth/token`)).status).toBe(404);

    const form = await post(
      { 'content-type': 'application/x-www-form-urlencoded' },
      `grant_type=refresh_token&refresh_token=${refreshToken}`,
    );
    expect(form.status).toBe(400);
    expect(await form.json()).toEqual({ error: 'invalid_request' });

    const cases: Array<[string, string]> = [
      ['not json', 'invalid_request'],
      ['[1,2]', 'invalid_request'],
      [
        JSON.stringify({ grant_type: 'refresh_token', client_id: ANTHROPIC_CLIENT_ID, refresh_token: refreshToken }),
        'invalid_client',
      ],
      [
        JSON.stringify({ grant_type: 'authorization_code', client_id: 'client-x', refresh_token: refreshToken }),
        'unsupported_grant_type',
      ],
      [JSON.stringify({ grant_type: 'refresh_token', client_id: 'client-x' }), 'invalid_request'],
      [
        JSON.stringify({ grant_type: 'refresh_token', client_id: 'client-x', refresh_token: refreshToken, scope: 42 }),
        'invalid_request',
      ],
    ];
    for (const [body, code] of cases) {
      const res = await post(json, body);
      expect([res.status, ((await res.json()) as { error: string }).error]).toEqual([400, code]);
    }
    expect(oauth.isLive(refreshToken)).toBe(true);
    // The raw text is recorded when the body is not JSON.
    expect(oauth.requests.map((r) => r.body)).toContain('not json');

    const ok = await post({ 'content-type': 'application/json; charset=utf-8' }, valid);
    expect(ok.status).toBe(200);
    expect(oauth.requests).toHaveLength(cases.length + 4);
  });

  it('refuses a scope wider than the token and leaves the token live', async () => {
    oauth = await startOAuthServer();
    const { refreshToken } = oauth.issue(['user:inference']);
    const res = await refresh({ refresh_token: refreshToken, scope: 'user:inference org:create_api_key' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_scope' });
    expect(oauth.isLive(refreshToken)).toBe(true);
    expect(oauth.refreshCount).toBe(0);
  });

  it('keeps the old refresh token live when the response omits one', async () => {
    oauth = await startOAuthServer({ omitRefreshToken: true, accessTtlSeconds: 60 });
    const { refreshToken } = oauth.issue();
    const res = await refresh({ refresh_token: refreshToken });
    const body = (await res.json()) as Record<string, unknown>;
    expect(res.status).toBe(200);
    expect(body).not.toHaveProperty('refresh_token');
    expect(body.expires_in).toBe(60);
    expect(oauth.isLive(refreshToken)).toBe(true);
    expect((await refresh({ refresh_token: refreshToken })).status).toBe(200);
    expect(oauth.refreshCount).toBe(2);
  });

  it('applies queued faults one request at a time', async () => {
    oauth = await startOAuthServer();
    const { refreshToken } = oauth.issue();
    oauth.faults.push(
      { status: 503, headers: { 'retry-after': '7' }, body: '{"error":"overloaded"}' },
      { action: 'reset' },
      { delayMs: 150, headers: { 'x-fault': 'yes' } },
    );

    const busy = await refresh({ refresh_token: refreshToken });
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('7');
    expect(await busy.text()).toBe('{"error":"overloaded"}');
    await expect(refresh({ refresh_token: refreshToken })).rejects.toThrow();
    expect(oauth.isLive(refreshToken)).toBe(true);

    const started = Date.now();
    const slow = await refresh({ refresh_token: refreshToken });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(slow.status).toBe(200);
    expect(slow.headers.get('x-fault')).toBe('yes');
    expect(oauth.faults).toHaveLength(0);
    expect(oauth.requests).toHaveLength(3);
  });

  it('can lose the answer after rotating, and can hang until closed', async () => {
    oauth = await startOAuthServer();
    const { refreshToken } = oauth.issue();
    oauth.faults.push({ action: 'reset-after-rotate' });
    await expect(refresh({ refresh_token: refreshToken })).rejects.toThrow();
    expect(oauth.isLive(refreshToken)).toBe(false);
    expect(oauth.refreshCount).toBe(1);

    const seed = oauth.issue();
    oauth.faults.push({ action: 'hang' });
    await expect(refresh({ refresh_token: seed.refreshToken }, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect(oauth.isLive(seed.refreshToken)).toBe(true);

    // close() must not wait for the hung socket, nor for a pending delay.
    oauth.faults.push({ action: 'hang' }, { delayMs: 60000 });
    const pending = [
      refresh({ refresh_token: seed.refreshToken }).catch(() => 'closed'),
      refresh({ refresh_token: seed.refreshToken }).catch(() => 'closed'),
    ];
    while (oauth.requests.length < 4) await new Promise((r) => setTimeout(r, 10));
    const started = Date.now();
    await oauth.close();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await Promise.all(pending)).toEqual(['closed', 'closed']);
  });
});

// ---------------------------------------------------------------------------
describe('github-server', () => {
  let gh: GitHubServer;
  afterEach(async () => gh?.close());
  beforeAll(async () => {
    await sodium.ready;
  });

  /** Seals like the action does: libsodium crypto_box_seal, base64 ORIGINAL. */
  const seal = (value: string, key = gh.publicKey.key): string =>
    sodium.to_base64(
      sodium.crypto_box_seal(value, sodium.from_base64(key, sodium.base64_variants.ORIGINAL)),
      sodium.base64_variants.ORIGINAL,
    );

  // Tokens go by readable labels here; what is sent is a minted fake, which the harness knows as a secret.
  const tokens = new Map<string, string>();
  const tok = (label: string): string => {
    if (!tokens.has(label)) tokens.set(label, fakeToken('pat'));
    return tokens.get(label)!;
  };

  const call = (method: string, path: string, token?: string, body?: unknown, scheme = 'Bearer'): Promise<Response> =>
    fetch(gh.url + path, {
      method,
      headers: {
        'x-github-api-version': '2022-11-28',
        ...(token === undefined ? {} : { authorization: `${scheme} ${token === '' ? '' : tok(token)}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });

  const put = (path: string, value: string, token = 'pat', extra: Record<string, unknown> = {}): Promise<Response> =>
    call('PUT', path, token, { encrypted_value: seal(value), key_id: gh.publicKey.key_id, ...extra });

  async function start(prefix?: string): Promise<void> {
    gh = await startGitHubServer(prefix === undefined ? {} : { prefix });
    gh.addRepo('octo/app', { id: 42, environments: ['prod', 'eu west/1'] });
    gh.addRepo('octo/other', { id: 43 });
    gh.addOrg('octo');
    gh.addToken(tok('pat'), { kind: 'pat' });
  }

  it('serves a tweetnacl public key and GitHub response headers', async () => {
    await start();
    expect(gh.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(gh.publicKey.key_id).toMatch(/^[1-9]\d{17}$/);
    expect(Buffer.from(gh.publicKey.key, 'base64')).toHaveLength(32);

    const res = await call('GET', '/repos/octo/app/actions/secrets/public-key', 'pat');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(gh.publicKey);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-ratelimit-limit')).toBe('5000');
    expect(Number(res.headers.get('x-ratelimit-remaining'))).toBe(4999);
    expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect(res.headers.get('x-github-request-id')).toBeTruthy();
    expect(res.headers.get('github-authentication-token-expiration')).toBeNull();

    const second = await call('GET', '/repos/octo/app', 'pat');
    expect(Number(second.headers.get('x-ratelimit-remaining'))).toBe(4998);
    expect(await second.json()).toMatchObject({ id: 42, full_name: 'octo/app', name: 'app', owner: { login: 'octo' } });
  });

  it('opens what libsodium sealed, and stores repository secrets like GitHub', async () => {
    await start();
    const created = await put('/repos/octo/app/actions/secrets/claude_credentials', '{"claudeAiOauth":{}}');
    expect(created.status).toBe(201);
    const stored = gh.repoSecret('octo/app', 'CLAUDE_CREDENTIALS');
    expect(stored).toMatchObject({ name: 'CLAUDE_CREDENTIALS', value: '{"claudeAiOauth":{}}' });
    expect(stored?.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(gh.repoSecret('OCTO/APP', 'claude_credentials')).toEqual(stored);

    const meta = await call('GET', '/repos/octo/app/actions/secrets/Claude_Credentials', 'pat');
    expect(meta.status).toBe(200);
    expect(await meta.json()).toEqual({
      name: 'CLAUDE_CREDENTIALS',
      created_at: stored?.created_at,
      updated_at: stored?.updated_at,
    });

    const updated = await put('/repos/octo/app/actions/secrets/CLAUDE_CREDENTIALS', 'second');
    expect(updated.status).toBe(204);
    expect(await updated.text()).toBe('');
    const after = gh.repoSecret('octo/app', 'CLAUDE_CREDENTIALS');
    expect(after?.value).toBe('second');
    expect(after?.created_at).toBe(stored?.created_at);
    // Whole seconds of the real clock, never ahead of it.
    expect(after?.updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(after?.updated_at ?? '')).toBeGreaterThanOrEqual(Date.parse(stored?.updated_at ?? ''));
    expect(Date.parse(after?.updated_at ?? '')).toBeLessThanOrEqual(Date.now());

    expect((await call('GET', '/repos/octo/app/actions/secrets/MISSING', 'pat')).status).toBe(404);
    expect((await call('GET', '/repos/octo/nope/actions/secrets/public-key', 'pat')).status).toBe(404);
    expect(gh.repoSecret('octo/other', 'CLAUDE_CREDENTIALS')).toBeUndefined();

    gh.setRepoSecret('octo/other', 'seeded', 'v');
    expect(gh.repoSecret('octo/other', 'SEEDED')?.value).toBe('v');
    expect(() => gh.setRepoSecret('octo/ghost', 'X', 'v')).toThrow(/addRepo/);
  });

  it('rejects PUTs GitHub would reject', async () => {
    await start();
    const path = '/repos/octo/app/actions/secrets/CREDS';
    const expect422 = async (res: Promise<Response>, text: RegExp): Promise<void> => {
      const r = await res;
      expect(r.status).toBe(422);
      expect(((await r.json()) as { message: string }).message).toMatch(text);
    };
    await expect422(put(path, 'v', 'pat', { key_id: '123' }), /key_id does not match/);
    await expect422(
      call('PUT', path, 'pat', { encrypted_value: 'not base64!', key_id: gh.publicKey.key_id }),
      /base64/,
    );
    await expect422(
      call('PUT', path, 'pat', {
        encrypted_value: Buffer.from('x'.repeat(80)).toString('base64'),
        key_id: gh.publicKey.key_id,
      }),
      /decrypt/,
    );
    const otherKey = Buffer.from(sodium.crypto_box_keypair().publicKey).toString('base64');
    await expect422(
      call('PUT', path, 'pat', { encrypted_value: seal('v', otherKey), key_id: gh.publicKey.key_id }),
      /decrypt/,
    );
    await expect422(call('PUT', path, 'pat', { key_id: gh.publicKey.key_id }), /required/);
    await expect422(put(path, 'x'.repeat(MAX_SECRET_BYTES + 1)), /too large/);
    await expect422(put('/repos/octo/app/actions/secrets/GITHUB_TOKEN', 'v'), /Secret names/);
    await expect422(put('/repos/octo/app/actions/secrets/1ABC', 'v'), /Secret names/);
    const bad = await call('PUT', path, 'pat', '{not json');
    expect([bad.status, ((await bad.json()) as { message: string }).message]).toEqual([400, 'Problems parsing JSON']);
    expect(gh.repoSecret('octo/app', 'CREDS')).toBeUndefined();

    expect((await put(path, 'x'.repeat(MAX_SECRET_BYTES))).status).toBe(201);
    expect(gh.repoSecret('octo/app', 'CREDS')?.value).toHaveLength(MAX_SECRET_BYTES);
  });

  it('answers 400 to a request without the API version the broker pins', async () => {
    await start();
    const r = await fetch(`${gh.url}/repos/octo/app/actions/secrets/public-key`, {
      headers: { authorization: `Bearer ${tok('pat')}` },
    });
    expect(r.status).toBe(400);
  });

  it('authenticates and authorises like GitHub', async () => {
    await start();
    gh.addToken(tok('job'), { kind: 'job' });
    gh.addToken(tok('read-pat'), { kind: 'pat', secrets: 'read', expiresAt: '2026-12-01 00:00:00 UTC' });
    gh.addToken(tok('app-none'), { kind: 'app', secrets: 'none' });
    gh.addToken(tok('other-only'), { kind: 'pat', repos: ['octo/other'] });
    const key = '/repos/octo/app/actions/secrets/public-key';
    const body = async (res: Response): Promise<unknown> => res.json();

    const anon = await call('GET', key);
    expect(anon.status).toBe(401);
    expect(await body(anon)).toMatchObject({
      message: 'Requires authentication',
      documentation_url: 'https://docs.github.com/rest',
    });
    const bad = await call('GET', key, 'nope');
    expect([bad.status, await body(bad)]).toEqual([401, expect.objectContaining({ message: 'Bad credentials' })]);
    const hidden = await call('GET', key, 'other-only');
    expect([hidden.status, await body(hidden)]).toEqual([404, expect.objectContaining({ message: 'Not Found' })]);
    expect((await call('GET', '/repos/octo/other/actions/secrets/public-key', 'other-only')).status).toBe(200);

    const job = await call('GET', key, 'job');
    expect([job.status, await body(job)]).toEqual([
      403,
      expect.objectContaining({ message: 'Resource not accessible by integration' }),
    ]);
    expect((await call('GET', '/repos/octo/app', 'job')).status).toBe(200);

    const read = await call('GET', key, 'read-pat', undefined, 'token');
    expect(read.status).toBe(200);
    expect(read.headers.get('github-authentication-token-expiration')).toBe('2026-12-01 00:00:00 UTC');
    const denied = await put('/repos/octo/app/actions/secrets/X', 'v', 'read-pat');
    expect(denied.status).toBe(403);
    expect(await body(denied)).toMatchObject({ message: 'Resource not accessible by personal access token' });
    expect(denied.headers.get('x-accepted-github-permissions')).toBe('secrets=write');
    expect(denied.headers.get('github-authentication-token-expiration')).toBe('2026-12-01 00:00:00 UTC');

    const app = await call('GET', key, 'app-none');
    expect([app.status, await body(app)]).toEqual([
      403,
      expect.objectContaining({ message: 'Resource not accessible by integration' }),
    ]);

    expect((await call('GET', '/repos/octo/app/actions/runners', 'pat')).status).toBe(404);
    expect((await call('DELETE', '/repos/octo/app/actions/secrets/X', 'pat')).status).toBe(404);
    expect(gh.requests.map((r) => r.status)).toEqual([401, 401, 404, 200, 403, 200, 200, 403, 403, 404, 404]);
    expect(gh.requests[0]).toMatchObject({ method: 'GET', path: key });
  });

  it('serves workflows with their state and their runs, newest first, filtered by status or conclusion', async () => {
    await start();
    gh.addToken(tok('no-actions'), { kind: 'pat', actions: 'none' });
    gh.addToken(tok('job'), { kind: 'job' });
    const id = gh.addWorkflow('octo/app', { path: '.github/workflows/rotate.yml', name: 'Rotate' });
    const ci = gh.addWorkflow('octo/app', { path: '.github/workflows/ci.yml', state: 'disabled_manually' });
    const first = gh.addWorkflowRun('octo/app', id, { conclusion: 'success' });
    const failed = gh.addWorkflowRun('octo/app', id, { conclusion: 'failure', event: 'workflow_dispatch' });
    gh.addWorkflowRun('octo/app', id, { conclusion: null, status: 'in_progress' });

    const list = await call('GET', '/repos/octo/app/actions/workflows?per_page=1', 'pat');
    expect(list.status).toBe(200);
    expect(list.headers.get('link')).toContain('rel="next"');
    expect(await list.json()).toMatchObject({
      total_count: 2,
      workflows: [{ id, name: 'Rotate', path: '.github/workflows/rotate.yml', state: 'active' }],
    });
    const all = (await (await call('GET', '/repos/octo/app/actions/workflows', 'pat')).json()) as {
      workflows: Array<{ id: number; name: string; state: string }>;
    };
    expect(all.workflows[1]).toMatchObject({ id: ci, name: 'ci.yml', state: 'disabled_manually' });

    const runs = async (path: string): Promise<unknown> => (await call('GET', path, 'pat')).json();
    expect(await runs(`/repos/octo/app/actions/workflows/${id}/runs?status=completed&per_page=1`)).toMatchObject({
      total_count: 2,
      workflow_runs: [{ id: failed, status: 'completed', conclusion: 'failure', event: 'workflow_dispatch' }],
    });
    // By file name too, and by a conclusion.
    expect(await runs('/repos/octo/app/actions/workflows/rotate.yml/runs?status=success')).toMatchObject({
      total_count: 1,
      workflow_runs: [{ id: first, workflow_id: id, run_number: 1, repository: { full_name: 'octo/app' } }],
    });
    expect((await call('GET', '/repos/octo/app/actions/workflows/nope.yml/runs', 'pat')).status).toBe(404);

    const denied = await call('GET', '/repos/octo/app/actions/workflows', 'no-actions');
    expect(denied.status).toBe(403);
    expect(denied.headers.get('x-accepted-github-permissions')).toBe('actions=read');
    // The job's own token reads its repository's workflows.
    expect((await call('GET', '/repos/octo/app/actions/workflows', 'job')).status).toBe(200);
  });

  it('handles environment secrets with URL-encoded names', async () => {
    await start();
    gh.addToken(tok('no-env'), { kind: 'pat', environments: 'none' });
    const base = `/repos/octo/app/environments/${encodeURIComponent('eu west/1')}/secrets`;
    const key = await call('GET', `${base}/public-key`, 'pat');
    expect([key.status, await key.json()]).toEqual([200, gh.publicKey]);
    expect((await put(`${base}/CREDS`, 'env value')).status).toBe(201);
    expect(gh.envSecret('octo/app', 'eu west/1', 'creds')?.value).toBe('env value');
    expect(gh.repoSecret('octo/app', 'CREDS')).toBeUndefined();
    expect((await call('GET', `${base}/CREDS`, 'pat')).status).toBe(200);
    expect((await put(`${base}/CREDS`, 'again')).status).toBe(204);

    const env = await call('GET', '/repos/octo/app/environments/prod', 'pat');
    expect(await env.json()).toMatchObject({ name: 'prod', id: expect.any(Number) });
    expect((await call('GET', '/repos/octo/app/environments/staging', 'pat')).status).toBe(404);
    expect((await call('GET', '/repos/octo/app/environments/staging/secrets/public-key', 'pat')).status).toBe(404);
    expect((await put('/repos/octo/app/environments/staging/secrets/CREDS', 'v')).status).toBe(404);
    expect((await call('GET', `${base}/public-key`, 'no-env')).status).toBe(403);

    gh.setEnvSecret('octo/app', 'prod', 'seeded', 'p');
    expect(gh.envSecret('octo/app', 'PROD', 'SEEDED')?.value).toBe('p');
    expect(() => gh.setEnvSecret('octo/app', 'staging', 'X', 'v')).toThrow(/environment/);
  });

  it('handles organisation secrets and keeps their visibility as given', async () => {
    await start();
    gh.addToken(tok('no-org'), { kind: 'pat', orgSecrets: 'read' });
    gh.addToken(tok('other-org'), { kind: 'pat', orgs: ['elsewhere'] });
    const ids = Array.from({ length: 35 }, (_, i) => i + 40);
    gh.setOrgSecret('octo', 'shared', 'org value', 'selected', ids);
    const stored = gh.orgSecret('octo', 'SHARED');
    expect(stored).toMatchObject({
      name: 'SHARED',
      value: 'org value',
      visibility: 'selected',
      selected_repository_ids: ids,
    });

    expect(await (await call('GET', '/orgs/octo/actions/secrets/public-key', 'pat')).json()).toEqual(gh.publicKey);
    expect(await (await call('GET', '/orgs/octo', 'pat')).json()).toMatchObject({ login: 'octo' });
    const meta = await call('GET', '/orgs/octo/actions/secrets/shared', 'pat');
    expect(await meta.json()).toEqual({
      name: 'SHARED',
      created_at: stored?.created_at,
      updated_at: stored?.updated_at,
      visibility: 'selected',
      selected_repositories_url: `${gh.url}/orgs/octo/actions/secrets/SHARED/repositories`,
    });

    // Paginated like GitHub (30 a page), following the Link header.
    const seen: number[] = [];
    let next: string | undefined = `${gh.url}/orgs/octo/actions/secrets/SHARED/repositories`;
    while (next) {
      const headers = { authorization: `Bearer ${tok('pat')}`, 'x-github-api-version': '2022-11-28' };
      const page: Response = await fetch(next, { headers });
      const list = (await page.json()) as {
        total_count: number;
        repositories: Array<{ id: number; full_name: string }>;
      };
      expect(list.total_count).toBe(35);
      seen.push(...list.repositories.map((r) => r.id));
      if (list.repositories[0]?.id === 42) expect(list.repositories[2]?.full_name).toBe('octo/app');
      next = /<([^>]+)>; rel="next"/.exec(page.headers.get('link') ?? '')?.[1];
    }
    expect(seen).toEqual(ids);

    const putOrg = (extra: Record<string, unknown>, token = 'pat'): Promise<Response> =>
      put('/orgs/octo/actions/secrets/SHARED', 'rotated', token, extra);
    expect((await putOrg({})).status).toBe(422);
    expect((await putOrg({ visibility: 'public' })).status).toBe(422);
    expect((await putOrg({ visibility: 'selected' })).status).toBe(422);
    expect((await putOrg({ visibility: 'selected', selected_repository_ids: ['42'] })).status).toBe(422);
    expect((await putOrg({ visibility: 'selected', selected_repository_ids: [42] }, 'no-org')).status).toBe(403);
    expect((await putOrg({ visibility: 'selected', selected_repository_ids: [42] }, 'other-org')).status).toBe(404);
    expect(gh.orgSecret('octo', 'SHARED')?.value).toBe('org value');

    expect((await putOrg({ visibility: 'selected', selected_repository_ids: [43, 42] })).status).toBe(204);
    expect(gh.orgSecret('octo', 'SHARED')).toMatchObject({
      value: 'rotated',
      visibility: 'selected',
      selected_repository_ids: [43, 42],
    });

    expect((await put('/orgs/octo/actions/secrets/EVERYONE', 'v', 'pat', { visibility: 'private' })).status).toBe(201);
    const priv = await call('GET', '/orgs/octo/actions/secrets/EVERYONE', 'pat');
    const privBody = (await priv.json()) as Record<string, unknown>;
    expect(privBody.visibility).toBe('private');
    expect(privBody).not.toHaveProperty('selected_repositories_url');
    const conflict = await call('GET', '/orgs/octo/actions/secrets/EVERYONE/repositories', 'pat');
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toMatchObject({ message: expect.any(String) });
    expect((await call('GET', '/orgs/ghost/actions/secrets/public-key', 'pat')).status).toBe(404);
  });

  it('serves GitHub Enterprise Server routes under a prefix only', async () => {
    await start('/api/v3');
    expect(gh.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
    expect((await call('GET', '/repos/octo/app/actions/secrets/public-key', 'pat')).status).toBe(200);
    const bare = await fetch(`${gh.url.replace('/api/v3', '')}/repos/octo/app/actions/secrets/public-key`, {
      headers: { authorization: `Bearer ${tok('pat')}`, 'x-github-api-version': '2022-11-28' },
    });
    expect(bare.status).toBe(404);
    expect((await put('/repos/octo/app/actions/secrets/CREDS?ignored=1', 'ghes')).status).toBe(201);
    expect(gh.repoSecret('octo/app', 'CREDS')?.value).toBe('ghes');
    expect(gh.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', '/repos/octo/app/actions/secrets/public-key', 200],
      ['GET', '/repos/octo/app/actions/secrets/public-key', 404],
      ['PUT', '/repos/octo/app/actions/secrets/CREDS', 201],
    ]);
  });

  it('applies the first matching fault once', async () => {
    await start();
    gh.faults.push(
      { method: 'PUT', pathIncludes: '/secrets/CREDS', status: 502 },
      {
        method: 'GET',
        pathIncludes: 'public-key',
        status: 403,
        headers: { 'x-ratelimit-remaining': '0', 'retry-after': '3' },
        body: '{"message":"API rate limit exceeded"}',
      },
      { pathIncludes: '/repos/octo/other', action: 'reset' },
      { method: 'GET', pathIncludes: '/repos/octo/app/actions/secrets/SLOW', delayMs: 150 },
      { method: 'GET', pathIncludes: 'HANG', action: 'hang' },
    );

    const limited = await call('GET', '/repos/octo/app/actions/secrets/public-key', 'pat');
    expect([limited.status, limited.headers.get('x-ratelimit-remaining'), limited.headers.get('retry-after')]).toEqual([
      403,
      '0',
      '3',
    ]);
    expect(await limited.json()).toEqual({ message: 'API rate limit exceeded' });
    expect((await call('GET', '/repos/octo/app/actions/secrets/public-key', 'pat')).status).toBe(200);

    const failed = await put('/repos/octo/app/actions/secrets/CREDS', 'v');
    expect(failed.status).toBe(502);
    expect(gh.repoSecret('octo/app', 'CREDS')).toBeUndefined();
    expect((await put('/repos/octo/app/actions/secrets/CREDS', 'v')).status).toBe(201);

    await expect(call('GET', '/repos/octo/other', 'pat')).rejects.toThrow();
    const started = Date.now();
    expect((await call('GET', '/repos/octo/app/actions/secrets/SLOW', 'pat')).status).toBe(404);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await expect(
      fetch(`${gh.url}/repos/octo/app/actions/secrets/HANG`, {
        headers: { authorization: `Bearer ${tok('pat')}` },
        signal: AbortSignal.timeout(200),
      }),
    ).rejects.toThrow();
    expect(gh.faults).toEqual([]);
    expect(gh.requests.map((r) => r.status)).toEqual([403, 200, 502, 201, 0, 404, 0]);

    // A hung request must not keep close() waiting.
    gh.faults.push({ action: 'hang' });
    const pending = call('GET', '/orgs/octo', 'pat').catch(() => 'closed');
    while (gh.requests.length < 8) await new Promise((r) => setTimeout(r, 10));
    await gh.close();
    expect(await pending).toBe('closed');
  });
});

// ---------------------------------------------------------------------------
describe('runner', () => {
  let fixtures: string;
  const fixture = (name: string): string => join(fixtures, name);

  beforeAll(async () => {
    fixtures = await mkdtemp(join(tmpdir(), 'oauth-broker-fixtures-'));
    // A stand-in for dist/main: uses the file commands the way @actions/core does.
    await writeFile(
      fixture('main.mjs'),
      `import { appendFileSync, writeFileSync } from 'node:fs';
const e = process.env;
const esc = (s) => s.replace(/%/g, '%25').replace(/\\r/g, '%0D').replace(/\\n/g, '%0A');
const secret = e['INPUT_CREDENTIALS'] ?? '';
process.stdout.write('::add-mask::' + esc(secret) + '\\n');
process.stdout.write('::add-mask::a%25b%0Ac%3Ad%2Ce%250A\\n');
appendFileSync(e.GITHUB_OUTPUT, 'plain=one=two\\nmulti<<ghadelimiter_1\\nline 1\\n\\nline 3\\nghadelimiter_1\\n');
appendFileSync(e.GITHUB_OUTPUT, 'plain=later\\r\\nempty<<EOF\\n\\nEOF\\n');
appendFileSync(e.GITHUB_ENV, 'CLAUDE_CODE_OAUTH_TOKEN<<D\\n' + secret + '\\nD\\n');
appendFileSync(e.GITHUB_STATE, 'files=' + e.RUNNER_TEMP + '/creds.json\\n');
writeFileSync(e.RUNNER_TEMP + '/creds.json', 'x');
appendFileSync(e.GITHUB_STEP_SUMMARY, '| provider | anthropic |\\n');
// Report the environment without printing the secret itself.
const shown = { ...e, INPUT_CREDENTIALS: 'length ' + secret.length };
console.log(JSON.stringify({ argv: process.argv.slice(1), cwd: process.cwd(), env: shown }));
process.exitCode = Number(e.EXIT_CODE ?? 0);
`,
    );
    await writeFile(
      fixture('post.mjs'),
      `import { existsSync, rmSync } from 'node:fs';
const e = process.env;
const file = e.STATE_files;
const token = e.CLAUDE_CODE_OAUTH_TOKEN;
const seen = { file, existed: existsSync(file), home: e.HOME, temp: e.RUNNER_TEMP, token };
console.log(JSON.stringify({ ...seen, input: e.INPUT_CREDENTIALS, extra: e.STATE_extra, env: e }));
rmSync(file, { force: true });
`,
    );
    await writeFile(
      fixture('leak.mjs'),
      `const s = process.env.INPUT_CREDENTIALS ?? '';
console.log('::add-mask::' + s.replace(/%/g, '%25').replace(/\\r/g, '%0D').replace(/\\n/g, '%0A'));
const where = process.env.LEAK_TO;
if (where === 'stdout') console.log('using token ' + s + ' now');
if (where === 'stderr') console.error(new Error('refresh failed for ' + s).stack);
const { appendFileSync } = await import('node:fs');
if (where === 'summary') appendFileSync(process.env.GITHUB_STEP_SUMMARY, '| token | ' + s + ' |\\n');
if (where === 'piece') console.log('token ends ' + s.slice(-8));
if (where === 'prefix') console.log('a token of the shape ' + s.slice(0, 13) + '…');
`,
    );
    await writeFile(fixture('hang.mjs'), 'console.log("started"); setInterval(() => {}, 1000);\n');
    await writeFile(
      fixture('bad-heredoc.mjs'),
      `(await import('node:fs')).appendFileSync(process.env.GITHUB_OUTPUT, 'x<<EOF\\nno end\\n');\n`,
    );
  });

  afterAll(async () => {
    await rm(fixtures, { recursive: true, force: true });
    await cleanupRuns();
  });

  const json = (stdout: string): Record<string, any> => JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');

  it('resolves the bundled entries from the repository root', () => {
    expect(existsSync(join(repoRoot, 'package.json'))).toBe(true);
    expect(distEntry('main')).toBe(join(repoRoot, 'dist', 'main', 'index.js'));
    expect(distEntry('post')).toBe(join(repoRoot, 'dist', 'post', 'index.js'));
    expect(inputEnvName('secret-name')).toBe('INPUT_SECRET-NAME');
    expect(inputEnvName('my input')).toBe('INPUT_MY_INPUT');
  });

  it('runs with a clean runner environment and parses file commands', async () => {
    const secret = 'sk-ant-ort01-line1\nline2%';
    const run = await runAction('main', {
      script: fixture('main.mjs'),
      inputs: { credentials: secret, 'secret-name': 'CLAUDE_CREDS', 'min ttl': '30m' },
      state: { prior: 'p' },
      env: { EXIT_CODE: '3', GITHUB_REPOSITORY: 'octo/override' },
      debug: true,
    });
    expect(run.code).toBe(3);
    expect(run.timedOut).toBe(false);
    const seen = json(run.stdout);
    expect(seen.argv).toEqual([fixture('main.mjs')]);
    expect(seen.cwd).toBe(run.dir);
    expect(Object.keys(seen.env).sort()).toEqual(
      [
        'PATH',
        'HOME',
        'RUNNER_TEMP',
        'GITHUB_OUTPUT',
        'GITHUB_ENV',
        'GITHUB_STATE',
        'GITHUB_STEP_SUMMARY',
        'GITHUB_PATH',
        'GITHUB_ACTIONS',
        'CI',
        'GITHUB_REPOSITORY',
        'GITHUB_API_URL',
        'GITHUB_SERVER_URL',
        'GITHUB_RUN_ID',
        'GITHUB_WORKFLOW',
        'RUNNER_OS',
        'INPUT_CREDENTIALS',
        'INPUT_SECRET-NAME',
        'INPUT_MIN_TTL',
        'STATE_prior',
        'RUNNER_DEBUG',
        'EXIT_CODE',
      ].sort(),
    );
    expect(seen.env).toMatchObject({
      INPUT_CREDENTIALS: `length ${secret.length}`,
      'INPUT_SECRET-NAME': 'CLAUDE_CREDS',
      INPUT_MIN_TTL: '30m',
      STATE_prior: 'p',
      RUNNER_DEBUG: '1',
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_REPOSITORY: 'octo/override',
      GITHUB_API_URL: 'https://api.github.com',
      RUNNER_OS: 'Linux',
      HOME: run.home,
      RUNNER_TEMP: run.runnerTemp,
      GITHUB_OUTPUT: join(run.dir, 'output'),
    });
    expect(run.home).not.toBe(process.env.HOME);

    expect(run.outputs).toEqual({ plain: 'later', multi: 'line 1\n\nline 3', empty: '' });
    expect(run.env).toEqual({ CLAUDE_CODE_OAUTH_TOKEN: secret });
    expect(run.state).toEqual({ files: join(run.runnerTemp, 'creds.json') });
    expect(run.summary).toBe('| provider | anthropic |\n');
    expect(run.masks).toEqual([secret, 'a%b\nc:d,e%0A']);
    assertMasked(run, [secret, '']);
    assertNoLeak(run, [secret, 'sk-ant-ort01-line1']);
    expect(() => assertMasked(run, ['never-masked'])).toThrow(/never masked/);
    expect(await readFile(join(run.dir, 'path'), 'utf8')).toBe('');
  });

  it('makes assertNoLeak fail when a secret reaches stdout, stderr or the summary', async () => {
    const secret = 'sk-ant-oat01-LEAKED';
    const clean = await runAction('main', { script: fixture('leak.mjs'), inputs: { credentials: secret } });
    assertNoLeak(clean, [secret]);
    assertMasked(clean, [secret]);
    for (const where of ['stdout', 'stderr', 'summary']) {
      const run = await runAction('main', {
        script: fixture('leak.mjs'),
        inputs: { credentials: secret },
        env: { LEAK_TO: where },
        allowLeaks: true,
      });
      expect(run.code).toBe(0);
      assertMasked(run, [secret]);
      let failure = '';
      try {
        assertNoLeak(run, ['', secret]);
      } catch (err) {
        failure = String(err);
      }
      expect(failure).toContain(`secret #1 in ${where} (unmasked line`);
      expect(failure).not.toContain(secret);
    }
    // A multi-line secret is found although no single line holds all of it.
    const multi = 'first-half\nsecond-half';
    const run = await runAction('main', {
      script: fixture('leak.mjs'),
      inputs: { credentials: multi },
      env: { LEAK_TO: 'stdout' },
      allowLeaks: true,
    });
    assertMasked(run, [multi]);
    expect(() => assertNoLeak(run, [multi])).toThrow(
      /secret #0 in stdout \(unmasked line 1\): using token <secret #0> now/,
    );
  });

  it('checks every run it drives: a secret input, or 8 characters of a minted token, fails the run', async () => {
    const leak = (credentials: string, where: string) =>
      runAction('main', { script: fixture('leak.mjs'), inputs: { credentials }, env: { LEAK_TO: where } });
    // An input that is a secret, printed whole; the report does not print it again.
    const input = 'a-secret-input-no-one-minted';
    const failure = await leak(input, 'stderr').catch((err: unknown) => String(err));
    expect(failure).toContain('secret #0 in stderr');
    expect(failure).not.toContain(input);
    // The last 8 characters of a token minted in this file, in a debug-enabled run.
    const minted = fakeToken('anthropic-refresh');
    await expect(leak(minted, 'piece')).rejects.toThrow(
      /a piece of a secret in stdout \(unmasked line \d+\): token ends <piece>/,
    );
    // Its fixed prefix is no piece of a secret.
    expect((await leak(minted, 'prefix')).code).toBe(0);
    // Tokens the stand-ins know count without being inputs: one minted and never given to the run.
    const other = fakeToken('pat');
    const printed = await runAction('main', {
      script: fixture('leak.mjs'),
      inputs: { credentials: 'x' },
      env: { LEAK_TO: 'stdout', INPUT_CREDENTIALS: other },
    }).catch((err: unknown) => String(err));
    expect(printed).toMatch(/a piece of a secret in stdout/);
  });

  it('runs post after main with its state, exports, HOME and RUNNER_TEMP', async () => {
    const { main, post } = await runMainThenPost({
      script: { main: fixture('main.mjs'), post: fixture('post.mjs') },
      inputs: { credentials: 'refresh-token' },
      state: { extra: 'given' },
      // post.mjs reports the input it was given.
      allowLeaks: true,
    });
    expect(main.code).toBe(0);
    expect(post.code).toBe(0);
    const seen = json(post.stdout);
    expect(seen).toMatchObject({
      file: join(main.runnerTemp, 'creds.json'),
      existed: true,
      home: main.home,
      temp: main.runnerTemp,
      token: 'refresh-token',
      input: 'refresh-token',
      extra: 'given',
    });
    expect(post.home).toBe(main.home);
    expect(post.dir).not.toBe(main.dir);
    expect(existsSync(join(main.runnerTemp, 'creds.json'))).toBe(false);
  });

  it('kills a run that outlives its timeout, and rejects malformed file commands', async () => {
    const started = Date.now();
    const hung = await runAction('main', { script: fixture('hang.mjs'), timeoutMs: 500 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(hung).toMatchObject({ code: null, signal: 'SIGKILL', timedOut: true });
    expect(hung.stdout).toContain('started');

    await expect(runAction('main', { script: fixture('bad-heredoc.mjs') })).rejects.toThrow(
      /GITHUB_OUTPUT: matching delimiter not found for x/,
    );
    await expect(runAction('main', { script: fixture('missing.mjs') })).rejects.toThrow(/does not exist/);
  });

  it('parses file commands and command escapes like the runner', () => {
    expect(parseFileCommands('a=1\r\nb<<X\r\nfirst\r\nsecond\r\nX\r\n\r\na=2\n')).toEqual({
      a: '2',
      b: 'first\nsecond',
    });
    expect(parseFileCommands('k=v<<not a heredoc\nh<<E=Q\nbody\nE=Q\n')).toEqual({ k: 'v<<not a heredoc', h: 'body' });
    expect(() => parseFileCommands('=v\n')).toThrow(/empty name/);
    expect(() => parseFileCommands('novalue\n')).toThrow(/neither/);
    expect(() => parseFileCommands('x<<\n')).toThrow(/empty name or delimiter/);
    expect(unescapeCommandValue('%25%0d%0A%3a%2C%250A')).toBe('%\r\n:,%0A');
  });

  it('can clean up every temp dir it made', async () => {
    const run = await runAction('main', { script: fixture('hang.mjs'), timeoutMs: 100 });
    expect(existsSync(run.dir)).toBe(true);
    await cleanupRuns();
    expect(existsSync(run.dir)).toBe(false);
    const again = await runAction('main', { script: fixture('leak.mjs') });
    expect(existsSync(again.dir)).toBe(true);
  });
});
