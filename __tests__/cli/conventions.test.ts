// The CLI's conventions through the bundle (SPEC §6): help on stdout, -V, "did you mean", `--out -`
// refused on a terminal (a real pseudo-terminal, through script(1)), `--out FILE` neither replacing
// a file nor making a folder, errors in the CLI's own words, a DNS failure as one line at once; and
// the device login's waiting lines, in-process on a test clock.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { deviceCode } from '../../src/cli/login/device.js';
import { closest, didYouMean, editDistance } from '../../src/cli/suggest.js';
import { cliEntry, runCli, scratchHome } from '../support/cli.js';
import { fakeToken } from '../support/fake-tokens.js';
import { closedPort } from '../support/http.js';
import { assertNoLeak } from '../support/leaks.js';
import { codexLogin } from '../support/logins.js';
import { OPENAI_CLIENT_ID, startLoginServer } from '../support/login-server.js';
import { testDeps } from '../support/test-deps.js';
import { repoRoot, stepNode } from '../support/runner.js';

const HOUR = 3_600_000;
const VERSION = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const lines = (text: string): string[] => text.trim().split(/\r?\n/);
/** What no CLI line may say: the action's words. */
const ACTION_WORDS =
  /\$\{\{|with:|CLAUDE_CREDENTIALS|github-token|secret-name|github-api-url|(^|[^-])token-url|runner/m;

function file(home: string, name: string, text: string): string {
  const path = join(home, name);
  writeFileSync(path, text, { mode: 0o600 });
  return path;
}

const sh = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** The bundle in a pseudo-terminal (script -qec): stdout and stderr are the terminal; its output. */
async function inTerminal(argv: string[], home: string): Promise<{ code: number | null; output: string }> {
  const command = [stepNode, cliEntry, ...argv].map(sh).join(' ');
  const child = spawn('/usr/bin/script', ['-qec', command, '/dev/null'], {
    env: { PATH: process.env.PATH ?? '', HOME: home, TERM: 'dumb' },
    cwd: home,
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    output += d;
  });
  child.stdin.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, output };
}

describe('did you mean', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours as one edit each', () => {
    expect(editDistance('stauts', 'status')).toBe(1);
    expect(editDistance('jsn', 'json')).toBe(1);
    expect(editDistance('seed', 'seal')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('refresh', 'refresh')).toBe(0);
  });

  it('suggests only what is close, at most two, case ignored', () => {
    const verbs = ['login', 'import', 'refresh', 'status', 'seed', 'seal', 'put', 'public-key'];
    expect(closest('stauts', verbs)).toEqual(['status']);
    expect(closest('STATUS', verbs)).toEqual(['status']);
    expect(closest('sead', verbs)).toEqual(['seed', 'seal']);
    expect(closest('frobnicate', verbs)).toEqual([]);
    expect(didYouMean('jsn', ['from', 'json'], (o) => `--${o}`)).toBe('; did you mean --json?');
    expect(didYouMean('zzz', ['from', 'json'])).toBe('');
  });
});

describe('help and version', () => {
  it.each([['--help'], ['-h'], ['help']])('%s prints the usage on stdout, exit 0', async (arg) => {
    const r = await runCli([arg]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^usage: oauth-broker <verb>/);
    expect(r.stdout).toMatch(/^ {2}status +what a credentials file holds/m);
  });

  it.each([[['help', 'status']], [['status', '--help']], [['seed', '-h']]])(
    '%j prints the verb usage on stdout, exit 0',
    async (argv) => {
      const r = await runCli(argv);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toMatch(
        new RegExp(`^usage: oauth-broker ${argv.find((a) => !a.startsWith('-') && a !== 'help')} `),
      );
    },
  );

  it('keeps the usage on stderr, exit 2, without a verb or for help on no verb', async () => {
    const none = await runCli([]);
    expect([none.code, none.stdout]).toEqual([2, '']);
    expect(none.stderr).toMatch(/^usage: oauth-broker <verb>/);
    const bad = await runCli(['help', 'stauts']);
    expect([bad.code, bad.stdout]).toEqual([2, '']);
    expect(lines(bad.stderr)[0]).toBe('oauth-broker: unknown verb "stauts"; did you mean "status"?');
  });

  it.each([['-V'], ['--version']])('%s prints the package version', async (arg) => {
    const r = await runCli([arg]);
    expect(r).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });
});

