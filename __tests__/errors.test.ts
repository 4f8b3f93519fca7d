// Error lines read well: a short `::error::` line (what happened and the one fix), the
// explanation as plain lines after it, a redacted stack only for a bug and only with
// RUNNER_DEBUG=1, wrapped errors that keep their cause, and no source line over 120 characters.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Deps } from '../src/action/deps.js';
import type { Env } from '../src/core/env.js';
import {
  InvalidGrantError,
  MAX_ERROR_LINE,
  UncertainRefreshError,
  UserError,
  describeError,
  explained,
  reportFailure,
} from '../src/core/errors.js';
import { GitHubHttpError } from '../src/github/api.js';
import { explain } from '../src/github/explain.js';
import { readConfig } from '../src/action/inputs.js';
import { refreshTokens } from '../src/core/refresh.js';
import { runMain } from '../src/action/run.js';
import { PROVIDERS } from '../src/core/providers.js';
import { recordingCore, type RecordingCore } from './support/core.js';
import { fakeToken } from './support/fake-tokens.js';
import { startGitHubServer, type GitHubServer } from './support/github-server.js';
import { startOAuthServer, type OAuthServer } from './support/oauth-server.js';
import { repoRoot } from './support/runner.js';

const REPO = 'octo/app';
const SECRET = 'CLAUDE_CREDENTIALS';
const HOUR = 3_600_000;
const PAT = fakeToken('pat');

/** The error line, and the plain lines right after it up to the next workflow command. */
function failure(core: RecordingCore): { line: string; after: string[] } {
  const at = core.lines.findIndex((l) => l.startsWith('::error::'));
  expect(at).toBeGreaterThanOrEqual(0);
  expect(core.lines.filter((l) => l.startsWith('::error::'))).toHaveLength(1);
  const after: string[] = [];
  for (const l of core.lines.slice(at + 1)) {
    if (l.startsWith('::')) break;
    after.push(l);
  }
  return { line: core.lines[at].slice('::error::'.length), after };
}

function expectNoSecret(core: RecordingCore, secrets: string[]): void {
  const shown = core.lines.filter((l) => !l.startsWith('::add-mask::')).join('\n');
  for (const s of secrets) expect(shown).not.toContain(s);
}

/** The main step's dependencies around `core`: the real fetch and clock, sleeps that pass at once. */
const stepDeps = (core: RecordingCore, env: Env, startedAt: number): Deps => ({
  core,
  env,
  fetch: globalThis.fetch,
  now: Date.now,
  monotonic: () => performance.now(),
  sleep: async () => undefined,
  startedAt,
});

describe('UserError', () => {
  it('carries details, as given or as lines, and its cause', () => {
    const cause = new Error('inner');
    const e = new UserError('OB_INPUT_INVALID', 'x: it broke; fix it.', { details: 'why', cause });
    expect(e.code).toBe('OB_INPUT_INVALID');
    expect(e.details).toEqual(['why']);
    expect(e.cause).toBe(cause);
    expect(new UserError('OB_FILE', 'y', { details: ['a', 'b'] }).details).toEqual(['a', 'b']);
    expect(new UserError('OB_FILE', 'z').details).toEqual([]);
    expect('cause' in new UserError('OB_FILE', 'z')).toBe(false);
    // The subclasses take the same options, and have a code of their own.
    const lost = new InvalidGrantError('g', { details: 'd', cause });
    expect([lost.code, lost.cause]).toEqual(['OB_LOGIN_LOST', cause]);
    const uncertain = new UncertainRefreshError('u', { details: 'd' });
    expect([uncertain.code, uncertain.details]).toEqual(['OB_REFRESH_UNCERTAIN', ['d']]);
  });

  it('explained(): the cause and its consequence on one line when they fit, else the cause in the details', () => {
    const cause = new UserError(
      'OB_GITHUB_ACCESS',
      'github-token: could not write it: GitHub answered 403; give it the permission.',
      {
        details: 'inner detail',
      },
    );
    const short = explained('OB_WRITE_BACK', cause, cause.message, 'Kept for the next run.', 'Not stored; kept.', [
      'more',
    ]);
    expect(short.code).toBe('OB_WRITE_BACK');
    expect(short.message).toBe(`${cause.message} Kept for the next run.`);
    expect(short.details).toEqual(['inner detail', 'more']);
    expect(short.cause).toBe(cause);
    const long = explained('OB_LOGIN_LOST', cause, cause.message, 'x'.repeat(MAX_ERROR_LINE), 'Not stored; kept.');
    expect(long.message).toBe('Not stored; kept.');
    expect(long.details).toEqual([`Why: ${cause.message}`, 'inner detail']);
  });
});

