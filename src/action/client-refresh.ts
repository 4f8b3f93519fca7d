// client-refresh (docs/design.md, "The claim"): a provider CLI given the refresh token may
// present it during the job, so it gets one only under a claim of this job's, which lasts until the
// post step has written the CLI's rotation back (or the job is gone). What main claims, what the post
// step writes back, settles or releases, and where a rotation goes when the secret refuses it.
import { parseCredentials, serializeCredentials, type Credentials } from '../core/formats/index.js';
import { KEPT_IN_STORE, KEPT_IN_STORE_DETAILS, describeError, explained } from '../core/errors.js';
import { claimsOf, keyOf, type Kept } from '../core/marker.js';
import { GitHubApi } from '../github/api.js';
import { preflight, type Preflight } from '../github/secret-read.js';
import { writeSecret } from '../github/secret-write.js';
import { refuseJobToken } from '../github/token.js';
import { ACTION_WORDING, type SecretTarget } from '../github/target.js';
import { keptClaims } from '../store/protocol.js';
import { successorOf } from '../store/shared.js';
import type { Result } from '../store/claims.js';
import { claimOn, coordinate, isOldCopy } from './coordinate.js';
import { githubDeps, type Deps } from './deps.js';
import type { CliClaim } from './export.js';
import { ticketOf } from './finish.js';
import type { Config } from './inputs.js';
import type { Masker } from './mask.js';
import { sweep } from './sweep.js';
import { PendingFile, type HandoverRecord } from './pending.js';

function client(deps: Deps, cfg: Config): GitHubApi {
  return new GitHubApi(cfg.githubApiUrl, cfg.githubToken as string, githubDeps(deps));
}

/**
 * The claim under which the CLI may hold the refresh token of `copy`, or undefined when another job
 * holds it (then the CLI gets the access token only). It never waits or takes over: the job has a
 * valid access token anyway.
 */
export async function claimForCli(
  deps: Deps,
  cfg: Config,
  copy: Credentials,
  input: Credentials,
  stored?: string,
): Promise<CliClaim | undefined> {
  refuseJobToken(deps.env, cfg.githubToken as string, ACTION_WORDING);
  const api = client(deps, cfg);
  const target = cfg.secret as SecretTarget;
  const pre = await preflight(api, target, keyOf(copy.doc));
  // A copy the secret has moved past holds a spent refresh token: the CLI must never present it.
  if (await isOldCopy(api, target, pre.updatedAt, copy)) {
    deps.core.info('client-refresh: these credentials are an old copy of the secret; the CLI gets the access token.');
    return undefined;
  }
  const ticket = await coordinate(deps, cfg, api, pre.updatedAt).claims.claimForCli(copy);
  if (!ticket) {
    deps.core.info('client-refresh: another job holds the claim on these credentials.');
    return undefined;
  }
  // When main stored the copy, the claims its value names: the post step's write names them in turn.
  const claims = stored === undefined ? undefined : claimsOf(JSON.parse(stored) as Record<string, unknown>);
  const claim: CliClaim = { name: ticket.name, value: JSON.stringify(ticket.value), ...(claims ? { claims } : {}) };
  // Sealed with the input's keys, like the pending file: the post step seals results for this copy.
  if (deps.env.RUNNER_TEMP) {
    try {
      const file = new PendingFile<HandoverRecord>(deps.env.RUNNER_TEMP, input.refreshToken, cfg.githubToken as string);
      file.save({ copy: { refreshToken: copy.refreshToken, accessToken: copy.accessToken } });
      claim.copy = file.path;
    } catch {
      deps.core.warning(
        'client-refresh: could not keep a sealed note in RUNNER_TEMP; a failed post-step write-back cannot be rescued.',
      );
    }
  }
  return claim;
}

/** The copy the CLI was given, from main's sealed note; undefined when there is none to open. */
function handedOver(deps: Deps, cfg: Config, cli: CliClaim): HandoverRecord['copy'] | undefined {
  if (!cli.copy) return undefined;
  try {
    const input = parseCredentials(deps.core.getInput('credentials')).refreshToken;
    return new PendingFile<HandoverRecord>(cli.copy, input, cfg.githubToken as string, true).read()?.copy;
  } catch {
    return undefined;
  }
}

/**
 * The CLI rotated: its credentials go to the secret, and its claim is settled either way (the CLI
 * spent the token it was given: nobody presents it again). If the write fails, they are kept sealed
 * in the claim, or the Actions cache, for the next run holding the copy the CLI was given.
 */
export async function storeForCli(
  deps: Deps,
  cfg: Config,
  masker: Masker,
  next: Credentials,
  cli: CliClaim | undefined,
): Promise<void> {
  const target = cfg.secret as SecretTarget;
  const value = serializeCredentials(next);
  const api = client(deps, cfg);
  const copy = cli && handedOver(deps, cfg, cli);
  const ticket = cli && copy ? ticketOf(copy, cli) : undefined;
  // The claims of the value this write replaces: main's, when main stored one, else the input's.
  const previous = cli?.claims ?? claimsOf(next.doc);
  const successor = successorOf(next, deps.now());
  const coord = coordinate(deps, cfg, api);
  let pre: Preflight | undefined;
  let keep: Kept[] | undefined;
  try {
    pre = await preflight(api, target, keyOf(next.doc));
    const now = api.githubNow() ?? deps.now();
    // When main stored the copy the CLI was given, that copy is marked: its claim is no seed's. Named even
    // without main's note (the copy unknown): a value naming no claims would let a seed's claim be swept.
    const mine = cli && (cli.claims ? { name: cli.name, at: now } : claimOn(next, cli.name, now));
    const claims = mine && keptClaims(previous ?? [], mine, Date.parse(pre.updatedAt));
    keep = claims && [...(await coord.claims.prune(claims.drop)), ...claims.keep];
    await writeSecret(api, target, pre, value, keep ? { claims: keep } : {});
  } catch (err) {
    const result: Result = { successor, rescue: { credentials: value, secretUpdatedAt: pre?.updatedAt ?? '' } };
    const kept = !!ticket && (await coord.keepRescue(ticket, result));
    if (kept) {
      const rotated = `The credentials the CLI rotated are ${KEPT_IN_STORE}.`;
      throw explained('OB_WRITE_BACK', err, describeError(err, masker.values), rotated, undefined, [
        KEPT_IN_STORE_DETAILS,
      ]);
    }
    // Kept nowhere but the file: still, nobody presents the token the CLI spent.
    if (ticket) await coord.claims.settle(ticket);
    throw err;
  }
  // The first write over a login an earlier version (or a hand) stored, as on the broker's own refresh.
  if (keep && !previous)
    await sweep(
      api,
      target,
      keep.map((k) => k.name),
      (m) => deps.core.debug(m),
    );
  if (!ticket) return;
  await coord.claims.endCli(ticket, cfg.share && successor.accessToken ? { successor } : undefined).catch(() => {
    deps.core.info('client-refresh: could not settle the claim; the written secret shows it settled.');
  });
}

/**
 * Ends the CLI's claim: `settle` when the CLI may have spent the token but what it left cannot be
 * stored (nobody presents that token again), `release` when it did not refresh (the token is anyone's again).
 */
export async function endCliClaim(deps: Deps, cfg: Config, cli: CliClaim, end: 'settle' | 'release'): Promise<void> {
  const copy = handedOver(deps, cfg, cli) ?? { refreshToken: '' };
  const { claims } = coordinate(deps, cfg, client(deps, cfg));
  await (end === 'settle' ? claims.settle(ticketOf(copy, cli)) : claims.release(ticketOf(copy, cli)));
}
