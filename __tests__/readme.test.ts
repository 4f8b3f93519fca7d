// The README's recipes are what users copy: each workflow, job and step list is checked against
// action.yml and run against the stand-ins as written, with only `${{ … }}` resolved and the
// services' URLs pointed at 127.0.0.1; a last test checks that no broker step was left unrun. The CLI
// commands it shows name real verbs and options. Its shape (length, contents, links): readme-shape.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { parseCredentials } from '../src/core/formats/index.js';
import { cliEntry, runProgram } from './support/cli.js';
import { assertNoLeak } from './support/leaks.js';
import { claudeCodeLogin, codexLogin } from './support/logins.js';
import { fakeJwt, fakeToken } from './support/fake-tokens.js';
import { repoRoot, stepNode } from './support/runner.js';
import { HOUR, REPO, useStandIns } from './support/stand-ins.js';
import { runStep, type StepResult } from './support/step.js';
import { startUpstream, type Upstream } from './support/upstream.js';
import { httpsCall } from './support/http.js';
import {
  BROKER,
  blocks,
  isObject,
  type Job,
  readme,
  type Step,
  usesLines,
  workflow,
  workflows,
} from './support/readme.js';

const WRITER = fakeToken('pat');
const APP_TOKEN = fakeToken('app-token');
const JOB_TOKEN = fakeToken('app-token');
const si = useStandIns(WRITER, { cache: false });
// The provider's API behind a proxy: true step.
let upstream: Upstream;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(() => upstream.close());
beforeEach(() => {
  upstream.requests.length = 0;
});
beforeEach(() => {
  si.gh.addToken(APP_TOKEN, { kind: 'app', repos: [REPO] });
  // What the workflows' `permissions:` give the job's own token: issues, never secrets.
  si.gh.addToken(JOB_TOKEN, { kind: 'job', repos: [REPO], secrets: 'none', issues: 'write' });
});

/** A broker step the README shows, with where it is and the environment its job gives it. */
interface Recipe {
  where: string;
  step: Step;
  steps: Step[];
  env: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
/** A job on its own (`rotate: {runs-on, env, steps}`), shown to be put in a workflow. */
const jobFragments = blocks.filter(
  (b): b is Record<string, Job> =>
    isObject(b) && !('jobs' in b) && Object.values(b).every((j) => isObject(j) && Array.isArray(j.steps)),
);
/** Steps on their own, shown to replace or join the steps of a workflow above. */
const stepLists = blocks.filter((b): b is Step[] => Array.isArray(b));
const declared = (
  load(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  }
).inputs;
const inputs = Object.keys(declared);

const recipes: Recipe[] = [
  ...workflows.flatMap((w) =>
    Object.entries(w.jobs ?? {}).flatMap(([name, j]) =>
      j.steps.map((step) => ({ where: `${w.name} (${name})`, step, steps: j.steps, env: { ...w.env, ...j.env } })),
    ),
  ),
  ...jobFragments.flatMap((f) =>
    Object.entries(f).flatMap(([name, j]) =>
      j.steps.map((step) => ({ where: `job ${name}`, step, steps: j.steps, env: { ...j.env } })),
    ),
  ),
  ...stepLists.flatMap((steps, i) => steps.map((step) => ({ where: `step list ${i + 1}`, step, steps, env: {} }))),
].filter((r) => r.step.uses?.startsWith('oauth-broker/'));

/** How a workflow writes an expression, `${{ … }}`. */
const expression = (e: string): string => `\${{ ${e} }}`;

/** The broker steps a test ran: the last test checks that none was left out. */
const ran = new Set<Step>();

function recipe(what: string, match: (r: Recipe) => boolean): Recipe {
  const found = recipes.filter(match);
  if (found.length !== 1) throw new Error(`the README has ${found.length} broker steps that are ${what}, not 1`);
  return found[0];
}

/** The broker step of a README workflow's job. */
function inWorkflow(name: string, job?: string): Recipe {
  const w = workflow(name);
  const steps = job ? w.jobs![job].steps : Object.values(w.jobs!)[0].steps;
  return recipe(`in ${name}`, (r) => r.steps === steps);
}

/** The `with:` of a broker step, expressions resolved as the runner would. */
function resolved(step: Step): Record<string, string> {
  const value = (expr: string): string => {
    const secret = /^secrets\.(\w+)$/.exec(expr)?.[1];
    if (secret === 'SECRETS_WRITER_TOKEN') return WRITER;
    if (secret) return si.gh.repoSecret(REPO, secret)?.value ?? '';
    if (expr === 'steps.app.outputs.token') return APP_TOKEN;
    if (expr === 'github.token') return JOB_TOKEN;
    if (expr === 'github.repository') return REPO;
    if (expr === 'github.api_url') return si.gh.url;
    throw new Error(`the test cannot resolve \${{ ${expr} }}`);
  };
  const out: Record<string, string> = {};
  // The runner fills in action.yml's defaults, expressions included (github.token for alert-token).
  const defaults = Object.entries(declared).filter(([, d]) => d.default !== undefined);
  for (const [k, v] of [...defaults.map(([k, d]) => [k, d.default] as const), ...Object.entries(step.with ?? {})]) {
    out[k] = String(v).replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, e: string) => value(e));
  }
  const api: Record<string, string> = out.proxy === 'true' ? { 'proxy-upstream': upstream.url } : {};
  return { ...out, ...api, 'github-api-url': si.gh.url, 'token-url': si.oauth.tokenUrl };
}

