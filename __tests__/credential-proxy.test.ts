// The credential proxy's server and process in-process (src/proxy/server.ts, guard.ts, daemon.ts) against a recording
// upstream stand-in: what it forwards and how, streams and disconnects, and everything it refuses
// without a single byte reaching upstream.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { throwawayCertificates } from '../src/proxy/cert.js';
import { alive, serve } from '../src/proxy/daemon.js';
import { parseHandoff, type Handoff } from '../src/proxy/handoff.js';
import { anthropicPlaceholder, placeholderJwt, refreshPlaceholder } from '../src/proxy/placeholders.js';
import { startProxyServer, type RunningProxy } from '../src/proxy/server.js';
import { fakeToken } from './support/fake-tokens.js';
import { closedPort, httpsCall } from './support/http.js';
import { leaks } from './support/leaks.js';
import { startProxy } from './support/proxy.js';
import { startUpstream, type Upstream } from './support/upstream.js';

const TOKEN = fakeToken('anthropic-access');
const REFRESH = fakeToken('anthropic-refresh');
// Minted at run time as the action mints it: a new one for every run.
const PLACEHOLDER = anthropicPlaceholder();
const BETA = 'claude-code-20250219,oauth-2025-04-20';

let upstream: Upstream;
let proxy: RunningProxy;
let log: string[];

async function start(
  upstreamUrl: string,
  rejected: (used: string) => Promise<string | undefined> = async () => undefined,
): Promise<RunningProxy> {
  return startProxyServer({
    provider: 'anthropic',
    upstream: upstreamUrl,
    placeholder: PLACEHOLDER,
    token: async () => TOKEN,
    rejected,
    log: (line) => log.push(line),
    monotonic: () => performance.now(),
  });
}

beforeEach(async () => {
  log = [];
  upstream = await startUpstream();
  proxy = await start(upstream.url);
});
afterEach(async () => {
  await proxy.close();
  await upstream.close();
  // The proxy's log is read by whoever reads RUNNER_TEMP: never a piece of the token.
  expect(leaks({ stdout: log.join('\n'), stderr: '', summary: '' })).toEqual([]);
});

const claude = (extra: Record<string, string> = {}): Record<string, string> => ({
  authorization: `Bearer ${PLACEHOLDER}`,
  'anthropic-beta': BETA,
  'anthropic-version': '2023-06-01',
  'content-type': 'application/json',
  ...extra,
});

