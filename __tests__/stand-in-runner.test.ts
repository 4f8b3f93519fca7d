/**
 * The runner harness (support/runner.ts) runs a step as the Actions runner does: a clean environment, file
 * commands parsed like the runner, and every run checked for leaked secrets.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeToken } from './support/fake-tokens.js';
import {
  assertMasked,
  assertNoLeak,
  cleanupRuns,
  distEntry,
  inputEnvName,
  parseFileCommands,
  repoRoot,
  runAction,
  runMainThenPost,
  unescapeCommandValue,
} from './support/runner.js';

describe('runner', () => {
  let fixtures: string;
  const fixture = (name: string): string => join(fixtures, name);

  beforeAll(async () => {
    fixtures = await mkdtemp(join(tmpdir(), 'oauth-broker-fixtures-'));
    // A stand-in for dist/main: uses the file commands the way @actions/core does.
    await writeFile(
      fixture('main.mjs'),
      `import { appendFileSync, writeFileSync } from 'node:fs';
const e = process.env;
const esc = (s) => s.replace(/%/g, '%25').replace(/\\r/g, '%0D').replace(/\\n/g, '%0A');
const secret = e['INPUT_CREDENTIALS'] ?? '';
process.stdout.write('::add-mask::' + esc(secret) + '\\n');
process.stdout.write('::add-mask::a%25b%0Ac%3Ad%2Ce%250A\\n');
appendFileSync(e.GITHUB_OUTPUT, 'plain=one=two\\nmulti<<ghadelimiter_1\\nline 1\\n\\nline 3\\nghadelimiter_1\\n');
appendFileSync(e.GITHUB_OUTPUT, 'plain=later\\r\\nempty<<EOF\\n\\nEOF\\n');
appendFileSync(e.GITHUB_ENV, 'CLAUDE_CODE_OAUTH_TOKEN<<D\\n' + secret + '\\nD\\n');
appendFileSync(e.GITHUB_STATE, 'files=' + e.RUNNER_TEMP + '/creds.json\\n');
writeFileSync(e.RUNNER_TEMP + '/creds.json', 'x');
appendFileSync(e.GITHUB_STEP_SUMMARY, '| provider | anthropic |\\n');
// Report the environment without printing the secret itself.
const shown = { ...e, INPUT_CREDENTIALS: 'length ' + secret.length };
console.log(JSON.stringify({ argv: process.argv.slice(1), cwd: process.cwd(), env: shown }));
process.exitCode = Number(e.EXIT_CODE ?? 0);
`,
    );
    await writeFile(
      fixture('post.mjs'),
      `import { existsSync, rmSync } from 'node:fs';
const e = process.env;
const file = e.STATE_files;
const token = e.CLAUDE_CODE_OAUTH_TOKEN;
const seen = { file, existed: existsSync(file), home: e.HOME, temp: e.RUNNER_TEMP, token };
console.log(JSON.stringify({ ...seen, input: e.INPUT_CREDENTIALS, extra: e.STATE_extra, env: e }));
rmSync(file, { force: true });
`,
    );
    await writeFile(
      fixture('leak.mjs'),
      `const s = process.env.INPUT_CREDENTIALS ?? '';
console.log('::add-mask::' + s.replace(/%/g, '%25').replace(/\\r/g, '%0D').replace(/\\n/g, '%0A'));
const where = process.env.LEAK_TO;
if (where === 'stdout') console.log('using token ' + s + ' now');
if (where === 'stderr') console.error(new Error('refresh failed for ' + s).stack);
const { appendFileSync } = await import('node:fs');
if (where === 'summary') appendFileSync(process.env.GITHUB_STEP_SUMMARY, '| token | ' + s + ' |\\n');
if (where === 'piece') console.log('token ends ' + s.slice(-8));
if (where === 'prefix') console.log('a token of the shape ' + s.slice(0, 13) + '…');
`,
    );
    await writeFile(fixture('hang.mjs'), 'console.log("started"); setInterval(() => {}, 1000);\n');
    await writeFile(
      fixture('bad-heredoc.mjs'),
      `(await import('node:fs')).appendFileSync(process.env.GITHUB_OUTPUT, 'x<<EOF\\nno end\\n');\n`,
    );
  });

  afterAll(async () => {
    await rm(fixtures, { recursive: true, force: true });
    await cleanupRuns();
  });

  const json = (stdout: string): Record<string, any> => JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');

  it('resolves the bundled entries from the repository root', () => {
    expect(existsSync(join(repoRoot, 'package.json'))).toBe(true);
    expect(distEntry('main')).toBe(join(repoRoot, 'dist', 'main', 'index.js'));
    expect(distEntry('post')).toBe(join(repoRoot, 'dist', 'post', 'index.js'));
    expect(inputEnvName('secret-name')).toBe('INPUT_SECRET-NAME');
    expect(inputEnvName('my input')).toBe('INPUT_MY_INPUT');
  });

  it('runs with a clean runner environment and parses file commands', async () => {
    const secret = 'sk-ant-ort01-line1\nline2%';
    const run = await runAction('main', {
      script: fixture('main.mjs'),
      inputs: { credentials: secret, 'secret-name': 'CLAUDE_CREDS', 'min ttl': '30m' },
      state: { prior: 'p' },
      env: { EXIT_CODE: '3', GITHUB_REPOSITORY: 'octo/override' },
      debug: true,
    });
    expect(run.code).toBe(3);
    expect(run.timedOut).toBe(false);
    const seen = json(run.stdout);
    expect(seen.argv).toEqual([fixture('main.mjs')]);
    expect(seen.cwd).toBe(run.dir);
    expect(Object.keys(seen.env).sort()).toEqual(
      [
        'PATH',
        'HOME',
        'RUNNER_TEMP',
        'GITHUB_OUTPUT',
        'GITHUB_ENV',
        'GITHUB_STATE',
        'GITHUB_STEP_SUMMARY',
        'GITHUB_PATH',
        'GITHUB_ACTIONS',
        'CI',
        'GITHUB_REPOSITORY',
        'GITHUB_API_URL',
        'GITHUB_SERVER_URL',
        'GITHUB_RUN_ID',
        'GITHUB_WORKFLOW',
        'RUNNER_OS',
        'INPUT_CREDENTIALS',
        'INPUT_SECRET-NAME',
        'INPUT_MIN_TTL',
        'STATE_prior',
        'RUNNER_DEBUG',
        'EXIT_CODE',
      ].sort(),
    );
    expect(seen.env).toMatchObject({
      INPUT_CREDENTIALS: `length ${secret.length}`,
      'INPUT_SECRET-NAME': 'CLAUDE_CREDS',
      INPUT_MIN_TTL: '30m',
      STATE_prior: 'p',
      RUNNER_DEBUG: '1',
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_REPOSITORY: 'octo/override',
      GITHUB_API_URL: 'https://api.github.com',
      RUNNER_OS: 'Linux',
      HOME: run.home,
      RUNNER_TEMP: run.runnerTemp,
      GITHUB_OUTPUT: join(run.dir, 'output'),
    });
    expect(run.home).not.toBe(process.env.HOME);

    expect(run.outputs).toEqual({ plain: 'later', multi: 'line 1\n\nline 3', empty: '' });
    expect(run.env).toEqual({ CLAUDE_CODE_OAUTH_TOKEN: secret });
    expect(run.state).toEqual({ files: join(run.runnerTemp, 'creds.json') });
    expect(run.summary).toBe('| provider | anthropic |\n');
    expect(run.masks).toEqual([secret, 'a%b\nc:d,e%0A']);
    assertMasked(run, [secret, '']);
    assertNoLeak(run, [secret, 'sk-ant-ort01-line1']);
    expect(() => assertMasked(run, ['never-masked'])).toThrow(/never masked/);
    expect(await readFile(join(run.dir, 'path'), 'utf8')).toBe('');
  });

  it('makes assertNoLeak fail when a secret reaches stdout, stderr or the summary', async () => {
    const secret = 'sk-ant-oat01-LEAKED';
    const clean = await runAction('main', { script: fixture('leak.mjs'), inputs: { credentials: secret } });
    assertNoLeak(clean, [secret]);
    assertMasked(clean, [secret]);
    for (const where of ['stdout', 'stderr', 'summary']) {
      const run = await runAction('main', {
        script: fixture('leak.mjs'),
        inputs: { credentials: secret },
        env: { LEAK_TO: where },
        allowLeaks: true,
      });
      expect(run.code).toBe(0);
      assertMasked(run, [secret]);
      let failure = '';
      try {
        assertNoLeak(run, ['', secret]);
      } catch (err) {
        failure = String(err);
      }
      expect(failure).toContain(`secret #1 in ${where} (unmasked line`);
      expect(failure).not.toContain(secret);
    }
    // A multi-line secret is found although no single line holds all of it.
    const multi = 'first-half\nsecond-half';
    const run = await runAction('main', {
      script: fixture('leak.mjs'),
      inputs: { credentials: multi },
      env: { LEAK_TO: 'stdout' },
      allowLeaks: true,
    });
    assertMasked(run, [multi]);
    expect(() => assertNoLeak(run, [multi])).toThrow(
      /secret #0 in stdout \(unmasked line 1\): using token <secret #0> now/,
    );
  });

  it('checks every run it drives: a secret input, or 8 characters of a minted token, fails the run', async () => {
    const leak = (credentials: string, where: string) =>
      runAction('main', { script: fixture('leak.mjs'), inputs: { credentials }, env: { LEAK_TO: where } });
    // An input that is a secret, printed whole; the report does not print it again.
    const input = 'a-secret-input-no-one-minted';
    const failure = await leak(input, 'stderr').catch((err: unknown) => String(err));
    expect(failure).toContain('secret #0 in stderr');
    expect(failure).not.toContain(input);
    // The last 8 characters of a token minted in this file, in a debug-enabled run.
    const minted = fakeToken('anthropic-refresh');
    await expect(leak(minted, 'piece')).rejects.toThrow(
      /a piece of a secret in stdout \(unmasked line \d+\): token ends <piece>/,
    );
    // Its fixed prefix is no piece of a secret.
    expect((await leak(minted, 'prefix')).code).toBe(0);
    // Tokens the stand-ins know count without being inputs: one minted and never given to the run.
    const other = fakeToken('pat');
    const printed = await runAction('main', {
      script: fixture('leak.mjs'),
      inputs: { credentials: 'x' },
      env: { LEAK_TO: 'stdout', INPUT_CREDENTIALS: other },
    }).catch((err: unknown) => String(err));
    expect(printed).toMatch(/a piece of a secret in stdout/);
  });

  it('runs post after main with its state, exports, HOME and RUNNER_TEMP', async () => {
    const { main, post } = await runMainThenPost({
      script: { main: fixture('main.mjs'), post: fixture('post.mjs') },
      inputs: { credentials: 'refresh-token' },
      state: { extra: 'given' },
      // post.mjs reports the input it was given.
      allowLeaks: true,
    });
    expect(main.code).toBe(0);
    expect(post.code).toBe(0);
    const seen = json(post.stdout);
    expect(seen).toMatchObject({
      file: join(main.runnerTemp, 'creds.json'),
      existed: true,
      home: main.home,
      temp: main.runnerTemp,
      token: 'refresh-token',
      input: 'refresh-token',
      extra: 'given',
    });
    expect(post.home).toBe(main.home);
    expect(post.dir).not.toBe(main.dir);
    expect(existsSync(join(main.runnerTemp, 'creds.json'))).toBe(false);
  });

  it('kills a run that outlives its timeout, and rejects malformed file commands', async () => {
    const started = Date.now();
    const hung = await runAction('main', { script: fixture('hang.mjs'), timeoutMs: 500 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(hung).toMatchObject({ code: null, signal: 'SIGKILL', timedOut: true });
    expect(hung.stdout).toContain('started');

    await expect(runAction('main', { script: fixture('bad-heredoc.mjs') })).rejects.toThrow(
      /GITHUB_OUTPUT: matching delimiter not found for x/,
    );
    await expect(runAction('main', { script: fixture('missing.mjs') })).rejects.toThrow(/does not exist/);
  });

  it('parses file commands and command escapes like the runner', () => {
    expect(parseFileCommands('a=1\r\nb<<X\r\nfirst\r\nsecond\r\nX\r\n\r\na=2\n')).toEqual({
      a: '2',
      b: 'first\nsecond',
    });
    expect(parseFileCommands('k=v<<not a heredoc\nh<<E=Q\nbody\nE=Q\n')).toEqual({ k: 'v<<not a heredoc', h: 'body' });
    expect(() => parseFileCommands('=v\n')).toThrow(/empty name/);
    expect(() => parseFileCommands('novalue\n')).toThrow(/neither/);
    expect(() => parseFileCommands('x<<\n')).toThrow(/empty name or delimiter/);
    expect(unescapeCommandValue('%25%0d%0A%3a%2C%250A')).toBe('%\r\n:,%0A');
  });

  it('can clean up every temp dir it made', async () => {
    const run = await runAction('main', { script: fixture('hang.mjs'), timeoutMs: 100 });
    expect(existsSync(run.dir)).toBe(true);
    await cleanupRuns();
    expect(existsSync(run.dir)).toBe(false);
    const again = await runAction('main', { script: fixture('leak.mjs') });
    expect(existsSync(again.dir)).toBe(true);
  });
});
