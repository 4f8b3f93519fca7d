// alert: issue, for the rotation workflow: a failed run opens one issue about its secret (or
// comments on the open one; alert-expiry.test.ts: a refresh token that itself expires soon), the
// next run that succeeds closes it; never a secret in it, and never a changed step result.
// In-process (support/step.ts), and through the bundled dist/main for the paths users run.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig } from '../src/action/inputs.js';
import { Masker } from '../src/action/mask.js';
import { updateAlert } from '../src/action/alert.js';
import { recordingCore } from './support/core.js';
import { fakeToken } from './support/fake-tokens.js';
import { repoRoot, runAction } from './support/runner.js';
import { CLAIM_VARIABLE, HOUR, REPO, SECRET, useStandIns } from './support/stand-ins.js';
import { runStep, runStepThenPost } from './support/step.js';
import { commandLines, expectNoSecretIn, RELOGIN, useAlertJob } from './support/alerts.js';
import { errorLine } from './support/jobs.js';

const PAT = fakeToken('pat');
const si = useStandIns(PAT, { cache: false });
const { JOB, READ_ONLY_JOB, NO_ISSUES_JOB, seed, rotation, issueCalls, refuse } = useAlertJob(si, PAT);

const RUN_URL = 'https://github.com/octo/app/actions/runs/1234567890';
const MARKER = '<!-- oauth-broker-alert: repo/octo/app/claude_credentials -->';

/** The Markdown outside its fenced code blocks: where a mention, a link or HTML would take effect. */
function outsideCode(markdown: string): string {
  const kept: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    if (fence === undefined) {
      const open = /^(`{3,})/.exec(line);
      if (open) fence = open[1];
      else kept.push(line);
    } else if (new RegExp(`^\`{${fence.length},}\\s*$`).test(line)) {
      fence = undefined;
    }
  }
  expect(fence).toBeUndefined();
  return kept.join('\n');
}

