// A one-shot HTTP server on this machine's loopback interface for the browser's redirect
// (RFC 8252 §7.3): the first request to the callback path that carries this login's state ends
// it. Any other (no state, another: a local program, a page the browser shows) gets a plain 400
// and the login keeps waiting, so nobody but the authorization server can end it, not even with
// an error.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UserError } from '../../core/errors.js';
import { neutral } from '../../core/neutral.js';
import { isLoopbackHost } from '../../core/url.js';
import { ForeignAnswer } from './callback.js';

export interface Callback {
  /** The redirect URI with the port bound: one without a port gets a free one. */
  redirectUri: string;
  /** The code, from the first callback with this login's state; a UserError when that carries none. */
  code: Promise<string>;
  close(): void;
}

/** A redirect URI this CLI can listen on: plain http to this machine. */
export const isLoopback = (uri: URL): boolean => uri.protocol === 'http:' && isLoopbackHost(uri.hostname);

const page = (title: string, line: string): string =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><p>${line}</p>\n`;
const DONE = page('Logged in', 'oauth-broker has the code. Close this tab and return to the terminal.');
const FAILED = page('Login failed', 'oauth-broker could not use this answer. The terminal says why.');
const FOREIGN = 'This is not the answer to the login oauth-broker is waiting for; it was ignored.\n';

/**
 * Listens on the redirect URI's host and port; `codeOf` reads the callback's query (throwing a
 * ForeignAnswer when it is not this login's, which is ignored, or a UserError when it is this
 * login's but holds no code), and the browser is told in a word which it was.
 */
export async function listenOnce(redirectUri: string, codeOf: (query: URLSearchParams) => string): Promise<Callback> {
  const uri = new URL(redirectUri);
  // URL drops a default port (`:80`) as if none were given; only a missing one means "any".
  const port = uri.port || (/^http:\/\/[^/?#]*:\d+(?:[/?#]|$)/i.test(redirectUri) ? '80' : '');
  let settle: { resolve: (code: string) => void; reject: (err: unknown) => void } | undefined;
  const code = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://callback');
    if (req.method !== 'GET' || url.pathname !== uri.pathname || !settle) {
      // The browser asks for a favicon; anything but the callback leaves the login waiting.
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    let received: string;
    try {
      received = codeOf(url.searchParams);
    } catch (err) {
      if (err instanceof ForeignAnswer) {
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end(FOREIGN);
        return;
      }
      res.writeHead(400, { 'content-type': 'text/html; charset=utf-8', connection: 'close' }).end(FAILED);
      settle.reject(err);
      settle = undefined;
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', connection: 'close' }).end(DONE);
    settle.resolve(received);
    settle = undefined;
  });
  const host = uri.hostname === '[::1]' ? '::1' : '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      const why = err.code === 'EADDRINUSE' ? 'is in use' : `cannot be used (${neutral(err.code ?? 'error', 20)})`;
      const where = `${uri.hostname}:${port}`;
      reject(
        new UserError(
          'OB_LOGIN',
          `${where} ${why}, so the browser's redirect cannot reach this login; end what listens there, ` +
            'or pass --redirect-uri with another port.',
          { cause: err },
        ),
      );
    });
    server.listen(Number(port || 0), host, () => resolve());
  });
  const close = (): void => {
    server.close();
    server.closeAllConnections();
  };
  // As given when it names its port: the exchange must repeat it to the letter.
  if (port) return { redirectUri, code, close };
  const bound = new URL(uri);
  bound.port = String((server.address() as AddressInfo).port);
  return { redirectUri: bound.href, code, close };
}
