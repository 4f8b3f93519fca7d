// The post step's first duty: a main step killed between the provider's answer and the
// write-back (the runner's cancel) left the rotated credentials in its pending file; store
// them, settle the claim and share the result as main would have (docs/design.md, "Cancellation").
import { coordinate, type Ticket } from '../store/coordination.js';
import { parseCredentials, secretsOf, serializeCredentials, type Credentials } from '../core/credentials.js';
import { KEPT_IN_STORE, KEPT_IN_STORE_DETAILS, RELOGIN, UserError, describeError, explained } from '../core/errors.js';
import { githubDeps, type Deps } from './deps.js';
import { GitHubApi, preflight, writeSecret, type Preflight } from '../github/secrets.js';
import { describeTarget } from '../github/target.js';
import type { Config } from './inputs.js';
import type { Masker } from './mask.js';
import { PendingFile, type HandoverRecord, type PendingRecord } from './pending.js';
import { successorOf } from '../store/shared.js';

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
  const ticket = ticketOf(record.copy, record);
  const successor = { kind: 'next' as const, ...record.successor };
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
    // write-back as the sign, so it goes out anyway.
    await coordinate(deps, cfg, api, pre, false).settle(ticket);
    await writeSecret(api, target, pre, record.credentials);
  } catch (err) {
    const kept = await coordinate(deps, cfg, api, pre).rescue(ticket, {
      ...successor,
      credentials: record.credentials,
      secretUpdatedAt: record.secretUpdatedAt,
    });
    if (kept) file.clear();
    const why = describeError(err, masker.values);
    const what = 'The rotated credentials';
    if (kept) throw explained(err, why, `${what} are ${KEPT_IN_STORE}.`, undefined, [KEPT_IN_STORE_DETAILS]);
    const lost = `${what} were not stored, and without the shared store nothing outlives this job: ${RELOGIN}.`;
    throw explained(err, why, lost, lost);
  }
  file.clear();
  await coordinate(deps, cfg, api, pre).succeeded(ticket, successor);
  core.info(`Wrote the rotated credentials to ${describeTarget(target)}.`);
}

type CliClaim = { claim: string; settled: string; copy?: string };

/** The ticket of a claim main made, from what it left sealed: the copy names the store's entries. */
function ticketOf(copy: PendingRecord['copy'], names: { claim: string; settled: string }): Ticket {
  return { copy: { format: 'refresh-token', ...copy, doc: {} }, claim: names.claim, settled: names.settled };
}

async function connect(deps: Deps, cfg: Config): Promise<{ api: GitHubApi; pre: Preflight }> {
  const api = new GitHubApi(cfg.githubApiUrl, cfg.githubToken as string, githubDeps(deps));
  return { api, pre: await preflight(api, cfg.secret as NonNullable<Config['secret']>) };
}

/**
 * client-refresh: the CLI rotated; its credentials go to the secret, and its claim is settled
 * either way. If the write fails, they are kept sealed in the store under the name of the copy
 * the CLI was given, which is what the next run holds.
 */
export async function storeForCli(
  deps: Deps,
  cfg: Config,
  masker: Masker,
  next: Credentials,
  cli: CliClaim | undefined,
): Promise<void> {
  const target = cfg.secret as NonNullable<Config['secret']>;
  const value = serializeCredentials(next);
  const api = new GitHubApi(cfg.githubApiUrl, cfg.githubToken as string, githubDeps(deps));
  let pre: Preflight | undefined;
  try {
    pre = await preflight(api, target);
    await writeSecret(api, target, pre, value);
  } catch (err) {
    const kept = cli?.copy && (await rescueForCli(deps, cfg, api, pre, cli, next, value));
    if (kept) {
      const rotated = `The credentials the CLI rotated are ${KEPT_IN_STORE}.`;
      throw explained(err, describeError(err, masker.values), rotated, undefined, [KEPT_IN_STORE_DETAILS]);
    }
    throw err;
  } finally {
    // The CLI spent the token it was given: nobody presents it again.
    if (cli && pre) await coordinate(deps, cfg, api, pre, false).endCli(cli, true);
  }
}

async function rescueForCli(
  deps: Deps,
  cfg: Config,
  api: GitHubApi,
  pre: Preflight | undefined,
  cli: CliClaim,
  next: Credentials,
  value: string,
): Promise<boolean> {
  let record: HandoverRecord | undefined;
  try {
    record = new PendingFile<HandoverRecord>(
      cli.copy as string,
      parseCredentials(deps.core.getInput('credentials')).refreshToken,
      cfg.githubToken as string,
      true,
    ).read();
  } catch {
    return false;
  }
  if (!record) return false;
  const successor = successorOf(next, deps.now());
  return coordinate(deps, cfg, api, pre).rescue(ticketOf(record.copy, cli), {
    ...successor,
    credentials: value,
    secretUpdatedAt: pre?.updatedAt ?? '',
  });
}

/** client-refresh, after the job: settled when the CLI may have spent the token, else released for anyone. */
export async function endCliClaim(deps: Deps, cfg: Config, cli: CliClaim, spent: boolean): Promise<void> {
  const { api, pre } = await connect(deps, cfg);
  await coordinate(deps, cfg, api, pre, false).endCli(cli, spent);
}
