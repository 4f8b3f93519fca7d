// src/store: what jobs holding the same login share: the claims protocol (its decisions in
// protocol.ts, its talking to one claim in claim-io.ts, the recovery of a rescue in recovery.ts), the
// sealed results and rescues, and the Actions cache as a rescue's last resort. May import: core, github.
//
// The claims between jobs that hold the same credentials (docs/design.md, "Coordination"): an Actions
// variable beside the secret decides the one job that presents a copy's refresh token. Every job
// that can write the secret sees it, on any ref, in any repository, on GHES. Ownership is read
// back, never assumed; deadlines are judged on GitHub's clock; the result travels sealed in the
// claim. This module is the refresh's side: reserve, settle, fail, and a CLI's claim.
import { formatDuration } from '../core/duration.js';
import { RELOGIN, RERUN_OLD_COPY, UserError } from '../core/errors.js';
import type { Kept } from '../core/marker.js';
import { neutral } from '../core/neutral.js';
import { ClaimIo, at, type ClaimsDeps, type Copy, type Reservation, type Result, type Ticket } from './claim-io.js';
import {
  CLI_LEASE_MS,
  MAX_GENERATIONS,
  afterExpiry,
  encodeClaim,
  generationsOf,
  isBuried,
  hasTime,
  mayRelease,
  otherRefOf,
  parseClaimName,
  untilNextStamp,
  withBuried,
  writtenSince,
  type ClaimValue,
  type Dropped,
  type SeenClaim,
} from './protocol.js';
import { type Recovered, recover, type Recovery } from './recovery.js';

export type { ClaimsDeps, ClaimVariables, Copy, Reservation, Result, Ticket } from './claim-io.js';
export type { Recovered, Recovery } from './recovery.js';

export class Claims {
  private readonly io: ClaimIo;

  constructor(private readonly d: ClaimsDeps) {
    this.io = new ClaimIo(d);
  }

