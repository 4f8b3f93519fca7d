// The shared store's entries (docs/design.md, "The shared store"): the successors of spent
// copies, rescued credentials the secret could not take, and the lock under which one job
// writes a rescue back. Entries are immutable; keys never reveal a token. The claims beside
// the secret (src/store/coordination.ts) decide who refreshes; this store only carries results.
import type { Credentials } from '../core/credentials.js';
import { formatDuration } from '../core/duration.js';
import type { StoreBackend } from './cache-backend.js';
import { entryId, openEntry, sealEntry } from './seal.js';

/** What replaced a refresh token. */
export interface Successor {
  kind: 'next';
  accessToken: string;
  expiresAt?: number;
  scopes?: string[];
  idToken?: string;
  /** When it was published, ISO 8601. */
  at: string;
  /** Rescue only: the whole rotated credentials, in the secret's format, because the write-back failed. */
  credentials?: string;
  /** Rescue only: the secret's updated_at before the failed write; a recovery writes only while it is unchanged. */
  secretUpdatedAt?: string;
}

/** The successor that `next` makes, obtained `now`. */
export function successorOf(next: Credentials, now: number): Successor {
  return {
    kind: 'next',
    // Empty when the provider rotated without a usable access token: nothing is shared then.
    accessToken: next.accessToken ?? '',
    expiresAt: next.expiresAt,
    scopes: next.scopes,
    idToken: next.idToken,
    at: new Date(now).toISOString(),
  };
}

/** The rescued credentials have been written to the secret (or found superseded there). */
export interface Recovered {
  kind: 'recovered';
  at: string;
}

/** The lock holder gave up; `spent` says whether the refresh token may have been presented. */
export interface Abort {
  kind: 'abort';
  spent: 'no' | 'yes' | 'unknown';
  message: string;
  at: string;
}

/**
 * What an entry is about: the refresh of a copy (done when its successor is published), or
 * writing a rescued successor to the secret (`recover`, under a lock, done when that write
 * landed), so no late recovery can overwrite a newer rotation.
 */
export type Purpose = 'refresh' | 'recover';

export type Lock =
  | { state: 'owner'; gen: number }
  | { state: 'contended'; gen: number }
  | { state: 'aborted'; abort: Abort }
  | { state: 'unavailable' };

export interface StoreDeps {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  info: (message: string) => void;
  pollMs: number;
  /** When this job started: an abort published before it came from an earlier run. */
  startedAt: number;
}

// A recovery lock whose holder aborted is retried under the next generation; a handful is
// plenty, each costs a failed attempt.
const GENERATIONS = 5;

function keys(copy: string, purpose: Purpose) {
  const id = entryId(copy);
  const [done, lock, abort] =
    purpose === 'refresh' ? ['next', 'lock', 'abort'] : ['recovered', 'recover', 'recover-abort'];
  return {
    done: `oauth-broker-v1-${done}-${id}`,
    lock: (gen: number) => `oauth-broker-v1-${lock}-${id}-g${gen}`,
    abort: (gen: number) => `oauth-broker-v1-${abort}-${id}-g${gen}`,
  };
}

type Entry = Successor | Recovered | Abort;

function isEntry(v: unknown): v is Entry {
  if (!v || typeof v !== 'object') return false;
  const e = v as { kind?: unknown; accessToken?: unknown; message?: unknown };
  if (e.kind === 'next') return typeof e.accessToken === 'string';
  if (e.kind === 'abort') return typeof e.message === 'string';
  return e.kind === 'recovered';
}

export class SharedStore {
  constructor(
    private readonly backend: StoreBackend,
    private readonly deps: StoreDeps,
  ) {}

  private async read(copy: string, wanted: string[]): Promise<Entry | undefined> {
    const hit = await this.backend.read(wanted);
    if (!hit) return undefined;
    const payload = await openEntry(copy, hit.key, hit.data);
    return isEntry(payload) ? payload : undefined;
  }

  /** The successor of this refresh token, if a job already spent it. */
  async successor(copy: string): Promise<Successor | undefined> {
    const found = await this.read(copy, [keys(copy, 'refresh').done]);
    return found?.kind === 'next' ? found : undefined;
  }

  /** Reserves writing this copy's rescue to the secret; the first job to reserve it wins. */
  async acquire(copy: string): Promise<Lock> {
    const k = keys(copy, 'recover');
    for (let gen = 0; gen < GENERATIONS; gen++) {
      const key = k.lock(gen);
      const result = await this.backend.create(
        key,
        await sealEntry(copy, key, { kind: 'lock', at: new Date(this.deps.now()).toISOString() }),
      );
      if (result === 'saved') return { state: 'owner', gen };
      if (result === 'failed') return { state: 'unavailable' };
      const abort = await this.read(copy, [k.abort(gen)]);
      if (abort?.kind !== 'abort') return { state: 'contended', gen };
      if (!this.mayRetry(abort)) return { state: 'aborted', abort };
    }
    return { state: 'contended', gen: GENERATIONS - 1 };
  }

  /**
   * Waits until the work is done (or, with a lock generation, until its holder aborts)
   * or the timeout passes; undefined when nothing came.
   */
  async wait(copy: string, purpose: Purpose, gen: number | undefined, timeoutMs: number): Promise<Entry | undefined> {
    const k = keys(copy, purpose);
    const wanted = gen === undefined ? [k.done] : [k.done, k.abort(gen)];
    const start = this.deps.now();
    for (;;) {
      const found = await this.read(copy, wanted);
      if (found) return found;
      const waited = this.deps.now() - start;
      if (waited >= timeoutMs) return undefined;
      this.deps.info(
        `waiting for another job's ${purpose === 'refresh' ? 'refresh' : 'recovery'}… ${formatDuration(waited)}`,
      );
      await this.deps.sleep(Math.min(this.deps.pollMs, timeoutMs - waited));
    }
  }

  /**
   * Whether a later lock generation may act where the aborted holder did not finish.
   * Surely unsent: yes. Perhaps sent (a timeout): only a later run, never the jobs of
   * the same wave, so the token is not retried blindly; if the provider did rotate it,
   * that login is already lost, and the retry costs nothing but an invalid_grant.
   */
  mayRetry(abort: Abort): boolean {
    return abort.spent === 'no' || (abort.spent === 'unknown' && Date.parse(abort.at) < this.deps.startedAt);
  }

  /** Marks the work done: the successor of a spent token, or a finished recovery. */
  async done(copy: string, entry: Successor | Recovered): Promise<boolean> {
    const key = keys(copy, entry.kind === 'next' ? 'refresh' : 'recover').done;
    return (await this.backend.create(key, await sealEntry(copy, key, entry))) === 'saved';
  }

  async abort(copy: string, gen: number, abort: Omit<Abort, 'kind' | 'at'>): Promise<void> {
    const key = keys(copy, 'recover').abort(gen);
    await this.backend.create(
      key,
      await sealEntry(copy, key, { kind: 'abort', at: new Date(this.deps.now()).toISOString(), ...abort }),
    );
  }
}
