// `oauth-broker seed`, `seal`, `put` and `public-key` through the bundle, against the GitHub
// stand-in, which opens every sealed box: what each secret holds is compared with the input.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliEntry, runCli, scratchHome, type CliOptions } from '../support/cli.js';
import { fakeToken } from '../support/fake-tokens.js';
import { claudeCodeLogin } from '../support/logins.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { closedPort } from '../support/http.js';
import { assertNoLeak } from '../support/leaks.js';
import { repoRoot, stepNode } from '../support/runner.js';

const REPO = 'octo/app';
const SECRET = 'CLAUDE_CREDENTIALS';

let gh: GitHubServer;
const pat = fakeToken('pat');
const reader = fakeToken('pat');
const jobToken = fakeToken('app-token');

beforeAll(async () => {
  gh = await startGitHubServer();
  gh.addRepo(REPO, { environments: ['production'] });
  gh.addOrg('octo');
  gh.addRepo('octo/api', { id: 501 });
  gh.addRepo('octo/web', { id: 502 });
  gh.addToken(pat, { kind: 'pat' });
  gh.addToken(reader, { kind: 'pat', secrets: 'read', environments: 'read', orgSecrets: 'read' });
  gh.addToken(jobToken, { kind: 'job' });
});
afterAll(() => gh.close());
beforeEach(() => {
  gh.requests.length = 0;
});

const stored = (text: string): string => text.replace(/\n$/, '');

function file(text: string, name = 'f.json'): string {
  const path = join(scratchHome(), name);
  writeFileSync(path, text);
  return path;
}

/** The bundle with the stand-in as its API and the PAT as GH_TOKEN; the PAT must appear nowhere. */
function cli(argv: string[], opts: CliOptions = {}) {
  return runCli(argv, {
    ...opts,
    env: { GH_TOKEN: pat, GITHUB_API_URL: gh.url, OAUTH_BROKER_RETRY_BASE_MS: '1', ...opts.env },
    secrets: [pat, reader, jobToken, ...(opts.secrets ?? [])],
  });
}

const writes = () => gh.requests.filter((r) => r.method === 'PUT');
const lines = (stderr: string) => stderr.trim().split('\n');
/** The error line, after any line about a retry. */
const failure = (stderr: string) => lines(stderr).find((l) => l.startsWith('oauth-broker '));