  /**
   * Reserves the one presentation of the copy's refresh token, or returns the result of the job that
   * made it. Throws, saying why and what to do, when this job can have neither.
   */
  async reserve(copy: Copy): Promise<Reservation> {
    let waited = false;
    const start = this.d.monotonic();
    for (let gen = 0; gen < MAX_GENERATIONS; ) {
      const name = this.io.name(copy, gen);
      const got = await this.io.create(copy, name, this.io.claimValue('busy', this.d.leaseMs));
      if ('name' in got) {
        // A takeover looks again, as late as it can: a holder slow to settle may have settled since.
        if (gen > 0 && (await this.settledSince(this.io.name(copy, gen - 1)))) {
          await this.io.release(got);
          gen--;
          continue;
        }
        return { kind: 'owner', ticket: got };
      }
      let seen: SeenClaim | undefined = got;
      for (;;) {
        const j = await this.io.judgedNow(seen);
        if (j.kind === 'held') {
          if (!waited) {
            waited = true;
            const holder = j.cli ? "another job's CLI, until that job ends" : 'another job';
            this.d.info(
              `These credentials are being refreshed by ${holder}; waiting up to lock-timeout ` +
                `${formatDuration(this.d.lockTimeoutMs)}.`,
            );
          }
          seen = await this.io.waitFor(name, seen, start);
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
        // Its time is the claim's: the provider answered no sooner, and the rescue was written no sooner.
        if (cached) return { kind: 'result', result: cached, name, settledAt: seen.createdAt };
        // The holder's write-back is the second sign it got that far, if its settle was lost.
        const next = afterExpiry(seen, await this.d.targetUpdatedAt(), this.d.ref);
        if (next === 'old') throw this.oldCopy();
        if (next === 'other-ref') throw this.otherRef(seen.value.ref as string, true);
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
    const seen = await this.io.read(name);
    if (!seen || this.io.judged(seen).kind !== 'expired') return true;
    return writtenSince(seen, await this.d.targetUpdatedAt());
  }

  /** The copy held was spent by another job: nothing to present, nothing to take. */
  oldCopy(): UserError {
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
    const found = await this.io.resultOf(copy, name, seen);
    // When the provider answered: a rescue or its recovery rewrites the claim later, which moves updated_at.
    const settled = { name, settledAt: seen.value.a ? Date.parse(seen.value.a) : seen.updatedAt };
    if (found?.rescue) return { kind: 'result', result: found, ...settled, rescueInClaim: true };
    const { w } = seen.value;
    const unstored = w !== undefined && this.d.cached && (await this.d.targetUpdatedAt()) === Date.parse(w);
    if (unstored) {
      const cached = await this.d.cached?.(copy);
      if (cached) return { kind: 'result', result: cached, ...settled };
    }
    const elsewhere = unstored ? otherRefOf(seen, this.d.ref) : undefined;
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
      await this.io.write(t, 'settled', result);
    } catch {
      this.d.warning(`Could not settle the claim beside ${this.d.target}; the write-back will show it settled.`);
      const wait = untilNextStamp(t.claimedAt, this.d.monotonic());
      if (wait > 0) await this.d.sleep(wait);
    }
  }

  /** Rotated but not written: the credentials sealed in the claim for the next run; true when kept. */
  async rescue(t: Ticket, result: Result): Promise<boolean> {
    try {
      await this.io.write(t, 'settled', result);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The refresh failed. Surely unsent: the claim goes, and the token stays usable for anyone. Refused
   * by the provider: spent, nobody presents it again. Unknown: the claim stays until its deadline.
   */
  async failed(t: Ticket, spent: 'no' | 'yes' | 'unknown'): Promise<void> {
    try {
      if (spent === 'no' && mayRelease(t.sentAt, t.value.l, this.d.monotonic())) await this.io.release(t);
      else if (spent === 'yes') await this.io.write(t, 'spent');
    } catch {
      this.d.info(`Could not update the claim beside ${this.d.target}; the next run waits for its deadline.`);
    }
  }

  /** Deletes this job's claim, reading back a delete whose answer was lost (src/store/claim-io.ts). */
  release(t: Pick<Ticket, 'name' | 'value'>): Promise<void> {
    return this.io.release(t);
  }

  /**
   * Removes the claims of the copies that dropped out of the newest (src/store/protocol.ts keptClaims),
   * every generation of each, the buried ones once the seed's claim records them. Done before the
   * write-back, so a claim GitHub would not delete (or bury) is returned, for the value to name until a
   * later run removes it. Never throws.
   */
  async prune(drop: readonly Dropped[]): Promise<Kept[]> {
    const recorded = await this.bury(drop.filter((k) => k.into));
    const left: Kept[] = [];
    for (const { into, ...k } of drop) {
      if (into && !recorded.has(into)) {
        left.push(k);
        continue;
      }
      try {
        for (const name of generationsOf(k.name)) await this.d.variables.remove(name);
      } catch {
        this.d.debug(`Could not delete the claim ${k.name}; a later run removes it.`);
        left.push(k);
      }
    }
    return left;
  }

  /** Records the buried copies in their seed's claim, before their claims go; the seeds that recorded them. */
  private async bury(buried: readonly Dropped[]): Promise<Set<string>> {
    const recorded = new Set<string>();
    for (const into of new Set(buried.map((k) => k.into as string))) {
      // Read again before each attempt: what another job recorded meanwhile stays.
      const recording = async (): Promise<string> => {
        const seed = await this.io.read(into);
        if (!seed) throw new Error(`the claim ${into} is gone`);
        return encodeClaim({
          ...seed.value,
          d: withBuried(
            seed.value.d,
            buried.filter((k) => k.into === into),
          ),
        });
      };
      try {
        await this.d.variables.update(into, await recording(), recording);
        recorded.add(into);
      } catch {
        this.d.debug(`Could not record buried copies in the claim ${into}; their claims stay.`);
      }
    }
    return recorded;
  }

  /**
   * Whether the copy this job just claimed was buried (src/store/protocol.ts keptClaims): its old claim
   * was removed while the copy could still pass for current, so only the seed's claim (`seed`, the one the
   * copy's value names) says it is spent. A copy that is its chain's seed, or names none, was never buried.
   */
  async buried(t: Ticket, seed: string | undefined): Promise<boolean> {
    if (!seed || parseClaimName(seed)?.id === parseClaimName(t.name)?.id) return false;
    return isBuried((await this.io.read(seed))?.value, t.name);
  }

  /**
   * Claims the copy for a CLI that may present its refresh token during the job (`client-refresh`):
   * the ticket if this job is first; 'held' when another job holds it, 'buried' when it was spent long
   * since (`seed`: the seed's claim the copy names); then the CLI gets no refresh token. It never waits
   * or takes over: the job has a valid access token anyway.
   */
  async claimForCli(copy: Copy, seed: string | undefined): Promise<Ticket | 'held' | 'buried'> {
    const name = this.io.name(copy, 0);
    const value = this.io.claimValue('cli', CLI_LEASE_MS);
    let got: Ticket | SeenClaim;
    try {
      got = await this.io.create(copy, name, value);
    } catch (err) {
      // A create GitHub may have made but never confirmed would hold the copy for a CLI's whole lease, for a
      // CLI that gets no refresh token: released once more if it is this job's. The error stands either way.
      await this.io
        .read(name)
        .then((seen) => (seen?.value.n === value.n ? this.release({ name, value }) : undefined))
        .catch(() => this.d.debug(`Could not check for an unconfirmed claim ${name}; its lease ends it.`));
      throw err;
    }
    if (!('name' in got)) return 'held';
    const buried = await this.buried(got, seed).catch(async (err: unknown) => {
      await this.release(got).catch(() => undefined);
      throw err;
    });
    if (!buried) return got;
    await this.release(got).catch(() => undefined);
    return 'buried';
  }

  /** Writes the rescue a settled claim carries to the secret, under a lock of its own (src/store/recovery.ts). */
  recover(copy: Copy, found: Extract<Reservation, { kind: 'result' }>, r: Recovery): Promise<Recovered> {
    return recover(this.io, copy, found, r);
  }

  /** Whether the holder of `t` still has time for an attempt before its deadline (src/store/protocol.ts). */
  hasTime(t: Ticket): boolean {
    return hasTime(t.sentAt, t.value.l, this.d.monotonic());
  }

  /** The ticket a step saved for another (the post step): its claim's name and value. */
  static ticket(copy: Copy, name: string, value: ClaimValue): Ticket {
    return { copy, name, value };
  }
}
