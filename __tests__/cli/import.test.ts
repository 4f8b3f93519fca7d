// `oauth-broker import` through the bundle: where each CLI keeps its login (files, CLAUDE_CONFIG_DIR,
// CODEX_HOME, a stub `security` for the keychain), the shared-login warning, refusals, --out.
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliDeps } from '../../src/cli/deps.js';
import { verb } from '../../src/cli/import.js';
import { parseVerbArgs } from '../../src/cli/verb.js';
import { type CliResult, runCli, scratchHome } from '../support/cli.js';
import { claudeCodeLoginDoc, codexLoginDoc } from '../support/logins.js';
import { fakeToken } from '../support/fake-tokens.js';

function put(path: string, doc: unknown): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, typeof doc === 'string' ? doc : JSON.stringify(doc), { mode: 0o600 });
  return path;
}

/** A `security` program on PATH that records its arguments and answers like macOS's. */
function stubSecurity(item: string, code = 0): { env: Record<string, string>; calls: () => string[] | undefined } {
  const bin = join(scratchHome(), 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'item'), item);
  const script = `#!/bin/sh\nprintf '%s\\n' "$@" > "${bin}/args"\ncat "${bin}/item"\nexit ${code}\n`;
  writeFileSync(join(bin, 'security'), script);
  chmodSync(join(bin, 'security'), 0o755);
  const calls = (): string[] | undefined =>
    existsSync(join(bin, 'args')) ? readFileSync(join(bin, 'args'), 'utf8').trimEnd().split('\n') : undefined;
  return { env: { PATH: `${bin}:${process.env.PATH}` }, calls };
}

const KEYCHAIN_ARGS = ['find-generic-password', '-s', 'Claude Code-credentials', '-w'];

function expectWarning(stderr: string, provider: string): void {
  expect(stderr).toMatch(/^Warning: this copy and .* now share one refresh token, and a refresh spends it:$/m);
  expect(stderr).toMatch(/whichever refreshes first \(the CLI here or CI\) leaves the other holding a dead login/);
  expect(stderr).toContain(
    `oauth-broker login --provider ${provider} --out - | oauth-broker seed --repo O/R --secret NAME --from -`,
  );
}

/** The import succeeded and printed exactly `login`. */
function expectImported(r: CliResult, login: unknown): void {
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual(login);
}

/** `import KIND --out -` through the bundle in `env`: the login on stdout, as the test asked. */
const importToStdout = (kind: string, env: Record<string, string>) =>
  runCli(['import', kind, '--out', '-'], { env, secretsOnStdout: true });

