// The README's first login, as a user types it: `login --out - | seed --from -` in a real shell.
// The credentials cross only the pipe: the GitHub stand-in opens what seed stored, no file holds
// them, and neither process prints a token.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliEntry, scratchHome } from '../support/cli.js';
import { fakeToken } from '../support/fake-tokens.js';
import { type GitHubServer, startGitHubServer } from '../support/github-server.js';
import { assertNoLeak } from '../support/leaks.js';
import { type LoginServer, startLoginServer } from '../support/login-server.js';
import { type OAuthServer, startOAuthServer } from '../support/oauth-server.js';
import { stepNode } from '../support/runner.js';

const REPO = 'octo/app';
const PAT = fakeToken('pat');
let gh: GitHubServer;
let issuer: OAuthServer;

beforeEach(async () => {
  [gh, issuer] = await Promise.all([startGitHubServer(), startOAuthServer()]);
  gh.addRepo(REPO);
  gh.addToken(PAT, { kind: 'pat' });
});
afterEach(() => Promise.all([gh.close(), issuer.close()]));

const sh = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Runs `oauth-broker login ARGS --out - | oauth-broker seed …` in sh. `paste` gets the address the
 * login prints and returns what the user pastes on the shell's stdin.
 */
function loginThenSeed(login: string[], secret: string, paste?: (address: string) => Promise<string>) {
  const seed = `$CLI seed --repo ${REPO} --secret ${secret} --from -`;
  return shell(`$CLI login ${login.map(sh).join(' ')} --out - | ${seed}`, paste);
}

/** Runs a script in sh, $CLI the bundled CLI, in a scratch HOME that is its working directory. */
async function shell(script: string, paste?: (address: string) => Promise<string>) {
  const home = scratchHome();
  const line = script.replaceAll('$CLI', `${sh(stepNode)} ${sh(cliEntry)}`);
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    RUNNER_DEBUG: '1',
    BROWSER: 'none',
    OAUTH_BROKER_POLL_MS: '20',
  };
  const child = spawn('sh', ['-c', line], { cwd: home, env: { ...env, GH_TOKEN: PAT, GITHUB_API_URL: gh.url } });
  let stdout = '';
  let stderr = '';
  let pasted = false;
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    const address = /^(https?:\/\/\S+)$/m.exec(stderr)?.[1];
    if (!paste || pasted || !address) return;
    pasted = true;
    paste(address).then((text) => child.stdin.end(`${text}\n`));
  });
  if (!paste) child.stdin.end();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assertNoLeak({ stdout, stderr, summary: '' }, [PAT]);
  const files = Object.fromEntries(readdirSync(home).map((f) => [f, readFileSync(join(home, f), 'utf8')]));
  assertNoLeak({ stdout: Object.values(files).join('\n'), stderr: '', summary: '' }, [PAT]);
  return { code, stdout, stderr, files };
}

/** The Claude login of the stand-in `s` piped into seed of CLAUDE_CREDENTIALS. */
const claudeLoginThenSeed = (s: LoginServer, paste: (address: string) => Promise<string>) =>
  loginThenSeed(['--authorize-url', s.authorizeUrl, '--token-url', s.tokenUrl], 'CLAUDE_CREDENTIALS', paste);

describe('login --out - | seed --from -', () => {
  let server: LoginServer | undefined;
  afterEach(() => server?.close());

  it('Claude: the pasted code logs in, and the secret holds exactly the login', async () => {
    const s = (server = await startLoginServer({ kind: 'anthropic', issuer }));
    const r = await claudeLoginThenSeed(
      s,
      async (address) => /<pre>(\S+#\S+)<\/pre>/.exec(await (await fetch(address)).text())?.[1] ?? '',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.files).toEqual({});
    const stored = JSON.parse(gh.repoSecret(REPO, 'CLAUDE_CREDENTIALS')!.value);
    expect(stored.claudeAiOauth).toMatchObject({
      accessToken: s.issued.at(-1)!.accessToken,
      refreshToken: s.issued.at(-1)!.refreshToken,
    });
    expect(stored.oauth_broker).toBeUndefined();
    expect(issuer.isLive(s.issued.at(-1)!.refreshToken)).toBe(true);
  });

  it('Codex: the device code logs in, and the secret holds auth.json', async () => {
    server = await startLoginServer({ kind: 'openai' });
    const s = server;
    const r = await loginThenSeed(
      ['--provider', 'openai', '--device-url', s.deviceUrl, '--token-url', s.tokenUrl],
      'CODEX_AUTH',
    );
    expect(r.code).toBe(0);
    expect(r.files).toEqual({});
    const stored = JSON.parse(gh.repoSecret(REPO, 'CODEX_AUTH')!.value);
    expect(stored).toMatchObject({ auth_mode: 'chatgpt', tokens: { refresh_token: s.issued.at(-1)!.refreshToken } });
  });

  it('a failed login stores nothing: seed refuses the empty input', async () => {
    const s = (server = await startLoginServer({ kind: 'anthropic', issuer }));
    const r = await claudeLoginThenSeed(s, async () => 'not-a-code');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^oauth-broker login: error\[OB_[A-Z_]+\]: /m);
    expect(r.stderr).toMatch(/^oauth-broker seed: error\[OB_[A-Z_]+\]: /m);
    expect(gh.repoSecret(REPO, 'CLAUDE_CREDENTIALS')).toBeUndefined();
    expect(gh.requests).toHaveLength(0);
  });

  it('the air-gapped hand-over: public-key inside, login | seal outside, put inside', async () => {
    server = await startLoginServer({ kind: 'anthropic', issuer });
    const s = server;
    const r = await shell(
      '$CLI public-key --repo octo/app > key.json && ' +
        `$CLI login --authorize-url ${sh(s.authorizeUrl)} --token-url ${sh(s.tokenUrl)} --out - | ` +
        '$CLI seal --key-file key.json > sealed.json && ' +
        '$CLI put --repo octo/app --secret CLAUDE_CREDENTIALS --sealed sealed.json',
      async (address) => /<pre>(\S+#\S+)<\/pre>/.exec(await (await fetch(address)).text())?.[1] ?? '',
    );
    expect(r.code).toBe(0);
    expect(Object.keys(r.files).sort()).toEqual(['key.json', 'sealed.json']);
    expect(JSON.parse(r.files['key.json'])).toEqual(gh.publicKey);
    expect(Object.keys(JSON.parse(r.files['sealed.json']))).toEqual(['encrypted_value', 'key_id']);
    const stored = JSON.parse(gh.repoSecret(REPO, 'CLAUDE_CREDENTIALS')!.value);
    expect(stored.claudeAiOauth.refreshToken).toBe(s.issued.at(-1)!.refreshToken);
  });
});
