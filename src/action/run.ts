// The main step (docs/design.md, "A run"): decide, refresh if needed, store, export.
import { parseCredentials, secretsOf, validFor, type Credentials } from '../core/formats/index.js';
import { checkWriteBack } from '../github/secret-limit.js';
import { describeExpiry, formatDuration } from '../core/duration.js';
import { missing } from '../core/checks.js';
import { PAT_FIX, UserError, reportFailure, warnWith } from '../core/errors.js';
import { publish, type Outcome } from './export.js';
import { readConfig, type Config } from './inputs.js';
import { Masker } from './mask.js';
import { githubDeps, proxyModeOf, type Core, type Deps } from './deps.js';
import { describeTarget, reloginCommand } from '../github/target.js';
import { recognise } from '../core/recognise.js';
import { refreshExpiresAt } from '../core/marker.js';
import type { Problem } from './alert.js';

// A refresh token that itself expires sooner than this (as its provider said) needs a new login soon.
const REFRESH_EXPIRY_WARNING_MS = 7 * 86_400_000;

function describeLeft(c: Credentials, now: number): string {
  if (!c.accessToken) return 'there is no access token yet';
  if (c.expiresAt === undefined) return 'its expiry is unknown';
  const left = c.expiresAt - now;
  return left <= 0 ? `it expired ${formatDuration(-left)} ago` : `it has ${formatDuration(left)} left`;
}

export async function runMain(deps: Deps): Promise<void> {
  const { core } = deps;
  const masker = new Masker(core);
  let cfg: Config | undefined;
  let expiring: number | undefined;
  try {
    // Mask before anything can be printed or fail.
    const raw = core.getInput('credentials');
    masker.mask(raw, core.getInput('github-token'), core.getInput('client-secret'), core.getInput('alert-token'));
    let creds: Credentials;
    try {
      creds = parseCredentials(raw);
    } catch (err) {
      // A malformed value may still hold tokens: mask anything shaped like one.
      masker.mask(...tokensIn(raw));
      throw err;
    }
    masker.mask(...secretsOf(creds));
    cfg = readConfig(core, deps.env);
    // A wiring bug shows before anything is spent, not after the write-back.
    if (cfg.proxy) proxyModeOf(deps);
    recognise(creds, cfg.provider.id, cfg.tokenUrl);
    expiring = warnIfExpiring(core, cfg, await decide(deps, cfg, creds, masker), deps.now());
  } catch (err) {
    const failed = reportFailure(core, err, masker.values);
    await alert(deps, cfg ?? configIfValid(deps), masker, { failed });
    return;
  }
  await alert(deps, cfg, masker, expiring === undefined ? undefined : { refreshExpiresAt: expiring });
}

/** The inputs, for an alert about a failure before they were read (bad credentials); none if they are bad too. */
function configIfValid(deps: Deps): Config | undefined {
  try {
    return readConfig(deps.core, deps.env);
  } catch {
    return undefined;
  }
}

/** With alert: issue only, which alone loads the module and its GitHub client. */
async function alert(deps: Deps, cfg: Config | undefined, masker: Masker, problem?: Problem): Promise<void> {
  if (!cfg?.alert) return;
  const { updateAlert } = await import('./alert.js');
  await updateAlert(deps, cfg, cfg.alert, masker, problem);
}

/**
 * When the provider said the refresh token itself expires within days (the marker keeps it, so
 * a run on the stored token sees it too): a warning, and the instant. Another job's result is
 * not judged: its marker is the one of the copy, whose refresh token that job spent.
 */
function warnIfExpiring(core: Core, cfg: Config, out: Outcome, now: number): number | undefined {
  const at = out.source === 'shared' ? undefined : refreshExpiresAt(out.creds.doc);
  if (at === undefined || at - now >= REFRESH_EXPIRY_WARNING_MS) return undefined;
  const how = cfg.secret ? [`To log in again and store it: ${reloginCommand(cfg.provider.id, cfg.secret)}`] : [];
  warnWith(
    core,
    `credentials: the refresh token itself ${describeExpiry(at, now)}; make a new login and store it ` +
      '(README: First login).',
    how,
  );
  return at;
}

/** Runs of token characters long enough to be a token. */
function tokensIn(raw: string): string[] {
  return raw.match(/[A-Za-z0-9_.~+/=-]{20,}/g) ?? [];
}