describe('mistakes on the command line', () => {
  it.each([
    [['stauts'], 'oauth-broker: unknown verb "stauts"; did you mean "status"?'],
    [['Seed'], 'oauth-broker: unknown verb "Seed"; did you mean "seed"?'],
    [['status', '--jsn'], 'oauth-broker status: unknown option "--jsn"; did you mean --json?'],
    [['seed', '--secert', 'X'], 'oauth-broker seed: unknown option "--secert"; did you mean --secret?'],
    [['status', '--json=yes'], 'oauth-broker status: "--json" takes no value.'],
    [
      ['import', 'claude-cod', '--out', '-'],
      'oauth-broker import: "claude-cod" is not claude-code or codex; did you mean "claude-code"?',
    ],
  ])('%j: exit 2, one line naming the nearest', async (argv, line) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)[0]).toBe(line);
  });
});

describe('--out', () => {
  it('refuses a terminal for - unless --force, before anything is read or asked', async () => {
    const home = scratchHome();
    const text = codexLogin();
    const doc = JSON.parse(text);
    const path = file(home, 'auth.json', text);
    const refused = await inTerminal(['import', 'codex', '--path', path, '--out', '-'], home);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(
      'oauth-broker import: error[OB_INPUT_INVALID]: --out -: standard output is a terminal, which would show ' +
        'the credentials;',
    );
    assertNoLeak({ stdout: refused.output, stderr: '', summary: '' }, []);
    const login = await inTerminal(['login', '--provider', 'openai', '--out', '-'], home);
    expect(login.code).toBe(1);
    expect(login.output).toContain('--out -: standard output is a terminal');
    expect(login.output).not.toContain('enter this code');
    const forced = await inTerminal(['import', 'codex', '--path', path, '--out', '-', '--force'], home);
    expect(forced.code).toBe(0);
    expect(forced.output).toContain((doc.tokens as { refresh_token: string }).refresh_token);
  });

  it('says, when it reads credentials from a terminal, how to end them', async () => {
    const r = await inTerminal(['status'], scratchHome());
    expect(r.code).toBe(1);
    expect(r.output).toContain('Reading standard input: paste the credentials, then Ctrl-D (or give --from FILE).');
  });

  it('refuses an existing file unless --force, and never makes a folder', async () => {
    const home = scratchHome();
    const path = file(home, 'auth.json', codexLogin());
    const out = file(home, 'ci.json', 'keep me');
    const refused = await runCli(['import', 'codex', '--path', path, '--out', out]);
    expect(refused.code).toBe(1);
    expect(lines(refused.stderr)).toEqual([
      `oauth-broker import: error[OB_INPUT_CONFLICT]: --out: ${out} exists; ` +
        'add --force to replace it, or choose another path.',
    ]);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = await runCli(['import', 'codex', '--path', path, '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ auth_mode: 'chatgpt' });

    const missing = join(home, 'no', 'such', 'ci.json');
    const noFolder = await runCli(['import', 'codex', '--path', path, '--out', missing]);
    expect(noFolder.code).toBe(1);
    expect(lines(noFolder.stderr)).toEqual([
      `oauth-broker import: error[OB_FILE]: --out: the folder ${join(home, 'no', 'such')} does not exist; ` +
        'create it first (mkdir -p), or choose another path.',
    ]);
    expect(existsSync(join(home, 'no'))).toBe(false);
  });

  it('is checked by login the same way, before the login starts', async () => {
    const home = scratchHome();
    const out = file(home, 'ci.json', 'keep me');
    const r = await runCli(['login', '--provider', 'openai', '--device-url', 'https://127.0.0.1:1', '--out', out]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([
      `oauth-broker login: error[OB_INPUT_CONFLICT]: --out: ${out} exists; ` +
        'add --force to replace it, or choose another path.',
    ]);
    const folder = await runCli(['login', '--out', join(home, 'none', 'ci.json')]);
    expect(lines(folder.stderr)[0]).toMatch(
      /^oauth-broker login: error\[OB_FILE\]: --out: the folder .*none does not exist/,
    );
    mkdirSync(join(home, 'dir'));
    const dir = await runCli(['login', '--out', join(home, 'dir')]);
    expect(lines(dir.stderr)[0]).toBe(
      `oauth-broker login: error[OB_INPUT_INVALID]: --out: ${join(home, 'dir')} is a folder; give a file name in it.`,
    );
  });
});

describe("errors in the CLI's own words", () => {
  const pat = fakeToken('pat');
  let foreign: Server;
  let foreignUrl: string;
  beforeAll(async () => {
    // A web server that is not GitHub's API: every path is an HTML 404.
    foreign = createServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>Not Found</body></html>');
    });
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => foreign.close(() => resolve())));

  it('names the options, never workflow syntax or input names', async () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const empty = await runCli(['seal', '--public-key', key, '--key-id', '1'], { stdin: '\n' });
    expect(lines(empty.stderr)).toEqual([
      'oauth-broker seal: error[OB_CREDENTIALS]: --from -: is empty; give the credentials the login wrote.',
    ]);
    const ghToken = { access_token: fakeToken('opaque'), refresh_token: pat, expires_at: Date.now() + HOUR };
    const github = await runCli(['seal', '--public-key', key, '--key-id', '1'], {
      stdin: JSON.stringify(ghToken),
      secrets: [pat],
    });
    expect(lines(github.stderr)[0]).toMatch(
      /^oauth-broker seal: error\[OB_CREDENTIALS\]: --from -: the refresh token is a GitHub token, /,
    );
    expect(lines(github.stderr)[0]).toMatch(/ is read from GH_TOKEN; --from - takes the OAuth login to keep alive\.$/);
    const home = scratchHome();
    const emptyLogin = file(home, 'auth.json', '');
    const imported = await runCli(['import', 'codex', '--path', emptyLogin, '--out', '-']);
    expect(lines(imported.stderr)).toEqual([
      `oauth-broker import: error[OB_CREDENTIALS]: ${emptyLogin} is empty; log in with codex login again, or ` +
        `pass --path.`,
    ]);
    // seal takes no --provider: a document whose tokens are of two providers is fixed at its source.
    const mixed = { claudeAiOauth: { refreshToken: fakeToken('opaque') } };
    const sealed = await runCli(['seal', '--public-key', key, '--key-id', '1'], { stdin: JSON.stringify(mixed) });
    expect(lines(sealed.stderr)).toEqual([
      'oauth-broker seal: error[OB_CREDENTIALS]: --from -: the refresh token is not an Anthropic refresh token, ' +
        'so it is not sent to ' +
        'Anthropic; its tokens are not of one provider: store the file the login wrote, unchanged.',
    ]);
    for (const r of [empty, github, imported, sealed]) expect(r.stderr).not.toMatch(ACTION_WORDS);
  });

  it('names --token-url and the network, not the action inputs, when the token endpoint is unreachable', async () => {
    const home = scratchHome();
    const doc = {
      claudeAiOauth: { accessToken: fakeToken('anthropic-access'), refreshToken: fakeToken('anthropic-refresh') },
    };
    const path = file(home, 'c.json', JSON.stringify({ claudeAiOauth: { ...doc.claudeAiOauth, expiresAt: 1 } }));
    const url = `http://127.0.0.1:${await closedPort()}/v1/oauth/token`;
    const r = await runCli(['refresh', '--from', path, '--token-url', url], {
      env: { OAUTH_BROKER_RETRY_BASE_MS: '1' },
    });
    expect(r.code).toBe(1);
    const error = lines(r.stderr).find((l) => l.includes(': error[')) ?? '';
    expect(error).toMatch(/Check --token-url and the network, then run again\.$/);
    expect(r.stderr).not.toMatch(ACTION_WORDS);
  });

  it('blames --api-url, not --repo, for a server that is not GitHub', async () => {
    const r = await runCli(['public-key', '--repo', 'octo/app', '--api-url', foreignUrl], { env: { GH_TOKEN: pat } });
    expect(r.code).toBe(1);
    expect(lines(r.stderr)[0]).toBe(
      'oauth-broker public-key: error[OB_GITHUB]: --api-url: could not read the public key of repository octo/app: ' +
        "the answer (HTTP 404) is not GitHub's; check that --api-url is GitHub's API.",
    );
  });

  it.each([
    ['public-key', []],
    ['seed', ['--secret', 'S']],
  ])('%s: a host that does not resolve is one line at once, naming it and --api-url', async (verb, more) => {
    const argv = [verb, '--repo', 'octo/app', ...more, '--api-url', 'https://no-such-host.invalid'];
    const creds = JSON.stringify({ claudeAiOauth: { refreshToken: fakeToken('anthropic-refresh'), expiresAt: 1 } });
    const r = await runCli(argv, { env: { GH_TOKEN: pat, OAUTH_BROKER_RETRY_BASE_MS: '1' }, stdin: creds });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/retrying/);
    const [first, ...rest] = lines(r.stderr);
    expect(first).toMatch(
      new RegExp(
        `^oauth-broker ${verb}: error\\[OB_GITHUB\\]: --api-url: could not read the public key of repository ` +
          `octo/app: ` +
          'GitHub could not be reached: the host no-such-host.invalid was not found \\((ENOTFOUND|EAI_AGAIN)\\); ' +
          'check --api-url and the network\\.$',
      ),
    );
    // Only what the error says about the secret follows it.
    expect(rest.every((l) => l.startsWith('  The secret: '))).toBe(true);
  });
});