describe('oauth-broker seed', () => {
  it.each([
    ['a repository secret', [], () => gh.repoSecret(REPO, 'SEED_REPO'), 'SEED_REPO', /repository secret SEED_REPO/],
    [
      'an environment secret',
      ['--environment', 'production'],
      () => gh.envSecret(REPO, 'production', 'SEED_ENV'),
      'SEED_ENV',
      /environment secret SEED_ENV of octo\/app \(environment production\)/,
    ],
    [
      'an organization secret',
      ['--org', 'octo'],
      () => gh.orgSecret('octo', 'SEED_ORG'),
      'SEED_ORG',
      /organization secret SEED_ORG of octo; visibility private\./,
    ],
  ])('stores %s exactly as the login wrote it, without a marker', async (_, place, read, name, line) => {
    const input = claudeCodeLogin();
    const repo = place[0] === '--org' ? [] : ['--repo', REPO];
    const r = await cli(['seed', ...repo, ...place, '--secret', name], { stdin: input });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^Created /)]);
    expect(r.stderr).toMatch(line);
    expect(read()?.value).toBe(stored(input));
    expect(read()?.value).not.toMatch(/oauth_broker/);
  });

  it('creates, then replaces, saying which', async () => {
    const first = claudeCodeLogin();
    const path = file(first);
    expect((await cli(['seed', '--repo', REPO, '--secret', 'TWICE', '--from', path])).stderr).toMatch(/^Created /);
    const second = claudeCodeLogin();
    const r = await cli(['seed', '--repo', REPO, '--secret', 'TWICE'], { stdin: second });
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toBe('Updated repository secret TWICE of octo/app.');
    expect(gh.repoSecret(REPO, 'TWICE')?.value).toBe(stored(second));
  });

  it('keeps an organization secret’s visibility and repositories when none is given', async () => {
    gh.setOrgSecret('octo', 'KEPT_SELECTED', 'old', 'selected', [501, 502, 7777]);
    gh.setOrgSecret('octo', 'KEPT_ALL', 'old', 'all');
    const selected = await cli(['seed', '--org', 'octo', '--secret', 'KEPT_SELECTED'], { stdin: claudeCodeLogin() });
    expect(selected.stderr).toMatch(/; visibility selected \(3 repositories\), kept as it was\.$/m);
    expect(gh.orgSecret('octo', 'KEPT_SELECTED')).toMatchObject({
      visibility: 'selected',
      selected_repository_ids: [501, 502, 7777],
    });
    await cli(['seed', '--org', 'octo', '--secret', 'KEPT_ALL'], { stdin: claudeCodeLogin() });
    expect(gh.orgSecret('octo', 'KEPT_ALL')?.visibility).toBe('all');
  });

  it('sets the visibility and the repositories given, resolving names before writing', async () => {
    gh.setOrgSecret('octo', 'SET_ACCESS', 'old', 'all');
    const r = await cli(['seed', '--org', 'octo', '--secret', 'SET_ACCESS', '--repos', 'api,web'], {
      stdin: claudeCodeLogin(),
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/; visibility selected \(2 repositories\)\.$/m);
    expect(gh.orgSecret('octo', 'SET_ACCESS')).toMatchObject({
      visibility: 'selected',
      selected_repository_ids: [501, 502],
    });
    const paths = gh.requests.map((q) => `${q.method} ${q.path}`);
    expect(paths.indexOf('GET /repos/octo/web')).toBeLessThan(
      paths.indexOf('PUT /orgs/octo/actions/secrets/SET_ACCESS'),
    );
    await cli(['seed', '--org', 'octo', '--secret', 'SET_ACCESS', '--visibility', 'private'], {
      stdin: claudeCodeLogin(),
    });
    expect(gh.orgSecret('octo', 'SET_ACCESS')).toMatchObject({ visibility: 'private' });
    await cli(['seed', '--org', 'octo', '--secret', 'SET_ACCESS', '--visibility', 'selected', '--repos', 'web'], {
      stdin: claudeCodeLogin(),
    });
    expect(gh.orgSecret('octo', 'SET_ACCESS')).toMatchObject({
      visibility: 'selected',
      selected_repository_ids: [502],
    });
  });

  it('refuses --visibility selected without --repos for a secret that has none, and unknown --repos', async () => {
    const none = await cli(['seed', '--org', 'octo', '--secret', 'NEW_SELECTED', '--visibility', 'selected'], {
      stdin: claudeCodeLogin(),
    });
    expect(none.code).toBe(1);
    expect(lines(none.stderr)[0]).toBe(
      'oauth-broker seed: error: --visibility selected: name the repositories that may use NEW_SELECTED with ' +
        '--repos; it has none selected (a new secret).',
    );
    const unknown = await cli(['seed', '--org', 'octo', '--secret', 'NEW_SELECTED', '--repos', 'api,nope'], {
      stdin: claudeCodeLogin(),
    });
    expect(unknown.code).toBe(1);
    expect(lines(unknown.stderr)[0]).toBe(
      'oauth-broker seed: error: --repos: octo/nope was not found; check the name, and that GH_TOKEN can see it.',
    );
    expect(writes()).toEqual([]);
    expect(gh.orgSecret('octo', 'NEW_SELECTED')).toBeUndefined();
  });

  it('names the repository that does not exist', async () => {
    const r = await cli(['seed', '--repo', 'octo/missing', '--secret', SECRET], { stdin: claudeCodeLogin() });
    expect(r.code).toBe(1);
    expect(lines(r.stderr)[0]).toBe(
      'oauth-broker seed: error: --repo: could not read the public key of repository octo/missing: ' +
        'GitHub answered 404 Not Found; check the name, and that GH_TOKEN has access to it.',
    );
    expect(writes()).toEqual([]);
  });
});

