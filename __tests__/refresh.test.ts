// The refresh grant per provider, and what each failure means, over an injected fetch.
import { InvalidGrantError, UncertainRefreshError, UserError } from '../src/core/errors.js';
import { PROVIDERS } from '../src/core/providers.js';
import { refreshTokens, type RefreshRequest } from '../src/core/refresh.js';
import { fakeToken } from './support/fake-tokens.js';

const RT = fakeToken('anthropic-refresh');
const OTHER_RT = fakeToken('anthropic-refresh');

interface Sent {
  url: string;
  init: RequestInit;
}

function fetchFrom(...answers: Array<Response | Error>): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    if (next instanceof Error) throw next;
    return next;
  }) as unknown as typeof globalThis.fetch;
  return { fetch, sent };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const netError = (code: string): Error =>
  Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });

function deps(
  fetch: typeof globalThis.fetch,
): Parameters<typeof refreshTokens>[1] & { slept: number[]; said: string[] } {
  const slept: number[] = [];
  const said: string[] = [];
  return {
    fetch,
    now: () => 0,
    sleep: async (ms) => void slept.push(ms),
    info: (m) => said.push(m),
    timeoutMs: 1000,
    retryDelayMs: 100,
    slept,
    said,
  };
}

const req = (over: Partial<RefreshRequest> = {}): RefreshRequest => ({
  provider: PROVIDERS.anthropic,
  tokenUrl: 'https://platform.claude.com/v1/oauth/token',
  clientId: PROVIDERS.anthropic.clientId!,
  refreshToken: RT,
  scopes: ['user:inference', 'user:profile'],
  ...over,
});

/** The error a call fails with; the test fails if it succeeds. */
async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a failure');
}

const ok = json(200, {
  access_token: 'sk-ant-oat01-new',
  refresh_token: 'sk-ant-ort01-new',
  expires_in: 28800,
  scope: 'user:inference',
});

describe('request shape', () => {
  it('anthropic: JSON with scope, as Claude Code sends it; redirects refused', async () => {
    const { fetch, sent } = fetchFrom(ok.clone());
    const t = await refreshTokens(req(), deps(fetch));
    expect(t).toEqual({
      accessToken: 'sk-ant-oat01-new',
      refreshToken: 'sk-ant-ort01-new',
      expiresInSeconds: 28800,
      scope: 'user:inference',
    });
    expect(sent[0].init.method).toBe('POST');
    expect(sent[0].init.redirect).toBe('error');
    expect((sent[0].init.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(JSON.parse(sent[0].init.body as string)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: RT,
      client_id: '9d1c250a-e61b-44d9-88ed-5944d1962f5e',
      scope: 'user:inference user:profile',
    });
  });

  it('anthropic without stored scopes sends no scope', async () => {
    const { fetch, sent } = fetchFrom(ok.clone());
    await refreshTokens(req({ scopes: undefined }), deps(fetch));
    expect(JSON.parse(sent[0].init.body as string)).not.toHaveProperty('scope');
  });

  it('openai: JSON without scope, id_token kept', async () => {
    const { fetch, sent } = fetchFrom(json(200, { access_token: 'a.b.c', refresh_token: 'r2', id_token: 'i.d.t' }));
    const t = await refreshTokens(
      req({ provider: PROVIDERS.openai, clientId: PROVIDERS.openai.clientId!, tokenUrl: PROVIDERS.openai.tokenUrl! }),
      deps(fetch),
    );
    expect(t.idToken).toBe('i.d.t');
    expect(JSON.parse(sent[0].init.body as string)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: RT,
      client_id: 'app_EMoamEEZ73f0CkXaXp7hrann',
    });
  });

  it('oauth2: form-encoded (RFC 6749 §6), client secret in HTTP Basic', async () => {
    const { fetch, sent } = fetchFrom(json(200, { access_token: 'at', expires_in: 60 }));
    await refreshTokens(
      req({
        provider: PROVIDERS.oauth2,
        clientId: 'my app',
        clientSecret: 's3cr:t',
        tokenUrl: 'https://idp.example/token',
      }),
      deps(fetch),
    );
    const headers = sent[0].init.headers as Record<string, string>;
    expect(headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Buffer.from(headers.authorization.replace('Basic ', ''), 'base64').toString()).toBe('my+app:s3cr%3At');
    expect(Object.fromEntries(new URLSearchParams(sent[0].init.body as string))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: RT,
      client_id: 'my app',
      scope: 'user:inference user:profile',
    });
  });
});