describe('an --api-url that cannot work', () => {
  let plain: Server;
  let port: number;
  beforeAll(async () => {
    plain = createServer((_req, res) => res.end('not TLS'));
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    port = (plain.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => plain.close(() => resolve())));

  it('fails at once on a TLS handshake that would fail again (https to a plain port)', async () => {
    const r = await runCli(['public-key', '--repo', 'octo/app', '--api-url', `https://127.0.0.1:${port}`], {
      env: { GH_TOKEN: fakeToken('pat'), OAUTH_BROKER_RETRY_BASE_MS: '1' },
    });
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(lines(r.stderr)[0]).toMatch(
      /^oauth-broker public-key: error\[OB_GITHUB\]: --api-url: could not read the public key of .*octo\/app: GitHub /,
    );
    expect(lines(r.stderr)[0]).toMatch(/: TLS handshake failed \(.+\); check --api-url and the network\.$/);
  });
});

describe('the device login, waiting', () => {
  it('says at least once a minute that it waits for the code, with the time left', async () => {
    const server = await startLoginServer({ kind: 'openai', pollsBeforeApproval: Number.POSITIVE_INFINITY });
    const deps = testDeps({ env: { BROWSER: 'none' } });
    const { said } = deps;
    const start = deps.now();
    try {
      await expect(deviceCode(server.deviceUrl, OPENAI_CLIENT_ID, 'provider openai', deps)).rejects.toThrow(
        'the code was not entered within 15 minutes',
      );
    } finally {
      await server.close();
    }
    const code = server.userCodes[0];
    const waiting = said.filter((s) => s.line.startsWith('Waiting for you to enter the code'));
    expect(waiting.map((w) => w.line)).toEqual([
      ...Array.from({ length: 14 }, (_, i) => `Waiting for you to enter the code ${code} (${14 - i} min left).`),
    ]);
    // No silence of more than a minute from the code's line to the end.
    const times = [start, ...waiting.map((w) => w.at), start + 15 * 60_000];
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeLessThanOrEqual(60_000);
  });
});
