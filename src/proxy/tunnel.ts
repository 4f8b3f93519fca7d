// The upstream connection of the credential proxy on a runner behind an HTTP(S) proxy: the runner's
// HTTPS_PROXY / NO_PROXY, decided as @actions/http-client decides them for every other request the
// broker sends, and a CONNECT tunnel through that proxy with TLS to the upstream inside it.
import { getProxyUrl } from '@actions/http-client/lib/proxy';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';

type Callback = (err: Error | null, socket?: Socket) => void;

/** The agent for the upstream: connections kept (a TLS handshake per request would cost more than the rest). */
export function upstreamAgent(base: URL): { agent: HttpAgent; via?: string } {
  if (base.protocol !== 'https:') return { agent: new HttpAgent({ keepAlive: true }) };
  const proxy = getProxyUrl(base);
  const agent = new HttpsAgent({ keepAlive: true });
  if (!proxy?.hostname) return { agent };
  // Node's agents take a connection handed to the callback, as well as one returned.
  (agent as unknown as { createConnection: unknown }).createConnection = (options: ConnectionOptions, cb: Callback) =>
    void tunnel(proxy, options, cb);
  return { agent, via: proxy.host };
}

/** A TLS connection to options.host:options.port, through `proxy` (CONNECT). */
function tunnel(proxy: URL, options: ConnectionOptions, cb: Callback): void {
  const target = `${options.host}:${options.port}`;
  const headers: Record<string, string> = { host: target };
  if (proxy.username || proxy.password) {
    const user = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    headers['proxy-authorization'] = `Basic ${Buffer.from(user).toString('base64')}`;
  }
  const send = proxy.protocol === 'https:' ? httpsRequest : httpRequest;
  const port = proxy.port || (proxy.protocol === 'https:' ? '443' : '80');
  const req = send({ host: proxy.hostname, port, method: 'CONNECT', path: target, headers, agent: false });
  req.once('connect', (res, socket) => {
    if (res.statusCode !== 200) {
      socket.destroy();
      cb(Object.assign(new Error(`the proxy answered ${res.statusCode} to CONNECT`), { code: 'EPROXY' }));
      return;
    }
    const tls = tlsConnect({ ...options, socket });
    tls.once('secureConnect', () => cb(null, tls));
    tls.once('error', (err) => cb(err));
  });
  req.once('error', (err) => cb(err));
  req.end();
}
