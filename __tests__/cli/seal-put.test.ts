// `oauth-broker seal`, `put` and `public-key` through the bundle, against the GitHub stand-in, which opens
// every sealed box: what seal then put stores is compared with what seed stores.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliEntry, runCli, scratchHome } from '../support/cli.js';
import { claudeCodeLogin } from '../support/logins.js';
import { closedPort } from '../support/http.js';
import { assertNoLeak } from '../support/leaks.js';
import { repoRoot, stepNode } from '../support/runner.js';
import { file, lines, REPO, SECRET, stored, useCliGitHub } from '../support/cli-github.js';

const { gh, pat, cli, writes } = useCliGitHub();

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
      `oauth-broker put: error[OB_INPUT_INVALID]: --sealed -: sealed with key 1234, the secret's key is now ` +
        `${gh.publicKey.key_id}: ` +
        'fetch the key again (oauth-broker public-key) and seal again.',
    );
    const other = Buffer.alloc(32, 7).toString('base64');
    const foreign = await cli(['seal', '--public-key', other, '--key-id', gh.publicKey.key_id], {
      stdin: claudeCodeLogin(),
    });
    const refused = await cli(['put', '--repo', REPO, '--secret', SECRET, '--sealed', '-'], { stdin: foreign.stdout });
    expect(refused.code).toBe(1);
    expect(lines(refused.stderr)[0]).toBe(
      'oauth-broker put: error[OB_INPUT_INVALID]: --sealed -: GitHub refused the sealed value (HTTP 422); ' +
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
