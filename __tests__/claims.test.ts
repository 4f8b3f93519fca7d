// The claim between jobs (docs/design.md, "Claims"): whose a claim is, even when GitHub's answer was
// lost; deadlines judged on GitHub's clock alone, whatever the runner's says; a holder that is slow
// but alive is never taken over; the permission claims need, asked for before anything is spent; and
// what the refresh path costs in requests. In-process against the stand-ins (support/step.ts).
import { refreshTokens } from '../src/core/refresh.js';
import { PROVIDERS } from '../src/core/providers.js';
import { fakeToken } from './support/fake-tokens.js';
import { errorOf, expectOneCleanLine, expectSuccess, jobs, until } from './support/jobs.js';
import { HOUR, REPO, SECRET, VARIABLES, useStandIns } from './support/stand-ins.js';
import { testClock, type Clock } from './support/step.js';

const PAT = fakeToken('pat');
const si = useStandIns(PAT);
const { seed, stored, job, rotate, claimsAt, expectLoginKept } = jobs(si, PAT);
const MINUTE = 60_000;

/**
 * A clock on real time (waits take real time): another runner's wall clock, `offsetMs` off. One that is off or
 * `moved` later is the step's own, so the step stays in-process (support/step.ts); else it may run through dist/.
 */
function movableClock(offsetMs = 0, moved = false): Clock & { move(ms: number): void } {
  let offset = offsetMs;
  return {
    instant: false,
    wall: offsetMs === 0 && !moved,
    now: () => Date.now() + offset,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    move: (ms) => {
      offset += ms;
    },
  };
}

/**
 * Makes the next claim's create take 1.5 s, and runs `meanwhile` once GitHub has it: after the job read
 * the secret, before its claim is answered.
 */
async function whileClaimIsSlow(meanwhile: () => void): Promise<void> {
  const slow = { method: 'POST', pathIncludes: '/variables', delayMs: 1_500 };
  si.gh.faults.push(slow);
  await until(() => !si.gh.faults.includes(slow));
  meanwhile();
}

describe('ownership is read back, never assumed', () => {
  it.each([
    ['a reset after GitHub made it', { after: 'reset' as const }],
    ['a 502 after GitHub made it', { after: 502 }],
    ['a 502 before GitHub made it', { status: 502, body: '{"message":"Server Error"}' }],
  ])('a claim whose answer was lost (%s) costs a read, not the job', async (_, fault) => {
    const s = seed();
    si.gh.faults.push({ method: 'POST', path: VARIABLES, ...fault });
    const r = await job(s.credentials);
    expectSuccess(r);
    expect(r.outputs.source).toBe('refreshed');
    expect(si.oauth.refreshCount).toBe(1);
    expect(claimsAt()).toHaveLength(1);
    expectLoginKept();
  });

  it("another job's claim is never taken for this job's: a lost answer read back finds its nonce", async () => {
    const s = seed();
    // The holder's provider answers slowly; the second job's create is answered 502 before GitHub acts.
    si.oauth.faults.push({ delayMs: 600 });
    const holder = job(s.credentials, { clock: movableClock() });
    await until(() => si.oauth.requests.length === 1);
    si.gh.faults.push({ method: 'POST', path: VARIABLES, status: 502, body: '{"message":"Server Error"}' });
    const waiter = await job(s.credentials, { clock: movableClock() });
    expectSuccess(await holder);
    expectSuccess(waiter);
    expect(waiter.outputs.source).toBe('shared');
    expect(si.oauth.refreshCount).toBe(1);
    expectLoginKept();
  });
});

