// The protocol between jobs that hold the same credentials (docs/design.md, "Coordination").
// A claim, a secret created beside the target, decides the one job that presents a refresh
// token: every job that can write the target sees it, on any ref, in any repository, on GHES.
// The shared store (Actions cache, per ref) hands that job's result to the others it can
// reach, and keeps what the secret could not take. Nothing here spends a token.
import { hkdfSync, randomBytes } from 'node:crypto';
import type { Credentials } from '../core/credentials.js';
import type { Deps } from '../action/deps.js';
import { timings } from '../core/env.js';
import { formatDuration } from '../core/duration.js';
import { MAX_ERROR_LINE, RELOGIN, RERUN_OLD_COPY, UserError, describeError, warnWith } from '../core/errors.js';
import { neutral } from '../core/neutral.js';
import type { GitHubApi } from '../github/api.js';
import { SecretsBeside, type Preflight } from '../github/secrets.js';
import { CLAIM_NAME, describeTarget, type SecretTarget } from '../github/target.js';
import type { Config } from '../action/inputs.js';
import { actionsCacheBackend, cacheAvailable } from './cache-backend.js';
import { SharedStore, type Successor } from './shared.js';

const PREFIX = 'OAUTH_BROKER_';
// Takeovers of dead holders; each comes only after a lease, so five is hours of failures.
const MAX_GENERATIONS = 5;
// A claim should outlive every copy that could still present its token (a job waits up to 24 h
// in the queue, longer for an environment's approval), yet never crowd GitHub's limit on secrets:
// the claims of the 30 newest copies stay, if under 7 days old; the others go, a few per run
// (docs/design.md, "Pruning").
const PRUNE_AGE_MS = 7 * 86_400_000;
const KEEP_NEWEST = 30;
const MAX_DELETES = 10;
// How long a job waits for the result of a settled claim: the write-back takes about a second.
const SETTLED_WAIT_MS = 30_000;
// GitHub stamps created_at and updated_at in whole seconds: a write sent this long after the
// claim's answer arrived is stamped in a later second than the claim (a little over 1 s, for
// timers and clocks that count whole milliseconds).
const NEXT_STAMP_MS = 1_010;

/** Who holds a claim: its holder's deadline, and whether it already settled. */
type Holder =
  | { kind: 'settled' }
  | { kind: 'busy'; since: number; expires: number }
  | { kind: 'dead'; since: number }
  | { kind: 'released' };

/** This job may present the refresh token of `copy`, once. */
export interface Ticket {
  copy: Credentials;
  claim: string;
  settled: string;
}

/** A claim this job made: when GitHub's answer arrived, by this job's monotonic clock. */
export interface Claimed extends Ticket {
  claimedAt: number;
}

export type Reservation = { kind: 'owner'; ticket: Claimed } | { kind: 'shared'; successor: Successor };

/** How sure a failed refresh is that the token was not presented, which decides who may try next. */
export type Spent = 'no' | 'yes' | 'unknown';

/** Secrets beside the target, as the claims need them (src/github/secrets.ts SecretsBeside). */
export interface Beside {
  /** Creates the secret if absent: true when this call created it. */
  create(name: string, value: string): Promise<boolean>;
  /** Creates or updates it, retried like any write: for markers, where either answer will do. */
  mark(name: string, value: string): Promise<void>;
  /** The target's updated_at, epoch ms. */
  targetUpdatedAt(): Promise<number>;
  /** When it was created, epoch ms; undefined when absent. */
  createdAt(name: string): Promise<number | undefined>;
  remove(name: string): Promise<void>;
  list(prefix: string): Promise<Array<{ name: string; createdAt: number }>>;
}

export interface CoordinationDeps {
  beside: Beside;
  store?: SharedStore;
  /** Binds the store's entries to what an old copy does not give (docs/design.md, "What a cache reader learns"). */
  binding: string;
  now: () => number;
  /** A clock no step of the wall clock moves, for a wait measured from a moment of this job's. */
  monotonic: () => number;
  sleep: (ms: number) => Promise<void>;
  startedAt: number;
  leaseMs: number;
  lockTimeoutMs: number;
  info: (message: string) => void;
  warning: (message: string) => void;
  /** Names the secret in messages. */
  target: string;
}

