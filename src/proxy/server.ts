// The credential proxy (docs/proxy.md): on 127.0.0.1, a free port. What guard.ts admits goes to the
// upstream with the placeholder swapped for the live access token (sent once more, refreshed, when
// upstream refuses it); the answer streams back as it arrives, and a client that goes away cancels
// the upstream request. Nothing else reaches upstream.
import {
  createServer,
  request as httpRequest,
  type ClientRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createTlsServer, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { neutral } from '../core/neutral.js';
import { admit, endToEnd, isOwnRefresh, same, type ProxiedProvider } from './guard.js';
import { upstreamAgent } from './tunnel.js';

export interface ProxyOptions {
  provider: ProxiedProvider;
  /** Where admitted requests go: an https URL (plain http to loopback only), perhaps with a path. */
  upstream: string;
  placeholder: string;
  /** The live access token, asked for each request. */
  token: () => Promise<string>;
  /** Upstream answered 401 to this token: the one to send the request again with, if there is one. */
  rejected: (used: string) => Promise<string | undefined>;
  /** https with this key and certificate, PEM (Codex takes only an https base URL). */
  tls?: { key: string; cert: string };
  /**
   * A CLI's own refresh (POST /oauth/token: Codex's CODEX_REFRESH_TOKEN_URL_OVERRIDE), answered here and
   * never sent upstream: `answer` (placeholders) for the placeholder refresh token, a refusal for any other.
   */
  ownRefresh?: { refreshToken: string; answer: Record<string, string> };
  /** One line per request, never a header: the proxy's log. */
  log: (line: string) => void;
  /** The clock durations are logged by (ms). */
  monotonic: () => number;
}

export interface RunningProxy {
  /** `http://127.0.0.1:<port>`, https with `tls` */
  url: string;
  port: number;
  /** The runner's HTTP(S) proxy the upstream is reached through (host:port), if any. */
  via?: string;
  close(): Promise<void>;
}

/** An answer of the proxy's own, in the shape of the provider's errors, so the agent shows its message. */
function answer(res: ServerResponse, status: number, kind: string, message: string): void {
  const body = JSON.stringify({ type: 'error', error: { type: kind, message: `oauth-broker proxy: ${message}` } });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

// Anthropic's own limit on a request to the Messages API.
const MAX_BODY_BYTES = 32 * 1024 * 1024;
// An error answer is short JSON; a longer one is not read whole.
const MAX_REFUSAL_BYTES = 1024 * 1024;

/** A message's whole body; 'too large' past `max` bytes, 'gone' if it ended early. */
function collect(msg: IncomingMessage, max: number): Promise<Buffer | 'too large' | 'gone'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    msg.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        msg.removeAllListeners('data');
        msg.resume();
        resolve('too large');
      } else chunks.push(chunk);
    });
    msg.on('end', () => resolve(Buffer.concat(chunks)));
    // After 'end' these change nothing: a promise settles once.
    msg.on('close', () => resolve('gone'));
    msg.on('error', () => resolve('gone'));
  });
}

/** A path for the log: no query (it is the client's), short, one plain line. */
const shown = (url: string | undefined): string => neutral((url ?? '').split('?')[0] ?? '', 80);

