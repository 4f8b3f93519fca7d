// The refresh path (docs/design.md, "A run"): take what another job left, or claim the
// refresh, present the token once, write the rotated credentials back, share them.
// Loaded on demand: the stored-token path never parses it or what it imports.
import {
  applyTokenSet,
  parseCredentials,
  secretsOf,
  serializeCredentials,
  validFor,
  type Credentials,
  type TokenSet,
} from '../core/formats/index.js';
import { formatDuration } from '../core/duration.js';
import {
  errorCodeOf,
  InvalidGrantError,
  KEPT_IN_STORE,
  KEPT_IN_STORE_DETAILS,
  RELOGIN,
  RERUN_OLD_COPY,
  UncertainRefreshError,
  UserError,
  describeError,
  explained,
  fitLine,
  systemCode,
} from '../core/errors.js';
import type { Outcome } from './export.js';
import { GitHubApi, type GitHubDeps } from '../github/api.js';
import { currentUpdatedAt, preflight, type Preflight } from '../github/secret-read.js';
import { checkWrite, writeSecret } from '../github/secret-write.js';
import { sodium } from '../github/seal.js';
import { ACTION_WORDING, describeTarget, type SecretTarget } from '../github/target.js';
import { refuseJobToken } from '../github/token.js';
import type { Config } from './inputs.js';
import type { Masker } from './mask.js';
import { PENDING_STATE, PendingFile, type PendingRecord } from './pending.js';
import { claimsOf, keyOf, sweepAgain } from '../core/marker.js';
import { neutral } from '../core/neutral.js';
import { refreshTokens } from '../core/refresh.js';
import type { Deps } from './deps.js';
import { successorOf } from '../store/shared.js';
import type { Result, Reservation, Ticket } from '../store/claims.js';
import { RECHECK_AFTER_MS, answerBy, keptClaims } from '../store/protocol.js';
import { claimOn, coordinate, isOldCopy, seedOf, seedToCheck, type Coordination } from './coordinate.js';
import { asRecovered, recoverRescue } from './recover.js';
import { sweep } from './sweep.js';

export interface ObtainDeps extends Deps {
  github: GitHubDeps;
}

// A rescue can chain: recovered credentials may themselves need a refresh.
const MAX_HOPS = 3;

/** One run of the refresh path: what it knows, and the parts it talks to. */
interface Run {
  deps: ObtainDeps;
  cfg: Config;
  masker: Masker;
  target: SecretTarget;
  api: GitHubApi;
  pre: Preflight;
  coord: Coordination;
  /** Where rotated credentials wait for their write-back; absent off a runner (no RUNNER_TEMP). */
  pending?: PendingFile;
  fresh: (c: Credentials) => boolean;
  /** When this job first heard from GitHub, on GitHub's clock: a result settled since is as fresh as its own. */
  since: number;
  /** When this job sent its read of the secret's metadata (`pre`), on its monotonic clock. */
  readAt: number;
  /** The copy is kept for refreshes later in the job (proxy: true; src/action/recover.ts RecoveryRun). */
  keepsCopy: boolean;
}

/**
 * `rescued`: the credentials may be rescued ones, whose marker is the copy's before (the proxy's, after a
 * result): the seed's claim is checked before they are presented, whatever that marker says.
 */
