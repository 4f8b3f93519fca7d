// Against hostile surroundings: answers that carry workflow commands or echo secrets, a cache
// library that prints after it was given up (through dist/, where it would reach the log),
// variable names that would change how later steps run, forged post state, a login already on
// the runner, and links and directories where the credentials file goes. In-process otherwise.
import { randomBytes } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANTHROPIC_CLIENT_ID as CLIENT_ID } from './support/oauth-server.js';
import { runAction, unescapeCommandValue, type RunResult } from './support/runner.js';
import { CLAIM_VARIABLE, HOUR, REPO, SECRET, useStandIns } from './support/stand-ins.js';
import { runStep, runStepThenPost } from './support/step.js';
import { fakeJwt, fakeToken } from './support/fake-tokens.js';
import { jobs, type Seeded } from './support/jobs.js';

const PAT = fakeToken('pat');
const si = useStandIns(PAT);

const j = jobs(si, PAT);
const seed = (ttlMs: number): Seeded => j.seed({ repo: REPO }, ttlMs);
const inputs = (s: Seeded, extra: Record<string, string> = {}): Record<string, string> =>
  j.inputs(s.credentials, extra);

const fast = { OAUTH_BROKER_RETRY_BASE_MS: '20' };
const secretValue = (): string => si.gh.repoSecret(REPO, SECRET)!.value;

/** The one annotation of that kind, as the runner shows it (its data unescaped); no stack trace. */
function expectOneLine(r: RunResult, kind: 'error' | 'warning', message: RegExp): void {
  const found = r.stdout.split('\n').filter((l) => l.startsWith(`::${kind}::`));
  expect(found).toHaveLength(1);
  expect(`::${kind}::${unescapeCommandValue(found[0].slice(kind.length + 4))}`).toMatch(message);
  expect(r.stderr).toBe('');
  expect(r.stdout).not.toMatch(/\n\s+at /);
}

