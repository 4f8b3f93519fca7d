// `oauth-broker init` through the bundle, as a user runs it in a working copy: against the GitHub
// stand-in (which opens every sealed box and enforces fine-grained permissions) and, for a new login,
// the login stand-in. What it writes is read back: the secret as GitHub holds it, the workflows as YAML.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { repositoryFromRemote } from '../../src/cli/init.js';
import { ROTATION_WORKFLOW } from '../../src/cli/doctor.js';
import { newPatUrl } from '../../src/cli/init/access.js';
import { ROTATION_FILE } from '../../src/cli/init/workflows.js';
import { parseCredentials } from '../../src/core/formats/index.js';
import { CLI_WAYS, type CliOptions, type CliWay, runCliBy, scratchHome } from '../support/cli.js';
import { fakeToken } from '../support/fake-tokens.js';
import { claudeCodeLogin, codexLogin } from '../support/logins.js';
import { type GitHubServer, startGitHubServer } from '../support/github-server.js';
import { type LoginServer, startLoginServer } from '../support/login-server.js';
import { repoRoot } from '../support/runner.js';
import { REPO, useStandIns } from '../support/stand-ins.js';
import { runStepThenPost } from '../support/step.js';

const BROKER = 'oauth-broker/oauth-broker@v1';
const pat = fakeToken('pat');
const noVariables = fakeToken('pat');
const readSecrets = fakeToken('pat');
const actionInputs = (
  load(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  }
).inputs;
const declared = Object.keys(actionInputs);

let gh: GitHubServer;
let logins: LoginServer;
let repos = 0;

beforeAll(async () => {
  gh = await startGitHubServer();
  logins = await startLoginServer({ kind: 'openai', pollsBeforeApproval: 1 });
  gh.addToken(pat, { kind: 'pat' });
  gh.addToken(noVariables, { kind: 'pat', variables: 'none' });
  gh.addToken(readSecrets, { kind: 'pat', secrets: 'read' });
});
afterAll(async () => {
  await gh.close();
  await logins.close();
});

/** A repository on the stand-in, and a working copy of it whose origin names it. */
function repository(): { repo: string; dir: string } {
  const repo = `octo/app${++repos}`;
  gh.addRepo(repo, { environments: ['production'] });
  const dir = join(scratchHome(), 'app');
  mkdirSync(dir);
  for (const args of [
    ['init', '-q'],
    ['remote', 'add', 'origin', `git@github.com:${repo}.git`],
  ]) {
    expect(spawnSync('git', args, { cwd: dir }).status).toBe(0);
  }
  return { repo, dir };
}

function file(text: string): string {
  const path = join(scratchHome(), 'login.json');
  writeFileSync(path, text);
  return path;
}

let way: CliWay = CLI_WAYS[0];

/** init in the working copy, with the stand-in as its API; no token may appear in any output. */
function init(argv: string[], dir: string, opts: CliOptions = {}) {
  return runCliBy(way, ['init', ...argv], {
    ...opts,
    cwd: dir,
    env: {
      GH_TOKEN: pat,
      GITHUB_API_URL: gh.url,
      OAUTH_BROKER_RETRY_BASE_MS: '1',
      OAUTH_BROKER_POLL_MS: '10',
      BROWSER: 'none',
      ...opts.env,
    },
    secrets: [pat, noVariables, readSecrets],
  });
}

const workflowsDir = (dir: string) => join(dir, '.github', 'workflows');
const stored = (text: string) => text.replace(/\n$/, '');
/** How a workflow reads a secret. */
const secret = (name: string) => `\${{ secrets.${name} }}`;

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: Step[]; permissions?: unknown; environment?: string }>;
}

/** Every workflow init wrote, parsed, by file name. */
function workflows(dir: string): Record<string, Workflow> {
  const out: Record<string, Workflow> = {};
  for (const f of readdirSync(workflowsDir(dir))) {
    out[f] = load(readFileSync(join(workflowsDir(dir), f), 'utf8')) as Workflow;
  }
  return out;
}