export async function obtain(
  deps: ObtainDeps,
  cfg: Config,
  creds: Credentials,
  masker: Masker,
  rescued = false,
): Promise<Outcome> {
  const run = await begin(deps, cfg, masker, creds, !!cfg.proxy || rescued);
  await refuseOldCopy(run, creds);
  let current = creds;
  let secretUpdated = false;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const r = await run.coord.claims.reserve(current);
    if (r.kind === 'owner') {
      const out = await refreshOnce(run, r.ticket, current, rescued || hop > 0);
      // Its checks took the claim's time (a rate limit waited out): claimed again, with a new deadline.
      if (!out) continue;
      return { ...out, secretUpdated: true };
    }
    const taken = await takeResult(run, current, r);
    secretUpdated ||= taken.wrote;
    if (taken.outcome) return { ...taken.outcome, secretUpdated };
    // The secret now holds that copy, whoever stored it: read again, as its claim is judged against it.
    run.readAt = deps.monotonic();
    run.pre.updatedAt = await currentUpdatedAt(run.api, run.target);
    if (taken.stored !== undefined) current = parseCredentials(taken.stored);
    else {
      // Stored by another job, or by none. Refused once the secret has moved past them (a login stored again by
      // hand), as old as their write, else as the provider's answer that made them (no write is earlier); then
      // presented as the secret's value, whose claim must stay while any holder's copy passes: stamped by that
      // write, else by the secret's update as read since, which is no earlier.
      await refuseOldCopy(run, asRecovered(taken.next, current, r, taken.at ?? iso(r.settledAt)));
      current = asRecovered(taken.next, current, r, taken.at ?? run.pre.updatedAt);
    }
  }
  throw new UserError(
    'OB_CLAIM',
    'credentials: too many successive recoveries of rescued credentials; re-run the job.',
    {
      details: `Each of ${MAX_HOPS} recoveries found credentials another job had rescued, needing recovery again.`,
    },
  );
}

/**
 * A copy the target has long moved past, whose claim is gone: never presented. GitHub's metadata
 * and the copy's marker tell it, with no claim (docs/design.md, "Old copies"). A copy an earlier
 * version wrote is also old when that version's claim on it (a secret) is there.
 */
async function refuseOldCopy(run: Run, copy: Credentials): Promise<void> {
  if (!(await isOldCopy(run.api, run.target, run.pre.updatedAt, copy))) return;
  throw new UserError(
    'OB_CLAIM',
    `credentials: this job holds an old copy, written long before the secret's update at ` +
      `${neutral(run.pre.updatedAt, 40)}, so its refresh token is spent; ${RERUN_OLD_COPY}.`,
    {
      details: [
        `The secret is ${describeTarget(run.target)}. Nothing was presented to the provider.`,
        'If you stored this value by hand, remove its "oauth_broker" field (docs/design.md: Old copies).',
      ],
    },
  );
}

/**
 * A claim won, and checked, long after the secret was read (a slow create, a wait, a slow read of the
 * seed's claim): if the secret was written since, the copy is not current, and its own claim may have
 * been removed meanwhile, or its burial forgotten.
 */
async function refuseIfWrittenSince(run: Run): Promise<void> {
  if (run.deps.monotonic() - run.readAt <= RECHECK_AFTER_MS) return;
  const now = await currentUpdatedAt(run.api, run.target);
  if (now === run.pre.updatedAt) return;
  throw new UserError(
    'OB_CLAIM',
    `credentials: ${describeTarget(run.target)} was written at ${neutral(now, 40)}, after this job read it, ` +
      `so this copy may be spent; ${RERUN_OLD_COPY}.`,
    { details: 'Nothing was presented to the provider.' },
  );
}

/**
 * A copy whose old claim was removed while it could still pass for current: its chain's seed says so.
 * Asked when its marker says so; for rescued credentials always, as their marker is the copy's before.
 */
async function refuseIfBuried(run: Run, ticket: Ticket, copy: Credentials, rescued: boolean): Promise<void> {
  const seed = rescued ? seedOf(copy) : seedToCheck(copy);
  if (await run.coord.claims.buried(ticket, seed)) throw run.coord.claims.oldCopy();
}

/** The job's own GITHUB_TOKEN is refused before any call; then the target is checked. */
async function connect(deps: ObtainDeps, cfg: Config, copy: Credentials): Promise<{ api: GitHubApi; pre: Preflight }> {
  const target = cfg.secret as SecretTarget;
  refuseJobToken(deps.env, cfg.githubToken as string, ACTION_WORDING);
  const api = new GitHubApi(cfg.githubApiUrl, cfg.githubToken as string, deps.github);
  const pre = await preflight(api, target, keyOf(copy.doc));
  deps.core.info(`Checked ${describeTarget(target)}: readable, last updated ${neutral(pre.updatedAt)}.`);
  return { api, pre };
}

