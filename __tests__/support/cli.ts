/**
 * Runs the bundled CLI as a user does: `node dist/cli/index.js <argv>` in a child process, with
 * its own stdin, environment (HOME in a scratch dir, nothing inherited but PATH) and working
 * directory. Every run is held to the no-leak rule: no fake token, nor a piece of one, in stderr,
 * nor in stdout unless the test says stdout is the credentials it asked for (`--out -`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertNoLeak } from './leaks.js';
import { repoRoot, stepNode } from './runner.js';

export const cliEntry = join(repoRoot, 'dist', 'cli', 'index.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Written to stdin, which is then closed; a function gets the child to write to as it runs. */
  stdin?: string | ((child: import('node:child_process').ChildProcessWithoutNullStreams) => void);
  env?: Record<string, string>;
  cwd?: string;
  /** stdout is the machine result holding secrets (credentials with --out -): not checked for leaks. */
  secretsOnStdout?: boolean;
  /** More values that must appear in no output. */
  secrets?: string[];
  timeoutMs?: number;
  /** Another copy of the bundle's entry point (e.g. one with chunks removed). */
  entry?: string;
}

/** A fresh HOME: nothing of the developer's own logins is ever read. */
export function scratchHome(): string {
  return mkdtempSync(join(tmpdir(), 'oauth-broker-cli-'));
}

export async function runCli(argv: readonly string[], opts: CliOptions = {}): Promise<CliResult> {
  const home = opts.env?.HOME ?? scratchHome();
  const env = { PATH: process.env.PATH ?? '', HOME: home, RUNNER_DEBUG: '1', ...opts.env };
  const child = spawn(stepNode, [opts.entry ?? cliEntry, ...argv], { env, cwd: opts.cwd ?? home });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  if (typeof opts.stdin === 'function') opts.stdin(child);
  else child.stdin.end(opts.stdin ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 20_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(timer);
  const result = { code, stdout, stderr };
  assertNoLeak({ stdout: opts.secretsOnStdout ? '' : stdout, stderr, summary: '' }, opts.secrets ?? []);
  return result;
}