const brokerStep = (w: Workflow): Step => {
  const step = Object.values(w.jobs)
    .flatMap((j) => j.steps)
    .find((s) => s.uses?.startsWith('oauth-broker/'));
  if (!step) throw new Error('no broker step');
  return step;
};

/** The actions the README's recipes pin, each once: init's workflows pin the same. */
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const pinned = [...new Set([...readme.matchAll(/uses: (\S+@\S+)/g)].map((m) => m[1]))];

/** What every workflow init writes must be: pinned as the README pins, with permissions, only declared inputs. */
function expectWellFormed(w: Workflow): void {
  expect(w.on).toBeDefined();
  expect(w.permissions).toEqual(expect.any(Object));
  const uses = Object.values(w.jobs).flatMap((j) => j.steps.map((s) => s.uses).filter(Boolean));
  for (const u of uses) expect(pinned).toContain(u);
  const step = brokerStep(w);
  expect(step.uses).toBe(BROKER);
  for (const input of Object.keys(step.with ?? {})) expect(declared).toContain(input);
}

const errorLine = (stderr: string) => stderr.split('\n').find((l) => l.startsWith('oauth-broker init: ')) ?? '';

describe.each(CLI_WAYS)('%s', (w) => {
  beforeAll(() => {
    way = w;
  });

  describe('oauth-broker init --yes, in a script', () => {
    it('sets up a fresh repository: the secret sealed, the rotation and job workflows written', async () => {
      const { repo, dir } = repository();
      const login = claudeCodeLogin();
      const r = await init(['--yes', '--repo', repo, '--provider', 'anthropic', '--from', file(login)], dir);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(gh.repoSecret(repo, 'CLAUDE_CREDENTIALS')?.value).toBe(stored(login));

      const written = workflows(dir);
      expect(Object.keys(written).sort()).toEqual(['claude.yml', 'oauth-broker-rotate.yml']);
      for (const w of Object.values(written)) expectWellFormed(w);
      const rotate = written['oauth-broker-rotate.yml'];
      expect(Object.keys(rotate.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
      expect(rotate.permissions).toEqual({ contents: 'read', issues: 'write' });
      expect(brokerStep(rotate).with).toMatchObject({
        credentials: secret('CLAUDE_CREDENTIALS'),
        mode: 'refresh',
        'secret-name': 'CLAUDE_CREDENTIALS',
        'github-token': secret('SECRETS_WRITER_TOKEN'),
        alert: 'issue',
      });
      const job = written['claude.yml'];
      expect(brokerStep(job).with).toMatchObject({ credentials: secret('CLAUDE_CREDENTIALS'), mode: 'check' });
      expect(brokerStep(job).with?.['github-token']).toBeUndefined();
      expect(job.jobs.claude.steps.at(-1)).toEqual({
        uses: 'anthropics/claude-code-action@v1',
        with: { claude_code_oauth_token: `\${{ steps.claude.outputs.access-token }}` },
      });

      expect(r.stderr).toContain('Created the folder .github.');
      expect(r.stderr).toContain('Created the folder .github/workflows.');
      expect(r.stderr).toContain(`Created repository secret CLAUDE_CREDENTIALS of ${repo}.`);
      expect(r.stderr).toContain(`gh secret set SECRETS_WRITER_TOKEN --repo ${repo}`);
      expect(r.stderr).toContain('git add .github/workflows/oauth-broker-rotate.yml');
    });

    it('takes the repository from origin and the provider from the login (Codex), into an environment', async () => {
      const { repo, dir } = repository();
      const login = codexLogin();
      const r = await init(['--yes', '--from', file(login), '--environment', 'production'], dir);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`Repository: ${repo} (git remote origin`);
      expect(gh.envSecret(repo, 'production', 'CODEX_AUTH')?.value).toBe(stored(login));
      expect(gh.repoSecret(repo, 'CODEX_AUTH')).toBeUndefined();

      const written = workflows(dir);
      expect(Object.keys(written).sort()).toEqual(['codex-review.yml', 'oauth-broker-rotate.yml']);
      for (const w of Object.values(written)) {
        expectWellFormed(w);
        expect(Object.values(w.jobs)[0].environment).toBe('production');
        expect(brokerStep(w).with).toMatchObject({ provider: 'openai', credentials: secret('CODEX_AUTH') });
      }
      expect(brokerStep(written['oauth-broker-rotate.yml']).with).toMatchObject({
        'secret-name': 'CODEX_AUTH',
        'secret-environment': 'production',
      });
    });

    it("imports Claude Code's login, saying that the copy and the CLI now share it", async () => {
      const { repo, dir } = repository();
      const home = scratchHome();
      const login = claudeCodeLogin();
      mkdirSync(join(home, '.claude'));
      writeFileSync(join(home, '.claude', '.credentials.json'), login);
      const r = await init(['--yes', '--repo', repo, '--import'], dir, { env: { HOME: home } });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('share one refresh token');
      expect(parseCredentials(gh.repoSecret(repo, 'CLAUDE_CREDENTIALS')?.value ?? '')).toMatchObject(
        parseCredentials(login),
      );
    });

    it('says in its own words when there is no local login to import, before anything is sent', async () => {
      const { repo, dir } = repository();
      const before = gh.requests.length;
      const r = await init(['--yes', '--repo', repo, '--provider', 'openai', '--import'], dir);
      expect(r.code).toBe(1);
      expect(errorLine(r.stderr)).toMatch(
        /^oauth-broker init: error\[OB_FILE\]: no Codex login in .*; log in .* first, or pass --from FILE\.$/,
      );
      expect(gh.requests.length).toBe(before);
    });

    it('refuses a login of another provider before anything is sent', async () => {
      const { repo, dir } = repository();
      const before = gh.requests.length;
      const r = await init(['--yes', '--repo', repo, '--provider', 'openai', '--from', file(claudeCodeLogin())], dir);
      expect(r.code).toBe(1);
      expect(errorLine(r.stderr)).toMatch(
        /^oauth-broker init: error\[OB_CREDENTIALS\]: --from \S+: these are Claude Code credentials/,
      );
      expect(errorLine(r.stderr)).toContain('--provider anthropic');

      expect(gh.requests.length).toBe(before);
    });

    it('fails naming the flag when something must be given', async () => {
      const { dir } = repository();
      const r = await init(['--yes'], dir);
      expect(r.code).toBe(2);
      expect(errorLine(r.stderr)).toBe(
        'oauth-broker init: --login, --import or --from is needed: init does not ask with --yes.',
      );
    });
  });

  describe('oauth-broker init, where the secret exists already', () => {
    it('refuses to replace it without --force, and replaces it with', async () => {
      const { repo, dir } = repository();
      gh.setRepoSecret(repo, 'CLAUDE_CREDENTIALS', 'the old login');
      const login = claudeCodeLogin();
      const argv = ['--yes', '--repo', repo, '--from', file(login)];

      const refused = await init(argv, dir);
      expect(refused.code).toBe(1);
      expect(errorLine(refused.stderr)).toBe(
        'oauth-broker init: error[OB_INPUT_CONFLICT]: --secret CLAUDE_CREDENTIALS: the secret exists already; ' +
          'pass --force to replace it, or --secret to choose another name.',
      );
      expect(gh.repoSecret(repo, 'CLAUDE_CREDENTIALS')?.value).toBe('the old login');
      expect(existsSync(join(dir, '.github'))).toBe(false);

      const replaced = await init([...argv, '--force'], dir);
      expect(replaced.code).toBe(0);
      expect(replaced.stderr).toContain(`Updated repository secret CLAUDE_CREDENTIALS of ${repo}.`);
      expect(gh.repoSecret(repo, 'CLAUDE_CREDENTIALS')?.value).toBe(stored(login));
    });
  });

  describe('oauth-broker init with a token that lacks a permission', () => {
    it.each([
      ['Variables', noVariables, '"Variables: Read and write"'],
      ['Secrets write', readSecrets, '"Secrets: Read and write"'],
    ])('stops before any login when it lacks %s, naming what to grant', async (_, token, lacks) => {
      const { repo, dir } = repository();
      const before = logins.requests.length;
      const r = await init(
        [
          '--repo',
          repo,
          '--provider',
          'openai',
          '--login',
          '--device-url',
          logins.deviceUrl,
          '--token-url',
          logins.tokenUrl,
        ],
        dir,
        { env: { GH_TOKEN: token } },
      );
      expect(r.code).toBe(1);
      expect(errorLine(r.stderr)).toBe(
        `oauth-broker init: error[OB_GITHUB_ACCESS]: GH_TOKEN: the token cannot set up repository secret ` +
          `CODEX_AUTH of ${repo}: ` +
          `it lacks ${lacks}.`,
      );
      for (const line of [
        `Give the token these repository permissions on ${repo} (a fine-grained PAT):`,
        'Secrets: Read and write',
        'Variables: Read and write',
        'Metadata: Read-only',
        'Actions: Read-only',
        '/settings/personal-access-tokens/new',
        'actions/create-github-app-token',
        'Nothing was logged in, and neither the secret nor a workflow was written.',
      ]) {
        expect(r.stderr).toContain(line);
      }
      expect(logins.requests.length).toBe(before);
      expect(r.stderr).not.toContain('codex/device');
      expect(gh.repoSecret(repo, 'CODEX_AUTH')).toBeUndefined();
      expect(existsSync(join(dir, '.github'))).toBe(false);
    });
  });

  describe('oauth-broker init, where a workflow file exists', () => {
    it('leaves it as it is with --yes, and writes the other', async () => {
      const { repo, dir } = repository();
      mkdirSync(workflowsDir(dir), { recursive: true });
      const mine = join(workflowsDir(dir), 'oauth-broker-rotate.yml');
      writeFileSync(mine, 'name: my own rotation\n');
      const r = await init(['--yes', '--repo', repo, '--from', file(claudeCodeLogin())], dir);
      expect(r.code).toBe(0);
      expect(readFileSync(mine, 'utf8')).toBe('name: my own rotation\n');
      expect(r.stderr).toContain(
        'Left .github/workflows/oauth-broker-rotate.yml as it is: it exists (--force replaces it).',
      );
      expect(r.stderr).not.toContain('Created the folder');
      expectWellFormed(workflows(dir)['claude.yml']);
    });
  });

  describe('oauth-broker init, interactive', () => {
    it('asks the provider, the login and whether to replace a file, and answers come from stdin', async () => {
      const { repo, dir } = repository();
      mkdirSync(workflowsDir(dir), { recursive: true });
      const job = join(workflowsDir(dir), 'codex-review.yml');
      const rotation = join(workflowsDir(dir), 'oauth-broker-rotate.yml');
      writeFileSync(job, 'name: mine\n');
      writeFileSync(rotation, 'name: mine too\n');
      // openai; a new login; keep the rotation file (no), replace the job file (yes).
      const r = await init(['--device-url', logins.deviceUrl, '--token-url', logins.tokenUrl], dir, {
        stdin: '2\n1\nn\ny\n',
      });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('Which provider?');
      expect(r.stderr).toContain('Which login should CI use?');
      expect(r.stderr).toContain(`${logins.deviceUrl}/codex/device`);

      const issued = logins.issued.at(-1);
      const value = gh.repoSecret(repo, 'CODEX_AUTH')?.value ?? '';
      expect(parseCredentials(value)).toMatchObject({ format: 'codex', refreshToken: issued?.refreshToken });
      expect(readFileSync(rotation, 'utf8')).toBe('name: mine too\n');
      expectWellFormed(load(readFileSync(job, 'utf8')) as Workflow);
      expect(r.stderr).toContain('Replaced .github/workflows/codex-review.yml');
    });
  });

  describe('the workflows init writes, run as GitHub would run their broker steps', () => {
    const writer = fakeToken('pat');
    const jobToken = fakeToken('app-token');
    const si = useStandIns(writer, { cache: false });
    beforeEach(() => si.gh.addToken(jobToken, { kind: 'job', repos: [REPO], secrets: 'none', issues: 'write' }));

    /** The step's inputs as the runner gives them: action.yml's defaults, then `with:`, expressions resolved. */
    function inputsOf(step: Step): Record<string, string> {
      const value = (expr: string): string => {
        const name = /^secrets\.(\w+)$/.exec(expr)?.[1];
        if (name === 'SECRETS_WRITER_TOKEN') return writer;
        if (name) return si.gh.repoSecret(REPO, name)?.value ?? '';
        const known: Record<string, string> = { 'github.token': jobToken, 'github.repository': REPO };
        if (expr in known) return known[expr];
        if (expr === 'github.api_url') return si.gh.url;
        throw new Error(`the test cannot resolve \${{ ${expr} }}`);
      };
      const given = { ...Object.fromEntries(Object.entries(actionInputs).map(([k, d]) => [k, d.default ?? ''])) };
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries({ ...given, ...step.with })) {
        out[k] = String(v).replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, e: string) => value(e));
      }
      return { ...out, 'github-api-url': si.gh.url, 'token-url': si.oauth.tokenUrl };
    }

    it('the rotation refreshes the login init stored and writes it back; the job then uses it as stored', async () => {
      const scopes = ['user:inference', 'user:profile'];
      const { refreshToken, accessToken } = si.oauth.issue(scopes);
      const login = JSON.stringify({
        claudeAiOauth: { accessToken, refreshToken, expiresAt: Date.now() + 600_000, scopes },
      });
      const dir = scratchHome();
      const r = await runCliBy(way, ['init', '--yes', '--repo', REPO, '--from', file(login), '--dir', dir], {
        env: { GH_TOKEN: writer, GITHUB_API_URL: si.gh.url, OAUTH_BROKER_RETRY_BASE_MS: '1' },
      });
      expect(r.code).toBe(0);
      const written = workflows(dir);

      const rotation = await runStepThenPost({
        inputs: inputsOf(brokerStep(written['oauth-broker-rotate.yml'])),
        env: { GITHUB_REPOSITORY: REPO },
      });
      expect(rotation.main.code).toBe(0);
      expect(rotation.main.outputs).toMatchObject({ source: 'refreshed', 'secret-updated': 'true' });
      const rotated = JSON.parse(si.gh.repoSecret(REPO, 'CLAUDE_CREDENTIALS')?.value ?? '{}').claudeAiOauth;
      expect(rotated.refreshToken).not.toBe(refreshToken);

      const requests = si.oauth.requests.length;
      const job = await runStepThenPost({
        inputs: inputsOf(brokerStep(written['claude.yml'])),
        env: { GITHUB_REPOSITORY: REPO },
      });
      expect(job.main.code).toBe(0);
      expect(job.main.outputs).toMatchObject({ source: 'stored', 'access-token': rotated.accessToken });
      expect(si.oauth.requests).toHaveLength(requests);
    });
  });
});

describe('what init reads from its surroundings', () => {
  it('names the rotation workflow as doctor looks for it', () => expect(ROTATION_FILE).toBe(ROTATION_WORKFLOW));

  it.each([
    ['https://github.com/octo/app.git', 'octo/app'],
    ['https://github.com/octo/app', 'octo/app'],
    ['git@github.com:octo/my.app.git', 'octo/my.app'],
    ['ssh://git@ghe.example.com/octo/app.git\n', 'octo/app'],
    ['/srv/git/app', undefined],
    ['../app.git', undefined],
  ])('the repository of the remote %j', (url, repo) => expect(repositoryFromRemote(url)).toBe(repo));

  it.each([
    ['https://api.github.com', 'https://github.com'],
    ['https://ghe.example.com/api/v3', 'https://ghe.example.com'],
    ['https://api.octo.ghe.com', 'https://octo.ghe.com'],
  ])('where a PAT for %s is made', (api, site) =>
    expect(newPatUrl(api)).toBe(`${site}/settings/personal-access-tokens/new`),
  );
});