/** Checks what can be checked before anything is spent, and opens the coordination. */
async function begin(
  deps: ObtainDeps,
  cfg: Config,
  masker: Masker,
  creds: Credentials,
  keepsCopy: boolean,
): Promise<Run> {
  const target = cfg.secret as SecretTarget;
  const readAt = deps.monotonic();
  const { api, pre } = await connect(deps, cfg, creds);
  // The write check and the write-back seal: libsodium loads while GitHub answers the claim.
  sodium().catch(() => undefined);
  // Read when each claim is made: a hop reads the secret's metadata again (obtain).
  const coord = coordinate(deps, cfg, api, () => pre.updatedAt);
  const pending = deps.env.RUNNER_TEMP
    ? new PendingFile(deps.env.RUNNER_TEMP, creds.refreshToken, cfg.githubToken as string)
    : undefined;
  if (pending) deps.core.saveState(PENDING_STATE, pending.stateValue(deps.core));
  const since = (api.githubNow() ?? deps.now()) - 1000;
  const fresh = (c: Credentials) => validFor(c, cfg.minTtlMs, deps.now());
  return { deps, cfg, masker, target, api, pre, coord, pending, fresh, since, readAt, keepsCopy };
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** Credentials as a result left them: the rescued document whole, or its tokens applied. */
function fromResult(current: Credentials, r: Result, now: number): Credentials {
  if (r.rescue) return parseCredentials(r.rescue.credentials);
  const s = r.successor;
  return applyTokenSet(
    current,
    { accessToken: s.accessToken, expiresAt: s.expiresAt, idToken: s.idToken, scope: s.scopes?.join(' ') },
    now,
  );
}

type Taken =
  | { outcome: Outcome; wrote: boolean; next?: undefined }
  /**
   * Rescued credentials not fresh enough: refreshed in turn, as this job stored them (`stored`), or as
   * written by another (`at`: when, if its claim says).
   */
  | { outcome?: undefined; wrote: boolean; next: Credentials; stored: string; at?: undefined }
  | { outcome?: undefined; wrote: boolean; next: Credentials; stored?: undefined; at?: string };

/** Another job spent the token: use its access token, or store the credentials it rescued. */
async function takeResult(run: Run, current: Credentials, r: Extract<Reservation, { kind: 'result' }>): Promise<Taken> {
  const { deps, masker, cfg } = run;
  const { successor: s, rescue } = r.result;
  masker.mask(s.accessToken, s.idToken, rescue?.credentials);
  const next = fromResult(current, r.result, deps.now());
  masker.mask(...secretsOf(next));
  if (rescue) {
    const { stored, at } = await recoverRescue(run, current, r, next);
    const wrote = stored !== undefined;
    if (run.fresh(next)) {
      return {
        wrote,
        outcome: {
          creds: next,
          source: 'shared',
          rotated: false,
          secretUpdated: wrote,
          // Another job writes the rescue: the claims its value names are unknown here, so no CLI is handed
          // the refresh token (its write-back would name the wrong ones).
          refreshTokenLive: wrote,
          // Kept for a later refresh (the proxy's): as old as its write, else as the provider's answer, so that
          // refresh refuses it rather than present a copy the secret may have moved past.
          ...(stored ? { stored } : { copy: asRecovered(next, current, r, at ?? iso(r.settledAt)) }),
        },
      };
    }
    return stored ? { wrote, next, stored } : { wrote, next, ...(at ? { at } : {}) };
  }
  // Settled while this job ran: as fresh as a refresh of its own would have been.
  if (run.fresh(next) || r.settledAt >= run.since) {
    deps.core.info(
      `These credentials were already refreshed by another job at ${neutral(s.at, 40)}; ` +
        'using the access token it obtained.',
    );
    return {
      wrote: false,
      outcome: {
        creds: next,
        source: 'shared',
        rotated: false,
        secretUpdated: false,
        refreshTokenLive: false,
        copy: current,
      },
    };
  }
  if (r.unstoredOn) throw run.coord.claims.otherRef(r.unstoredOn);
  throw new UserError(
    'OB_CLAIM',
    `credentials: this job holds an old copy; another job refreshed it at ${neutral(s.at, 40)}, and its access token ` +
      `is not valid for min-ttl ${formatDuration(cfg.minTtlMs)}; ${RERUN_OLD_COPY}.`,
    { details: `The current value is in ${describeTarget(run.target)}.` },
  );
}

/** How sure a failed refresh is that the provider never saw the token. */
function spentBy(err: unknown): 'no' | 'yes' | 'unknown' {
  if (err instanceof InvalidGrantError) return 'yes';
  if (err instanceof UncertainRefreshError || !(err instanceof UserError)) return 'unknown';
  return 'no';
}

/**
 * Presents the token once under this job's claim, then stores the result or keeps it for the
 * next run. A cancel from the moment the request may be sent waits until that is done.
 */
async function refreshOnce(
  run: Run,
  ticket: Ticket,
  current: Credentials,
  rescued: boolean,
): Promise<Omit<Outcome, 'secretUpdated'> | undefined> {
  try {
    // Nothing is spent before the copy is known to be current and the token to be able to store what
    // replaces it; a claim whose checks fail is released.
    await refuseIfBuried(run, ticket, current, rescued);
    await refuseIfWrittenSince(run);
    await checkWrite(run.api, run.target, run.pre);
  } catch (err) {
    await run.coord.claims.failed(ticket, 'no');
    throw err;
  }
  if (!run.coord.claims.hasTime(ticket)) {
    await run.coord.claims.failed(ticket, 'no');
    return undefined;
  }
  const shield = run.deps.shield?.();
  try {
    let tokens: TokenSet;
    try {
      tokens = await present(run, ticket, current, () => shield?.cancelled() ?? false);
    } catch (err) {
      await run.coord.claims.failed(ticket, spentBy(err));
      throw err instanceof InvalidGrantError
        ? new InvalidGrantError(
            fitLine(
              `${err.message} Re-run the job; if that fails too, log in again.`,
              `${err.message} Re-run the job.`,
            ),
            {
              cause: err,
              details: [
                ...err.details,
                `Another run or a local login has probably rotated it. A re-run reads the current value of ` +
                  `${describeTarget(run.target)}; if that fails with invalid_grant too, ${RELOGIN}.`,
              ],
            },
          )
        : err;
    }
    return await storeNewTokens(run, ticket, current, tokens);
  } finally {
    shield?.release();
  }
}

/** From the provider's answer on, every path ends in the secret, the sealed rescue or the pending file. */
async function storeNewTokens(
  run: Run,
  ticket: Ticket,
  current: Credentials,
  tokens: TokenSet,
): Promise<Omit<Outcome, 'secretUpdated'>> {
  const { deps, cfg, masker, target } = run;
  // The first thing done with new tokens: mask them.
  masker.mask(tokens.accessToken, tokens.refreshToken, tokens.idToken);
  const next = applyTokenSet(current, tokens, deps.now());
  const rotated = !!tokens.refreshToken && tokens.refreshToken !== current.refreshToken;
  const successor = successorOf(next, deps.now());
  const value = serializeCredentials(next);
  const previous = claimsOf(current.doc);
  const now = run.api.githubNow() ?? deps.now();
  const mine = claimOn(current, ticket.name, now);
  const { keep: newest, drop, checkSeed } = keptClaims(previous ?? [], mine, Date.parse(run.pre.updatedAt), now);
  keepPending(run, {
    credentials: value,
    copy: { refreshToken: current.refreshToken, accessToken: current.accessToken },
    claim: { name: ticket.name, value: JSON.stringify(ticket.value) },
    keep: newest,
    drop,
    checkSeed,
    successor,
    secretUpdatedAt: run.pre.updatedAt,
  });
  deps.core.info(
    `Refreshed at ${cfg.provider.id}${rotated ? '; a new refresh token was issued' : '; the refresh token was kept'}.`,
  );
  // Settled, and the claim that drops out removed, at once: what GitHub would not delete stays
  // named, for a later run to remove.
  const [, undeleted] = await Promise.all([
    run.coord.claims.settle(ticket, cfg.share && successor.accessToken ? { successor } : undefined),
    run.coord.claims.prune(drop),
  ]);
  const keep = [...undeleted, ...newest];
  ticket.seed = mine.seed;
  let stored: string;
  try {
    stored = await writeSecret(run.api, target, run.pre, value, { claims: keep, sweep: !previous, checkSeed });
    run.pending?.clear();
  } catch (err) {
    const why = describeError(err, masker.values);
    const result: Result = { successor, rescue: { credentials: value, secretUpdatedAt: run.pre.updatedAt } };
    const kept = await run.coord.keepRescue(ticket, result);
    if (kept) run.pending?.clear();
    const what = `The ${rotated ? 'rotated' : 'refreshed'} credentials`;
    if (kept)
      throw explained('OB_WRITE_BACK', err, why, `${what} are ${KEPT_IN_STORE}.`, undefined, [KEPT_IN_STORE_DETAILS]);
    if (run.pending) {
      throw explained(
        'OB_WRITE_BACK',
        err,
        why,
        `${what} are kept sealed for this job's post step, which tries the write-back again.`,
      );
    }
    if (!rotated) throw explained(errorCodeOf(err), err, why, `${what} were not stored; fix the cause and re-run.`);
    const lost = `${what} were not stored, and the stored refresh token is spent`;
    throw explained(
      'OB_LOGIN_LOST',
      err,
      why,
      `${lost}: after fixing the cause, ${RELOGIN}.`,
      `${lost}: fix the cause below, then ${RELOGIN}.`,
    );
  }
  // The first write over a login stored by hand sweeps, and its next writer once more: a sweep may fail.
  if (!previous || sweepAgain(current.doc))
    await sweep(
      run.api,
      target,
      keep.map((k) => k.name),
      (m) => deps.core.debug(m),
    );
  return { creds: next, source: 'refreshed', rotated, refreshTokenLive: true, stored };
}

/** A pending file that cannot be written must not stop the write-back: it is only the fallback. */
function keepPending(run: Run, record: PendingRecord): void {
  try {
    run.pending?.save(record);
  } catch (err) {
    run.pending = undefined;
    const code = systemCode(err);
    run.deps.core.warning(
      `Could not keep the rotated credentials in RUNNER_TEMP for the post step (${code}); storing them now.`,
    );
  }
}

function present(run: Run, ticket: Ticket, current: Credentials, cancelled: () => boolean): Promise<TokenSet> {
  const { deps, cfg } = run;
  // What others judge the claim's deadline by, counted from before its create was sent.
  const by = answerBy(ticket.sentAt ?? deps.monotonic(), ticket.value.l * 1000);
  return refreshTokens(
    {
      provider: cfg.provider,
      tokenUrl: cfg.tokenUrl,
      clientId: cfg.clientId,
      clientSecret: cfg.clientSecret,
      scopes: cfg.scopes ?? current.scopes,
      refreshToken: current.refreshToken,
    },
    {
      fetch: deps.fetch,
      now: deps.now,
      sleep: deps.sleep,
      info: (m) => deps.core.info(m),
      timeoutMs: deps.github.timeoutMs,
      retryDelayMs: deps.github.retryBaseMs,
      cancelled,
      answerBy: { at: by, monotonic: deps.monotonic },
    },
  );
}