describe('reportFailure', () => {
  const secret = fakeToken('anthropic-refresh');

  it('prints the error line, then the details as plain lines, redacted, and never a stack for a UserError', () => {
    const core = recordingCore({ RUNNER_DEBUG: '1' });
    const err = new UserError('OB_CREDENTIALS', `credentials: broken ${secret}; fix it.`, {
      details: [`why ${secret.slice(0, 20)}`, 'line one\nline two', '::stop-commands::x'],
    });
    reportFailure(core, err, [secret]);
    expect(core.failed).toBe('credentials: broken ***; fix it.');
    expect(core.lines).toEqual([
      '::error::credentials: broken ***; fix it.',
      'why ***',
      'line one',
      'line two',
      // One plain line: the sink (logSafe) and neutral() both defuse workflow commands.
      ':%3Astop-commands:%3Ax',
      'Error code OB_CREDENTIALS (docs/errors.md).',
    ]);
  });

  it('an unexpected error gets its redacted stack frames as debug lines with RUNNER_DEBUG=1 only', () => {
    const bug = new TypeError(`cannot read ${secret}`);
    bug.stack = [
      `TypeError: cannot read ${secret}`,
      `    at parse (/home/runner/${secret}/index.js:1:2)`,
      '    at run (x.js:3:4)',
    ].join('\n');
    const debug = recordingCore({ RUNNER_DEBUG: '1' });
    reportFailure(debug, bug, [secret]);
    expect(debug.failed).toMatch(/^unexpected TypeError: cannot read \*\*\*\. This is a bug in oauth-broker/);
    expect(debug.lines.filter((l) => l.startsWith('::debug::'))).toEqual([
      '::debug::TypeError, at:',
      '::debug::  at parse (/home/runner/***/index.js:1:2)',
      '::debug::  at run (x.js:3:4)',
    ]);
    expect(debug.lines.join('\n')).not.toContain(secret);

    const quiet = recordingCore({});
    reportFailure(quiet, bug, [secret]);
    expect(quiet.lines.filter((l) => l.startsWith('::debug::'))).toEqual([]);
    expect(quiet.lines.join('\n')).not.toMatch(/ at /);
    expect(quiet.lines.at(-1)).toMatch(/RUNNER_DEBUG=1/);
  });

  it('a UserError never prints a stack, not even its cause’s, with RUNNER_DEBUG=1', () => {
    const parse = new SyntaxError(`Unexpected token in JSON at position 3: "${secret}"`);
    const err = new UserError('OB_FILE', 'credentials-file: it broke; fix it.', { cause: parse });
    const debug = recordingCore({ RUNNER_DEBUG: '1' });
    reportFailure(debug, err, []);
    expect(debug.lines).toEqual([
      '::error::credentials-file: it broke; fix it.',
      'Error code OB_FILE (docs/errors.md).',
    ]);
  });

  it('the causes of a bug add their frames, never their messages', () => {
    const cause = new SyntaxError(`Unexpected token in JSON at position 3: "${secret}"`);
    const bug = new TypeError('x is undefined', { cause });
    const debug = recordingCore({ RUNNER_DEBUG: '1' });
    reportFailure(debug, bug, []);
    const shown = debug.lines.filter((l) => l.startsWith('::debug::'));
    expect(shown[0]).toBe('::debug::TypeError, at:');
    expect(shown).toContain('::debug::caused by SyntaxError, at:');
    expect(debug.lines.join('\n')).not.toContain('Unexpected token');
  });

  it('describeError keeps an unexpected error to one short line', () => {
    const line = describeError(new RangeError(`x\n${'y'.repeat(500)}`), []);
    expect(line.length).toBeLessThanOrEqual(MAX_ERROR_LINE);
    expect(line).not.toContain('\n');
  });
});

