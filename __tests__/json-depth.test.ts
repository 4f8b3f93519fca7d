// Bounded JSON (src/core/json.ts): a stored value or credentials file nesting deeper than 64
// levels is one clear line naming the input, wherever it comes in, never a RangeError from a
// JSON.stringify that overflows the stack. The depth is counted without recursion. In-process,
// and through dist/ for the action's credentials input. The CLI's: __tests__/cli/json-depth.test.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseCredentials } from '../src/core/formats/index.js';
import { UserError } from '../src/core/errors.js';
import { checkJsonDepth, jsonDepth, MAX_JSON_DEPTH } from '../src/core/json.js';
import { fakeToken } from './support/fake-tokens.js';
import { runAction, unescapeCommandValue } from './support/runner.js';
import { jobs } from './support/jobs.js';
import { HOUR, REPO, SECRET, useStandIns } from './support/stand-ins.js';
import { runStep } from './support/step.js';

const PAT = fakeToken('pat');
const si = useStandIns(PAT, { cache: false });

/** Claude Code credentials whose JSON nests exactly `depth` levels (an extra field holds the nesting). */
function nested(depth: number, t: { accessToken: string; refreshToken: string }, ttlMs = 8 * HOUR): string {
  const inner = `${'['.repeat(depth - 2)}${']'.repeat(depth - 2)}`;
  const o = JSON.stringify({ ...t, expiresAt: Date.now() + ttlMs, scopes: ['user:inference'] });
  return `{"claudeAiOauth":${o.slice(0, -1)},"extra":${inner}}}`;
}

const tokens = () => ({ accessToken: fakeToken('anthropic-access'), refreshToken: fakeToken('anthropic-refresh') });
const refused = (depth: number, input = 'credentials'): string =>
  `${input}: the value nests JSON ${depth} levels deep, and the limit is 64; store the document the login wrote.`;

describe('jsonDepth', () => {
  it.each([
    ['"a"', 0],
    ['{}', 1],
    ['[[], {"a": [1]}]', 3],
    ['{"a": "[[[{{{"}', 1],
    ['{"a": "\\"[[["}', 1],
    ['["\\\\", ["x"]]', 2],
    ['{"a": "\\\\\\"[["}', 1],
  ])('%s nests %d', (text, depth) => {
    expect(jsonDepth(text)).toBe(depth);
    expect(jsonDepth(text)).toBe(depthByParsing(text));
  });

  it('counts a million levels without recursion', () => {
    expect(jsonDepth('['.repeat(1_000_000) + ']'.repeat(1_000_000))).toBe(1_000_000);
  });

  it(`takes ${MAX_JSON_DEPTH} levels and refuses one more, in one line naming the input`, () => {
    expect(() => checkJsonDepth(nested(64, tokens()), 'credentials', 'fix it.')).not.toThrow();
    expect(() => checkJsonDepth(nested(65, tokens()), '--from f.json', 'fix it.')).toThrow(
      new UserError(
        'OB_CREDENTIALS',
        '--from f.json: the value nests JSON 65 levels deep, and the limit is 64; fix it.',
      ),
    );
  });

  /** The depth of a parsed value, for the small cases above. */
  function depthByParsing(text: string): number {
    const walk = (v: unknown): number =>
      typeof v === 'object' && v !== null ? 1 + Math.max(0, ...Object.values(v).map(walk)) : 0;
    return walk(JSON.parse(text));
  }
});

describe('parseCredentials', () => {
  it('reads credentials nesting 64 levels', () => {
    const t = tokens();
    expect(parseCredentials(nested(64, t))).toMatchObject({ format: 'claude-code', ...t });
  });

  it.each([65, 6000, 200_000])('refuses %d levels before parsing, in one line', (depth) => {
    expect(() => parseCredentials(nested(depth, tokens()))).toThrow(new UserError('OB_CREDENTIALS', refused(depth)));
  });
});

describe('the action', () => {
  const { inputs } = jobs(si, PAT);

  it('refuses a credentials input 6000 levels deep in one line, before any call (dist)', async () => {
    const s = si.oauth.issue(['user:inference']);
    const credentials = nested(6000, s, -HOUR);
    si.gh.setRepoSecret(REPO, SECRET, credentials);
    const r = await runAction('main', { inputs: inputs(credentials, { mode: 'refresh' }) });
    expect(r.code).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    expect(errors.map((l) => unescapeCommandValue(l.slice(9)))).toEqual([refused(6000)]);
    expect(r.stdout).not.toMatch(/RangeError|call stack|bug in oauth-broker/);
    expect(r.stderr).toBe('');
    expect(si.oauth.requests).toEqual([]);
    expect(si.gh.requests).toEqual([]);
  });

  it('the post step, reading back a file the CLI made 6000 levels deep: the reason, no RangeError', async () => {
    const s = si.oauth.issue(['user:inference']);
    const credentials = nested(3, s);
    si.gh.setRepoSecret(REPO, SECRET, credentials);
    const given = inputs(credentials, { 'credentials-file': 'auto', 'client-refresh': 'true' });
    const main = await runStep('main', { inputs: given });
    expect(main.code).toBe(0);
    const path = main.outputs['credentials-file'];
    // The CLI rotated (a new refresh token), and wrote a file nesting 6000 levels.
    const rotated = si.oauth.issue(['user:inference']);
    const deep = nested(6000, rotated);
    writeFileSync(path, deep);
    const post = await runStep('post', { inputs: given, state: main.state, home: main.home });
    expect(post.code).toBe(1);
    expect(post.stdout).toMatch(/^::error::The CLI's rotated refresh token was not stored; .* keeps it \(0600\)/m);
    expect(post.stdout).toContain(`Why: ${refused(6000)}`);
    expect(post.stdout).not.toMatch(/RangeError|call stack|bug in oauth-broker/);
    expect(readFileSync(path, 'utf8')).toBe(deep);
    expect(si.gh.repoSecret(REPO, SECRET)!.value).toBe(credentials);
  });
});