/** Workflow commands the runner would take from a run: `::x::` after blanks, or `##[x]` anywhere in a line. */
function commandsOf(r: RunResult): string[] {
  const lines = `${r.stdout}\n${r.stderr}`.split(/\r\n|\r|\n/);
  return lines.filter((l) => /^\s*::|##\[/.test(l)).map((l) => /^\s*::([a-z-]+)/.exec(l)?.[1] ?? l);
}

/** Only the commands the action means to give: masks, its annotations, debug lines. */
function expectOnlyOwnCommands(r: RunResult): void {
  expect(commandsOf(r).filter((c) => !['add-mask', 'warning', 'error', 'debug'].includes(c))).toEqual([]);
  expect(r.stdout).not.toContain('::stop-commands::');
}

describe('no workflow command from text the action did not write', () => {
  const hostile = '2026-01-31T12:00:00Z\n::stop-commands::resume\n::error::pwned\r::add-mask::x ##[set-output name=a]b';
  const shown = '2026-01-31T12:00:00Z :%3Astop-commands:%3Aresume :%3Aerror:%3Apwned';

  /** The main step, an expired login stored, when GitHub describes the secret with `meta`. */
  async function mainGivenSecretMeta(meta: Record<string, unknown>): Promise<RunResult> {
    const s = seed(-HOUR);
    si.gh.faults.push({ method: 'GET', pathIncludes: `secrets/${SECRET}`, status: 200, body: JSON.stringify(meta) });
    return runStep('main', { inputs: inputs(s) });
  }
  const NO_UPDATED_AT = /^::error::github-api-url: could not read repository secret .*: the answer has no updated_at/;

  it("a secret's updated_at carrying ::stop-commands:: and ::error:: is one neutral line, nothing spent", async () => {
    const r = await mainGivenSecretMeta({ name: SECRET, created_at: hostile, updated_at: hostile });
    expectOnlyOwnCommands(r);
    expectOneLine(r, 'error', NO_UPDATED_AT);
    expect(si.oauth.requests).toHaveLength(0);
  });

  it('an updated_at that is not a string is one line naming github-api-url, not a crash', async () => {
    const r = await mainGivenSecretMeta({ name: SECRET, updated_at: 5 });
    expectOneLine(r, 'error', NO_UPDATED_AT);
    expect(si.oauth.requests).toHaveLength(0);
  });

  it('a GitHub error message carrying them is one neutral line', async () => {
    const s = seed(-HOUR);
    const body = JSON.stringify({ message: hostile });
    si.gh.faults.push({ method: 'GET', pathIncludes: 'public-key', status: 403, body });
    const r = await runStep('main', { inputs: inputs(s), env: fast });
    expect(r.code).toBe(1);
    expectOnlyOwnCommands(r);
    expectOneLine(r, 'error', /^::error::github-token: could not read the public key .*: GitHub answered 403 /);
    expect(r.stdout).toContain(`GitHub's message: ${shown}`);
    expect(si.oauth.requests).toHaveLength(0);
  });

  it('a failed write-back after the rotation quotes GitHub neutralised, and the new tokens stay masked', async () => {
    const s = seed(-HOUR);
    const body = JSON.stringify({ message: hostile });
    for (let i = 0; i < 5; i++)
      si.gh.faults.push({ method: 'PUT', pathIncludes: `secrets/${SECRET}`, status: 500, body });
    const r = await runStep('main', { inputs: inputs(s), env: fast });
    expect(r.code).toBe(1);
    expectOnlyOwnCommands(r);
    expectOneLine(
      r,
      'error',
      new RegExp(`could not write repository secret .* GitHub answered 500 ${shown.slice(0, 40)}`),
    );
    expect(r.stdout).toContain(`GitHub's message: ${shown}`);
    // The tokens the provider issued are masked, and appear nowhere else.
    const issued = r.masks.filter((m) => m.startsWith('sk-ant-') && m !== s.accessToken && m !== s.refreshToken);
    expect(issued.length).toBeGreaterThanOrEqual(2);
  });
});

// The harness (support/leaks.ts) fails any run that prints 8 characters of a minted token or of
// client-secret: these answers put such pieces in front of the broker.
describe('no piece of a secret in any message', () => {
  type Body = (refreshToken: string, clientSecret: string) => unknown;
  const bodies: Array<[string, Body]> = [
    [
      'error_description',
      (rt, cs) => ({ error: 'invalid_request', error_description: `token ${rt.slice(5, 25)} of ${cs.slice(0, 12)}` }),
    ],
    ['error code', (rt, cs) => ({ error: rt.slice(13, 33), error_description: `client ${cs.slice(4, 16)}` })],
    ['nested error', (rt, cs) => ({ error: { code: `x_${cs.slice(2, 14)}`, message: `token ${rt.slice(-20)}` } })],
  ];

  it.each(bodies)('a provider %s echoing 20 characters of the refresh token, 12 of client-secret', async (_, make) => {
    const s = seed(-HOUR);
    const clientSecret = fakeToken('opaque');
    si.oauth.faults.push({ status: 400, body: JSON.stringify(make(s.refreshToken, clientSecret)) });
    const r = await runStep('main', { inputs: inputs(s, { 'client-secret': clientSecret }), env: fast });
    expect(r.code).toBe(1);
    expectOneLine(r, 'error', /^::error::provider anthropic \(127\.0\.0\.1:\d+\) answered HTTP 400 \(/);
    expect(si.gh.requests.filter((q) => q.method === 'PUT' && q.path.endsWith(SECRET))).toHaveLength(0);
  });

  it('a known code and a plain description are kept, so the line still says what happened', async () => {
    const s = seed(-HOUR);
    const description = 'scope user:nothing\n::error::x is unknown';
    const body = JSON.stringify({ error: 'invalid_scope', error_description: description });
    si.oauth.faults.push({ status: 400, body });
    const r = await runStep('main', { inputs: inputs(s) });
    expectOneLine(r, 'error', /\(invalid_scope: scope user:nothing :%3Aerror:%3Ax is unknown\); check client-id/);
  });
});

describe('an abandoned cache call prints nothing later', () => {
  it("the library's late log (signed URLs) never reaches the step's output (dist)", async () => {
    const s = seed(-HOUR);
    // The rescue goes to the cache (the write-back fails for good, GitHub refuses it in the claim). Its
    // last call answers after the broker gave up on it, while the step still alerts; the library then
    // logs its failure.
    for (let i = 0; i < 5; i++)
      si.gh.faults.push({ method: 'PUT', path: new RegExp(`/secrets/${SECRET}$`), status: 500 });
    const patch = { method: 'PATCH', path: CLAIM_VARIABLE };
    si.gh.faults.push({ ...patch, delayMs: 1 }, { ...patch, status: 403, body: '{"message":"Forbidden"}' });
    si.cache.faults.push({ route: 'FinalizeCacheEntryUpload', delayMs: 1_200, status: 400 });
    si.gh.faults.push({ method: 'GET', pathIncludes: '/issues', delayMs: 2_500 });
    const job = fakeToken('app-token');
    si.gh.addToken(job, { kind: 'job', issues: 'write' });
    const r = await runAction('main', {
      inputs: inputs(s, { alert: 'issue', 'alert-token': job }),
      env: { ...si.cache.env('refs/heads/main'), OAUTH_BROKER_CACHE_TIMEOUT_MS: '300', ...fast },
      timeoutMs: 60_000,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/kept sealed for this job's post step/);
    expect(si.cache.requests.some((q) => q.status === 400)).toBe(true);
    expect(r.stdout).not.toMatch(/Failed to restore|Failed to save|injected fault|twirp|sig=/i);
    expect(r.stderr).toBe('');
  });
});

describe('env-name refuses names that change how later steps run', () => {
  it.each(['PATH', 'NODE_OPTIONS', 'GITHUB_X', 'LD_PRELOAD', 'BASH_ENV'])('%s', async (name) => {
    const s = seed(8 * HOUR);
    const r = await runStep('main', { inputs: inputs(s, { 'env-name': name }) });
    expect(r.code).toBe(1);
    const why = `^::error::env-name: refusing ${name}, it changes how later steps run \\(.+\\); use auto, none or`;
    expectOneLine(r, 'error', new RegExp(why));
    expect(r.env).toEqual({});
    expect(si.gh.requests.length + si.oauth.requests.length).toBe(0);
  });
});

describe('the post step trusts only state its own main step wrote', () => {
  const forged = (path: string): string =>
    JSON.stringify({ files: [{ path, digest: '0'.repeat(64) }], clientRefresh: true });
  const forgeries: Array<[string, (path: string) => string, RegExp]> = [
    ['a state in the old, unsigned form', forged, /state saved by the main step is unreadable/],
    [
      'a state with a MAC it could not make',
      (path) => `v1.${randomBytes(32).toString('hex')}.${forged(path)}`,
      /ignoring saved state that this step's main step did not write with these inputs/,
    ],
  ];

  it.each(forgeries)('%s: nothing is written to the secret, nothing removed, one line', async (_, forge, message) => {
    const s = seed(8 * HOUR);
    const home = mkdtempSync(join(tmpdir(), 'oauth-broker-forged-'));
    // Credentials of the attacker's own, for the post step to store in the victim's secret.
    const theirs = si.oauth.issue(['user:inference']);
    const content = JSON.stringify({ claudeAiOauth: { ...theirs, expiresAt: Date.now() + 8 * HOUR } });
    const path = join(home, 'attacker.json');
    writeFileSync(path, content);
    const r = await runStep('post', {
      home,
      inputs: inputs(s, { 'credentials-file': path, 'client-refresh': 'true' }),
      state: { 'oauth-broker': forge(path) },
    });
    expect(r.code).toBe(0);
    expectOneLine(r, 'warning', message);
    expect(si.gh.requests).toHaveLength(0);
    expect(secretValue()).toBe(s.credentials);
    expect(readFileSync(path, 'utf8')).toBe(content);
    rmSync(home, { recursive: true, force: true });
  });

  it("main's real state does not verify under other credentials", async () => {
    const s = seed(8 * HOUR);
    const given = inputs(s, { 'credentials-file': 'auto', 'client-refresh': 'true' });
    const main = await runStep('main', { inputs: given });
    const other = seed(8 * HOUR);
    const before = si.gh.requests.length;
    const post = await runStep('post', {
      inputs: { ...given, credentials: other.credentials },
      state: main.state,
      home: main.home,
    });
    expectOneLine(post, 'warning', /ignoring saved state/);
    expect(si.gh.requests.slice(before)).toHaveLength(0);
  });
});

/** A Codex login: its access token is a JWT, whose `exp` is its expiry. */
function codexLogin(ttlMs: number): Seeded {
  const accessToken = fakeJwt({ exp: Math.floor((Date.now() + ttlMs) / 1000), sub: randomBytes(8).toString('hex') });
  const refreshToken = fakeToken('opaque');
  const tokens = { access_token: accessToken, refresh_token: refreshToken, account_id: 'acct' };
  const credentials = JSON.stringify({ auth_mode: 'chatgpt', OPENAI_API_KEY: null, tokens });
  return { credentials, refreshToken, accessToken };
}

describe('a CLI login already on the runner is never destroyed', () => {
  it('an existing ~/.codex/auth.json survives main and post byte for byte', async () => {
    const login = codexLogin(8 * HOUR);
    si.gh.setRepoSecret(REPO, SECRET, login.credentials);
    const home = mkdtempSync(join(tmpdir(), 'oauth-broker-home-'));
    const mine = join(home, '.codex', 'auth.json');
    mkdirSync(join(home, '.codex'), { mode: 0o700 });
    const theirs = { auth_mode: 'chatgpt', tokens: { refresh_token: randomBytes(16).toString('hex') } };
    const laptop = `${JSON.stringify(theirs, null, 2)}\n`;
    writeFileSync(mine, laptop, { mode: 0o640 });

    const { main, post } = await runStepThenPost({
      home,
      inputs: inputs(login, { provider: 'openai' }),
    });
    expect(main.code).toBe(0);
    expect(main.outputs['credentials-file']).toBe(mine);
    expect(main.stdout).toContain(`${mine} was already there; moved it to ${mine}.oauth-broker-backup-`);
    expect(post.code).toBe(0);
    expect(post.stdout).toContain(`Removed ${mine}.`);
    expect(post.stdout).toContain(`Put back ${mine}`);
    expect(readFileSync(mine, 'utf8')).toBe(laptop);
    expect(statSync(mine).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(home, '.codex'))).toEqual(['auth.json']);
    rmSync(home, { recursive: true, force: true });
  });

  it('a symbolic link at the credentials-file path is not followed, and is left as it is', async () => {
    const s = seed(8 * HOUR);
    const home = mkdtempSync(join(tmpdir(), 'oauth-broker-link-'));
    const victim = join(home, 'victim');
    writeFileSync(victim, 'precious\n');
    mkdirSync(join(home, '.claude'));
    const link = join(home, '.claude', '.credentials.json');
    symlinkSync(victim, link);
    const { main, post } = await runStepThenPost({ home, inputs: inputs(s, { 'credentials-file': 'auto' }) });
    expect(main.code).toBe(1);
    const refused = /^::error::credentials-file: .*\.json is a symbolic link, which is never replaced; choose another/;
    expectOneLine(main, 'error', refused);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(readlinkSync(link)).toBe(victim);
    expect(post.code).toBe(0);
    rmSync(home, { recursive: true, force: true });
  });
});

describe('the post step never destroys what it could not store, and never throws', () => {
  /** Main with client-refresh: the file holds the refresh token for the CLI. */
  async function mainWithFile(s: Seeded): Promise<{ given: Record<string, string>; main: RunResult; path: string }> {
    const given = inputs(s, { 'credentials-file': 'auto', 'client-refresh': 'true' });
    const main = await runStep('main', { inputs: given });
    expect(main.code).toBe(0);
    return { given, main, path: main.outputs['credentials-file'] };
  }

  /** A failed write-back: the token cannot write the secret. */
  const refusePut = (): void => {
    const body = JSON.stringify({ message: 'Resource not accessible by personal access token' });
    si.gh.faults.push({ method: 'PUT', status: 403, body });
  };

  it('a directory where the file was is one line, no stack trace', async () => {
    const s = seed(8 * HOUR);
    const { given, main, path } = await mainWithFile(s);
    rmSync(path);
    mkdirSync(path);
    const post = await runStep('post', { inputs: given, state: main.state, home: main.home });
    expect(post.code).toBe(0);
    const said = /^::warning::credentials-file: .*\.json is now a directory, not the file main wrote; left as it is\.$/;
    expectOneLine(post, 'warning', said);
    expect(statSync(path).isDirectory()).toBe(true);
  });

  it('a file the CLI turned into something that is not credentials is kept, in one line', async () => {
    const s = seed(8 * HOUR);
    const { given, main, path } = await mainWithFile(s);
    writeFileSync(path, Buffer.from([0xff, 0xfe, 0x7b]));
    const before = si.gh.requests.length;
    const post = await runStep('post', { inputs: given, state: main.state, home: main.home });
    expect(post.code).toBe(1);
    expectOneLine(post, 'error', /^::error::The CLI's rotated refresh token was not stored; .* keeps it \(0600\)/);
    expect(post.stdout).toMatch(/^Why: credentials-file: .* is not credentials; nothing was written back\.$/m);
    expect(readFileSync(path)).toEqual(Buffer.from([0xff, 0xfe, 0x7b]));
    // Nothing is written back; the CLI may have spent the token, so its claim is settled.
    expect(
      si.gh.requests
        .slice(before)
        .filter((q) => q.method !== 'GET')
        .map((q) => `${q.method} ${q.path}`),
    ).toEqual([expect.stringMatching(/^PATCH .*\/variables\/OAUTH_BROKER_[0-9A-F]{20}_0$/)]);
  });

  it('a failed write-back keeps the file with the rotated refresh token, and says how to store it', async () => {
    const s = seed(8 * HOUR);
    const { given, main, path } = await mainWithFile(s);
    // The CLI refreshes by itself and rewrites its file.
    const file = JSON.parse(readFileSync(path, 'utf8')) as { claudeAiOauth: Record<string, unknown> };
    const res = await fetch(si.oauth.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: s.refreshToken, client_id: CLIENT_ID }),
    });
    const t = (await res.json()) as { access_token: string; refresh_token: string; expires_in: number };
    const expiresAt = Date.now() + t.expires_in * 1000;
    const next = { ...file.claudeAiOauth, accessToken: t.access_token, refreshToken: t.refresh_token, expiresAt };
    const rotated = JSON.stringify({ claudeAiOauth: next });
    writeFileSync(path, rotated);
    refusePut();

    const post = await runStep('post', { inputs: given, state: main.state, home: main.home });
    expect(post.code).toBe(1);
    expectOneLine(
      post,
      'error',
      /^::error::The CLI's rotated refresh token was not stored; .*\.json keeps it \(0600\)/,
    );
    expect(post.stdout).toMatch(
      new RegExp(
        '^Once the cause is fixed, store it in repository secret ' +
          'CLAUDE_CREDENTIALS of octo/app \\(gh secret set CLAUDE_CREDENTIALS --repo octo/app < ".*\\.json"\\), ' +
          'then delete it\\.$',
        'm',
      ),
    );
    expect(readFileSync(path, 'utf8')).toBe(rotated);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(si.oauth.isLive(t.refresh_token)).toBe(true);
    expect(secretValue()).toBe(s.credentials);
  });

  it('a failed write-back of a file whose refresh token the secret has removes it as before', async () => {
    const s = seed(8 * HOUR);
    const { given, main, path } = await mainWithFile(s);
    // Only the access token changed: the refresh token is still the one the secret holds.
    const file = JSON.parse(readFileSync(path, 'utf8')) as { claudeAiOauth: Record<string, unknown> };
    const next = { ...file.claudeAiOauth, accessToken: fakeToken('anthropic-access') };
    writeFileSync(path, JSON.stringify({ claudeAiOauth: next }));
    refusePut();
    const post = await runStep('post', { inputs: given, state: main.state, home: main.home });
    expect(post.code).toBe(1);
    expectOneLine(post, 'error', /^::error::github-token: could not write /);
    expect(post.stdout).toContain(`Removed ${path}.`);
  });
});
