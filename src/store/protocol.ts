// The claims protocol's decisions, with no I/O (docs/design.md, "Coordination"): how a claim is named
// and written, what another job's claim means at a given GitHub time, how long a holder may
// present, and which claims a successful holder removes. src/store/claims.ts does the talking.
import { OLD_COPY_AFTER_MS, type Kept } from '../core/marker.js';
import { MIN_ATTEMPT_MS } from '../core/env.js';
import { isJobRef, type JobRef } from '../github/jobs.js';

export const PREFIX = 'OAUTH_BROKER_';

/** What a claim says of its refresh token. */
export type ClaimState =
  /** A job holds it and may present the token before its deadline. */
  | 'busy'
  /** A provider CLI holds the token for the rest of a job (client-refresh). */
  | 'cli'
  /** The provider answered: the token is spent; `r` carries the result when shared. */
  | 'settled'
  /** The provider refused the token: dead, nobody presents it again. */
  | 'spent';

/** A claim's value: public (anyone who can read the repository reads it), so never a token. */
export interface ClaimValue {
  v: 2;
  /** Random: the creator recognises its own claim by it when GitHub's answer was lost. */
  n: string;
  s: ClaimState;
  /** Lease, seconds from the claim's created_at (GitHub's clock): its holder's deadline. */
  l: number;
  /** The secret it was made for (its name): a sweep of leftovers beside one secret leaves the others' alone. */
  t?: string;
  /** The holder's ref when its rescue may go to that ref's Actions cache, which other refs cannot read. */
  ref?: string;
  /** A CLI's job: once it has ended, its claim has too (src/github/jobs.ts). */
  j?: JobRef;
  /** The secret's updated_at when the holder read it: a different one now means a write-back landed. */
  w?: string;
  /** The result, sealed for holders of the copy and the github-token (base64). */
  r?: string;
  /** When it was first settled (GitHub's clock, ISO): later rewrites (a rescue, its recovery) keep it. */
  a?: string;
  /**
   * A seed's claim only: the copies of its chain whose claims were removed while they could still pass
   * for current (their id, and their time), so that a job holding one still never presents it.
   */
  d?: Record<string, string>;
}

// A holder's answer must be in this long before its lease ends, so that its claim is settled (the
// settle retried on a GitHub that fails for a while) before anyone may take over; GitHub's
// whole-second stamps are within it.
export const LEASE_MARGIN_MS = 30_000;
// A CLI holds the token until its job's post step; a job ends within its timeout-minutes (360 by default).
export const CLI_LEASE_MS = 6 * 3_600_000 + 10 * 60_000;
// Takeovers of holders that never settled; each waits out a lease, so five is minutes of failures.
export const MAX_GENERATIONS = 5;
/** At rest, the claims of this many copies stay beside a secret: a job holding one of them finds it settled. */
export const KEEP_COPIES = 3;
// A copy could still pass for current until the secret was written OLD_COPY_AFTER_MS after it (its
// marker, src/core/marker.ts); until then only its claim, or its burial, stops it. Two seconds more, for
// GitHub's whole-second stamps.
const STAMP_SLACK_MS = 2_000;

// A claim won (and checked) longer than this after the secret was read is checked against the secret
// again: the claim of a copy that fast rotations left behind may have been removed meanwhile.
export const RECHECK_AFTER_MS = 1_000;

/** Names a copy by a keyed hash (src/core/keys.ts): the same for every job holding it, revealing nothing of it. */
export { claimId as copyId } from '../core/keys.js';

/**
 * The claim on a copy: generation `gen` (a takeover), or a recovery's lock. Named by the copy alone,
 * so that two secrets given the same login (a copy pasted twice) still present its token once.
 */
export function claimName(id: string, gen: number, recovery = false): string {
  return `${PREFIX}${id}_${recovery ? 'R' : ''}${gen}`;
}

const NAME = /^OAUTH_BROKER_([0-9A-F]{20})_(R?)(\d+)$/;

