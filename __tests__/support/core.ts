/**
 * A Core that records what the broker tells the runner, for tests that run the logic
 * in-process. Inputs come from INPUT_* variables of `env`, as @actions/core reads them.
 */
import type { Core, Env, Summary } from '../../src/deps.js';

export interface RecordingCore extends Core {
  /** Every line as the runner would see it: plain text, or `::command::message`. */
  lines: string[];
  outputs: Record<string, string>;
  exported: Record<string, string>;
  state: Record<string, string>;
  /** Values given to setSecret, in order. */
  masks: string[];
  /** The message of setFailed, when it was called. */
  failed?: string;
  /** Rows of the summary tables written. */
  summaryRows: unknown[][];
}

export function recordingCore(env: Env = {}): RecordingCore {
  const command = (name: string, message: string): void => {
    rec.lines.push(`::${name}::${message}`);
  };
  let pending: unknown[][] = [];
  const summary: Summary = {
    addHeading: () => summary,
    addTable: (rows) => {
      pending.push(...rows);
      return summary;
    },
    write: async () => {
      rec.summaryRows.push(...pending);
      pending = [];
      return summary;
    },
  };
  const rec: RecordingCore = {
    lines: [],
    outputs: {},
    exported: {},
    state: {},
    masks: [],
    summaryRows: [],
    getInput: (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
    setSecret: (value) => {
      rec.masks.push(value);
      command('add-mask', value);
    },
    setOutput: (name, value) => {
      rec.outputs[name] = value;
    },
    exportVariable: (name, value) => {
      rec.exported[name] = value;
      env[name] = value;
    },
    saveState: (name, value) => {
      rec.state[name] = value;
    },
    getState: (name) => rec.state[name] ?? env[`STATE_${name}`] ?? '',
    info: (message) => rec.lines.push(message),
    warning: (message) => command('warning', message),
    error: (message) => command('error', message),
    debug: (message) => command('debug', message),
    isDebug: () => env.RUNNER_DEBUG === '1',
    setFailed: (message) => {
      rec.failed = message;
      command('error', message);
    },
    summary,
  };
  return rec;
}
