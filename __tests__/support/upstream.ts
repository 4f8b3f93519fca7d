/**
 * A stand-in for a provider's inference API behind the credential proxy: it records every request
 * it receives (headers and body), answers as the test says (by default a JSON echo of nothing
 * secret), and counts the answers whose client went away before they ended.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer, readBody } from './http.js';

export interface UpstreamRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Upstream {
  url: string;
  requests: UpstreamRequest[];
  /** Answers the next requests; the default is 200 `{"type":"message"}` with a request id. */
  handler?: (req: UpstreamRequest, res: ServerResponse) => void | Promise<void>;
  /** Answers whose client went away before they ended. */
  aborted: number;
  /** Resolves once `aborted` reaches n. */
  abortedAt(n: number): Promise<void>;
  close(): Promise<void>;
}

export async function startUpstream(): Promise<Upstream> {
  const waiting: Array<{ n: number; resolve: () => void }> = [];
  const up: Upstream = {
    url: '',
    requests: [],
    aborted: 0,
    abortedAt: (n) =>
      new Promise((resolve) => {
        if (up.aborted >= n) resolve();
        else waiting.push({ n, resolve });
      }),
    close: () => closeServer(server),
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = (await readBody(req)).toString('utf8');
    const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
    up.requests.push(recorded);
    res.on('close', () => {
      if (res.writableFinished) return;
      up.aborted++;
      for (const w of waiting.filter((x) => up.aborted >= x.n)) w.resolve();
    });
    if (up.handler) return up.handler(recorded, res);
    res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'req_0001' });
    res.end(JSON.stringify({ type: 'message', received: body.length }));
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  up.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return up;
}

/** An answer of the Messages API as Claude Code asks for it (`"stream": true`): server-sent events saying `text`. */
export function messagesStream(text: string): NonNullable<Upstream['handler']> {
  const event = (name: string, data: object): string => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
  return (req, res) => {
    const model = (JSON.parse(req.body || '{}') as { model?: string }).model ?? 'claude-sonnet-4-5';
    const message = { id: 'msg_01', type: 'message', role: 'assistant', model, content: [], stop_reason: null };
    res.writeHead(200, { 'content-type': 'text/event-stream', 'request-id': 'req_0001' });
    res.write(event('message_start', { type: 'message_start', message: { ...message, usage: { input_tokens: 5 } } }));
    res.write(
      event('content_block_start', {
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'text', text: '' },
      }),
    );
    res.write(
      event('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }),
    );
    res.write(event('content_block_stop', { type: 'content_block_stop', index: 0 }));
    const delta = { stop_reason: 'end_turn', stop_sequence: null };
    res.write(event('message_delta', { type: 'message_delta', delta, usage: { output_tokens: 3 } }));
    res.end(event('message_stop', { type: 'message_stop' }));
  };
}
