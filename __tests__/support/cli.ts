/**
 * Runs the bundled CLI as a user does: `node dist/cli/index.js <argv>` in a child process, with
 * its own stdin, environment (HOME in a scratch dir, nothing inherited but PATH) and working
 * directory. Every run is held to the no-leak rule: no fake token, nor a piece of one, in stderr,
 * nor in stdout unless the test says stdout is the credentials it asked for (`--out -`).
 * `runCliInProcess` runs the same command line through src/cli/main.ts in this process, so that
 * coverage sees the verbs a test drives; `CLI_WAYS` runs a file's cases both ways.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CliDeps, processDeps } from '../../src/cli/deps.js';
import { runCli as runInProcess } from '../../src/cli/main.js';
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
  const result = await runProgram(stepNode, [opts.entry ?? cliEntry, ...argv], { ...opts, env, cwd: opts.cwd ?? home });
  assertNoLeak(
    { stdout: opts.secretsOnStdout ? '' : result.stdout, stderr: result.stderr, summary: '' },
    opts.secrets ?? [],
  );
  return result;
}

/** A program in a child process with exactly this environment and folder: its exit code and output. */
export async function runProgram(
  file: string,
  args: readonly string[],
  opts: Pick<CliOptions, 'stdin' | 'timeoutMs'> & { env: Record<string, string>; cwd: string },
): Promise<CliResult> {
  const child = spawn(file, [...args], { env: opts.env, cwd: opts.cwd });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  // A CLI may stop reading before the end (input over its limit): the rest of the pipe is refused.
  child.stdin.on('error', () => {});
  if (typeof opts.stdin === 'function') opts.stdin(child);
  else child.stdin.end(opts.stdin ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 20_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

/** The two ways a file's cases run: the bundle as a user runs it, and the sources in process. */
export const CLI_WAYS = ['through the bundle', 'in process'] as const;
export type CliWay = (typeof CLI_WAYS)[number];

/**
 * The command line through src/cli/main.ts, in this process: the same environment, working
 * directory and stdin (its lines answer the questions) as runCli gives the bundle, the output
 * captured and held to the same no-leak rule.
 */
export async function runCliInProcess(argv: readonly string[], opts: CliOptions = {}): Promise<CliResult> {
  if (typeof opts.stdin === 'function') throw new Error('runCliInProcess takes stdin as a string');
  const home = opts.env?.HOME ?? scratchHome();
  const input = opts.stdin ?? '';
  const answers = input.split('\n');
  let stdout = '';
  const err: string[] = [];
  const deps: CliDeps = {
    ...processDeps(),
    env: { PATH: process.env.PATH ?? '', HOME: home, RUNNER_DEBUG: '1', ...opts.env },
    stdout: (text) => {
      stdout += text;
    },
    stderr: (line) => err.push(...line.split('\n')),
    stdin: async () => Buffer.from(input),
    stdoutIsTerminal: () => false,
    ask: async (question) => {
      err.push(question);
      return answers.shift() ?? '';
    },
    fetch,
    secrets: new Set(),
  };
  const cwd = process.cwd();
  process.chdir(opts.cwd ?? home);
  let code: number;
  try {
    code = await runInProcess(argv, deps);
  } finally {
    process.chdir(cwd);
  }
  const stderr = err.map((l) => `${l}\n`).join('');
  assertNoLeak({ stdout: opts.secretsOnStdout ? '' : stdout, stderr, summary: '' }, opts.secrets ?? []);
  return { code, stdout, stderr };
}

/** runCli or runCliInProcess, as `way` says. */
export function runCliBy(way: CliWay, argv: readonly string[], opts: CliOptions = {}): Promise<CliResult> {
  return way === 'in process' ? runCliInProcess(argv, opts) : runCli(argv, opts);
}
