// src/proxy: proxy: true, the credential proxy: its start and stop from the steps (start.ts), its
// process (this entry point, daemon.ts, server.ts), what it forwards (guard.ts), its mid-job refresh
// through the action's own refresh path (renew.ts). May import: core, github, store, action, cli.
//
// The proxy process (dist/proxy), started by the main step with proxy: true (src/proxy/launch.ts).
// It reads the handoff from its stdin, serves (refreshing as a job would), says it is ready over IPC, and
// lets go of the main step.
// Its stdout and stderr are its log file: one line per request, never a header or a token.
import { existsSync } from 'node:fs';
import { sleep } from '../core/duration.js';
import { describeError } from '../core/errors.js';
import { proxyAwareFetch } from '../core/proxy.js';
import { alive, serve } from './daemon.js';
import { parseHandoff, type Ready } from './handoff.js';

const log = (line: string): void => void process.stdout.write(`${new Date().toISOString()} ${line}\n`);
const tell = (m: Ready): Promise<void> =>
  new Promise((resolve) => (process.send ? process.send(m, () => resolve()) : resolve()));

async function read(): Promise<string> {
  // Decoded whole: a character split across two pipe chunks would become two replacement characters.
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// The runner's terminal, if any, is not this process's business.
process.on('SIGHUP', () => undefined);
const handoff = parseHandoff(await read());
if (!handoff) {
  log('refusing to start: the handoff from the main step is unreadable');
  await tell({ error: 'the handoff from the main step is unreadable' });
  process.exit(1);
}
try {
  const daemon = await serve(handoff, {
    log,
    env: process.env,
    fetch: proxyAwareFetch(process.env, globalThis.fetch),
    now: Date.now,
    sleep,
    monotonic: () => performance.now(),
    alive,
    exists: existsSync,
    pollMs: 250,
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void daemon.stop(signal));
  await tell({ url: daemon.url });
  process.disconnect?.();
  await daemon.stopped;
  process.exit(0);
} catch (err) {
  const code = (err as NodeJS.ErrnoException).code;
  // The handoff's inputs are the main step's, already read once: a failure here is a bug or the port.
  const why = code ? `could not listen on 127.0.0.1 (${code})` : describeError(err, [handoff.accessToken]);
  log(`could not start: ${why}`);
  await tell({ error: why });
  process.exit(1);
}