describe('wrapped errors keep their cause', () => {
  const target = { kind: 'repo' as const, owner: 'octo', repo: 'app', name: SECRET };

  it('a GitHub failure explained', () => {
    const http = new GitHubHttpError(403, 'Resource not accessible by integration');
    const e = explain(http, target, `read repository secret ${SECRET} of ${REPO}`) as UserError;
    expect(e).toBeInstanceOf(UserError);
    expect(e.cause).toBe(http);
    expect(e.message.length).toBeLessThanOrEqual(MAX_ERROR_LINE);
    expect(e.message).toMatch(/^github-token: could not read .*: GitHub answered 403/);
    expect(e.details.join('\n')).toMatch(/GITHUB_TOKEN/);
  });

  it('a URL that does not parse', () => {
    const core = recordingCore({ 'INPUT_TOKEN-URL': 'not a url', GITHUB_REPOSITORY: REPO });
    let thrown: unknown;
    try {
      readConfig(core, { GITHUB_REPOSITORY: REPO });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as UserError).cause).toHaveProperty('name', 'TypeError');
  });

  it('a refresh whose answer never came', async () => {
    const timeout = Object.assign(new Error('aborted'), { name: 'TimeoutError' });
    const err = await refreshTokens(
      {
        provider: PROVIDERS.anthropic,
        tokenUrl: 'https://platform.claude.com/v1/oauth/token',
        clientId: 'c',
        refreshToken: fakeToken('anthropic-refresh'),
      },
      {
        fetch: async () => {
          throw timeout;
        },
        now: Date.now,
        sleep: async () => undefined,
        info: () => undefined,
        timeoutMs: 1000,
        retryDelayMs: 1,
      },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UncertainRefreshError);
    expect((err as UserError).message.length).toBeLessThanOrEqual(MAX_ERROR_LINE);
    expect((err as UserError).message).toMatch(/no answer within 1s; not retried, .*; run again; if that fails/);
    expect((err as UserError).cause).toBe(timeout);
    expect((err as UserError).details.length).toBeGreaterThan(0);
  });
});

