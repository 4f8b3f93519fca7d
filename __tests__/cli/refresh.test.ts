// `oauth-broker refresh` through the bundle against the OAuth stand-in (single-use rotation): each
// format, the file rewritten atomically in place, refusals before any call, the rescue file, and
// Ctrl-C while the token request is in flight.
import { type ChildProcessWithoutNullStreams, execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fingerprint } from '../../src/core/fingerprint.js';
import { sha256Hex } from '../../src/core/sha256.js';
import { type CliResult, runCli, scratchHome } from '../support/cli.js';
import { fakeJwt, fakeToken } from '../support/fake-tokens.js';
import { closedPort } from '../support/http.js';
import { type OAuthServer, startOAuthServer } from '../support/oauth-server.js';

const HOUR = 3_600_000;
const CODEX_CLIENT_ID = 'app_EMoamEEZ73f0CkXaXp7hrann';
const openaiJwt = (exp: number): string => fakeJwt({ iss: 'https://auth.openai.com', exp });

let servers: OAuthServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function server(opts: Parameters<typeof startOAuthServer>[0] = {}): Promise<OAuthServer> {
  const s = await startOAuthServer(opts);
  servers.push(s);
  return s;
}

/** A file alone in a fresh folder, so a temporary file left beside it would show. */
function credentialsFile(doc: unknown, name = 'credentials.json'): string {
  const dir = join(scratchHome(), 'creds');
  mkdirSync(dir);
  const path = join(dir, name);
  writeFileSync(path, typeof doc === 'string' ? doc : JSON.stringify(doc), { mode: 0o600 });
  return path;
}

function claudeFile(s: OAuthServer, expiresAt = Date.now() - HOUR): { path: string; refreshToken: string } {
  const { refreshToken, accessToken } = s.issue();
  const doc = { claudeAiOauth: { accessToken, refreshToken, expiresAt, scopes: ['user:inference'], plan: 'max' } };
  return { path: credentialsFile(doc), refreshToken };
}

const read = (path: string): any => JSON.parse(readFileSync(path, 'utf8'));
const presented = (s: OAuthServer, token: string): number =>
  s.requests.filter((r) => r.body?.refresh_token === token).length;

function expectRewritten(path: string, mode = 0o600): void {
  expect(statSync(path).mode & 0o777).toBe(mode);
  expect(readdirSync(dirname(path))).toEqual([basename(path)]);
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await pause(20);
}

/** `runCli` with the child at hand, to signal it, and its stderr so far. */
function started(argv: string[], env?: Record<string, string>) {
  let child: ChildProcessWithoutNullStreams | undefined;
  let stderr = '';
  const done: Promise<CliResult> = runCli(argv, {
    env,
    stdin: (c) => {
      child = c;
      c.stdin.end();
      c.stderr.on('data', (d: string) => {
        stderr += d;
      });
    },
  });
  return { done, stderr: () => stderr, kill: (signal: NodeJS.Signals) => child?.kill(signal) };
}