describe('failures', () => {
  it('a refused connection is retried with backoff, then reported as nothing spent', async () => {
    const { fetch, sent } = fetchFrom(netError('ECONNREFUSED'), netError('ECONNREFUSED'), netError('ECONNREFUSED'));
    const d = deps(fetch);
    await expect(refreshTokens(req(), d)).rejects.toThrow(/connection refused after 3 attempts; nothing was spent/);
    expect(sent).toHaveLength(3);
    expect(d.slept).toEqual([100, 200]);
  });

  it('a refused connection then success', async () => {
    const { fetch, sent } = fetchFrom(netError('ECONNREFUSED'), ok.clone());
    await expect(refreshTokens(req(), deps(fetch))).resolves.toMatchObject({ accessToken: 'sk-ant-oat01-new' });
    expect(sent).toHaveLength(2);
  });

  it.each([
    ['a timeout', Object.assign(new Error('t'), { name: 'TimeoutError' }), /no answer within 1s/],
    ['a reset', netError('ECONNRESET'), /connection dropped before the answer arrived/],
    ['a socket closed by the peer', netError('UND_ERR_SOCKET'), /connection dropped/],
  ])('%s after sending is never retried', async (_, error, message) => {
    const { fetch, sent } = fetchFrom(error, ok.clone());
    const p = refreshTokens(req(), deps(fetch));
    await expect(p).rejects.toBeInstanceOf(UncertainRefreshError);
    await expect(refreshTokens(req(), deps(fetchFrom(error).fetch))).rejects.toThrow(message);
    expect(sent).toHaveLength(1);
  });

  it('a 429 with retry-after is waited out; a 503 without it is not retried', async () => {
    const a = fetchFrom(json(429, { error: 'rate_limited' }, { 'retry-after': '2' }), ok.clone());
    const d = deps(a.fetch);
    await expect(refreshTokens(req(), d)).resolves.toMatchObject({ accessToken: 'sk-ant-oat01-new' });
    expect(d.slept).toEqual([2000]);
    const b = fetchFrom(json(503, { error: 'unavailable' }), ok.clone());
    await expect(refreshTokens(req(), deps(b.fetch))).rejects.toBeInstanceOf(UncertainRefreshError);
    expect(b.sent).toHaveLength(1);
  });

  it('a retry-after beyond a minute is not waited for', async () => {
    const { fetch, sent } = fetchFrom(json(429, { error: 'rate_limited' }, { 'retry-after': '3600' }), ok.clone());
    await expect(refreshTokens(req(), deps(fetch))).rejects.toThrow(/HTTP 429/);
    expect(sent).toHaveLength(1);
  });

  it.each([
    [
      'Anthropic',
      { error: 'invalid_grant', error_description: 'Refresh token not found or invalid' },
      /invalid_grant: Refresh token not found or invalid/,
    ],
    [
      'OpenAI reuse',
      { error: { code: 'refresh_token_reused', message: 'Your refresh token has already been used' } },
      /refresh_token_reused/,
    ],
    ['OpenAI expiry', { error: { code: 'refresh_token_expired', message: 'expired' } }, /refresh_token_expired/],
  ])('%s dead-token answers are an InvalidGrantError', async (_, body, message) => {
    const { fetch } = fetchFrom(json(400, body), json(400, body));
    await expect(refreshTokens(req(), deps(fetch))).rejects.toBeInstanceOf(InvalidGrantError);
    await expect(refreshTokens(req(), deps(fetchFrom(json(400, body)).fetch))).rejects.toThrow(message);
  });

  it('never quotes the token, even when the provider echoes it', async () => {
    const { fetch } = fetchFrom(
      json(400, { error: 'invalid_request', error_description: `bad token ${RT} and ${OTHER_RT}` }),
    );
    const err = await failure(refreshTokens(req(), deps(fetch)));
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toMatch(/invalid_request: bad token \*\*\* and \*\*\*/);
    expect(err.message).not.toContain('sk-ant-ort01');
  });

  it.each([
    ['not JSON', new Response('<html>', { status: 200 }), /the body is not JSON/],
    ['no access_token', json(200, { token_type: 'Bearer' }), /without an access_token/],
    ['a non-string refresh_token', json(200, { access_token: 'a', refresh_token: 5 }), /malformed refresh_token/],
  ])('a 200 with %s may have rotated: UncertainRefreshError', async (_, answer, message) => {
    const { fetch } = fetchFrom(answer);
    const err = await failure(refreshTokens(req(), deps(fetch)));
    expect(err).toBeInstanceOf(UncertainRefreshError);
    expect(err.message).toMatch(message);
  });
});