describe('old copies stay stopped', () => {
  it('after a takeover, a job still holding the copy never presents it: no generation is freed', async () => {
    const s = seed();
    si.oauth.faults.push({ action: 'hang' });
    expectOneCleanLine(await job(s.credentials, { env: { OAUTH_BROKER_HTTP_TIMEOUT_MS: '300' } }), /may have arrived/);
    si.gh.advance(61_000);
    const late = await job(s.credentials);
    expectSuccess(late);
    expect(late.stdout).toContain('taking over');
    // A later job of the same run, or a queued one: it was given the secret before the takeover wrote it.
    si.gh.advance(5_000);
    const queued = await job(s.credentials);
    expect(queued.outputs.source ?? 'failed').not.toBe('refreshed');
    expect(si.oauth.requests).toHaveLength(2);
    expectLoginKept();
  });

  it('a write-back that lands minutes after it began is stamped as it was sent: its copy is current', async () => {
    const s = seed();
    // Four attempts at the write-back fail, each with GitHub's clock three minutes on (as after long waits).
    const put = { method: 'PUT', path: new RegExp(`/secrets/${SECRET}$`), status: 502, advanceMs: 3 * MINUTE };
    for (let i = 0; i < 4; i++) si.gh.faults.push(put);
    expectSuccess(await job(s.credentials, { inputs: { mode: 'refresh' } }));
    const written = Date.parse(
      (JSON.parse(stored()) as { oauth_broker: { written_at: string } }).oauth_broker.written_at,
    );
    expect(Date.parse(si.gh.repoSecret(REPO, SECRET)!.updated_at) - written).toBeLessThan(5_000);
    // The next job takes the copy for current and refreshes it.
    expect((await job(stored(), { inputs: { mode: 'refresh' } })).outputs.source).toBe('refreshed');
    expectLoginKept();
  });

  it('a claim won long after the secret was read, the secret written meanwhile, is released unpresented', async () => {
    const s = seed();
    const other = JSON.stringify({ claudeAiOauth: { ...si.oauth.issue(['user:inference']), expiresAt: Date.now() } });
    // The claim's create is slow; meanwhile another login is stored by hand.
    const storedByHand = whileClaimIsSlow(() => {
      si.gh.advance(2_000);
      si.gh.setRepoSecret(REPO, SECRET, other);
    });
    const r = await job(s.credentials, { inputs: { mode: 'refresh' } });
    await storedByHand;
    expectOneCleanLine(r, /was written at .*, after this job read it, so this copy may be spent; re-run the job/);
    expect(si.oauth.requests).toHaveLength(0);
    expect(claimsAt()).toEqual([]);
    expect(stored()).toBe(other);
  });

  it('a claim won late whose secret cannot be read again is released: nothing was presented', async () => {
    const s = seed();
    // Once the job has read the secret, GitHub fails every read of it.
    const read = { method: 'GET', path: new RegExp(`/secrets/${SECRET}$`), status: 502 };
    const failing = whileClaimIsSlow(() => si.gh.faults.push(read, read, read, read, read));
    expect((await job(s.credentials, { inputs: { mode: 'refresh' } })).code).toBe(1);
    await failing;
    expect(si.oauth.requests).toHaveLength(0);
    expect(claimsAt()).toEqual([]);
  });

  it("behind a proxy that drops GitHub's request ids, claims are judged on the clock of its successes", async () => {
    si.gh.dropRequestIds = true;
    const s = seed();
    si.oauth.faults.push({ action: 'hang' });
    const lost = await job(s.credentials, { env: { OAUTH_BROKER_HTTP_TIMEOUT_MS: '300' } });
    expectOneCleanLine(lost, /not retried, as it may have arrived/);
    si.gh.advance(61_000);
    const late = await job(s.credentials);
    expectSuccess(late);
    expect(late.stdout).toContain('never finished; taking over');
    expectLoginKept();
  });

  it("a write-back stamped by a clock not GitHub's (a load balancer's 502) keeps its copy current", async () => {
    const s = seed();
    // The first attempt at the write-back meets a gateway whose clock is 20 minutes behind.
    const behind = new Date(Date.now() - 20 * MINUTE).toUTCString();
    const headers = { date: behind, 'x-github-request-id': '' };
    si.gh.faults.push({ method: 'PUT', path: new RegExp(`/secrets/${SECRET}$`), status: 502, headers });
    expectSuccess(await job(s.credentials, { inputs: { mode: 'refresh' } }));
    expect((await job(stored(), { inputs: { mode: 'refresh' } })).outputs.source).toBe('refreshed');
    expectLoginKept();
  });

  it("a copy whose seed's claim answers late is checked against the secret again before it is presented", async () => {
    seed();
    await rotate(1, 0);
    const [seedClaim] = claimsAt();
    const held = stored();
    si.gh.faults.push({ method: 'GET', path: new RegExp(`/actions/variables/${seedClaim}$`), delayMs: 1_500 });
    const running = job(held, { inputs: { mode: 'refresh' } });
    // Another rotation lands while this job waits for the seed's claim, which may have forgotten a burial since.
    while (si.gh.faults.length) await new Promise((r) => setTimeout(r, 10));
    si.gh.advance(2_000);
    si.gh.setRepoSecret(REPO, SECRET, held);
    expectOneCleanLine(await running, /was written at .*, after this job read it/);
    expect(si.oauth.refreshCount).toBe(1);
  });

  it.each([
    // Its claim is gone; its marker tells it old.
    ['five minutes apart', 5 * MINUTE, /this job holds an old copy, written long before/],
    // Its copy could pass for current: its claim went once the seed's claim named it.
    ['seconds apart', 10_000, /another job already spent this refresh token/],
  ])('a job holding the copy of four rotations ago, %s, never presents it', async (_, apart, message) => {
    const s = seed();
    expectSuccess(await job(s.credentials, { inputs: { mode: 'refresh' } }));
    const first = stored();
    await rotate(4, apart);
    const presented = si.oauth.requests.length;
    expectOneCleanLine(await job(first, { inputs: { mode: 'refresh' } }), message);
    expect(si.oauth.requests).toHaveLength(presented);
    expectLoginKept();
  });
});