export async function startProxyServer(opts: ProxyOptions): Promise<RunningProxy> {
  const base = new URL(opts.upstream);
  const secure = base.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  const { agent, via } = upstreamAgent(base);
  const prefix = base.pathname.replace(/\/+$/, '');
  let host = '';

  // The CLI refreshes its placeholders: it gets them again, and the live token never moves.
  const refreshHere = async (
    req: IncomingMessage,
    res: ServerResponse,
    own: NonNullable<ProxyOptions['ownRefresh']>,
  ) => {
    const body = await collect(req, MAX_REFUSAL_BYTES);
    if (typeof body === 'string') return void (body === 'gone' || res.writeHead(413).end());
    let presented = '';
    try {
      presented = String((JSON.parse(body.toString('utf8')) as { refresh_token?: unknown }).refresh_token ?? '');
    } catch {
      presented = new URLSearchParams(body.toString('utf8')).get('refresh_token') ?? '';
    }
    const ok = same(presented, own.refreshToken);
    opts.log(ok ? 'answered a refresh of the placeholders with them' : "refused a refresh: not this job's placeholder");
    const answer = JSON.stringify(ok ? own.answer : { error: 'invalid_grant' });
    res.writeHead(ok ? 200 : 400, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
    res.end(answer);
  };

  const forward = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = opts.monotonic();
    const policy = { host, placeholder: opts.placeholder, provider: opts.provider };
    if (opts.ownRefresh && isOwnRefresh(req, policy)) return refreshHere(req, res, opts.ownRefresh);
    const verdict = admit(req, policy);
    if (!verdict.ok) {
      // The body is read and dropped, so the connection stays usable; nothing goes upstream.
      req.resume();
      opts.log(`refused ${neutral(req.method ?? '', 10)} ${shown(req.url)}: ${verdict.status} ${verdict.why}`);
      answer(res, verdict.status, verdict.kind, verdict.why);
      return;
    }
    // Held whole (the inference API takes JSON of at most 32 MB), so that a request upstream refused
    // with an expired token can be sent again once refreshed.
    const body = await collect(req, MAX_BODY_BYTES);
    if (body === 'too large') {
      opts.log(`refused ${req.method} ${shown(req.url)}: 413 larger than ${MAX_BODY_BYTES} bytes`);
      answer(res, 413, 'request_too_large', `a request body may hold at most ${MAX_BODY_BYTES} bytes`);
      return;
    }
    if (body === 'gone') return;
    const line = (what: string): void => {
      opts.log(`${req.method} ${shown(req.url)}: ${what} in ${Math.round(opts.monotonic() - started)} ms`);
    };
    let up: ClientRequest | undefined;
    // A client gone before the answer ended: the upstream request (and its generation) is cancelled.
    res.on('close', () => {
      if (!res.writableFinished) up?.destroy();
    });
    const attempt = (token: string, last: boolean): void => {
      if (res.destroyed || req.socket.destroyed) return;
      const headers = { ...verdict.headers, 'content-length': body.length };
      up = send({
        protocol: base.protocol,
        hostname: base.hostname,
        port: base.port,
        method: req.method,
        path: prefix + verdict.target,
        headers: { ...headers, host: base.host, authorization: `Bearer ${token}` },
        agent,
      });
      up.on('response', (upRes) => {
        if (upRes.statusCode === 401 && !last) {
          void retry(upRes, token).catch(() => res.destroy());
          return;
        }
        res.writeHead(upRes.statusCode ?? 502, upRes.statusMessage, endToEnd(upRes.headers));
        // Headers go out now, each chunk as it comes: a stream of events is never held back.
        res.flushHeaders();
        upRes.pipe(res);
        upRes.on('error', () => res.destroy());
        upRes.on('end', () => line(String(upRes.statusCode)));
      });
      up.on('error', (err: NodeJS.ErrnoException) => {
        if (res.destroyed) return;
        const code = neutral(err.code ?? 'error', 40);
        opts.log(`${req.method} ${shown(req.url)}: upstream ${base.host} failed (${code})`);
        if (res.headersSent) res.destroy();
        else answer(res, 502, 'api_error', `could not reach ${neutral(base.host, 80)} (${code})`);
      });
      up.end(body);
    };
    // Upstream refused the token: once refreshed (or refreshed meanwhile), the request goes again, once;
    // else the client gets the refusal as it was.
    const retry = async (refusal: IncomingMessage, used: string): Promise<void> => {
      const said = await collect(refusal, MAX_REFUSAL_BYTES);
      const next = await opts.rejected(used);
      if (next) {
        line('401, sent again with a refreshed token');
        attempt(next, true);
        return;
      }
      if (typeof said === 'string') throw new Error('the refusal was lost');
      const headers = { ...endToEnd(refusal.headers), 'content-length': said.length };
      res.writeHead(401, refusal.statusMessage, headers);
      res.end(said);
      line('401');
    };
    attempt(await opts.token(), false);
  };

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    forward(req, res).catch((err: unknown) => {
      opts.log(`${req.method} ${shown(req.url)}: failed (${neutral((err as Error).name ?? 'error', 40)})`);
      if (!res.headersSent) answer(res, 500, 'api_error', 'the proxy failed; see its log');
      else res.destroy();
    });
  };
  const server = opts.tls
    ? createTlsServer({ key: opts.tls.key, cert: opts.tls.cert }, handler)
    : createServer(handler);
  // CONNECT asks for a tunnel elsewhere: never.
  server.on('connect', (_req, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  return {
    url: `${opts.tls ? 'https' : 'http'}://${host}`,
    port,
    ...(via ? { via } : {}),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
