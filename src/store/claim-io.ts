// One claim variable, as the jobs holding a copy talk to it (docs/design.md, "The claim"): created,
// or found to be another job's even when GitHub's answer was lost (the nonce read back); read and
// judged on GitHub's clock, a CLI's also by whether its job has ended; waited on; written; released.
// The refresh (src/store/claims.ts) and the recovery of a rescue (src/store/recovery.ts) build on it.
import { randomBytes } from 'node:crypto';
import { formatDuration } from '../core/duration.js';
import { UserError } from '../core/errors.js';
import type { JobRef } from '../github/jobs.js';
import type { Created, Variable } from '../github/variables.js';
import {
  claimName,
  copyId,
  decodeClaim,
  encodeClaim,
  judge,
  leaseSeconds,
  type ClaimState,
  type ClaimValue,
  type Judgement,
  type SeenClaim,
} from './protocol.js';
import type { Successor } from './shared.js';

/** The copy a claim is about: the tokens a job was given. */
export interface Copy {
  refreshToken: string;
  accessToken?: string;
}

/** What a settled claim carries, sealed: the successor, and the rotated credentials while not in the secret. */
export interface Result {
  successor: Successor;
  rescue?: { credentials: string; secretUpdatedAt: string };
  /** Once a recoverer wrote the rescue to the secret: the written value's written_at (ISO). */
  recovered?: string;
}

/** A claim this job holds. */
export interface Ticket {
  copy: Copy;
  name: string;
  value: ClaimValue;
  /**
   * On this job's monotonic clock: when its create was first sent (its deadline counts from there,
   * never later than GitHub's), and when GitHub's answer arrived. Unknown to a step that did not
   * make the claim (the post step).
   */
  sentAt?: number;
  claimedAt?: number;
  /**
   * The chain's seed (src/store/protocol.ts keptClaims), once its write-back may have landed: later copies'
   * burials may be recorded in it since, which a rewrite keeps.
   */
  seed?: boolean;
}

export type Reservation =
  | { kind: 'owner'; ticket: Ticket }
  /** Another job presented the token: its result, and when it settled (GitHub's clock). */
  | {
      kind: 'result';
      result: Result;
      name: string;
      settledAt: number;
      /** Its rescue is the claim's (else the Actions cache's): a recoverer that stores it takes it out. */
      rescueInClaim?: true;
      /** The holder's ref, when its write-back does not show and its rescue may be in that ref's cache. */
      unstoredOn?: string;
    };

/** The variables client, as the claims use it (src/github/variables.ts). */
export interface ClaimVariables {
  create(name: string, value: string): Promise<Created>;
  read(name: string): Promise<Variable | undefined>;
  update(name: string, value: string, again?: () => Promise<string>): Promise<void>;
  remove(name: string, once?: boolean): Promise<'removed' | 'absent' | 'unknown'>;
}

export interface ClaimsDeps {
  variables: ClaimVariables;
  /** GitHub's clock (src/github/api.ts githubNow): the only one another job's deadline is judged on. */
  githubNow: () => number | undefined;
  /** A clock no step of the wall clock moves: this job's own waits and deadlines. */
  monotonic: () => number;
  sleep: (ms: number) => Promise<void>;
  /** The secret's name, recorded in each claim (src/action/sweep.ts). */
  secret: string;
  /** How messages name the secret. */
  target: string;
  leaseMs: number;
  lockTimeoutMs: number;
  /** The first wait between two reads of a claim; it grows by a quarter each time, up to MAX_POLL_MS. */
  pollMs: number;
  /** The secret's updated_at now, epoch ms: a write-back after a claim settles it too. */
  targetUpdatedAt: () => Promise<number>;
  /**
   * The secret's updated_at as this job last read it before claiming (ISO), recorded in its claims: read
   * again after a hop to recovered credentials, so a claim on them records the recovery's write.
   */
  readUpdatedAt?: () => string;
  /** Seals a result for whoever holds the copy and the github-token; undefined when it cannot be opened. */
  seal(copy: Copy, name: string, result: Result): Promise<string>;
  open(copy: Copy, name: string, sealed: string): Promise<Result | undefined>;
  /** Set when this job's rescue may go to its ref's Actions cache, which jobs on other refs cannot read. */
  ref?: string;
  /** This job, named in a CLI's claim so that others can tell when it has ended. */
  job?: JobRef;
  /** Whether a CLI's job has surely ended (src/github/jobs.ts); throws when GitHub cannot say. */
  jobEnded?: (job: JobRef) => Promise<boolean>;
  /** A rescue another job could keep only in the Actions cache (src/store/shared.ts), when the store is on. */
  cached?: (copy: Copy) => Promise<Result | undefined>;
  info: (message: string) => void;
  warning: (message: string) => void;
  debug: (message: string) => void;
}

