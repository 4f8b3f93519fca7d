// The refresh path (SPEC §3 steps 3–5, §4, §5): take a fresh token another job obtained,
// or refresh under the shared lock, write the rotated credentials back, publish them.
// Loaded on demand: the stored-token path never parses it or what it imports.
import { applyTokenSet, parseCredentials, secretsOf, serializeCredentials, validFor, type Credentials } from './credentials.js';
import { formatDuration } from './duration.js';
import { InvalidGrantError, UncertainRefreshError, UserError, describeError } from './errors.js';
import type { Outcome } from './export.js';
import { GitHubApi, type GitHubDeps } from './github/api.js';
import { currentUpdatedAt, preflight, writeSecret, type Preflight } from './github/secrets.js';
import { describeTarget, type SecretTarget } from './github/target.js';
import type { Config } from './inputs.js';
import type { Masker } from './mask.js';
import { neutral } from './neutral.js';
import { refreshTokens } from './refresh.js';
import { timings, type Deps } from './deps.js';
import { actionsCacheBackend, cacheAvailable, type StoreBackend } from './store/cache-backend.js';
import { SharedStore, type Successor } from './store/shared.js';

export interface ObtainDeps extends Deps {
  github: GitHubDeps;
  /** For tests; the Actions cache otherwise. */
  backend?: StoreBackend;
}

// GitHub's updated_at has whole seconds; runner clocks are NTP-synced to well within this.
const CLOCK_SKEW_MS = 2_000;
// A rescue can chain: recovered credentials may themselves need a refresh.
const MAX_HOPS = 3;

function openStore(deps: ObtainDeps, cfg: Config): SharedStore | undefined {
  const { core } = deps;
  if (!cfg.share) {
    core.info('share: false; refreshing without coordination between jobs.');
    return undefined;
  }
  const missing = deps.backend ? undefined : cacheAvailable(deps.env);
  if (missing) {
    core.info(`Shared store off: ${missing}; refreshing without coordination between jobs.`);
    return undefined;
  }
  const t = timings(deps.env);
  const backend = deps.backend ?? actionsCacheBackend(deps.env, (m) => core.debug(m), t.cacheTimeoutMs);
  return new SharedStore(backend, { now: deps.now, sleep: deps.sleep, info: (m) => core.info(m), pollMs: t.pollMs, startedAt: deps.startedAt });
}

/** Credentials as a successor left them: the rescued document whole, or its tokens applied. */
function fromSuccessor(current: Credentials, s: Successor, now: number): Credentials {
  if (s.credentials) return parseCredentials(s.credentials);
  return applyTokenSet(current, { accessToken: s.accessToken, expiresAt: s.expiresAt, idToken: s.idToken, scope: s.scopes?.join(' ') }, now);
}

