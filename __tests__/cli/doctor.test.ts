// `oauth-broker doctor` through the bundle, against the GitHub stand-in (which enforces fine-grained
// permissions and serves workflows and their runs): a healthy setup, a stale or missing secret, each
// missing permission, the rotation workflow's states, leftovers with and without --fix, --json.
// No provider stand-in runs at all: doctor never refreshes. Every test runs again in process, the
// same verb against the same stand-in, so that coverage sees the verb's code.
import { CLI_WAYS, type CliOptions, type CliResult, type CliWay, runCliBy } from '../support/cli.js';
import { fakeToken } from '../support/fake-tokens.js';
import { startGitHubServer, type GitHubServer, type TokenSpec } from '../support/github-server.js';
import { encodeClaim, type ClaimValue } from '../../src/store/protocol.js';

const REPO = 'octo/app';
const SECRET = 'CLAUDE_CREDENTIALS';
const ROTATE = '.github/workflows/oauth-broker-rotate.yml';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const pat = fakeToken('pat');

let gh: GitHubServer;
let workflow: number;

beforeEach(async () => {
  gh = await startGitHubServer();
  gh.addRepo(REPO, { environments: ['production'] });
  gh.addOrg('octo');
  gh.addToken(pat, { kind: 'pat' });
  gh.setRepoSecret(REPO, SECRET, '{"claudeAiOauth":{}}');
  workflow = gh.addWorkflow(REPO, { path: ROTATE, name: 'Rotate Claude credentials' });
  gh.addWorkflowRun(REPO, workflow, { conclusion: 'success' });
});
afterEach(() => gh.close());

let way: CliWay = CLI_WAYS[0];

/** The verb with the stand-in as its API and `token` as GH_TOKEN, which must appear nowhere. */
function doctor(argv: string[], opts: CliOptions & { token?: string } = {}): Promise<CliResult> {
  const env = { GH_TOKEN: opts.token ?? pat, GITHUB_API_URL: gh.url, OAUTH_BROKER_RETRY_BASE_MS: '1', ...opts.env };
  const secrets = [pat, ...(opts.token ? [opts.token] : [])];
  return runCliBy(way, ['doctor', ...argv], { ...opts, env, secrets });
}

const here = ['--repo', REPO, '--secret', SECRET];
const lines = (stderr: string): string[] => stderr.trim().split('\n');
const marked = (stderr: string, mark: '✓' | '✗'): string[] => lines(stderr).filter((l) => l.startsWith(mark));
/** What a write to the credentials secret would look like: doctor never makes one. */
const credentialWrites = () => gh.requests.filter((r) => r.method !== 'GET' && r.path.endsWith(`/${SECRET}`));

function token(spec: Omit<TokenSpec, 'kind'>, kind: TokenSpec['kind'] = 'pat'): string {
  const t = fakeToken('pat');
  gh.addToken(t, { kind, ...spec });
  return t;
}

