/**
 * The GitHub stand-in (support/github-server.ts) behaves like GitHub's REST API: it opens the sealed box,
 * authorises like GitHub and refuses what GitHub refuses, over real HTTP.
 */
import sodium from 'libsodium-wrappers';
import { MAX_SECRET_BYTES, startGitHubServer, type GitHubServer } from './support/github-server.js';
import { fakeToken } from './support/fake-tokens.js';

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