describe('forwarding', () => {
  it('swaps the placeholder for the live token and passes everything else through, both ways', async () => {
    const body = JSON.stringify({ model: 'claude-sonnet-4-5', max_tokens: 16, messages: [] });
    const res = await fetch(`${proxy.url}/v1/messages?beta=true`, {
      method: 'POST',
      headers: claude({ 'x-app': 'cli', 'user-agent': 'claude-cli/2.1.0' }),
      body,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('request-id')).toBe('req_0001');
    expect(await res.json()).toEqual({ type: 'message', received: body.length });
    expect(upstream.requests).toHaveLength(1);
    const got = upstream.requests[0];
    expect(got).toMatchObject({ method: 'POST', url: '/v1/messages?beta=true', body });
    expect(got.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      'anthropic-beta': BETA,
      'anthropic-version': '2023-06-01',
      'x-app': 'cli',
      'user-agent': 'claude-cli/2.1.0',
      host: new URL(upstream.url).host,
    });
    expect(log).toEqual([expect.stringMatching(/^POST \/v1\/messages: 200 in \d+ ms$/)]);
  });

  it('drops hop-by-hop headers (an h2c upgrade too: relayed), and those Connection names, each way', async () => {
    upstream.handler = (_req, res) => {
      res.writeHead(200, { connection: 'x-up-private', 'x-up-private': '1', 'keep-alive': 'timeout=5', 'x-up': 'y' });
      res.end('{}');
    };
    const { status, headers } = await new Promise<{ status?: number; headers: Record<string, unknown> }>(
      (resolve, reject) => {
        const req = request(
          `${proxy.url}/v1/messages/count_tokens`,
          {
            method: 'POST',
            headers: claude({ connection: 'x-private', 'x-private': 'secret-ish', te: 'trailers', upgrade: 'h2c' }),
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode, headers: res.headers }));
          },
        );
        req.on('error', reject);
        req.end('{}');
      },
    );
    expect(status).toBe(200);
    expect(headers['x-up']).toBe('y');
    expect(headers['x-up-private']).toBeUndefined();
    const sent = upstream.requests[0].headers;
    expect(upstream.requests[0].url).toBe('/v1/messages/count_tokens');
    expect(sent['x-private']).toBeUndefined();
    expect(sent.te).toBeUndefined();
    expect(sent.upgrade).toBeUndefined();
  });

  it("puts the path after the upstream's own", async () => {
    await proxy.close();
    proxy = await start(`${upstream.url}/api/`);
    const res = await fetch(`${proxy.url}/v1/messages`, { method: 'POST', headers: claude(), body: '{}' });
    expect(res.status).toBe(200);
    expect(upstream.requests[0].url).toBe('/api/v1/messages');
  });

  it('passes an error of the upstream through as it is', async () => {
    upstream.handler = (_req, res) => {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '7' });
      res.end('{"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}');
    };
    const res = await fetch(`${proxy.url}/v1/messages`, { method: 'POST', headers: claude(), body: '{}' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(((await res.json()) as { error: { type: string } }).error.type).toBe('rate_limit_error');
  });

  it("answers 502 when the runner's proxy refuses the tunnel to the upstream, and sends nothing else", async () => {
    const forward = await startProxy();
    forward.refuse.add('api.invalid');
    process.env.HTTPS_PROXY = forward.url;
    try {
      await proxy.close();
      proxy = await start('https://api.invalid:8443');
      const res = await fetch(`${proxy.url}/v1/messages`, { method: 'POST', headers: claude(), body: '{}' });
      expect(res.status).toBe(502);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
        'oauth-broker proxy: could not reach api.invalid:8443 (EPROXY)',
      );
      expect(forward.seen).toEqual(['api.invalid:8443']);
    } finally {
      delete process.env.HTTPS_PROXY;
      await forward.close();
    }
  });

  it('answers 502, naming no token, when the upstream cannot be reached', async () => {
    await proxy.close();
    proxy = await start(`http://127.0.0.1:${await closedPort()}`);
    const res = await fetch(`${proxy.url}/v1/messages`, { method: 'POST', headers: claude(), body: '{}' });
    expect(res.status).toBe(502);
    const text = await res.text();
    expect(JSON.parse(text).error.message).toMatch(
      /^oauth-broker proxy: could not reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)$/,
    );
    expect(text).not.toContain(TOKEN);
  });
});

describe('for Codex', () => {
  const ACCESS = placeholderJwt({}, Date.now() + 3_600_000);
  const REFRESH_PLACEHOLDER = refreshPlaceholder();

  it("serves https, forwards Codex's inference paths only, and answers its own refresh", async () => {
    const t = throwawayCertificates();
    await proxy.close();
    const answer = { access_token: ACCESS, refresh_token: REFRESH_PLACEHOLDER, id_token: ACCESS };
    proxy = await startProxyServer({
      provider: 'openai',
      upstream: upstream.url,
      placeholder: ACCESS,
      tls: { key: t.key, cert: t.cert },
      ownRefresh: { refreshToken: REFRESH_PLACEHOLDER, answer },
      token: async () => TOKEN,
      rejected: async () => undefined,
      log: (line) => log.push(line),
      monotonic: () => performance.now(),
    });
    expect(proxy.url).toMatch(/^https:/);
    const bearer = { authorization: `Bearer ${ACCESS}` };
    for (const path of [
      '/backend-api/codex/responses',
      '/backend-api/codex/models',
      '/backend-api/wham/accounts/check',
    ])
      expect((await httpsCall(`${proxy.url}${path}`, t.ca, 'POST', bearer, '{}')).status).toBe(200);
    for (const path of ['/v1/messages', '/backend-api/ps/mcp', '/backend-api/codex/analytics-events/events'])
      expect((await httpsCall(`${proxy.url}${path}`, t.ca, 'POST', bearer, '{}')).status).toBe(404);
    expect(upstream.requests.map((r) => r.headers.authorization)).toEqual(Array(3).fill(`Bearer ${TOKEN}`));
    const refresh = (body: string, type = 'application/json') =>
      httpsCall(`${proxy.url}/oauth/token`, t.ca, 'POST', { 'content-type': type }, body);
    const ok = await refresh(JSON.stringify({ grant_type: 'refresh_token', refresh_token: REFRESH_PLACEHOLDER }));
    expect([ok.status, JSON.parse(ok.body)]).toEqual([200, answer]);
    const form = await refresh(`grant_type=refresh_token&refresh_token=${REFRESH_PLACEHOLDER}`, 'x');
    expect(form.status).toBe(200);
    const other = await refresh(JSON.stringify({ refresh_token: REFRESH }));
    expect([other.status, JSON.parse(other.body)]).toEqual([400, { error: 'invalid_grant' }]);
    expect(upstream.requests).toHaveLength(3);
    expect(log.filter((l) => l.includes('refresh'))).toEqual([
      'answered a refresh of the placeholders with them',
      'answered a refresh of the placeholders with them',
      "refused a refresh: not this job's placeholder",
    ]);
  });
});

