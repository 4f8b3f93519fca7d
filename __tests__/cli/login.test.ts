// `oauth-broker login` through the bundle, against a stand-in for each provider's login: the
// user's part is played by the test (reading the address the child prints, pasting on its
// stdin) or by a stub BROWSER program that follows the redirect to the CLI's callback.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseCredentials } from '../../src/core/formats/index.js';
import { PROVIDERS } from '../../src/core/providers.js';
import { refreshTokens } from '../../src/core/refresh.js';
import { type CliResult, runCli, scratchHome } from '../support/cli.js';
import { fakeToken } from '../support/fake-tokens.js';
import { closedPort } from '../support/http.js';
import { ANTHROPIC_PASTE_CALLBACK, type LoginServer, startLoginServer } from '../support/login-server.js';
import { type OAuthServer, startOAuthServer } from '../support/oauth-server.js';

const HOUR = 3_600_000;
const CLAUDE_SCOPES = [
  'user:profile',
  'user:inference',
  'user:sessions:claude_code',
  'user:mcp_servers',
  'user:file_upload',
];

/** What the test answers, as the user would, once the child printed the address to open. */
type Answer = (address: string) => Promise<string | undefined>;

/**
 * Runs `login`, with HOME a scratch dir and no browser unless `env` names one. `answer` gets the
 * first address the child prints on a line of its own; what it returns is typed on the child's
 * stdin (undefined: stdin is closed, as when nothing is pasted).
 */
function login(argv: string[], opts: { env?: Record<string, string>; answer?: Answer; stdout?: boolean } = {}) {
  return runCli(['login', ...argv], {
    env: { BROWSER: 'none', ...opts.env },
    secretsOnStdout: opts.stdout,
    stdin: (child: ChildProcessWithoutNullStreams) => {
      if (!opts.answer) {
        child.stdin.end();
        return;
      }
      const answer = opts.answer;
      let printed = '';
      let answered = false;
      child.stderr.on('data', (d: string) => {
        printed += d;
        const address = /^(https?:\/\/\S+)$/m.exec(printed)?.[1];
        if (!address || answered) return;
        answered = true;
        answer(address).then((text) => (text === undefined ? child.stdin.end() : child.stdin.end(`${text}\n`)));
      });
    },
  });
}

