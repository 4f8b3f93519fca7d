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

/** The lock holder gave up; `spent` says whether the refresh token may have been presented. */
export interface Abort {
  kind: 'abort';
  spent: 'no' | 'yes' | 'unknown';
  message: string;
  at: string;
}

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
// generation; a handful is plenty, each costs a failed refresh attempt.
const GENERATIONS = 5;

const keys = (refreshToken: string) => {
  const id = entryId(refreshToken);
  return {
    next: `oauth-broker-v1-next-${id}`,
    lock: (gen: number) => `oauth-broker-v1-lock-${id}-g${gen}`,
    abort: (gen: number) => `oauth-broker-v1-abort-${id}-g${gen}`,
  };
};

function isSuccessor(v: unknown): v is Successor {
  return !!v && typeof v === 'object' && (v as Successor).kind === 'next' && typeof (v as Successor).accessToken === 'string';
}

function isAbort(v: unknown): v is Abort {
  return !!v && typeof v === 'object' && (v as Abort).kind === 'abort' && typeof (v as Abort).message === 'string';
}

export class SharedStore {
  constructor(
    private readonly backend: StoreBackend,
    private readonly deps: StoreDeps,
  ) {}

  private async read(refreshToken: string, wanted: string[]): Promise<Successor | Abort | undefined> {
    const hit = await this.backend.read(wanted);
    if (!hit) return undefined;
    const payload = await openEntry(refreshToken, hit.key, hit.data);
    return isSuccessor(payload) || isAbort(payload) ? payload : undefined;
  }

  /** The successor of this refresh token, if a job already spent it. */
  async successor(refreshToken: string): Promise<Successor | undefined> {
    const found = await this.read(refreshToken, [keys(refreshToken).next]);
    return found?.kind === 'next' ? found : undefined;
  }

  /** Reserves the right to present this refresh token; the first job to reserve it wins. */
  async acquire(refreshToken: string): Promise<Lock> {
    const k = keys(refreshToken);
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
   * Waits for the successor (or, with a lock generation, for its holder's abort) until
   * the timeout; undefined when nothing came.
   */
  async wait(refreshToken: string, gen: number | undefined, timeoutMs: number): Promise<Successor | Abort | undefined> {
    const k = keys(refreshToken);
    const wanted = gen === undefined ? [k.next] : [k.next, k.abort(gen)];
    const start = this.deps.now();
    for (;;) {
      const found = await this.read(refreshToken, wanted);
      if (found) return found;
      const waited = this.deps.now() - start;
      if (waited >= timeoutMs) return undefined;
      this.deps.info(`waiting for another job's refresh… ${formatDuration(waited)}`);
      await this.deps.sleep(Math.min(this.deps.pollMs, timeoutMs - waited));
    }
  }

  /**
   * Whether a later lock generation may present the token the aborted holder had.
   * Surely unsent: yes. Perhaps sent (a timeout): only a later run, never the jobs of
   * the same wave, so the token is not retried blindly; if the provider did rotate it,
   * that login is already lost, and the retry costs nothing but an invalid_grant.
   */
  mayRetry(abort: Abort): boolean {
    return abort.spent === 'no' || (abort.spent === 'unknown' && Date.parse(abort.at) < this.deps.startedAt);
  }

  async publish(refreshToken: string, successor: Successor): Promise<boolean> {
    const key = keys(refreshToken).next;
    return (await this.backend.create(key, await sealEntry(refreshToken, key, successor))) === 'saved';
  }

  async abort(refreshToken: string, gen: number, abort: Omit<Abort, 'kind' | 'at'>): Promise<void> {
    const key = keys(refreshToken).abort(gen);
    await this.backend.create(key, await sealEntry(refreshToken, key, { kind: 'abort', at: new Date(this.deps.now()).toISOString(), ...abort }));
  }
}
