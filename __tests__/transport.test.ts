// The broker's own HTTP client (src/core/transport.ts) against a real server on 127.0.0.1: what it
// puts on the wire, the answer as fetch gives it, redirects never followed, one connection kept
// alive across requests, and a body cut off or a timeout classified as fetch's are.
import * as http from 'node:http';
import * as https from 'node:https';
import { type AddressInfo, createServer as createTcpServer, type Socket } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { classifyFetchError, failedWhile } from '../src/core/http.js';
import { MAX_BODY_BYTES, nodeFetch } from '../src/core/transport.js';
import { closeServer, listenOnLoopback, readBody } from './support/http.js';
import { CA, startTlsServer } from './support/tls.js';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let server: http.Server;
let base: string;
let seen: Seen[];
let connections: number;
let handler: (req: http.IncomingMessage, res: http.ServerResponse) => void;

beforeEach(async () => {
  seen = [];
  connections = 0;
  handler = (_req, res) => res.end('ok');
  server = http.createServer(async (req, res) => {
    const body = (await readBody(req)).toString('utf8');
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    handler(req, res);
  });
  server.on('connection', () => connections++);
  base = await listenOnLoopback(server);
});

afterEach(() => closeServer(server));

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

describe('nodeFetch', () => {
  it('sends method, headers and a text body with its length; answers as fetch does', async () => {
    handler = (_req, res) => {
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.writeHead(201, 'Created', { 'content-type': 'application/json', 'x-request-id': 'R1' });
      res.end('{"done":true}');
    };
    const body = JSON.stringify({ name: 'É' });
    const res = await nodeFetch()(`${base}/repos/o/r?x=1`, {
      method: 'put',
      headers: { 'Content-Type': 'application/json', authorization: 'token t' },
      body,
      redirect: 'manual',
    });
    expect(seen).toEqual([
      {
        method: 'PUT',
        url: '/repos/o/r?x=1',
        headers: expect.objectContaining({
          'content-type': 'application/json',
          authorization: 'token t',
          'content-length': String(Buffer.byteLength(body)),
          'accept-encoding': 'identity',
        }),
        body,
      },
    ]);
    expect(seen[0].headers['transfer-encoding']).toBeUndefined();
    expect({ status: res.status, statusText: res.statusText, ok: res.ok, url: res.url }).toEqual({
      status: 201,
      statusText: 'Created',
      ok: true,
      url: `${base}/repos/o/r?x=1`,
    });
    expect(res.headers.get('x-request-id')).toBe('R1');
    expect(res.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await res.json()).toEqual({ done: true });
  });

  it('keeps one connection alive across requests to a host', async () => {
    const send = nodeFetch();
    for (let i = 0; i < 3; i++) expect(await (await send(`${base}/${i}`, { redirect: 'manual' })).text()).toBe('ok');
    expect({ requests: seen.length, connections }).toEqual({ requests: 3, connections: 1 });
  });

  it('a 204 has no body', async () => {
    handler = (_req, res) => res.writeHead(204).end();
    const res = await nodeFetch()(`${base}/x`, { method: 'DELETE', redirect: 'manual' });
    expect({ status: res.status, body: res.body, text: await res.text() }).toEqual({
      status: 204,
      body: null,
      text: '',
    });
  });

  it('never follows a redirect: manual hands it over, error fails it as sent', async () => {
    handler = (_req, res) => res.writeHead(302, { location: `${base}/elsewhere` }).end();
    const res = await nodeFetch()(`${base}/x`, { redirect: 'manual' });
    expect({ status: res.status, location: res.headers.get('location') }).toEqual({
      status: 302,
      location: `${base}/elsewhere`,
    });
    const err = await failure(nodeFetch()(`${base}/y`, { method: 'POST', body: '{}', redirect: 'error' }));
    expect(classifyFetchError(err, 1000)).toEqual({ notSent: false, reason: 'network error' });
    expect(seen.map((s) => s.url)).toEqual(['/x', '/y']);
  });

  it('a connection cut while the body streams fails its read: the answer was lost', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('partial');
      setTimeout(() => res.socket?.destroy(), 20);
    };
    const res = await nodeFetch()(`${base}/x`, { method: 'POST', body: '{}', redirect: 'error' });
    expect(res.status).toBe(200);
    expect(classifyFetchError(await failure(res.text()), 1000)).toEqual({
      notSent: false,
      reason: 'connection dropped before the answer arrived',
    });
  });

  it('a timeout fails with its reason, before the answer and while the body streams', async () => {
    handler = (req, res) => {
      if (req.url === '/slow-body') res.writeHead(200, { 'content-length': '10' }).write('x');
    };
    const send = nodeFetch();
    const before = await failure(send(`${base}/silent`, { redirect: 'error', signal: AbortSignal.timeout(100) }));
    expect(classifyFetchError(before, 100)).toEqual({ notSent: false, reason: 'no answer within 0s' });
    const res = await send(`${base}/slow-body`, { redirect: 'error', signal: AbortSignal.timeout(200) });
    const during = await failure(res.text());
    expect((during as Error).name).toBe('TimeoutError');
  });

  it('a request the broker never makes is a wiring error, not a request', async () => {
    const follow = failure(nodeFetch()(`${base}/x`, { redirect: 'follow' }));
    expect(String(await follow)).toMatch(/redirect must be 'manual' or 'error'/);
    const bytes = failure(nodeFetch()(`${base}/x`, { method: 'POST', body: new Uint8Array(1), redirect: 'manual' }));
    expect(String(await bytes)).toMatch(/text bodies only/);
    expect(seen).toEqual([]);
  });

  it('a request that waited for a kept-alive connection: a reset once it was written may have arrived', async () => {
    // One socket: the second request waits in the pool and gets the first one's connection, already up.
    const arrived: string[] = [];
    const answer = async (req: http.IncomingMessage, res: http.ServerResponse) => {
      arrived.push((await readBody(req)).toString('utf8'));
      if (arrived.length === 1) setTimeout(() => res.end('ok'), 30);
      else req.socket.destroy();
    };
    const tls = await startTlsServer('leaf', answer);
    const plain = http.createServer(answer);
    const plainUrl = await listenOnLoopback(plain);
    try {
      const clients = [
        { url: plainUrl, send: nodeFetch({ http: new http.Agent({ keepAlive: true, maxSockets: 1 }) }) },
        { url: tls.url, send: nodeFetch({ https: new https.Agent({ keepAlive: true, maxSockets: 1, ca: CA }) }) },
      ];
      for (const { url, send } of clients) {
        arrived.length = 0;
        const first = send(`${url}/a`, { redirect: 'manual' }).then((r) => r.text());
        const second = failure(send(`${url}/b`, { method: 'POST', body: 'refresh_token=R', redirect: 'error' }));
        expect(await first).toBe('ok');
        expect(classifyFetchError(await second, 1000)).toEqual({
          notSent: false,
          reason: 'connection dropped before the answer arrived',
        });
        expect(arrived).toEqual(['', 'refresh_token=R']);
      }
      expect(tls.connections).toBe(1);
    } finally {
      await Promise.all([tls.close(), closeServer(plain)]);
    }
  });

  it('an error once connected may have arrived, whatever its code', () => {
    const unreachable = Object.assign(new Error('connect EHOSTUNREACH'), { code: 'EHOSTUNREACH' });
    const before = new TypeError('fetch failed', { cause: unreachable });
    expect(classifyFetchError(before, 1000)).toEqual({ notSent: true, reason: 'cannot connect (EHOSTUNREACH)' });
    const late = Object.assign(new Error('read EHOSTUNREACH'), { code: 'EHOSTUNREACH' });
    failedWhile('connected', late);
    expect(classifyFetchError(new TypeError('fetch failed', { cause: late }), 1000)).toEqual({
      notSent: false,
      reason: 'network error (EHOSTUNREACH)',
    });
  });

  it('a reason phrase fetch would refuse is dropped, not a crash', async () => {
    // Written raw: Node's server would not send it.
    handler = (req) => req.socket.end(Buffer.from('HTTP/1.1 200 O\x7fK\r\ncontent-length: 4\r\n\r\nfine', 'latin1'));
    const res = await nodeFetch()(`${base}/x`, { method: 'POST', body: '{}', redirect: 'error' });
    expect({ status: res.status, statusText: res.statusText, text: await res.text() }).toEqual({
      status: 200,
      statusText: 'OK',
      text: 'fine',
    });
  });

  it('a timeout after the whole body arrived, before it was read, fails the read', async () => {
    handler = (_req, res) => res.end('{"refresh_token":"R"}');
    const signal = AbortSignal.timeout(100);
    const res = await nodeFetch()(`${base}/x`, { method: 'POST', body: '{}', redirect: 'error', signal });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(((await failure(res.text())) as Error).name).toBe('TimeoutError');
  });

  it('a body compressed although none was asked for is decompressed, as fetch does', async () => {
    const json = '{"access_token":"A"}';
    const zipped = gzipSync(json);
    const cases: Array<[string, Buffer, string]> = [
      ['gzip', zipped, json],
      // Cut short (no trailer): fetch, like curl, gives what it holds rather than lose a rotated token.
      ['gzip', zipped.subarray(0, zipped.length - 8), json],
      ['x-gzip', zipped, json],
      ['deflate', deflateSync(json), json],
      ['br', brotliCompressSync(json), json],
      // Applied in the order named, undone last first.
      ['gzip, br', brotliCompressSync(zipped), json],
      // A coding fetch does not know: the body as sent.
      ['gzip, zstd', Buffer.from('as sent'), 'as sent'],
    ];
    for (const [coding, body, text] of cases) {
      handler = (_req, res) => res.writeHead(200, { 'content-encoding': coding }).end(body);
      const res = await nodeFetch()(`${base}/x`, { method: 'POST', body: '{}', redirect: 'error' });
      expect([coding, await res.text()]).toEqual([coding, text]);
    }
  });

  it('a body that does not decompress fails its read, unhandled by nothing, and lets its connection go', async () => {
    let socket: Socket | undefined;
    handler = (req, res) => {
      socket = req.socket;
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': '100' }).write('not gzip at all');
    };
    const res = await nodeFetch()(`${base}/x`, { method: 'POST', body: '{}', redirect: 'error' });
    // The decoder fails before anything reads the body.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(classifyFetchError(await failure(res.text()), 1000)).toMatchObject({ notSent: false });
    const closed = await new Promise<boolean>((resolve) => {
      if (socket?.destroyed) return resolve(true);
      socket?.once('close', () => resolve(true));
      setTimeout(() => resolve(false), 1000);
    });
    expect(closed).toBe(true);
  });

  it('an answer over the size limit fails its read, compression bombs included: the request was sent', async () => {
    const over = Buffer.alloc(MAX_BODY_BYTES + 1, 'a');
    for (const [headers, body] of [
      [{}, over],
      [{ 'content-encoding': 'gzip' }, gzipSync(over)],
    ] as const) {
      handler = (_req, res) => res.writeHead(200, headers).end(body);
      const res = await nodeFetch()(`${base}/x`, { method: 'POST', body: '{}', redirect: 'error' });
      const err = (await failure(res.text())) as Error;
      expect([err.message, String((err.cause as Error).message)]).toEqual(['terminated', 'an answer over 8 MiB']);
      expect(classifyFetchError(err, 1000).notSent).toBe(false);
    }
    const exact = Buffer.alloc(MAX_BODY_BYTES, 'b');
    handler = (_req, res) => res.end(exact);
    const res = await nodeFetch()(`${base}/x`, { redirect: 'error' });
    expect((await res.arrayBuffer()).byteLength).toBe(MAX_BODY_BYTES);
  });

  it('a timeout before the TLS handshake completed: nothing was sent', async () => {
    // Takes the connection and the ClientHello, and never answers: no request can have been written.
    const held: Socket[] = [];
    const silent = createTcpServer((socket) => held.push(socket.on('error', () => undefined)));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const send = nodeFetch({ https: new https.Agent({ ca: CA }) });
      const err = await failure(
        send(`https://127.0.0.1:${port}/token`, {
          method: 'POST',
          body: 'x',
          redirect: 'error',
          signal: AbortSignal.timeout(200),
        }),
      );
      expect(classifyFetchError(err, 1000)).toEqual({ notSent: true, reason: 'could not connect within 1s' });
    } finally {
      for (const socket of held) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
