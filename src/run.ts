// The main step (SPEC §3 "What a run does"): decide, refresh if needed, store, export.
import { applyTokenSet, parseCredentials, secretsOf, serializeCredentials, type Credentials } from './credentials.js';
import { formatDuration } from './duration.js';
import { UserError, describeError } from './errors.js';
import { publish, type Outcome } from './export.js';
import { readConfig, type Config } from './inputs.js';
import { Masker } from './mask.js';
import type { Core, Env } from './runner.js';
import type { GitHubDeps } from './github/api.js';

export interface Deps {
  core: Core;
  env: Env;
  fetch: typeof fetch;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** Test and tuning knobs read from the environment, never from inputs. */
export function timings(env: Env): { httpTimeoutMs: number; retryBaseMs: number } {
  const n = (v: string | undefined, d: number): number => (v && /^\d+$/.test(v) ? Number(v) : d);
  return { httpTimeoutMs: n(env.OAUTH_BROKER_HTTP_TIMEOUT_MS, 30_000), retryBaseMs: n(env.OAUTH_BROKER_RETRY_BASE_MS, 1_000) };
}

/** What the GitHub client needs, from the step's dependencies. */
export function githubDeps(deps: Deps): GitHubDeps {
  const t = timings(deps.env);
  return {
    fetch: deps.fetch,
    now: deps.now,
    sleep: deps.sleep,
    info: (m) => deps.core.info(m),
    warning: (m) => deps.core.warning(m),
    retryBaseMs: t.retryBaseMs,
    timeoutMs: t.httpTimeoutMs,
  };
}

function describeLeft(c: Credentials, now: number): string {
  if (!c.accessToken) return 'there is no access token yet';
  if (c.expiresAt === undefined) return 'its expiry is unknown';
  const left = c.expiresAt - now;
  return left <= 0 ? `it expired ${formatDuration(-left)} ago` : `it has ${formatDuration(left)} left`;
}

export async function runMain(deps: Deps): Promise<void> {
  const { core } = deps;
  const masker = new Masker(core);
  try {
    // Mask before anything can be printed or fail.
    const raw = core.getInput('credentials');
    masker.mask(raw, core.getInput('github-token'), core.getInput('client-secret'));
    let creds: Credentials;
    try {
      creds = parseCredentials(raw);
    } catch (err) {
      // A malformed value may still hold tokens: mask anything shaped like one.
      masker.mask(...tokensIn(raw));
      throw err;
    }
    masker.mask(...secretsOf(creds));
    const cfg = readConfig(core, deps.env);
    await decide(deps, cfg, creds, masker);
  } catch (err) {
    core.setFailed(describeError(err, masker.values));
  }
}

/** Runs of token characters long enough to be a token. */
function tokensIn(raw: string): string[] {
  return raw.match(/[A-Za-z0-9_.~+/=-]{20,}/g) ?? [];
}

async function decide(deps: Deps, cfg: Config, creds: Credentials, masker: Masker): Promise<void> {
  const { core } = deps;
  const now = deps.now();
  const fresh = !!creds.accessToken && creds.expiresAt !== undefined && creds.expiresAt - now >= cfg.minTtlMs;
  const ttl = formatDuration(cfg.minTtlMs);
  if (cfg.credentialsFile && cfg.clientRefresh && (!cfg.secret || !cfg.githubToken)) {
    throw new UserError(
      'client-refresh: the credentials file would hold the refresh token for the CLI to spend, but without secret-name and github-token its successor could not be stored. Set both, or client-refresh: false.',
    );
  }
  if (cfg.mode === 'check' || (cfg.mode === 'auto' && fresh)) {
    if (!fresh) {
      throw new UserError(
        `credentials: the stored access token is not valid for min-ttl ${ttl}: ${describeLeft(creds, now)}. Refresh it (a rotation workflow with mode: refresh, or oauth-broker refresh) or lower min-ttl.`,
      );
    }
    publish(core, cfg, { creds, source: 'stored', rotated: false, secretUpdated: false }, now);
    return;
  }
  if (!cfg.secret || !cfg.githubToken) {
    throw new UserError(
      `${cfg.secret ? 'github-token' : 'secret-name'}: refusing to refresh (${cfg.mode === 'refresh' ? 'mode: refresh' : `the stored access token is not valid for min-ttl ${ttl}: ${describeLeft(creds, now)}`}). Without secret-name and github-token the rotated refresh token could not be stored, so the one in credentials would be spent and lost. Set secret-name to the secret that holds credentials and github-token to a fine-grained PAT with Secrets read and write.`,
    );
  }
  core.info(cfg.mode === 'refresh' ? 'mode: refresh; refreshing.' : `The stored access token is not valid for min-ttl ${ttl} (${describeLeft(creds, now)}); refreshing.`);
  const outcome = await refreshAndStore(deps, cfg, creds, masker);
  publish(core, cfg, outcome, deps.now());
}

/** The refresh path: loaded on demand so the stored-token path never pays for it. */
async function refreshAndStore(deps: Deps, cfg: Config, creds: Credentials, masker: Masker): Promise<Outcome> {
  const [{ GitHubApi }, secrets, { refreshTokens }] = await Promise.all([import('./github/api.js'), import('./github/secrets.js'), import('./refresh.js')]);
  const { core } = deps;
  const target = cfg.secret!;
  const api = new GitHubApi(cfg.githubApiUrl, cfg.githubToken!, githubDeps(deps));
  const t = timings(deps.env);
  const pre = await secrets.preflight(api, target);
  core.info(`Checked ${secrets.describeTarget(target)}: readable, last updated ${pre.updatedAt}.`);

  const tokens = await refreshTokens(
    { provider: cfg.provider, tokenUrl: cfg.tokenUrl, clientId: cfg.clientId, clientSecret: cfg.clientSecret, scopes: cfg.scopes ?? creds.scopes, refreshToken: creds.refreshToken },
    { fetch: deps.fetch, now: deps.now, sleep: deps.sleep, info: (m) => core.info(m), timeoutMs: t.httpTimeoutMs, retryDelayMs: t.retryBaseMs },
  );
  // The first thing done with new tokens: mask them.
  masker.mask(tokens.accessToken, tokens.refreshToken, tokens.idToken);
  const next = applyTokenSet(creds, tokens, deps.now());
  const rotated = !!tokens.refreshToken && tokens.refreshToken !== creds.refreshToken;
  core.info(`Refreshed at ${cfg.provider.id}${rotated ? '; a new refresh token was issued' : '; the refresh token was kept'}.`);
  try {
    await secrets.writeSecret(api, target, pre, serializeCredentials(next));
  } catch (err) {
    const why = err instanceof UserError ? err.message : describeError(err, masker.values);
    throw new UserError(
      `${rotated ? 'The rotated credentials' : 'The refreshed credentials'} could not be written to ${secrets.describeTarget(target)}: ${why}${rotated ? ' The refresh token stored there is now spent: after fixing the cause, log in again (oauth-broker login) and seed the secret (oauth-broker seed).' : ''}`,
    );
  }
  return { creds: next, source: 'refreshed', rotated, secretUpdated: true };
}