/** Names a copy by a keyed hash: the same for every job holding it, revealing nothing of it. */
function copyId(c: Credentials): string {
  const ikm = `${c.refreshToken}\n${c.accessToken ?? ''}`;
  return Buffer.from(hkdfSync('sha256', ikm, 'oauth-broker claim v1', 'claim id', 10))
    .toString('hex')
    .toUpperCase();
}

function ticketFor(copy: Credentials, gen: number): Ticket {
  const claim = `${PREFIX}${copyId(copy)}_${gen}`;
  return { copy, claim, settled: `${claim}_S` };
}
const at = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

export class Coordination {
  constructor(private readonly d: CoordinationDeps) {}

  /** The store's key material for a copy: the copy itself and the binding. */
  private material(c: Credentials): string {
    return `${c.refreshToken}\n${c.accessToken ?? ''}\n${this.d.binding}`;
  }

  /** What another job left in the store for this copy: its successor, or rescued credentials. */
  async left(copy: Credentials): Promise<Successor | undefined> {
    return this.d.store?.successor(this.material(copy));
  }

  /**
   * Reserves the one presentation of the copy's refresh token, or returns the result of the
   * job that made it. Throws, saying why and what to do, when this job can have neither.
   */
  async reserve(copy: Credentials): Promise<Reservation> {
    for (let gen = 0, retried = 0; gen < MAX_GENERATIONS; ) {
      const ticket = ticketFor(copy, gen);
      if (await this.d.beside.create(ticket.claim, randomBytes(16).toString('hex'))) {
        return { kind: 'owner', ticket: { ...ticket, claimedAt: this.d.monotonic() } };
      }
      const holder = await this.holder(ticket);
      if (holder.kind === 'released' && retried++ < 2) continue;
      if (holder.kind === 'dead') {
        this.d.info(`The job that claimed these credentials at ${at(holder.since)} never finished; taking over.`);
        gen++;
        continue;
      }
      return this.await(copy, holder);
    }
    throw new UserError(
      `credentials: ${MAX_GENERATIONS} jobs in a row took over this refresh token and none finished; ${RELOGIN}.`,
      {
        details: `The refresh token is probably spent. The secret is ${this.d.target}.`,
      },
    );
  }

  /**
   * Claims the copy for a CLI that may present its refresh token during the job
   * (`client-refresh`): the claim if this job is first, else undefined and the CLI gets no
   * refresh token. It never waits or takes over: the job has a valid access token anyway.
   */
  async claimForCli(copy: Credentials): Promise<Ticket | undefined> {
    const ticket = ticketFor(copy, 0);
    return (await this.d.beside.create(ticket.claim, randomBytes(16).toString('hex'))) ? ticket : undefined;
  }

  private async holder(t: Ticket): Promise<Holder> {
    const since = await this.d.beside.createdAt(t.claim);
    if (since === undefined) return { kind: 'released' };
    if ((await this.d.beside.createdAt(t.settled)) !== undefined) return { kind: 'settled' };
    // The target written after the claim: its holder got that far, even if its settle was lost.
    if ((await this.d.beside.targetUpdatedAt()) > since) return { kind: 'settled' };
    const expires = since + this.d.leaseMs;
    // Only a run that started after the lease ran out takes over: never the holder's own wave.
    if (this.d.now() >= expires && this.d.startedAt >= expires) return { kind: 'dead', since };
    return { kind: 'busy', since, expires };
  }

  /** Another job presented (or is presenting) this refresh token: take its result, or say why not. */
  private async await(copy: Credentials, holder: Holder): Promise<Reservation> {
    const stale = new UserError(
      `credentials: another job already spent this refresh token, so this job holds an old copy; ${RERUN_OLD_COPY}.`,
      { details: `The secret is ${this.d.target}. If that other job failed, its error says what to do.` },
    );
    const { store } = this.d;
    if (holder.kind !== 'busy') {
      // Settled the moment the provider answered: its result follows within moments, unless
      // its holder failed or works on a ref whose cache this job cannot read.
      const wait = Math.min(this.d.lockTimeoutMs, SETTLED_WAIT_MS);
      const found =
        holder.kind === 'settled' ? await store?.wait(this.material(copy), 'refresh', undefined, wait) : undefined;
      if (found?.kind === 'next') return { kind: 'shared', successor: found };
      throw stale;
    }
    const until = `a run started after ${at(holder.expires)} may take over`;
    if (!store) {
      throw new UserError(
        `credentials: another job has been refreshing these credentials since ${at(holder.since)}, and without the ` +
          'shared store this job cannot receive its result; re-run it when that one is done.',
        { details: `If that job died, ${until}.` },
      );
    }
    const limit = formatDuration(this.d.lockTimeoutMs);
    this.d.info(`Another job is refreshing these credentials; waiting up to lock-timeout ${limit} for its result.`);
    const found = await store.wait(this.material(copy), 'refresh', undefined, this.d.lockTimeoutMs);
    if (found?.kind === 'next') return { kind: 'shared', successor: found };
    throw new UserError(
      `lock-timeout: another job claimed the refresh of these credentials at ${at(holder.since)} and shared no ` +
        `result this job can see within ${limit}; re-run this job.`,
      { details: `If that job died, ${until}.` },
    );
  }