describe('a failed rotation', () => {
  it('opens an issue with the error as the log shows it, the run, the re-login command, and no secret', async () => {
    const s = seed();
    refuse(`Refresh token ${s.refreshToken} was revoked (access ${s.accessToken}, ${PAT}, ${JOB})`);
    const r = await runStep('main', { inputs: rotation(s) });
    expect(r.code).toBe(1);
    const line = errorLine(r);
    expect(line).toMatch(/refused the stored refresh token: answered HTTP 400 \(invalid_grant: /);

    const issues = si.gh.issues(REPO);
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue).toMatchObject({
      title: 'oauth-broker: CLAUDE_CREDENTIALS could not be rotated',
      state: 'open',
      user: { login: 'github-actions[bot]', type: 'Bot' },
    });
    expect(issue.body.startsWith(`${MARKER}\n`)).toBe(true);
    expect(issue.body).toContain('the repository secret `CLAUDE_CREDENTIALS` of `octo/app`');
    expect(issue.body).toContain(`[run 1234567890](${RUN_URL})`);
    // The error line and the lines after it, as the log has them.
    expect(issue.body).toContain(line);
    expect(issue.body).toContain("The provider's description: Refresh token *** was revoked");
    expect(issue.body).toContain(`\`\`\`sh\n${RELOGIN}\n\`\`\``);
    expectNoSecretIn(issues, rotation(s));
    expect(r.stdout).toContain('Opened issue #1 of octo/app about CLAUDE_CREDENTIALS.');
  });

  it('a second failure comments on the same issue; the next success closes it with a comment', async () => {
    const s = seed();
    refuse('Refresh token not found or invalid');
    expect((await runStep('main', { inputs: rotation(s) })).code).toBe(1);
    // The same copy again: its refresh token is known to be spent.
    const again = await runStep('main', { inputs: rotation(s) });
    expect(again.code).toBe(1);
    let [issue] = si.gh.issues(REPO);
    expect(si.gh.issues(REPO)).toHaveLength(1);
    expect(issue.comments).toHaveLength(1);
    expect(issue.comments[0].body).toContain(errorLine(again));
    expect(issue.comments[0].body).toContain(RELOGIN);
    expect(again.stdout).toContain('Commented on issue #1 of octo/app, which is about CLAUDE_CREDENTIALS.');

    // A new login is stored; the rotation succeeds.
    const fresh = seed();
    si.gh.requests.length = 0;
    const ok = await runStep('main', { inputs: rotation(fresh) });
    expect(ok.code).toBe(0);
    [issue] = si.gh.issues(REPO);
    expect(issue).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(issue.comments[1].body).toBe(`This is resolved: [run 1234567890](${RUN_URL}) succeeded. Closing.`);
    expect(issueCalls()).toEqual([
      'GET /repos/octo/app/issues 200',
      'POST /repos/octo/app/issues/1/comments 201',
      'PATCH /repos/octo/app/issues/1 200',
    ]);
    expect(ok.stdout).toContain('Closed issue #1 of octo/app: this run succeeded.');
    expectNoSecretIn(si.gh.issues(REPO));
  });

  it('the text from outside stays text: no mention, link or HTML, in a fence it cannot close', async () => {
    const s = seed();
    const hostile = '@octocat <img src=x onerror=alert(1)> [click](https://evil.example) ```` ` -->';
    refuse(hostile);
    await runStep('main', { inputs: rotation(s) });
    const [issue] = si.gh.issues(REPO);
    expect(issue.body).toContain('@octocat <img src=x');
    const prose = outsideCode(issue.body);
    for (const bad of ['@octocat', '<img', 'evil.example', '````']) expect(prose).not.toContain(bad);
    expect(issue.body).toContain('\n`````text\n');
    // The marker comment is closed by the broker's own `-->` only.
    expect(issue.body.indexOf('-->')).toBe(MARKER.length - 3);
  });

  it('an environment secret: its own issue, named in the title, the marker and the command', async () => {
    const { refreshToken, accessToken } = si.oauth.issue(['user:inference']);
    const credentials = JSON.stringify({ claudeAiOauth: { accessToken, refreshToken, expiresAt: Date.now() - HOUR } });
    si.gh.setEnvSecret(REPO, 'production', SECRET, credentials);
    refuse('revoked');
    const given = { ...rotation({ credentials, refreshToken, accessToken }), 'secret-environment': 'production' };
    expect((await runStep('main', { inputs: given })).code).toBe(1);
    const [issue] = si.gh.issues(REPO);
    expect(issue.title).toBe('oauth-broker: CLAUDE_CREDENTIALS (environment production) could not be rotated');
    expect(issue.body).toContain('<!-- oauth-broker-alert: env/octo/app/production/claude_credentials -->');
    expect(issue.body).toContain(
      'oauth-broker seed --repo octo/app --secret CLAUDE_CREDENTIALS --environment production --from -',
    );
  });

  it('a secret whose name begins another one has an issue of its own', async () => {
    const s = seed();
    si.gh.setRepoSecret(REPO, 'CLAUDE', s.credentials);
    refuse('revoked');
    await runStep('main', { inputs: rotation(s) });
    await runStep('main', { inputs: rotation(s, { 'secret-name': 'CLAUDE' }) });
    expect(si.gh.issues(REPO).map((i) => [i.title, i.comments.length])).toEqual([
      ['oauth-broker: CLAUDE_CREDENTIALS could not be rotated', 0],
      ['oauth-broker: CLAUDE could not be rotated', 0],
    ]);
  });

  it('bad credentials, before any other input is read, are alerted too', async () => {
    const s = seed();
    const r = await runStep('main', { inputs: rotation(s, { credentials: '{"claudeAiOauth":' }) });
    expect(errorLine(r)).toMatch(/^credentials: is not valid JSON/);
    expect(si.gh.issues(REPO)[0].body).toContain('credentials: is not valid JSON');
  });

  it("issues others opened with the marker are not the broker's: an outsider's, a pull request", async () => {
    si.gh.addIssue(REPO, {
      title: 'look',
      body: MARKER,
      user: { login: 'mallory', type: 'User' },
      association: 'NONE',
    });
    si.gh.addIssue(REPO, { title: 'pr', body: MARKER, association: 'OWNER', pullRequest: true });
    const s = seed();
    refuse('revoked');
    await runStep('main', { inputs: rotation(s) });
    const issues = si.gh.issues(REPO);
    expect(issues.map((i) => [i.number, i.comments.length])).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
    ]);
    expect(issues[2].user.type).toBe('Bot');
  });

  it('the open alert is found beyond the first page of open issues', async () => {
    const s = seed();
    refuse('revoked');
    await runStep('main', { inputs: rotation(s) });
    // 100 issues updated since: the alert is on page 2.
    si.gh.advance(2_000);
    for (let i = 0; i < 100; i++) si.gh.addIssue(REPO, { title: `other ${i}` });
    await runStep('main', { inputs: rotation(s) });
    expect(si.gh.issues(REPO)[0].comments).toHaveLength(1);
    expect(si.gh.issues(REPO)).toHaveLength(101);
  });
});