/** Runs a README broker step, then what the job's later steps do (`between`), then its post step. */
async function run(r: Recipe, between?: (main: StepResult) => Promise<void>) {
  ran.add(r.step);
  const opts = { inputs: resolved(r.step), env: { ...r.env, GITHUB_REPOSITORY: REPO } };
  const main = await runStep('main', opts);
  if (main.code === 0) await between?.(main);
  const later = { home: main.home, runnerTemp: main.runnerTemp, state: main.state, env: { ...main.env, ...opts.env } };
  return { main, post: await runStep('post', { ...opts, ...later }) };
}

/** Seeds the repository secret as `oauth-broker seed` stores it: the login's own document. */
function seedClaude(name: string, ttlMs: number): void {
  const { refreshToken, accessToken } = si.oauth.issue(['user:inference', 'user:profile']);
  const doc = { accessToken, refreshToken, expiresAt: Date.now() + ttlMs, scopes: ['user:inference', 'user:profile'] };
  si.gh.setRepoSecret(REPO, name, JSON.stringify({ claudeAiOauth: doc }));
}

describe('the README workflows', () => {
  it('are complete workflows, each with a permissions block', () => {
    expect(workflows.length).toBeGreaterThanOrEqual(3);
    for (const w of workflows) {
      expect([w.name, w.on !== undefined]).toEqual([w.name, true]);
      const everyJob = Object.values(w.jobs ?? {}).every((j) => j.permissions !== undefined);
      expect([w.name, w.permissions !== undefined || everyJob]).toEqual([w.name, true]);
    }
  });

  it('give issues: write wherever the broker alerts', () => {
    const alerting = workflows.filter((w) =>
      Object.values(w.jobs ?? {}).some((j) => j.steps.some((st) => st.with?.alert === 'issue')),
    );
    expect(alerting.length).toBeGreaterThanOrEqual(1);
    for (const w of alerting)
      expect([w.name, (w.permissions as Record<string, string>)?.issues]).toEqual([w.name, 'write']);
  });

  it('give the broker only inputs action.yml declares, pinned to @v1', () => {
    expect(recipes.length).toBeGreaterThanOrEqual(7);
    for (const r of recipes) {
      expect([r.where, r.step.uses]).toEqual([r.where, BROKER]);
      for (const key of Object.keys(r.step.with ?? {})) expect([key, inputs.includes(key)]).toEqual([key, true]);
    }
  });

  it('pin every action, and the same actions/checkout everywhere', () => {
    for (const ref of usesLines)
      expect([ref, /@(v\d+(\.\d+){0,2}|[0-9a-f]{40})(\s+#.*)?$/.test(ref)]).toEqual([ref, true]);
    const checkouts = new Set(usesLines.filter((u) => u.startsWith('actions/checkout@')));
    expect(checkouts.size).toBe(1);
    // Third-party actions that take a token by commit, their version in a comment.
    for (const ref of usesLines.filter((u) => u.startsWith('actions/create-github-app-token@')))
      expect(ref).toMatch(/@[0-9a-f]{40} # v3\.\d+\.\d+$/);
  });

  it('answer comments only from the repository’s own people, where a comment starts a job', () => {
    const commented = workflows.filter((w) =>
      Object.keys(w.on ?? {}).some((e) => ['issue_comment', 'pull_request_review_comment'].includes(e)),
    );
    expect(commented.length).toBeGreaterThanOrEqual(1);
    for (const w of commented)
      for (const [name, j] of Object.entries(w.jobs ?? {}))
        expect([w.name, name, j.if]).toEqual([
          w.name,
          name,
          expect.stringMatching(/OWNER.*MEMBER.*COLLABORATOR.*author_association/s),
        ]);
  });

  it('skip pull requests from forks, which get no secrets, and review with the history', () => {
    const onPullRequests = workflows.filter((w) => Object.keys(w.on ?? {}).includes('pull_request'));
    expect(onPullRequests.length).toBeGreaterThanOrEqual(1);
    for (const w of onPullRequests)
      for (const j of Object.values(w.jobs ?? {})) expect(j.if).toMatch(/head\.repo\.full_name == github\.repository/);
    const review = workflow('Codex review').jobs!.review.steps;
    expect(review.find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0);
    expect(review.find((s) => s.run?.includes('@openai/codex'))?.run).toMatch(/@openai\/codex@\d+\.\d+\.\d+$/);
  });

  it('Claude: the rotation refreshes and writes back; the strict job then finds a fresh token', async () => {
    seedClaude('CLAUDE_CREDENTIALS', -HOUR);
    const rotation = await run(inWorkflow('Rotate Claude credentials'));
    expect(rotation.main.code).toBe(0);
    expect(rotation.main.outputs).toMatchObject({ source: 'refreshed', 'secret-updated': 'true' });
    expect(si.oauth.refreshCount).toBe(1);
    // alert: issue looked for an open alert with the job's own token, and found none to close.
    expect(si.gh.requests.filter((r) => r.path === `/repos/${REPO}/issues`).map((r) => r.status)).toEqual([200]);

    const requests = si.oauth.requests.length;
    const live = JSON.parse(si.gh.repoSecret(REPO, 'CLAUDE_CREDENTIALS')!.value).claudeAiOauth.accessToken;
    const job = await run(inWorkflow('Claude'), async (main) => {
      expect(main.outputs).toMatchObject({ source: 'stored', 'access-token': '' });
      // The agent's step holds a placeholder for the proxy; the API behind it gets the live token.
      const placeholder = main.env.CLAUDE_CODE_OAUTH_TOKEN;
      expect(placeholder).not.toBe(live);
      const res = await fetch(`${main.env.ANTHROPIC_BASE_URL}/v1/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${placeholder}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status).toBe(200);
      expect(upstream.requests.map((q) => q.headers.authorization)).toEqual([`Bearer ${live}`]);
    });
    expect(job.main.code).toBe(0);
    expect(si.oauth.requests).toHaveLength(requests);
    expect(job.post.code).toBe(0);
  });

  it('Claude: the strict job fails in one line when the rotation has stalled', async () => {
    seedClaude('CLAUDE_CREDENTIALS', 20 * 60_000);
    const job = await run(inWorkflow('Claude'));
    expect(job.main.code).toBe(1);
    expect(job.main.stdout).toMatch(/^::error::credentials: the stored access token is not valid for min-ttl 1h/m);
    expect(si.oauth.requests).toHaveLength(0);
  });

  it('the GitHub App route: the installation token writes the rotated credentials back', async () => {
    seedClaude('CLAUDE_CREDENTIALS', -HOUR);
    const r = recipe(
      'the GitHub App route',
      (x) => x.step.with?.['github-token'] === expression('steps.app.outputs.token'),
    );
    // The token step comes first, and is the v3 action, which takes client-id.
    const app = r.steps[r.steps.indexOf(r.step) - 1];
    expect(app).toMatchObject({ id: 'app', with: { 'client-id': expect.any(String) } });
    expect(app.uses).toMatch(/^actions\/create-github-app-token@/);
    const rotation = await run(r);
    expect(rotation.main.code).toBe(0);
    expect(rotation.main.outputs['secret-updated']).toBe('true');
  });

  it('the self-healing step refreshes an expiring token and stores its successor', async () => {
    seedClaude('CLAUDE_CREDENTIALS', 10 * 60_000);
    const r = recipe(
      'self-healing',
      (x) => x.steps.length === 1 && !!x.step.with?.['github-token'] && !x.step.with.mode,
    );
    const result = await run(r);
    expect(result.main.code).toBe(0);
    expect(result.main.outputs).toMatchObject({ source: 'refreshed', 'secret-updated': 'true' });
  });

  it('GHES behind a proxy: the rotation job, in its own environment, writes back', async () => {
    seedClaude('CLAUDE_CREDENTIALS', -HOUR);
    const r = recipe('the GHES job', (x) => x.env.HTTPS_PROXY !== undefined);
    // The stand-ins are on 127.0.0.1, which always goes direct, as GitHub does under NO_PROXY.
    expect(r.env.NO_PROXY).toBeDefined();
    const rotation = await run(r);
    expect(rotation.main.code).toBe(0);
    expect(rotation.main.outputs).toMatchObject({ source: 'refreshed', 'secret-updated': 'true' });
  });

  it('Codex: the rotation refreshes auth.json and writes it back', async () => {
    const exp = (h: number) => Math.floor((Date.now() + h * HOUR) / 1000);
    const jwt = (h: number) => fakeJwt({ iss: 'https://auth.openai.com', exp: exp(h) });
    const mint = { access: () => jwt(240), refresh: () => fakeToken('opaque'), id: () => jwt(240) };
    const oauth = await si.restartOAuth({ clientId: 'app_EMoamEEZ73f0CkXaXp7hrann', path: '/oauth/token', mint });
    const { refreshToken } = oauth.issue([]);
    const tokens = { id_token: jwt(-1), access_token: jwt(-1), refresh_token: refreshToken, account_id: 'acct' };
    si.gh.setRepoSecret(REPO, 'CODEX_AUTH', JSON.stringify({ auth_mode: 'chatgpt', OPENAI_API_KEY: null, tokens }));
    const r = recipe('the Codex rotation', (x) => x.step.with?.provider === 'openai' && x.step.with.mode === 'refresh');
    const rotation = await run(r);
    expect(rotation.main.code).toBe(0);
    expect(rotation.main.outputs).toMatchObject({ source: 'refreshed', 'secret-updated': 'true' });
    const stored = JSON.parse(si.gh.repoSecret(REPO, 'CODEX_AUTH')!.value);
    expect(stored.tokens.refresh_token).not.toBe(refreshToken);
    expect(oauth.isLive(stored.tokens.refresh_token)).toBe(true);
  });

  it('Codex: the review job hands Codex placeholders and an https proxy that relays with the live token', async () => {
    const exp = Math.floor((Date.now() + 8 * HOUR) / 1000);
    const tokens = { id_token: fakeJwt({ iss: 'https://auth.openai.com' }), access_token: fakeJwt({ exp }) };
    const auth = {
      auth_mode: 'chatgpt',
      OPENAI_API_KEY: null,
      tokens: { ...tokens, refresh_token: fakeToken('opaque') },
    };
    si.gh.setRepoSecret(REPO, 'CODEX_AUTH', JSON.stringify(auth));
    const job = await run(inWorkflow('Codex review', 'review'), async (main) => {
      const file = main.outputs['credentials-file'];
      expect(file).toBe(join(main.home, '.codex', 'auth.json'));
      const handed = JSON.parse(readFileSync(file, 'utf8')).tokens;
      for (const token of Object.values(auth.tokens)) expect(JSON.stringify(handed)).not.toContain(token);
      const ca = readFileSync(main.env.CODEX_CA_CERTIFICATE, 'utf8');
      const bearer = { authorization: `Bearer ${handed.access_token}` };
      const res = await httpsCall(`${main.outputs['proxy-url']}/backend-api/codex/responses`, ca, 'POST', bearer, '{}');
      expect(res.status).toBe(200);
      expect(upstream.requests.map((q) => q.headers.authorization)).toEqual([`Bearer ${tokens.access_token}`]);
    });
    expect(job.main.code).toBe(0);
    expect(job.post.code).toBe(0);
    expect(si.oauth.requests).toHaveLength(0);
    expect(si.gh.requests).toHaveLength(0);
  });

  it('every broker step of the README was run by a test above', () => {
    expect(recipes.filter((r) => !ran.has(r.step)).map((r) => r.where)).toEqual([]);
  });
});

describe('the README commands', () => {
  // Every `oauth-broker VERB --option` in a shell block, pipes and continuation lines followed.
  const commands = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((m) =>
      m[1]
        .replace(/\\\n\s*/g, ' ')
        .replace(/\|\n\s*/g, '| ')
        .split('\n'),
    )
    .map((line) => line.replace(/#.*$/, ''))
    .flatMap((line) => line.split('|'))
    .map((c) => c.trim())
    .filter((c) => c.startsWith('oauth-broker '));
  const help = (verb: string) => spawnSync(stepNode, [cliEntry, verb, '--help'], { encoding: 'utf8' });
  const verbOf = (command: string) => command.split(/\s+/)[1];
  const unique = [...new Set(commands)];

  it('show the verbs a user needs, init and doctor included', () => {
    const verbs = new Set(unique.map(verbOf));
    for (const v of ['init', 'doctor', 'login', 'seed', 'public-key', 'seal', 'put'])
      expect([v, verbs.has(v)]).toEqual([v, true]);
  });

  it.each(unique)('%s: the verb and its options exist', (command) => {
    const [, verb, ...args] = command.split(/\s+/);
    const r = help(verb);
    expect([verb, r.status]).toEqual([verb, 0]);
    for (const option of args.filter((a) => a.startsWith('--'))) expect(r.stdout).toContain(option);
  });

  // The shell blocks that call the CLI, run by bash as written, `oauth-broker` being the bundle. Two
  // things differ, as they must on a machine without a provider: `login … --out -` is replaced by the
  // login it would print, and GHES's address is the stand-in's.
  it('run as written against the stand-ins: init, doctor, login into seed, the air-gapped carry', async () => {
    const repo = 'my-org/my-repo';
    si.gh.addRepo(repo);
    const rotation = si.gh.addWorkflow(repo, { path: '.github/workflows/oauth-broker-rotate.yml' });
    si.gh.addWorkflowRun(repo, rotation, { conclusion: 'success' });
    const home = mkdtempSync(join(tmpdir(), 'readme-sh-'));
    mkdirSync(join(home, 'bin'));
    writeFileSync(join(home, 'bin', 'oauth-broker'), `#!/bin/sh\nexec "${stepNode}" "${cliEntry}" "$@"\n`, {
      mode: 0o755,
    });
    const logins = { anthropic: claudeCodeLogin(), openai: codexLogin() };
    for (const [p, text] of Object.entries(logins)) writeFileSync(join(home, `${p}.json`), text);
    const shell = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
      .map((m) => m[1])
      .filter((b) => /^oauth-broker (?!--help)/m.test(b));
    expect(shell).toHaveLength(3);
    for (const block of shell) {
      const script = block
        .replace(/oauth-broker login --provider (\w+) --out -/g, (_, p: string) => `cat "$HOME/${p}.json"`)
        .replaceAll('https://ghes.corp.example/api/v3', si.gh.url);
      const r = await runProgram('bash', ['-c', `set -eo pipefail\n${script}`], {
        cwd: mkdtempSync(join(home, 'work-')),
        env: {
          PATH: `${join(home, 'bin')}:${process.env.PATH}`,
          HOME: home,
          GH_TOKEN: WRITER,
          GITHUB_API_URL: si.gh.url,
        },
        // init's questions: the login comes from a file, this one.
        stdin: `3\n${join(home, 'anthropic.json')}\n`,
      });
      assertNoLeak({ stdout: r.stdout, stderr: r.stderr, summary: '' }, [WRITER]);
      expect([block, r.code, r.stderr]).toEqual([block, 0, expect.any(String)]);
    }
    const stored = (name: string) => parseCredentials(si.gh.repoSecret(repo, name)?.value ?? '').refreshToken;
    expect(stored('CLAUDE_CREDENTIALS')).toBe(parseCredentials(logins.anthropic).refreshToken);
    expect(stored('CODEX_AUTH')).toBe(parseCredentials(logins.openai).refreshToken);
  });

  it('install the CLI from the release file of the package version, which the bundle runs as', () => {
    const tarball = `oauth-broker-${pkg.version}.tgz`;
    expect(readme).toContain(
      `npm install -g https://github.com/oauth-broker/oauth-broker/releases/download/v${pkg.version}/${tarball}`,
    );
    for (const stale of readme.matchAll(/oauth-broker-(\d+\.\d+\.\d+)\.tgz/g)) expect(stale[1]).toBe(pkg.version);
    expect(readme).not.toMatch(/~\/\.local\/bin/);
    // The release workflow packs and attaches that file; the bundle runs with node alone.
    expect(readFileSync(join(repoRoot, '.github', 'workflows', 'release.yml'), 'utf8')).toContain('npm pack');
    const r = spawnSync(stepNode, [join(repoRoot, 'dist', 'cli', 'index.js'), '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/oauth-broker <verb>/);
  });
});
