/**
 * Runs the main or post step in-process (or as the runner does, with OAUTH_BROKER_TEST_DIST=1: see
 * THROUGH_DIST), wired as src/action/main.ts and src/action/post.ts wire them but
 * with a recording core, the real global fetch against the loopback stand-ins, and a clock
 * the test controls: so the orchestration is measured for coverage, and no test waits on the
 * wall clock for a retry-after, a backoff, a lease or a lock-timeout. The environment is the
 * one runAction gives a bundled step; every run is held to the no-leak rule.
 */
import type { Deps } from '../../src/action/deps.js';
import { timings } from '../../src/core/env.js';
import { logSafe } from '../../src/core/neutral.js';
import { runPost } from '../../src/action/post-run.js';
import { runMain } from '../../src/action/run.js';
import type { Shield } from '../../src/core/shield.js';
import { actionsCacheBackend, cacheAvailable, type StoreBackend } from '../../src/store/cache-backend.js';
import { recordingCore, type RecordingCore } from './core.js';
import { closedPort } from './http.js';
import { assertNoLeak, inputSecrets } from './leaks.js';
import { join } from 'node:path';
import { repoRoot, runAction, stepEnv, type Entry, type RunOptions, type RunResult } from './runner.js';

/** The step's sense of time. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Sleeps cost no wall time. */
  readonly instant: boolean;
  /** The wall clock, its waits aside: a bundled step's own clock can stand in for it (THROUGH_DIST). */
  readonly wall?: boolean;
}

/**
 * A clock `offsetMs` ahead of the wall clock (a run started that much later, as the stand-ins
 * see it). `instant` (the default) makes every sleep advance it at once instead of waiting:
 * right for a job whose waits no other job ends; jobs that wait on each other use `instant: false`.
 * `onSleep` hears each instant wait, for a stand-in whose clock must see that time pass too.
 */
export function testClock(opts: { offsetMs?: number; instant?: boolean; onSleep?: (ms: number) => void } = {}): Clock {
  let offset = opts.offsetMs ?? 0;
  const instant = opts.instant ?? true;
  return {
    instant,
    wall: !opts.offsetMs && !opts.onSleep,
    now: () => Date.now() + offset,
    sleep: (ms) =>
      new Promise((resolve) => {
        if (!instant) return void setTimeout(resolve, ms);
        offset += Math.max(0, ms);
        opts.onSleep?.(Math.max(0, ms));
        setImmediate(resolve);
      }),
  };
}

/** The runner's cancel, delivered when the test says: what src/action/shield.ts does with SIGINT. */
export interface TestShield {
  cancel(): void;
  /** Where the step's shield reports the cancel; set by runStep to the step's core. */
  log: (message: string) => void;
  /** The step was cancelled while shielded, so it fails once it has reported. */
  readonly failed: boolean;
  factory: () => Shield;
}

export function testShield(): TestShield {
  let received = false;
  let shielded = 0;
  let failed = false;
  const shield: TestShield = {
    log: () => undefined,
    cancel() {
      if (shielded > 0 && !received) shield.log('Received SIGINT: storing the rotated credentials before stopping.');
      received = true;
    },
    get failed() {
      return failed;
    },
    factory: () => {
      shielded++;
      return {
        cancelled: () => received,
        release() {
          shielded--;
          if (received) failed = true;
        },
      };
    },
  };
  return shield;
}

/** What a step in-process returns: a bundled run's result, and the order of what it handed the runner. */
export interface StepResult extends RunResult {
  events: RecordingCore['events'];
}

export interface StepOptions extends Omit<RunOptions, 'timeoutMs' | 'script' | 'onSpawn'> {
  clock?: Clock;
  /** deps.fetch; the real global fetch unless a test reroutes a request (see refusingFetch). */
  fetch?: typeof fetch;
  /** When the step started; default the clock's now. */
  startedAt?: number;
  shield?: TestShield;
  /** Always in-process: the test reads what only an in-process step records (`events`). */
  inProcess?: boolean;
}

// @actions/cache reads the runner's variables from process.env and finds the entry's file from the
// working directory, and every step names the same file under its workspace: in-process steps
// take turns at the cache, each with its own variables and its own workspace as the working directory.
const CACHE_VARS = [
  'ACTIONS_CACHE_SERVICE_V2',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_CACHE_URL',
  'ACTIONS_CACHE_MODE',
  'GITHUB_REF',
  'GITHUB_SERVER_URL',
  'GITHUB_WORKSPACE',
  'RUNNER_TEMP',
];
let turn: Promise<unknown> = Promise.resolve();