describe('refused before anything is sent', () => {
  it.each([
    ['a value over 48 KB', () => `${'x'.repeat(49 * 1024)}`, /--from -: is 49 KB, over GitHub's 48 KB limit/],
    ['malformed JSON', () => '{"claudeAiOauth":', /--from -: is not valid JSON/],
    [
      'an access token instead of a login',
      () => fakeToken('anthropic-access'),
      /--from -: a long-lived Claude Code access token \(from claude setup-token\), not a login; nothing to rotate/,
    ],
    [
      'Claude Code credentials holding an OpenAI key',
      () => JSON.stringify({ claudeAiOauth: { refreshToken: fakeToken('openai-api-key') } }),
      /--from -: the refresh token is an OpenAI API key/,
    ],
  ])('%s: no request at all', async (_, input, line) => {
    const r = await cli(['seed', '--repo', REPO, '--secret', SECRET], { stdin: input() });
    expect(r.code).toBe(1);
    expect(lines(r.stderr)[0]).toMatch(line);
    expect(gh.requests).toEqual([]);
  });

  it('the job’s own GITHUB_TOKEN, told as the action tells it: no request at all', async () => {
    const env = { GITHUB_ACTIONS: 'true', GH_TOKEN: jobToken, GITHUB_TOKEN: jobToken };
    const r = await cli(['seed', '--repo', REPO, '--secret', SECRET], { stdin: claudeCodeLogin(), env });
    expect(r.code).toBe(1);
    expect(lines(r.stderr)[0]).toBe(
      "oauth-broker seed: error: GH_TOKEN: this is the job's own GITHUB_TOKEN, which cannot write secrets; " +
        'pass a fine-grained PAT with "Secrets: Read and write" on the secret.',
    );
    expect(gh.requests).toEqual([]);
  });

  it('the job’s own token, told by GitHub’s answer to reading the key: nothing written', async () => {
    const r = await cli(['seed', '--repo', REPO, '--secret', SECRET], {
      stdin: claudeCodeLogin(),
      env: { GH_TOKEN: jobToken },
    });
    expect(r.code).toBe(1);
    expect(lines(r.stderr)[0]).toBe(
      'oauth-broker seed: error: GH_TOKEN: could not read the public key of repository octo/app: GitHub ' +
        "answered 403 Resource not accessible by integration; use a fine-grained PAT, not the job's GITHUB_TOKEN.",
    );
    expect(r.stderr).toMatch(/can never read or write secrets/);
    expect(gh.requests.map((q) => q.method)).toEqual(['GET']);
  });

  it.each([
    ['repository', ['--repo', REPO], '"Secrets: Read and write"', () => gh.repoSecret(REPO, 'READ_ONLY')],
    [
      'environment',
      ['--repo', REPO, '--environment', 'production'],
      '"Environments: Read and write"',
      () => gh.envSecret(REPO, 'production', 'READ_ONLY'),
    ],
    [
      'organization',
      ['--org', 'octo'],
      'organization "Secrets: Read and write"',
      () => gh.orgSecret('octo', 'READ_ONLY'),
    ],
  ])('a token that may only read %s secrets: the secret is left as it was', async (_, place, permission, read) => {
    const before = read()?.value;
    const r = await cli(['seed', ...place, '--secret', 'READ_ONLY'], {
      stdin: claudeCodeLogin(),
      env: { GH_TOKEN: reader },
    });
    expect(r.code).toBe(1);
    expect(lines(r.stderr)[0]).toMatch(/^oauth-broker seed: error: GH_TOKEN: could not write .* GitHub answered 403/);
    expect(lines(r.stderr)[0]).toContain(`give it the permission ${permission}.`);
    expect(read()?.value).toBe(before);
    expect(gh.requests.filter((q) => q.method === 'PUT').map((q) => q.status)).toEqual([403]);
  });
});

describe('oauth-broker seal and put', () => {
  it('public-key prints GitHub’s {key_id,key}, for a repository, an environment and an organization', async () => {
    for (const place of [
      ['--repo', REPO],
      ['--repo', REPO, '--environment', 'production'],
      ['--org', 'octo'],
    ]) {
      const r = await cli(['public-key', ...place]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual(gh.publicKey);
      expect(r.stdout.endsWith('}\n')).toBe(true);
      expect(r.stderr).toMatch(/^Key \d+; seal with it: oauth-broker seal --key-file FILE\.$/m);
    }
  });

  it('seal --key-file then put stores byte for byte what seed stores', async () => {
    const input = claudeCodeLogin();
    const credentials = file(input);
    const key = file((await cli(['public-key', '--repo', REPO])).stdout, 'key.json');
    const sealed = await cli(['seal', '--key-file', key, '--from', credentials], { env: { GH_TOKEN: '' } });
    expect(sealed.code).toBe(0);
    const out = JSON.parse(sealed.stdout);
    expect(Object.keys(out)).toEqual(['encrypted_value', 'key_id']);
    expect(out.key_id).toBe(gh.publicKey.key_id);
    const put = await cli(['put', '--repo', REPO, '--secret', 'VIA_PUT', '--sealed', file(sealed.stdout, 's.json')]);
    expect(put.code).toBe(0);
    expect(put.stderr.trim()).toBe('Created repository secret VIA_PUT of octo/app.');
    await cli(['seed', '--repo', REPO, '--secret', 'VIA_SEED', '--from', credentials]);
    expect(gh.repoSecret(REPO, 'VIA_PUT')?.value).toBe(gh.repoSecret(REPO, 'VIA_SEED')?.value);
    expect(gh.repoSecret(REPO, 'VIA_PUT')?.value).toBe(stored(input));
  });

  it('seal --public-key --key-id, and put from standard input into an organization secret', async () => {
    const input = claudeCodeLogin();
    const { key, key_id } = gh.publicKey;
    const sealed = await cli(['seal', '--public-key', key, '--key-id', key_id], { stdin: input });
    expect(sealed.code).toBe(0);
    expect(sealed.stderr.trim()).toBe(`Sealed with key ${key_id}; store it with oauth-broker put --sealed.`);
    gh.setOrgSecret('octo', 'PUT_ORG', 'old', 'selected', [501]);
    const put = await cli(['put', '--org', 'octo', '--secret', 'PUT_ORG', '--sealed', '-'], { stdin: sealed.stdout });
    expect(put.stderr.trim()).toBe(
      'Updated organization secret PUT_ORG of octo; visibility selected (1 repository), kept as it was.',
    );
    expect(gh.orgSecret('octo', 'PUT_ORG')).toMatchObject({ value: stored(input), selected_repository_ids: [501] });
  });

  it('seal works without any network, and without the chunks of an HTTP or GitHub client', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'oauth-broker-cli-copy-'));
    cpSync(join(repoRoot, 'dist', 'cli'), copy, { recursive: true });
    const removed = readdirSync(copy).filter(
      (f) =>
        /^\d+\.index\.js$/.test(f) && /octokit|undici|@actions\/http-client/i.test(readFileSync(join(copy, f), 'utf8')),
    );
    expect(removed.length).toBeGreaterThanOrEqual(3);
    for (const f of removed) rmSync(join(copy, f));
    const offline = { HTTPS_PROXY: `http://127.0.0.1:${await closedPort()}`, HTTP_PROXY: 'http://127.0.0.1:9' };
    const { key, key_id } = gh.publicKey;
    const r = await runCli(['seal', '--public-key', key, '--key-id', key_id], {
      stdin: claudeCodeLogin(),
      env: offline,
      entry: join(copy, 'index.js'),
    });
    rmSync(copy, { recursive: true, force: true });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).key_id).toBe(key_id);
  });

  it('refuses a value sealed with another key before writing, and one GitHub cannot open', async () => {
    const { key } = gh.publicKey;
    const sealed = await cli(['seal', '--public-key', key, '--key-id', '1234'], { stdin: claudeCodeLogin() });
    const r = await cli(['put', '--repo', REPO, '--secret', SECRET, '--sealed', '-'], { stdin: sealed.stdout });
    expect(r.code).toBe(1);
    expect(lines(r.stderr)[0]).toBe(
      `oauth-broker put: error: --sealed -: sealed with key 1234, the secret's key is now ${gh.publicKey.key_id}: ` +
        'fetch the key again (oauth-broker public-key) and seal again.',
    );
    const other = Buffer.alloc(32, 7).toString('base64');
    const foreign = await cli(['seal', '--public-key', other, '--key-id', gh.publicKey.key_id], {
      stdin: claudeCodeLogin(),
    });
    const refused = await cli(['put', '--repo', REPO, '--secret', SECRET, '--sealed', '-'], { stdin: foreign.stdout });
    expect(refused.code).toBe(1);
    expect(lines(refused.stderr)[0]).toBe(
      'oauth-broker put: error: --sealed -: GitHub refused the sealed value (HTTP 422); ' +
        'fetch the key again (oauth-broker public-key) and seal again.',
    );
    expect(writes().map((q) => q.status)).toEqual([422]);
    expect(gh.repoSecret(REPO, SECRET)).toBeUndefined();
  });

  it.each([
    ['not JSON', 'sealed', /--sealed -: is not the \{"encrypted_value","key_id"\} oauth-broker seal prints/],
    ['no key_id', JSON.stringify({ encrypted_value: 'AAAA' }), /is not the \{"encrypted_value","key_id"\}/],
    [
      'over 48 KB',
      JSON.stringify({ encrypted_value: Buffer.alloc(49 * 1024 + 48).toString('base64'), key_id: '1' }),
      /--sealed -: holds 49 KB, over GitHub's 48 KB limit/,
    ],
  ])('put refuses a sealed value that is %s: no request at all', async (_, sealed, line) => {
    const r = await cli(['put', '--repo', REPO, '--secret', SECRET, '--sealed', '-'], { stdin: sealed });
    expect(r.code).toBe(1);
    expect(lines(r.stderr)[0]).toMatch(line);
    expect(gh.requests).toEqual([]);
  });

  it('seal … --from - < file | put --sealed -: a pipe', async () => {
    const input = claudeCodeLogin();
    const key = file((await cli(['public-key', '--repo', REPO])).stdout, 'key.json');
    const credentials = file(input);
    const node = JSON.stringify(stepNode);
    const entry = JSON.stringify(cliEntry);
    const script =
      `${node} ${entry} seal --key-file ${key} --from - < ${credentials} | ` +
      `${node} ${entry} put --repo ${REPO} --secret PIPED --sealed -`;
    const env = { PATH: process.env.PATH ?? '', HOME: scratchHome(), GH_TOKEN: pat, GITHUB_API_URL: gh.url };
    const child = spawn('sh', ['-c', script], { env, cwd: repoRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const code = await new Promise((resolve) => child.on('close', resolve));
    assertNoLeak({ stdout, stderr, summary: '' }, [pat]);
    expect({ code, stdout }).toEqual({ code: 0, stdout: '' });
    expect(stderr).toMatch(/^Sealed with key \d+; .*\nCreated repository secret PIPED of octo\/app\.\n$/);
    expect(gh.repoSecret(REPO, 'PIPED')?.value).toBe(stored(input));
  });
});

