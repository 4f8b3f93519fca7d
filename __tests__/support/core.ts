/**
 * A Core that records what the broker tells the runner, for tests that run the logic
 * in-process. Inputs come from INPUT_* variables of `env`, as @actions/core reads them.
 * Lines are kept as the runner's stdout would show them: command data escaped as
 * @actions/core escapes it, so the no-leak rule reads them exactly like a real log.
 */
import type { Env } from '../../src/core/env.js';
import type { Core, Summary } from '../../src/action/deps.js';

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
  /** The summary as written: headings and table cells, one per line. */
  summaryText: string;
  /**
   * Everything the step handed the runner, in order, with its value: `mask`, `line` (stdout),
   * `output`, `export`, `state`, `summary`. For ordering tests: a mask must come before anything
   * that carries its value.
   */
  events: Array<{ kind: 'mask' | 'line' | 'output' | 'export' | 'state' | 'summary'; value: string }>;
}

/** @actions/core's escaping of a command's data. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function recordingCore(env: Env = {}): RecordingCore {
  const command = (name: string, message: string): void => {
    rec.lines.push(`::${name}::${escapeData(message)}`);
    if (name !== 'add-mask') rec.events.push({ kind: 'line', value: message });
  };
  let pending: unknown[][] = [];
  let pendingText = '';
  const summary: Summary = {
    addHeading: (text) => {
      pendingText += `${text}\n`;
      return summary;
    },
    addTable: (rows) => {
      pending.push(...rows);
      for (const row of rows) pendingText += `${JSON.stringify(row)}\n`;
      return summary;
    },
    write: async () => {
      rec.summaryRows.push(...pending);
      rec.summaryText += pendingText;
      rec.events.push({ kind: 'summary', value: pendingText });
      pending = [];
      pendingText = '';
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
    summaryText: '',
    events: [],
    getInput: (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
    setSecret: (value) => {
      rec.masks.push(value);
      rec.events.push({ kind: 'mask', value });
      command('add-mask', value);
    },
    setOutput: (name, value) => {
      rec.outputs[name] = value;
      rec.events.push({ kind: 'output', value });
    },
    exportVariable: (name, value) => {
      rec.exported[name] = value;
      rec.events.push({ kind: 'export', value });
      env[name] = value;
    },
    saveState: (name, value) => {
      rec.state[name] = value;
      rec.events.push({ kind: 'state', value });
    },
    getState: (name) => rec.state[name] ?? env[`STATE_${name}`] ?? '',
    // A plain line the runner splits at each line break, as it does the step's stdout.
    info: (message) => {
      rec.lines.push(...message.split(/\r?\n/));
      rec.events.push({ kind: 'line', value: message });
    },
    warning: (message) => command('warning', message),
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
