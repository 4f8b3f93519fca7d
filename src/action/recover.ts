// The recovery of a rescue, the action's side (docs/design.md, "Results and rescues"): another job
// rotated but could not store; this job writes its credentials to the secret unless the secret changed
// since, naming the claim of that rotation. The lock that lets one job write is src/store/recovery.ts's.
import { parseCredentials, serializeCredentials, type Credentials } from '../core/formats/index.js';
import { claimsOf, stamp, writtenAt } from '../core/marker.js';
import { neutral } from '../core/neutral.js';
import type { GitHubApi } from '../github/api.js';
import { currentUpdatedAt, type Preflight } from '../github/secret-read.js';
import { writeSecret } from '../github/secret-write.js';
import { describeTarget, type SecretTarget } from '../github/target.js';
import type { Reservation, Result } from '../store/claims.js';
import { keptClaims } from '../store/protocol.js';
import { claimOn, type Coordination } from './coordinate.js';
import type { Deps } from './deps.js';

/** What a recovery needs of the refresh path's run (src/action/obtain.ts). */
export interface RecoveryRun {
  deps: Pick<Deps, 'core' | 'shield'>;
  api: GitHubApi;
  target: SecretTarget;
  pre: Preflight;
  coord: Coordination;
  /** Whether credentials are valid for min-ttl. */
  fresh: (c: Credentials) => boolean;
  /**
   * The job keeps the copy for refreshes later on (proxy: true): it waits for another job's write even when
   * the rescued access token is fresh, to learn when the copy was written, which its later refresh is judged by.
   */
  keepsCopy: boolean;
}

/**
 * The claims the value of a recovered rescue names, and those that drop out, as every recoverer computes
 * them: the holder's, timed by the copy it presented (so that it drops out in its turn), and those the
 * copy named. `now`, GitHub's time, only decides whether the value asks its holders to check the seed.
 */
function recoveredClaims(
  current: Credentials,
  r: Extract<Reservation, { kind: 'result' }>,
  next: Credentials,
  now: number,
) {
  const rescue = r.result.rescue as NonNullable<Result['rescue']>;
  const mine = claimOn(current, r.name, r.settledAt);
  return keptClaims(claimsOf(next.doc) ?? [], mine, Date.parse(rescue.secretUpdatedAt), now);
}

/**
 * Rescued credentials as the secret holds them once recovered (`updatedAt`, as read since): the rescue
 * carries the marker of the copy before, whose claims and time are not theirs. Their claim is then named
 * and timed as their own, and never buried: whether the recoverer marked them for the seed check is unknown.
 */
export function asRecovered(
  next: Credentials,
  current: Credentials,
  r: Extract<Reservation, { kind: 'result' }>,
  updatedAt: string,
): Credentials {
  const { keep } = recoveredClaims(current, r, next, 0);
  return parseCredentials(stamp(serializeCredentials(next), Date.parse(updatedAt), { claims: keep }));
}

/**
 * Finishes the write-back another job could not do, unless the secret changed since: one job writes,
 * under a leased lock, shielded from the runner's cancel; the others use the rescued access token if
 * it is fresh enough, or wait for that write. `stored`: the value as this job stored it; `at`: when the
 * rescue was written (its written_at), by this job or, as its claim says, another.
 */
export async function recoverRescue(
  run: RecoveryRun,
  current: Credentials,
  r: Extract<Reservation, { kind: 'result' }>,
  next: Credentials,
): Promise<{ stored?: string; at?: string }> {
  const rescue = r.result.rescue as NonNullable<Result['rescue']>;
  const when = neutral(r.result.successor.at, 40);
  const shield = run.deps.shield?.();
  // The value as this job stored it, marker included: a CLI handed it names its claims (client-refresh.ts).
  let stored: string | undefined;
  try {
    const done = await run.coord.claims.recover(current, r, {
      fresh: run.fresh(next) && !run.keepsCopy,
      write: async () => {
        if ((await currentUpdatedAt(run.api, run.target)) !== rescue.secretUpdatedAt) {
          run.deps.core.info(
            `Found credentials that a job at ${when} could not store; ${describeTarget(run.target)} has changed ` +
              'since, so it is left as it is.',
          );
          return undefined;
        }
        const { keep, drop, checkSeed } = recoveredClaims(current, r, next, run.api.githubNow() ?? r.settledAt);
        const undeleted = await run.coord.claims.prune(drop);
        stored = await writeSecret(run.api, run.target, run.pre, rescue.credentials, {
          claims: [...undeleted, ...keep],
          checkSeed,
        });
        run.deps.core.info(
          `Recovered the rotated credentials that a job at ${when} could not store, and wrote them to ` +
            `${describeTarget(run.target)}.`,
        );
        return new Date(writtenAt(parseCredentials(stored).doc) ?? r.settledAt).toISOString();
      },
    });
    return { ...(done.wrote ? { stored } : {}), ...(done.at ? { at: done.at } : {}) };
  } finally {
    shield?.release();
  }
}