/** The parts of a claim's name, or undefined for any other variable. */
export function parseClaimName(name: string): { id: string; recovery: boolean; gen: number } | undefined {
  const m = NAME.exec(name.toUpperCase());
  return m ? { id: m[1] as string, recovery: m[2] === 'R', gen: Number(m[3]) } : undefined;
}

const STATES: readonly ClaimState[] = ['busy', 'cli', 'settled', 'spent'];

export function encodeClaim(v: ClaimValue): string {
  return JSON.stringify(v);
}

/** A claim's value as the broker writes it; undefined for anything else (then it is not a claim to trust). */
export function decodeClaim(text: string): ClaimValue | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  const o = v as Partial<ClaimValue> | null;
  if (!o || typeof o !== 'object' || o.v !== 2 || typeof o.n !== 'string' || !STATES.includes(o.s as ClaimState)) {
    return undefined;
  }
  // A lease no holder writes (anyone who can write the repository's variables can write one) is no claim.
  if (typeof o.l !== 'number' || !Number.isFinite(o.l) || o.l <= 0 || o.l > CLI_LEASE_MS / 1000) return undefined;
  if (o.r !== undefined && typeof o.r !== 'string') return undefined;
  if (o.ref !== undefined && typeof o.ref !== 'string') return undefined;
  if (o.t !== undefined && typeof o.t !== 'string') return undefined;
  for (const at of [o.w, o.a])
    if (at !== undefined && (typeof at !== 'string' || !Number.isFinite(Date.parse(at)))) return undefined;
  if (o.j !== undefined && !isJobRef(o.j)) return undefined;
  if (o.d !== undefined && !isBuriedList(o.d)) return undefined;
  return o as ClaimValue;
}

const ID = /^[0-9A-F]{20}$/;

function isBuriedList(d: unknown): d is Record<string, string> {
  if (!d || typeof d !== 'object' || Array.isArray(d)) return false;
  return Object.entries(d).every(
    ([id, at]) => ID.test(id) && typeof at === 'string' && Number.isFinite(Date.parse(at)),
  );
}

/** Another job's claim, as read: its value and GitHub's stamps. */
export interface SeenClaim {
  value: ClaimValue;
  createdAt: number;
  updatedAt: number;
}

export type Judgement =
  /** The token was presented and answered: take the result, or it is spent for good. */
  | { kind: 'settled' }
  | { kind: 'spent' }
  /** Its holder may still present: wait until `until` (GitHub's clock). */
  | { kind: 'held'; until: number; cli: boolean }
  /** Its holder's deadline passed without a settle: a takeover may present the token. */
  | { kind: 'expired' };

/**
 * What a claim means at GitHub time `now`. GitHub stamps whole seconds and its `Date` too, so a
 * deadline is judged a second late: never early, whatever this machine's clock says. A CLI's claim
 * also ends with its job (`jobEnded`, as GitHub said).
 */
export function judge(c: SeenClaim, now: number, jobEnded = false): Judgement {
  const { s } = c.value;
  if (s === 'settled') return { kind: 'settled' };
  if (s === 'spent') return { kind: 'spent' };
  const until = c.createdAt + c.value.l * 1000 + 1000;
  if (now >= until || (s === 'cli' && jobEnded)) return { kind: 'expired' };
  return { kind: 'held', until, cli: s === 'cli' };
}

/**
 * When a holder must have its answer, on its monotonic clock: the claim was made no sooner than
 * `sentAt` (just before its create was sent), so its GitHub deadline is no sooner than this plus the
 * lease; the margin leaves time to settle before anyone may take over.
 */
export function answerBy(sentAt: number, leaseMs: number): number {
  return sentAt + leaseMs - LEASE_MARGIN_MS;
}

