/**
 * A recording forward proxy on loopback that inspects TLS, as many corporate ones do: it answers
 * CONNECT (what undici's ProxyAgent, @actions/http-client and the Azure SDK send for https URLs),
 * terminates TLS with a certificate of its own CA, and forwards the plain requests to 127.0.0.1 on
 * the port asked for. So the stand-ins (plain http on loopback) are reached as https://NAME.invalid,
 * names the action cannot resolve by itself, with the CA trusted through NODE_EXTRA_CA_CERTS.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';

/** The names the proxy's certificate is valid for. */
export const PROXIED_HOSTS = ['provider.invalid', 'api.invalid', 'results.invalid'];

export interface ProxyServer {
  /** http://127.0.0.1:<port> */
  url: string;
  /** The CA to trust (NODE_EXTRA_CA_CERTS). */
  caFile: string;
  /** `host:port` of every tunnel asked for, in order. */
  seen: string[];
  /** Hosts (name without port) the proxy refuses with 403 before connecting. */
  refuse: Set<string>;
  close(): Promise<void>;
}

/** A CA and a certificate for PROXIED_HOSTS signed by it, made with openssl. */
function certificates(dir: string): { key: Buffer; cert: Buffer; caFile: string } {
  const f = (name: string): string => join(dir, name);
  const ssl = (...args: string[]): void => void execFileSync('openssl', args, { stdio: 'ignore' });
  ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    f('ca.key'),
    '-out',
    f('ca.pem'),
    '-days',
    '1',
    '-subj',
    '/CN=test CA',
  );
  ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('leaf.key'), '-out', f('leaf.csr'), '-subj', '/CN=proxy');
  writeFileSync(f('ext'), `subjectAltName=${PROXIED_HOSTS.map((h) => `DNS:${h}`).join(',')}\n`);
  ssl(
    'x509',
    '-req',
    '-in',
    f('leaf.csr'),
    '-CA',
    f('ca.pem'),
    '-CAkey',
    f('ca.key'),
    '-CAcreateserial',
    '-days',
    '1',
    '-extfile',
    f('ext'),
    '-out',
    f('leaf.pem'),
  );
  return { key: readFileSync(f('leaf.key')), cert: readFileSync(f('leaf.pem')), caFile: f('ca.pem') };
}

export async function startProxy(): Promise<ProxyServer> {
  const dir = mkdtempSync(join(tmpdir(), 'oauth-broker-proxy-'));
  const { key, cert, caFile } = certificates(dir);
  const seen: string[] = [];
  const refuse = new Set<string>();
  const sockets = new Set<Socket>();
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  // Only tunnels: a request in absolute form would be plain http, which the action never sends.
  const server: Server = createServer((_req, res) => res.writeHead(405).end());
  server.on('connection', track);
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const hostPort = req.url ?? '';
    seen.push(hostPort);
    const at = hostPort.lastIndexOf(':');
    const host = hostPort.slice(0, at);
    if (refuse.has(host) || !PROXIED_HOSTS.includes(host)) {
      return void client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
    }
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) client.unshift(head);
    const inside = new TLSSocket(client, { isServer: true, key, cert });
    const upstream = connect(Number(hostPort.slice(at + 1)), '127.0.0.1');
    track(upstream);
    inside.pipe(upstream).pipe(inside);
    const end = (): void => {
      inside.destroy();
      upstream.destroy();
    };
    for (const s of [inside, upstream, client]) s.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    caFile,
    seen,
    refuse,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
