// Hands the access token to later steps: outputs, variable, CLI file, job summary.
import { renameSync } from 'node:fs';
import { credentialsFileContent, moveAside, writePrivateFile } from '../core/credfile.js';
import { fingerprint } from '../core/fingerprint.js';
import { sha256Hex } from '../core/sha256.js';
import type { Credentials } from '../core/formats/index.js';
import { formatDuration } from '../core/duration.js';
import type { Config } from './inputs.js';
import { describeTarget } from '../github/target.js';
import type { Core } from './deps.js';
import { UserError, systemCode } from '../core/errors.js';
import { neutral } from '../core/neutral.js';
import { BACKUP_SUFFIX, STATE_KEY, sealState, tag, type StateFile } from './state.js';
import type { CliClaim } from './client-refresh.js';

export type Source = 'stored' | 'shared' | 'refreshed';

export interface Outcome {
  creds: Credentials;
  source: Source;
  /** A new refresh token was issued. */
  rotated: boolean;
  secretUpdated: boolean;
  /** False when the refresh token in `creds` may not be handed on: another job spent or claimed it. */
  refreshTokenLive: boolean;
  /** client-refresh: the claim under which the CLI got the refresh token, for the post step to end. */
  cliClaim?: CliClaim;
  /** After a refresh: `creds` as this job wrote them to the secret, marker included (src/github/secret-write.ts). */
  stored?: string;
  /** Another job's result: the copy whose claim gave it, which a later refresh presents (src/proxy/renew.ts). */
  copy?: Credentials;
}

/** Safe to log: identifies a token for audit without revealing it. */

/** Clears the way for the file: one already there (a login on a self-hosted runner) is moved aside. */
function place(core: Core, path: string): string | undefined {
  let backup: string | undefined;
  try {
    backup = moveAside(path, BACKUP_SUFFIX);
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = systemCode(err);
    throw new UserError(
      'OB_FILE',
      `credentials-file: could not check ${path} (${code}); choose another path, or none.`,
      {
        cause: err,
      },
    );
  }
  if (backup)
    core.info(`credentials-file: ${path} was already there; moved it to ${backup} until the post step puts it back.`);
  return backup;
}

/** Undoes place() after a failed write; says where the file is when that fails too. */
function putBack(file: StateFile): string[] {
  if (!file.backup) return [];
  try {
    renameSync(file.backup, file.path);
    return [];
  } catch {
    return [`The file that was there is now ${file.backup}.`];
  }
}

/** proxy: true: what later steps get instead of the tokens (src/proxy/start.ts). */
export interface Proxied {
  /** http(s)://127.0.0.1:PORT */
  url: string;
  /** What the CLI holds instead of the tokens: the access token's placeholder; Codex's others too. */
  held: { accessToken: string; idToken?: string; refreshToken?: string };
  /** The variables that point the CLI at the proxy. */
  env: Record<string, string>;
  /** Codex's config.toml, written as the credentials file is (moved aside, removed by the post step). */
  config?: { path: string; content: string };
}

/** A placeholder in the CLI's file never looks expired: the CLI would try to refresh it itself. */
export const PLACEHOLDER_LIFE_MS = 365 * 86_400_000;

/** Writes a file for the CLI (0600), moving aside one already there; what the post step needs to undo it. */
function writeOne(core: Core, path: string, content: string): StateFile {
  const file: StateFile = { path, digest: sha256Hex(content), backup: place(core, path) };
  try {
    // Read by this job's later steps only: a crash of the runner ends the job, so no sync.
    writePrivateFile(path, content, { durable: false });
  } catch (err) {
    const code = systemCode(err);
    const back = putBack(file);
    throw new UserError(
      'OB_FILE',
      `credentials-file: could not write ${path} (${code}); choose a writable path, or none.`,
      {
        cause: err,
        details: back,
      },
    );
  }
  return file;
}

type Json = Record<string, unknown>;

/**
 * What the proxied CLI's file keeps of the stored document: the fields the CLI reads, never another
 * secret it may hold (Codex's API key, Claude Code's MCP servers' tokens), which no proxy would hide.
 */
function proxiedDoc(provider: Config['provider']['id'], doc: Json, now: number): Json {
  if (provider === 'openai') {
    const tokens = (doc.tokens ?? {}) as Json;
    // Codex refreshes a login it last refreshed long ago: the placeholders are new.
    const lastRefresh = new Date(now).toISOString();
    return {
      auth_mode: 'chatgpt',
      OPENAI_API_KEY: null,
      tokens: { account_id: tokens.account_id },
      last_refresh: lastRefresh,
    };
  }
  const { scopes, subscriptionType, rateLimitTier } = (doc.claudeAiOauth ?? {}) as Json;
  return { claudeAiOauth: { scopes, subscriptionType, rateLimitTier } };
}

