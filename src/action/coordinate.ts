// Wires the claims between jobs (src/store/claims.ts) for one step: the variables beside the
// target, GitHub's clock, the sealing of results, and the Actions cache as the last resort for a
// rescue (docs/design.md, "Coordination").
import { timings } from '../core/env.js';
import type { GitHubApi } from '../github/api.js';
import type { Credentials } from '../core/formats/index.js';
import { checksSeed, claimsOf, isOldCopy as markedOld, type Kept, writtenAt } from '../core/marker.js';
import { jobEnded, thisJob } from '../github/jobs.js';
import { currentUpdatedAt, secretExists } from '../github/secret-read.js';
import { describeTarget, type SecretTarget } from '../github/target.js';
import { Variables } from '../github/variables.js';
import { actionsCacheBackend, cacheAvailable } from '../store/cache-backend.js';
import { Claims, type Copy, type Result, type Ticket } from '../store/claims.js';
import { claimName, copyId } from '../store/protocol.js';
import { openResult, sealResult } from '../store/seal.js';
import { SharedStore, type Successor } from '../store/shared.js';
import type { Config } from './inputs.js';
import type { Deps } from './deps.js';

/**
 * The key material of a copy's results: the copy and the github-token, so that whoever holds an old
 * copy and can read the repository's variables or the cache, but not the token, opens nothing.
 */
export function material(copy: Copy, binding: string): string {
  return `${copy.refreshToken}\n${copy.accessToken ?? ''}\n${binding}`;
}

/** The coordination of one step: its claims and, when the store is on, the cache that keeps a last-resort rescue. */
export interface Coordination {
  claims: Claims;
  store?: SharedStore;
  /** Keeps a rescue in the claim, else in the cache; true when kept. */
  keepRescue(ticket: Ticket, result: Result): Promise<boolean>;
}

/** `readUpdatedAt`: the secret's updated_at as this step last read it before claiming (src/store/claim-io.ts). */
export function coordinate(deps: Deps, cfg: Config, api: GitHubApi, readUpdatedAt?: () => string): Coordination {
  const target = cfg.secret as SecretTarget;
  const binding = cfg.githubToken as string;
  const t = timings(deps.env);
  const store = openStore(deps, cfg);
  const key = (copy: Copy) => material(copy, binding);
  const claims = new Claims({
    variables: new Variables(api, target),
    githubNow: () => api.githubNow(),
    monotonic: deps.monotonic,
    sleep: deps.sleep,
    secret: target.name,
    target: describeTarget(target),
    leaseMs: t.leaseMs,
    lockTimeoutMs: cfg.lockTimeoutMs,
    pollMs: t.pollMs,
    targetUpdatedAt: async () => Date.parse(await currentUpdatedAt(api, target)),
    ...(readUpdatedAt ? { readUpdatedAt } : {}),
    seal: async (copy, name, result) => sealResult(key(copy), name, result),
    open: async (copy, name, sealed) => resultOf(openResult(key(copy), name, sealed)),
    ...(store
      ? { ref: pullRequestRef(deps.env.GITHUB_REF), cached: async (copy: Copy) => fromCache(store, key(copy)) }
      : {}),
    job: thisJob(deps.env),
    jobEnded: (job) => jobEnded(api, job),
    info: (m) => deps.core.info(m),
    warning: (m) => deps.core.warning(m),
    debug: (m) => deps.core.debug(m),
  });
  return {
    claims,
    store,
    async keepRescue(ticket, result) {
      if (await claims.rescue(ticket, result)) return true;
      if (!store || !result.rescue) return false;
      const { credentials, secretUpdatedAt } = result.rescue;
      return store.done(key(ticket.copy), { ...result.successor, credentials, secretUpdatedAt });
    },
  };
}

/**
 * The ref whose Actions cache a rescue would go to, when jobs on other refs cannot read it: a pull
 * request's. (A branch's cache other branches cannot read either, but the default branch, whose cache
 * every ref reads, cannot be told from the runner's environment: a dead holder on a branch is taken over.)
 */
function pullRequestRef(ref: string | undefined): string | undefined {
  return ref && /^refs\/pull\//.test(ref) ? ref : undefined;
}

/**
 * A copy this job must not present, nor hand a CLI: one the secret has long moved past (its marker),
 * or one an earlier version claimed (its claim, a secret of the same name as this version's first).
 */
export async function isOldCopy(api: GitHubApi, t: SecretTarget, updatedAt: string, copy: Credentials) {
  if (markedOld(copy.doc, updatedAt)) return true;
  if (writtenAt(copy.doc) === undefined || claimsOf(copy.doc)) return false;
  return secretExists(api, t, claimName(copyId(copy.refreshToken, copy.accessToken), 0));
}

/**
 * The claim a value names for the copy it replaced, timed by when that copy was written. The first claim
 * of a chain (on a copy that names none: a login stored by hand, or one an earlier version wrote) is its
 * seed, made `at`: it stays for as long as the chain, and records the copies buried since. A copy whose
 * holders check the seed's claim may be buried.
 */
export function claimOn(copy: Credentials, name: string, at: number): Kept {
  if (!claimsOf(copy.doc)) return { name, at, seed: true };
  return { name, at: writtenAt(copy.doc) ?? at, ...(checksSeed(copy.doc) ? { checks: true } : {}) };
}

/** The seed's claim a copy's value names, if any. */
export function seedOf(copy: Credentials): string | undefined {
  return claimsOf(copy.doc)?.find((k) => k.seed)?.name;
}

/** The seed's claim a job holding this copy reads before presenting it, if its marker asks. */
export function seedToCheck(copy: Credentials): string | undefined {
  return checksSeed(copy.doc) ? seedOf(copy) : undefined;
}

/** A sealed result as the claims carry it; undefined for anything else. */
function resultOf(v: unknown): Result | undefined {
  const r = v as Result | null;
  if (!r || typeof r !== 'object' || r.successor?.kind !== 'next' || typeof r.successor.accessToken !== 'string') {
    return undefined;
  }
  const rescue = r.rescue;
  if (rescue && (typeof rescue.credentials !== 'string' || typeof rescue.secretUpdatedAt !== 'string'))
    return undefined;
  if (r.recovered !== undefined && (typeof r.recovered !== 'string' || Number.isNaN(Date.parse(r.recovered))))
    return undefined;
  return r;
}

/** A rescue kept in the cache, as a result. */
async function fromCache(store: SharedStore, key: string): Promise<Result | undefined> {
  const s = await store.successor(key);
  if (!s?.credentials) return undefined;
  const { credentials, secretUpdatedAt, ...successor } = s;
  return { successor: successor as Successor, rescue: { credentials, secretUpdatedAt: secretUpdatedAt ?? '' } };
}

function openStore(deps: Deps, cfg: Config): SharedStore | undefined {
  const { core } = deps;
  if (!cfg.share) {
    core.info('share: false; jobs that hold the same credentials get no shared result.');
    return undefined;
  }
  const missing = deps.backend ? undefined : cacheAvailable(deps.env);
  if (missing) {
    core.debug(`No Actions cache for a last-resort rescue: ${missing}.`);
    return undefined;
  }
  const t = timings(deps.env);
  return new SharedStore(deps.backend ?? actionsCacheBackend(deps.env, (m) => core.debug(m), t.cacheTimeoutMs));
}