describe('the main step, in-process: every error line is short, its details follow as plain lines', () => {
  let oauth: OAuthServer;
  let gh: GitHubServer;
  beforeEach(async () => {
    [oauth, gh] = await Promise.all([startOAuthServer(), startGitHubServer()]);
    gh.addRepo(REPO, { id: 4242 });
    gh.addToken(PAT, { kind: 'pat' });
  });
  afterEach(async () => {
    await Promise.all([oauth.close(), gh.close()]);
  });

  function claude(ttlMs: number): { credentials: string; secrets: string[] } {
    const { refreshToken, accessToken } = oauth.issue(['user:inference']);
    const credentials = JSON.stringify({
      claudeAiOauth: { accessToken, refreshToken, expiresAt: Date.now() + ttlMs, scopes: ['user:inference'] },
    });
    return { credentials, secrets: [refreshToken, accessToken, PAT] };
  }

  async function main(inputs: Record<string, string>, extra: Env = {}): Promise<RecordingCore> {
    const env: Env = { GITHUB_REPOSITORY: REPO, OAUTH_BROKER_RETRY_BASE_MS: '1', ...extra };
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    const core = recordingCore(env);
    await runMain(stepDeps(core, env, Date.now()));
    return core;
  }

  const withTarget = (credentials: string): Record<string, string> => ({
    credentials,
    'secret-name': SECRET,
    'github-token': PAT,
    'github-api-url': gh.url,
    'token-url': oauth.tokenUrl,
  });

  type Case = {
    name: string;
    run: () => Promise<{ core: RecordingCore; secrets: string[] }>;
    line: RegExp;
    /** The details expected after the line, if any. */
    details?: RegExp;
  };
  const cases: Case[] = [
    {
      name: 'credentials of an unknown format',
      run: async () => ({ core: await main({ credentials: '{"foo":1}' }), secrets: [] }),
      line: /^credentials: is JSON of an unknown format; store the file the login wrote/,
      details: /Expected Claude Code/,
    },
    {
      name: 'mode: check with an expired token',
      run: async () => {
        const c = claude(-HOUR);
        return { core: await main({ credentials: c.credentials, mode: 'check' }), secrets: c.secrets };
      },
      line: /^credentials: the stored access token is not valid for min-ttl 30m \(it expired 1h ago\); refresh it/,
      details: /mode: refresh/,
    },
    {
      name: 'a refresh with nowhere to store the result',
      run: async () => {
        const c = claude(-HOUR);
        return { core: await main({ credentials: c.credentials }), secrets: c.secrets };
      },
      line: /^secret-name: refusing to refresh .*; set secret-name and github-token\.$/,
      details: /would be spent and the login lost/,
    },
    {
      name: "the job's own GITHUB_TOKEN",
      run: async () => {
        const c = claude(-HOUR);
        const core = await main(withTarget(c.credentials), { GITHUB_TOKEN: PAT });
        return { core, secrets: c.secrets };
      },
      line: /^github-token: this is the job's own GITHUB_TOKEN, which cannot write secrets; pass a fine-grained PAT/,
      details: /GitHub App installation token/,
    },
    {
      name: 'a secret that does not exist',
      run: async () => {
        const c = claude(-HOUR);
        return { core: await main(withTarget(c.credentials)), secrets: c.secrets };
      },
      line: /^secret-name: repository secret CLAUDE_CREDENTIALS of octo\/app does not exist; create it/,
      details: /go stale/,
    },
    {
      name: 'a token that may only read secrets',
      run: async () => {
        const c = claude(-HOUR);
        gh.setRepoSecret(REPO, SECRET, c.credentials);
        const reader = fakeToken('pat');
        gh.addToken(reader, { kind: 'pat', secrets: 'read' });
        const core = await main({ ...withTarget(c.credentials), 'github-token': reader });
        return { core, secrets: [...c.secrets, reader] };
      },
      line: /^github-token: could not write secrets of repository octo\/app \(a check before the refresh\): .* 403/,
      details: /^The secret: repository secret CLAUDE_CREDENTIALS of octo\/app\.$/,
    },
    {
      name: 'a refresh token the provider refuses',
      run: async () => {
        const c = claude(-HOUR);
        gh.setRepoSecret(REPO, SECRET, c.credentials);
        oauth.faults.push({
          status: 400,
          body: JSON.stringify({
            error: 'invalid_grant',
            error_description: `Refresh token not found ${'x'.repeat(90)}`,
          }),
        });
        return { core: await main(withTarget(c.credentials)), secrets: c.secrets };
      },
      line: new RegExp(
        '^provider anthropic \\(127\\.0\\.0\\.1:\\d+\\) refused the stored refresh token: ' +
          'answered HTTP 400 \\(invalid_grant: Refresh token not found x+…\\)\\. Re-run the job',
      ),
      details: /^The provider's description: Refresh token not found x{90}$/,
    },
    {
      name: 'a rotation GitHub refuses to store',
      run: async () => {
        const c = claude(-HOUR);
        gh.setRepoSecret(REPO, SECRET, c.credentials);
        gh.faults.push({ method: 'PUT', pathIncludes: `/${SECRET}`, status: 403, body: '{"message":"Forbidden"}' });
        return { core: await main(withTarget(c.credentials)), secrets: c.secrets };
      },
      line: /^github-token: could not write repository secret CLAUDE_CREDENTIALS of octo\/app: .* 403/,
      details: /^The rotated credentials are kept sealed beside the secret for the next run\.$/,
    },
  ];

  it.each(cases)('$name', async ({ run, line, details }) => {
    const { core, secrets } = await run();
    const f = failure(core);
    expect(f.line.length).toBeLessThanOrEqual(MAX_ERROR_LINE);
    expect(f.line).toMatch(line);
    if (details) {
      expect(f.after.length).toBeGreaterThan(0);
      expect(f.after.some((l) => details.test(l))).toBe(true);
    }
    expectNoSecret(core, secrets);
  });

  it('an unexpected error shows its redacted stack only with RUNNER_DEBUG=1', async () => {
    const c = claude(8 * HOUR);
    const [rt] = c.secrets;
    const crash = (debug: boolean): Promise<RecordingCore> => {
      const env: Env = {
        GITHUB_REPOSITORY: REPO,
        INPUT_CREDENTIALS: c.credentials,
        ...(debug ? { RUNNER_DEBUG: '1' } : {}),
      };
      const core = recordingCore(env);
      const getInput = core.getInput;
      // A bug after the credentials are masked: its message quotes a token.
      core.getInput = (name) => {
        if (name === 'provider') throw new TypeError(`cannot read properties of ${rt}`);
        return getInput(name);
      };
      return runMain(stepDeps(core, env, 0)).then(() => core);
    };
    const debug = await crash(true);
    const f = failure(debug);
    expect(f.line).toBe(
      'unexpected TypeError: cannot read properties of ***. This is a bug in oauth-broker; please report it.',
    );
    const frames = debug.lines.filter((l) => l.startsWith('::debug::'));
    expect(frames[0]).toBe('::debug::TypeError, at:');
    expect(frames.some((l) => /^::debug:: {2}at .*run\.ts/.test(l))).toBe(true);
    expectNoSecret(debug, c.secrets);

    const quiet = await crash(false);
    expect(failure(quiet).line).toBe(f.line);
    expect(quiet.lines.filter((l) => l.startsWith('::debug::'))).toEqual([]);
    expect(quiet.lines.some((l) => /^\s*at /.test(l))).toBe(false);
    expectNoSecret(quiet, c.secrets);
  });

  it('a UserError never prints a stack, with RUNNER_DEBUG=1 either', async () => {
    const core = await main({ credentials: '{"foo":1}' }, { RUNNER_DEBUG: '1' });
    expect(core.lines.filter((l) => l.startsWith('::debug::'))).toEqual([]);
    expect(core.lines.some((l) => /\bat .*\.ts:\d+/.test(l))).toBe(false);
  });
});