describe('oauth-broker refresh', () => {
  it('refreshes Claude Code credentials once and rewrites the file in place with the successor', async () => {
    const s = await server();
    const { path, refreshToken: old } = claudeFile(s);
    const r = await runCli(['refresh', '--from', path, '--token-url', s.tokenUrl]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const doc = read(path).claudeAiOauth;
    expect(doc.refreshToken).not.toBe(old);
    expect(s.isLive(doc.refreshToken)).toBe(true);
    expect(s.isLive(old)).toBe(false);
    expect(doc.expiresAt).toBeGreaterThan(Date.now() + 7 * HOUR);
    expect(doc.plan).toBe('max');
    expectRewritten(path);
    const lines = r.stderr.trim().split('\n');
    const expires = new Date(doc.expiresAt).toISOString();
    expect(lines[0]).toContain(`Refreshed ${path}: access token expires ${expires} (in `);
    expect(lines[0]).toMatch(/ \(in (8h|7h59m5\ds)\), fingerprint [0-9a-f]{12}\.$/);
    expect(lines[0]).toContain(`fingerprint ${fingerprint(doc.accessToken, sha256Hex)}.`);
    expect(lines.slice(1)).toEqual([
      'Warning: the refresh token this file held is now spent, everywhere else it is stored too (a GitHub secret,',
      '  another machine): those copies can no longer refresh. Store the new file where they were, e.g.',
      `  oauth-broker seed --repo O/R --secret NAME --from ${path}`,
    ]);

    // The next refresh presents the successor: the old token is never presented twice.
    const again = await runCli(['refresh', '--from', path, '--token-url', s.tokenUrl]);
    expect(again.code).toBe(0);
    expect(presented(s, old)).toBe(1);
    expect(presented(s, doc.refreshToken)).toBe(1);
    expect(s.reuseCount).toBe(0);
    expect(s.isLive(read(path).claudeAiOauth.refreshToken)).toBe(true);
  });

  it('refreshes a Codex auth.json (provider from the file, expiry from the JWT), keeping a 0400 mode', async () => {
    const exp = Math.floor(Date.now() / 1000) + 10 * 86_400;
    const s = await server({
      clientId: CODEX_CLIENT_ID,
      mint: { access: () => openaiJwt(exp), refresh: () => fakeToken('opaque'), id: () => openaiJwt(exp) },
      omitExpiresIn: true,
    });
    const { refreshToken: old } = s.issue();
    const stale = openaiJwt(Math.floor(Date.now() / 1000) - 60);
    const path = credentialsFile({
      auth_mode: 'chatgpt',
      OPENAI_API_KEY: null,
      tokens: { id_token: stale, access_token: stale, refresh_token: old, account_id: 'acct-1' },
      last_refresh: '2020-01-01T00:00:00.000Z',
    });
    chmodSync(path, 0o400);
    const r = await runCli(['refresh', '--from', path, '--token-url', s.tokenUrl]);
    expect(r.code).toBe(0);
    const doc = read(path);
    expect(s.requests[0].body).toEqual({ grant_type: 'refresh_token', refresh_token: old, client_id: CODEX_CLIENT_ID });
    expect(s.isLive(doc.tokens.refresh_token)).toBe(true);
    expect(doc.tokens.account_id).toBe('acct-1');
    expect(doc.tokens.id_token).not.toBe(stale);
    expect(Date.parse(doc.last_refresh)).toBeGreaterThan(Date.now() - 60_000);
    expect(r.stderr).toContain(`access token expires ${new Date(exp * 1000).toISOString()} (in 9d23h59m`);
    expectRewritten(path, 0o400);
  });

  it('refreshes a generic document with --provider oauth2 --token-url --client-id (form-encoded)', async () => {
    const s = await server({ clientId: 'ci-app', encoding: 'form', mint: { refresh: () => fakeToken('opaque') } });
    const { refreshToken: old } = s.issue(['read']);
    const path = credentialsFile({
      access_token: fakeToken('opaque'),
      refresh_token: old,
      expires_at: '2020-01-01T00:00:00Z',
      scope: 'read',
      team: 'ci',
    });
    const base = ['refresh', '--from', path, '--token-url', s.tokenUrl];
    const unnamed = await runCli(base);
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr.split('\n')[0]).toBe(
      'oauth-broker refresh: --provider is required: the credentials do not name their issuer ' +
        '(--provider oauth2 --token-url URL --client-id ID).',
    );
    const noClient = await runCli([...base, '--provider', 'oauth2']);
    expect(noClient.code).toBe(2);
    expect(noClient.stderr.split('\n')[0]).toBe('oauth-broker refresh: --client-id is required with oauth2.');
    expect(s.requests).toEqual([]);

    const r = await runCli([...base, '--provider', 'oauth2', '--client-id', 'ci-app']);
    expect(r.code).toBe(0);
    expect(s.requests[0].headers['content-type']).toBe('application/x-www-form-urlencoded');
    const doc = read(path);
    expect(s.isLive(doc.refresh_token)).toBe(true);
    expect(doc.team).toBe('ci');
    expect(doc.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Date.parse(doc.expires_at)).toBeGreaterThan(Date.now() + 7 * HOUR);
    expectRewritten(path);
  });

  it('rewrites the file a symbolic link points to, and the link stays', async () => {
    const s = await server();
    const { path } = claudeFile(s);
    const link = join(scratchHome(), 'link.json');
    symlinkSync(path, link);
    const r = await runCli(['refresh', '--from', link, '--token-url', s.tokenUrl]);
    expect(r.code).toBe(0);
    expect(s.isLive(read(path).claudeAiOauth.refreshToken)).toBe(true);
    expect(readFileSync(link, 'utf8')).toBe(readFileSync(path, 'utf8'));
    expectRewritten(path);
  });

  it('says when the provider kept the refresh token: other copies still work', async () => {
    const s = await server({ omitRefreshToken: true });
    const { path, refreshToken } = claudeFile(s);
    const r = await runCli(['refresh', '--from', path, '--token-url', s.tokenUrl]);
    expect(r.code).toBe(0);
    expect(read(path).claudeAiOauth.refreshToken).toBe(refreshToken);
    expect(r.stderr).toContain('The provider kept the refresh token: other copies of this file still work.');
    expect(r.stderr).not.toContain('Warning');
  });
});