describe('oauth-broker import claude-code', () => {
  it('copies ~/.claude/.credentials.json to --out (0600), warns, and leaves the keychain alone', async () => {
    const home = scratchHome();
    const login = claudeCodeLoginDoc();
    const file = put(join(home, '.claude', '.credentials.json'), login);
    const security = stubSecurity(JSON.stringify(claudeCodeLoginDoc()));
    const out = join(home, 'ci', 'claude.json');
    mkdirSync(join(home, 'ci'));
    const r = await runCli(['import', 'claude-code', '--out', out], { env: { HOME: home, ...security.env } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(login);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(r.stderr).toContain(`Imported the Claude Code login from ${file}: access token expires `);
    expect(r.stderr).toMatch(/fingerprint [0-9a-f]{12}\./);
    expect(r.stderr).toContain(`Wrote ${out} (mode 0600).`);
    expectWarning(r.stderr, 'anthropic');
    // Off macOS the keychain is only asked when there is no file.
    expect(security.calls()).toBeUndefined();
  });

  it('reads $CLAUDE_CONFIG_DIR/.credentials.json rather than ~/.claude, and no keychain for it', async () => {
    const home = scratchHome();
    put(join(home, '.claude', '.credentials.json'), claudeCodeLoginDoc());
    const dir = join(home, 'work-profile');
    const login = claudeCodeLoginDoc();
    put(join(dir, '.credentials.json'), login);
    const r = await importToStdout('claude-code', { HOME: home, CLAUDE_CONFIG_DIR: dir });
    expectImported(r, login);
    expect(r.stderr).toContain(`from ${join(dir, '.credentials.json')}:`);

    const security = stubSecurity(JSON.stringify(claudeCodeLoginDoc()));
    const empty = join(home, 'empty-profile');
    const none = await runCli(['import', 'claude-code', '--out', '-'], {
      env: { HOME: home, CLAUDE_CONFIG_DIR: empty, ...security.env },
    });
    expect(none.code).toBe(1);
    expect(none.stderr.trim().split('\n')).toEqual([
      `oauth-broker import: error[OB_FILE]: no Claude Code login in ${join(empty, '.credentials.json')}; ` +
        'log in with claude (/login) first, or pass --path.',
    ]);
    expect(security.calls()).toBeUndefined();
  });

  it('reads the keychain item with exactly those arguments when there is no file, leaving out mcpOAuth', async () => {
    const login = claudeCodeLoginDoc();
    const security = stubSecurity(`${JSON.stringify({ ...login, mcpOAuth: { srv: { accessToken: 'x' } } })}\n`);
    const r = await runCli(['import', 'claude-code', '--out', '-'], { env: security.env, secretsOnStdout: true });
    expect(r.code).toBe(0);
    expect(security.calls()).toEqual(KEYCHAIN_ARGS);
    expect(JSON.parse(r.stdout)).toEqual(login);
    expect(r.stderr).toContain('Imported the Claude Code login from the keychain item "Claude Code-credentials": ');
    expect(r.stderr).toContain('Left out "mcpOAuth": the tokens of MCP servers stay on this machine.');
    expectWarning(r.stderr, 'anthropic');
  });

  it('names every place it looked when there is no login, and a keychain it cannot read', async () => {
    const home = scratchHome();
    const missing = stubSecurity('', 44);
    const r = await runCli(['import', 'claude-code', '--out', '-'], { env: { HOME: home, ...missing.env } });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `oauth-broker import: error[OB_FILE]: no Claude Code login in ` +
        `${join(home, '.claude', '.credentials.json')} or the ` +
        'keychain item "Claude Code-credentials"; log in with claude (/login) first, or pass --path.',
    ]);
    const locked = stubSecurity('', 36);
    const l = await runCli(['import', 'claude-code', '--out', '-'], { env: locked.env });
    expect(l.code).toBe(1);
    expect(l.stderr.trim()).toBe(
      'oauth-broker import: error[OB_FILE]: the keychain item "Claude Code-credentials" cannot be read (security ' +
        'exited 36); ' +
        'unlock the keychain (security unlock-keychain) and allow the access, or pass --path.',
    );
  });

  it('refuses a file that is not a Claude Code login, in one line, and never writes --out', async () => {
    const home = scratchHome();
    const codex = put(join(home, 'auth.json'), codexLoginDoc());
    const out = join(home, 'out.json');
    const r = await runCli(['import', 'claude-code', '--path', codex, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `oauth-broker import: error[OB_CREDENTIALS]: ${codex} holds a Codex login, not a Claude Code login; ` +
        "run oauth-broker import codex, or pass --path to Claude Code's .credentials.json.",
    ]);
    expect(existsSync(out)).toBe(false);
    const broken = put(join(home, 'broken.json'), `{"claudeAiOauth": ${fakeToken('anthropic-refresh')}`);
    const b = await runCli(['import', 'claude-code', '--path', broken, '--out', out]);
    expect(b.code).toBe(1);
    expect(b.stderr.trim().split('\n')).toEqual([
      `oauth-broker import: error[OB_CREDENTIALS]: ${broken}: is not valid JSON; store the file exactly as the ` +
        `login wrote it.`,
    ]);
    const apiKey = claudeCodeLoginDoc();
    apiKey.claudeAiOauth.refreshToken = fakeToken('anthropic-api-key');
    const key = put(join(home, 'key.json'), apiKey);
    const k = await runCli(['import', 'claude-code', '--path', key, '--out', out]);
    expect(k.code).toBe(1);
    expect(k.stderr).toMatch(
      /error\[OB_CREDENTIALS\]: .*key\.json: the refresh token is an Anthropic Console API key, not a refresh/,
    );
  });
});

describe('oauth-broker import codex', () => {
  it('copies $CODEX_HOME/auth.json, else ~/.codex/auth.json', async () => {
    const home = scratchHome();
    const inHome = codexLoginDoc();
    put(join(home, '.codex', 'auth.json'), inHome);
    const out = join(home, 'codex-ci.json');
    const r = await runCli(['import', 'codex', '--out', out], { env: { HOME: home } });
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(inHome);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expectWarning(r.stderr, 'openai');

    const codexHome = join(home, 'codex-home');
    const inCodexHome = codexLoginDoc();
    put(join(codexHome, 'auth.json'), inCodexHome);
    const c = await importToStdout('codex', { HOME: home, CODEX_HOME: codexHome });
    expectImported(c, inCodexHome);
    expect(c.stderr).toContain(`Imported the Codex login from ${join(codexHome, 'auth.json')}: access token expires`);
  });

  it('reads --path instead, and says so when it does not exist or is no file', async () => {
    const home = scratchHome();
    const login = codexLoginDoc();
    const path = put(join(home, 'elsewhere', 'auth.json'), login);
    const r = await runCli(['import', 'codex', '--path', path, '--out', '-'], { secretsOnStdout: true });
    expectImported(r, login);
    const gone = await runCli(['import', 'codex', '--path', join(home, 'gone.json'), '--out', '-']);
    expect(gone.code).toBe(1);
    expect(gone.stderr.trim()).toBe(
      `oauth-broker import: error[OB_FILE]: --path: ${join(home, 'gone.json')} does not exist.`,
    );
    const notAFile = join(home, 'odd-home', 'auth.json');
    mkdirSync(notAFile, { recursive: true });
    const odd = await runCli(['import', 'codex', '--out', '-'], { env: { CODEX_HOME: join(home, 'odd-home') } });
    expect(odd.code).toBe(1);
    expect(odd.stderr.trim()).toBe(`oauth-broker import: error[OB_FILE]: ${notAFile} cannot be read (EISDIR).`);
  });

  it('refuses an API-key auth.json with the fix, never printing the key', async () => {
    const home = scratchHome();
    const key = fakeToken('openai-api-key');
    for (const doc of [{ auth_mode: 'apikey', OPENAI_API_KEY: key, tokens: null }, { OPENAI_API_KEY: key }]) {
      const path = put(join(home, '.codex', 'auth.json'), doc);
      const r = await runCli(['import', 'codex', '--out', '-'], { env: { HOME: home } });
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toEqual([
        `oauth-broker import: error[OB_CREDENTIALS]: ${path} is a Codex auth.json holding an API key ` +
          `(OPENAI_API_KEY), not a ` +
          'login; nothing to refresh: use the key as OPENAI_API_KEY directly, or log in with ChatGPT (codex login).',
      ]);
    }
  });

  it('refuses Claude Code credentials and looks nowhere but the Codex file', async () => {
    const home = scratchHome();
    put(join(home, '.claude', '.credentials.json'), claudeCodeLoginDoc());
    const security = stubSecurity(JSON.stringify(claudeCodeLoginDoc()));
    const r = await runCli(['import', 'codex', '--out', '-'], { env: { HOME: home, ...security.env } });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      `oauth-broker import: error[OB_FILE]: no Codex login in ${join(home, '.codex', 'auth.json')}; ` +
        'log in with codex login first, or pass --path.',
    );
    expect(security.calls()).toBeUndefined();
    const claude = put(join(home, 'claude.json'), claudeCodeLoginDoc());
    const wrong = await runCli(['import', 'codex', '--path', claude, '--out', '-']);
    expect(wrong.stderr).toMatch(/holds a Claude Code login, not a Codex login; run oauth-broker import claude-code/);
  });
});