/** Uses, or refreshes, the credentials, and hands the access token over; what was handed over. */
async function decide(deps: Deps, cfg: Config, creds: Credentials, masker: Masker): Promise<Outcome> {
  const { core } = deps;
  const now = deps.now();
  const fresh = validFor(creds, cfg.minTtlMs, now);
  const ttl = formatDuration(cfg.minTtlMs);
  // mode: check makes no call, so its CLI never gets a refresh token (no claim can be made).
  if (cfg.mode !== 'check' && cfg.credentialsFile && cfg.clientRefresh && (!cfg.secret || !cfg.githubToken)) {
    throw missing(
      'client-refresh',
      'the CLI could spend the refresh token, but nothing could store its successor',
      'set secret-name and github-token, or client-refresh: false',
      {
        details:
          'With client-refresh the credentials file holds the refresh token for the CLI. Without secret-name and ' +
          'github-token the rotated one could not be written back, and the login would be lost.',
      },
    );
  }
  if (cfg.mode === 'check' || (cfg.mode === 'auto' && fresh)) {
    if (!fresh) {
      throw new UserError(
        'OB_CREDENTIALS',
        `credentials: the stored access token is not valid for min-ttl ${ttl} (${describeLeft(creds, now)}); ` +
          'refresh it with a rotation workflow, or lower min-ttl.',
        {
          details:
            'A scheduled workflow with mode: refresh keeps the stored token fresh (README: Recommended topology).',
        },
      );
    }
    const stored: Outcome = {
      creds,
      source: 'stored',
      rotated: false,
      secretUpdated: false,
      refreshTokenLive: cfg.mode !== 'check',
    };
    const out = await handOver(deps, cfg, stored, creds);
    await handOut(deps, cfg, out, masker, now);
    return out;
  }
  if (!cfg.secret || !cfg.githubToken) {
    const why = cfg.mode === 'refresh' ? 'mode: refresh' : `not valid for min-ttl ${ttl}: ${describeLeft(creds, now)}`;
    throw missing(
      cfg.secret ? 'github-token' : 'secret-name',
      `refusing to refresh (${why}) with nowhere to store the rotated credentials`,
      'set secret-name and github-token',
      {
        details: [
          'Without secret-name and github-token the rotated refresh token could not be stored, so the one in ' +
            'credentials would be spent and the login lost.',
          `secret-name names the secret that holds credentials; github-token is ${PAT_FIX} on it.`,
        ],
      },
    );
  }
  checkWriteBack(creds, now);
  core.info(
    cfg.mode === 'refresh'
      ? 'mode: refresh; getting a fresh access token.'
      : `The stored access token is not valid for min-ttl ${ttl} (${describeLeft(creds, now)}); getting a fresh one.`,
  );
  const { obtain } = await import('./obtain.js');
  const outcome = await obtain({ ...deps, github: githubDeps(deps) }, cfg, creds, masker);
  if (!outcome.creds.accessToken) {
    // The provider rotated but sent no usable access token: the rotation is stored, nothing to publish.
    const kept = outcome.secretUpdated
      ? `Its new refresh token was written to ${describeTarget(cfg.secret)}, so the login is kept.`
      : [];
    throw new UserError(
      'OB_PROVIDER',
      `provider ${cfg.provider.id} (${new URL(cfg.tokenUrl).host}) answered without a usable access token; ` +
        'run again, and if this repeats, check token-url.',
      { details: kept },
    );
  }
  const out = await handOver(deps, cfg, outcome, creds);
  await handOut(deps, cfg, out, masker, deps.now());
  return out;
}

/** The access token to later steps; with proxy: true, to the proxy, and a placeholder to them. */
async function handOut(deps: Deps, cfg: Config, out: Outcome, masker: Masker, now: number): Promise<void> {
  if (!cfg.proxy) return publish(deps.core, cfg, out, now);
  await (await proxyModeOf(deps)()).start(deps, cfg, out, masker, now);
}

/** client-refresh: the CLI's claim (src/action/client-refresh.ts), loaded only when a CLI may get the refresh token. */
async function handOver(deps: Deps, cfg: Config, out: Outcome, input: Credentials): Promise<Outcome> {
  if (!cfg.credentialsFile || !cfg.clientRefresh || !out.refreshTokenLive) return out;
  return (await import('./client-refresh.js')).handOver(deps, cfg, out, input);
}