describe('oauth-broker refresh: failures', () => {
  it('invalid_grant: one line, the file unchanged', async () => {
    const s = await server();
    const path = credentialsFile({
      claudeAiOauth: { refreshToken: fakeToken('anthropic-refresh'), scopes: ['user:inference'] },
    });
    const before = readFileSync(path, 'utf8');
    const r = await runCli(['refresh', '--from', path, '--token-url', s.tokenUrl]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `oauth-broker refresh: error[OB_LOGIN_LOST]: provider anthropic (${new URL(s.tokenUrl).host}) refused the ` +
        `stored refresh ` +
        'token: answered HTTP 400 (invalid_grant: Refresh token not found or invalid). The file is unchanged; ' +
        'log in again.',
    ]);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expectRewritten(path);
  });

  it('keeps the new credentials beside the file when it cannot be rewritten after the provider answered', async () => {
    const s = await server();
    const { path } = claudeFile(s);
    s.faults.push({ delayMs: 1500 });
    const running = runCli(['refresh', '--from', path, '--token-url', s.tokenUrl]);
    while (s.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    // While the provider answers, a folder takes the file's place: the rename over it fails.
    rmSync(path);
    mkdirSync(path);
    const r = await running;
    expect(r.code).toBe(1);
    const rescue = readdirSync(dirname(path)).filter((f) => f !== basename(path));
    expect(rescue).toEqual([expect.stringMatching(/^credentials\.json\.rotated-\d{8}T\d{6}Z$/)]);
    const kept = join(dirname(path), rescue[0]);
    expect(statSync(kept).mode & 0o777).toBe(0o600);
    expect(s.isLive(read(kept).claudeAiOauth.refreshToken)).toBe(true);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe(
      `oauth-broker refresh: error[OB_WRITE_BACK]: --from: ${path} could not be rewritten (EISDIR); the new ` +
        `credentials are ` +
        `beside it, in ${rescue[0]}: move that over it.`,
    );
    expect(lines[1]).toBe(`  The refresh token ${path} holds is spent; only ${kept} holds the live one.`);
  });

  it('refuses, before any call, a file in a folder it cannot write', async () => {
    const s = await server();
    const { path } = claudeFile(s);
    const folder = dirname(path);
    // Root writes anywhere but in an immutable folder; anyone else is stopped by the mode.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) execFileSync('chattr', ['+i', folder]);
    else chmodSync(folder, 0o500);
    try {
      const r = await runCli(['refresh', '--from', path, '--token-url', s.tokenUrl]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(
        `oauth-broker refresh: error[OB_FILE]: --from: the folder of ${path} cannot be written, so nothing is ` +
          `refreshed; ` +
          'refresh a copy in a folder you can write.',
      );
      expect(s.requests).toEqual([]);
    } finally {
      if (asRoot) execFileSync('chattr', ['-i', folder]);
      else chmodSync(folder, 0o700);
    }
  });

  it('does not retry a request that may have arrived (HTTP timeout knob); the file is unchanged', async () => {
    const s = await server();
    const { path } = claudeFile(s);
    const before = readFileSync(path, 'utf8');
    s.faults.push({ action: 'hang' });
    const r = await runCli(['refresh', '--from', path, '--token-url', s.tokenUrl], {
      env: { OAUTH_BROKER_HTTP_TIMEOUT_MS: '1500' },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^oauth-broker refresh: error\[OB_REFRESH_UNCERTAIN\]: provider anthropic .* not retried, as it may have arrived/,
    );
    expect(s.requests).toHaveLength(1);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('retries a refused connection, which spent nothing (retry knob)', async () => {
    const s = await server();
    const { path } = claudeFile(s);
    const url = `http://127.0.0.1:${await closedPort()}/v1/oauth/token`;
    const r = await runCli(['refresh', '--from', path, '--token-url', url], {
      env: { OAUTH_BROKER_RETRY_BASE_MS: '10' },
    });
    expect(r.code).toBe(1);
    expect(r.stderr.match(/the request was not sent, retrying in 0s/g)).toHaveLength(2);
    expect(r.stderr).toMatch(/error\[OB_PROVIDER\]: provider anthropic .* after 3 attempts; nothing was spent\./);
  });

  it('says in one line at once, without retrying, that the token endpoint does not resolve', async () => {
    const s = await server();
    const { path } = claudeFile(s);
    const before = readFileSync(path, 'utf8');
    const r = await runCli(['refresh', '--from', path, '--token-url', 'https://no-such-host.invalid/v1/oauth/token']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('retrying');
    expect(r.stderr.trim()).toMatch(
      new RegExp(
        '^oauth-broker refresh: error\\[OB_PROVIDER\\]: provider anthropic \\(no-such-host\\.invalid\\): the ' +
          'host was not found ' +
          '\\((ENOTFOUND|EAI_AGAIN)\\); nothing was spent\\. Check --token-url\\.$',
      ),
    );
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it.each([
    [
      'credentials of another provider',
      ['--provider', 'openai'],
      'OB_CREDENTIALS',
      (path: string) =>
        `--from ${path}: these are Claude Code credentials but provider is openai, so it is not sent there; ` +
        'set --provider anthropic.',
    ],
    [
      "another provider's token endpoint",
      ['--token-url', 'https://auth.openai.com/oauth/token'],
      'OB_INPUT_CONFLICT',
      () =>
        "--token-url: auth.openai.com is OpenAI's token endpoint but provider is anthropic, so nothing is sent " +
        'there; set --provider openai, or --token-url to the issuer of the credentials.',
    ],
    [
      'a token URL in clear',
      ['--token-url', 'http://idp.example/token'],
      'OB_INPUT_INVALID',
      () => '--token-url: "http://idp.example/token" must be an https URL.',
    ],
  ])('refuses %s before any call', async (_what, argv, code, line) => {
    const s = await server();
    const { path } = claudeFile(s);
    const r = await runCli(['refresh', '--from', path, ...argv]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`oauth-broker refresh: error[${code}]: ${line(path)}`);
    expect(s.requests).toEqual([]);
  });

  it('says in one line when --from does not exist', async () => {
    const missing = join(scratchHome(), 'nope.json');
    const r = await runCli(['refresh', '--from', missing]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`oauth-broker refresh: error[OB_FILE]: --from: ${missing} does not exist.`);
  });
});

describe('oauth-broker refresh: usage', () => {
  it.each([
    [['refresh'], '--from is required.'],
    [['refresh', '--from', '-'], '--from - cannot be rewritten; give the credentials file to refresh.'],
    [
      ['refresh', '--from', 'f', '--provider', 'gemini'],
      '--provider: "gemini" is not one of anthropic, openai, oauth2.',
    ],
    [['refresh', '--from', 'f', '--out', '-'], 'unknown option "--out".'],
    [['refresh', '--from', 'f', 'extra'], 'unexpected argument "extra".'],
  ])('%j is a usage error: exit 2, one line, then the usage', async (argv, line) => {
    const path = credentialsFile(fakeToken('anthropic-refresh'));
    const r = await runCli(argv.map((a) => (a === 'f' ? path : a)));
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe(`oauth-broker refresh: ${line}`);
    expect(lines[1]).toMatch(/^usage: oauth-broker refresh --from FILE \[--provider P\] \[--token-url URL\]/);
  });

  it('has --help, which says how the file is rewritten and where a failed rewrite goes', async () => {
    const r = await runCli(['refresh', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: oauth-broker refresh --from FILE/);
    expect(r.stdout).toContain('atomically (a temporary file in');
    expect(r.stdout).toContain('FILE.rotated-<time>');
  });
});

describe('oauth-broker refresh: Ctrl-C', () => {
  const WAITING =
    "oauth-broker refresh: waiting for the provider's answer, so that the new refresh token is not lost; " +
    'Ctrl-C again does not stop this.';

  it('waits for the answer once the request is sent, stores the new token, then exits 130', async () => {
    const s = await server();
    const { path, refreshToken: old } = claudeFile(s);
    s.faults.push({ delayMs: 1500 });
    const run = started(['refresh', '--from', path, '--token-url', s.tokenUrl]);
    await until(() => s.requests.length > 0);
    const sent = Date.now();
    // The first is heard in silence; each one after it says what the command waits for.
    for (const signal of ['SIGINT', 'SIGINT', 'SIGTERM'] as const) {
      run.kill(signal);
      await pause(150);
    }
    expect(s.refreshCount).toBe(0);
    const r = await run.done;
    expect(r.code).toBe(130);
    expect(Date.now() - sent).toBeGreaterThanOrEqual(1400);
    const doc = read(path).claudeAiOauth;
    expect(doc.refreshToken).not.toBe(old);
    expect(s.isLive(doc.refreshToken)).toBe(true);
    expect(s.refreshCount).toBe(1);
    expect(s.requests).toHaveLength(1);
    expectRewritten(path);
    const lines = r.stderr.trim().split('\n');
    expect(lines.slice(0, 2)).toEqual([WAITING, WAITING]);
    expect(lines[2]).toContain(`Refreshed ${path}: access token expires `);
    expect(lines.at(-2)).toBe(`  oauth-broker seed --repo O/R --secret NAME --from ${path}`);
    expect(lines.at(-1)).toBe(
      `oauth-broker refresh: interrupted (SIGINT) after the refresh completed and was stored in ${path}.`,
    );
    expect(lines).toHaveLength(7);
  });

  it('reports a request that failed meanwhile, the file unchanged: exit 1', async () => {
    const s = await server();
    const path = credentialsFile({
      claudeAiOauth: { refreshToken: fakeToken('anthropic-refresh'), scopes: ['user:inference'] },
    });
    const before = readFileSync(path, 'utf8');
    s.faults.push({ delayMs: 1000 });
    const run = started(['refresh', '--from', path, '--token-url', s.tokenUrl]);
    await until(() => s.requests.length > 0);
    run.kill('SIGTERM');
    const r = await run.done;
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^oauth-broker refresh: error\[OB_LOGIN_LOST\]: provider anthropic .* refused the stored refresh token: /,
      ),
    ]);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it.each([
    [
      'a 503 asked to come back in 30 s',
      (s: OAuthServer) => {
        s.faults.push({ status: 503, headers: { 'retry-after': '30' }, body: '{"error":"temporarily_unavailable"}' });
        return { url: s.tokenUrl, env: {}, waits: 'retrying in 30s as it asked' };
      },
    ],
    [
      'a refused connection, retried in 30 s',
      async () => ({
        url: `http://127.0.0.1:${await closedPort()}/v1/oauth/token`,
        env: { OAUTH_BROKER_RETRY_BASE_MS: '30000' },
        waits: 'the request was not sent, retrying in 30s',
      }),
    ],
  ])('ends at once while a retry that sends nothing waits (%s): exit 130', async (_what, arrange) => {
    const s = await server();
    const { path, refreshToken: old } = claudeFile(s);
    const before = readFileSync(path, 'utf8');
    const { url, env, waits } = await arrange(s);
    const run = started(['refresh', '--from', path, '--token-url', url], env);
    await until(() => run.stderr().includes(waits));
    const stopped = Date.now();
    run.kill('SIGINT');
    const r = await run.done;
    expect(r.code).toBe(130);
    expect(Date.now() - stopped).toBeLessThan(3000);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(s.isLive(old)).toBe(true);
    expect(s.refreshCount).toBe(0);
    expect(r.stderr.trim().split('\n').at(-1)).toBe(
      `oauth-broker refresh: interrupted (SIGINT) before the request was sent again; nothing was spent and ${path} ` +
        'is unchanged.',
    );
  });
});
