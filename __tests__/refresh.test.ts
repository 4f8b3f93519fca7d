// The refresh grant per provider, and what each failure means, over an injected fetch; and whether a
// failed fetch was sent, from real failed connections.
import type { ConnectionOptions } from 'node:tls';
import * as https from 'node:https';
import { Agent, ProxyAgent, fetch as undiciFetch } from 'undici';
import { InvalidGrantError, UncertainRefreshError, UserError } from '../src/core/errors.js';
import { type FetchFailure, classifyFetchError } from '../src/core/http.js';
import { PROVIDERS } from '../src/core/providers.js';
import { refreshTokens, type RefreshRequest } from '../src/core/refresh.js';
import { nodeFetch } from '../src/core/transport.js';
import { fakeToken } from './support/fake-tokens.js';
import { startOAuthServer } from './support/oauth-server.js';
import { startProxy } from './support/proxy.js';
import { CA, startResetter, startTlsServer } from './support/tls.js';

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

/**
 * The clients the broker sends with, each trusting the test CA (with `tls` added) when asked: undici's fetch
 * (the proxy process, and every request behind a proxy) and the broker's own over node:https (src/core/transport.ts).
 */
const CLIENTS = {
  undici: (trust?: ConnectionOptions): typeof fetch =>
    trust
      ? (((url: string, init: RequestInit) =>
          undiciFetch(url, { ...init, dispatcher: new Agent({ connect: { ca: CA, ...trust } }) } as never)) as never)
      : fetch,
  'node:https': (trust?: ConnectionOptions): typeof fetch =>
    nodeFetch(trust ? { https: new https.Agent({ ca: CA, ...trust }) } : {}),
};