describe('alerts never change the outcome', () => {
  it('alert: none (the default) makes no issues call, failing or not', async () => {
    const s = seed();
    refuse('revoked');
    const failed = await runStep('main', { inputs: rotation(s, { alert: 'none' }) });
    expect(failed.code).toBe(1);
    const fresh = seed();
    const { alert: _, 'alert-token': __, ...noAlert } = rotation(fresh);
    expect((await runStep('main', { inputs: noAlert })).code).toBe(0);
    expect(issueCalls()).toEqual([]);
  });

  it('an alert token without issues: write is a warning; the step fails as it would have', async () => {
    const s = seed();
    refuse('revoked');
    const r = await runStep('main', { inputs: rotation(s, { 'alert-token': READ_ONLY_JOB }) });
    expect(r.code).toBe(1);
    expect(errorLine(r)).toMatch(/refused the stored refresh token/);
    expect(commandLines(r, 'warning')).toEqual([
      'alert: could not open an issue in octo/app: GitHub answered 403 Resource not accessible by integration; ' +
        'give the job the permission issues: write (README: Alerts).',
    ]);
    expect(si.gh.issues(REPO)).toEqual([]);
  });

  it('an alert token that cannot read issues is a warning; the step succeeds, outputs and all', async () => {
    const s = seed();
    const r = await runStep('main', { inputs: rotation(s, { 'alert-token': NO_ISSUES_JOB }) });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ source: 'refreshed', 'secret-updated': 'true' });
    expect(commandLines(r, 'warning')).toEqual([
      'alert: could not list the open issues of octo/app: GitHub answered 403 Resource not accessible by ' +
        'integration; give the job the permission issues: write (README: Alerts).',
    ]);
  });

  it.each([
    [
      410,
      'Issues are disabled for this repo',
      /issues are turned off in octo\/app; turn them on, or set alert: none\.$/,
    ],
    [502, 'Bad Gateway', /GitHub answered 502 Bad Gateway; the next run tries again\.$/],
  ])('GitHub answering %s to the create: one warning, the create sent once', async (status, text, warning) => {
    const s = seed();
    refuse('revoked');
    si.gh.faults.push({ method: 'POST', path: /\/issues$/, status, body: JSON.stringify({ message: text }) });
    const r = await runStep('main', { inputs: rotation(s) });
    expect(r.code).toBe(1);
    expect(commandLines(r, 'warning')).toEqual([expect.stringMatching(warning)]);
    expect(issueCalls().filter((c) => c.startsWith('POST'))).toHaveLength(1);
  });

  it('a list GitHub answers 502 once is retried, and the alert goes out', async () => {
    const s = seed();
    refuse('revoked');
    si.gh.faults.push({ method: 'GET', path: /\/issues$/, status: 502, body: '{"message":"Bad Gateway"}' });
    const r = await runStep('main', { inputs: rotation(s) });
    expect(commandLines(r, 'warning')).toEqual([]);
    expect(si.gh.issues(REPO)).toHaveLength(1);
  });

  it('a run on the stored token with alert: issue makes one list call and nothing else', async () => {
    const s = seed(8 * HOUR);
    const r = await runStep('main', { inputs: rotation(s, { mode: 'auto' }) });
    expect(r.code).toBe(0);
    expect(r.outputs.source).toBe('stored');
    expect(si.oauth.requests).toHaveLength(0);
    expect(si.gh.requests.map((q) => `${q.method} ${q.path}`)).toEqual(['GET /repos/octo/app/issues']);
  });
});

describe('the post step', () => {
  it('a write-back it cannot finish either is alerted on the same issue', async () => {
    const s = seed();
    const put = { method: 'PUT', pathIncludes: `secrets/${SECRET}`, status: 502, body: '{"message":"Bad Gateway"}' };
    for (let i = 0; i < 10; i++) si.gh.faults.push({ ...put });
    // GitHub takes the settle but not the rescue in the claim: only the pending file keeps the rotation.
    const patch = { method: 'PATCH', path: CLAIM_VARIABLE };
    si.gh.faults.push({ ...patch, delayMs: 1 }, { ...patch, status: 403, body: '{"message":"Forbidden"}' });
    const { main, post } = await runStepThenPost({ inputs: rotation(s, { share: 'false' }) });
    expect([main.code, post.code]).toEqual([1, 1]);
    const [issue] = si.gh.issues(REPO);
    expect(issue.body).toContain("kept sealed for this job's post step");
    expect(issue.comments).toHaveLength(1);
    expect(issue.comments[0].body).toContain(errorLine(post));
    expectNoSecretIn([issue]);
  });
});