describe('oauth-broker import: usage', () => {
  it.each([
    [['import', '--out', '-'], 'the CLI to import from (claude-code or codex) is missing.'],
    [['import', 'gemini', '--out', '-'], '"gemini" is not claude-code or codex.'],
    [['import', 'codex'], '--out is required.'],
    [['import', 'codex', '--out'], '"--out" needs a value.'],
    [['import', 'codex', '--out', '-', '--from', 'x'], 'unknown option "--from".'],
  ])('%j is a usage error: exit 2, one line, then the usage', async (argv, line) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe(`oauth-broker import: ${line}`);
    expect(lines[1]).toBe('usage: oauth-broker import claude-code|codex --out FILE|- [--path P] [--force]');
  });

  it('has --help, which names every place it reads and the separate login', async () => {
    const r = await runCli(['import', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: oauth-broker import claude-code\|codex --out FILE\|- \[--path P\] \[--force\]/);
    for (const place of ['$CLAUDE_CONFIG_DIR/.credentials.json', '~/.claude/.credentials.json', '~/.codex/auth.json'])
      expect(r.stdout).toContain(place);
    expect(r.stdout).toContain('keychain item "Claude Code-credentials"');
    expect(r.stdout).toContain('oauth-broker login --provider anthropic|openai --out - | oauth-broker seed');
  });
});

describe('import on macOS (in-process: the platform cannot be changed for the bundle)', () => {
  function macDeps(home: string, keychain: { code: number; stdout: string }) {
    const calls: Array<[string, readonly string[]]> = [];
    let stdout = '';
    const deps: CliDeps = {
      env: { HOME: home },
      platform: 'darwin',
      stdout: (t) => {
        stdout += t;
      },
      stderr: () => undefined,
      stdin: async () => Buffer.alloc(0),
      stdoutIsTerminal: () => false,
      ask: async () => '',
      run: async (file, args) => {
        calls.push([file, args]);
        return keychain;
      },
      fetch: () => Promise.reject(new Error('no network')),
      secrets: new Set(),
      now: Date.now,
      sleep: async () => undefined,
    };
    return { deps, calls, stdout: () => stdout };
  }

  it('takes the keychain first, its own store there, over a file beside it', async () => {
    const home = scratchHome();
    put(join(home, '.claude', '.credentials.json'), claudeCodeLoginDoc());
    const inKeychain = claudeCodeLoginDoc();
    const mac = macDeps(home, { code: 0, stdout: JSON.stringify(inKeychain) });
    await verb.run(parseVerbArgs(verb, ['claude-code', '--out', '-']), mac.deps);
    expect(mac.calls).toEqual([['security', KEYCHAIN_ARGS]]);
    expect(JSON.parse(mac.stdout())).toEqual(inKeychain);
  });

  it('falls back to the file when the keychain has no item', async () => {
    const home = scratchHome();
    const inFile = claudeCodeLoginDoc();
    put(join(home, '.claude', '.credentials.json'), inFile);
    const mac = macDeps(home, { code: 44, stdout: '' });
    await verb.run(parseVerbArgs(verb, ['claude-code', '--out', '-']), mac.deps);
    expect(JSON.parse(mac.stdout())).toEqual(inFile);
  });
});