// Reads come often while a holder's answer is likely (a refresh takes a second or two) and every
// 5 s at most while a dead holder's lease runs out: about twenty reads in a minute.
const MAX_POLL_MS = 5_000;
const POLL_GROWTH = 1.25;
// A create or a delete whose answer is lost is read back; this many rounds, then GitHub is said to be failing.
const ROUNDS = 4;
// While a CLI's claim is waited for, GitHub is asked whether its job has ended at most this often.
const JOB_CHECK_MS = 30_000;

export const at = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

export class ClaimIo {
  /** The nonces of CLIs' claims whose job GitHub said has ended, and when it was last asked. */
  private readonly ended = new Set<string>();
  private jobAskedAt?: number;

  constructor(readonly d: ClaimsDeps) {}

  name(copy: Copy, gen: number, recovery = false): string {
    return claimName(copyId(copy.refreshToken, copy.accessToken), gen, recovery);
  }

  /** GitHub's time now; before any answer (never: a claim is read first) the claim's own stamps decide. */
  now(): number {
    return this.d.githubNow() ?? 0;
  }

  /**
   * Creates the claim, or finds whose it is. A create whose answer was lost (a 502 before or after
   * GitHub acted, a reset, a timeout) is read back: the nonce says whether it is this job's.
   */
  async create(copy: Copy, name: string, value: ClaimValue): Promise<Ticket | SeenClaim> {
    const sentAt = this.d.monotonic();
    for (let round = 1; ; round++) {
      const created = await this.d.variables.create(name, encodeClaim(value));
      if (created === 'created') return { copy, name, value, sentAt, claimedAt: this.d.monotonic() };
      const seen = await this.read(name);
      if (seen?.value.n === value.n) return { copy, name, value, sentAt, claimedAt: this.d.monotonic() };
      if (seen) return seen;
      // Absent: released since, or the lost create never happened. Either way the name is free.
      if (round >= ROUNDS) {
        throw new UserError(
          'OB_GITHUB',
          `github-api-url: GitHub did not confirm the claim on these credentials after ${round} tries; run again.`,
          { details: `Nothing was presented to the provider. The secret is ${this.d.target}.` },
        );
      }
      this.d.debug(`The claim ${name} was not there after its create; trying again.`);
      await this.d.sleep(this.d.pollMs * round);
    }
  }

  /** What a new claim holds: a nonce of its own, its state, its lease. */
  claimValue(s: ClaimState, leaseMs: number): ClaimValue {
    const w = this.d.readUpdatedAt?.();
    const value: ClaimValue = {
      v: 2,
      n: randomBytes(16).toString('hex'),
      s,
      l: leaseSeconds(leaseMs),
      t: this.d.secret.toUpperCase(),
      ...(w ? { w } : {}),
    };
    // A CLI's rescue may go to that cache too: a job on another ref must not take its claim over.
    if (this.d.ref && s !== 'settled' && s !== 'spent') value.ref = this.d.ref;
    if (this.d.job && s === 'cli') value.j = this.d.job;
    return value;
  }

  /** What the claim means now: GitHub's time, and for a CLI's claim whether GitHub said its job has ended. */
  judged(seen: SeenClaim): Judgement {
    return judge(seen, this.now(), this.ended.has(seen.value.n));
  }

  /** As judged, after asking GitHub (at most every JOB_CHECK_MS) whether a held CLI's job has ended. */
  async judgedNow(seen: SeenClaim): Promise<Judgement> {
    const j = this.judged(seen);
    const job = seen.value.j;
    if (j.kind !== 'held' || !j.cli || !job || !this.d.jobEnded) return j;
    if (this.jobAskedAt !== undefined && this.d.monotonic() - this.jobAskedAt < JOB_CHECK_MS) return j;
    this.jobAskedAt = this.d.monotonic();
    try {
      if (await this.d.jobEnded(job)) this.ended.add(seen.value.n);
    } catch (err) {
      this.d.debug(`Could not tell whether the job of the CLI's claim has ended: ${(err as Error).message}`);
    }
    return this.judged(seen);
  }