describe('the token and the API', () => {
  /** A `gh` that records its arguments and prints the token (or fails). */
  function stubGh(print: string, code = 0): { path: string; args: () => string } {
    const dir = mkdtempSync(join(tmpdir(), 'oauth-broker-gh-'));
    const argsFile = join(dir, 'args');
    writeFileSync(
      join(dir, 'gh'),
      `#!/bin/sh\nprintf '%s ' "$@" > '${argsFile}'\nprintf '%s\\n' '${print}'\nexit ${code}\n`,
    );
    chmodSync(join(dir, 'gh'), 0o755);
    return { path: dir, args: () => readFileSync(argsFile, 'utf8').trim() };
  }

  it('takes GH_TOKEN over GITHUB_TOKEN, then GITHUB_TOKEN', async () => {
    const unknown = fakeToken('pat');
    const first = await cli(['public-key', '--repo', REPO], { env: { GH_TOKEN: pat, GITHUB_TOKEN: unknown } });
    expect(first.code).toBe(0);
    const second = await cli(['public-key', '--repo', REPO], { env: { GH_TOKEN: '', GITHUB_TOKEN: unknown } });
    expect(second.code).toBe(1);
    expect(lines(second.stderr)[0]).toMatch(/^oauth-broker public-key: error: GITHUB_TOKEN: .*401 Bad credentials/);
    expect(gh.requests.map((q) => q.headers.authorization)).toEqual([`token ${pat}`, `token ${unknown}`]);
  });

  it('asks gh auth token last, with --hostname for another host than github.com', async () => {
    const stub = stubGh(pat);
    const env = { GH_TOKEN: '', PATH: stub.path };
    const r = await cli(['seed', '--repo', REPO, '--secret', 'FROM_GH'], { stdin: claudeCodeLogin(), env });
    expect(r.code).toBe(0);
    expect(stub.args()).toBe('auth token --hostname 127.0.0.1');
    const offline = { ...env, GITHUB_API_URL: '', HTTPS_PROXY: `http://127.0.0.1:${await closedPort()}` };
    const dotcom = await cli(['public-key', '--repo', REPO], { env: offline });
    expect(stub.args()).toBe('auth token');
    expect(failure(dotcom.stderr)).toMatch(
      /^oauth-broker public-key: error: --api-url: could not read .*check --api-url and the network\.$/,
    );
  });

  it('says the three ways in one line when there is no token', async () => {
    const nothing = { GH_TOKEN: '', PATH: mkdtempSync(join(tmpdir(), 'oauth-broker-empty-')) };
    const line =
      'oauth-broker seed: error: no GitHub token: set GH_TOKEN or GITHUB_TOKEN to a fine-grained PAT, ' +
      'or log in with gh auth login.';
    const none = await cli(['seed', '--repo', REPO, '--secret', SECRET], { stdin: claudeCodeLogin(), env: nothing });
    expect(none.code).toBe(1);
    expect(lines(none.stderr)[0]).toBe(line);
    expect(none.stderr).toMatch(/gh \(the GitHub CLI\) is not on PATH/);
    const failing = stubGh('not logged in', 1);
    const loggedOut = await cli(['seed', '--repo', REPO, '--secret', SECRET], {
      stdin: claudeCodeLogin(),
      env: { GH_TOKEN: '', PATH: failing.path },
    });
    expect(lines(loggedOut.stderr)[0]).toBe(line);
    expect(loggedOut.stderr).toMatch(/gh auth token --hostname 127\.0\.0\.1 gave no token \(exit 1\)/);
    expect(gh.requests).toEqual([]);
  });

  it('takes --api-url over GITHUB_API_URL, and names the one it used', async () => {
    const elsewhere = `http://127.0.0.1:${await closedPort()}`;
    const given = await cli(['public-key', '--repo', REPO, '--api-url', gh.url], {
      env: { GITHUB_API_URL: elsewhere },
    });
    expect(given.code).toBe(0);
    const env = await cli(['public-key', '--repo', REPO], { env: { GITHUB_API_URL: elsewhere } });
    expect(env.code).toBe(1);
    expect(failure(env.stderr)).toMatch(
      /^oauth-broker public-key: error: GITHUB_API_URL: could not read the public key/,
    );
  });
});

