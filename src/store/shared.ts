// The protocol between jobs that hold the same refresh token (SPEC §5): a ledger of
// spent tokens and their successors, a lock so one job refreshes, a rescue for rotated
// credentials the secret could not take. Entries are immutable; keys never reveal a token.
import { formatDuration } from '../duration.js';
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
 * What a lock serialises: presenting the refresh token (`refresh`, done when its
 * successor is published), or writing a rescued successor to the secret (`recover`,
 * done when that write landed) — so no late recovery can overwrite a newer rotation.
 */
export type Purpose = 'refresh' | 'recover';

export type Lock = { state: 'owner'; gen: number } | { state: 'contended'; gen: number } | { state: 'aborted'; abort: Abort } | { state: 'unavailable' };

export interface StoreDeps {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  info: (message: string) => void;
  pollMs: number;
  /** When this job started: an abort published before it came from an earlier run. */
  startedAt: number;
}

// A lock whose holder aborted without presenting the token is retried under the next
// generation; a handful is plenty, each costs a failed attempt.
const GENERATIONS = 5;

function keys(refreshToken: string, purpose: Purpose) {
  const id = entryId(refreshToken);
  const [done, lock, abort] = purpose === 'refresh' ? ['next', 'lock', 'abort'] : ['recovered', 'recover', 'recover-abort'];
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

  private async read(refreshToken: string, wanted: string[]): Promise<Entry | undefined> {
    const hit = await this.backend.read(wanted);
    if (!hit) return undefined;
    const payload = await openEntry(refreshToken, hit.key, hit.data);
    return isEntry(payload) ? payload : undefined;
  }

  /** The successor of this refresh token, if a job already spent it. */
  async successor(refreshToken: string): Promise<Successor | undefined> {
    const found = await this.read(refreshToken, [keys(refreshToken, 'refresh').done]);
    return found?.kind === 'next' ? found : undefined;
  }

  /** Reserves the right to act for this refresh token; the first job to reserve it wins. */
  async acquire(refreshToken: string, purpose: Purpose = 'refresh'): Promise<Lock> {
    const k = keys(refreshToken, purpose);
    for (let gen = 0; gen < GENERATIONS; gen++) {
      const key = k.lock(gen);
      const result = await this.backend.create(key, await sealEntry(refreshToken, key, { kind: 'lock', at: new Date(this.deps.now()).toISOString() }));
      if (result === 'saved') return { state: 'owner', gen };
      if (result === 'failed') return { state: 'unavailable' };
      const abort = await this.read(refreshToken, [k.abort(gen)]);
      if (abort?.kind !== 'abort') return { state: 'contended', gen };
      if (!this.mayRetry(abort)) return { state: 'aborted', abort };
    }
    return { state: 'contended', gen: GENERATIONS - 1 };
  }

  /**
   * Waits until the work is done (or, with a lock generation, until its holder aborts)
   * or the timeout passes; undefined when nothing came.
   */
  async wait(refreshToken: string, purpose: Purpose, gen: number | undefined, timeoutMs: number): Promise<Entry | undefined> {
    const k = keys(refreshToken, purpose);
    const wanted = gen === undefined ? [k.done] : [k.done, k.abort(gen)];
    const start = this.deps.now();
    for (;;) {
      const found = await this.read(refreshToken, wanted);
      if (found) return found;
      const waited = this.deps.now() - start;
      if (waited >= timeoutMs) return undefined;
      this.deps.info(`waiting for another job's ${purpose === 'refresh' ? 'refresh' : 'recovery'}… ${formatDuration(waited)}`);
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
  async done(refreshToken: string, entry: Successor | Recovered): Promise<boolean> {
    const key = keys(refreshToken, entry.kind === 'next' ? 'refresh' : 'recover').done;
    return (await this.backend.create(key, await sealEntry(refreshToken, key, entry))) === 'saved';
  }

  async abort(refreshToken: string, purpose: Purpose, gen: number, abort: Omit<Abort, 'kind' | 'at'>): Promise<void> {
    const key = keys(refreshToken, purpose).abort(gen);
    await this.backend.create(key, await sealEntry(refreshToken, key, { kind: 'abort', at: new Date(this.deps.now()).toISOString(), ...abort }));
  }
}