export async function obtain(deps: ObtainDeps, cfg: Config, creds: Credentials, masker: Masker): Promise<Outcome> {
  const { core } = deps;
  const target = cfg.secret as SecretTarget;
  if (deps.env.GITHUB_TOKEN && deps.env.GITHUB_TOKEN === cfg.githubToken) {
    throw new UserError(
      "github-token: this is the job's own GITHUB_TOKEN, which can never read or write secrets. Pass a fine-grained PAT with \"Secrets: Read and write\" on the repository, or a GitHub App installation token with that permission.",
    );
  }
  const api = new GitHubApi(cfg.githubApiUrl, cfg.githubToken as string, deps.github);
  let pre = await preflight(api, target);
  core.info(`Checked ${describeTarget(target)}: readable, last updated ${neutral(pre.updatedAt)}.`);
  let store = openStore(deps, cfg);
  const fresh = (c: Credentials): boolean => validFor(c, cfg.minTtlMs, deps.now());

  let current = creds;
  let secretUpdated = false;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    // 1. Spent ledger: never present a refresh token another job already spent.
    const successor = store && (await store.successor(current.refreshToken));
    if (successor) {
      masker.mask(successor.accessToken, successor.idToken, successor.credentials);
      const next = fromSuccessor(current, successor, deps.now());
      masker.mask(...secretsOf(next));
      if (successor.credentials) {
        if (await recover({ deps, store: store as SharedStore, api, target, pre, lockTimeoutMs: cfg.lockTimeoutMs }, current.refreshToken, next, successor, fresh(next))) {
          secretUpdated = true;
          pre = { ...pre, updatedAt: await currentUpdatedAt(api, target) };
        }
        current = next;
        if (fresh(next)) return { creds: next, source: 'shared', rotated: false, secretUpdated, refreshTokenLive: true };
        continue;
      }
      // Obtained while this job ran: as fresh as a refresh of its own would have been.
      if (fresh(next) || Date.parse(successor.at) >= deps.startedAt) {
        core.info(`This refresh token was already rotated by another job at ${neutral(successor.at)}; using the access token it obtained.`);
        return { creds: next, source: 'shared', rotated: false, secretUpdated, refreshTokenLive: false };
      }
      throw new UserError(
        `credentials: this refresh token was already rotated by another job at ${neutral(successor.at)}, and the access token it obtained is not valid for min-ttl ${formatDuration(cfg.minTtlMs)}. This job holds an old copy of ${describeTarget(target)}: re-run it to read the current value.`,
      );
    }

    // 2. An old copy: the secret changed after this job started, so its token is likely spent.
    if (!secretUpdated && Date.parse(pre.updatedAt) > deps.startedAt + CLOCK_SKEW_MS) {
      const stale = `credentials: ${describeTarget(target)} was updated at ${neutral(pre.updatedAt)}, after this job started, so the credentials this job was given are an old copy whose refresh token was probably spent; presenting it again could be refused as reuse and revoke the login. Re-run the job to read the current value.`;
      if (!store) throw new UserError(stale);
      core.info(`${describeTarget(target)} changed after this job started; waiting for the job that changed it to share its result.`);
      if (await store.wait(current.refreshToken, 'refresh', undefined, cfg.lockTimeoutMs)) continue;
      throw new UserError(stale);
    }

    // 3. The lock: one job presents the token, the others wait for its result.
    let gen: number | undefined;
    if (store) {
      const lock = await store.acquire(current.refreshToken);
      if (lock.state === 'unavailable') {
        core.info('Shared store unavailable (the Actions cache refused the lock); refreshing without coordination between jobs.');
        store = undefined;
      } else if (lock.state === 'aborted') {
        throw new UserError(`An earlier job holding the same refresh token failed, so it is not presented again: ${lock.abort.message}`);
      } else if (lock.state === 'contended') {
        core.info(`Another job is refreshing this refresh token; waiting up to lock-timeout ${formatDuration(cfg.lockTimeoutMs)} for its result.`);
        const result = await store.wait(current.refreshToken, 'refresh', lock.gen, cfg.lockTimeoutMs);
        if (result?.kind === 'next' || (result?.kind === 'abort' && store.mayRetry(result))) continue;
        if (result?.kind === 'abort') throw new UserError(`Another job holding the same refresh token failed: ${result.message} Re-run this job later.`);
        throw new UserError(
          `lock-timeout: another job reserved the refresh of this token but shared no result within ${formatDuration(cfg.lockTimeoutMs)}; it may have failed or be slow. Re-run this job; if that job refreshed and then failed, the next run recovers its credentials from the shared store.`,
        );
      } else {
        gen = lock.gen;
      }
    }

    // 4. Refresh, once.
    let tokens;
    try {
      tokens = await refreshTokens(
        { provider: cfg.provider, tokenUrl: cfg.tokenUrl, clientId: cfg.clientId, clientSecret: cfg.clientSecret, scopes: cfg.scopes ?? current.scopes, refreshToken: current.refreshToken },
        {
          fetch: deps.fetch,
          now: deps.now,
          sleep: deps.sleep,
          info: (m) => core.info(m),
          timeoutMs: deps.github.timeoutMs,
          retryDelayMs: deps.github.retryBaseMs,
        },
      );
    } catch (err) {
      const e = err instanceof InvalidGrantError
        ? new InvalidGrantError(`${err.message} Another run or a local login has probably rotated it: re-run this job so it reads the current value of ${describeTarget(target)}; if that fails too, log in again and store the new credentials in the secret (README: First login).`)
        : err;
      if (store && gen !== undefined) {
        const spent = err instanceof InvalidGrantError ? 'yes' : err instanceof UncertainRefreshError ? 'unknown' : err instanceof UserError ? 'no' : 'unknown';
        await store.abort(current.refreshToken, 'refresh', gen, { spent, message: describeError(e, masker.values) });
      }
      throw e;
    }
    // The first thing done with new tokens: mask them.
    masker.mask(tokens.accessToken, tokens.refreshToken, tokens.idToken);
    const next = applyTokenSet(current, tokens, deps.now());
    const rotated = !!tokens.refreshToken && tokens.refreshToken !== current.refreshToken;
    core.info(`Refreshed at ${cfg.provider.id}${rotated ? '; a new refresh token was issued' : '; the refresh token was kept'}.`);

    // 5. Write back; if that fails, keep the credentials sealed in the store for the next run.
    const successorOf = (extra: Partial<Successor> = {}): Successor => ({
      kind: 'next',
      accessToken: next.accessToken as string,
      expiresAt: next.expiresAt,
      scopes: next.scopes,
      idToken: next.idToken,
      at: new Date(deps.now()).toISOString(),
      ...extra,
    });
    try {
      await writeSecret(api, target, pre, serializeCredentials(next));
    } catch (err) {
      const why = err instanceof UserError ? err.message : describeError(err, masker.values);
      const kept = store && rotated && (await store.done(current.refreshToken, successorOf({ credentials: serializeCredentials(next), secretUpdatedAt: pre.updatedAt })));
      const head = `${rotated ? 'The rotated credentials' : 'The refreshed credentials'} could not be written to ${describeTarget(target)}: ${why}`;
      if (kept) throw new UserError(`${head} They are kept sealed in the shared store (Actions cache): fix the cause and re-run; the next run holding the same credentials recovers them and finishes the write-back, no new login needed.`);
      throw new UserError(`${head}${rotated ? ' The refresh token stored there is now spent: after fixing the cause, log in again and store the new credentials in the secret (README: First login).' : ''}`);
    }
    if (store && !(await store.done(current.refreshToken, successorOf()))) {
      core.warning('Could not share the new access token through the Actions cache; jobs still holding the old credentials must be re-run.');
    }
    return { creds: next, source: 'refreshed', rotated, secretUpdated: true, refreshTokenLive: true };
  }
  throw new UserError('credentials: too many successive recoveries from the shared store; re-run the job.');
}