  /**
   * The refresh failed. Surely unsent: the claim goes, and the token stays usable for anyone.
   * Spent: settled, nobody presents it again. Unknown: the claim stays until its lease runs out.
   */
  async failed(t: Ticket, spent: Spent): Promise<void> {
    try {
      if (spent === 'no') await this.d.beside.remove(t.claim);
      else if (spent === 'yes') await this.spent(t);
    } catch {
      const lease = formatDuration(this.d.leaseMs);
      this.d.warning(
        `Could not update the claim beside ${this.d.target}; the next run waits for its lease (${lease}).`,
      );
    }
  }

  /**
   * The provider answered: the token is spent, so the claim is settled before anything else,
   * and nobody takes over even if this job is killed before its write-back.
   */
  async spent(t: Pick<Ticket, 'settled'>): Promise<void> {
    await this.d.beside.mark(t.settled, randomBytes(16).toString('hex'));
  }

  /**
   * spent(), before a write-back; never throws. When the twin cannot be written, the write-back
   * is the only sign that the holder got that far, and holder() sees it only in a later second
   * than the claim: so this returns no sooner than that second can have begun. A claim another
   * process made (`claimedAt` unknown: the post step's) waits the whole time.
   */
  async settle(t: Ticket & { claimedAt?: number }): Promise<void> {
    try {
      await this.spent(t);
    } catch {
      this.d.warning(`Could not settle the claim beside ${this.d.target}; the write-back will show it settled.`);
      const wait = t.claimedAt === undefined ? NEXT_STAMP_MS : t.claimedAt + NEXT_STAMP_MS - this.d.monotonic();
      if (wait > 0) await this.d.sleep(wait);
    }
  }

  /** Rotated and written: share the result, and prune claims no copy can need any more. */
  async succeeded(t: Ticket, next: Successor): Promise<void> {
    if (this.d.store && next.accessToken && !(await this.d.store.done(this.material(t.copy), next))) {
      warnWith(
        this.d,
        'Could not share the new access token through the Actions cache; re-run jobs that hold the old credentials.',
        'Jobs holding the old credentials find the claim settled but no result to take, and fail until re-run.',
      );
    }
    await this.prune().catch(() => undefined);
  }

  /** Rotated but not written: the credentials sealed in the store for the next run; true when kept. */
  async rescue(t: Ticket, next: Successor): Promise<boolean> {
    return !!this.d.store && (await this.d.store.done(this.material(t.copy), next));
  }

  /** A CLI's claim after the job: settled when the CLI spent the token, else released for anyone. */
  async endCli(names: Pick<Ticket, 'claim' | 'settled'>, spent: boolean): Promise<void> {
    if (spent) await this.spent(names);
    else await this.d.beside.remove(names.claim);
  }

  /** Removes the oldest copies' claims with their twins, never the newest or any other secret. */
  private async prune(): Promise<void> {
    const now = this.d.now();
    const byCopy = new Map<string, { names: string[]; createdAt: number }>();
    for (const s of await this.d.beside.list(PREFIX)) {
      const m = CLAIM_NAME.exec(s.name);
      if (!m) continue;
      const copy = byCopy.get(m[1]) ?? { names: [], createdAt: s.createdAt };
      copy.names.push(s.name);
      copy.createdAt = Math.max(copy.createdAt, s.createdAt);
      byCopy.set(m[1], copy);
    }
    const copies = [...byCopy.values()].sort((a, b) => b.createdAt - a.createdAt);
    const old = copies.filter((c, i) => i >= KEEP_NEWEST || now - c.createdAt > PRUNE_AGE_MS);
    // Oldest first, and a copy's claim with its twin.
    const names = old
      .reverse()
      .flatMap((c) => c.names)
      .slice(0, MAX_DELETES);
    for (const name of names) await this.d.beside.remove(name);
  }

