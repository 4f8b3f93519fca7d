// The broker's own HTTP client, the action's and the CLI's (GitHub's API, the provider's token endpoint):
// fetch's interface over node:http and node:https. Node parses HTTP natively; undici parses it in
// WebAssembly, and the process's exit waits for the optimising compile of that parser, set off by a
// few answers: 42 ms against 13 ms (docs/design.md, "Transport"). Answers are undici's Response, as fetch's.
// It never follows a redirect, and it tells src/core/http.ts whether a failure came before the
// request could be written (DNS, TCP, the TLS handshake: surely nothing sent) or after.
import * as http from 'node:http';
import * as https from 'node:https';
import type { Socket } from 'node:net';
import { pipeline, type Readable, type Transform } from 'node:stream';
import { TLSSocket } from 'node:tls';
import * as zlib from 'node:zlib';
import { failedWhile } from './http.js';

/** The connection pools: kept-alive sockets, so that a run's requests to one host share one handshake. */
export interface Agents {
  http?: http.Agent;
  https?: https.Agent;
}

/** What is taken from undici: fetch's own Headers and Response. */
type Undici = Pick<typeof import('undici'), 'Headers' | 'Response'>;

const REDIRECT = new Set([301, 302, 303, 307, 308]);
// Answers that carry no body, whatever their headers say.
const NULL_BODY = new Set([204, 205, 304]);
// What fetch decompresses, as leniently as fetch (and curl): a stream cut short still gives what it holds.
const LENIENT = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
const DECODERS: Record<string, () => Transform> = {
  gzip: () => zlib.createGunzip(LENIENT),
  'x-gzip': () => zlib.createGunzip(LENIENT),
  deflate: () => zlib.createInflate(LENIENT),
  br: () =>
    zlib.createBrotliDecompress({
      flush: zlib.constants.BROTLI_OPERATION_FLUSH,
      finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
    }),
};
// As fetch: more codings than this in one answer is an attack on memory, not an answer.
const MAX_CODINGS = 5;
// An answer the broker reads whole (a token set, a page of GitHub's API) is a few kilobytes; this
// bounds what a broken server or a compression bomb can make the step hold in memory.
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
// Idle connections are closed after this, before a server closes them under a request (undici's default).
const IDLE_MS = 4000;

/** A request as it goes on the wire. */
interface Outgoing {
  method: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** fetch over node:http(s); `agents` replace the default keep-alive pools (tests trust their own CA with them). */
export function nodeFetch(agents: Agents = {}): typeof fetch {
  const pools = {
    'http:': agents.http ?? new http.Agent({ keepAlive: true, timeout: IDLE_MS }),
    'https:': agents.https ?? new https.Agent({ keepAlive: true, timeout: IDLE_MS }),
  };
  return (async (input: string | URL, init: RequestInit = {}) => {
    const url = target(input);
    const undici = await import('undici');
    const request = outgoing(undici, init);
    return exchange(undici, url, request, init, pools[url.protocol as 'http:' | 'https:']);
  }) as typeof fetch;
}

/**
 * The URL, refused as fetch refuses it, before anything connects: one that does not parse (its
 * ERR_INVALID_URL), one with a user name or password (the Request constructor's TypeError, without
 * the URL), one that is not http(s).
 */
function target(input: string | URL): URL {
  const url = new URL(String(input));
  if (url.username || url.password) {
    throw new TypeError('Request cannot be constructed from a URL that includes credentials');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError('fetch failed', { cause: new Error('URL scheme must be a HTTP(S) scheme') });
  }
  return url;
}

/** Method, headers (checked as fetch checks them) and body; the body's length is always stated. */
function outgoing(undici: Undici, init: RequestInit): Outgoing {
  // Every request of the broker refuses redirects or reads them itself; following one would take the token along.
  if (init.redirect !== 'manual' && init.redirect !== 'error') {
    throw new Error(`nodeFetch follows no redirect: redirect must be 'manual' or 'error', not ${init.redirect}`);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of new undici.Headers(init.headers as ConstructorParameters<Undici['Headers']>[0])) {
    headers[name] = value;
  }
  // Asks for no compression; an answer compressed all the same is decompressed (`decoded`).
  headers['accept-encoding'] ??= 'identity';
  const method = (init.method ?? 'GET').toUpperCase();
  if (init.body === undefined || init.body === null) return { method, headers };
  if (typeof init.body !== 'string') throw new Error('nodeFetch sends text bodies only');
  const body = Buffer.from(init.body, 'utf8');
  headers['content-length'] = String(body.length);
  return { method, headers, body };
}

/** Sends the request and resolves with the answer once its headers arrive; its body streams. */
function exchange(
  undici: Undici,
  url: URL,
  request: Outgoing,
  init: RequestInit,
  agent: http.Agent,
): Promise<Response> {
  const signal = init.signal ?? undefined;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, { method: request.method, headers: request.headers, agent });
    let res: http.IncomingMessage | undefined;
    // The signal's reason fails whatever is under way: the wait for the answer, or the read of its body.
    const abort = () => (res ?? req).destroy(signal?.reason);
    signal?.addEventListener('abort', abort, { once: true });
    req.once('close', () => signal?.removeEventListener('abort', abort));
    // Until the connection is up (TLS included), nothing of the request can have reached the server.
    let connected = false;
    req.on('socket', (socket) => {
      if (req.reusedSocket || established(socket)) connected = true;
      else socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => (connected = true));
    });
    req.on('error', (err) => {
      // A timeout once connected is fetch's own (it may have arrived); one before is a connection never made.
      if (signal?.aborted && connected) return reject(signal.reason);
      const cause = signal?.aborted ? signal.reason : err;
      failedWhile(connected ? 'connected' : 'connecting', cause);
      reject(new TypeError('fetch failed', { cause }));
    });
    req.on('response', (answer) => {
      res = answer;
      try {
        resolve(responseOf(undici, url, request, init, answer, signal));
      } catch (err) {
        // An answer Node reads and fetch would refuse: the request was sent.
        req.destroy();
        reject(new TypeError('fetch failed', { cause: err }));
      }
    });
    req.end(request.body);
  });
}

