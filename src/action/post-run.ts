// The post step (docs/design.md, "A run"): write back what the CLI rotated, remove the file, put back
// one the main step moved aside. It never throws, and never destroys what it could not store.
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { parseCredentials } from '../core/formats/index.js';
import { entryAt, kindOf } from '../core/credfile.js';
import { reportFailure, warnWith, systemCode } from '../core/errors.js';
import { readConfig, type Config } from './inputs.js';
import { Masker } from './mask.js';
import { PENDING_STATE, pendingPath } from './pending.js';
import { PROXY_STATE, STATE_KEY, openState, type PostState, type StateFile } from './state.js';
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
    const { finishCliFile } = await import('./client-refresh.js');
    const done = await finishCliFile(deps, masker, cfg, state.cli, file, content, before);
    // The login may be lost: this is alerted, as a failed rotation is.
    if (done.failure !== undefined) await alertFailure(deps, cfg, masker, done.failure);
    if (done.keep) return;
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
