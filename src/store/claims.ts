// src/store: what jobs holding the same login share: the claims protocol (its decisions in
// protocol.ts, its talking here), the sealed results and rescues, and the Actions cache as a rescue's
// last resort. May import: core, github.
//
// The claims between jobs that hold the same credentials (docs/design.md, "Coordination"): an Actions
// variable beside the secret decides the one job that presents a copy's refresh token. Every job
// that can write the secret sees it, on any ref, in any repository, on GHES. Ownership is read
// back, never assumed; deadlines are judged on GitHub's clock; the result travels sealed in the
// claim. The decisions are src/store/protocol.ts's; this module does the talking.
import { randomBytes } from 'node:crypto';
import { formatDuration } from '../core/duration.js';
import { RELOGIN, RERUN_OLD_COPY, UserError } from '../core/errors.js';
import type { Kept } from '../core/marker.js';
import { neutral } from '../core/neutral.js';
import { MIN_ATTEMPT_MS } from '../core/env.js';
import type { JobRef } from '../github/jobs.js';
import type { Created, Variable } from '../github/variables.js';
import {
  CLI_LEASE_MS,
  answerBy,
  claimName,
  generationsOf,
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
  update(name: string, value: string): Promise<void>;
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
  /** The secret's updated_at as this job read it before claiming (ISO), recorded in its claims. */
  readUpdatedAt?: string;
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

// A claim is released only this long before its lease ends at the latest (a delete takes a moment).
const RELEASE_MARGIN_MS = 5_000;
// Takeovers of holders that never settled; each waits out a lease, so five is minutes of failures.
export const MAX_GENERATIONS = 5;
// Reads come often while a holder's answer is likely (a refresh takes a second or two) and every
// 5 s at most while a dead holder's lease runs out: about twenty reads in a minute.
const MAX_POLL_MS = 5_000;
const POLL_GROWTH = 1.25;
// A create whose answer is lost is read back; this many rounds, then GitHub is said to be failing.
const CREATE_ROUNDS = 4;
// While a CLI's claim is waited for, GitHub is asked whether its job has ended at most this often.
const JOB_CHECK_MS = 30_000;
// GitHub stamps whole seconds: a write sent this long after the claim's answer arrived is stamped
// in a later second than the claim (a little over 1 s, for timers that count whole milliseconds).
const NEXT_STAMP_MS = 1_010;

const at = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

export class Claims {
  /** The nonces of CLIs' claims whose job GitHub said has ended, and when it was last asked. */
  private readonly ended = new Set<string>();
  private jobAskedAt?: number;

  constructor(private readonly d: ClaimsDeps) {}

  private name(copy: Copy, gen: number, recovery = false): string {
    return claimName(copyId(copy.refreshToken, copy.accessToken), gen, recovery);
  }

  /** GitHub's time now; before any answer (never: a claim is read first) the claim's own stamps decide. */
  private now(): number {
    return this.d.githubNow() ?? 0;
  }

  /**
   * Creates the claim, or finds whose it is. A create whose answer was lost (a 502 before or after
   * GitHub acted, a reset, a timeout) is read back: the nonce says whether it is this job's.
   */
  private async create(copy: Copy, name: string, value: ClaimValue): Promise<Ticket | SeenClaim> {
    const sentAt = this.d.monotonic();
    for (let round = 1; ; round++) {
      const created = await this.d.variables.create(name, encodeClaim(value));
      if (created === 'created') return { copy, name, value, sentAt, claimedAt: this.d.monotonic() };
      const seen = await this.read(name);
      if (seen?.value.n === value.n) return { copy, name, value, sentAt, claimedAt: this.d.monotonic() };
      if (seen) return seen;
      // Absent: released since, or the lost create never happened. Either way the name is free.
      if (round >= CREATE_ROUNDS) {
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
  private claimValue(s: ClaimState, leaseMs: number): ClaimValue {
    const value: ClaimValue = {
      v: 2,
      n: randomBytes(16).toString('hex'),
      s,
      l: leaseSeconds(leaseMs),
      t: this.d.secret.toUpperCase(),
      ...(this.d.readUpdatedAt ? { w: this.d.readUpdatedAt } : {}),
    };
    if (this.d.ref && s === 'busy') value.ref = this.d.ref;
    if (this.d.job && s === 'cli') value.j = this.d.job;
    return value;
  }

  /** What the claim means now: GitHub's time, and for a CLI's claim whether GitHub said its job has ended. */
  private judged(seen: SeenClaim): Judgement {
    return judge(seen, this.now(), this.ended.has(seen.value.n));
  }

  /** As judged, after asking GitHub (at most every JOB_CHECK_MS) whether a held CLI's job has ended. */
  private async judgedNow(seen: SeenClaim): Promise<Judgement> {
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
  private async read(name: string): Promise<SeenClaim | undefined> {
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
   * Reserves the one presentation of the copy's refresh token, or returns the result of the job that
   * made it. Throws, saying why and what to do, when this job can have neither.
   */
  async reserve(copy: Copy): Promise<Reservation> {
    let waited = false;
    const start = this.d.monotonic();
    for (let gen = 0; gen < MAX_GENERATIONS; ) {
      const name = this.name(copy, gen);
      const got = await this.create(copy, name, this.claimValue('busy', this.d.leaseMs));
      if ('name' in got) {
        // A takeover looks again, as late as it can: a holder slow to settle may have settled since.
        if (gen > 0 && (await this.settledSince(this.name(copy, gen - 1)))) {
          await this.release(got);
          gen--;
          continue;
        }
        return { kind: 'owner', ticket: got };
      }
      let seen: SeenClaim | undefined = got;
      for (;;) {
        const j = await this.judgedNow(seen);
        if (j.kind === 'held') {
          if (!waited) {
            waited = true;
            const holder = j.cli ? "another job's CLI, until that job ends" : 'another job';
            this.d.info(
              `These credentials are being refreshed by ${holder}; waiting up to lock-timeout ` +
                `${formatDuration(this.d.lockTimeoutMs)}.`,
            );
          }
          seen = await this.waitFor(name, seen, start);
          if (!seen) break;
          continue;
        }
        if (j.kind === 'settled') return this.resultOf(copy, name, seen);
        if (j.kind === 'spent') {
          throw new UserError(
            'OB_LOGIN_LOST',
            `credentials: the provider refused this refresh token when another job presented it; ${RELOGIN}.`,
            { details: `The secret is ${this.d.target}.` },
          );
        }
        // Expired: its holder may have kept its rotation where the claim could not say.
        const cached = await this.d.cached?.(copy);
        if (cached) return { kind: 'result', result: cached, name, settledAt: this.now() };
        // The holder's write-back is the second sign it got that far, if its settle was lost.
        if ((await this.d.targetUpdatedAt()) >= seen.createdAt + 1000) throw this.oldCopy();
        if (seen.value.ref && seen.value.ref !== this.d.ref) throw this.otherRef(seen.value.ref, true);
        this.d.info(
          seen.value.s === 'cli'
            ? `The job whose CLI held these credentials since ${at(seen.createdAt)} has ended; taking over.`
            : `The job that claimed these credentials at ${at(seen.createdAt)} never finished; taking over.`,
        );
        gen++;
        break;
      }
    }
    throw new UserError(
      'OB_REFRESH_UNCERTAIN',
      `credentials: ${MAX_GENERATIONS} jobs in a row claimed this refresh token and none finished; ${RELOGIN}.`,
      { details: `The refresh token is probably spent. The secret is ${this.d.target}.` },
    );
  }

  /** Whether the claim this job took over was settled, or its holder's write-back landed, after all. */
  private async settledSince(name: string): Promise<boolean> {
    const seen = await this.read(name);
    if (!seen || this.judged(seen).kind !== 'expired') return true;
    return (await this.d.targetUpdatedAt()) >= seen.createdAt + 1000;
  }

  /**
   * Reads the claim until it is no longer held, or lock-timeout (this job's monotonic clock) ends;
   * undefined when it was released. Reads come soon at first, then less often.
   */
  private async waitFor(name: string, seen: SeenClaim, start: number): Promise<SeenClaim | undefined> {
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

  private oldCopy(): UserError {
    return new UserError(
      'OB_CLAIM',
      `credentials: another job already spent this refresh token, so this job holds an old copy; ${RERUN_OLD_COPY}.`,
      { details: `The secret is ${this.d.target}. If that other job failed, its error says what to do.` },
    );
  }

  /** A job on another ref spent the token and its rotation is not in the secret: only that ref can recover it. */
  otherRef(given: string, unfinished = false): UserError {
    // Read from a variable anyone who can write the repository's variables could have set.
    const ref = neutral(given, 100);
    const what = unfinished ? 'never finished, and may have rotated it' : 'did not store what replaced it';
    return new UserError(
      'OB_CLAIM',
      `credentials: the job on ${ref} that claimed this refresh token ${what}; re-run that job.`,
      {
        details: [
          `Its rotated credentials may be kept in the Actions cache of ${ref}, which jobs on other refs cannot read, ` +
            'so this job does not present the token.',
          unfinished
            ? 'Run again, that job recovers them, or refreshes if the provider never answered it.'
            : 'Run again, that job recovers them.',
          `The secret is ${this.d.target}.`,
        ],
      },
    );
  }

  /**
   * A settled claim's result, if this job can open it; an old copy otherwise. When the secret does not
   * show the holder's write-back (its updated_at is still the one the holder read), the rotated
   * credentials may be in the holder's Actions cache: looked for there; if that cache is another
   * ref's, the result says so, for an error that tells how to recover rather than call the copy old.
   */
  private async resultOf(copy: Copy, name: string, seen: SeenClaim): Promise<Reservation> {
    const found = seen.value.r ? await this.d.open(copy, name, seen.value.r) : undefined;
    const settled = { name, settledAt: seen.updatedAt };
    if (found?.rescue) return { kind: 'result', result: found, ...settled, rescueInClaim: true };
    const { w, ref } = seen.value;
    const unstored = w !== undefined && this.d.cached && (await this.d.targetUpdatedAt()) === Date.parse(w);
    if (unstored) {
      const cached = await this.d.cached?.(copy);
      if (cached) return { kind: 'result', result: cached, ...settled };
    }
    const elsewhere = unstored && ref && ref !== this.d.ref ? ref : undefined;
    if (found) return { kind: 'result', result: found, ...settled, ...(elsewhere ? { unstoredOn: elsewhere } : {}) };
    throw elsewhere ? this.otherRef(elsewhere) : this.oldCopy();
  }

  /**
   * The provider answered: the claim is settled before anything else, with the result for the jobs
   * holding the same copy (when given), so nobody takes over even if this job is killed before its
   * write-back. Never throws. When the settle cannot be written, the write-back is the only sign,
   * and it counts from the second after the claim's: so this returns no sooner than that.
   */
  async settle(t: Ticket, result?: Result): Promise<void> {
    try {
      await this.write(t, 'settled', result);
    } catch {
      this.d.warning(`Could not settle the claim beside ${this.d.target}; the write-back will show it settled.`);
      const wait = t.claimedAt === undefined ? NEXT_STAMP_MS : t.claimedAt + NEXT_STAMP_MS - this.d.monotonic();
      if (wait > 0) await this.d.sleep(wait);
    }
  }

  /** Rotated but not written: the credentials sealed in the claim for the next run; true when kept. */
  async rescue(t: Ticket, result: Result): Promise<boolean> {
    try {
      await this.write(t, 'settled', result);
      return true;
    } catch {
      return false;
    }
  }

  private async write(t: Ticket, s: ClaimState, result?: Result): Promise<void> {
    const value: ClaimValue = { ...t.value, s };
    if (result) value.r = await this.d.seal(t.copy, t.name, result);
    else delete value.r;
    await this.d.variables.update(t.name, encodeClaim(value));
    t.value = value;
  }

  /**
   * The refresh failed. Surely unsent: the claim goes, and the token stays usable for anyone. Refused
   * by the provider: spent, nobody presents it again. Unknown: the claim stays until its deadline.
   */
  async failed(t: Ticket, spent: 'no' | 'yes' | 'unknown'): Promise<void> {
    // Near its deadline a claim may soon be taken over: deleted then, it would free its name for a job
    // still holding the copy, which would create it again and present the token. It expires instead.
    const late = t.sentAt !== undefined && this.d.monotonic() > t.sentAt + t.value.l * 1000 - RELEASE_MARGIN_MS;
    try {
      if (spent === 'no' && !late) await this.release(t);
      else if (spent === 'yes') await this.write(t, 'spent');
    } catch {
      this.d.info(`Could not update the claim beside ${this.d.target}; the next run waits for its deadline.`);
    }
  }

  /**
   * Deletes this job's claim. A delete whose answer was lost is not repeated blindly, which could
   * delete a claim another job has made since: it is read back first.
   */
  async release(t: Pick<Ticket, 'name' | 'value'>): Promise<void> {
    for (let round = 0; round < CREATE_ROUNDS; round++) {
      if ((await this.d.variables.remove(t.name, true)) !== 'unknown') return;
      const seen = await this.read(t.name);
      if (seen?.value.n !== t.value.n) return;
    }
  }

  /**
   * Removes the claims of the copies that dropped out of the newest (src/store/protocol.ts keptClaims),
   * every generation of each. Done before the write-back, so a claim GitHub would not delete is
   * returned, for the value to name until a later run removes it. Never throws.
   */
  async prune(drop: readonly Kept[]): Promise<Kept[]> {
    const left: Kept[] = [];
    for (const k of drop) {
      try {
        for (const name of generationsOf(k.name)) await this.d.variables.remove(name);
      } catch {
        this.d.debug(`Could not delete the claim ${k.name}; a later run removes it.`);
        left.push(k);
      }
    }
    return left;
  }

  /**
   * Claims the copy for a CLI that may present its refresh token during the job (`client-refresh`):
   * the ticket if this job is first, else undefined and the CLI gets no refresh token. It never waits
   * or takes over: the job has a valid access token anyway.
   */
  async claimForCli(copy: Copy): Promise<Ticket | undefined> {
    const name = this.name(copy, 0);
    const value = this.claimValue('cli', CLI_LEASE_MS);
    try {
      const got = await this.create(copy, name, value);
      return 'name' in got ? got : undefined;
    } catch (err) {
      // A create GitHub may have made but never confirmed would hold the copy for a CLI's whole lease, for a
      // CLI that gets no refresh token: released once more if it is this job's. The error stands either way.
      await this.read(name)
        .then((seen) => (seen?.value.n === value.n ? this.release({ name, value }) : undefined))
        .catch(() => this.d.debug(`Could not check for an unconfirmed claim ${name}; its lease ends it.`));
      throw err;
    }
  }

  /** A CLI's claim after the job: settled (with the result) when the CLI spent the token, else released. */
  async endCli(t: Ticket, result: Result | undefined): Promise<void> {
    if (result) await this.write(t, 'settled', result);
    else await this.release(t);
  }

  /**
   * Writes the rescue a settled claim carries to the secret, under a leased lock of its own, so one
   * job writes it and a job that dies doing so blocks the others for a lease at most. Others use the
   * rescued access token when it is fresh (`fresh`), or wait for the write. True when this job wrote.
   */
  async recover(copy: Copy, found: Extract<Reservation, { kind: 'result' }>, r: Recovery): Promise<boolean> {
    const { name: claim, result } = found;
    const start = this.d.monotonic();
    for (let gen = 0; gen < MAX_GENERATIONS; ) {
      const name = this.name(copy, gen, true);
      const lock = await this.create(copy, name, this.claimValue('busy', this.d.leaseMs));
      if ('name' in lock) {
        // A recoverer may have finished since the claim was read and freed the lock just now, within the
        // same second of updated_at: the claim says whether its rescue still waits.
        if (!found.rescueInClaim || (await this.stillRescued(copy, claim))) {
          return this.recoverUnder(lock, gen, claim, result, r);
        }
        await this.release(lock).catch(() => undefined);
        return false;
      }
      if (r.fresh) return false;
      // A lock is never settled: what the wait returns expired with its holder, so the next generation may go.
      if (await this.waitFor(name, lock, start)) gen++;
      // Done when the claim no longer carries the rescue; else the lock is free to take.
      if (!(await this.stillRescued(copy, claim))) return false;
    }
    throw new UserError(
      'OB_WRITE_BACK',
      `credentials: ${MAX_GENERATIONS} jobs in a row failed to store the rescued credentials; run this job again.`,
      { details: `The rescued credentials stay sealed beside ${this.d.target} until one succeeds.` },
    );
  }

  /** Whether the claim still carries a rescue: no recoverer has stored it yet. */
  private async stillRescued(copy: Copy, claim: string): Promise<boolean> {
    const seen = await this.read(claim);
    const still = seen?.value.r ? await this.d.open(copy, claim, seen.value.r) : undefined;
    return !!still?.rescue;
  }

  private async recoverUnder(lock: Ticket, gen: number, claim: string, result: Result, r: Recovery): Promise<boolean> {
    let wrote: boolean;
    try {
      wrote = await r.write();
    } catch (err) {
      await this.release(lock).catch(() => undefined);
      throw err;
    }
    // In the secret now, or superseded there: no job writes it again.
    const seen = await this.read(claim).catch(() => undefined);
    if (seen) {
      const held = Claims.ticket(lock.copy, claim, seen.value);
      await this.write(held, seen.value.s, { successor: result.successor }).catch(() => undefined);
    }
    // This lock, and those of recoverers that died before it: nothing of the recovery stays.
    const dead = Array.from({ length: gen }, (_, g) => this.name(lock.copy, g, true));
    await this.release(lock).catch(() => undefined);
    for (const name of dead) await this.d.variables.remove(name).catch(() => undefined);
    return wrote;
  }

  /** Whether the holder of `t` still has time for an attempt before its deadline (src/store/protocol.ts). */
  hasTime(t: Ticket): boolean {
    return t.sentAt === undefined || answerBy(t.sentAt, t.value.l * 1000) - this.d.monotonic() >= MIN_ATTEMPT_MS;
  }

  /** The ticket a step saved for another (the post step): its claim's name and value. */
  static ticket(copy: Copy, name: string, value: ClaimValue): Ticket {
    return { copy, name, value };
  }
}

/** What a recovery needs from the caller. */
export interface Recovery {
  /** The rescued access token is valid for min-ttl: no need to wait for another job's write. */
  fresh: boolean;
  /** Writes the rescued credentials unless the secret changed since they were rescued; true when written. */
  write: () => Promise<boolean>;
}
