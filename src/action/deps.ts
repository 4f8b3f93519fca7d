// What every step is given, so the logic tests without patching globals.
import type { GitHubDeps } from '../github/api.js';
import type { Outcome } from './export.js';
import type { Config } from './inputs.js';
import type { Masker } from './mask.js';
import { sleep } from '../core/duration.js';
import { brokerFetch } from '../core/proxy.js';
import type { Shield } from '../core/shield.js';
import type { StoreBackend } from '../store/cache-backend.js';
import { type Env, timings } from '../core/env.js';

type ActionsCore = typeof import('@actions/core');

/** The part of @actions/core's job-summary builder the broker uses. */
export interface Summary {
  addHeading(text: string, level?: number): Summary;
  addTable(rows: Parameters<ActionsCore['summary']['addTable']>[0]): Summary;
  write(): Promise<unknown>;
}

/** The slice of @actions/core the broker uses; injected so the logic tests without a runner. */
export interface Core {
  getInput(name: string): string;
  setSecret(value: string): void;
  setOutput(name: string, value: string): void;
  exportVariable(name: string, value: string): void;
  saveState(name: string, value: string): void;
  getState(name: string): string;
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  isDebug(): boolean;
  setFailed(message: string): void;
  summary: Summary;
}

/**
 * proxy: true's two halves, src/proxy/start.ts. The proxy sits a floor above the action (its process
 * reuses the action's refresh path), so the action reaches it only through what its entry points give.
 */
export interface ProxyMode {
  start(deps: Deps, cfg: Config, out: Outcome, masker: Masker, now: number): Promise<void>;
  stop(deps: Deps): Promise<void>;
}

export interface Deps {
  core: Core;
  env: Env;
  fetch: typeof fetch;
  now: () => number;
  /** A clock no step of the wall clock moves: this job's own waits and deadlines (ms). */
  monotonic: () => number;
  sleep: (ms: number) => Promise<void>;
  /** When the step started, epoch ms. */
  startedAt: number;
  /** Defers the runner's cancel while rotated credentials are not yet stored (src/action/shield.ts). */
  shield?: () => Shield;
  /** The shared store's storage; the Actions cache when absent (tests pass their own turn-taking one). */
  backend?: StoreBackend;
  /** proxy: true: the proxy's bundle; dist/proxy beside the running step's when absent (in-process tests name it). */
  proxyScript?: string;
  /** proxy: true: starting and stopping the proxy (src/proxy/start.ts), given by the entry points. */
  proxyMode?: () => Promise<ProxyMode>;
}

/** What a step gets on the runner: its environment, the proxied fetch, the real clock. */
export function runnerDeps(core: Core): Deps {
  return {
    core,
    env: process.env,
    fetch: brokerFetch(process.env),
    now: Date.now,
    monotonic: () => performance.now(),
    sleep,
    startedAt: Math.floor(performance.timeOrigin),
  };
}

/**
 * Ends the step once its work is done: open sockets, a proxy's tunnels or a cache request
 * abandoned at its timeout (the library sets none) must not keep it alive. stdout is flushed
 * first, for where it is asynchronous (pipes on Windows).
 */
export function exitWhenFlushed(): void {
  process.stdout.write('', () => process.exit());
}

/** proxy: true's halves; a step run without them is a wiring bug, never a user's error. */
export function proxyModeOf(deps: Deps): () => Promise<ProxyMode> {
  if (!deps.proxyMode) throw new Error('proxy: true needs deps.proxyMode (src/proxy/start.ts)');
  return deps.proxyMode;
}

/** What the GitHub client needs, from the step's dependencies. */
export function githubDeps(deps: Deps): GitHubDeps {
  const t = timings(deps.env);
  return {
    fetch: deps.fetch,
    now: deps.now,
    sleep: deps.sleep,
    info: (m) => deps.core.info(m),
    warning: (m) => deps.core.warning(m),
    retryBaseMs: t.retryBaseMs,
    timeoutMs: t.httpTimeoutMs,
    monotonic: deps.monotonic,
  };
}
