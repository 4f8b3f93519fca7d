// The post step (docs/design.md, "A run"): write back what the CLI rotated, remove the file, put back
// one the main step moved aside. It never throws, and never destroys what it could not store.
import { chmodSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { applyTokenSet, parseCredentials, secretsOf, type Credentials } from '../core/formats/index.js';
import { entryAt, kindOf } from '../core/credfile.js';
import { sha256Hex } from '../core/sha256.js';
import { missing } from '../core/checks.js';
import { UserError, describeError, detailsOf, reportFailure, warnWith, systemCode } from '../core/errors.js';
import { readConfig, type Config } from './inputs.js';
import { describeTarget, type SecretTarget } from '../github/target.js';
import { Masker } from './mask.js';
import { refreshExpiresAt, withRefreshExpiry } from '../core/marker.js';
import { PENDING_STATE, pendingPath } from './pending.js';
import { PROXY_STATE, STATE_KEY, openState, tag, type PostState, type StateFile } from './state.js';
import { proxyModeOf, type Deps } from './deps.js';
import type { Core } from './deps.js';

const NOTHING = 'nothing is written back, removed or put back.';

export async function runPost(deps: Deps): Promise<void> {
  await stopProxy(deps);
  await finish(deps);
  const { core } = deps;
  const masker = new Masker(core);
  try {
    const trusted = trustedState(deps);
    if (!trusted) return;
    for (const file of trusted.state.files) await cleanUp(deps, masker, trusted, file);
    // The sealed note naming the copy the CLI was given has served its purpose.
    if (trusted.state.cli?.copy) rmSync(trusted.state.cli.copy, { force: true });
  } catch (err) {
    reportFailure(core, err, masker.values);
  }
}

/** proxy: true: the proxy stops first, whatever the main step did; a failure is reported, the rest goes on. */
async function stopProxy(deps: Deps): Promise<void> {
  if (!deps.core.getState(PROXY_STATE)) return;
  try {
    await (await proxyModeOf(deps)()).stop(deps);
  } catch (err) {
    reportFailure(deps.core, err, []);
  }
}

/**
 * A main step stopped before its write-back left rotated credentials: they are stored first.
 * With alert: issue, a failure here is alerted: the login may be lost. The rest of this step
 * only cleans up after the job, which is no failed rotation.
 */
async function finish(deps: Deps): Promise<void> {
  const { core } = deps;
  const raw = core.getState(PENDING_STATE);
  if (!raw) return;
  const path = pendingPath(core, raw);
  if (typeof path !== 'string') {
    // An earlier step may have set it through GITHUB_ENV: no file of this job's, nothing to report.
    core.debug(`Ignoring ${PENDING_STATE}: not saved by this step's main step with these inputs (${path.untrusted}).`);
    return;
  }
  if (!existsSync(path)) return;
  const masker = new Masker(core);
  let cfg: Config | undefined;
  try {
    const input = core.getInput('credentials');
    masker.mask(input, core.getInput('github-token'), core.getInput('alert-token'));
    cfg = readConfig(core, deps.env);
    const { finishPending } = await import('./finish.js');
    await finishPending(deps, cfg, masker, path, parseCredentials(input).refreshToken);
  } catch (err) {
    const failed = reportFailure(core, err, masker.values);
    if (!cfg?.alert) return;
    const { updateAlert } = await import('./alert.js');
    await updateAlert(deps, cfg, cfg.alert, masker, { failed });
  }
}

interface Trusted {
  state: PostState;
  cfg: Config;
}

/** The saved state, when this step's own main step wrote it for these inputs; else one line. */
function trustedState(deps: Deps): Trusted | undefined {
  const { core } = deps;
  const raw = core.getState(STATE_KEY);
  if (!raw) return undefined;
  const state = openState(core, raw);
  if ('untrusted' in state) {
    if (state.untrusted === 'malformed') {
      core.warning('oauth-broker: the state saved by the main step is unreadable; nothing to clean up.');
    } else {
      warnWith(
        core,
        `oauth-broker: ignoring saved state that this step's main step did not write with these inputs; ${NOTHING}`,
        'An earlier step may have set it through GITHUB_ENV; the post step acts only on its own main step’s state.',
      );
    }
    return undefined;
  }
  const cfg = readConfig(core, deps.env);
  const ours = [cfg.credentialsFile, cfg.proxy?.configFile];
  if (state.files.some((f) => !ours.includes(f.path)) || (state.clientRefresh && !cfg.clientRefresh)) {
    core.warning(`oauth-broker: the saved state names another credentials file than the inputs do; ${NOTHING}`);
    return undefined;
  }
  return { state, cfg };
}

async function cleanUp(deps: Deps, masker: Masker, { state, cfg }: Trusted, file: StateFile): Promise<void> {
  const { core } = deps;
  const { path } = file;
  const before = file.backup ? [`The file that was there before this job is at ${file.backup}.`] : [];
  const warn = (message: string): void => warnWith(core, message, before);
  let st: ReturnType<typeof entryAt>;
  try {
    st = entryAt(path);
  } catch (err) {
    warn(`credentials-file: could not check ${path} (${systemCode(err)}); it is left as it is.`);
    return;
  }
  if (!st) return putBack(core, file);
  if (!st.isFile()) {
    warn(`credentials-file: ${path} is now ${kindOf(st)}, not the file main wrote; left as it is.`);
    return;
  }
  if (state.clientRefresh) {
    let content: string;
    try {
      content = readFileSync(path, 'utf8');
    } catch (err) {
      const why = `could not read ${path} (${systemCode(err)})`;
      warn(`credentials-file: ${why}; left in place, as it may hold a refresh token the CLI rotated.`);
      return;
    }
    if (sha256Hex(content) === file.digest) {
      await endClaim(deps, masker, cfg, state.cli, 'release');
    } else {
      try {
        await writeBack(deps, masker, cfg, path, content, state.cli);
      } catch (err) {
        // The login may be lost: this is alerted, as a failed rotation is.
        if (holdsNewRefreshToken(core, content, file)) {
          keep(path);
          const why = describeError(err, masker.values);
          const line =
            `The CLI's rotated refresh token was not stored; ${path} keeps it (0600): ` +
            'store it in the secret, then delete the file.';
          const details = [`Why: ${why}`, ...detailsOf(err), storeHint(cfg.secret, path), ...before];
          await alertFailure(deps, cfg, masker, new UserError('OB_WRITE_BACK', line, { cause: err, details }));
          return;
        }
        await alertFailure(deps, cfg, masker, err);
      }
    }
  }
  try {
    rmSync(path);
  } catch (err) {
    warn(`credentials-file: could not remove ${path} (${systemCode(err)}).`);
    return;
  }
  core.info(`Removed ${path}.`);
  putBack(core, file);
}

/** Reports a failure of the post step's write-back, and alerts it with alert: issue. */
async function alertFailure(deps: Deps, cfg: Config, masker: Masker, err: unknown): Promise<void> {
  const failed = reportFailure(deps.core, err, masker.values);
  if (!cfg.alert) return;
  const { updateAlert } = await import('./alert.js');
  await updateAlert(deps, cfg, cfg.alert, masker, { failed });
}

/**
 * Ends the claim under which the CLI held the refresh token: settled when the CLI may have spent it
 * and nothing was stored, released when it did not refresh. A failed release only means the next run
 * waits out the claim's deadline.
 */
async function endClaim(
  deps: Deps,
  masker: Masker,
  cfg: Config,
  cli: PostState['cli'],
  end: 'settle' | 'release',
): Promise<void> {
  if (!cli) return;
  try {
    const { endCliClaim } = await import('./client-refresh.js');
    await endCliClaim(deps, cfg, cli, end);
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

/** Puts back the file the main step moved aside, now that the path is free. */
function putBack(core: Core, file: StateFile): void {
  if (!file.backup) return;
  try {
    renameSync(file.backup, file.path);
  } catch (err) {
    warnWith(core, `credentials-file: could not put back ${file.path} (${systemCode(err)}).`, [
      `The file that was there before this job is at ${file.backup}.`,
    ]);
    return;
  }
  core.info(`Put back ${file.path}, the file that was there before this job.`);
}

/** The CLI refreshed by itself: its rotated credentials must reach the secret. */
async function writeBack(
  deps: Deps,
  masker: Masker,
  cfg: Config,
  path: string,
  content: string,
  cli: PostState['cli'],
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
  const { storeForCli } = await import('./client-refresh.js');
  await storeForCli(deps, cfg, masker, next, cli);
  core.info(`The CLI refreshed the credentials in ${path}; wrote them to ${describeTarget(cfg.secret)}.`);
}