describe('scripts/line-length.mjs', () => {
  it('names file:line for each line over 120 characters, outside dist/ and node_modules, Markdown exempt', () => {
    const dir = mkdtempSync(join(tmpdir(), 'line-length-'));
    try {
      const long = `// ${'x'.repeat(118)}`;
      for (const d of ['src', 'dist', 'node_modules/pkg', '.github/workflows'])
        mkdirSync(join(dir, d), { recursive: true });
      writeFileSync(join(dir, 'src/a.ts'), `ok\n${long}\n`);
      writeFileSync(join(dir, 'src/b.mjs'), `${'y'.repeat(120)}\n`);
      writeFileSync(join(dir, '.github/workflows/ci.yml'), `name: ${'z'.repeat(120)}\n`);
      writeFileSync(join(dir, 'dist/index.js'), long);
      writeFileSync(join(dir, 'node_modules/pkg/index.js'), long);
      writeFileSync(join(dir, 'README.md'), long);
      const r = spawnSync(process.execPath, [join(repoRoot, 'scripts/line-length.mjs'), dir], { encoding: 'utf8' });
      expect(r.status).toBe(1);
      const named = r.stderr
        .split('\n')
        .filter((l) => /^\s+\S+:\d+:/.test(l))
        .map((l) => l.trim().split(':').slice(0, 2).join(':'));
      expect(named.sort()).toEqual(['.github/workflows/ci.yml:1', 'src/a.ts:2']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
