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
} from '../core/credentials.js';
import { coordinate, type Coordination, type Spent, type Claimed } from '../store/coordination.js';
import { formatDuration } from '../core/duration.js';
import {
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
} from '../core/errors.js';
import type { CliClaim, Outcome } from './export.js';
import { GitHubApi, type GitHubDeps } from '../github/api.js';
import { currentUpdatedAt, preflight, writeSecret, type Preflight } from '../github/secrets.js';
import { ACTION_WORDING, describeTarget, type SecretTarget } from '../github/target.js';
import { refuseJobToken } from '../github/token.js';
import type { Config } from './inputs.js';
import type { Masker } from './mask.js';
import { PENDING_STATE, PendingFile, type HandoverRecord, type PendingRecord } from './pending.js';
import { isOldCopy } from '../core/marker.js';
import { neutral } from '../core/neutral.js';
import { refreshTokens } from '../core/refresh.js';
import type { Deps } from './deps.js';
import { successorOf, type Successor } from '../store/shared.js';

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
}

export async function obtain(deps: ObtainDeps, cfg: Config, creds: Credentials, masker: Masker): Promise<Outcome> {
  const run = await begin(deps, cfg, masker, creds);
  let current = creds;
  let secretUpdated = false;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const left = await run.coord.left(current);
    const r = left ? ({ kind: 'shared', successor: left } as const) : await run.coord.reserve(current);
    if (r.kind === 'owner') {
      // A copy the target has long moved past, whose claim is gone: never presented. Not after
      // this job's own write, whose copy is the current one whatever its marker says.
      if (!secretUpdated && isOldCopy(current.doc, run.pre.updatedAt)) {
        await run.coord.failed(r.ticket, 'no');
        throw new UserError(
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
      return { ...(await refreshOnce(run, r.ticket)), secretUpdated: true };
    }
    const taken = await takeSuccessor(run, current, r.successor);
    secretUpdated ||= taken.wrote;
    if (taken.outcome) return { ...taken.outcome, secretUpdated };
    current = taken.next;
  }
  throw new UserError('credentials: too many successive recoveries from the shared store; re-run the job.', {
    details: `Each of ${MAX_HOPS} recoveries found credentials another job had rescued, needing recovery again.`,
  });
}

/** The job's own GITHUB_TOKEN is refused before any call; then the target is checked. */
async function connect(deps: ObtainDeps, cfg: Config): Promise<{ api: GitHubApi; pre: Preflight }> {
  const target = cfg.secret as SecretTarget;
  refuseJobToken(deps.env, cfg.githubToken as string, ACTION_WORDING);
  const api = new GitHubApi(cfg.githubApiUrl, cfg.githubToken as string, deps.github);
  const pre = await preflight(api, target);
  deps.core.info(`Checked ${describeTarget(target)}: readable, last updated ${neutral(pre.updatedAt)}.`);
  return { api, pre };
}

/**
 * client-refresh: the CLI may present the refresh token during the job, so it gets one only
 * under a claim of this job's; the post step settles it, or releases it when the CLI did not refresh.
 */
export async function claimForCli(
  deps: ObtainDeps,
  cfg: Config,
  copy: Credentials,
  input: Credentials,
): Promise<CliClaim | undefined> {
  const { api, pre } = await connect(deps, cfg);
  const ticket = await coordinate(deps, cfg, api, pre, false).claimForCli(copy);
  if (!ticket) {
    deps.core.info('client-refresh: another job holds the claim on these credentials.');
    return undefined;
  }
  const claim: CliClaim = { claim: ticket.claim, settled: ticket.settled };
  // Sealed with the input's keys, like the pending file: the post step can then rescue under the copy's name.
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

/** Checks what can be checked before anything is spent, and opens the coordination. */
async function begin(deps: ObtainDeps, cfg: Config, masker: Masker, creds: Credentials): Promise<Run> {
  const target = cfg.secret as SecretTarget;
  const { api, pre } = await connect(deps, cfg);
  const coord = coordinate(deps, cfg, api, pre);
  const pending = deps.env.RUNNER_TEMP
    ? new PendingFile(deps.env.RUNNER_TEMP, creds.refreshToken, cfg.githubToken as string)
    : undefined;
  if (pending) deps.core.saveState(PENDING_STATE, pending.stateValue(deps.core));
  return { deps, cfg, masker, target, api, pre, coord, pending, fresh: (c) => validFor(c, cfg.minTtlMs, deps.now()) };
}

/** Credentials as a successor left them: the rescued document whole, or its tokens applied. */
function fromSuccessor(current: Credentials, s: Successor, now: number): Credentials {
  if (s.credentials) return parseCredentials(s.credentials);
  return applyTokenSet(
    current,
    { accessToken: s.accessToken, expiresAt: s.expiresAt, idToken: s.idToken, scope: s.scopes?.join(' ') },
    now,
  );
}

type Taken =
  | { outcome: Outcome; wrote: boolean; next?: undefined }
  | { outcome?: undefined; wrote: boolean; next: Credentials };

/** Another job spent the token: use its access token, or store the credentials it rescued. */
async function takeSuccessor(run: Run, current: Credentials, s: Successor): Promise<Taken> {
  const { deps, masker, cfg } = run;
  masker.mask(s.accessToken, s.idToken, s.credentials);
  const next = fromSuccessor(current, s, deps.now());
  masker.mask(...secretsOf(next));
  if (s.credentials) {
    const wrote = await run.coord.recover(current, s, {
      secretUpdatedAt: run.pre.updatedAt,
      fresh: run.fresh(next),
      write: () => writeSecret(run.api, run.target, run.pre, serializeCredentials(next)),
    });
    if (wrote) run.pre.updatedAt = await currentUpdatedAt(run.api, run.target);
    if (run.fresh(next))
      return {
        wrote,
        outcome: { creds: next, source: 'shared', rotated: false, secretUpdated: wrote, refreshTokenLive: true },
      };
    return { wrote, next };
  }
  // Obtained while this job ran: as fresh as a refresh of its own would have been.
  if (run.fresh(next) || Date.parse(s.at) >= deps.startedAt) {
    deps.core.info(
      `These credentials were already refreshed by another job at ${neutral(s.at, 40)}; ` +
        'using the access token it obtained.',
    );
    return {
      wrote: false,
      outcome: { creds: next, source: 'shared', rotated: false, secretUpdated: false, refreshTokenLive: false },
    };
  }
  throw new UserError(
    `credentials: this job holds an old copy; another job refreshed it at ${neutral(s.at, 40)}, and its access token ` +
      `is not valid for min-ttl ${formatDuration(cfg.minTtlMs)}; ${RERUN_OLD_COPY}.`,
    { details: `The current value is in ${describeTarget(run.target)}.` },
  );
}

/** How sure a failed refresh is that the provider never saw the token. */
function spentBy(err: unknown): Spent {
  if (err instanceof InvalidGrantError) return 'yes';
  if (err instanceof UncertainRefreshError || !(err instanceof UserError)) return 'unknown';
  return 'no';
}

/**
 * Presents the token once under this job's claim, then stores the result or keeps it for the
 * next run. A cancel from the moment the request may be sent waits until that is done.
 */
async function refreshOnce(run: Run, ticket: Claimed): Promise<Omit<Outcome, 'secretUpdated'>> {
  const shield = run.deps.shield?.();
  try {
    let tokens: TokenSet;
    try {
      tokens = await present(run, ticket.copy, () => shield?.cancelled() ?? false);
    } catch (err) {
      await run.coord.failed(ticket, spentBy(err));
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
    return await store(run, ticket, tokens);
  } finally {
    shield?.release();
  }
}

/** From the provider's answer on, every path ends in the secret, the sealed rescue or the pending file. */
async function store(run: Run, ticket: Claimed, tokens: TokenSet): Promise<Omit<Outcome, 'secretUpdated'>> {
  const { deps, cfg, masker, target } = run;
  const current = ticket.copy;
  // The first thing done with new tokens: mask them.
  masker.mask(tokens.accessToken, tokens.refreshToken, tokens.idToken);
  const next = applyTokenSet(current, tokens, deps.now());
  const rotated = !!tokens.refreshToken && tokens.refreshToken !== current.refreshToken;
  const successor = successorOf(next, deps.now());
  const value = serializeCredentials(next);
  keepPending(run, {
    credentials: value,
    copy: { refreshToken: current.refreshToken, accessToken: current.accessToken },
    claim: ticket.claim,
    settled: ticket.settled,
    successor,
    secretUpdatedAt: run.pre.updatedAt,
  });
  deps.core.info(
    `Refreshed at ${cfg.provider.id}${rotated ? '; a new refresh token was issued' : '; the refresh token was kept'}.`,
  );
  await run.coord.settle(ticket);
  try {
    await writeSecret(run.api, target, run.pre, value);
    run.pending?.clear();
  } catch (err) {
    const why = describeError(err, masker.values);
    const kept = await run.coord.rescue(ticket, {
      ...successor,
      credentials: value,
      secretUpdatedAt: run.pre.updatedAt,
    });
    if (kept) run.pending?.clear();
    const what = `The ${rotated ? 'rotated' : 'refreshed'} credentials`;
    if (kept) throw explained(err, why, `${what} are ${KEPT_IN_STORE}.`, undefined, [KEPT_IN_STORE_DETAILS]);
    if (run.pending) {
      throw explained(err, why, `${what} are kept sealed for this job's post step, which tries the write-back again.`);
    }
    if (!rotated) throw explained(err, why, `${what} were not stored; fix the cause and re-run.`);
    const lost = `${what} were not stored, and the stored refresh token is spent`;
    throw explained(
      err,
      why,
      `${lost}: after fixing the cause, ${RELOGIN}.`,
      `${lost}: fix the cause below, then ${RELOGIN}.`,
    );
  }
  await run.coord.succeeded(ticket, successor);
  return { creds: next, source: 'refreshed', rotated, refreshTokenLive: true };
}

/** A pending file that cannot be written must not stop the write-back: it is only the fallback. */
function keepPending(run: Run, record: PendingRecord): void {
  try {
    run.pending?.save(record);
  } catch (err) {
    run.pending = undefined;
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    run.deps.core.warning(
      `Could not keep the rotated credentials in RUNNER_TEMP for the post step (${code}); storing them now.`,
    );
  }
}

function present(run: Run, current: Credentials, cancelled: () => boolean): Promise<TokenSet> {
  const { deps, cfg } = run;
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
    },
  );
}
