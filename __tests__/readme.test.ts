// The README's workflows are recipes users copy: each is checked against action.yml and run
// against the stand-ins as written, with only `${{ … }}` resolved and the services' URLs pointed
// at 127.0.0.1. A recipe that drifts from the action fails here, not in a user's repository.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { fakeJwt, fakeToken } from './support/fake-tokens.js';
import { cliEntry } from './support/cli.js';
import { repoRoot, stepNode } from './support/runner.js';
import { HOUR, REPO, useStandIns } from './support/stand-ins.js';
import { runStep, runStepThenPost } from './support/step.js';

const BROKER = 'oauth-broker/oauth-broker@v0';
const WRITER = fakeToken('pat');
const APP_TOKEN = fakeToken('app-token');
const JOB_TOKEN = fakeToken('app-token');
const si = useStandIns(WRITER, { cache: false });
beforeEach(() => {
  si.gh.addToken(APP_TOKEN, { kind: 'app', repos: [REPO] });
  // What the workflows' `permissions:` give the job's own token: issues, never secrets.
  si.gh.addToken(JOB_TOKEN, { kind: 'job', repos: [REPO], secrets: 'none', issues: 'write' });
});

interface Step {
  uses?: string;
  id?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Workflow {
  name?: string;
  on?: unknown;
  permissions?: unknown;
  jobs?: Record<string, { permissions?: unknown; steps: Step[] }>;
}

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => load(m[1]) as unknown);
const workflows = blocks.filter((b): b is Workflow => typeof b === 'object' && b !== null && 'jobs' in b);
const declared = (
  load(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  }
).inputs;
const inputs = Object.keys(declared);

/** Every step that uses the broker: those of complete workflows and the loose fragments. */
function brokerSteps(): Step[] {
  const fragments = blocks.flatMap((b) => (Array.isArray(b) ? (b as Step[]) : []));
  const inWorkflows = workflows.flatMap((w) => Object.values(w.jobs ?? {}).flatMap((j) => j.steps));
  return [...fragments, ...inWorkflows].filter((s) => s.uses?.startsWith('oauth-broker/'));
}

function workflow(name: string): Workflow {
  const w = workflows.find((x) => x.name === name);
  if (!w) throw new Error(`the README has no workflow named ${name}`);
  return w;
}

/** The `with:` of a workflow's broker step, expressions resolved as the runner would. */
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
  return { ...out, 'github-api-url': si.gh.url, 'token-url': si.oauth.tokenUrl };
}

/** Runs the broker step of one job of a README workflow, with its post step. */
async function runJob(name: string, job?: string) {
  const w = workflow(name);
  const steps = job ? w.jobs![job].steps : Object.values(w.jobs!)[0].steps;
  const step = steps.find((s) => s.uses === BROKER);
  if (!step) throw new Error(`${name} has no broker step`);
  return runStepThenPost({ inputs: resolved(step), env: { GITHUB_REPOSITORY: REPO } });
}

/** Seeds the repository secret as `oauth-broker seed` stores it: the login's own document. */
function seedClaude(name: string, ttlMs: number): void {
  const { refreshToken, accessToken } = si.oauth.issue(['user:inference', 'user:profile']);
  const doc = { accessToken, refreshToken, expiresAt: Date.now() + ttlMs, scopes: ['user:inference', 'user:profile'] };
  si.gh.setRepoSecret(REPO, name, JSON.stringify({ claudeAiOauth: doc }));
}

