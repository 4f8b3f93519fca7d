// The shared store's storage: the Actions cache through @actions/cache (service v2).
// Entries are immutable and the first reservation of a key wins, which is the lock.
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from '../core/env.js';

export type ReserveResult = 'saved' | 'taken' | 'failed';

export interface StoreBackend {
  /** Creates the entry; 'taken' when another job reserved the key first. */
  create(key: string, data: Buffer): Promise<ReserveResult>;
  /** The first of the keys that exists (exact match), with its data. */
  read(keys: string[]): Promise<{ key: string; data: Buffer } | undefined>;
}

// The cache version hashes the path list, so every job must name the same path: a
// relative one (to GITHUB_WORKSPACE) is the same string on every runner and OS.
const DIR = '.oauth-broker-store';
const FILE = `${DIR}/entry`;

/**
 * Why the shared store cannot run here, or undefined when it can. It needs cache service
 * v2 (github.com, GHE.com), the only one whose "already reserved" answer is known and
 * tested; GHES serves v1, where the broker runs without coordination.
 */
export function cacheAvailable(env: Env): string | undefined {
  const host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname.toLowerCase();
  const ghes = host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost');
  if (ghes) return 'GitHub Enterprise Server offers cache service v1 only, and the shared store needs v2';
  if (!env.ACTIONS_CACHE_SERVICE_V2 || !env.ACTIONS_RESULTS_URL || !env.ACTIONS_RUNTIME_TOKEN) {
    return (
      'this runner has no Actions cache service v2 ' +
      '(ACTIONS_CACHE_SERVICE_V2, ACTIONS_RESULTS_URL or ACTIONS_RUNTIME_TOKEN unset)'
    );
  }
  return undefined;
}

// The cache call a write comes from: kept through the library's own callbacks and
// timers, so what it prints after the call was abandoned at its timeout is caught too.
const callOf = new AsyncLocalStorage<{ log: string }>();

let guarded = false;

/** Routes stdout and stderr writes made inside a cache call to that call's log: never to the step's. */
function guardStreams(): void {
  if (guarded) return;
  guarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      const call = callOf.getStore();
      if (!call) return write(chunk, ...rest);
      call.log += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      cb?.();
      return true;
    }) as typeof stream.write;
  }
}

/**
 * Runs a call of @actions/cache with its log captured: the library reports both
 * "another job reserved this key" and "the service failed" as a -1, and only its
 * log tells them apart. Its log also holds signed URLs, so it is never printed, not
 * even when the library writes after the call was given up.
 */
async function captured<T>(fn: () => Promise<T>): Promise<{ value: T; log: string }> {
  guardStreams();
  const call = { log: '' };
  return { value: await callOf.run(call, fn), log: call.log };
}

/** Bounds a cache call: the library sets no timeout on its service requests. */
function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`no answer within ${ms} ms`), { name: 'TimeoutError' })),
      ms,
    );
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export function actionsCacheBackend(env: Env, debug: (message: string) => void, timeoutMs: number): StoreBackend {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const dir = join(workspace, DIR);
  const file = join(workspace, FILE);
  // Loaded at the first call: the cache is the last resort of a rescue, off every ordinary path.
  let loaded: Promise<typeof import('@actions/cache')> | undefined;
  const library = () => (loaded ??= import('@actions/cache'));
  // @actions/cache reads the runner's variables from process.env.
  const clean = (): void => rmSync(dir, { recursive: true, force: true });
  return {
    async create(key, data) {
      const { saveCache } = await library();
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileSync(file, data, { mode: 0o600 });
      try {
        const { value, log } = await captured(() => within(timeoutMs, saveCache([FILE], key, undefined, true)));
        if (value !== -1) return 'saved';
        // The twirp client's message for the service's 409 "already exists".
        const taken = /Failed to reserve cache: .*\(409\)/.test(log);
        debug(`shared store: ${key} ${taken ? 'already reserved by another job' : 'could not be saved'}`);
        return taken ? 'taken' : 'failed';
      } catch (err) {
        debug(`shared store: saving ${key} failed: ${(err as Error).name}`);
        return 'failed';
      } finally {
        clean();
      }
    },
    async read(keys) {
      const { restoreCache } = await library();
      clean();
      try {
        const { value: hit } = await captured(() =>
          within(timeoutMs, restoreCache([FILE], keys[0], keys.slice(1), { timeoutInMs: timeoutMs }, true)),
        );
        // A restore key matches by prefix; only exact keys count.
        if (!hit || !keys.includes(hit)) return undefined;
        return { key: hit, data: readFileSync(file) };
      } catch (err) {
        debug(`shared store: reading ${keys[0]} failed: ${(err as Error).name}`);
        return undefined;
      } finally {
        clean();
      }
    },
  };
}