describe.each(CLI_WAYS)('%s', (w) => {
  beforeAll(() => {
    way = w;
  });

  describe('oauth-broker doctor on a healthy setup', () => {
    it('passes every check, exit 0, and leaves nothing behind', async () => {
      const r = await doctor(here);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(marked(r.stderr, '✗')).toEqual([]);
      expect(marked(r.stderr, '✓')).toEqual([
        `✓ repository secret ${SECRET} of ${REPO} was last updated less than a minute ago`,
        `✓ GH_TOKEN can write the secrets of repository ${REPO}`,
        `✓ GH_TOKEN can write the Actions variables of repository ${REPO}`,
        `✓ the rotation workflow ${ROTATE} is enabled`,
        `✓ the last run of ${ROTATE} succeeded, less than a minute ago`,
        `✓ no leftover broker entries beside repository secret ${SECRET} of ${REPO}`,
      ]);
      // Writes only the broker's own check secret (as a refresh does first) and a variable it deletes at once.
      expect(credentialWrites()).toEqual([]);
      expect(gh.secretNames({ repo: REPO })).toEqual([SECRET, 'OAUTH_BROKER_WRITE_CHECK']);
      expect(gh.variableNames({ repo: REPO })).toEqual([]);
      expect(gh.requests.filter((q) => q.method === 'POST' || q.method === 'DELETE').map((q) => q.path)).toEqual([
        `/repos/${REPO}/actions/variables`,
        `/repos/${REPO}/actions/variables/OAUTH_BROKER_WRITE_CHECK`,
      ]);
    });

    it('in an environment and an organization', async () => {
      gh.setEnvSecret(REPO, 'production', SECRET, '{}');
      const env = await doctor([...here, '--environment', 'production']);
      expect(env.code).toBe(0);
      expect(env.stderr).toContain(`✓ GH_TOKEN can write the Actions variables of environment production of ${REPO}`);
      gh.setOrgSecret('octo', SECRET, '{}', 'selected', []);
      const org = await doctor(['--org', 'octo', '--secret', SECRET]);
      expect(org.code).toBe(0);
      expect(org.stderr).toContain(`✓ organization secret ${SECRET} of octo was last updated`);
      expect(org.stderr).toContain('✓ GH_TOKEN can write the secrets of organization octo');
      expect(gh.orgSecret('octo', SECRET)?.visibility).toBe('selected');
    });

    it("finds the secret the README names and a rotation workflow named like the README's", async () => {
      gh.setRepoSecret('octo/app', 'CODEX_AUTH', '{}');
      // In a job: the job's repository.
      const r = await doctor([], { env: { GITHUB_REPOSITORY: REPO } });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`✓ repository secret ${SECRET} of ${REPO}`);
      const codex = gh.addWorkflow(REPO, { path: '.github/workflows/rotate-codex-credentials.yml' });
      gh.addWorkflowRun(REPO, codex, { conclusion: 'success' });
      gh.addWorkflow(REPO, { path: '.github/workflows/ci.yml', name: 'CI' });
      const named = await doctor(['--repo', REPO, '--secret', 'CODEX_AUTH']);
      expect(named.code).toBe(0);
      expect(named.stderr).toContain(
        '✓ the rotation workflow .github/workflows/rotate-codex-credentials.yml is enabled',
      );
      const given = await doctor([...here, '--workflow', 'ci.yml']);
      expect(given.stderr).toContain('✗ .github/workflows/ci.yml has never completed a run');
    });
  });

  describe('the secret', () => {
    it('last updated more than --max-age ago: the rotation is not running', async () => {
      gh.advance(3 * DAY);
      gh.addWorkflowRun(REPO, workflow, { conclusion: 'success' });
      const r = await doctor(here);
      expect(r.code).toBe(1);
      expect(marked(r.stderr, '✗')).toEqual([
        expect.stringMatching(
          new RegExp(
            `^✗ repository secret ${SECRET} of ${REPO} was last updated 3 days ago, more than --max-age 2d: ` +
              'the rotation is not running; make the rotation workflow run again',
          ),
        ),
      ]);
      expect(lines(r.stderr).at(-1)).toBe(
        'oauth-broker doctor: error[OB_CHECKS]: 1 of 6 checks failed; each ✗ line says what to do.',
      );
      expect((await doctor([...here, '--max-age', '4d'])).code).toBe(0);
    });

    it('missing: the command that stores a login in it', async () => {
      const r = await doctor(['--repo', REPO, '--secret', 'OTHER_LOGIN']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        `✗ repository secret OTHER_LOGIN of ${REPO} does not exist; store a login in it: ` +
          'oauth-broker login --provider anthropic --out - | ' +
          `oauth-broker seed --repo ${REPO} --secret OTHER_LOGIN --from -.`,
      );
      const codex = await doctor(['--repo', REPO, '--secret', 'CODEX_AUTH', '--environment', 'production']);
      expect(codex.stderr).toContain(
        'store a login in it: oauth-broker login --provider openai --out - | ' +
          `oauth-broker seed --repo ${REPO} --secret CODEX_AUTH --environment production --from -.`,
      );
    });
  });

  describe('permissions', () => {
    const repoPerm = (p: string) => `repository permission "${p}: Read and write"`;
    const orgPerm = (p: string) => `organization permission "${p}: Read and write"`;
    it.each<[string, Omit<TokenSpec, 'kind'>, string[], string, string]>([
      ['Secrets: read only', { secrets: 'read' }, here, 'secrets-write', repoPerm('Secrets')],
      ['no Secrets at all', { secrets: 'none' }, here, 'secret', repoPerm('Secrets')],
      ['Variables: read only', { variables: 'read' }, here, 'variables-write', repoPerm('Variables')],
      [
        'Environments: read only',
        { environments: 'read' },
        [...here, '--environment', 'production'],
        'secrets-write',
        repoPerm('Environments'),
      ],
      ['organization Secrets: read', { orgSecrets: 'read' }, ['--org', 'octo'], 'secrets-write', orgPerm('Secrets')],
      [
        'organization Variables: read',
        { orgVariables: 'read' },
        ['--org', 'octo'],
        'variables-write',
        orgPerm('Variables'),
      ],
      ['no Actions: read', { actions: 'none' }, here, 'workflow', 'repository permission "Actions: Read-only"'],
    ])('%s: the finding names the exact permission and the fix', async (_, spec, argv, check, needed) => {
      gh.setEnvSecret(REPO, 'production', SECRET, '{}');
      gh.setOrgSecret('octo', SECRET, '{}', 'private');
      const r = await doctor([...argv, '--secret', SECRET, '--json'], { token: token(spec) });
      expect(r.code).toBe(1);
      const out = JSON.parse(r.stdout) as { ok: boolean; findings: Array<{ check: string; ok: boolean; fix: string }> };
      expect(out.ok).toBe(false);
      const failed = out.findings.filter((f) => !f.ok);
      expect(failed.map((f) => f.check)).toEqual(spec.environments ? [check, 'variables-write'] : [check]);
      expect(failed[0]?.fix).toContain(`give the token the ${needed}`);
      expect(failed[0]?.fix).toContain('https://github.com/settings/personal-access-tokens');
      expect(credentialWrites()).toEqual([]);
    });

    it("the job's own token: a PAT instead, said plainly", async () => {
      const r = await doctor(here, { token: token({}, 'job') });
      expect(r.code).toBe(1);
      expect(marked(r.stderr, '✗')[0]).toContain("The job's own GITHUB_TOKEN (github.token) can never read or write");
      expect(marked(r.stderr, '✗')[0]).toMatch(
        /^✗ GH_TOKEN cannot read the secrets of repository octo\/app: GitHub answered 403 .*; use a fine-grained PAT /,
      );
    });

    it("a repository the token cannot see stops with the CLI's own option named", async () => {
      const r = await doctor(['--repo', 'octo/nope', '--secret', SECRET]);
      expect(r.code).toBe(1);
      expect(lines(r.stderr)[0]).toMatch(
        /^oauth-broker doctor: error\[OB_GITHUB_ACCESS\]: --repo: could not read the public key/,
      );
      // --json still answers on stdout: the check that could not run, and why.
      const json = await doctor(['--repo', 'octo/nope', '--secret', SECRET, '--json']);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toEqual({
        ok: false,
        findings: [{ check: 'error', ok: false, message: expect.stringMatching(/^--repo: could not read/), fix: null }],
      });
    });
  });

  describe('the rotation workflow', () => {
    it('disabled for inactivity: how to enable it', async () => {
      gh.setWorkflowState(REPO, workflow, 'disabled_inactivity');
      const r = await doctor(here);
      expect(r.code).toBe(1);
      expect(marked(r.stderr, '✗')).toEqual([
        `✗ the rotation workflow ${ROTATE} is disabled: disabled_inactivity (GitHub disables scheduled workflows ` +
          'after 60 days without activity in a public repository); enable it: ' +
          `gh workflow enable oauth-broker-rotate.yml --repo ${REPO}.`,
      ]);
    });

    it('last run failed: its log; a run in progress since does not hide it', async () => {
      const failed = gh.addWorkflowRun(REPO, workflow, { conclusion: 'failure' });
      gh.addWorkflowRun(REPO, workflow, { conclusion: null, status: 'in_progress' });
      const r = await doctor(here);
      expect(r.code).toBe(1);
      expect(marked(r.stderr, '✗')).toEqual([
        expect.stringContaining(
          `✗ the last run of ${ROTATE} ended failure, less than a minute ago: ` +
            `https://github.example/${REPO}/actions/runs/${failed}; read that run's log`,
        ),
      ]);
      gh.addWorkflowRun(REPO, workflow, { conclusion: 'success' });
      expect((await doctor(here)).code).toBe(0);
    });

    it('never ran, or none at all', async () => {
      const fresh = gh.addWorkflow('octo/app', { path: '.github/workflows/rotate-claude-credentials.yml' });
      const never = await doctor([...here, '--workflow', 'rotate-claude-credentials.yml']);
      expect(marked(never.stderr, '✗')).toEqual([
        '✗ .github/workflows/rotate-claude-credentials.yml has never completed a run; run it once: ' +
          `gh workflow run rotate-claude-credentials.yml --repo ${REPO}.`,
      ]);
      gh.setWorkflowState(REPO, fresh, 'deleted');
      gh.setWorkflowState(REPO, workflow, 'deleted');
      const none = await doctor(here);
      expect(none.code).toBe(1);
      expect(marked(none.stderr, '✗')).toEqual([
        `✗ ${REPO} has no rotation workflow (none named oauth-broker-rotate.yml or like rotate-…); add one ` +
          '(oauth-broker init writes .github/workflows/oauth-broker-rotate.yml), or name yours with --workflow FILE.',
      ]);
    });
  });

  describe('leftovers', () => {
    const claim = (t: string, s: ClaimValue['s'] = 'settled', l = 60): string =>
      encodeClaim({ v: 2, n: 'f'.repeat(32), s, l, t });
    const id = (c: string) => c.repeat(20);

    /** An unrelated secret and variable, claims of every kind, old and young; the leftovers' names. */
    function litter(): string[] {
      const where = { repo: REPO };
      gh.setRepoSecret(REPO, 'TEAM_SECRET', 'x');
      gh.setRepoSecret(REPO, 'OAUTH_BROKER_NOT_A_CLAIM', 'x');
      gh.setRepoSecret(REPO, `OAUTH_BROKER_${id('A')}_0`, 'x');
      gh.setRepoSecret(REPO, `OAUTH_BROKER_${id('A')}_0_S`, 'x');
      gh.setVariable(where, 'OAUTH_BROKER_SETTING', 'kept');
      gh.setVariable(where, 'DEPLOY_TARGET', 'prod');
      // Claims made for a secret since deleted, two hours ago: two generations of one copy, and a recovery's lock.
      gh.setVariable(where, `OAUTH_BROKER_${id('B')}_0`, claim('OLD_LOGIN', 'busy'));
      gh.setVariable(where, `OAUTH_BROKER_${id('B')}_1`, claim('OLD_LOGIN'));
      gh.setVariable(where, `OAUTH_BROKER_${id('C')}_R0`, claim('OLD_LOGIN', 'busy'));
      // Live: a provider CLI in a job still holds that token.
      gh.setVariable(where, `OAUTH_BROKER_${id('D')}_0`, claim('OLD_LOGIN', 'cli', 22_200));
      // The secret's own claims: only its value says which a job may need.
      gh.setVariable(where, `OAUTH_BROKER_${id('E')}_0`, claim(SECRET));
      gh.advance(2 * HOUR);
      // Too young to tell: a job holding a copy of it may still need it.
      gh.setVariable(where, `OAUTH_BROKER_${id('F')}_0`, claim('OLD_LOGIN'));
      gh.setRepoSecret(REPO, SECRET, '{}');
      gh.addWorkflowRun(REPO, workflow, { conclusion: 'success' });
      return [
        `OAUTH_BROKER_${id('A')}_0`,
        `OAUTH_BROKER_${id('A')}_0_S`,
        `OAUTH_BROKER_${id('B')}_0`,
        `OAUTH_BROKER_${id('B')}_1`,
        `OAUTH_BROKER_${id('C')}_R0`,
      ];
    }

    it('are named, with the command that removes them; nothing is removed', async () => {
      const names = litter();
      const before = { secrets: gh.secretNames({ repo: REPO }), variables: gh.variableNames({ repo: REPO }) };
      const r = await doctor(here);
      expect(r.code).toBe(1);
      expect(marked(r.stderr, '✗')).toEqual([
        `✗ 5 leftover broker entries in repository ${REPO}: 2 earlier-version claims (secrets), 3 claims of secrets ` +
          `no longer there: ${names.join(', ')}; ` +
          `remove them: oauth-broker doctor --repo ${REPO} --secret ${SECRET} --fix.`,
      ]);
      expect(gh.secretNames({ repo: REPO })).toEqual([...before.secrets, 'OAUTH_BROKER_WRITE_CHECK'].sort());
      expect(gh.variableNames({ repo: REPO })).toEqual(before.variables);
    });

    it('--fix removes them, and only them: an unrelated secret or variable and a live claim survive', async () => {
      const names = litter();
      const secrets = gh.secretNames({ repo: REPO });
      const variables = gh.variableNames({ repo: REPO });
      expect([secrets.length, variables.length]).toEqual([5, 8]);
      const r = await doctor([...here, '--fix']);
      expect(r.code).toBe(0);
      expect(marked(r.stderr, '✓').at(-1)).toBe(
        `✓ removed 5 leftover broker entries in repository ${REPO}: ${names.join(', ')}`,
      );
      expect(gh.secretNames({ repo: REPO })).toEqual(
        [SECRET, 'OAUTH_BROKER_NOT_A_CLAIM', 'OAUTH_BROKER_WRITE_CHECK', 'TEAM_SECRET'].sort(),
      );
      expect(gh.variableNames({ repo: REPO })).toEqual(
        [
          'DEPLOY_TARGET',
          'OAUTH_BROKER_SETTING',
          `OAUTH_BROKER_${id('D')}_0`,
          `OAUTH_BROKER_${id('E')}_0`,
          `OAUTH_BROKER_${id('F')}_0`,
        ].sort(),
      );
      // A copy's generations go highest first, as the action removes them.
      const deleted = gh.requests.filter((q) => q.method === 'DELETE' && q.path.includes(id('B'))).map((q) => q.path);
      expect(deleted).toEqual([
        `/repos/${REPO}/actions/variables/OAUTH_BROKER_${id('B')}_1`,
        `/repos/${REPO}/actions/variables/OAUTH_BROKER_${id('B')}_0`,
      ]);
      const again = await doctor(here);
      expect(again.code).toBe(0);
      expect(again.stderr).toContain(
        `✓ no leftover broker entries beside repository secret ${SECRET} of ${REPO} (its own claim stays`,
      );
    });
  });

  describe('--json and usage', () => {
    it('--json: the findings alone on stdout', async () => {
      const r = await doctor([...here, '--json']);
      expect(r.code).toBe(0);
      expect(marked(r.stderr, '✓')).toEqual([]);
      const out = JSON.parse(r.stdout) as { ok: boolean; findings: Array<Record<string, unknown>> };
      expect(out.ok).toBe(true);
      expect(out.findings.map((f) => f.check)).toEqual([
        'secret',
        'secrets-write',
        'variables-write',
        'workflow',
        'workflow-run',
        'leftovers',
      ]);
      for (const f of out.findings) {
        expect(Object.keys(f)).toEqual(['check', 'ok', 'message', 'fix']);
        expect(f).toMatchObject({ ok: true, fix: null });
      }
      gh.setWorkflowState(REPO, workflow, 'disabled_manually');
      const bad = await doctor([...here, '--json']);
      expect(bad.code).toBe(1);
      expect(JSON.parse(bad.stdout)).toMatchObject({
        ok: false,
        findings: expect.arrayContaining([
          {
            check: 'workflow',
            ok: false,
            message: `the rotation workflow ${ROTATE} is disabled: disabled_manually`,
            fix: `enable it: gh workflow enable oauth-broker-rotate.yml --repo ${REPO}`,
          },
        ]),
      });
      expect(lines(bad.stderr)).toEqual([
        "oauth-broker doctor: error[OB_CHECKS]: 1 of 6 checks failed; each finding's fix says what to do.",
      ]);
    });

    it.each([
      [['--repo', REPO, '--max-age', 'soon'], /^oauth-broker doctor: --max-age: "soon" is not a duration/],
      [['--org', 'octo', '--workflow', 'x.yml'], /^oauth-broker doctor: --workflow is for a repository/],
      [['--secret', SECRET], /^oauth-broker doctor: --repo is required \(or --org\): this folder has no GitHub remote/],
      [
        ['--repo', REPO, '--secret', 'GITHUB_X'],
        /^oauth-broker doctor: --secret: "GITHUB_X" is not a valid secret name/,
      ],
    ])('%j: exit 2, the option named', async (argv, line) => {
      const r = await doctor(argv);
      expect(r.code).toBe(2);
      expect(lines(r.stderr)[0]).toMatch(line);
      expect(gh.requests).toEqual([]);
    });
  });
});