  /** A claim as GitHub has it, undefined when absent. A variable of a claim's name that is not one stops the job. */
  /** The result the claim `name` carries, if the holder of `copy` can open it. */
  async resultOf(copy: Copy, name: string, seen: SeenClaim | undefined): Promise<Result | undefined> {
    return seen?.value.r ? this.d.open(copy, name, seen.value.r) : undefined;
  }

  async read(name: string): Promise<SeenClaim | undefined> {
    const v = await this.d.variables.read(name);
    if (!v) return undefined;
    const value = decodeClaim(v.value);
    if (!value) {
      throw new UserError(
        'OB_CLAIM',
        `credentials: the variable ${name} beside ${this.d.target} is not a claim the broker wrote; delete it.`,
        { details: 'Variables named OAUTH_BROKER_… are the broker’s claims (docs/design.md, "Coordination").' },
      );
    }
    return { value, createdAt: v.createdAt, updatedAt: v.updatedAt };
  }

  /**
   * Reads the claim until it is no longer held, or lock-timeout (this job's monotonic clock) ends;
   * undefined when it was released. Reads come soon at first, then less often.
   */
  async waitFor(name: string, seen: SeenClaim, start: number): Promise<SeenClaim | undefined> {
    let delay = this.d.pollMs;
    let current = seen;
    for (;;) {
      const j = await this.judgedNow(current);
      if (j.kind !== 'held') return current;
      const left = this.d.lockTimeoutMs - (this.d.monotonic() - start);
      if (left <= 0) throw this.timedOut(current, j.until, j.cli);
      await this.d.sleep(Math.max(1, Math.min(delay, j.until - this.now(), left)));
      delay = Math.min(delay * POLL_GROWTH, MAX_POLL_MS);
      const next = await this.read(name);
      if (!next) return undefined;
      current = next;
    }
  }

  private timedOut(seen: SeenClaim, until: number, cli: boolean): UserError {
    const limit = formatDuration(this.d.lockTimeoutMs);
    if (cli) {
      return new UserError(
        'OB_CLAIM',
        `lock-timeout: a provider CLI in another job holds this refresh token (claimed at ${at(seen.createdAt)}); ` +
          'run this job again after that job ends.',
        { details: `The claim lasts until that job's post step, or the job's end, or ${at(until)} at the latest.` },
      );
    }
    return new UserError(
      'OB_CLAIM',
      `lock-timeout: another job claimed the refresh of these credentials at ${at(seen.createdAt)} and did not ` +
        `finish within ${limit}; run this job again.`,
      { details: `If that job died, a run after ${at(until)} takes over.` },
    );
  }

  async write(t: Ticket, s: ClaimState, result?: Result): Promise<void> {
    const value: ClaimValue = { ...t.value, s };
    if (s === 'settled') value.a ??= new Date(this.now()).toISOString();
    if (result) value.r = await this.d.seal(t.copy, t.name, result);
    else delete value.r;
    // A seed's claim keeps the burials recorded in it, read again before each attempt.
    const withBuried = async (): Promise<string> => {
      const { d } = (await this.read(t.name))?.value ?? {};
      return encodeClaim(d ? { ...value, d } : value);
    };
    await this.d.variables.update(
      t.name,
      t.seed ? await withBuried() : encodeClaim(value),
      t.seed ? withBuried : undefined,
    );
    t.value = value;
  }

  /**
   * Deletes this job's claim. A delete whose answer was lost is not repeated blindly, which could
   * delete a claim another job has made since: it is read back first.
   */
  async release(t: Pick<Ticket, 'name' | 'value'>): Promise<void> {
    for (let round = 0; round < ROUNDS; round++) {
      if ((await this.d.variables.remove(t.name, true)) !== 'unknown') return;
      const seen = await this.read(t.name);
      if (seen?.value.n !== t.value.n) return;
    }
  }
}
