// The CLI's dependencies (src/cli/deps.ts) for in-process tests of its parts: no terminal, no network
// but the real fetch, and a clock that moves only when the code sleeps.
import type { CliDeps } from '../../src/cli/deps.js';

export interface TestDeps extends CliDeps {
  /** The lines written to stderr. */
  lines: string[];
  /** The lines written to stderr, each with the test clock's time then. */
  said: Array<{ at: number; line: string }>;
}

/** A clock that moves only when the code sleeps, from 2026-01-01; `over` replaces any part. */
export function testDeps(over: Partial<CliDeps> = {}): TestDeps {
  let now = Date.UTC(2026, 0, 1);
  const lines: string[] = [];
  const said: Array<{ at: number; line: string }> = [];
  return {
    env: {},
    platform: 'linux',
    stdout: () => {},
    stderr: (line) => {
      lines.push(line);
      said.push({ at: now, line });
    },
    stdin: async () => Buffer.alloc(0),
    stdoutIsTerminal: () => false,
    ask: async () => '',
    run: async () => ({ code: 0, stdout: '' }),
    fetch,
    secrets: new Set(),
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    lines,
    said,
    ...over,
  };
}