describe('a token upstream refuses', () => {
  const NEXT = fakeToken('anthropic-access');

  /** Upstream refuses TOKEN as an expired token, and takes NEXT. */
  function refusing(): void {
    upstream.handler = (req, res) => {
      if (req.headers.authorization === `Bearer ${TOKEN}`) {
        res.writeHead(401, { 'content-type': 'application/json', 'x-why': 'expired' });
        res.end('{"type":"error","error":{"type":"authentication_error","message":"OAuth token has expired."}}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"type":"message","received":${req.body.length}}`);
    };
  }

  it('is refreshed, and the request sent again once, body and all', async () => {
    refusing();
    const asked: string[] = [];
    await proxy.close();
    proxy = await start(upstream.url, async (used) => {
      asked.push(used);
      return NEXT;
    });
    const body = JSON.stringify({
      model: 'claude-sonnet-4-5',
      max_tokens: 16,
      messages: [{ role: 'user', content: 'hi' }],
    });
    const res = await fetch(`${proxy.url}/v1/messages`, { method: 'POST', headers: claude(), body });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ type: 'message', received: body.length });
    expect(asked).toEqual([TOKEN]);
    expect(upstream.requests.map((r) => [r.headers.authorization, r.body])).toEqual([
      [`Bearer ${TOKEN}`, body],
      [`Bearer ${NEXT}`, body],
    ]);
    expect(log[0]).toMatch(/^POST \/v1\/messages: 401, sent again with a refreshed token in \d+ ms$/);
    expect(log[1]).toMatch(/^POST \/v1\/messages: 200 in \d+ ms$/);
  });

  it('reaches the client as upstream sent it when there is no other token, and is not sent again', async () => {
    refusing();
    const res = await fetch(`${proxy.url}/v1/messages`, { method: 'POST', headers: claude(), body: '{}' });
    expect(res.status).toBe(401);
    expect(res.headers.get('x-why')).toBe('expired');
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('OAuth token has expired.');
    expect(upstream.requests).toHaveLength(1);
  });

  it('is refused once more at most: a refreshed token upstream refuses too reaches the client', async () => {
    upstream.handler = (_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"type":"error","error":{"type":"authentication_error","message":"no"}}');
    };
    await proxy.close();
    proxy = await start(upstream.url, async () => NEXT);
    const res = await fetch(`${proxy.url}/v1/messages`, { method: 'POST', headers: claude(), body: '{}' });
    expect(res.status).toBe(401);
    expect(upstream.requests).toHaveLength(2);
  });
});

describe('streams', () => {
  /** An event stream whose first event is sent at once and the rest only when the test says. */
  function holdingStream(): { release: () => void; finished: Promise<void> } {
    let release = (): void => undefined;
    let finish = (): void => undefined;
    const released = new Promise<void>((r) => (release = r));
    const finished = new Promise<void>((r) => (finish = r));
    upstream.handler = async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write('event: message_start\ndata: {"type":"message_start"}\n\n');
      await released;
      if (res.destroyed) return;
      res.end('event: message_stop\ndata: {"type":"message_stop"}\n\n');
      finish();
    };
    return { release, finished };
  }

  it('passes each event through as it arrives: the first before the upstream has finished', async () => {
    const { release, finished } = holdingStream();
    const res = await fetch(`${proxy.url}/v1/messages`, { method: 'POST', headers: claude(), body: '{}' });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    // The upstream is still holding its last event.
    expect(new TextDecoder().decode(first.value)).toContain('message_start');
    let rest = '';
    release();
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += new TextDecoder().decode(r.value);
    await finished;
    expect(rest).toContain('message_stop');
  });

  it('cancels the upstream request when the client disconnects mid-stream', async () => {
    const { release } = holdingStream();
    const client = new AbortController();
    const res = await fetch(`${proxy.url}/v1/messages`, {
      method: 'POST',
      headers: claude(),
      body: '{}',
      signal: client.signal,
    });
    await (res.body as ReadableStream<Uint8Array>).getReader().read();
    client.abort();
    await upstream.abortedAt(1);
    release();
    expect(upstream.aborted).toBe(1);
  });
});

