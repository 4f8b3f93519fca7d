// alert: issue when the refresh token itself expires within 7 days (the provider's refresh_token_expires_in),
// and with client-refresh, where the CLI refreshes: the warning, the issue, and what it tells to run.
import { readFileSync, writeFileSync } from 'node:fs';
import { fakeToken } from './support/fake-tokens.js';
import { ANTHROPIC_CLIENT_ID } from './support/oauth-server.js';
import { HOUR, REPO, SECRET, useStandIns } from './support/stand-ins.js';
import { runStep, testClock } from './support/step.js';
import { commandLines, DAY, expectNoSecretIn, RELOGIN, useAlertJob } from './support/alerts.js';
import type { Seeded } from './support/jobs.js';

const PAT = fakeToken('pat');
const si = useStandIns(PAT, { cache: false });
const { seed, rotation } = useAlertJob(si, PAT);

describe("a refresh token that itself expires within 7 days (the provider's refresh_token_expires_in)", () => {
  it('warns with the re-login command and alerts; a check run warns from the stored marker, no network', async () => {
    await si.restartOAuth({ refreshTtlSeconds: 3 * 86_400 });
    const s = seed();
    const r = await runStep('main', { inputs: rotation(s) });
    expect(r.code).toBe(0);
    expect(commandLines(r, 'warning')).toEqual([
      expect.stringMatching(
        /^credentials: the refresh token itself expires in 2d23h59m, at \d{4}-\d\d-\d\dT[\d:.]+Z; make a new login/,
      ),
    ]);
    expect(r.stdout).toContain(`To log in again and store it: ${RELOGIN}`);
    const stored = JSON.parse(si.gh.repoSecret(REPO, SECRET)!.value) as { oauth_broker: Record<string, string> };
    const at = Date.parse(stored.oauth_broker.refresh_expires_at);
    expect(at - Date.now()).toBeGreaterThan(3 * DAY - 60_000);

    const [issue] = si.gh.issues(REPO);
    expect(issue.title).toBe(
      `oauth-broker: CLAUDE_CREDENTIALS needs a new login by ${new Date(at).toISOString().slice(0, 10)}`,
    );
    expect(issue.body).toContain(
      `The refresh token in the repository secret \`CLAUDE_CREDENTIALS\` of \`octo/app\` expires in 2d23h`,
    );
    expect(issue.body).toContain(RELOGIN);
    expectNoSecretIn([issue]);

    // An ordinary job on the stored value: the same warning, without a single request.
    si.gh.requests.length = 0;
    const value = si.gh.repoSecret(REPO, SECRET)!.value;
    const check = await runStep('main', { inputs: { credentials: value, mode: 'check', 'min-ttl': '1h' } });
    expect(check.code).toBe(0);
    expect(commandLines(check, 'warning')).toEqual([
      expect.stringMatching(/^credentials: the refresh token itself expires in 2d23h/),
    ]);
    expect(check.stdout).not.toContain('To log in again');
    expect(si.gh.requests).toEqual([]);
    expect(si.oauth.requests).toHaveLength(1);
  });

  it('is said once a day, not on every run; a new login that lives longer closes the issue', async () => {
    await si.restartOAuth({ refreshTtlSeconds: 2 * 86_400 });
    let s = seed();
    await runStep('main', { inputs: rotation(s) });
    const current = (): Seeded => ({
      credentials: si.gh.repoSecret(REPO, SECRET)!.value,
      refreshToken: '',
      accessToken: '',
    });
    const soon = await runStep('main', { inputs: rotation(current()) });
    expect(soon.stdout).toContain('Issue #1 of octo/app is open and was updated within a day; not commenting again.');
    expect(si.gh.issues(REPO)[0].comments).toHaveLength(0);
    const nextDay = await runStep('main', { inputs: rotation(current()), clock: testClock({ offsetMs: DAY + HOUR }) });
    expect(nextDay.code).toBe(0);
    expect(si.gh.issues(REPO)[0].comments).toHaveLength(1);

    await si.restartOAuth({ refreshTtlSeconds: 90 * 86_400 });
    s = seed();
    const renewed = await runStep('main', { inputs: rotation(s) });
    expect(commandLines(renewed, 'warning')).toEqual([]);
    expect(si.gh.issues(REPO)[0].state).toBe('closed');
  });
});

describe('client-refresh', () => {
  it('a refresh token the CLI rotated does not inherit the expiry the marker kept for the one before', async () => {
    const { refreshToken, accessToken } = si.oauth.issue(['user:inference']);
    const credentials = JSON.stringify({
      claudeAiOauth: { accessToken, refreshToken, expiresAt: Date.now() + 8 * HOUR, scopes: ['user:inference'] },
      oauth_broker: { refresh_expires_at: new Date(Date.now() + 3 * DAY).toISOString() },
    });
    si.gh.setRepoSecret(REPO, SECRET, credentials);
    const given = {
      ...rotation({ credentials, refreshToken, accessToken }, { mode: 'auto', alert: 'none' }),
      'credentials-file': 'auto',
      'client-refresh': 'true',
    };
    const main = await runStep('main', { inputs: given });
    expect(commandLines(main, 'warning')).toEqual([expect.stringMatching(/^credentials: the refresh token itself/)]);

    // The CLI refreshes by itself, as Claude Code does, and rewrites its file.
    const path = main.outputs['credentials-file'];
    const file = JSON.parse(readFileSync(path, 'utf8')) as { claudeAiOauth: Record<string, unknown> };
    const res = await fetch(si.oauth.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: ANTHROPIC_CLIENT_ID,
      }),
    });
    const t = (await res.json()) as { access_token: string; refresh_token: string };
    const rotated = { ...file.claudeAiOauth, accessToken: t.access_token, refreshToken: t.refresh_token };
    writeFileSync(path, JSON.stringify({ claudeAiOauth: rotated }));

    const post = await runStep('post', { inputs: given, state: main.state, home: main.home });
    expect(post.code).toBe(0);
    const stored = JSON.parse(si.gh.repoSecret(REPO, SECRET)!.value) as Record<string, Record<string, unknown>>;
    expect(stored.claudeAiOauth.refreshToken).toBe(t.refresh_token);
    expect(stored.oauth_broker).toHaveProperty('written_at');
    expect(stored.oauth_broker).not.toHaveProperty('refresh_expires_at');
  });
});
