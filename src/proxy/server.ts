// The credential proxy (docs/proxy.md): on 127.0.0.1, a free port. What guard.ts admits goes to the
// upstream with the placeholder swapped for the live access token; the answer streams back as it
// arrives, and a client that goes away cancels the upstream request. Nothing else reaches upstream.
import {
  createServer,
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { neutral } from '../core/neutral.js';
import { admit, endToEnd, type ProxiedProvider } from './guard.js';

export interface ProxyOptions {
  provider: ProxiedProvider;
  /** Where admitted requests go: an https URL (plain http to loopback only), perhaps with a path. */
  upstream: string;
  placeholder: string;
  /** The live access token, asked for each request. */
  token: () => Promise<string>;
  /** One line per request, never a header: the proxy's log. */
  log: (line: string) => void;
  /** The clock durations are logged by (ms). */
  monotonic: () => number;
}

export interface RunningProxy {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** An answer of the proxy's own, in the shape of the provider's errors, so the agent shows its message. */
function answer(res: ServerResponse, status: number, kind: string, message: string): void {
  const body = JSON.stringify({ type: 'error', error: { type: kind, message: `oauth-broker proxy: ${message}` } });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** A path for the log: no query (it is the client's), short, one plain line. */
const shown = (url: string | undefined): string => neutral((url ?? '').split('?')[0] ?? '', 80);

export async function startProxyServer(opts: ProxyOptions): Promise<RunningProxy> {
  const base = new URL(opts.upstream);
  const secure = base.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  // Connections to the upstream are kept: a TLS handshake per request would cost more than the rest.
  const agent = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const prefix = base.pathname.replace(/\/+$/, '');
  let host = '';

  const forward = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = opts.monotonic();
    const verdict = admit(req, { host, placeholder: opts.placeholder, provider: opts.provider });
    if (!verdict.ok) {
      // The body is read and dropped, so the connection stays usable; nothing goes upstream.
      req.resume();
      opts.log(`refused ${neutral(req.method ?? '', 10)} ${shown(req.url)}: ${verdict.status} ${verdict.why}`);
      answer(res, verdict.status, verdict.kind, verdict.why);
      return;
    }
    const token = await opts.token();
    if (req.socket.destroyed) return;
    const up = send({
      protocol: base.protocol,
      hostname: base.hostname,
      port: base.port,
      method: req.method,
      path: prefix + verdict.target,
      headers: { ...verdict.headers, host: base.host, authorization: `Bearer ${token}` },
      agent,
    });
    // A client gone before the answer ended: the upstream request (and its generation) is cancelled.
    res.on('close', () => {
      if (!res.writableFinished) up.destroy();
    });
    up.on('response', (upRes) => {
      res.writeHead(upRes.statusCode ?? 502, upRes.statusMessage, endToEnd(upRes.headers));
      // Headers go out now, each chunk as it comes: a stream of events is never held back.
      res.flushHeaders();
      upRes.pipe(res);
      upRes.on('error', () => res.destroy());
      upRes.on('end', () => {
        const ms = Math.round(opts.monotonic() - started);
        opts.log(`${req.method} ${shown(req.url)}: ${upRes.statusCode} in ${ms} ms`);
      });
    });
    up.on('error', (err: NodeJS.ErrnoException) => {
      if (res.destroyed) return;
      const code = neutral(err.code ?? 'error', 40);
      opts.log(`${req.method} ${shown(req.url)}: upstream ${base.host} failed (${code})`);
      if (res.headersSent) res.destroy();
      else answer(res, 502, 'api_error', `could not reach ${neutral(base.host, 80)} (${code})`);
    });
    req.pipe(up);
  };

  const server = createServer((req, res) => {
    forward(req, res).catch((err: unknown) => {
      opts.log(`${req.method} ${shown(req.url)}: failed (${neutral((err as Error).name ?? 'error', 40)})`);
      if (!res.headersSent) answer(res, 500, 'api_error', 'the proxy failed; see its log');
      else res.destroy();
    });
  });
  // CONNECT asks for a tunnel elsewhere: never.
  server.on('connect', (_req, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  return {
    url: `http://${host}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
