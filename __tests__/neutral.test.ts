// Text from outside made safe for the log, and secrets redacted even in pieces.
import { redact } from '../src/core/errors.js';
import { defuse, logSafe, neutral } from '../src/core/neutral.js';
import { jest } from '@jest/globals';
import * as actions from '@actions/core';
import { fakeJwt, fakeToken } from './support/fake-tokens.js';

/** Lines the runner would take as workflow commands: `::x::` after blanks, or `##[x]` anywhere. */
const commands = (out: string): string[] => out.split(/\r\n|\r|\n/).filter((l) => /^\s*::|##\[/.test(l));

describe('neutral', () => {
  it.each([
    ['::stop-commands::x', ':%3Astop-commands:%3Ax'],
    ['a\n::error::b', 'a :%3Aerror:%3Ab'],
    ['a\r::add-mask::b', 'a :%3Aadd-mask:%3Ab'],
    ['::::', ':%3A:%3A'],
    [':::', ':%3A:'],
    ['##[add-mask]x', '#%23[add-mask]x'],
    ['a\u2028b\u202ec\u0000d\u001b[31me', 'a b c d [31me'],
    ['2026-01-31T12:00:00Z', '2026-01-31T12:00:00Z'],
  ])('%j → %j', (text, safe) => expect(neutral(text)).toBe(safe));

  it('takes a field that is not a string after all', () => {
    expect(neutral(5 as unknown as string)).toBe('5');
    expect(neutral(undefined as unknown as string)).toBe('undefined');
  });

  it('bounds the length and is idempotent', () => {
    const long = '::x'.repeat(200);
    expect(neutral(long, 50)).toHaveLength(50);
    expect(neutral(long, 50).endsWith('…')).toBe(true);
    expect(neutral(neutral(long))).toBe(neutral(long));
    expect(defuse(defuse('a::b##[c'))).toBe(defuse('a::b##[c'));
    // Cut before a character outside the basic plane, never through it.
    const emoji = `${'x'.repeat(8)}\u{1F510}tail`;
    expect(neutral(emoji, 10)).toBe(`${'x'.repeat(8)}…`);
    expect(neutral(emoji, 11)).toBe(`${'x'.repeat(8)}\u{1F510}…`);
  });

  it('never leaves a command opener, whatever the input', () => {
    const pieces = [':', '::', '#', '##', '[', '\n', '\r', ' ', 'x', '\u2028', '\t'];
    for (let n = 0; n < 2000; n++) {
      let text = '';
      for (let i = 0; i < 12; i++) text += pieces[(n * 7 + i * 13 + ((n >> i) & 3)) % pieces.length];
      const safe = neutral(text);
      expect(safe).not.toMatch(/::|##\[|[\r\n\u2028]/);
    }
  });
});

describe('the runner sink', () => {
  it('a plain line never carries a workflow command, whoever wrote the message', () => {
    let out = '';
    // The real sink: @actions/core writing to this process's stdout.
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((s) => {
      out += String(s);
      return true;
    });
    const exitCode = process.exitCode;
    const core = logSafe(actions);
    core.info('fine');
    core.info('x\n::stop-commands::resume');
    core.info('  ::add-mask::nothing');
    core.info('y\r##[set-output name=a]b');
    core.warning('w\n::error::z');
    core.error('e\r\n::stop-commands::t');
    core.setFailed('f\n##[add-mask]v');
    expect(commands(out).map((l) => /^::[a-z-]+::/.exec(l)?.[0])).toEqual(['::warning::', '::error::', '::error::']);
    write.mockRestore();
    process.exitCode = exitCode;
    expect(out).toContain('fine\n');
  });
});

describe('redact', () => {
  const refresh = fakeToken('anthropic-refresh');
  const secret = fakeToken('pat');

  it('removes whole secrets and every run of 8 or more characters of one', () => {
    const echoed = `bad token ${refresh.slice(5, 25)}, client ${secret.slice(3, 15)} and ${refresh.slice(-8)}.`;
    const out = redact(echoed, [refresh, secret]);
    expect(out).toBe('bad token ***, client *** and ***.');
    expect(redact(`x${refresh}y`, [refresh])).toBe('x***y');
  });

  it('leaves runs of 7 characters, and words of its own', () => {
    const seven = refresh.slice(20, 27);
    expect(redact(`near ${seven} miss`, [refresh])).toBe(`near ${seven} miss`);
    expect(redact('invalid_grant: refresh_token reused', [refresh])).toBe('invalid_grant: refresh_token reused');
  });

  it('redacts pieces of the tokens inside a JSON document, not its field names', () => {
    const doc = JSON.stringify({ refresh_token: refresh, scope: 'user:inference' });
    expect(redact(`refresh_token was ${refresh.slice(10, 30)}`, [doc])).toBe('refresh_token was ***');
  });

  it('redacts what is shaped like a token it was never told of: a JWT after any separator', () => {
    const jwt = fakeJwt({ exp: 1 });
    for (const before of [' ', '"', '=', ':', '\n', '%20', '\\n'])
      expect(redact(`id${before}${jwt} end`, [])).toBe(`id${before}*** end`);
  });

  it("leaves the claim names of a value's marker readable, and still redacts its tokens", () => {
    const claim = 'OAUTH_BROKER_B1202F0A9C3D44E5F607_0';
    const doc = JSON.stringify({
      claudeAiOauth: { refreshToken: refresh },
      oauth_broker: { at: '2026-12-06T10:00:00Z', claims: [{ name: claim, at: 1 }] },
    });
    const line = `credentials: the variable ${claim} beside it is not a claim; delete it. Was ${refresh.slice(5, 30)}`;
    expect(redact(line, [doc])).toBe(`credentials: the variable ${claim} beside it is not a claim; delete it. Was ***`);
  });

  it('adjacent and overlapping pieces of several secrets become one mark', () => {
    const a = 'A1b2C3d4E5f6G7h8';
    const b = 'Z9y8X7w6V5u4T3s2';
    expect(redact(`<${a.slice(2)}${b.slice(0, 9)}>`, [a, b])).toBe('<***>');
  });

  it('is fast enough for every log line', () => {
    const secrets = Array.from({ length: 20 }, () => fakeToken('anthropic-refresh').repeat(3));
    const text = 'x'.repeat(2000) + secrets[7].slice(40, 60);
    const started = performance.now();
    for (let i = 0; i < 50; i++) expect(redact(text, secrets).endsWith('***')).toBe(true);
    // A provider's error text of one long run holding many `eyJ` (each once scanned to the run's end).
    const hostile = `${'eyJ'.repeat(70_000)}abc`;
    expect(redact(`said: ${hostile}`, [])).toBe(`said: ${hostile}`);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