  /**
   * Finishes the write-back another job could not do, unless the secret changed since. One job
   * writes, under the store's recovery lock; the others use the rescued access token if it is
   * fresh enough, or wait until the write landed before anyone refreshes the rescued token, so
   * a late recovery never overwrites a newer rotation. True when this job wrote.
   */
  async recover(spent: Credentials, s: Successor, r: Recovery): Promise<boolean> {
    const store = this.d.store as SharedStore;
    const key = this.material(spent);
    const write = async (): Promise<boolean> => {
      if (r.secretUpdatedAt !== s.secretUpdatedAt) {
        this.d.info(
          `Found credentials that a job at ${neutral(s.at, 40)} could not store; ${this.d.target} has changed since, ` +
            'so it is left as it is.',
        );
        return false;
      }
      await r.write();
      this.d.info(
        `Recovered the rotated credentials that a job at ${neutral(s.at, 40)} could not store, and wrote them to ` +
          `${this.d.target}.`,
      );
      return true;
    };
    const lock = await store.acquire(key);
    if (lock.state === 'unavailable') return write();
    if (lock.state === 'owner') {
      let wrote: boolean;
      try {
        wrote = await write();
      } catch (err) {
        await store.abort(key, lock.gen, { spent: 'no', message: describeError(err, []) });
        throw err;
      }
      await store.done(key, { kind: 'recovered', at: new Date(this.d.now()).toISOString() });
      return wrote;
    }
    // Another job is writing them. Its access token is enough when fresh; else wait.
    if (r.fresh) return false;
    const result =
      lock.state === 'contended' ? await store.wait(key, 'recover', lock.gen, this.d.lockTimeoutMs) : lock.abort;
    if (result?.kind === 'recovered') return false;
    if (result?.kind === 'abort') {
      const why = neutral(result.message, 1000);
      const full = `Another job could not store the rescued credentials: ${why} Re-run this job.`;
      if (full.length <= MAX_ERROR_LINE) throw new UserError(full);
      throw new UserError('Another job could not store the rescued credentials; re-run this job.', {
        details: `Its error: ${why}`,
      });
    }
    throw new UserError(
      `lock-timeout: another job is storing the rescued credentials and did not finish within ` +
        `${formatDuration(this.d.lockTimeoutMs)}; re-run this job.`,
    );
  }
}

/** What a recovery needs from the caller: the secret as it is now, and how to write it. */
export interface Recovery {
  secretUpdatedAt: string;
  /** The rescued access token is valid for min-ttl: no need to wait for another job's write. */
  fresh: boolean;
  write: () => Promise<void>;
}

/** The coordination of one step: claims beside the target, and (unless only claims are needed) the shared store. */
export function coordinate(
  deps: Deps,
  cfg: Config,
  api: GitHubApi,
  /** Absent when GitHub could not be read: then only the store (the rescue) works. */
  pre: Preflight | undefined,
  withStore = true,
): Coordination {
  const target = cfg.secret as SecretTarget;
  const t = timings(deps.env);
  return new Coordination({
    beside: new SecretsBeside(api, target, pre),
    store: withStore ? openStore(deps, cfg) : undefined,
    binding: cfg.githubToken as string,
    now: deps.now,
    monotonic: () => performance.now(),
    sleep: deps.sleep,
    startedAt: deps.startedAt,
    leaseMs: t.leaseMs,
    lockTimeoutMs: cfg.lockTimeoutMs,
    info: (m) => deps.core.info(m),
    warning: (m) => deps.core.warning(m),
    target: describeTarget(target),
  });
}

function openStore(deps: Deps, cfg: Config): SharedStore | undefined {
  const { core } = deps;
  if (!cfg.share) {
    core.info('share: false; jobs that hold the same credentials get no shared result.');
    return undefined;
  }
  const missing = deps.backend ? undefined : cacheAvailable(deps.env);
  if (missing) {
    core.info(`Shared store off: ${missing}; jobs that hold the same credentials get no shared result.`);
    return undefined;
  }
  const t = timings(deps.env);
  const backend = deps.backend ?? actionsCacheBackend(deps.env, (m) => core.debug(m), t.cacheTimeoutMs);
  return new SharedStore(backend, {
    now: deps.now,
    sleep: deps.sleep,
    info: (m) => core.info(m),
    pollMs: t.pollMs,
    startedAt: deps.startedAt,
  });
}
