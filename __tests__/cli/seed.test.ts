// `oauth-broker seed` through the bundle, against the GitHub stand-in, which opens every sealed box: what
// each secret holds is compared with the input; what it refuses before anything is sent; each verb's usage.
import { fakeToken } from '../support/fake-tokens.js';
import { claudeCodeLogin } from '../support/logins.js';
import { file, lines, REPO, SECRET, stored, useCliGitHub } from '../support/cli-github.js';

const { gh, reader, jobToken, cli, writes } = useCliGitHub();

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
    const refused = async (options: string[]): Promise<string> => {
      const r = await cli(['seed', '--org', 'octo', '--secret', 'NEW_SELECTED', ...options], {
        stdin: claudeCodeLogin(),
      });
      expect(r.code).toBe(1);
      return lines(r.stderr)[0];
    };
    expect(await refused(['--visibility', 'selected'])).toBe(
      'oauth-broker seed: error[OB_INPUT_MISSING]: --repos: --visibility selected needs the repositories that ' +
        'may use NEW_SELECTED, and it has none (a new secret); name them with --repos.',
    );
    expect(await refused(['--repos', 'api,nope'])).toBe(
      'oauth-broker seed: error[OB_INPUT_INVALID]: --repos: octo/nope was not found; check the name, and that ' +
        'GH_TOKEN can see it.',
    );
    expect(writes()).toEqual([]);
    expect(gh.orgSecret('octo', 'NEW_SELECTED')).toBeUndefined();
  });

  it('names the repository that does not exist', async () => {
    const r = await cli(['seed', '--repo', 'octo/missing', '--secret', SECRET], { stdin: claudeCodeLogin() });
    expect(r.code).toBe(1);
    expect(lines(r.stderr)[0]).toBe(
      'oauth-broker seed: error[OB_GITHUB_ACCESS]: --repo: could not read the public key of repository octo/missing: ' +
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
      'oauth-broker seed: error[OB_GITHUB_ACCESS]: ' +
        "GH_TOKEN: this is the job's own GITHUB_TOKEN, which cannot write secrets; " +
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
      'oauth-broker seed: error[OB_GITHUB_ACCESS]: GH_TOKEN: could not read the public key of repository ' +
        'octo/app: GitHub ' +
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
    expect(lines(r.stderr)[0]).toMatch(
      /^oauth-broker seed: error\[OB_GITHUB_ACCESS\]: GH_TOKEN: could not write .* GitHub answered 403/,
    );
    expect(lines(r.stderr)[0]).toContain(`give it the permission ${permission}.`);
    expect(read()?.value).toBe(before);
    expect(gh.requests.filter((q) => q.method === 'PUT').map((q) => q.status)).toEqual([403]);
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
      '--environment and --org: an environment secret belongs to a repository, an organization secret to an ' +
        'organization; give at most one.',
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
      /^oauth-broker seal: error\[OB_INPUT_INVALID\]: --key-file .*f\.json: is not the \{"key_id","key"\} /,
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