/** The connection is up, TLS included: a socket that served a request before, queued for this one. */
function established(socket: Socket): boolean {
  if (socket.pending) return false;
  if (!(socket instanceof TLSSocket)) return true;
  const protocol = socket.getProtocol();
  return protocol !== null && protocol !== 'unknown';
}

/** The answer as fetch's Response; throws for one fetch would refuse. */
function responseOf(
  undici: Undici,
  url: URL,
  request: Outgoing,
  init: RequestInit,
  res: http.IncomingMessage,
  signal: AbortSignal | undefined,
): Response {
  const status = res.statusCode ?? 0;
  if (status < 200 || status > 599) throw new Error(`an answer with status ${status}`);
  if (init.redirect === 'error' && REDIRECT.has(status)) throw new Error('unexpected redirect');
  const headers = new undici.Headers();
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) headers.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
  const empty = NULL_BODY.has(status) || request.method === 'HEAD';
  if (empty) res.resume();
  const body = empty ? null : streamed(decoded(res, headers.get('content-encoding')), signal);
  // fetch takes a reason phrase of visible characters only; Node's parser takes more.
  const statusText = (res.statusMessage ?? '').replace(/[^\t\x20-\x7e\x80-\xff]/g, '');
  const answer = new undici.Response(body, { status, statusText, headers });
  // As fetch's: the URL asked for (no redirect is followed).
  Object.defineProperty(answer, 'url', { value: url.href });
  return answer as unknown as Response;
}

/**
 * The body as sent, or decompressed as fetch does: none is asked for, but a server may compress all
 * the same, in several codings (undone last first); a coding fetch does not know leaves it as sent.
 */
function decoded(res: http.IncomingMessage, encoding: string | null): Readable {
  const codings = encoding ? encoding.toLowerCase().split(',') : [];
  if (codings.length > MAX_CODINGS) throw new Error(`an answer in ${codings.length} content codings`);
  const decoders = codings.reverse().map((coding) => DECODERS[coding.trim()]);
  if (!decoders.length || decoders.some((decoder) => !decoder)) return res;
  const streams = decoders.map((decoder) => decoder());
  // Every stream is destroyed on any error, and the error reaches the reader: never an unhandled one.
  pipeline([res, ...streams], () => undefined);
  return streams[streams.length - 1];
}

/**
 * The answer's body; a connection lost while it streams fails its read as fetch's does, a timeout with
 * its reason, and so does a body over MAX_BODY_BYTES (the request was sent: it may have arrived).
 */
async function* streamed(body: Readable, signal: AbortSignal | undefined): AsyncGenerator<Buffer> {
  let bytes = 0;
  try {
    for await (const chunk of body) {
      bytes += (chunk as Buffer).length;
      if (bytes > MAX_BODY_BYTES) throw new Error(`an answer over ${MAX_BODY_BYTES / 1024 / 1024} MiB`);
      yield chunk as Buffer;
    }
  } catch (err) {
    throw signal?.aborted ? signal.reason : new TypeError('terminated', { cause: err });
  } finally {
    // Read no further (the size limit, or a reader that stopped): the connection goes, not into the pool.
    if (!body.readableEnded) body.destroy();
  }
}
