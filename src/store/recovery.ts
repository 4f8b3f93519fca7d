// The recovery of a rescue (docs/design.md, "Results and rescues"): a holder whose write-back failed
// left its rotated credentials sealed in its claim (or the Actions cache). One job writes them to the
// secret, under a leased lock of its own, a claim named by the copy with an R: a job that dies doing
// so blocks the others for a lease at most, and the next recoverer removes its lock.
import { UserError } from '../core/errors.js';
import type { ClaimIo, Copy, Reservation, Result, Ticket } from './claim-io.js';
import { MAX_GENERATIONS } from './protocol.js';

/** What a recovery needs from the caller. */
export interface Recovery {
  /** The rescued access token is valid for min-ttl: no need to wait for another job's write. */
  fresh: boolean;
  /**
   * Writes the rescued credentials unless the secret changed since they were rescued; when written, the time
   * the value is stamped with (ISO, its written_at), which is what a job holding it is stamped with.
   */
  write: () => Promise<string | undefined>;
}

/** What came of a recovery: whether this job wrote the rescue, and when whoever wrote it did, if anyone did. */
export interface Recovered {
  wrote: boolean;
  at?: string;
}

/**
 * Writes the rescue `found` carries, unless another job does. Others use the rescued access token
 * when it is fresh (`fresh`), or wait for the write, and learn when it was written from the claim.
 */
export async function recover(
  io: ClaimIo,
  copy: Copy,
  found: Extract<Reservation, { kind: 'result' }>,
  r: Recovery,
): Promise<Recovered> {
  const { name: claim, result } = found;
  const start = io.d.monotonic();
  for (let gen = 0; gen < MAX_GENERATIONS; ) {
    const name = io.name(copy, gen, true);
    const lock = await io.create(copy, name, io.claimValue('busy', io.d.leaseMs));
    if ('name' in lock) {
      // A recoverer may have finished since the claim was read and freed the lock just now, within the
      // same second of updated_at: the claim says whether its rescue still waits.
      const seen = found.rescueInClaim ? await resultIn(io, copy, claim) : undefined;
      if (!found.rescueInClaim || seen?.rescue) return recoverUnder(io, lock, gen, claim, result, r);
      await io.release(lock).catch(() => undefined);
      return done(seen);
    }
    if (r.fresh) return { wrote: false };
    // A lock is never settled: what the wait returns expired with its holder, so the next generation may go.
    if (await io.waitFor(name, lock, start)) gen++;
    // Done when the claim no longer carries the rescue; else the lock is free to take.
    const seen = await resultIn(io, copy, claim);
    if (!seen?.rescue) return done(seen);
  }
  throw new UserError(
    'OB_WRITE_BACK',
    `credentials: ${MAX_GENERATIONS} jobs in a row failed to store the rescued credentials; run this job again.`,
    { details: `The rescued credentials stay sealed beside ${io.d.target} until one succeeds.` },
  );
}

/** The result the claim carries now: with the rescue while no recoverer has stored it. */
async function resultIn(io: ClaimIo, copy: Copy, claim: string): Promise<Result | undefined> {
  return io.resultOf(copy, claim, await io.read(claim));
}

/** Another recoverer finished: when it wrote, if it did. */
function done(seen: Result | undefined): Recovered {
  return { wrote: false, ...(seen?.recovered ? { at: seen.recovered } : {}) };
}

/** Under the lock: the write, then the claim's rescue taken out, then every lock of this copy removed. */
async function recoverUnder(
  io: ClaimIo,
  lock: Ticket,
  gen: number,
  claim: string,
  result: Result,
  r: Recovery,
): Promise<Recovered> {
  let at: string | undefined;
  try {
    at = await r.write();
  } catch (err) {
    await io.release(lock).catch(() => undefined);
    throw err;
  }
  // In the secret now, or superseded there: no job writes it again. Those waiting learn when it was written:
  // by this job, or by a recoverer before it (whose record this rewrite keeps; this job then wrote nothing).
  const seen = await io.read(claim).catch(() => undefined);
  const before = await io.resultOf(lock.copy, claim, seen);
  const recovered = before?.recovered ?? at;
  if (seen) {
    // It may be a seed's: what burials recorded in it since this read stays.
    const held: Ticket = { copy: lock.copy, name: claim, value: seen.value, seed: true };
    await io
      .write(held, seen.value.s, { successor: result.successor, ...(recovered ? { recovered } : {}) })
      .catch(() => undefined);
  }
  // This lock, and those of recoverers that died before it: nothing of the recovery stays.
  const dead = Array.from({ length: gen }, (_, g) => io.name(lock.copy, g, true));
  await io.release(lock).catch(() => undefined);
  for (const name of dead) await io.d.variables.remove(name).catch(() => undefined);
  const when = at ?? recovered;
  return { wrote: at !== undefined, ...(when ? { at: when } : {}) };
}