describe('usage', () => {
  const seed = ['seed', '--repo', REPO, '--secret', SECRET];
  it.each([
    [['seed', '--repo', REPO], 'seed', '--secret is required.'],
    [['seed', '--secret', SECRET], 'seed', '--repo is required (or --org for an organization secret).'],
    [[...seed, '--org', 'octo'], 'seed', '--repo and --org: give one; an organization secret has no repository.'],
    [
      ['seed', '--org', 'octo', '--environment', 'e', '--secret', SECRET],
      'seed',
      '--environment and --org: give at most one; an environment secret belongs to a repository, ' +
        'an organization secret to an organization.',
    ],
    [
      ['seed', '--repo', REPO, '--secret', 'GITHUB_CREDS'],
      'seed',
      '--secret: "GITHUB_CREDS" is not a valid secret name; use letters, digits and underscores, ' +
        'not starting with a digit or GITHUB_.',
    ],
    [
      ['seed', '--repo', REPO, '--secret', '1CREDS'],
      'seed',
      '--secret: "1CREDS" is not a valid secret name; use letters, digits and underscores, ' +
        'not starting with a digit or GITHUB_.',
    ],
    [['seed', '--repo', 'octo', '--secret', SECRET], 'seed', '--repo: "octo" is not owner/name.'],
    [['seed', '--org', 'oc to', '--secret', SECRET], 'seed', '--org: "oc to" is not an organization login.'],
    [[...seed, '--visibility', 'all'], 'seed', '--visibility is for an organization secret (--org) only.'],
    [[...seed, '--repos', 'api'], 'seed', '--repos is for an organization secret (--org) only.'],
    [
      ['seed', '--org', 'octo', '--secret', SECRET, '--visibility', 'public'],
      'seed',
      '--visibility: "public" is not one of all, private, selected.',
    ],
    [
      ['seed', '--org', 'octo', '--secret', SECRET, '--visibility', 'all', '--repos', 'api'],
      'seed',
      '--repos: only with --visibility selected, not with --visibility all.',
    ],
    [
      ['seed', '--org', 'octo', '--secret', SECRET, '--repos', 'api,,web'],
      'seed',
      `--repos: "" is not a repository name; give names of the organization's, like app,api.`,
    ],
    [
      [...seed, '--api-url', 'http://github.example'],
      'seed',
      '--api-url: "http://github.example" must be an https URL.',
    ],
    [[...seed, '--from'], 'seed', '"--from" needs a value.'],
    [['put', '--repo', REPO, '--secret', SECRET], 'put', '--sealed is required.'],
    [['seal'], 'seal', 'give --key-file, or --public-key with --key-id.'],
    [['seal', '--public-key', 'AAAA'], 'seal', '--key-id is missing.'],
    [['seal', '--key-id', '1'], 'seal', '--public-key is missing.'],
    [['seal', '--key-file', 'k', '--key-id', '1'], 'seal', '--key-file, or --public-key with --key-id: give one.'],
    [['seal', '--key-file', '-'], 'seal', '--key-file - and --from -: only one can be standard input.'],
    [['seal', '--public-key', 'AAAA', '--key-id', '1'], 'seal', '--public-key: is not a 32-byte base64 public key.'],
    [['public-key', '--repo', REPO, '--secret', SECRET], 'public-key', 'unknown option "--secret".'],
    [['public-key'], 'public-key', '--repo is required (or --org for an organization secret).'],
  ])('%j: exit 2, one line, then the usage; no request', async (argv, verb, line) => {
    const r = await cli(argv, { stdin: claudeCodeLogin() });
    expect(r.code).toBe(2);
    expect(lines(r.stderr).slice(0, 2)).toEqual([
      `oauth-broker ${verb}: ${line}`,
      expect.stringMatching(new RegExp(`^usage: oauth-broker ${verb} `)),
    ]);
    expect(r.stdout).toBe('');
    expect(gh.requests).toEqual([]);
  });

  it('seal refuses a --key-file that is not GitHub’s answer', async () => {
    const r = await cli(['seal', '--key-file', file('{"key_id":"1","key":"short"}')], { stdin: claudeCodeLogin() });
    expect(r.code).toBe(1);
    expect(lines(r.stderr)[0]).toMatch(
      /^oauth-broker seal: error: --key-file .*f\.json: is not the \{"key_id","key"\} /,
    );
    expect(lines(r.stderr)[0]).toMatch(/ of GET …\/secrets\/public-key; fetch it again \(oauth-broker public-key\)\.$/);
  });

  it.each(['seed', 'seal', 'put', 'public-key'])('%s --help: exit 0 and the usage', async (verb) => {
    const r = await cli([verb, '--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp(`^usage: oauth-broker ${verb} `));
    const top = await cli(['--help']);
    expect(top.stdout).toMatch(new RegExp(`^  ${verb} +\\S`, 'm'));
  });
});