/** Whether a holder whose create was sent at `sentAt` (monotonic) still has time for an attempt at `now`. */
export function hasTime(sentAt: number | undefined, leaseS: number, now: number): boolean {
  return sentAt === undefined || answerBy(sentAt, leaseS * 1000) - now >= MIN_ATTEMPT_MS;
}

// A claim is released only this long before its lease ends at the latest (a delete takes a moment).
const RELEASE_MARGIN_MS = 5_000;

/**
 * Whether a holder may still delete its claim at `now` (monotonic). Near its deadline the claim may
 * soon be taken over: deleted then, it would free its name for a job still holding the copy, which
 * would create it again and present the token. It expires instead.
 */
export function mayRelease(sentAt: number | undefined, leaseS: number, now: number): boolean {
  return sentAt === undefined || now <= sentAt + leaseS * 1000 - RELEASE_MARGIN_MS;
}

// GitHub stamps whole seconds: a write sent this long after the claim's answer arrived is stamped
// in a later second than the claim (a little over 1 s, for timers that count whole milliseconds).
const NEXT_STAMP_MS = 1_010;

/**
 * How long a holder whose settle was lost waits before its write-back (monotonic): the write-back is
 * then the only sign the claim was settled, and it counts from the second after the claim's.
 */
export function untilNextStamp(claimedAt: number | undefined, now: number): number {
  return claimedAt === undefined ? NEXT_STAMP_MS : Math.max(0, claimedAt + NEXT_STAMP_MS - now);
}

/** Whether the secret (`updatedAt`, epoch ms) was written after the claim was made: its holder's write-back. */
export function writtenSince(c: SeenClaim, updatedAt: number): boolean {
  return updatedAt >= c.createdAt + 1000;
}

/** The holder's ref, when its rescue may sit in that ref's Actions cache and this job (on `ref`) cannot read it. */
export function otherRefOf(c: SeenClaim, ref: string | undefined): string | undefined {
  return c.value.ref && c.value.ref !== ref ? c.value.ref : undefined;
}

/**
 * What an expired claim leaves a job on `ref` that found no rescue: an old copy when the holder's
 * write-back landed since; the holder's ref to re-run when its rescue may be there; else a takeover.
 */
export function afterExpiry(
  c: SeenClaim,
  updatedAt: number,
  ref: string | undefined,
): 'old' | 'other-ref' | 'take-over' {
  if (writtenSince(c, updatedAt)) return 'old';
  return otherRefOf(c, ref) ? 'other-ref' : 'take-over';
}

/** The lease a holder writes, seconds: whole, and long enough to leave an attempt room after the margin. */
export function leaseSeconds(leaseMs: number): number {
  return Math.max(Math.ceil((LEASE_MARGIN_MS + MIN_ATTEMPT_MS) / 1000), Math.ceil(leaseMs / 1000));
}

/** A claim a new value no longer names; `into`: the seed's claim that records it first (buried). */
export interface Dropped extends Kept {
  into?: string;
}

// A copy written this long after the one it replaced was written starts no burst: its holders need not
// check the seed's claim. Longer than a copy stays young by more than GitHub's stamps and clock can
// blur, so that at most one claim is both young and on such a copy (docs/design.md, "Leftovers").
const CALM_AFTER_MS = OLD_COPY_AFTER_MS + STAMP_SLACK_MS + 10_000;

/**
 * The claims a new value names, and whether its holders must check the seed's claim before presenting it.
 * A claim stays while its copy could still pass for current while the secret's updated_at is `written`
 * (the one this job read, so before its own write-back lands; a claim's time is its copy's, or later): it
 * stops a job holding that copy. Unless that copy's holders check the seed's claim (`checks`): then it is
 * recorded there first (buried), and goes. Named besides: the seed's, and the newest up to KEEP_COPIES.
 * The others drop out, and the holder removes them with every generation of their copy. `now`, GitHub's
 * time: a rotation soon after the one before (a burst) asks the next holders to check the seed.
 */
