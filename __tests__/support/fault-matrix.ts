// The fault matrix's cells and how one is run (docs/design.md, "Guarantees"; docs/development.md, "Testing"),
// shared by __tests__/faults.test.ts (GitHub's and the provider's calls) and
// __tests__/faults-store.test.ts (the cache's and the write-back's, which run with the store), so
// jest runs the two halves side by side.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CacheFault, CacheFaultRoute } from './cache-server.js';
import type { GitHubFault } from './github-server.js';
import { closedPort } from './http.js';
import { type JobOptions, jobs } from './jobs.js';
import type { OAuthFault } from './oauth-server.js';
import { repoRoot, runAction, runMainThenPost, type RunResult } from './runner.js';
import { CLAIM_VARIABLE, REPO, SECRET, VARIABLES, type StandIns } from './stand-ins.js';
import { refusingFetch, runStep, runStepThenPost, testClock, type RefusingFetch } from './step.js';

const LEASE_MS = 60_000;

/** The matrix over the stand-ins `si`, whose GitHub knows `PAT`. */
export function faultMatrix(si: StandIns, PAT: string) {
  const secretValue = (): string => si.gh.repoSecret(REPO, SECRET)!.value;

  interface Over extends Pick<JobOptions, 'inputs' | 'env' | 'clock'> {
    /** Runs in-process even in .ci/run's dist pass (support/step.ts). */
    inProcess?: boolean;
    /** Run with the shared store (the Actions cache); see usesStore. */
    store?: boolean;
    refusing?: RefusingFetch;
    /** A cache fault for the run after the first, which reads what the first kept. */
    readFault?: CacheFault;
  }

  /**
   * A job holding `credentials`; `later` starts it once GitHub's clock (the stand-in's, which alone
   * judges a claim) has passed the lease of any claim left before it. `post` runs its post step too.
   */
  async function job(
    credentials: string,
    over: Over = {},
    later = false,
    e2e = false,
    post = false,
  ): Promise<RunResult> {
    if (later) si.gh.advance(LEASE_MS + 5_000);
    const inputs = jobs(si, PAT).inputs(credentials, over.inputs);
    const cache = over.store === false ? {} : si.cache.env('refs/heads/main');
    const env = { ...cache, OAUTH_BROKER_LEASE_MS: String(LEASE_MS), ...over.env };
    if (e2e) {
      const knobs = { OAUTH_BROKER_RETRY_BASE_MS: '10', OAUTH_BROKER_POLL_MS: '200' };
      const bundled = { inputs, env: { ...knobs, ...env } };
      if (!post) return runAction('main', bundled);
      const { main, post: after } = await runMainThenPost(bundled);
      expect(after.code).toBe(0);
      return main;
    }
    const step = {
      inputs,
      env,
      clock: over.clock ?? testClock(),
      ...(over.inProcess ? { inProcess: true } : {}),
      ...(over.refusing ? { fetch: over.refusing.fetch } : {}),
    };
    if (!post) return runStep('main', step);
    const { main, post: after } = await runStepThenPost(step);
    expect(after.code).toBe(0);
    return main;
  }

  type Outcome = 'success' | 'recoverable' | 'lost';

  interface Cell {
    call: string;
    fault: string;
    /** Arms the fault; may return overrides for the first run only. */
    arm: () => Promise<Over | undefined> | Over | undefined;
    /** A job that has already rotated once, so the faulty call is reached by a stale job. */
    afterRotation?: boolean;
    outcome: Outcome;
    message?: RegExp;
    /** Claims beside the secret after the first run, when the cell says. */
    claimsLeft?: number;
    /** Driven through dist/ instead: the cache library keeps retrying a call the step gave up on. */
    e2e?: boolean;
    /** The first job's post step runs after it (it finishes a write-back main could not). */
    post?: boolean;
    /** The first job's value names this many claims of earlier copies (so its write-back removes the oldest). */
    earlierClaims?: number;
    /** The first job's value is one of a burst (src/store/protocol.ts keptClaims); `checks`: it marks `check_seed`. */
    burst?: { checks: boolean };
  }

  const notJson = '<html>oops</html>';
  // Short only where a cell waits for it (a request that never gets an answer), yet long enough
  // that no other request of the run times out on a loaded machine.
  const SHORT_HTTP = { env: { OAUTH_BROKER_HTTP_TIMEOUT_MS: '600' } };
  // The cache's covers the whole save (reserve, upload, finalize): a loaded dist pass needs more than half a second
  // to reach the finalize whose fault a cell arms.
  const SHORT_CACHE = { env: { OAUTH_BROKER_CACHE_TIMEOUT_MS: '3000' } };

  const token = (f: OAuthFault, over?: Over) => (): Over | undefined => {
    si.oauth.faults.push(f);
    return over;
  };
  const github = (f: GitHubFault, over?: Over) => (): Over | undefined => {
    si.gh.faults.push(f);
    return over;
  };
  const cached = (f: CacheFault, over?: Over) => (): Over | undefined => {
    si.cache.faults.push(f);
    return over;
  };

  /** One GitHub request matched by method and path, refused once by the network. */
  const refuseGitHub = (method: string, path: (p: string) => boolean) => async (): Promise<Over> => ({
    refusing: await refusingFetch((url, m) => m === method && url.href.startsWith(si.gh.url) && path(url.pathname)),
  });

  const GH_BODY = '{"message":"Server Error"}';
  const rateLimited = (): Record<string, string> => ({
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 30),
  });

  interface GitHubCall {
    call: string;
    method: string;
    /** The request's path under the API's prefix. */
    path: RegExp;
    /** What each class ends in, and the message of a failure. */
    outcomes: Partial<Record<FaultClass, Outcome>>;
    fourxx: { status: number; message: string };
    messages?: Partial<Record<FaultClass, RegExp>>;
    /**
     * Arms what the call needs to be reached (the DELETE after a refresh that surely sent nothing),
     * and may override the first run's options.
     */
    before?: () => Over | undefined;
    claimsLeft?: Partial<Record<FaultClass, number>>;
    /** A write: GitHub acts, then its answer is lost (reset, a 502, no answer); what each ends in. */
    lost?: Outcome;
    /** The first job's value names claims of earlier copies. */
    earlierClaims?: number;
    burst?: { checks: boolean };
  }

  type FaultClass =
    | 'refused'
    | 'timeout'
    | 'dropped'
    | '5xx'
    | '429 retry-after'
    | '403 rate limit'
    | '4xx'
    | 'malformed';

  function githubCells(c: GitHubCall): Cell[] {
    const at = { method: c.method, path: c.path };
    const arms: Record<FaultClass, Cell['arm']> = {
      refused: refuseGitHub(c.method, (p) => c.path.test(p.slice(new URL(si.gh.url).pathname.length))),
      timeout: github({ ...at, action: 'hang' }, SHORT_HTTP),
      dropped: github({ ...at, action: 'reset' }),
      '5xx': github({ ...at, status: 502, body: GH_BODY }),
      '429 retry-after': github({
        ...at,
        status: 429,
        headers: { 'retry-after': '7' },
        body: '{"message":"slow down"}',
      }),
      '403 rate limit': () =>
        github({ ...at, status: 403, headers: rateLimited(), body: '{"message":"API rate limit exceeded"}' })(),
      '4xx': github({ ...at, status: c.fourxx.status, body: JSON.stringify({ message: c.fourxx.message }) }),
      // A read answered 200 with garbage; a write that happened, answered with garbage.
      malformed: github(c.method === 'GET' ? { ...at, status: 200, body: notJson } : { ...at, bodyAfter: notJson }),
    };
    const lost: Array<[string, GitHubFault['after'], Over | undefined]> = [
      ['answer lost after the write (reset)', 'reset', undefined],
      ['answer lost after the write (502)', 502, undefined],
      ['answer lost after the write (timeout)', 'hang', SHORT_HTTP],
    ];
    const before = async (arm: Cell['arm']): Promise<Over | undefined> => {
      const over = c.before?.();
      return { ...over, ...(await arm()) };
    };
    return [
      ...(Object.keys(c.outcomes) as FaultClass[]).map((fault) => ({
        call: c.call,
        fault,
        arm: () => before(arms[fault]),
        outcome: c.outcomes[fault] as Outcome,
        message: c.messages?.[fault],
        claimsLeft: c.claimsLeft?.[fault],
        earlierClaims: c.earlierClaims,
        burst: c.burst,
      })),
      ...(c.lost
        ? lost.map(([fault, after, over]) => ({
            call: c.call,
            fault,
            arm: () => before(github({ ...at, after }, over)),
            outcome: c.lost as Outcome,
            // A lost answer ends as a 5xx would.
            message: c.messages?.['5xx'],
            claimsLeft: c.claimsLeft?.['5xx'],
            earlierClaims: c.earlierClaims,
            burst: c.burst,
          }))
        : []),
    ];
  }

  const all = (o: Outcome): Record<FaultClass, Outcome> => ({
    refused: o,
    timeout: o,
    dropped: o,
    '5xx': o,
    '429 retry-after': o,
    '403 rate limit': o,
    '4xx': o,
    malformed: o,
  });
  /** GitHub's refusal of a fine-grained PAT without the permission. */
  const NOT_ACCESSIBLE = { status: 403, message: 'Resource not accessible by personal access token' };
  const TARGET = new RegExp(`/actions/secrets/${SECRET}$`);
  const SEED = `OAUTH_BROKER_${'A'.repeat(20)}_0`;
  const SEED_CLAIM = new RegExp(`/actions/variables/${SEED}$`);

  /** The write-back fails for good, and GitHub refuses the rescue in the claim (after the settle went through). */
  const rescueToCache = (): void => {
    si.gh.faults.push(...Array.from({ length: 5 }, () => ({ method: 'PUT', path: TARGET, status: 500 })));
    si.gh.faults.push(
      { method: 'PATCH', path: CLAIM_VARIABLE, delayMs: 1 },
      { method: 'PATCH', path: CLAIM_VARIABLE, status: 403 },
    );
  };

  function cacheCells(
    call: string,
    route: CacheFaultRoute,
    opts: { refused?: boolean; malformed?: boolean; reading?: boolean; e2e?: string[] } = {},
  ): Cell[] {
    // The library retries on its own clock; the step gives up at its cache timeout, shortened here.
    const f = (fault: string, fa: Omit<CacheFault, 'route'>): Cell => ({
      call,
      fault,
      arm: async () => {
        rescueToCache();
        // A read fault is for the next run, which reads the rescue; the first run's write goes through, with
        // the usual timeout (a loaded machine's dist/ step may take longer than the short one to store it).
        if (opts.reading) return { readFault: { route, ...fa } };
        return cached({ route, ...fa }, SHORT_CACHE)();
      },
      outcome: 'recoverable',
      message: /^github-api-url: could not write .*500/,
      post: !opts.reading,
      e2e: opts.e2e?.includes(fault),
    });
    return [
      ...(opts.refused ? [f('refused', { action: 'refuse' })] : []),
      f('timeout', { action: 'hang' }),
      f('dropped', { action: 'reset' }),
      f('5xx', { status: 500 }),
      f('429 retry-after', { status: 429, headers: { 'retry-after': '1' } }),
      f('4xx', { status: 403 }),
      ...(opts.malformed ? [f('malformed', { status: 200, body: notJson })] : []),
    ];
  }

  const cells: Cell[] = [
    // The token POST: retried only when it cannot have arrived, or when told when to come back.
    {
      call: 'token POST',
      fault: 'refused',
      arm: async () => ({ refusing: await refusingFetch((url) => url.href === si.oauth.tokenUrl) }),
      outcome: 'success',
    },
    {
      call: 'token POST',
      fault: 'refused, every attempt',
      arm: async () => ({ inputs: { 'token-url': `http://127.0.0.1:${await closedPort()}/v1/oauth/token` } }),
      outcome: 'recoverable',
      message: /connection refused after 3 attempts; nothing was spent/,
      // Surely unsent: the claim is released at once, so nobody waits for a lease.
      claimsLeft: 0,
    },
    {
      call: 'token POST',
      fault: 'timeout',
      arm: token({ action: 'hang' }, SHORT_HTTP),
      outcome: 'recoverable',
      message: /no answer within \d+s; not retried, as it may have arrived/,
      claimsLeft: 1,
    },
    {
      call: 'token POST',
      fault: 'dropped',
      arm: token({ action: 'reset' }),
      outcome: 'recoverable',
      message: /connection dropped before the answer arrived/,
      claimsLeft: 1,
    },
    {
      call: 'token POST',
      fault: 'dropped after the provider rotated',
      arm: token({ action: 'reset-after-rotate' }),
      outcome: 'lost',
      message: /connection dropped before the answer arrived; not retried, as it may have arrived/,
    },
    {
      call: 'token POST',
      fault: '5xx',
      arm: token({ status: 500, body: '{"error":"server_error"}' }),
      outcome: 'recoverable',
      message: /answered HTTP 500 \(server_error\)/,
      claimsLeft: 1,
    },
    {
      call: 'token POST',
      fault: '429 retry-after',
      arm: token({ status: 429, headers: { 'retry-after': '20' }, body: '{"error":"rate_limited"}' }),
      outcome: 'success',
    },
    {
      call: 'token POST',
      fault: '403 rate limit',
      arm: token({ status: 403, headers: { 'retry-after': '20' }, body: '{"error":"rate_limit_exceeded"}' }),
      outcome: 'recoverable',
      message: /answered HTTP 403 \(rate_limit_exceeded\)/,
    },
    {
      call: 'token POST',
      fault: '4xx',
      arm: token({ status: 401, body: '{"error":"invalid_client"}' }),
      outcome: 'recoverable',
      message: /answered HTTP 401 \(invalid_client\); check client-id/,
      claimsLeft: 0,
    },
    {
      call: 'token POST',
      fault: 'malformed',
      arm: token({ status: 200, body: notJson }),
      outcome: 'recoverable',
      message: /answered 200 but the body is not JSON/,
    },

    // Reads before the refresh: retried, and nothing is spent when they fail for good.
    {
      call: 'public key GET',
      fault: 'refused, every attempt',
      arm: async () => ({ inputs: { 'github-api-url': `http://127.0.0.1:${await closedPort()}` } }),
      outcome: 'recoverable',
      message: /^github-api-url: could not read the public key .*connection refused/,
    },
    ...githubCells({
      call: 'public key GET',
      method: 'GET',
      path: /\/actions\/secrets\/public-key$/,
      outcomes: { ...all('success'), '4xx': 'recoverable', malformed: 'recoverable' },
      fourxx: NOT_ACCESSIBLE,
      messages: { '4xx': /^github-token: could not read the public key .*403/, malformed: /public key .*not JSON/ },
    }),
    ...githubCells({
      call: 'secret metadata GET',
      method: 'GET',
      path: TARGET,
      outcomes: { ...all('success'), '4xx': 'recoverable', malformed: 'recoverable' },
      fourxx: { status: 401, message: 'Bad credentials' },
      messages: {
        '4xx': /^github-token: could not read repository secret .*401 Bad credentials/,
        malformed: /not JSON/,
      },
    }),

    // The claim: a variable created once; a create whose answer was lost is read back, never repeated
    // blindly, so one transient error costs a retry at most. Refused, it fails before anything is spent.
    ...githubCells({
      call: 'claim POST',
      method: 'POST',
      path: VARIABLES,
      outcomes: { ...all('success'), '4xx': 'recoverable' },
      fourxx: NOT_ACCESSIBLE,
      messages: { '4xx': /^github-token: could not create the variable .*403.*"Variables: Read and write"/ },
      lost: 'success',
    }),
    // The claim read back after a create whose answer was lost (its create succeeded meanwhile).
    ...githubCells({
      call: 'claim GET',
      method: 'GET',
      path: CLAIM_VARIABLE,
      before: () => void si.gh.faults.push({ method: 'POST', path: VARIABLES, after: 502 }),
      outcomes: { ...all('success'), '4xx': 'recoverable', malformed: 'recoverable' },
      fourxx: NOT_ACCESSIBLE,
      messages: { '4xx': /^github-token: could not read the variable .*403/, malformed: /not JSON/ },
      claimsLeft: { '4xx': 1, malformed: 1 },
    }),
    // The write check: the token must be able to store what replaces the token before it is spent.
    ...githubCells({
      call: 'write check PUT',
      method: 'PUT',
      path: /\/actions\/secrets\/OAUTH_BROKER_WRITE_CHECK$/,
      outcomes: { ...all('success'), '4xx': 'recoverable' },
      fourxx: NOT_ACCESSIBLE,
      messages: { '4xx': /^github-token: could not write secrets of .*403.*"Secrets: Read and write"/ },
      claimsLeft: { '4xx': 0 },
      lost: 'success',
    }),
    // The settle, the moment the provider answered: retried; lost for good, the write-back is the sign.
    ...githubCells({
      call: 'settle PATCH',
      method: 'PATCH',
      path: CLAIM_VARIABLE,
      outcomes: all('success'),
      fourxx: NOT_ACCESSIBLE,
      // Lost for good, the settle leaves the target's updated_at as the only sign, and GitHub stamps
      // whole seconds: the claim is made at the start of one, so a write-back in the claim's second
      // would read as a dead holder's, and a run after the lease would present the spent token.
      before: () => {
        si.gh.startSecond();
        // The step's waits pass for GitHub too, as they would.
        return { clock: testClock({ onSleep: (ms) => si.gh.advance(ms) }) };
      },
      lost: 'success',
    }),
    // The release of a claim after a refresh that surely sent nothing (here the provider's 401): a
    // delete whose answer was lost is read back before it is sent again.
    ...githubCells({
      call: 'release DELETE',
      method: 'DELETE',
      path: CLAIM_VARIABLE,
      before: () => void si.oauth.faults.push({ status: 401, body: '{"error":"invalid_client"}' }),
      outcomes: {
        refused: 'recoverable',
        timeout: 'recoverable',
        dropped: 'recoverable',
        '5xx': 'recoverable',
        '429 retry-after': 'recoverable',
        '403 rate limit': 'recoverable',
        '4xx': 'recoverable',
      },
      fourxx: NOT_ACCESSIBLE,
      messages: {
        refused: /HTTP 401/,
        timeout: /HTTP 401/,
        dropped: /HTTP 401/,
        '5xx': /HTTP 401/,
        '429 retry-after': /HTTP 401/,
        '403 rate limit': /HTTP 401/,
        '4xx': /HTTP 401/,
      },
      // Gone, but for a delete GitHub refuses for good: that claim waits for its deadline.
      claimsLeft: { refused: 0, timeout: 0, dropped: 0, '5xx': 0, '429 retry-after': 0, '403 rate limit': 0, '4xx': 1 },
      lost: 'recoverable',
    }),
    // After a write-back, the claim of the copy that drops out of the newest three: best effort.
    ...githubCells({
      call: 'cleanup DELETE',
      method: 'DELETE',
      path: /\/actions\/variables\/OAUTH_BROKER_0{20}_0$/,
      outcomes: all('success'),
      fourxx: NOT_ACCESSIBLE,
      earlierClaims: 3,
      // A delete GitHub refuses for good: the value keeps naming that claim, for the next run to remove.
      claimsLeft: { '4xx': 4 },
      lost: 'success',
    }),
    // In a burst, a job holding a copy that asks reads the seed's claim before presenting: a copy whose own
    // claim went while it could pass for current is named there. Retried; refused, nothing is spent.
    ...githubCells({
      call: 'seed check GET',
      method: 'GET',
      path: SEED_CLAIM,
      burst: { checks: true },
      outcomes: { ...all('success'), '4xx': 'recoverable', malformed: 'recoverable' },
      fourxx: NOT_ACCESSIBLE,
      messages: { '4xx': /^github-token: could not read the variable .*403/, malformed: /not JSON/ },
      claimsLeft: { '4xx': 4, malformed: 4 },
    }),
    // Then its write-back records there the copy whose claim goes while it could pass for current, before
    // deleting that claim: best effort; unrecorded, the claim stays named, for a later run to bury.
    ...githubCells({
      call: 'burial GET',
      method: 'GET',
      path: SEED_CLAIM,
      burst: { checks: false },
      outcomes: all('success'),
      fourxx: NOT_ACCESSIBLE,
      claimsLeft: { '4xx': 5, malformed: 5 },
    }),
    ...githubCells({
      call: 'burial PATCH',
      method: 'PATCH',
      path: SEED_CLAIM,
      burst: { checks: false },
      outcomes: all('success'),
      fourxx: NOT_ACCESSIBLE,
      claimsLeft: { '4xx': 5 },
      lost: 'success',
    }),
    // The first write by this version looks for what earlier versions left: best effort.
    ...githubCells({
      call: 'leftover secrets GET',
      method: 'GET',
      path: /\/actions\/secrets$/,
      outcomes: all('success'),
      fourxx: NOT_ACCESSIBLE,
    }),
    ...githubCells({
      call: 'leftover variables GET',
      method: 'GET',
      path: VARIABLES,
      outcomes: all('success'),
      fourxx: NOT_ACCESSIBLE,
    }),

    // The write-back, after the provider rotated: retried, else rescued in the claim.
    ...githubCells({
      call: 'secret PUT',
      method: 'PUT',
      path: TARGET,
      outcomes: { ...all('success'), '4xx': 'recoverable' },
      fourxx: NOT_ACCESSIBLE,
      messages: { '4xx': /^github-token: could not write .*403/ },
      lost: 'success',
    }),
    {
      call: 'secret PUT',
      fault: '5xx, every attempt',
      arm: () =>
        void si.gh.faults.push(...Array.from({ length: 5 }, () => ({ method: 'PUT', path: TARGET, status: 500 }))),
      outcome: 'recoverable',
      message: /^github-api-url: could not write .*500/,
    },

    // The Actions cache, the last resort: the write-back failed for good and GitHub refused the rescue in the
    // claim too. A cache that fails as well leaves the rotation to the post step, which finishes it.
    ...cacheCells('cache reserve', 'CreateCacheEntry', { malformed: true }),
    ...cacheCells('cache upload', 'upload', { refused: true, e2e: ['refused', 'timeout'] }),
    ...cacheCells('cache finalize', 'FinalizeCacheEntryUpload', { malformed: true }),
    // The next run reads that rescue: a cache that fails it makes it refuse, and the run after recovers.
    ...cacheCells('cache lookup', 'GetCacheEntryDownloadURL', { malformed: true, reading: true }),
    ...cacheCells('cache download', 'download', { refused: true, malformed: true, reading: true }),
  ];

  const errorOf = (r: RunResult): string => r.stdout.match(/^::error::(.*)$/m)?.[1] ?? '';
  const claims = (): string[] =>
    si.gh.variableNames({ repo: REPO }).filter((n) => /^OAUTH_BROKER_[0-9A-F]{20}_\d+$/.test(n));

  /** The cells the Actions cache is part of: it is only ever the last resort for a rescue. */
  const usesStore = (c: Cell): boolean => c.call.startsWith('cache');

  /**
   * The marker of a copy written seconds after the one before, in a burst: the seed's claim and the claims of
   * three copies of seconds ago (theirs may be buried); `checks`: its holders check the seed.
   */
  function burstMarker(checks: boolean): Record<string, unknown> {
    const settled = '{"v":2,"n":"0","s":"settled","l":60}';
    const ago = (s: number): string => new Date(si.gh.now() - s * 1000).toISOString();
    si.gh.setVariable({ repo: REPO }, SEED, settled);
    const young = ['B', 'C', 'D'].map((c, i) => ({
      name: `OAUTH_BROKER_${c.repeat(20)}_0`,
      at: ago(40 - 10 * i),
      checks: true,
    }));
    for (const k of young) si.gh.setVariable({ repo: REPO }, k.name, settled);
    return {
      written_at: ago(5),
      ...(checks ? { check_seed: true } : {}),
      claims: [{ name: SEED, at: ago(3600), seed: true }, ...young],
    };
  }

  /** Claims of earlier copies, settled, as a value names them after a few rotations. */
  function earlierClaims(n: number): string[] {
    const names = Array.from({ length: n }, (_, i) => `OAUTH_BROKER_${String(i).repeat(20)}_0`);
    for (const name of names) si.gh.setVariable({ repo: REPO }, name, '{"v":2,"n":"0","s":"settled","l":60}');
    return names;
  }

  async function runCell(cell: Cell): Promise<void> {
    const store = usesStore(cell);
    const { refreshToken, accessToken } = si.oauth.issue(['user:inference']);
    const earlier = earlierClaims(cell.earlierClaims ?? 0);
    const longAgo = new Date(si.gh.now() - 2 * 3_600_000).toISOString();
    const credentials = JSON.stringify({
      claudeAiOauth: { accessToken, refreshToken, expiresAt: Date.now() - 60_000, scopes: ['user:inference'] },
      // Made over an hour ago: the oldest drops out of the newest three at this write-back.
      ...(earlier.length ? { oauth_broker: { claims: earlier.map((name) => ({ name, at: longAgo })) } } : {}),
      ...(cell.burst ? { oauth_broker: burstMarker(cell.burst.checks) } : {}),
    });
    si.gh.setRepoSecret(REPO, SECRET, credentials);
    const refreshesBefore = si.oauth.refreshCount;

    // A wait the server asks for (up to 30 s) passes on the step's own clock: in-process even in the dist pass.
    const waits = cell.fault === '429 retry-after' || cell.fault === '403 rate limit';
    const over = { store, ...(waits ? { inProcess: true } : {}), ...(await cell.arm()) };
    const first = await job(credentials, over, false, cell.e2e, cell.post);
    const armed = si.oauth.faults.length + si.gh.faults.length + si.cache.faults.length + (over.refusing?.left ?? 0);

    if (cell.outcome === 'success') {
      expect({ code: first.code, error: errorOf(first) }).toEqual({ code: 0, error: '' });
      expect(armed).toBe(0); // the fault was really hit
      expect(si.oauth.reuseCount).toBe(0);
      expect(si.oauth.refreshCount - refreshesBefore).toBeLessThanOrEqual(1);
      // Whatever the fault, no claim piles up: the earlier copies' oldest went, at most one more stayed.
      if (cell.claimsLeft !== undefined) expect(claims()).toHaveLength(cell.claimsLeft);
      else expect(claims().length).toBeLessThanOrEqual(cell.burst ? 4 : Math.max(1, earlier.length));
      // A job still holding the old value, after every lease: it never presents a spent token.
      await job(credentials, { store: false }, true, cell.e2e);
      expect(si.oauth.reuseCount).toBe(0);
      return;
    }
    expect(first.code).toBe(1);
    expect(armed).toBe(0);
    expect(errorOf(first)).toMatch(cell.message!);
    expect(first.stdout.match(/^::error::/gm)).toHaveLength(1);
    if (cell.claimsLeft !== undefined) expect(claims()).toHaveLength(cell.claimsLeft);
    si.oauth.faults.length = 0;
    si.gh.faults.length = 0;
    si.cache.faults.length = 0;
    if (over.readFault) {
      expect(si.cache.entries()).toHaveLength(1);
      // The next run cannot read the rescue: it spends nothing, and the run after it recovers.
      si.cache.faults.push(over.readFault);
      await job(secretValue(), { store, env: SHORT_CACHE.env }, false);
      expect(si.oauth.reuseCount).toBe(0);
      si.cache.faults.length = 0;
    }

    // A later run, after the lease of any claim the failed run left: it holds what the secret holds now.
    const later = await job(secretValue(), { store }, true);
    if (cell.outcome === 'recoverable') {
      expect({ code: later.code, error: errorOf(later) }).toEqual({ code: 0, error: '' });
      const stored = JSON.parse(secretValue()) as { claudeAiOauth: { refreshToken: string; accessToken: string } };
      expect(si.oauth.isLive(stored.claudeAiOauth.refreshToken)).toBe(true);
      expect(later.outputs['access-token']).toBe(stored.claudeAiOauth.accessToken);
      expect(si.oauth.reuseCount).toBe(0);
    } else {
      // The provider rotated and the answer was lost: the new refresh token exists nowhere
      // but at the provider. The later run presents the old one once and explains.
      expect(later.code).toBe(1);
      expect(errorOf(later)).toMatch(/refused the stored refresh token: .*invalid_grant.*log in again/);
      expect(si.oauth.reuseCount).toBe(1);
    }
  }

  const CLASSES: FaultClass[] = [
    'refused',
    'timeout',
    'dropped',
    '5xx',
    '429 retry-after',
    '403 rate limit',
    '4xx',
    'malformed',
  ];
  const SYMBOL: Record<Outcome, string> = { success: '✓', recoverable: 'E', lost: 'L' };
  // A row of the fault table (docs/development.md): a call, then its cells.
  const CALLS = ['token POST', 'public key GET', 'secret ', 'claim ', 'write check ', 'settle ', 'release '];
  const FAULT_ROW = new RegExp(`^\\| (${[...CALLS, 'cleanup ', 'seed ', 'burial ', 'leftover ', 'cache '].join('|')})`);

  /** The fault table: a row per call, a column per fault class, then the cells outside the classes. */
  function tableRows(): string[] {
    const symbol = (c: Cell): string => SYMBOL[c.outcome] + (c.e2e ? '†' : '');
    return [...new Set(cells.map((c) => c.call))].map((call) => {
      const mine = cells.filter((c) => c.call === call);
      const columns = CLASSES.map((k) => mine.find((c) => c.fault === k)).map((c) => (c ? symbol(c) : '—'));
      const also = mine.filter((c) => !CLASSES.includes(c.fault as FaultClass)).map((c) => `${c.fault}: ${symbol(c)}`);
      return `| ${call} | ${columns.join(' | ')} | ${also.join('; ')} |`;
    });
  }

  const name = (c: Cell): string => `${c.call} × ${c.fault} → ${c.outcome}${c.e2e ? ' (dist)' : ''}`;

  /** The rows of the table in docs/development.md ("Testing"), as they are there. */
  const docRows = (): string[] =>
    readFileSync(join(repoRoot, 'docs', 'development.md'), 'utf8')
      .split('\n')
      .filter((l) => FAULT_ROW.test(l));

  return { cells, runCell, tableRows, docRows, name, usesStore };
}
