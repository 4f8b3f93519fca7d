// client-refresh (docs/design.md, "The claim"): a provider CLI given the refresh token may present
// it during the job, so it gets one only under a claim of this job's, which lasts until the post step
// has written the CLI's rotation back, or the job has ended. The whole feature: main's claim and the
// sealed note of the copy handed over, the post step's write-back (or settle, or release), and where a
// rotation goes when the secret refuses it. Loaded on demand, only when a CLI may get the refresh token.
import { chmodSync } from 'node:fs';
import {
  applyTokenSet,
  parseCredentials,
  secretsOf,
  serializeCredentials,
  type Credentials,
} from '../core/formats/index.js';
import { missing } from '../core/checks.js';
import {
  KEPT_IN_STORE,
  KEPT_IN_STORE_DETAILS,
  UserError,
  describeError,
  detailsOf,
  explained,
  warnWith,
} from '../core/errors.js';
import { claimsOf, keyOf, refreshExpiresAt, stamp, sweepAgain, withRefreshExpiry, type Kept } from '../core/marker.js';
import { sha256Hex } from '../core/sha256.js';
import { GitHubApi } from '../github/api.js';
import { currentUpdatedAt, preflight, type Preflight } from '../github/secret-read.js';
import { writeSecret } from '../github/secret-write.js';
import { refuseJobToken } from '../github/token.js';
import { ACTION_WORDING, describeTarget, type SecretTarget } from '../github/target.js';
import { RECHECK_AFTER_MS, keptClaims } from '../store/protocol.js';
import { successorOf } from '../store/shared.js';
import type { Claims, Result, Ticket } from '../store/claims.js';
import { claimOn, coordinate, isOldCopy, seedToCheck } from './coordinate.js';
import { githubDeps, type Core, type Deps } from './deps.js';
import type { Outcome } from './export.js';
import { ticketOf } from './finish.js';
import type { Config } from './inputs.js';
import type { Masker } from './mask.js';
import { PendingFile } from './pending.js';
import { tag, type StateFile } from './state.js';
import { sweep } from './sweep.js';

/** The claim under which a CLI holds the refresh token (docs/design.md, "The claim"); never a token. */
export interface CliClaim {
  /** The variable's name, and its value as written (JSON, src/store/protocol.ts ClaimValue). */
  name: string;
  value: string;
  /** The sealed file naming the copy the CLI was given (src/action/pending.ts), for a rescue. */
  copy?: string;
  /** The claims the value main stored names, when main stored the copy: the post step's write keeps them. */
  claims?: Kept[];
  /** This claim as the value the post step writes names it: timed by its copy, a seed's when that copy names none. */
  mine: Kept;
}

/** client-refresh: the copy handed to the CLI, so the post step can rescue what the CLI rotated under its name. */
interface HandoverRecord {
  copy: { refreshToken: string; accessToken?: string };
}

function client(deps: Deps, cfg: Config): GitHubApi {
  return new GitHubApi(cfg.githubApiUrl, cfg.githubToken as string, githubDeps(deps));
}

/**
 * client-refresh: the CLI gets the refresh token only under this job's claim, so no other job presents
 * it. A claim that cannot be made costs the CLI its refresh token, never the job: the access token is valid.
 */
export async function handOver(deps: Deps, cfg: Config, out: Outcome, input: Credentials): Promise<Outcome> {
  let cliClaim: CliClaim | undefined;
  try {
    cliClaim = await claimForCli(deps, cfg, out.creds, input, out.stored);
  } catch (err) {
    warnWith(
      deps.core,
      'client-refresh: could not claim the refresh token for the CLI, so its file holds the access token only.',
      [`Why: ${describeError(err, [])}`, ...detailsOf(err)],
    );
  }
  return cliClaim ? { ...out, cliClaim } : { ...out, refreshTokenLive: false };
}

/**
 * The claim under which the CLI may hold the refresh token of `copy`, or undefined when another job
 * holds it (then the CLI gets the access token only). It never waits or takes over: the job has a
 * valid access token anyway.
 */
