/**
 * TLS servers on 127.0.0.1 whose certificates the runner does not trust, for the "not sent"
 * failures: the material in ./tls/ is a throwaway CA and a certificate it signed for 127.0.0.1
 * (P-256, valid 2000-2099, made once with `openssl ca`), checked in so no test needs openssl.
 */
import { readFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, request as httpRequest } from 'node:http';
import { createServer, type ServerOptions } from 'node:https';
import { type AddressInfo, createServer as createTcpServer, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { closeServer } from './http.js';

const file = (name: string): string => fileURLToPath(new URL(`./tls/${name}`, import.meta.url));

/** The CA's certificate: what NODE_EXTRA_CA_CERTS (or undici's `connect.ca`) names to trust the servers below. */
export const CA_FILE = file('ca.pem');
export const CA = readFileSync(CA_FILE);
const CA_KEY = readFileSync(file('ca.key.pem'));
const LEAF = readFileSync(file('127.0.0.1.pem'));
const LEAF_KEY = readFileSync(file('127.0.0.1.key.pem'));

/**
 * What the server presents: the certificate for 127.0.0.1 alone (an unknown issuer), with its CA
 * (a self-signed root in the chain), or the CA's own self-signed certificate, which names no host.
 */
export type Presented = 'leaf' | 'chain' | 'self-signed';

export interface TlsServer {
  /** https://127.0.0.1:<port> */
  url: string;
  port: number;
  /** Requests that arrived, i.e. got past the handshake. */
  requests: number;
  /** TCP connections accepted, handshake or not. */
  connections: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 and counts; `answer` handles what gets through (default: 200 "ok"). */
export async function startTlsServer(
  presented: Presented = 'leaf',
  answer: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end('ok'),
  options: ServerOptions = {},
): Promise<TlsServer> {
  const identity =
    presented === 'self-signed'
      ? { key: CA_KEY, cert: CA }
      : { key: LEAF_KEY, cert: presented === 'chain' ? Buffer.concat([LEAF, CA]) : LEAF };
  const counts = { requests: 0, connections: 0 };
  const server = createServer({ ...identity, ...options }, (req, res) => {
    counts.requests += 1;
    answer(req, res);
  });
  server.on('connection', () => void (counts.connections += 1));
  // A handshake the client gives up on is the point of these servers, not an error.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    get requests() {
      return counts.requests;
    },
    get connections() {
      return counts.connections;
    },
    close: () => closeServer(server),
  };
}

/** A TLS front for a plain-http stand-in on 127.0.0.1: what gets through is passed on to it as is. */
export function startTlsFront(target: string, presented: Presented = 'leaf'): Promise<TlsServer> {
  const { port } = new URL(target);
  return startTlsServer(presented, (req, res) => {
    const upstream = httpRequest(
      { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
}

/** A TCP server that takes every connection's first bytes (a TLS ClientHello) and resets it. */
export async function startResetter(): Promise<{ port: number; close(): Promise<void> }> {
  const server = createTcpServer((socket: Socket) => {
    socket.on('error', () => undefined);
    socket.once('data', () => socket.resetAndDestroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
