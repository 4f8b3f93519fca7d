// The post step (SPEC §3.6): write back what the CLI rotated, then remove the files.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { applyTokenSet, parseCredentials, secretsOf, serializeCredentials, type Credentials } from './credentials.js';
import { digest } from './credfile.js';
import { UserError, describeError } from './errors.js';
import { STATE_KEY, type PostState } from './export.js';
import { readConfig } from './inputs.js';
import { describeTarget } from './github/target.js';
import { Masker } from './mask.js';
import { PENDING_STATE } from './pending.js';
import { githubDeps, type Deps } from './deps.js';

export async function runPost(deps: Deps): Promise<void> {
  await finish(deps);
  const { core } = deps;
  const raw = core.getState(STATE_KEY);
  if (!raw) return;
  let state: PostState;
  try {
    state = JSON.parse(raw) as PostState;
  } catch {
    core.warning('oauth-broker: the state saved by the main step is unreadable; nothing to clean up.');
    return;
  }
  const masker = new Masker(core);
  try {
    for (const file of state.files) {
      if (!existsSync(file.path)) continue;
      const content = readFileSync(file.path, 'utf8');
      if (state.clientRefresh && digest(content) !== file.digest) await writeBack(deps, masker, file.path, content);
    }
  } catch (err) {
    core.setFailed(describeError(err, masker.values));
  } finally {
    for (const file of state.files) {
      if (!existsSync(file.path)) continue;
      rmSync(file.path, { force: true });
      core.info(`Removed ${file.path}.`);
    }
  }
}

/** A main step stopped before its write-back left rotated credentials: they are stored first. */
async function finish(deps: Deps): Promise<void> {
  const { core } = deps;
  const path = core.getState(PENDING_STATE);
  if (!path || !existsSync(path)) return;
  const masker = new Masker(core);
  try {
    const input = core.getInput('credentials');
    masker.mask(input, core.getInput('github-token'));
    const { finishPending } = await import('./finish.js');
    await finishPending(deps, readConfig(core, deps.env), masker, path, parseCredentials(input).refreshToken);
  } catch (err) {
    core.setFailed(describeError(err, masker.values));
  }
}

/** The CLI refreshed by itself: its rotated credentials must reach the secret. */
async function writeBack(deps: Deps, masker: Masker, path: string, content: string): Promise<void> {
  const { core } = deps;
  const input = core.getInput('credentials');
  masker.mask(input, core.getInput('github-token'), content);
  let fromFile: Credentials;
  try {
    fromFile = parseCredentials(content);
  } catch {
    throw new UserError(`credentials-file: ${path} was changed by the CLI into something that is not credentials; nothing was written back.`);
  }
  masker.mask(...secretsOf(fromFile));
  const base = parseCredentials(input);
  const cfg = readConfig(core, deps.env);
  if (!cfg.secret || !cfg.githubToken) throw new UserError('client-refresh: the CLI changed the credentials file, but secret-name and github-token are not set; they cannot be stored.');
  if (!fromFile.accessToken) throw new UserError(`credentials-file: ${path} has no access token; nothing was written back.`);
  const now = deps.now();
  // Same format: the file is the newest whole document. Otherwise carry its tokens over.
  const next: Credentials =
    fromFile.format === base.format
      ? { ...fromFile, doc: { ...base.doc, ...fromFile.doc } }
      : applyTokenSet(
          base,
          {
            accessToken: fromFile.accessToken,
            refreshToken: fromFile.refreshToken || undefined,
            idToken: fromFile.idToken,
            expiresInSeconds: fromFile.expiresAt !== undefined ? Math.round((fromFile.expiresAt - now) / 1000) : undefined,
          },
          now,
        );
  // One chunk: the REST client comes with the secrets module.
  const { GitHubApi, preflight, writeSecret } = await import('./github/secrets.js');
  const api = new GitHubApi(cfg.githubApiUrl, cfg.githubToken, githubDeps(deps));
  const pre = await preflight(api, cfg.secret);
  await writeSecret(api, cfg.secret, pre, serializeCredentials(next));
  core.info(`The CLI refreshed the credentials in ${path}; wrote them to ${describeTarget(cfg.secret)}.`);
}