function inTurn<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const run = turn.then(async () => {
    const saved = CACHE_VARS.map((name) => [name, process.env[name]] as const);
    const cwd = process.cwd();
    if (env.GITHUB_WORKSPACE) process.chdir(env.GITHUB_WORKSPACE);
    for (const name of CACHE_VARS) {
      if (env[name] === undefined) delete process.env[name];
      else process.env[name] = env[name];
    }
    try {
      return await fn();
    } finally {
      process.chdir(cwd);
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
  turn = run.catch(() => undefined);
  return run;
}

/** The Actions cache backend of src/store/cache-backend.ts, taking its turn at process.env. */
function cacheBackend(env: Record<string, string>, debug: (m: string) => void): StoreBackend {
  const real = actionsCacheBackend(env, debug, timings(env).cacheTimeoutMs);
  return {
    create: (key, data) => inTurn(env, () => real.create(key, data)),
    read: (keys) => inTurn(env, () => real.read(keys)),
  };
}

// Knobs for steps: waits no injected clock shortens are short. Under an instant clock a poll costs
// no wall time but each is a real cache read, so polls stay as few as a runner's; real waits are short.
const fast = (instant: boolean): Record<string, string> => ({
  OAUTH_BROKER_RETRY_BASE_MS: '10',
  OAUTH_BROKER_POLL_MS: instant ? '2000' : '25',
  OAUTH_BROKER_HTTP_TIMEOUT_MS: '5000',
  OAUTH_BROKER_CACHE_TIMEOUT_MS: '10000',
});

/**
 * OAUTH_BROKER_TEST_DIST=1 (.ci/run's pass on Node 24): a step whose test needs nothing only an
 * in-process step has (a clock of its own, a rerouted fetch, the runner's cancel by hand, the order of
 * its core calls) runs as the runner runs it: dist/<entry> in a process of its own, its waits real.
 */
const THROUGH_DIST = process.env.OAUTH_BROKER_TEST_DIST === '1';

function throughDist(opts: StepOptions): boolean {
  const own = opts.fetch || opts.shield || opts.inProcess || opts.startedAt !== undefined;
  return THROUGH_DIST && !own && (opts.clock?.wall ?? true);
}

export async function runStep(entry: Entry, opts: StepOptions = {}): Promise<StepResult> {
  if (throughDist(opts)) {
    const { clock: _, inProcess: __, ...rest } = opts;
    return { ...(await runAction(entry, { ...rest, env: { ...fast(false), ...opts.env } })), events: [] };
  }
  const clock = opts.clock ?? testClock();
  const { dir, home, runnerTemp, env } = await stepEnv(entry, {
    ...opts,
    env: { ...fast(clock.instant), ...opts.env },
  });
  env.GITHUB_WORKSPACE ??= dir;
  const rec = recordingCore(env);
  const core = logSafe(rec);
  const deps: Deps = {
    core,
    env,
    fetch: opts.fetch ?? globalThis.fetch,
    now: () => clock.now(),
    // The test clock is this step's monotonic clock too: its instant waits pass for both.
    monotonic: () => clock.now(),
    sleep: (ms) => clock.sleep(ms),
    startedAt: opts.startedAt ?? clock.now(),
    ...(opts.shield ? { shield: opts.shield.factory } : {}),
    // proxy: true starts the bundled proxy, as a runner's step would (npm run bundle first).
    proxyScript: join(repoRoot, 'dist', 'proxy', 'index.js'),
    proxyMode: () => import('../../src/proxy/start.js').then((m) => m.proxyMode),
    ...(cacheAvailable(env) === undefined ? { backend: cacheBackend(env, (m) => core.debug(m)) } : {}),
  };
  if (opts.shield) opts.shield.log = (m) => core.info(m);
  await (entry === 'main' ? runMain(deps) : runPost(deps));
  const stdout = rec.lines.map((l) => `${l}\n`).join('');
  const result: StepResult = {
    events: rec.events,
    code: rec.failed !== undefined || opts.shield?.failed ? 1 : 0,
    signal: null,
    timedOut: false,
    stdout,
    stderr: '',
    outputs: { ...rec.outputs },
    env: { ...rec.exported },
    state: { ...rec.state },
    summary: rec.summaryText,
    masks: [...rec.masks],
    dir,
    home,
    runnerTemp,
  };
  if (!opts.allowLeaks) assertNoLeak(result, inputSecrets(opts.inputs));
  return result;
}

/** A fetch that refuses a request: the global fetch, once, that request sent to a loopback port nothing listens on. */
export interface RefusingFetch {
  fetch: typeof fetch;
  /** Refusals still to come. */
  left: number;
}

export async function refusingFetch(matches: (url: URL, method: string) => boolean, times = 1): Promise<RefusingFetch> {
  const port = await closedPort();
  const r: RefusingFetch = {
    left: times,
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      if (r.left <= 0 || !matches(url, method)) return globalThis.fetch(input, init);
      r.left--;
      url.port = String(port);
      return globalThis.fetch(url, init);
    },
  };
  return r;
}

/** Main, then post as one job runs them (see runMainThenPost), in-process. */
export async function runStepThenPost(opts: StepOptions): Promise<{ main: StepResult; post: StepResult }> {
  const main = await runStep('main', opts);
  const post = await runStep('post', {
    ...opts,
    home: main.home,
    runnerTemp: main.runnerTemp,
    state: { ...opts.state, ...main.state },
    env: { ...main.env, ...opts.env },
  });
  return { main, post };
}