describe("deadlines are judged on GitHub's clock, never the runner's", () => {
  it('a runner whose clock is 20 minutes ahead waits for a live holder instead of taking over', async () => {
    const s = seed();
    si.oauth.faults.push({ delayMs: 800 });
    const holder = job(s.credentials, { clock: movableClock() });
    await until(() => si.oauth.requests.length === 1);
    const ahead = await job(s.credentials, { clock: movableClock(20 * MINUTE) });
    expectSuccess(await holder);
    expectSuccess(ahead);
    expect(ahead.outputs.source).toBe('shared');
    expect(si.oauth.requests).toHaveLength(1);
    expectLoginKept();
  });

  it.each([
    ['20 minutes behind', -20 * MINUTE],
    ['20 minutes ahead', 20 * MINUTE],
  ])('a runner %s takes a dead holder over once GitHub says its lease ran out, not before', async (_, offset) => {
    const s = seed();
    si.oauth.faults.push({ action: 'hang' });
    const lost = await job(s.credentials, { env: { OAUTH_BROKER_HTTP_TIMEOUT_MS: '300' } });
    expectOneCleanLine(lost, /not retried, as it may have arrived/);
    // Within the lease on GitHub's clock: this job waits, whatever its own clock says, then gives up.
    const early = await job(s.credentials, {
      clock: testClock({ offsetMs: offset }),
      inputs: { 'lock-timeout': '5s' },
    });
    expectOneCleanLine(early, /^lock-timeout: another job claimed the refresh/);
    si.gh.advance(61 * 1000);
    const late = await job(s.credentials, { clock: testClock({ offsetMs: offset }) });
    expectSuccess(late);
    expect(late.stdout).toContain('never finished; taking over');
    expect(si.oauth.requests).toHaveLength(2);
    expectLoginKept();
  });

  it.each([
    ['behind', -20 * MINUTE],
    ['ahead of', 20 * MINUTE],
  ])("GitHub's clock 20 minutes %s the runner's changes nothing", async (_, offset) => {
    si.gh.advance(offset);
    const s = seed();
    // The others start while the holder's refresh is in flight, so each judges a busy claim on GitHub's clock.
    si.oauth.faults.push({ delayMs: 800 });
    const holder = job(s.credentials, { clock: movableClock() });
    await until(() => si.oauth.requests.length === 1);
    const others = await Promise.all([1, 2].map(() => job(s.credentials, { clock: movableClock() })));
    expectSuccess(await holder);
    for (const r of others) expect({ code: r.code, source: r.outputs.source }).toEqual({ code: 0, source: 'shared' });
    expect(si.oauth.refreshCount).toBe(1);
    // The stored value's marker is written on GitHub's clock, so the next job does not take it for an old copy.
    expectSuccess(await job(stored(), { inputs: { mode: 'refresh' } }));
    expectLoginKept();
  });

  it('a holder never presents after its own deadline: an attempt that could not end in time is not sent', async () => {
    const request = {
      provider: PROVIDERS.anthropic,
      tokenUrl: si.oauth.tokenUrl,
      clientId: PROVIDERS.anthropic.clientId as string,
      refreshToken: seed().refreshToken,
    };
    let now = 0;
    const deps = {
      fetch: globalThis.fetch,
      now: Date.now,
      sleep: async (ms: number) => {
        now += ms;
      },
      info: () => undefined,
      timeoutMs: 30_000,
      retryDelayMs: 1_000,
      answerBy: { at: 20_000, monotonic: () => now },
    };
    // A 429 asks to come back in 19 s: after that wait, too little of the claim is left to send again.
    si.oauth.faults.push({ status: 429, headers: { 'retry-after': '19' }, body: '{"error":"rate_limited"}' });
    await expect(refreshTokens(request, deps)).rejects.toThrow(/took this job's whole claim on the refresh; nothing/);
    expect(si.oauth.requests).toHaveLength(1);
    // And an attempt is cut off where the claim ends, not at the whole timeout.
    now = 0;
    si.oauth.faults.push({ action: 'hang' });
    const cut = { ...deps, answerBy: { at: 3_100, monotonic: () => now } };
    await expect(refreshTokens(request, cut)).rejects.toThrow(/no answer within 3s/);
  });
});

describe('a holder that is slow but alive is never taken over', () => {
  it.each([
    ["the holder's clock moves with GitHub's (in-process)", true],
    ["only GitHub's clock moves (through dist/ in .ci/run's second pass)", false],
  ])(
    'the provider answers after 25 s and the write-back hangs for 60 s: jobs meanwhile never present; %s',
    async (_, moved) => {
      const s = seed();
      const holderClock = movableClock(0, moved);
      si.oauth.faults.push({ delayMs: 800 });
      si.gh.faults.push({ method: 'PUT', path: new RegExp(`/secrets/${SECRET}$`), delayMs: 1_500 });
      const holder = job(s.credentials, { clock: holderClock });
      await until(() => si.oauth.requests.length === 1);
      // 25 s pass for GitHub (and, `moved`, for the holder) while the provider thinks; a job starts meanwhile.
      si.gh.advance(25_000);
      if (moved) holderClock.move(25_000);
      const during = job(s.credentials, { clock: movableClock() });
      // Answered and settled; the write-back hangs while 60 s pass for GitHub; another job starts.
      await until(() => si.gh.requests.some((q) => q.method === 'PATCH'));
      si.gh.advance(60_000);
      const meanwhile = job(s.credentials, { clock: movableClock() });
      for (const r of await Promise.all([holder, during, meanwhile])) expectSuccess(r);
      expect((await during).outputs.source).toBe('shared');
      expect((await meanwhile).outputs.source).toBe('shared');
      expect(si.oauth.requests).toHaveLength(1);
      expectLoginKept();
    },
  );
});

describe('the permission claims need is asked for before anything is spent', () => {
  it.each([
    ['a repository', { repo: REPO }, {}, { variables: 'read' as const }, /"Variables: Read and write"/],
    [
      'an environment',
      { repo: REPO, env: 'production' },
      { 'secret-environment': 'production' },
      { environments: 'read' as const },
      /"Environments: Read and write"/,
    ],
    [
      'an organisation',
      { org: 'octo' },
      { 'secret-org': 'octo' },
      { orgVariables: 'read' as const },
      /organization "Variables: Read and write"/,
    ],
  ])('in %s, a token that cannot write variables fails naming the permission', async (_, where, extra, spec, perm) => {
    const s = seed(where);
    const token = fakeToken('pat');
    si.gh.addToken(token, { kind: 'pat', ...spec });
    const r = await job(s.credentials, { inputs: { ...extra, 'github-token': token } });
    expectOneCleanLine(r, perm);
    expect(errorOf(r)).toMatch(/^github-token: /);
    expect(si.oauth.requests).toHaveLength(0);
    expect(stored(where)).toBe(s.credentials);
  });
});

describe('what the refresh path costs', () => {
  it('a rotation makes at most 7 requests in all, the provider included, and no cache request', async () => {
    const s = seed();
    // The first rotation by this version also fetches the public key; it and the next look for earlier leftovers.
    expectSuccess(await job(s.credentials, { inputs: { mode: 'refresh' } }));
    expectSuccess(await job(stored(), { inputs: { mode: 'refresh' } }));
    for (let round = 0; round < 4; round++) {
      // An expired token: the rotation before is hours ago (bursts: the next test).
      si.gh.advance(HOUR);
      const before = { gh: si.gh.requests.length, oauth: si.oauth.requests.length, cache: si.cache.requests.length };
      expectSuccess(await job(stored(), { inputs: { mode: 'refresh' } }));
      const made = {
        gh: si.gh.requests.length - before.gh,
        oauth: si.oauth.requests.length - before.oauth,
        cache: si.cache.requests.length - before.cache,
      };
      expect(made.oauth).toBe(1);
      expect(made.cache).toBe(0);
      expect(made.gh + made.oauth).toBeLessThanOrEqual(7);
    }
    expectLoginKept();
  });

  it('a rotation in a burst checks the seed and records the copy whose claim goes in it: 3 requests more', async () => {
    seed();
    await rotate(4, HOUR);
    await rotate(3, 10_000);
    const before = si.gh.requests.length;
    await rotate(1, 10_000);
    const made = si.gh.requests.slice(before).map((r) => `${r.method} ${r.path.replace(/.*\/actions\//, '')}`);
    expect(made.filter((r) => /^(GET|PATCH) variables\/OAUTH_BROKER_\w+_0$/.test(r))).toHaveLength(4);
    expect(made.length + 1).toBeLessThanOrEqual(10);
    expectLoginKept();
  });

  it('the stored-token path makes none', async () => {
    const s = seed({ repo: REPO }, 8 * HOUR);
    expectSuccess(await job(s.credentials));
    expect(si.gh.requests.length + si.oauth.requests.length + si.cache.requests.length).toBe(0);
  });
});
