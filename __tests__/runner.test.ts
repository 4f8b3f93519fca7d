// src/runner.ts must speak the runner's protocol exactly as @actions/core does.
import * as actionsCore from '@actions/core';
import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRunner, type Core } from '../src/runner.js';

type Files = Record<'GITHUB_OUTPUT' | 'GITHUB_ENV' | 'GITHUB_STATE' | 'GITHUB_STEP_SUMMARY', string>;

function files(): Files {
  const dir = mkdtempSync(join(tmpdir(), 'runner-'));
  const f = {} as Files;
  for (const k of ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'] as const) {
    f[k] = join(dir, k);
    writeFileSync(f[k], '');
  }
  return f;
}

const normalise = (s: string): string => s.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_X');
const read = (f: Files): string[] => Object.values(f).map((p) => normalise(readFileSync(p, 'utf8')));

// The same calls through either implementation.
function script(c: Core): void {
  c.setSecret('multi\nline%secret');
  c.setOutput('access-token', 'value with\nnewline');
  c.exportVariable('CLAUDE_CODE_OAUTH_TOKEN', 'tok:en,%');
  c.saveState('oauth-broker', '{"files":[]}');
  c.info('plain line');
  c.warning('careful: 50% done\r\n');
  c.debug('debug line');
  c.error('bad, very: bad');
}

describe('runner protocol', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    process.exitCode = undefined;
  });

  it('writes the same stdout and files as @actions/core', async () => {
    const theirs = files();
    Object.assign(process.env, theirs);
    const out: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
      out.push(String(s));
      return true;
    });
    try {
      script({
        ...actionsCore,
        getInput: (n: string) => actionsCore.getInput(n),
        isDebug: () => actionsCore.isDebug(),
        appendSummary: () => undefined,
      } as unknown as Core);
      actionsCore.summary.addRaw('| a | b |\n');
      await actionsCore.summary.write();
    } finally {
      spy.mockRestore();
    }

    const ours = files();
    const env: Record<string, string | undefined> = { ...ours };
    const ourOut: string[] = [];
    const runner = createRunner(env, (s) => ourOut.push(s));
    script(runner);
    runner.appendSummary('| a | b |\n');

    expect(normalise(ourOut.join(''))).toBe(normalise(out.join('')));
    expect(read(ours)).toEqual(read(theirs));
    expect(env.CLAUDE_CODE_OAUTH_TOKEN).toBe('tok:en,%');
  });

  it('reads inputs as the runner passes them: upper-cased, hyphens kept, trimmed', () => {
    const env = { 'INPUT_SECRET-NAME': '  CLAUDE_CREDS \n', INPUT_MIN_TTL: '5m' };
    const runner = createRunner(env, () => undefined);
    expect(runner.getInput('secret-name')).toBe('CLAUDE_CREDS');
    expect(runner.getInput('min ttl')).toBe('5m');
    expect(runner.getInput('absent')).toBe('');
    process.env = { ...saved, ...env };
    expect(actionsCore.getInput('secret-name')).toBe('CLAUDE_CREDS');
    expect(actionsCore.getInput('min ttl')).toBe('5m');
  });

  it('setFailed sets exit code 1 and prints one ::error:: line', () => {
    const out: string[] = [];
    let code = 0;
    createRunner(
      {},
      (s) => out.push(s),
      (c) => (code = c),
    ).setFailed('secret-name: bad\nsecond line');
    expect(code).toBe(1);
    expect(out).toEqual(['::error::secret-name: bad%0Asecond line\n']);
  });
});