describe('the README workflows', () => {
  it('are complete workflows, each with a permissions block', () => {
    expect(workflows.length).toBeGreaterThanOrEqual(4);
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
    expect(alerting.length).toBeGreaterThanOrEqual(2);
    for (const w of alerting)
      expect([w.name, (w.permissions as Record<string, string>)?.issues]).toEqual([w.name, 'write']);
  });

  it('give the broker only inputs action.yml declares', () => {
    const steps = brokerSteps();
    expect(steps.length).toBeGreaterThanOrEqual(6);
    for (const s of steps) {
      expect(s.uses).toBe(BROKER);
      for (const key of Object.keys(s.with ?? {})) expect([key, inputs.includes(key)]).toEqual([key, true]);
    }
  });

  it('Claude: the rotation refreshes and writes back; the strict job then finds a fresh token', async () => {
    seedClaude('CLAUDE_CREDENTIALS', -HOUR);
    const rotation = await runJob('Rotate Claude credentials');
    expect(rotation.main.code).toBe(0);
    expect(rotation.main.outputs).toMatchObject({ source: 'refreshed', 'secret-updated': 'true' });
    expect(si.oauth.refreshCount).toBe(1);
    // alert: issue looked for an open alert with the job's own token, and found none to close.
    expect(si.gh.requests.filter((r) => r.path === `/repos/${REPO}/issues`).map((r) => r.status)).toEqual([200]);

    const requests = si.oauth.requests.length;
    const job = await runJob('Claude');
    expect(job.main.code).toBe(0);
    expect(job.main.outputs.source).toBe('stored');
    expect(job.main.outputs['access-token']).toBe(
      JSON.parse(si.gh.repoSecret(REPO, 'CLAUDE_CREDENTIALS')!.value).claudeAiOauth.accessToken,
    );
    expect(si.oauth.requests).toHaveLength(requests);
    expect(job.post.code).toBe(0);
  });

  it('Claude: the strict job fails in one line when the rotation has stalled', async () => {
    seedClaude('CLAUDE_CREDENTIALS', 20 * 60_000);
    const job = await runJob('Claude');
    expect(job.main.code).toBe(1);
    expect(job.main.stdout).toMatch(/^::error::credentials: the stored access token is not valid for min-ttl 1h/m);
    expect(si.oauth.requests).toHaveLength(0);
  });

  it('the GitHub App route: the installation token writes the rotated credentials back', async () => {
    seedClaude('CLAUDE_CREDENTIALS', -HOUR);
    const rotation = await runJob('Rotate Claude credentials (GitHub App)');
    expect(rotation.main.code).toBe(0);
    expect(rotation.main.outputs['secret-updated']).toBe('true');
  });

  it('the self-healing step refreshes an expiring token and stores its successor', async () => {
    seedClaude('CLAUDE_CREDENTIALS', 10 * 60_000);
    const fragment = brokerSteps().find((s) => s.with?.['github-token'] && !s.with.mode);
    expect(fragment).toBeDefined();
    const r = await runStepThenPost({ inputs: resolved(fragment!), env: { GITHUB_REPOSITORY: REPO } });
    expect(r.main.code).toBe(0);
    expect(r.main.outputs).toMatchObject({ source: 'refreshed', 'secret-updated': 'true' });
  });

  it('Codex: the rotation refreshes auth.json and writes it back', async () => {
    const exp = (h: number) => Math.floor((Date.now() + h * HOUR) / 1000);
    const jwt = (h: number) => fakeJwt({ iss: 'https://auth.openai.com', exp: exp(h) });
    const mint = { access: () => jwt(240), refresh: () => fakeToken('opaque'), id: () => jwt(240) };
    const oauth = await si.restartOAuth({ clientId: 'app_EMoamEEZ73f0CkXaXp7hrann', path: '/oauth/token', mint });
    const { refreshToken } = oauth.issue([]);
    const tokens = { id_token: jwt(-1), access_token: jwt(-1), refresh_token: refreshToken, account_id: 'acct' };
    si.gh.setRepoSecret(REPO, 'CODEX_AUTH', JSON.stringify({ auth_mode: 'chatgpt', OPENAI_API_KEY: null, tokens }));
    const rotation = await runJob('Rotate Codex credentials');
    expect(rotation.main.code).toBe(0);
    expect(rotation.main.outputs).toMatchObject({ source: 'refreshed', 'secret-updated': 'true' });
    const stored = JSON.parse(si.gh.repoSecret(REPO, 'CODEX_AUTH')!.value);
    expect(stored.tokens.refresh_token).not.toBe(refreshToken);
    expect(oauth.isLive(stored.tokens.refresh_token)).toBe(true);
  });

  it('Codex: the strict job works with the openai defaults: auth.json holds the access token only', async () => {
    const exp = Math.floor((Date.now() + 8 * HOUR) / 1000);
    const tokens = { id_token: fakeJwt({ iss: 'https://auth.openai.com' }), access_token: fakeJwt({ exp }) };
    const auth = {
      auth_mode: 'chatgpt',
      OPENAI_API_KEY: null,
      tokens: { ...tokens, refresh_token: fakeToken('opaque') },
    };
    si.gh.setRepoSecret(REPO, 'CODEX_AUTH', JSON.stringify(auth));
    const step = workflow('Codex review').jobs!.review.steps.find((s) => s.uses === BROKER)!;
    const main = await runStep('main', { inputs: resolved(step), env: { GITHUB_REPOSITORY: REPO } });
    expect(main.code).toBe(0);
    const file = main.outputs['credentials-file'];
    expect(file).toBe(join(main.home, '.codex', 'auth.json'));
    expect(JSON.parse(readFileSync(file, 'utf8')).tokens).toEqual({ ...tokens, refresh_token: '' });
    expect(si.oauth.requests).toHaveLength(0);
    expect(si.gh.requests).toHaveLength(0);
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

  it.each([...new Set(commands)])('%s: the verb and its options exist', (command) => {
    const [, verb, ...args] = command.split(/\s+/);
    const help = spawnSync(stepNode, [cliEntry, verb, '--help'], { encoding: 'utf8' });
    expect([verb, help.status]).toEqual([verb, 0]);
    for (const option of args.filter((a) => a.startsWith('--'))) expect(help.stdout).toContain(option);
  });
});
