/**
 * Runs a bundled action entry the way the GitHub runner does: a clean
 * environment, inputs as INPUT_* variables, file commands read back from the
 * files the step wrote. Tests exercise `dist/`, which is what users run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertNoLeak, inputSecrets } from './leaks.js';

export { assertNoLeak } from './leaks.js';

export type Entry = 'main' | 'post';

export interface RunResult {
  /** exit code; null when killed (see timedOut) */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** the run was killed after timeoutMs */
  timedOut: boolean;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  env: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  /** values of ::add-mask:: lines, unescaped */
  masks: string[];
  /** the temp dir holding the file-command files */
  dir: string;
  home: string;
  runnerTemp: string;
}

export interface RunOptions {
  /** kebab-case names as in action.yml */
  inputs?: Record<string, string>;
  /** added last: may override anything the harness sets */
  env?: Record<string, string>;
  /** becomes STATE_<name> */
  state?: Record<string, string>;
  /** RUNNER_DEBUG=1; default true */
  debug?: boolean;
  home?: string;
  /** RUNNER_TEMP; a fresh dir unless given (runMainThenPost shares one, as a job does) */
  runnerTemp?: string;
  /** default 30000 */
  timeoutMs?: number;
  /** run this file instead of dist/<entry>/index.js (harness tests); per entry for runMainThenPost */
  script?: string | Partial<Record<Entry, string>>;
  /** the running step, e.g. to send it the runner's cancel signals */
  onSpawn?: (child: ChildProcess) => void;
  /** Harness self-tests only: a run that prints a secret on purpose skips the no-leak check. */
  allowLeaks?: boolean;
}

/** The repository root: this file lives in <root>/__tests__/support/. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The Node that runs the step: OAUTH_BROKER_TEST_NODE (a path), else the one running the tests. */
export const stepNode = process.env.OAUTH_BROKER_TEST_NODE || process.execPath;

export function distEntry(entry: Entry): string {
  return join(repoRoot, 'dist', entry, 'index.js');
}

let scratchRoot: Promise<string> | undefined;

/** All temp dirs of this process live under one root so cleanupRuns() can remove them. */
async function scratch(prefix: string): Promise<string> {
  scratchRoot ??= mkdtemp(join(tmpdir(), 'oauth-broker-test-'));
  return mkdtemp(join(await scratchRoot, prefix));
}

/** Removes every temp dir the harness created in this process (call from afterAll). */
export async function cleanupRuns(): Promise<void> {
  const root = scratchRoot;
  scratchRoot = undefined;
  if (root) await rm(await root, { recursive: true, force: true });
}

/** The runner's name mangling: upper case, spaces to '_', hyphens kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * Parses a GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE file like the runner:
 * `name=value` lines and `name<<DELIMITER` heredocs; later assignments win.
 * Malformed content throws, as it fails the step on a real runner.
 */
export function parseFileCommands(text: string, file = 'file command'): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const equals = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      const name = line.slice(0, equals);
      if (name === '') throw new Error(`${file}: line ${i + 1} has an empty name`);
      result[name] = line.slice(equals + 1);
    } else if (heredoc >= 0) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      if (name === '' || delimiter === '') throw new Error(`${file}: line ${i + 1} has an empty name or delimiter`);
      const start = i + 1;
      let end = start;
      while (end < lines.length && lines[end] !== delimiter) end++;
      if (end >= lines.length) throw new Error(`${file}: matching delimiter not found for ${name} (line ${i + 1})`);
      result[name] = lines.slice(start, end).join('\n');
      i = end;
    } else {
      throw new Error(`${file}: line ${i + 1} is neither name=value nor name<<DELIMITER`);
    }
  }
  return result;
}

/** Undoes the workflow-command escaping in one pass, so '%250A' stays '%0A'. */
export function unescapeCommandValue(value: string): string {
  const map: Record<string, string> = { '%25': '%', '%0D': '\r', '%0A': '\n', '%3A': ':', '%2C': ',' };
  return value.replace(/%(?:25|0D|0A|3A|2C)/gi, (m) => map[m.toUpperCase()] ?? m);
}

const MASK = '::add-mask::';

function masksOf(stdout: string): string[] {
  return stdout
    .split(/\r?\n/)
    .filter((line) => line.startsWith(MASK))
    .map((line) => unescapeCommandValue(line.slice(MASK.length)));
}