describe('refusals: nothing reaches upstream', () => {
  const refusals: Array<[string, string, Record<string, string>, number]> = [
    ['no bearer', '/v1/messages', { authorization: '' }, 401],
    ['another bearer', '/v1/messages', { authorization: `Bearer ${fakeToken('anthropic-access')}` }, 401],
    ['the placeholder in another scheme', '/v1/messages', { authorization: `Basic ${PLACEHOLDER}` }, 401],
    ['a prefix of the placeholder', '/v1/messages', { authorization: `Bearer ${PLACEHOLDER.slice(0, -1)}` }, 401],
    ['another credential beside it', '/v1/messages', { 'x-api-key': fakeToken('anthropic-api-key') }, 400],
    ['another path', '/v1/models', {}, 404],
    ['the legacy completions path', '/v1/complete', {}, 404],
    ['a path that climbs out', '/v1/messages/../models', {}, 404],
    ['an encoded slash', '/v1/messages%2F..%2Fmodels', {}, 404],
    ['a doubled slash', '/v1/messages//x', {}, 404],
    ['the OAuth endpoint', '/v1/oauth/token', {}, 404],
    ['another host', '/v1/messages', { host: 'api.anthropic.com' }, 421],
    ['a WebSocket upgrade', '/v1/messages', { connection: 'Upgrade', upgrade: 'websocket' }, 400],
  ];

  it.each(refusals)('refuses %s', async (_what, path, extra, status) => {
    const headers = claude(extra);
    if (headers.authorization === '') delete (headers as Record<string, string | undefined>).authorization;
    const res = await rawRequest('POST', path, headers);
    expect(res.status).toBe(status);
    expect(JSON.parse(res.body).error.message).toMatch(/^oauth-broker proxy: /);
    expect(upstream.requests).toEqual([]);
  });

  it('refuses another method', async () => {
    const res = await rawRequest('DELETE', '/v1/messages', claude());
    expect(res.status).toBe(405);
    expect(upstream.requests).toEqual([]);
  });

  it('refuses an absolute URI and a CONNECT', async () => {
    expect((await rawLines(`GET ${upstream.url}/v1/messages HTTP/1.1`, claude())).split(' ')[1]).toBe('400');
    expect(await rawLines(`CONNECT ${new URL(upstream.url).host} HTTP/1.1`, claude())).not.toMatch(/^HTTP\/1\.1 2/);
    expect(upstream.requests).toEqual([]);
  });

  it('refuses two Authorization headers, the placeholder first', async () => {
    const head = `POST /v1/messages HTTP/1.1`;
    const status = await rawLines(head, claude(), `authorization: Bearer ${fakeToken('anthropic-access')}`);
    expect(status.split(' ')[1]).toBe('401');
    expect(upstream.requests).toEqual([]);
  });

  /** A request with exactly these headers (Host included), as http.request sends it. */
  function rawRequest(method: string, path: string, headers: Record<string, string>) {
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${proxy.url}${path}`, { method, headers, setHost: !headers.host }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end('{}');
    });
  }

  /** The status line the proxy answers a hand-written request with ('' if it only closes). */
  function rawLines(requestLine: string, headers: Record<string, string>, ...more: string[]): Promise<string> {
    return new Promise((resolve) => {
      const socket = connect(proxy.port, '127.0.0.1');
      const lines = [
        requestLine,
        `host: 127.0.0.1:${proxy.port}`,
        ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      ];
      socket.write(`${[...lines, ...more, 'content-length: 2', '', '{}'].join('\r\n')}`);
      let got = '';
      socket.setEncoding('utf8').on('data', (c: string) => {
        got += c;
        if (got.includes('\r\n')) socket.destroy();
      });
      socket.on('close', () => resolve(got.split('\r\n')[0] ?? ''));
      socket.on('error', () => undefined);
    });
  }
});

describe('the proxy process', () => {
  /** The daemon's io: logging to the test's log, polling its lease every 10 ms, the runner alive as `alive` says. */
  const daemonIo = (alive: () => boolean) => ({
    log: (l: string) => log.push(l),
    env: {},
    fetch: globalThis.fetch,
    now: Date.now,
    sleep: async () => undefined,
    monotonic: () => 0,
    pollMs: 10,
    exists: existsSync,
    alive,
  });

  const handoff = (lease: string, watch = process.pid): Handoff => ({
    v: 1,
    provider: 'anthropic',
    upstream: upstream.url,
    placeholder: PLACEHOLDER,
    accessToken: TOKEN,
    credentials: JSON.stringify({
      claudeAiOauth: { accessToken: TOKEN, refreshToken: REFRESH, expiresAt: Date.now() + 3_600_000 },
    }),
    // No secret-name: a refresh could not be stored, so the proxy never refreshes.
    inputs: { provider: 'anthropic' },
    lease,
    watch,
  });

  it('takes only a whole handoff', () => {
    const h = handoff('/tmp/lease');
    expect(parseHandoff(JSON.stringify(h))).toEqual(h);
    for (const bad of ['', 'null', '{', JSON.stringify({ ...h, v: 2 }), JSON.stringify({ ...h, watch: -1 })])
      expect(parseHandoff(bad)).toBeUndefined();
    expect(parseHandoff(JSON.stringify({ ...h, provider: 'oauth2' }))).toBeUndefined();
    expect(parseHandoff(JSON.stringify({ ...h, tls: { key: 'k' } }))).toBeUndefined();
    expect(parseHandoff(JSON.stringify({ ...h, ownRefresh: { answer: {} } }))).toBeUndefined();
    expect(parseHandoff(JSON.stringify({ ...h, accessToken: '' }))).toBeUndefined();
    expect(parseHandoff(JSON.stringify({ ...h, inputs: { provider: 1 } }))).toBeUndefined();
    expect(parseHandoff(JSON.stringify({ ...h, expiresAt: 'soon' }))).toBeUndefined();
  });

  it.each([
    ['its lease is removed', true, 'the post step removed its lease'],
    ["the runner's process is gone", false, "the job's runner process is gone"],
  ])('stops when %s', async (_when, removeLease, why) => {
    const dir = mkdtempSync(join(tmpdir(), 'proxy-lease-'));
    const lease = join(dir, 'lease');
    writeFileSync(lease, '');
    let runner = true;
    const daemon = await serve(
      handoff(lease),
      daemonIo(() => runner),
    );
    const res = await fetch(`${daemon.url}/v1/messages`, { method: 'POST', headers: claude(), body: '{}' });
    expect(res.status).toBe(200);
    if (removeLease) rmSync(lease);
    else runner = false;
    await daemon.stopped;
    expect(log).toContain(`stopping: ${why}`);
    await expect(fetch(`${daemon.url}/v1/messages`, { method: 'POST', headers: claude() })).rejects.toThrow();
    rmSync(dir, { recursive: true, force: true });
  });

  it('with no runner process to watch (a container job), stops on its lease alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'proxy-lease-'));
    const lease = join(dir, 'lease');
    writeFileSync(lease, '');
    const daemon = await serve(
      handoff(lease, 0),
      daemonIo(() => false),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect((await fetch(`${daemon.url}/v1/messages`, { method: 'POST', headers: claude(), body: '{}' })).status).toBe(
      200,
    );
    rmSync(lease);
    await daemon.stopped;
    expect(log).toContain('stopping: the post step removed its lease');
    rmSync(dir, { recursive: true, force: true });
  });

  it('sees a process of its own as alive, and a pid nothing has as gone', async () => {
    expect(alive(process.pid)).toBe(true);
    const { spawnSync } = await import('node:child_process');
    const done = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    expect(alive(Number(done.stdout))).toBe(false);
  });
});
