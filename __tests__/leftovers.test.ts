// What the broker leaves in a user's repository (docs/design.md, "Leftovers"): after any number of
// rotations, one secret (the write check) and the claims of three copies beside each secret it
// writes, whatever the scope; what an earlier version left is removed the first time; nothing
// else is ever touched. In-process against the stand-ins (support/step.ts).
import { fakeToken } from './support/fake-tokens.js';
import { cliRefreshes, expectSuccess, jobs, type Where } from './support/jobs.js';
import { HOUR, REPO, SECRET, useStandIns } from './support/stand-ins.js';
import { runStep } from './support/step.js';

const PAT = fakeToken('pat');
const si = useStandIns(PAT);
const { seed, stored, inputs, job, rotate, claimsAt, expectLoginKept } = jobs(si, PAT);

// Through dist/ (.ci/run's second pass) each run is a process of its own: twenty-odd runs take a minute on a
// loaded machine.
const MANY_RUNS = 120_000;

const scopes: Array<[string, Where, Record<string, string>]> = [
  ['a repository', { repo: REPO }, {}],
  ['an environment', { repo: REPO, env: 'production' }, { 'secret-environment': 'production' }],
  ['an organisation', { org: 'octo' }, { 'secret-org': 'octo' }],
];

describe('nothing piles up', () => {
  it.each(scopes)(
    'in %s, 20 rotations leave one extra secret and at most four variables',
    async (_, where, extra) => {
      const s = seed(where);
      for (let i = 0; i < 20; i++) {
        // As a rotation workflow runs them.
        si.gh.advance(40 * 60_000);
        expectSuccess(await job(stored(where), { inputs: { ...extra, mode: 'refresh' } }));
        // The newest three, and the first: the login stored by hand has only its claim to stop a copy of it.
        expect(claimsAt(where).length).toBeLessThanOrEqual(4);
      }
      expect(si.gh.secretNames(where)).toEqual([SECRET, 'OAUTH_BROKER_WRITE_CHECK']);
      expect(si.gh.variableNames(where).length).toBeLessThanOrEqual(4);
      // A job still holding that login, a day later, never presents it.
      si.gh.advance(24 * 60 * 60_000);
      expect((await job(s.credentials, { inputs: { ...extra, mode: 'refresh' } })).outputs.source).not.toBe(
        'refreshed',
      );
      expect(si.oauth.refreshCount).toBe(20);
      expectLoginKept(where);
      expect(si.cache.entries()).toEqual([]);
    },
    MANY_RUNS,
  );

  it(
    'rotations at any pace leave four: one a minute, every 20 s, back to back',
    async () => {
      seed();
      await rotate(5, 60_000);
      expect(claimsAt()).toHaveLength(4);
      for (const apart of [20_000, 20_000, 20_000, 20_000, 20_000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) {
        await rotate(1, apart);
        expect(claimsAt()).toHaveLength(4);
      }
      expectLoginKept();
    },
    MANY_RUNS,
  );

  it(
    'a job holding a copy whose claim went while it could pass for current never presents it',
    async () => {
      const s = seed();
      const held = [s.credentials];
      for (let i = 0; i < 9; i++) {
        await rotate(1, 1_000);
        held.push(stored());
      }
      held.pop();
      // Every copy of the burst, held by a job that starts now: the newest three find their claims settled,
      // the seed its own; the others are named in the seed's claim, their own claims gone.
      const refreshes = si.oauth.refreshCount;
      for (const [i, copy] of held.entries()) {
        const r = await job(copy, { inputs: { mode: 'refresh' } });
        if (i > 0 && i < held.length - 3) expect(r.stdout).toMatch(/::error::credentials: another job already spent/);
        expect(r.outputs.source).not.toBe('refreshed');
      }
      expect(si.oauth.refreshCount).toBe(refreshes);
      expect(claimsAt()).toHaveLength(4);
      expectLoginKept();
    },
    MANY_RUNS,
  );

  it('a seed GitHub will not rewrite keeps the claims it would record, until a later rotation can', async () => {
    seed();
    await rotate(1, 0);
    const [seedClaim] = claimsAt();
    await rotate(3, 0);
    const patch = { method: 'PATCH', path: new RegExp(`/actions/variables/${seedClaim}$`), status: 502 };
    si.gh.faults.push(patch, patch, patch, patch, patch);
    await rotate(1, 0);
    expect(si.gh.faults).toEqual([]);
    expect(claimsAt()).toHaveLength(5);
    await rotate(1, 0);
    expect(claimsAt()).toHaveLength(4);
    expectLoginKept();
  });

  it("a burial answered with a 502 is sent again with what another job recorded in the seed's claim", async () => {
    seed();
    await rotate(1, 0);
    const [seedClaim] = claimsAt();
    await rotate(3, 0);
    si.gh.faults.push({
      method: 'PATCH',
      path: new RegExp(`/actions/variables/${seedClaim}$`),
      status: 502,
      delayMs: 300,
    });
    const running = rotate(1, 0);
    while (si.gh.faults.length) await new Promise((r) => setTimeout(r, 5));
    // While the first attempt waits for its 502, another job's burial lands.
    const other = 'F'.repeat(20);
    const value = JSON.parse(si.gh.variable({ repo: REPO }, seedClaim)!.value) as { d?: Record<string, string> };
    si.gh.setVariable(
      { repo: REPO },
      seedClaim,
      JSON.stringify({ ...value, d: { ...value.d, [other]: new Date().toISOString() } }),
    );
    await running;
    const { d } = JSON.parse(si.gh.variable({ repo: REPO }, seedClaim)!.value) as { d: Record<string, string> };
    expect(Object.keys(d)).toContain(other);
    expect(Object.keys(d).length).toBeGreaterThanOrEqual(2);
    expect(claimsAt()).toHaveLength(4);
    expectLoginKept();
  });

  it('the generations failed holders leave go with their copy, when it drops out', async () => {
    seed();
    // Two rotations: the copy held is no longer the one whose writer sweeps leftovers again.
    await rotate(2, 0);
    const held = stored();
    for (let i = 0; i < 3; i++) {
      si.oauth.faults.push({ action: 'hang' });
      const failed = await job(held, { inputs: { mode: 'refresh' }, env: { OAUTH_BROKER_HTTP_TIMEOUT_MS: '300' } });
      expect(failed.code).toBe(1);
      si.gh.advance(61_000);
    }
    expectSuccess(await job(held, { inputs: { mode: 'refresh' } }));
    // Kept while the copy is among the newest: each stops a job still holding it. And the seed's, and the
    // claim on the copy before it.
    expect(claimsAt()).toHaveLength(6);
    await rotate(3, 2 * 60 * 60_000);
    expect(claimsAt()).toHaveLength(4);
    expectLoginKept();
  });

  it('a recovery names the claim of the rotation it stored, so that it drops out in its turn', async () => {
    seed();
    expectSuccess(await job(stored(), { inputs: { mode: 'refresh' } }));
    for (let k = 0; k < 2; k++) {
      const held = stored();
      for (let i = 0; i < 5; i++)
        si.gh.faults.push({ method: 'PUT', path: new RegExp(`/secrets/${SECRET}$`), status: 500 });
      expect((await job(held, { inputs: { mode: 'refresh' } })).code).toBe(1);
      const recovered = await job(held, { inputs: { mode: 'refresh' } });
      expectSuccess(recovered);
      expect(recovered.stdout).toContain('Recovered the rotated credentials');
    }
    await rotate(5, 2 * 60 * 60_000);
    expect(claimsAt()).toHaveLength(4);
    expectLoginKept();
  });
});

describe('what a crashed run left', () => {
  it('its claims go with the first write, found past the first pages of variables; nothing else goes', async () => {
    // Unrelated variables that sort first, so the claims are on the last page GitHub lists (30 a page at most).
    const unrelated = Array.from({ length: 75 }, (_, i) => `APP_SETTING_${String(i).padStart(3, '0')}`);
    for (const name of unrelated) si.gh.setVariable({ repo: REPO }, name, 'x');
    const left = ['A', 'B', 'C'].map((c) => `OAUTH_BROKER_${c.repeat(20)}_0`);
    const settled = JSON.stringify({ v: 2, n: '0', s: 'settled', l: 60, t: SECRET });
    for (const name of left) si.gh.setVariable({ repo: REPO }, name, settled);
    si.gh.advance(HOUR);
    seed();
    expectSuccess(await job(stored(), { inputs: { mode: 'refresh' } }));
    expect(si.gh.variableNames({ repo: REPO }).filter((n) => left.includes(n))).toEqual([]);
    expect(si.gh.variableNames({ repo: REPO }).filter((n) => n.startsWith('APP_SETTING_'))).toEqual(unrelated);
    expect(claimsAt()).toHaveLength(1);
    expectLoginKept();
  });
});

describe('what an earlier version left', () => {
  it('its claims (secrets) go the first time, paged to the end, in an organisation with 150 secrets', async () => {
    const unrelated = Array.from({ length: 140 }, (_, i) => `TEAM_SECRET_${String(i).padStart(3, '0')}`);
    for (const name of unrelated) si.gh.setOrgSecret('octo', name, 'x', 'private');
    const oldClaims = Array.from({ length: 8 }, (_, i) => `OAUTH_BROKER_${String(i).repeat(20)}_${i % 3}`);
    oldClaims.push(`${oldClaims[0]}_S`);
    for (const name of [...oldClaims, 'OAUTH_BROKER_NOT_A_CLAIM']) si.gh.setOrgSecret('octo', name, 'x', 'selected');
    si.gh.setVariable({ org: 'octo' }, 'OAUTH_BROKER_SETTING', 'kept');
    const s = seed({ org: 'octo' });
    expectSuccess(await job(s.credentials, { inputs: { 'secret-org': 'octo' } }));
    expect(si.gh.secretNames({ org: 'octo' })).toEqual(
      [...unrelated, SECRET, 'OAUTH_BROKER_NOT_A_CLAIM', 'OAUTH_BROKER_WRITE_CHECK'].sort((a, b) => a.localeCompare(b)),
    );
    expect(si.gh.variableNames({ org: 'octo' })).toContain('OAUTH_BROKER_SETTING');
    expectLoginKept({ org: 'octo' });
  });

  it('a first sweep that fails is tried once more by the next rotation', async () => {
    const oldClaims = [`OAUTH_BROKER_${'A'.repeat(20)}_0`, `OAUTH_BROKER_${'B'.repeat(20)}_1`];
    for (const name of oldClaims) si.gh.setRepoSecret(REPO, name, 'x');
    seed();
    const list = { method: 'GET', path: /\/actions\/secrets$/, status: 502 };
    si.gh.faults.push(list, list, list, list, list);
    expectSuccess(await job(stored(), { inputs: { mode: 'refresh' } }));
    expect(si.gh.secretNames({ repo: REPO })).toEqual([SECRET, ...oldClaims, 'OAUTH_BROKER_WRITE_CHECK']);
    await rotate(1, 60_000);
    expect(si.gh.secretNames({ repo: REPO })).toEqual([SECRET, 'OAUTH_BROKER_WRITE_CHECK']);
    // Not again after that: the third rotation makes no list request.
    const before = si.gh.requests.length;
    await rotate(1, 60_000);
    expect(si.gh.requests.slice(before).filter((r) => r.method === 'GET' && /\/secrets$/.test(r.path))).toEqual([]);
    expectLoginKept();
  });

  it("its claims go the first time too when that write is a CLI's rotation, stored by the post step", async () => {
    const oldClaims = [`OAUTH_BROKER_${'A'.repeat(20)}_0`, `OAUTH_BROKER_${'B'.repeat(20)}_1`];
    for (const name of oldClaims) si.gh.setRepoSecret(REPO, name, 'x');
    const s = seed({ repo: REPO }, 8 * HOUR);
    const given = { 'credentials-file': 'auto', 'client-refresh': 'true' };
    const main = await job(s.credentials, { inputs: given });
    expectSuccess(main);
    await cliRefreshes(si.oauth.tokenUrl, main.outputs['credentials-file'], s.refreshToken);
    const post = await runStep('post', { inputs: inputs(s.credentials, given), state: main.state, home: main.home });
    expectSuccess(post);
    expect(si.gh.secretNames({ repo: REPO })).toEqual([SECRET]);
    expectLoginKept();
  });

  it('a copy an earlier version wrote and claimed is never presented', async () => {
    const s = seed();
    // What the earlier version wrote: a marker without claims, and its claim on that copy, a secret.
    const earlier = JSON.stringify({
      ...(JSON.parse(s.credentials) as object),
      oauth_broker: { written_at: new Date(Date.now() - 60_000).toISOString() },
    });
    si.gh.setRepoSecret(REPO, SECRET, earlier);
    const { copyId } = await import('../src/store/protocol.js');
    si.gh.setRepoSecret(REPO, `OAUTH_BROKER_${copyId(s.refreshToken, s.accessToken)}_0`, 'x');
    const r = await job(earlier);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error::credentials: this job holds an old copy/m);
    expect(si.oauth.requests).toHaveLength(0);
    expect(claimsAt()).toEqual([]);
  });
});