describe('the answer, checked before it is trusted', () => {
  const YEAR_S = 365 * 86_400;
  const NEW_RT = fakeToken('anthropic-refresh');
  const NEW_AT = fakeToken('anthropic-access');
  const answer = async (res: Response): Promise<unknown> => refreshTokens(req(), deps(fetchFrom(res).fetch));
  const form = (body: string, contentType = 'application/x-www-form-urlencoded'): Response =>
    new Response(body, { status: 200, headers: { 'content-type': contentType } });

  it('a form-encoded 200 is read like JSON, labelled or not', async () => {
    const body = new URLSearchParams({ access_token: NEW_AT, refresh_token: NEW_RT, expires_in: '3600', scope: 'a b' });
    const want = { accessToken: NEW_AT, refreshToken: NEW_RT, expiresInSeconds: 3600, scope: 'a b' };
    await expect(answer(form(body.toString()))).resolves.toEqual(want);
    await expect(answer(form(body.toString(), 'text/plain'))).resolves.toEqual(want);
  });

  it.each([
    ['a numeric string', '"7200"', 7200],
    ['absurdly large', '1e13', YEAR_S],
    ['zero', '0', undefined],
    ['negative', '-5', undefined],
    ['not a number', '"soon"', undefined],
    ['infinite', '1e400', undefined],
  ])('expires_in %s is read, clamped or ignored, never trusted blindly', async (_, expiresIn, want) => {
    const raw = `{"access_token":"${NEW_AT}","expires_in":${expiresIn}}`;
    const t = (await answer(new Response(raw, { status: 200 }))) as { expiresInSeconds?: number };
    expect(t.expiresInSeconds).toBe(want);
  });

  it.each([
    ['seconds', '604800', 604_800],
    ['a numeric string', '"86400"', 86_400],
    ['ten years', String(10 * YEAR_S), 10 * YEAR_S],
    ['zero', '0', undefined],
    ['not a number', '"never"', undefined],
  ])('refresh_token_expires_in %s: how long the refresh token itself lives, or nothing', async (_, seconds, want) => {
    const raw = `{"access_token":"${NEW_AT}","refresh_token":"${NEW_RT}","refresh_token_expires_in":${seconds}}`;
    const t = (await answer(new Response(raw, { status: 200 }))) as { refreshExpiresInSeconds?: number };
    expect(t.refreshExpiresInSeconds).toBe(want);
  });

  it.each([
    ['empty', ''],
    ['missing', undefined],
    ['not a string', 42],
    ['two words', 'not a token'],
  ])('an access_token that is %s does not discard the new refresh token', async (_, accessToken) => {
    const t = await answer(json(200, { access_token: accessToken, refresh_token: NEW_RT, expires_in: 60 }));
    expect(t).toEqual({ refreshToken: NEW_RT, expiresInSeconds: 60 });
  });

  it('an empty refresh_token beside an access token means the old one is kept', async () => {
    const t = await answer(json(200, { access_token: NEW_AT, refresh_token: '' }));
    expect(t).toEqual({ accessToken: NEW_AT });
  });

  it.each([
    ['a JSON array', json(200, [NEW_AT]), /the body is not a JSON object/],
    ['JSON null', json(200, null), /the body is not a JSON object/],
    ['a refresh_token with a line break', json(200, { refresh_token: `${NEW_RT}\nx` }), /malformed refresh_token/],
    ['neither token', form('token_type=Bearer'), /without an access_token/],
  ])('%s is an UncertainRefreshError', async (_, res, message) => {
    const err = await failure(answer(res));
    expect(err).toBeInstanceOf(UncertainRefreshError);
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain(NEW_RT);
  });
});