export function keptClaims(
  previous: readonly Kept[],
  mine: Kept,
  written: number,
  now: number,
): { keep: Kept[]; drop: Dropped[]; checkSeed: boolean } {
  const all = [...previous.filter((k) => k.name !== mine.name), mine];
  const seed = all.find((k) => k.seed);
  const young = (k: Kept): boolean => written - k.at <= OLD_COPY_AFTER_MS + STAMP_SLACK_MS;
  const buriable = (k: Kept): boolean => !!seed && !!k.checks && !k.seed;
  const must = (k: Kept): boolean => k === mine || !!k.seed || (young(k) && !buriable(k));
  const keep = new Set(all.filter(must).map((k) => k.name));
  let room = KEEP_COPIES - all.filter((k) => must(k) && !k.seed).length;
  for (const k of [...all].reverse()) {
    if (room <= 0) break;
    if (keep.has(k.name)) continue;
    keep.add(k.name);
    room--;
  }
  const drop = previous.filter((k) => !keep.has(k.name));
  return {
    keep: all.filter((k) => keep.has(k.name)),
    drop: drop.map((k) => (seed && buriable(k) && young(k) ? { ...k, into: seed.name } : k)),
    checkSeed: !!seed && now - mine.at <= CALM_AFTER_MS,
  };
}

/**
 * A seed's record of buried copies with `add` in it: each by its copy's id and time. Entries whose copy
 * is old by the newest one added (a copy's marker tells it old from then on) go.
 */
export function withBuried(d: Record<string, string> | undefined, add: readonly Kept[]): Record<string, string> {
  const newest = Math.max(...add.map((k) => k.at));
  const kept = Object.entries(d ?? {}).filter(
    ([, at]) => newest - Date.parse(at) <= OLD_COPY_AFTER_MS + STAMP_SLACK_MS,
  );
  const added = add.flatMap((k) => {
    const id = parseClaimName(k.name)?.id;
    return id ? [[id, new Date(k.at).toISOString()] as const] : [];
  });
  return Object.fromEntries([...kept, ...added]);
}

/** Whether the seed's claim `seed` records the copy of the claim `name` as buried: that copy is spent. */
export function isBuried(seed: ClaimValue | undefined, name: string): boolean {
  const id = parseClaimName(name)?.id;
  return !!id && !!seed?.d && Object.hasOwn(seed.d, id);
}

/**
 * Every generation of the copy a claim is about, up to that claim's, highest first: a removal that
 * stops halfway leaves generation 0, which still stops a job holding that copy.
 */
export function generationsOf(name: string): string[] {
  const parsed = parseClaimName(name);
  if (!parsed) return [];
  return Array.from({ length: parsed.gen + 1 }, (_, g) => claimName(parsed.id, parsed.gen - g, parsed.recovery));
}

/**
 * Whether a claim is a leftover beside the secret `secret` (upper case): one of the broker's claims,
 * made for that secret, named by none of its value's claims (`keep`), older than an old copy can be,
 * and held by no job that may still present its token, at GitHub time `now`. The one judgement the
 * action's sweep (src/action/sweep.ts) and `oauth-broker doctor` share.
 */
export function isLeftoverClaim(
  v: { name: string; value: string; createdAt: number; updatedAt: number },
  secret: string,
  keep: readonly string[],
  now: number,
): boolean {
  const claim = parseClaimName(v.name) && decodeClaim(v.value);
  if (!claim || claim.t !== secret || keep.includes(v.name) || now - v.createdAt <= OLD_COPY_AFTER_MS) return false;
  // A seed's claim whose record of buried copies may still stop a job (one holding a copy of another secret's chain).
  const buried = Object.values(claim.d ?? {}).some((at) => now - Date.parse(at) <= OLD_COPY_AFTER_MS + STAMP_SLACK_MS);
  return !buried && judge({ value: claim, createdAt: v.createdAt, updatedAt: v.updatedAt }, now).kind !== 'held';
}