async function claimForCli(
  deps: Deps,
  cfg: Config,
  copy: Credentials,
  input: Credentials,
  stored?: string,
): Promise<CliClaim | undefined> {
  refuseJobToken(deps.env, cfg.githubToken as string, ACTION_WORDING);
  const api = client(deps, cfg);
  const target = cfg.secret as SecretTarget;
  // The copy as the secret holds it: when main stored it, its own marker, not the one of the copy it replaced.
  const held = stored === undefined ? copy : { ...copy, doc: JSON.parse(stored) as Record<string, unknown> };
  const readAt = deps.monotonic();
  const pre = await preflight(api, target, keyOf(held.doc));
  // A copy the secret has moved past holds a spent refresh token: the CLI must never present it.
  if (await isOldCopy(api, target, pre.updatedAt, held)) {
    deps.core.info('client-refresh: these credentials are an old copy of the secret; the CLI gets the access token.');
    return undefined;
  }
  const { claims } = coordinate(deps, cfg, api, () => pre.updatedAt);
  const ticket = await claims.claimForCli(copy, seedToCheck(held));
  if (ticket === 'held') {
    deps.core.info('client-refresh: another job holds the claim on these credentials.');
    return undefined;
  }
  if (ticket === 'buried' || (await writtenSince(claims, ticket, api, target, pre, readAt, deps.monotonic()))) {
    deps.core.info('client-refresh: another job already spent this refresh token; the CLI gets the access token.');
    return undefined;
  }
  const now = api.githubNow() ?? deps.now();
  const claim: CliClaim = {
    name: ticket.name,
    value: JSON.stringify(ticket.value),
    mine: claimOn(held, ticket.name, now),
    // When main stored the copy, the claims its value names: the post step's write names them in turn.
    ...(stored === undefined ? {} : { claims: claimsOf(held.doc) ?? [] }),
  };
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

/**
 * Whether the secret was written since main read it, for a claim won long after (src/store/protocol.ts
 * RECHECK_AFTER_MS): its copy is then spent, and the claim is released. One that cannot tell is released too.
 */
async function writtenSince(
  claims: Claims,
  ticket: Ticket,
  api: GitHubApi,
  target: SecretTarget,
  pre: Preflight,
  readAt: number,
  now: number,
): Promise<boolean> {
  if (now - readAt <= RECHECK_AFTER_MS) return false;
  const moved = await currentUpdatedAt(api, target).then(
    (at) => at !== pre.updatedAt,
    async (err: unknown) => {
      await claims.release(ticket).catch(() => undefined);
      throw err;
    },
  );
  if (moved) await claims.release(ticket).catch(() => undefined);
  return moved;
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
async function storeForCli(
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
  // Without main's note the copy is unknown: nothing can be sealed for its holders, but the claim is settled.
  const ticket = cli && ticketOf(copy ?? { refreshToken: '' }, cli);
  // The claims of the value this write replaces: main's, when main stored one, else the input's.
  const previous = cli?.claims ?? claimsOf(next.doc);
  const successor = successorOf(next, deps.now());
  const coord = coordinate(deps, cfg, api);
  // The CLI spent the token: settled, with its result when it can be sealed for the copy's holders.
  const shared = copy && cfg.share && successor.accessToken ? { successor } : undefined;
  let settled = false;
  let pre: Preflight | undefined;
  let keep: Kept[] | undefined;
  try {
    pre = await preflight(api, target, keyOf(next.doc));
    const now = api.githubNow() ?? deps.now();
    // The CLI's claim as main named it, even without main's note: a value naming no claims would let a seed's go.
    const mine = cli?.mine;
    const claims = mine && keptClaims(previous ?? [], mine, Date.parse(pre.updatedAt), now);
    // Settled before the write-back, as a refresh's is: once it may have landed, a seed's claim records burials.
    const [, undeleted] = await Promise.all([
      ticket && coord.claims.settle(ticket, shared),
      claims ? coord.claims.prune(claims.drop) : [],
    ]);
    settled = !!ticket;
    if (ticket) ticket.seed = mine?.seed;
    keep = claims && [...undeleted, ...claims.keep];
    const more = claims ? { claims: keep, sweep: !previous, checkSeed: claims.checkSeed } : {};
    await writeSecret(api, target, pre, value, more);
  } catch (err) {
    // Marked as the copy main stored, when it did: whoever recovers the rescue names that copy's claims.
    const rescued = cli?.claims ? stamp(value, cli.mine.at, { claims: cli.claims }) : value;
    // The secret's updated_at main read for the CLI's claim when it could not be read here: else no recoverer
    // could tell the secret unchanged, and each would leave the rescue.
    const secretUpdatedAt = pre?.updatedAt ?? ticket?.value.w ?? '';
    const result: Result = { successor, rescue: { credentials: rescued, secretUpdatedAt } };
    const kept = !!ticket && !!copy && (await coord.keepRescue(ticket, result));
    if (kept) {
      const rotated = `The credentials the CLI rotated are ${KEPT_IN_STORE}.`;
      throw explained('OB_WRITE_BACK', err, describeError(err, masker.values), rotated, undefined, [
        KEPT_IN_STORE_DETAILS,
      ]);
    }
    // Kept nowhere but the file: still, nobody presents the token the CLI spent.
    if (ticket && !settled) await coord.claims.settle(ticket);
    throw err;
  }
  // The first write over a login an earlier version (or a hand) stored, and the next, as on the broker's refresh.
  if (keep && (!previous || sweepAgain(next.doc)))
    await sweep(
      api,
      target,
      keep.map((k) => k.name),
      (m) => deps.core.debug(m),
    );
}

/**
 * The post step, for a file main wrote with the refresh token: unchanged, the claim is released;
 * changed, the CLI's rotation goes to the secret. When that fails, the failure to report and alert,
 * and whether the file must stay, holding a refresh token the secret does not have.
 */
export async function finishCliFile(
  deps: Deps,
  masker: Masker,
  cfg: Config,
  cli: CliClaim | undefined,
  file: StateFile,
  content: string,
  before: string[],
): Promise<{ keep: boolean; failure?: unknown }> {
  const { path } = file;
  if (sha256Hex(content) === file.digest) {
    await endClaim(deps, masker, cfg, cli, 'release');
    return { keep: false };
  }
  try {
    await writeBack(deps, masker, cfg, path, content, cli);
    return { keep: false };
  } catch (err) {
    if (!holdsNewRefreshToken(deps.core, content, file)) return { keep: false, failure: err };
    keep(path);
    const line =
      `The CLI's rotated refresh token was not stored; ${path} keeps it (0600): ` +
      'store it in the secret, then delete the file.';
    const why = `Why: ${describeError(err, masker.values)}`;
    const details = [why, ...detailsOf(err), storeHint(cfg.secret, path), ...before];
    return { keep: true, failure: new UserError('OB_WRITE_BACK', line, { cause: err, details }) };
  }
}

/** The CLI refreshed by itself: its rotated credentials must reach the secret. */
async function writeBack(
  deps: Deps,
  masker: Masker,
  cfg: Config,
  path: string,
  content: string,
  cli: CliClaim | undefined,
): Promise<void> {
  const { core } = deps;
  const input = core.getInput('credentials');
  masker.mask(input, core.getInput('github-token'), content);
  // Nothing to store: the CLI may still have spent the token, so its claim is settled, never released.
  const refuse = async (err: UserError): Promise<UserError> => {
    await endClaim(deps, masker, cfg, cli, 'settle');
    return err;
  };
  let fromFile: Credentials;
  try {
    fromFile = parseCredentials(content);
  } catch (err) {
    throw await refuse(
      new UserError(
        'OB_CREDENTIALS',
        `credentials-file: the CLI changed ${path} into something that is not credentials; nothing was written back.`,
        { cause: err, details: err instanceof UserError ? [`Why: ${err.message}`] : [] },
      ),
    );
  }
  masker.mask(...secretsOf(fromFile));
  const base = parseCredentials(input);
  if (!cfg.secret || !cfg.githubToken)
    throw missing(
      'client-refresh',
      'the CLI changed the credentials file, which nothing can store without secret-name and github-token',
      'set both',
    );
  if (!fromFile.accessToken)
    throw await refuse(
      new UserError('OB_CREDENTIALS', `credentials-file: ${path} has no access token; nothing was written back.`),
    );
  const now = deps.now();
  // Same format: the file is the newest whole document, with the marker's refresh expiry only while
  // it still speaks of the same refresh token. Otherwise carry its tokens over.
  const sameToken = fromFile.refreshToken === base.refreshToken;
  const next: Credentials =
    fromFile.format === base.format
      ? {
          ...fromFile,
          doc: withRefreshExpiry({ ...base.doc, ...fromFile.doc }, sameToken ? refreshExpiresAt(base.doc) : undefined),
        }
      : applyTokenSet(
          base,
          {
            accessToken: fromFile.accessToken,
            refreshToken: fromFile.refreshToken || undefined,
            idToken: fromFile.idToken,
            expiresInSeconds:
              fromFile.expiresAt !== undefined ? Math.round((fromFile.expiresAt - now) / 1000) : undefined,
          },
          now,
        );
  await storeForCli(deps, cfg, masker, next, cli);
  core.info(`The CLI refreshed the credentials in ${path}; wrote them to ${describeTarget(cfg.secret)}.`);
}

/**
 * Ends the claim under which the CLI held the refresh token: settled when the CLI may have spent it
 * but what it left cannot be stored (nobody presents that token again), released when it did not
 * refresh (the token is anyone's again). A failed release only means the next run waits out the claim.
 */
async function endClaim(
  deps: Deps,
  masker: Masker,
  cfg: Config,
  cli: CliClaim | undefined,
  end: 'settle' | 'release',
): Promise<void> {
  if (!cli) return;
  try {
    // Settling without a result and releasing seal nothing: the copy the CLI was given is not needed.
    const ticket = ticketOf({ refreshToken: '' }, cli);
    const { claims } = coordinate(deps, cfg, client(deps, cfg));
    await (end === 'settle' ? claims.settle(ticket) : claims.release(ticket));
  } catch (err) {
    // Only a release's failure has a consequence worth the detail: the next run waits.
    const after = end === 'release' ? '; the next run waits for its deadline' : '';
    const why = [`Why: ${describeError(err, masker.values)}`, ...(end === 'release' ? detailsOf(err) : [])];
    warnWith(deps.core, `client-refresh: could not ${end} the claim on these credentials${after}.`, why);
  }
}

/** Whether the file holds a refresh token other than the one main gave it; unknown counts as yes. */
function holdsNewRefreshToken(core: Core, content: string, file: StateFile): boolean {
  try {
    const { refreshToken } = parseCredentials(content);
    return !!refreshToken && tag(core, refreshToken) !== file.refresh;
  } catch {
    return true;
  }
}

/** Owner-only, as the CLI's own file is: best effort, it is already the broker's 0600 file. */
function keep(path: string): void {
  try {
    chmodSync(path, 0o600);
  } catch {
    // The message says where it is; a mode it cannot change is no reason to say less.
  }
}

/** How to store a kept file by hand: the CLI's own verb is not built yet, gh's is. */
function storeHint(t: SecretTarget | undefined, path: string): string {
  if (!t) return 'Store it in the secret that holds credentials, then delete it.';
  let where: string;
  if (t.kind === 'org') where = `--org ${t.org} --visibility <its visibility>`;
  else where = `--repo ${t.owner}/${t.repo}${t.kind === 'env' ? ` --env ${t.environment}` : ''}`;
  const command = `gh secret set ${t.name} ${where} < "${path}"`;
  return `Once the cause is fixed, store it in ${describeTarget(t)} (${command}), then delete it.`;
}