interface RecoveryContext {
  deps: ObtainDeps;
  store: SharedStore;
  api: GitHubApi;
  target: SecretTarget;
  pre: Preflight;
  lockTimeoutMs: number;
}

/**
 * Finishes the write-back another job could not do, unless the secret changed since.
 * One job writes, under the recovery lock; the others use the rescued access token if it
 * is fresh enough, or wait until the write landed before anyone refreshes the rescued
 * token, so a late recovery can never overwrite a newer rotation. True when this job wrote.
 */
async function recover(ctx: RecoveryContext, spent: string, next: Credentials, s: Successor, fresh: boolean): Promise<boolean> {
  const { deps, store, api, target, pre } = ctx;
  const { core } = deps;
  const write = async (): Promise<boolean> => {
    if (pre.updatedAt !== s.secretUpdatedAt) {
      core.info(`Found credentials that a job at ${neutral(s.at)} could not store; ${describeTarget(target)} has changed since, so it is left as it is.`);
      return false;
    }
    await writeSecret(api, target, pre, serializeCredentials(next));
    core.info(`Recovered the rotated credentials that a job at ${neutral(s.at)} could not store, and wrote them to ${describeTarget(target)}.`);
    return true;
  };
  const lock = await store.acquire(spent, 'recover');
  if (lock.state === 'unavailable') return write();
  if (lock.state === 'owner') {
    let wrote: boolean;
    try {
      wrote = await write();
    } catch (err) {
      await store.abort(spent, 'recover', lock.gen, { spent: 'no', message: describeError(err, []) });
      throw err;
    }
    await store.done(spent, { kind: 'recovered', at: new Date(deps.now()).toISOString() });
    return wrote;
  }
  // Another job is writing them. Its access token is enough when fresh; else wait.
  if (fresh) return false;
  const result = lock.state === 'contended' ? await store.wait(spent, 'recover', lock.gen, ctx.lockTimeoutMs) : lock.abort;
  if (result?.kind === 'recovered') return false;
  if (result?.kind === 'abort') throw new UserError(`Another job could not store the rescued credentials: ${result.message} Re-run this job.`);
  throw new UserError(`lock-timeout: another job is storing the rescued credentials and did not finish within ${formatDuration(ctx.lockTimeoutMs)}. Re-run this job.`);
}
