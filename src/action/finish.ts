// The post step's first duty: a main step killed between the provider's answer and the
// write-back (the runner's cancel) left the rotated credentials in its pending file; store
// them, settle the claim and share the result as main would have (docs/design.md, "Cancellation").
import { parseCredentials, secretsOf } from '../core/formats/index.js';
import { KEPT_IN_STORE, KEPT_IN_STORE_DETAILS, RELOGIN, UserError, describeError, explained } from '../core/errors.js';
import { githubDeps, type Deps } from './deps.js';
import { GitHubApi } from '../github/api.js';
import { preflight, type Preflight } from '../github/secret-read.js';
import { writeSecret } from '../github/secret-write.js';
import { describeTarget } from '../github/target.js';
import type { Config } from './inputs.js';
import type { Masker } from './mask.js';
import { PendingFile, type PendingRecord } from './pending.js';
import { Claims, type Result, type Ticket } from '../store/claims.js';
import { decodeClaim } from '../store/protocol.js';
import { coordinate } from './coordinate.js';

export async function finishPending(
  deps: Deps,
  cfg: Config,
  masker: Masker,
  path: string,
  inputRefreshToken: string,
): Promise<void> {
  const { core } = deps;
  if (!cfg.secret || !cfg.githubToken) return;
  const file = new PendingFile(path, inputRefreshToken, cfg.githubToken, true);
  let record: PendingRecord | undefined;
  try {
    record = file.read();
  } catch (err) {
    throw new UserError(
      'OB_WRITE_BACK',
      `oauth-broker: the rotated credentials the main step left in ${path} cannot be opened with this step's ` +
        'inputs; they are left in place.',
      { cause: err, details: 'Were the credentials or github-token inputs changed between the main and post step?' },
    );
  }
  if (!record) return;
  masker.mask(
    record.credentials,
    record.successor.accessToken,
    record.successor.idToken,
    ...secretsOf(parseCredentials(record.credentials)),
  );
  const target = cfg.secret;
  core.info(`The main step stopped before storing the rotated credentials; writing them to ${describeTarget(target)}.`);
  const api = new GitHubApi(cfg.githubApiUrl, cfg.githubToken, githubDeps(deps));
  const coord = coordinate(deps, cfg, api);
  const ticket = ticketOf(record.copy, record.claim);
  // Main's write-back may yet land, after which a seed's claim records burials: every rewrite keeps them.
  ticket.seed = record.keep.some((k) => k.seed && k.name === ticket.name);
  const successor = record.successor;
  const rescued: Result = {
    successor,
    rescue: { credentials: record.credentials, secretUpdatedAt: record.secretUpdatedAt },
  };
  let pre: Preflight | undefined;
  try {
    pre = await preflight(api, target);
    if (pre.updatedAt !== record.secretUpdatedAt) {
      // Main's own write landed before it was killed (after its settle), or a newer rotation did:
      // never overwritten.
      core.info(`${describeTarget(target)} changed since the main step read it, so it is left as it is.`);
      file.clear();
      return;
    }
    // Main may have been killed before its settle landed; a settle refused again leaves the
    // write-back as the sign, so it goes out anyway. The rotation goes in it: a rescue main's own
    // settle may have left there is never replaced by less.
    await coord.claims.settle(ticket, rescued);
    // Main may not have got as far as removing the claims that drop out.
    const undeleted = await coord.claims.prune(record.drop);
    await writeSecret(api, target, pre, record.credentials, {
      claims: [...undeleted, ...record.keep],
      checkSeed: record.checkSeed === true,
    });
  } catch (err) {
    const kept = await coord.keepRescue(ticket, rescued);
    if (kept) file.clear();
    const why = describeError(err, masker.values);
    const what = 'The rotated credentials';
    if (kept)
      throw explained('OB_WRITE_BACK', err, why, `${what} are ${KEPT_IN_STORE}.`, undefined, [KEPT_IN_STORE_DETAILS]);
    const lost = `${what} were not stored, and nothing outlives this job: ${RELOGIN}.`;
    throw explained('OB_LOGIN_LOST', err, why, lost, lost);
  }
  file.clear();
  // Written: the claim keeps what the jobs holding the same copy may use, never the rotation.
  await coord.claims.settle(ticket, cfg.share && successor.accessToken ? { successor } : undefined);
  core.info(`Wrote the rotated credentials to ${describeTarget(target)}.`);
}

/** The ticket of a claim another step made, from what it left: the copy its results are sealed for. */
export function ticketOf(copy: PendingRecord['copy'], claim: { name: string; value: string }): Ticket {
  const value = decodeClaim(claim.value);
  if (!value)
    throw new UserError('OB_CLAIM', `oauth-broker: the claim ${claim.name} the main step left is unreadable.`);
  return Claims.ticket(copy, claim.name, value);
}