export async function publish(core: Core, cfg: Config, out: Outcome, now: number, proxied?: Proxied): Promise<void> {
  const { creds } = out;
  const token = proxied ? proxied.held.accessToken : (creds.accessToken ?? '');
  const expiresAt = creds.expiresAt !== undefined ? new Date(creds.expiresAt).toISOString() : '';
  const expiresIn = creds.expiresAt !== undefined ? Math.max(0, Math.floor((creds.expiresAt - now) / 1000)) : 0;
  const fp = fingerprint(creds.accessToken ?? '', sha256Hex);

  let filePath = '';
  if (cfg.credentialsFile) {
    // Never hand the CLI a spent refresh token: presenting it would be reuse.
    const clientRefresh = cfg.clientRefresh && out.refreshTokenLive;
    if (cfg.clientRefresh && !clientRefresh) {
      core.info(
        'client-refresh: the file holds the access token only: another job spent or claimed the refresh token, ' +
          'or mode is check.',
      );
    }
    // With proxy: true, placeholders only, refresh token included (Codex's, which the proxy answers).
    const held: Credentials = proxied
      ? {
          ...creds,
          accessToken: token,
          idToken: proxied.held.idToken,
          refreshToken: proxied.held.refreshToken ?? '',
          expiresAt: now + PLACEHOLDER_LIFE_MS,
          doc: proxiedDoc(cfg.provider.id, creds.doc, now),
        }
      : creds;
    const content = credentialsFileContent(cfg.provider.id, held, clientRefresh || !!proxied);
    filePath = cfg.credentialsFile;
    const files: StateFile[] = [];
    try {
      const file = writeOne(core, filePath, content);
      if (clientRefresh) file.refresh = tag(core, creds.refreshToken);
      files.push(file);
      if (proxied?.config) files.push(writeOne(core, proxied.config.path, proxied.config.content));
    } finally {
      // What was written is removed by the post step, even when the next write failed.
      if (files.length) {
        core.saveState(
          STATE_KEY,
          sealState(core, {
            files,
            clientRefresh,
            ...(clientRefresh && out.cliClaim ? { cli: out.cliClaim } : {}),
          }),
        );
      }
    }
  }
  core.setOutput('access-token', proxied ? '' : token);
  if (proxied) core.setOutput('proxy-url', proxied.url);
  core.setOutput('expires-at', expiresAt);
  core.setOutput('expires-in', String(expiresIn));
  core.setOutput('source', out.source);
  core.setOutput('rotated', String(out.rotated));
  core.setOutput('secret-updated', String(out.secretUpdated));
  core.setOutput('fingerprint', fp);
  core.setOutput('credentials-file', filePath);
  if (cfg.envName) core.exportVariable(cfg.envName, token);
  for (const [name, value] of Object.entries(proxied?.env ?? {})) core.exportVariable(name, value);

  const where = out.secretUpdated && cfg.secret ? describeTarget(cfg.secret) : '';
  const left = expiresAt ? `, valid until ${expiresAt} (${formatDuration(expiresIn * 1000)} left)` : '';
  const from = { stored: 'from the stored credentials', shared: "from another job's refresh", refreshed: 'refreshed' }[
    out.source
  ];
  core.info(`Access token ${from}${left}; fingerprint ${fp}.`);
  if (proxied) {
    core.info(
      `The credential proxy at ${proxied.url} holds it; later steps get ${Object.keys(proxied.env).join(', ')} ` +
        'and placeholders instead of the tokens.',
    );
  }
  if (cfg.envName) core.info(`Exported ${proxied ? 'the placeholder ' : ''}as ${cfg.envName}.`);
  const holds = proxied
    ? 'the placeholder'
    : cfg.clientRefresh && out.refreshTokenLive
      ? 'with the refresh token'
      : 'access token only';
  if (filePath) core.info(`Wrote ${filePath} (0600, ${holds}).`);
  if (proxied?.config) core.info(`Wrote ${proxied.config.path}: Codex's requests go to the proxy.`);
  if (where) core.info(`Rotated credentials written to ${where}.`);

  const rows: Array<[string, string]> = [
    ['provider', cfg.provider.id],
    ['source', out.source],
    ['expires at', expiresAt || 'unknown'],
    ['fingerprint', `<code>${fp}</code>`],
    ['secret updated', where ? `yes: ${where}` : 'no'],
    ...(proxied ? ([['proxy', `${proxied.url} (later steps hold a placeholder)`]] as Array<[string, string]>) : []),
  ];
  await writeSummary(core, rows);
}

/** The job summary is a courtesy: the token is already handed over, so a failure here is only noted. */
async function writeSummary(core: Core, rows: Array<[string, string]>): Promise<void> {
  try {
    await core.summary
      .addHeading('oauth-broker', 3)
      .addTable(rows.map(([k, v]) => [{ data: k, header: true }, v]))
      .write();
  } catch (err) {
    core.debug(`No job summary written: ${neutral((err as Error).message)}`);
  }
}
