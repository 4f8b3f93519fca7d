/**
 * The OAuth stand-in (support/oauth-server.ts) behaves like a provider's token endpoint with single-use
 * rotation, over real HTTP, so that tests built on it prove something about the action.
 */
import { ANTHROPIC_CLIENT_ID, startOAuthServer, type OAuthServer } from './support/oauth-server.js';
import { fakeToken } from './support/fake-tokens.js';

const TOKEN_RE = (kind: 'oat' | 'ort'): RegExp => new RegExp(`^sk-ant-${kind}01-[A-Za-z0-9_-]{43}$`);

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
