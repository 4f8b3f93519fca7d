// The runner's workflow-command protocol, spoken exactly as @actions/core 3 speaks it.
// Why not @actions/core itself: its entry eagerly loads an HTTP client (for OIDC) that
// costs ~50 ms of start-up, over twice a bare `node -e 0`; the hot path needs none of it.
// __tests__/runner.test.ts proves both write the same files and stdout.
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';
import { defuse } from './neutral.js';

/** The slice of @actions/core the broker uses; injected so the logic tests without a runner. */
export interface Core {
  getInput(name: string): string;
  setSecret(value: string): void;
  setOutput(name: string, value: string): void;
  exportVariable(name: string, value: string): void;
  saveState(name: string, value: string): void;
  getState(name: string): string;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  debug(message: string): void;
  isDebug(): boolean;
  /** Appends markdown to the job summary (no-op outside a runner). */
  appendSummary(markdown: string): void;
  setFailed(message: string): void;
}

export type Env = Record<string, string | undefined>;

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function createRunner(
  env: Env = process.env,
  write: (s: string) => void = (s) => process.stdout.write(s),
  setExitCode: (code: number) => void = (code) => {
    process.exitCode = code;
  },
): Core {
  const command = (name: string, message: string, props: Record<string, string> = {}): void => {
    const p = Object.entries(props)
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}=${escapeProperty(v)}`)
      .join(',');
    write(`::${name}${p ? ` ${p}` : ''}::${escapeData(message)}${EOL}`);
  };
  // A file command, or the legacy stdout command when the runner gave no file.
  const fileCommand = (file: 'OUTPUT' | 'ENV' | 'STATE', legacy: string, key: string, value: string): void => {
    const path = env[`GITHUB_${file}`];
    if (path) {
      const delimiter = `ghadelimiter_${randomUUID()}`;
      if (key.includes(delimiter) || value.includes(delimiter))
        throw new Error('value contains the file-command delimiter');
      appendFileSync(path, `${key}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
    } else {
      if (legacy === 'set-output') write(EOL);
      command(legacy, value, { name: key });
    }
  };
  return {
    getInput: (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
    setSecret: (value) => command('add-mask', value),
    setOutput: (name, value) => fileCommand('OUTPUT', 'set-output', name, value),
    exportVariable: (name, value) => {
      env[name] = value;
      fileCommand('ENV', 'set-env', name, value);
    },
    saveState: (name, value) => fileCommand('STATE', 'save-state', name, value),
    getState: (name) => env[`STATE_${name}`] ?? '',
    // The one guarantee no caller can forget: a plain line never carries a workflow command.
    // Command data needs none: escapeData keeps it on the command's own line.
    info: (message) => write(defuse(message) + EOL),
    warning: (message) => command('warning', message),
    error: (message) => command('error', message),
    debug: (message) => command('debug', message),
    isDebug: () => env.RUNNER_DEBUG === '1',
    appendSummary: (markdown) => {
      const path = env.GITHUB_STEP_SUMMARY;
      if (path) appendFileSync(path, markdown, 'utf8');
    },
    setFailed: (message) => {
      setExitCode(1);
      command('error', message);
    },
  };
}