describe.each(Object.keys(CLIENTS) as Array<keyof typeof CLIENTS>)(
  'not sent means not sent (%s): failures of real connections on 127.0.0.1',
  (client) => {
    const timeoutMs = 5000;
    /** How a real request failed, classified; `trust` makes the client trust the test CA. */
    async function failed(url: string, trust?: ConnectionOptions): Promise<FetchFailure> {
      const init = { method: 'POST', body: '{}', redirect: 'error', signal: AbortSignal.timeout(timeoutMs) } as const;
      const err = await failure(CLIENTS[client](trust)(url, init));
      return classifyFetchError(err, timeoutMs);
    }
    const servers: Array<{ close(): Promise<void> }> = [];
    async function started<T extends { close(): Promise<void> }>(s: Promise<T>): Promise<T> {
      servers.push(await s);
      return servers[servers.length - 1] as T;
    }
    afterEach(async () => void (await Promise.all(servers.splice(0).map((s) => s.close()))));

    it.each([
      ['a certificate for 127.0.0.1 from an unknown CA', 'leaf', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
      ['a chain up to an untrusted root', 'chain', 'SELF_SIGNED_CERT_IN_CHAIN'],
      ['a self-signed certificate', 'self-signed', 'DEPTH_ZERO_SELF_SIGNED_CERT'],
    ] as const)('%s: TLS handshake failed, not sent', async (_, presented, code) => {
      const server = await started(startTlsServer(presented));
      const f = await failed(`${server.url}/token`);
      expect(f).toEqual({ notSent: true, reason: `TLS handshake failed (${code})`, lasting: 'certificate' });
      expect(server.requests).toBe(0);
    });

    it('a trusted certificate for another host, and no common TLS version: not sent', async () => {
      const other = await started(startTlsServer('self-signed'));
      expect(await failed(other.url, {})).toEqual({
        notSent: true,
        reason: 'TLS handshake failed (ERR_TLS_CERT_ALTNAME_INVALID)',
        lasting: 'name',
      });
      const modern = await started(startTlsServer('leaf', undefined, { minVersion: 'TLSv1.3' }));
      const f = await failed(modern.url, { maxVersion: 'TLSv1.2' });
      expect(f).toMatchObject({ notSent: true, lasting: 'handshake' });
      expect(f.reason).toMatch(/^TLS handshake failed \((ERR_SSL_[A-Z0-9_]+|EPROTO)\)$/);
      expect(other.requests + modern.requests).toBe(0);
    });

    it('https to a port that speaks plain http: not sent', async () => {
      const plain = await started(startOAuthServer());
      const f = await failed(plain.url.replace('http:', 'https:'));
      expect(f).toMatchObject({ notSent: true, lasting: 'handshake' });
      expect(plain.requests).toHaveLength(0);
    });

    it('a reset in the handshake is not sent (and may pass: retried); one after the request may arrive', async () => {
      const resetter = await started(startResetter());
      const early = await failed(`https://127.0.0.1:${resetter.port}/token`);
      expect(early).toEqual({ notSent: true, reason: 'connection lost while connecting (ECONNRESET)' });
      const dropping = await started(startTlsServer('leaf', (req) => req.socket.destroy()));
      const late = await failed(`${dropping.url}/token`, {});
      expect(late).toEqual({ notSent: false, reason: 'connection dropped before the answer arrived' });
      expect(dropping.requests).toBe(1);
    });

    it('a request written and never answered may have arrived', async () => {
      const silent = await started(startTlsServer('leaf', () => undefined));
      const err = await failure(
        CLIENTS[client]({})(`${silent.url}/token`, {
          method: 'POST',
          body: '{}',
          redirect: 'error',
          signal: AbortSignal.timeout(300),
        }),
      );
      expect(classifyFetchError(err, 300)).toEqual({ notSent: false, reason: 'no answer within 0s' });
      expect(silent.requests).toBe(1);
    });

    // Behind a proxy every client is undici's (src/core/proxy.ts).
    if (client === 'undici')
      it('a TLS-inspecting proxy the runner does not trust: the handshake in the tunnel fails, not sent', async () => {
        const upstream = await started(startOAuthServer());
        const proxy = await started(startProxy());
        const url = `https://provider.invalid:${new URL(upstream.url).port}/v1/oauth/token`;
        const err = await failure(
          undiciFetch(url, { method: 'POST', body: '{}', dispatcher: new ProxyAgent(proxy.url) }),
        );
        const f = classifyFetchError(err, timeoutMs);
        expect(f).toMatchObject({ notSent: true, lasting: 'certificate' });
        expect(f.reason).toMatch(/^TLS handshake failed \([A-Z_]+\)$/);
        expect(proxy.seen).toHaveLength(1);
        expect(upstream.requests).toHaveLength(0);
      });

    it.each([
      [
        'a user name and password in the URL',
        'https://user:p4ssw0rd@127.0.0.1:1/t',
        'the URL holds a user name or password',
      ],
      ['a scheme fetch does not speak', 'ftp://127.0.0.1:1/token', 'the URL is not http(s)'],
      ['a URL that does not parse', 'token endpoint', 'the URL does not parse'],
      // Only fetch blocks ports; the broker's client has no list of them.
      ...(client === 'undici'
        ? [['a port fetch blocks', 'http://127.0.0.1:6000/token', "the URL's port is one fetch never connects to"]]
        : []),
    ])('%s: refused by the client before sending', async (_, url, why) => {
      const clients = client === 'undici' ? [fetch, undiciFetch as unknown as typeof fetch] : [CLIENTS[client]()];
      for (const send of clients) {
        const err = await failure(send(url, { method: 'POST', body: '{}', redirect: 'error' }));
        const f = classifyFetchError(err, timeoutMs);
        expect(f).toEqual({ notSent: true, reason: `refused before sending (${why})`, lasting: 'url' });
      }
    });

    it('refreshTokens: an untrusted certificate fails at once, nothing spent, naming the trust store', async () => {
      const server = await started(startTlsServer('leaf'));
      const d = { ...deps(CLIENTS[client]()), timeoutMs };
      const err = await failure(refreshTokens(req({ tokenUrl: `${server.url}/v1/oauth/token` }), d));
      expect(err).toBeInstanceOf(UserError);
      expect(err).not.toBeInstanceOf(UncertainRefreshError);
      expect(err.message).toBe(
        `provider anthropic (127.0.0.1:${server.port}): TLS handshake failed (UNABLE_TO_VERIFY_LEAF_SIGNATURE); ` +
          'nothing was spent. Trust its CA on the runner (NODE_EXTRA_CA_CERTS), then run again.',
      );
      expect((err as UserError).details.join(' ')).toMatch(/not presented and stays usable/);
      // Deterministic: one attempt, no wait, no retry line.
      expect({ connections: server.connections, requests: server.requests }).toEqual({ connections: 1, requests: 0 });
      expect([d.slept, d.said]).toEqual([[], []]);
    });

    it('refreshTokens: a token-url with a password is refused before fetch is called, never quoting it', async () => {
      const { fetch: fake, sent } = fetchFrom(ok.clone());
      const d = deps(fake);
      const err = await failure(refreshTokens(req({ tokenUrl: 'https://user:p4ssw0rd@idp.example/token' }), d));
      expect(err).toBeInstanceOf(UserError);
      expect(err).not.toBeInstanceOf(UncertainRefreshError);
      expect(err.message).toBe(
        'provider anthropic (idp.example): refused before sending (the URL holds a user name or password); ' +
          'nothing was spent. Fix token-url, then run again.',
      );
      expect(sent).toHaveLength(0);
    });
  },
);
