// What a CLI verb is given, so each one tests in-process and runs the same way as a bundle.
import type { Env } from '../core/env.js';
import { sleep } from '../core/duration.js';
import { neutral } from '../core/neutral.js';
import { brokerFetch } from '../core/proxy.js';

export interface Ran {
  code: number;
  stdout: string;
}

export interface CliDeps {
  env: Env;
  platform: NodeJS.Platform;
  /** The machine result: credentials with `--out -`, sealed JSON, `--json`. Nothing else. */
  stdout(text: string): void;
  /** One human line, made safe for a terminal and a workflow log on the way out. */
  stderr(line: string): void;
  /**
   * Standard input until it ends, or until more than `limit` bytes came (then `limit` + 1 of
   * them): an endless input (`< /dev/zero`) is refused, not read into memory.
   */
  stdin(limit: number): Promise<Buffer>;
  /** Whether stdout is a terminal, where credentials (`--out -`) would be on screen. */
  stdoutIsTerminal(): boolean;
  /** Asks on stderr and reads one line of standard input (a pasted code or URL). */
  ask(question: string): Promise<string>;
  /**
   * Runs a program without a shell (`security`, `gh`, a browser); never throws. It is stopped
   * after 30 s unless `timeoutMs` says otherwise (0: never, for a browser that stays open).
   */
  run(file: string, args: readonly string[], options?: { timeoutMs?: number }): Promise<Ran>;
  fetch: typeof fetch;
  /** Every token the verb has read or received: redacted from any error it prints. */
  secrets: Set<string>;
  now(): number;
  sleep(ms: number): Promise<void>;
}

// A human line keeps its text but never a control character (terminal escapes) or a
// workflow command (the CLI may run inside a job).
const HUMAN_LINE_CHARS = 4000;

let lines: AsyncIterator<string> | undefined;

// Loaded at the first question, like child_process below: status and seal ask none.
async function stdinLines(): Promise<AsyncIterator<string>> {
  const { createInterface } = await import('node:readline');
  lines ??= createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })[Symbol.asyncIterator]();
  return lines;
}

/** Standard input, as its chunks come, until it ends or passes `limit` bytes. */
async function readStdin(limit: number): Promise<Buffer> {
  // On a terminal, a verb waiting for input would look like a hang.
  if (process.stdin.isTTY) {
    process.stderr.write('Reading standard input: paste the credentials, then Ctrl-D (or give --from FILE).\n');
  }
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const chunk of process.stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(b);
    n += b.length;
    // Leaving the loop destroys the stream: nothing more is read.
    if (n > limit) break;
  }
  return Buffer.concat(chunks).subarray(0, limit + 1);
}

/** What a verb gets when `oauth-broker` runs: this process's streams, environment and clock. */
export function processDeps(): CliDeps {
  const stderr = (line: string): void => {
    for (const l of line.split(/\r?\n/)) process.stderr.write(`${neutral(l, HUMAN_LINE_CHARS)}\n`);
  };
  return {
    env: process.env,
    platform: process.platform,
    stdout: (text) => process.stdout.write(text),
    stderr,
    stdin: readStdin,
    stdoutIsTerminal: () => process.stdout.isTTY === true,
    ask: async (question) => {
      process.stderr.write(neutral(question, HUMAN_LINE_CHARS));
      const next = await (await stdinLines()).next();
      // A terminal echoes the answer and its newline; from a pipe, the question's line is ended here.
      if (question && !process.stdin.isTTY) process.stderr.write('\n');
      return next.done ? '' : next.value;
    },
    run: async (file, args, options) => {
      // Loaded here, not at start-up: child_process alone costs a start a tenth of `node -e 0`.
      const { execFile } = await import('node:child_process');
      return new Promise((resolve) => {
        execFile(file, [...args], { encoding: 'utf8', timeout: options?.timeoutMs ?? 30_000 }, (err, stdout) => {
          const code = err ? (typeof err.code === 'number' ? err.code : 127) : 0;
          resolve({ code, stdout: String(stdout ?? '') });
        });
      });
    },
    fetch: brokerFetch(process.env),
    secrets: new Set(),
    now: Date.now,
    sleep,
  };
}