/** The CODE#STATE Anthropic's page shows, as the user copies it. */
const pageCode: Answer = async (address) => {
  const page = await (await fetch(address)).text();
  return /<pre>(\S+#\S+)<\/pre>/.exec(page)?.[1];
};

/** The address the browser is sent to, as a user on a headless machine copies it. */
const redirected: Answer = async (address) => {
  const res = await fetch(address, { redirect: 'manual' });
  return res.headers.get('location') ?? undefined;
};

/** A BROWSER program that opens the address as a browser would: following redirects, to the CLI's callback. */
function stubBrowser(): string {
  const file = join(scratchHome(), 'browser.mjs');
  writeFileSync(file, `#!${process.execPath}\nawait fetch(process.argv[2]).catch(() => {});\n`);
  chmodSync(file, 0o755);
  return file;
}

function errorLine(r: CliResult): string {
  return r.stderr.split('\n').find((l) => l.startsWith('oauth-broker login: error[')) ?? '';
}

/** A login that failed: exit 1, one error line, no file, nothing on stdout. */
function expectFailed(r: CliResult, out: string, message: string): void {
  expect(r.code).toBe(1);
  expect(errorLine(r)).toBe(`oauth-broker login: error[OB_LOGIN]: ${message}`);
  expect(r.stderr.split('\n').filter((l) => l.includes(': error['))).toHaveLength(1);
  expect(existsSync(out)).toBe(false);
  expect(r.stdout).toBe('');
}

describe('oauth-broker login --provider anthropic (paste the code)', () => {
  let issuer: OAuthServer;
  let server: LoginServer;
  beforeAll(async () => {
    issuer = await startOAuthServer({ accessTtlSeconds: 28_800 });
    server = await startLoginServer({ kind: 'anthropic', issuer, subscriptionType: 'max' });
  });
  afterAll(async () => {
    await server.close();
    await issuer.close();
  });
  const urls = () => ['--authorize-url', server.authorizeUrl, '--token-url', server.tokenUrl];

  it('writes Claude Code credentials to --out (0600) that the refresh grant then renews', async () => {
    // --out never makes a folder: the user makes it.
    const out = join(scratchHome(), 'ci', 'claude.json');
    mkdirSync(dirname(out));
    const before = Date.now();
    const r = await login([...urls(), '--out', out], { answer: pageCode });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Open this address in a browser/m);
    expect(r.stderr).toMatch(/^Paste the code the page shows \(CODE#STATE\): /m);
    expect(r.stderr).toContain(`Wrote ${out} (mode 0600).`);
    expect(statSync(out).mode & 0o777).toBe(0o600);

    const a = server.authorizations.at(-1)!;
    expect(a.query).toMatchObject({
      code: 'true',
      redirect_uri: ANTHROPIC_PASTE_CALLBACK,
      scope: CLAUDE_SCOPES.join(' '),
    });
    const exchange = server.requests.find((q) => q.path === '/oauth/token')!;
    expect(exchange.headers['content-type']).toBe('application/json');
    expect(Object.keys(exchange.body)).toEqual([
      'grant_type',
      'code',
      'state',
      'client_id',
      'redirect_uri',
      'code_verifier',
    ]);

    const text = readFileSync(out, 'utf8');
    const doc = JSON.parse(text).claudeAiOauth;
    const issued = server.issued.at(-1)!;
    expect(doc).toEqual({
      accessToken: issued.accessToken,
      refreshToken: issued.refreshToken,
      expiresAt: expect.any(Number),
      scopes: CLAUDE_SCOPES,
      subscriptionType: 'max',
    });
    expect(doc.expiresAt).toBeGreaterThanOrEqual(before + 8 * HOUR);
    expect(doc.expiresAt).toBeLessThanOrEqual(Date.now() + 8 * HOUR);
    const c = parseCredentials(text);
    expect(c).toMatchObject({ format: 'claude-code', refreshToken: issued.refreshToken, scopes: CLAUDE_SCOPES });

    const renewed = await refreshTokens(
      {
        provider: PROVIDERS.anthropic,
        tokenUrl: issuer.tokenUrl,
        clientId: PROVIDERS.anthropic.clientId!,
        refreshToken: c.refreshToken,
        scopes: c.scopes,
      },
      { fetch, now: Date.now, sleep: async () => {}, info: () => {}, timeoutMs: 5000, retryDelayMs: 0 },
    );
    expect(renewed.refreshToken).toBeDefined();
    expect(issuer.isLive(c.refreshToken)).toBe(false);
  });

  it('--inference-only asks for user:inference alone; --out - prints the credentials alone on stdout', async () => {
    const r = await login([...urls(), '--inference-only', '--out', '-'], { answer: pageCode, stdout: true });
    expect(r.code).toBe(0);
    expect(server.authorizations.at(-1)!.scope).toBe('user:inference');
    const c = parseCredentials(r.stdout);
    expect(c).toMatchObject({ format: 'claude-code', scopes: ['user:inference'] });
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/Wrote/);
  });

  it('--console opens the Console authorize page; the address is printed even when nothing is pasted', async () => {
    const out = join(scratchHome(), 'c.json');
    const r = await login(['--console', '--token-url', server.tokenUrl, '--out', out]);
    expect(r.stderr).toMatch(/^https:\/\/platform\.claude\.com\/oauth\/authorize\?response_type=code&client_id=9d1c/m);
    expectFailed(r, out, 'nothing was pasted; run the login again and paste the CODE#STATE the page shows.');
  });

  it.each([
    [
      'a code from another login',
      async (a: string) => `${(await pageCode(a))!.split('#')[0]}#otherstate`,
      "the pasted code belongs to another login (its state does not match this one's); run the login again.",
    ],
    [
      'a malformed paste',
      async () => 'not-a-code',
      'the pasted text is not the CODE#STATE the page shows; run the login again and copy all of it.',
    ],
  ])('refuses %s in one line, sending nothing to the token endpoint', async (_, answer, line) => {
    const out = join(scratchHome(), 'c.json');
    const exchanges = server.requests.filter((q) => q.path === '/oauth/token').length;
    const r = await login([...urls(), '--out', out], { answer });
    expectFailed(r, out, line);
    expect(server.requests.filter((q) => q.path === '/oauth/token')).toHaveLength(exchanges);
  });

  it('says the token endpoint refused the code, quoting its error code, and writes nothing', async () => {
    const out = join(scratchHome(), 'c.json');
    server.tokenFaults.push({ status: 400, body: { error: 'invalid_grant', error_description: 'Invalid code' } });
    const r = await login([...urls(), '--out', out], { answer: pageCode });
    expectFailed(
      r,
      out,
      `provider anthropic (${new URL(server.tokenUrl).host}) refused the authorization code: ` +
        'answered HTTP 400 (invalid_grant: Invalid code); run the login again.',
    );
  });
});

describe('oauth-broker login --provider openai', () => {
  let server: LoginServer;
  beforeAll(async () => {
    server = await startLoginServer({ kind: 'openai', pollsBeforeApproval: 3 });
  });
  afterAll(() => server.close());
  /** The browser login with its callback at `redirectUri`. */
  const browser = (redirectUri: string) => [
    ...['--provider', 'openai', '--browser', '--authorize-url', server.authorizeUrl, '--token-url', server.tokenUrl],
    ...['--redirect-uri', redirectUri],
  ];

  function expectCodex(text: string, before: number): void {
    const doc = JSON.parse(text);
    const issued = server.issued.at(-1)!;
    expect(doc).toEqual({
      auth_mode: 'chatgpt',
      OPENAI_API_KEY: null,
      tokens: {
        id_token: issued.idToken,
        access_token: issued.accessToken,
        refresh_token: issued.refreshToken,
        account_id: server.accountId,
      },
      last_refresh: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
    });
    expect(Date.parse(doc.last_refresh)).toBeGreaterThanOrEqual(before);
    expect(parseCredentials(text)).toMatchObject({
      format: 'codex',
      refreshToken: issued.refreshToken,
      idToken: issued.idToken,
    });
  }

  it('logs in with a device code approved after a few polls, and writes Codex auth.json', async () => {
    const out = join(scratchHome(), 'auth.json');
    const before = Date.now();
    const polls = server.polls;
    const r = await login(
      ['--provider', 'openai', '--device-url', server.deviceUrl, '--token-url', server.tokenUrl, '--out', out],
      { env: { OAUTH_BROKER_POLL_MS: '20' } },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`\n${server.deviceUrl}/codex/device\n`);
    expect(r.stderr).toContain(`Then enter this code (valid 15 minutes; never share it): ${server.userCodes.at(-1)}`);
    expect(server.polls - polls).toBe(4);
    const exchange = server.requests.filter((q) => q.path === '/oauth/token').at(-1)!;
    expect(exchange.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(exchange.body.redirect_uri).toBe(`${server.deviceUrl}/deviceauth/callback`);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expectCodex(readFileSync(out, 'utf8'), before);
  });

  it('--browser: the browser follows the redirect to the callback on this machine', async () => {
    const port = await closedPort();
    const redirectUri = `http://localhost:${port}/auth/callback`;
    const before = Date.now();
    const r = await login([...browser(redirectUri), '--out', '-'], { env: { BROWSER: stubBrowser() }, stdout: true });
    expect(r.code).toBe(0);
    expect(server.authorizations.at(-1)!.query).toMatchObject({
      redirect_uri: redirectUri,
      scope: 'openid profile email offline_access',
      id_token_add_organizations: 'true',
      codex_cli_simplified_flow: 'true',
      originator: 'oauth-broker',
    });
    expectCodex(r.stdout, before);
  });

  it('--browser: callbacks that are not this login’s (an error with no state first) leave it waiting', async () => {
    // A page or program on this machine reaches the callback before the browser does.
    const file = join(scratchHome(), 'browser.mjs');
    const forged = ['error=access_denied', 'code=forged&state=forged', 'error=access_denied&state=forged'];
    const script = [
      `#!${process.execPath}`,
      'const callback = new URL(process.argv[2]).searchParams.get("redirect_uri");',
      `for (const q of ${JSON.stringify(forged)}) {`,
      '  const res = await fetch(callback + "?" + q);',
      '  if (res.status !== 400) process.exit(3);',
      '}',
      'await fetch(process.argv[2]).catch(() => {});',
    ].join('\n');
    writeFileSync(file, `${script}\n`);
    chmodSync(file, 0o755);
    const port = await closedPort();
    const before = Date.now();
    const r = await login([...browser(`http://127.0.0.1:${port}/auth/callback`), '--out', '-'], {
      env: { BROWSER: file },
      stdout: true,
    });
    expect(r.code).toBe(0);
    expectCodex(r.stdout, before);
  });

  it('--browser on a headless machine: the user pastes the address the browser was sent to', async () => {
    const port = await closedPort();
    const before = Date.now();
    const r = await login([...browser(`http://127.0.0.1:${port}/auth/callback`), '--out', '-'], {
      answer: redirected,
      stdout: true,
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Or, if the browser cannot reach this machine, paste the address it was sent to:$/m);
    expectCodex(r.stdout, before);
  });

  it('says so when the user denied access on the authorize page (error=access_denied)', async () => {
    const out = join(scratchHome(), 'auth.json');
    server.deny = true;
    const port = await closedPort();
    const r = await login([...browser(`http://127.0.0.1:${port}/cb`), '--out', out], {
      env: { BROWSER: stubBrowser() },
    });
    expectFailed(
      r,
      out,
      'the authorization server refused the login (access_denied: The user denied the request); ' +
        'run the login again and approve it.',
    );
  });
});

describe('oauth-broker login --provider oauth2', () => {
  // Random, so it may start with a dash: given as --client-secret=VALUE, which takes any value.
  const clientSecret = fakeToken('opaque');
  let server: LoginServer;
  beforeAll(async () => {
    server = await startLoginServer({ kind: 'oauth2', clientSecret });
  });
  afterAll(() => server.close());
  const args = () => [
    ...['--provider', 'oauth2', '--authorize-url', server.authorizeUrl, '--token-url', server.tokenUrl],
    ...['--client-id', 'ci-client', `--client-secret=${clientSecret}`],
  ];

  function expectDocument(text: string, scope: string): void {
    const doc = JSON.parse(text);
    const issued = server.issued.at(-1)!;
    expect(doc).toEqual({
      access_token: issued.accessToken,
      refresh_token: issued.refreshToken,
      expires_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      scope,
      token_type: 'bearer',
    });
    expect(Date.parse(doc.expires_at) - Date.now()).toBeGreaterThan(HOUR - 60_000);
    expect(parseCredentials(text)).toMatchObject({ format: 'generic', refreshToken: issued.refreshToken });
  }

  it('listens on a free loopback port by default, authenticates the client, writes the token document', async () => {
    const r = await login([...args(), '--scope', 'openid offline_access', '--out', '-'], {
      env: { BROWSER: stubBrowser() },
      stdout: true,
    });
    expect(r.code).toBe(0);
    expect(server.authorizations.at(-1)!.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expectDocument(r.stdout, 'openid offline_access');
  });

  it('takes the pasted address for a redirect URI it cannot listen on', async () => {
    const r = await login(
      [...args(), '--scope', 'read', '--redirect-uri', 'https://ci.example.com/done', '--out', '-'],
      {
        answer: redirected,
        stdout: true,
      },
    );
    expect(r.code).toBe(0);
    expect(server.authorizations.at(-1)!.redirectUri).toBe('https://ci.example.com/done');
    expectDocument(r.stdout, 'read');
  });
});

describe('oauth-broker login usage', () => {
  it.each([
    [['--token-url', 'https://t.example'], '--out is required: a file for the new login, or - for standard output.'],
    [
      [
        '--provider',
        'oauth2',
        '--authorize-url',
        'https://a.example/auth',
        '--token-url',
        'https://a.example/token',
        '--out',
        '-',
      ],
      '--client-id is required with --provider oauth2.',
    ],
    [
      ['--provider', 'oauth2', '--client-id', 'c', '--token-url', 'https://a.example/token', '--out', '-'],
      '--authorize-url is required with --provider oauth2.',
    ],
    [
      ['--provider', 'github', '--out', '-'],
      '--provider: "github" is not a provider; use anthropic, openai or oauth2.',
    ],
    [['--browser', '--out', '-'], '--browser does not apply to --provider anthropic (it is for openai).'],
    [
      ['--provider', 'openai', '--redirect-uri', 'http://127.0.0.1:1/cb', '--out', '-'],
      '--redirect-uri is for the browser login: add --browser.',
    ],
    [
      ['--provider', 'openai', '--browser', '--device-url', 'https://d.example', '--out', '-'],
      '--device-url is for the device code login, which --browser replaces.',
    ],
    [
      ['--token-url', 'http://t.example/token', '--out', '-'],
      '--token-url: "http://t.example/token" must be an https URL.',
    ],
    [['--out'], '"--out" needs a value.'],
  ])('%j is a usage error: exit 2, one line, then the usage', async (argv, line) => {
    const r = await login(argv);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe(`oauth-broker login: ${line}`);
    expect(lines[1]).toMatch(/^usage: oauth-broker login \[--provider anthropic\|openai\|oauth2\] --out FILE\|-/);
    expect(r.stdout).toBe('');
  });

  it.each([
    ['anthropic', '.claude/.credentials.json', "Claude Code's own login"],
    ['openai', '.codex/auth.json', "Codex's own login"],
  ])("refuses --out naming the %s CLI's own login file", async (provider, file, own) => {
    const home = scratchHome();
    const r = await login(['--provider', provider, '--out', join(home, file)], { env: { HOME: home } });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(
      `oauth-broker login: --out: ${join(home, file)} is ${own}; CI needs a login of its own, so choose another path.`,
    );
    expect(existsSync(join(home, file))).toBe(false);
  });

  it('has --help (exit 0), and is listed in the top-level usage', async () => {
    const help = await login(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(
      /^usage: oauth-broker login \[--provider anthropic\|openai\|oauth2\] --out FILE\|- \[--force\] \[options\]/,
    );
    expect(help.stdout).toMatch(/^ {2}oauth2 +--authorize-url, --token-url and --client-id/m);
    const top = await runCli(['--help']);
    expect(top.stdout).toMatch(/^ {2}login +a new login for CI/m);
  });
});