function scriptFor(entry: Entry, script: RunOptions['script']): string {
  const chosen = typeof script === 'string' ? script : script?.[entry];
  return chosen ?? distEntry(entry);
}

/** A step's directory, file-command files and environment, as the runner gives them. */
export async function stepEnv(
  entry: Entry,
  opts: RunOptions,
): Promise<{
  dir: string;
  files: Record<string, string>;
  home: string;
  runnerTemp: string;
  env: Record<string, string>;
}> {
  const dir = await scratch(`${entry}-`);
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_PATH: join(dir, 'path'),
  };
  await Promise.all(Object.values(files).map((file) => writeFile(file, '')));
  const home = opts.home ?? join(dir, 'home');
  const runnerTemp = opts.runnerTemp ?? join(dir, 'runner-temp');
  await mkdir(home, { recursive: true });
  await mkdir(runnerTemp, { recursive: true });

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    RUNNER_TEMP: runnerTemp,
    ...files,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '1234567890',
    GITHUB_WORKFLOW: 'ci',
    RUNNER_OS: 'Linux',
  };
  for (const [name, value] of Object.entries(opts.inputs ?? {})) env[inputEnvName(name)] = value;
  for (const [name, value] of Object.entries(opts.state ?? {})) env[`STATE_${name}`] = value;
  // On unless a test says otherwise: no secret may appear in debug output either.
  if (opts.debug ?? true) env.RUNNER_DEBUG = '1';
  Object.assign(env, opts.env);

  return { dir, files, home, runnerTemp, env };
}

export async function runAction(entry: Entry, opts: RunOptions = {}): Promise<RunResult> {
  const script = scriptFor(entry, opts.script);
  if (!existsSync(script)) throw new Error(`${script} does not exist: run \`npm run bundle\` first`);

  const { dir, files, home, runnerTemp, env } = await stepEnv(entry, opts);

  const timeoutMs = opts.timeoutMs ?? 30000;
  const { code, signal, timedOut, stdout, stderr } = await new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    timedOut: boolean;
    stdout: string;
    stderr: string;
  }>((resolve, reject) => {
    const child = spawn(stepNode, [script], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    opts.onSpawn?.(child);
    let out = '';
    let err = '';
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode, exitSignal) => {
      clearTimeout(timer);
      resolve({ code: exitCode, signal: exitSignal, timedOut: killed, stdout: out, stderr: err });
    });
  });

  const read = (file: string): Promise<string> => readFile(file, 'utf8');
  const result: RunResult = {
    code,
    signal,
    timedOut,
    stdout,
    stderr,
    outputs: parseFileCommands(await read(files.GITHUB_OUTPUT), 'GITHUB_OUTPUT'),
    env: parseFileCommands(await read(files.GITHUB_ENV), 'GITHUB_ENV'),
    state: parseFileCommands(await read(files.GITHUB_STATE), 'GITHUB_STATE'),
    summary: await read(files.GITHUB_STEP_SUMMARY),
    masks: masksOf(stdout),
    dir,
    home,
    runnerTemp,
  };
  // Every run the harness drives is held to the no-leak rule, debug output included.
  if (!opts.allowLeaks) assertNoLeak(result, inputSecrets(opts.inputs));
  return result;
}

/**
 * Main, then post as one job runs them: post always runs, gets main's state as
 * STATE_*, its GITHUB_ENV exports (step env still wins), the same inputs,
 * HOME and RUNNER_TEMP.
 */
export async function runMainThenPost(opts: RunOptions): Promise<{ main: RunResult; post: RunResult }> {
  const job = await scratch('job-');
  const home = opts.home ?? join(job, 'home');
  const runnerTemp = opts.runnerTemp ?? join(job, 'runner-temp');
  const main = await runAction('main', { ...opts, home, runnerTemp });
  const post = await runAction('post', {
    ...opts,
    home,
    runnerTemp,
    state: { ...opts.state, ...main.state },
    env: { ...main.env, ...opts.env },
  });
  return { main, post };
}

/** Every non-empty secret was announced with ::add-mask:: exactly as it is. */
export function assertMasked(result: RunResult, secrets: string[]): void {
  const missing = secrets
    .map((secret, index) => ({ secret, index }))
    .filter(({ secret }) => secret !== '' && !result.masks.includes(secret))
    .map(({ secret, index }) => `secret #${index} (${secret.length} chars) was never masked`);
  expect(missing).toEqual([]);
}