describe('inputs', () => {
  it('a bad alert value is one clear line, before any network call', async () => {
    const s = seed();
    const r = await runStep('main', { inputs: rotation(s, { alert: 'sometimes' }) });
    expect(r.code).toBe(1);
    expect(errorLine(r)).toBe('alert: "sometimes" is not one of none, issue.');
    expect(si.gh.requests.length + si.oauth.requests.length).toBe(0);
  });

  it.each([
    [
      'no secret-name',
      { 'secret-name': '' },
      /^secret-name: alert: issue needs it, to name the secret the issue is about; set it/,
    ],
    [
      'an empty alert-token',
      { 'alert-token': '' },
      /^alert-token: it is empty; alert: issue needs the job's own token/,
    ],
    ['alert-token: github-token', { 'alert-token': PAT }, /^alert-token: it is github-token, which writes secrets; /],
  ])('%s is refused in one line', (_, given, line) => {
    const env: Record<string, string> = { GITHUB_REPOSITORY: REPO };
    const all = { 'secret-name': SECRET, 'github-token': PAT, alert: 'issue', 'alert-token': JOB, ...given };
    for (const [k, v] of Object.entries(all)) env[`INPUT_${k.toUpperCase()}`] = v;
    expect(() => readConfig(recordingCore(env), env)).toThrow(line);
  });

  it('action.yml documents alert (default none) and alert-token (default the job token)', () => {
    const yml = readFileSync(join(repoRoot, 'action.yml'), 'utf8');
    expect(yml).toMatch(/\n {2}alert:\n(?: {4}.*\n)+ {4}default: none\n/);
    expect(yml).toMatch(/\n {2}alert-token:\n(?: {4}.*\n)+ {4}default: \$\{\{ github\.token \}\}\n/);
  });
});

it('every value masked is redacted from the body, even one no earlier step redacted', async () => {
  const opaque = fakeToken('opaque');
  const env: Record<string, string> = {
    GITHUB_REPOSITORY: REPO,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '77',
    'INPUT_SECRET-NAME': SECRET,
    INPUT_ALERT: 'issue',
    'INPUT_ALERT-TOKEN': JOB,
    'INPUT_GITHUB-API-URL': si.gh.url,
  };
  const core = recordingCore(env);
  const cfg = readConfig(core, env);
  const masker = new Masker(core);
  masker.mask(opaque);
  const deps = {
    core,
    env,
    fetch: globalThis.fetch,
    now: Date.now,
    monotonic: () => performance.now(),
    sleep: async () => {},
    startedAt: Date.now(),
  };
  const failed = { line: `provider said ${opaque}`, details: [`part ${opaque.slice(5, 25)}`] };
  await updateAlert(deps, cfg, cfg.alert!, masker, { failed });
  const [issue] = si.gh.issues(REPO);
  expect(issue.body).toContain('provider said ***\npart ***');
  expectNoSecretIn([issue]);
});

describe('through dist/main, as the runner runs it', () => {
  it('a failed rotation opens the issue, a later success closes it (dist)', async () => {
    const s = seed();
    refuse(`Refresh token ${s.refreshToken} was revoked`);
    const failed = await runAction('main', { inputs: rotation(s) });
    expect(failed.code).toBe(1);
    let [issue] = si.gh.issues(REPO);
    expect(issue.title).toBe('oauth-broker: CLAUDE_CREDENTIALS could not be rotated');
    expect(issue.body).toContain(errorLine(failed));
    expect(issue.body).toContain(RELOGIN);
    expect(issue.body).toContain(RUN_URL);
    expectNoSecretIn([issue], rotation(s));

    const ok = await runAction('main', { inputs: rotation(seed()) });
    expect(ok.code).toBe(0);
    [issue] = si.gh.issues(REPO);
    expect(issue.state).toBe('closed');
  });

  it('the stored path of dist/main never parses the alert code: it is in a chunk of its own', () => {
    const dir = join(repoRoot, 'dist', 'main');
    const has = (file: string): boolean => readFileSync(join(dir, file), 'utf8').includes('oauth-broker-alert: ');
    expect(has('index.js')).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.js') && has(f))).toHaveLength(1);
  });
});
