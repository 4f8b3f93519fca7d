// The one pattern of errors: a code, the input named first, the fix; input errors made only by the
// check helpers, and every code explained in docs/errors.md.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkBoolean,
  checkGiven,
  checkMatches,
  checkOneOf,
  conflict,
  invalid,
  isJsonObject,
  missing,
} from '../src/core/checks.js';
import { ERROR_CODES, UserError, reportFailure } from '../src/core/errors.js';
import { recordingCore } from './support/core.js';
import { repoRoot } from './support/runner.js';

const SRC = join(repoRoot, 'src');
const sources = (readdirSync(SRC, { recursive: true, encoding: 'utf8' }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: readFileSync(join(SRC, f), 'utf8') }));

/** What `fn` threw, as code and line. */
function thrown(fn: () => unknown): { code: string; message: string; details: readonly string[] } {
  try {
    fn();
  } catch (err) {
    if (err instanceof UserError) return { code: err.code, message: err.message, details: err.details };
    throw err;
  }
  throw new Error('nothing was thrown');
}

describe('check helpers', () => {
  it('checkOneOf and checkBoolean take what they list, and name the input and the value otherwise', () => {
    expect(checkOneOf('mode', 'check', ['auto', 'check'] as const)).toBe('check');
    expect(thrown(() => checkOneOf('mode', 'fast', ['auto', 'check']))).toEqual({
      code: 'OB_INPUT_INVALID',
      message: 'mode: "fast" is not one of auto, check.',
      details: [],
    });
    expect([checkBoolean('share', 'TRUE', false), checkBoolean('share', 'false', true)]).toEqual([true, false]);
    expect(checkBoolean('share', '', true)).toBe(true);
    expect(thrown(() => checkBoolean('share', 'yes', true)).message).toBe('share: "yes" is not true or false.');
  });

  it('checkMatches quotes a value from outside as one plain line', () => {
    expect(checkMatches('secret-org', 'my-org', /^[a-z-]+$/, 'an organization login')).toBe('my-org');
    const e = thrown(() => checkMatches('secret-org', 'a\n::error::b', /^[a-z-]+$/, 'an organization login', 'fix'));
    expect(e.code).toBe('OB_INPUT_INVALID');
    expect(e.message).not.toMatch(/\n|::error::/);
    expect(e.message).toMatch(/^secret-org: ".*" is not an organization login; fix\.$/);
  });

  it('checkGiven, missing and conflict carry their own codes', () => {
    expect(checkGiven('alert-token', 'x', 'it is empty')).toBe('x');
    expect(thrown(() => checkGiven('alert-token', '', 'it is empty', 'give one'))).toEqual({
      code: 'OB_INPUT_MISSING',
      message: 'alert-token: it is empty; give one.',
      details: [],
    });
    expect(missing('a', 'b', undefined, { details: 'why' }).details).toEqual(['why']);
    const both = conflict('proxy', 'provider oauth2 cannot be proxied', 'use proxy: false');
    expect([both.code, both.message]).toEqual([
      'OB_INPUT_CONFLICT',
      'proxy: provider oauth2 cannot be proxied; use proxy: false.',
    ]);
    expect(invalid('x', 'y', 'z', { details: ['d'] }).details).toEqual(['d']);
  });

  it('isJsonObject: an object, never null or an array', () => {
    expect([{}, { a: 1 }].map(isJsonObject)).toEqual([true, true]);
    expect([null, [], 'x', 1, undefined].map(isJsonObject)).toEqual([false, false, false, false, false]);
  });
});

describe('the pattern holds everywhere', () => {
  it('input errors are made only by src/core/checks.ts', () => {
    const byHand = sources
      .filter(({ file }) => !['core/checks.ts', 'core/errors.ts'].includes(file))
      .filter(({ text }) => /['"]OB_INPUT_/.test(text))
      .map(({ file }) => file);
    expect(byHand).toEqual([]);
  });

  it('no file spells a JSON object check of its own', () => {
    const own = sources
      .filter(({ file }) => file !== 'core/checks.ts')
      .filter(({ text }) => /typeof \w+ === 'object' && \w+ !== null && !Array\.isArray/.test(text))
      .map(({ file }) => file);
    expect(own).toEqual([]);
  });

  it('every code is used, and docs/errors.md explains each', () => {
    const docs = readFileSync(join(SRC, '..', 'docs', 'errors.md'), 'utf8');
    const all = sources.map(({ text }) => text).join('\n');
    for (const code of ERROR_CODES) {
      expect(all).toContain(`'${code}'`);
    }
    const documented = [...docs.matchAll(/^\| `(OB_[A-Z_]+)` +\|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...ERROR_CODES].sort());
  });

  it('a failure ends with its code and where the codes are explained', () => {
    const core = recordingCore({});
    const reported = reportFailure(
      core,
      invalid('min-ttl', '"x" is not a duration', 'use 30m', { details: 'why' }),
      [],
    );
    expect(reported.details).toEqual(['why', 'Error code OB_INPUT_INVALID (docs/errors.md).']);
    // An unexpected error is a bug: no code is made up for it.
    expect(reportFailure(recordingCore({}), new Error('boom'), []).details).toEqual([]);
  });
});
