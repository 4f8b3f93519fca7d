// Hands the access token to later steps: outputs, variable, CLI file, job summary.
import { credentialsFileContent, digest, writePrivateFile } from './credfile.js';
import type { Credentials } from './credentials.js';
import { formatDuration } from './duration.js';
import type { Config } from './inputs.js';
import { describeTarget } from './github/target.js';
import type { Core } from './runner.js';
import { UserError } from './errors.js';

export type Source = 'stored' | 'shared' | 'refreshed';

export interface Outcome {
  creds: Credentials;
  source: Source;
  /** A new refresh token was issued. */
  rotated: boolean;
  secretUpdated: boolean;
  /** False when the refresh token in `creds` is known to be spent (another job rotated it). */
  refreshTokenLive: boolean;
}

/** Safe to log: identifies a token for audit without revealing it. */
export const fingerprint = (token: string): string => digest(token).slice(0, 12);

/** What the post step needs: the files to remove and what they held. Never a token. */
export interface PostState {
  files: Array<{ path: string; digest: string }>;
  clientRefresh: boolean;
}
export const STATE_KEY = 'oauth-broker';

export function publish(core: Core, cfg: Config, out: Outcome, now: number): void {
  const { creds } = out;
  const token = creds.accessToken ?? '';
  const expiresAt = creds.expiresAt !== undefined ? new Date(creds.expiresAt).toISOString() : '';
  const expiresIn = creds.expiresAt !== undefined ? Math.max(0, Math.floor((creds.expiresAt - now) / 1000)) : 0;
  const fp = fingerprint(token);

  let filePath = '';
  if (cfg.credentialsFile) {
    // Never hand the CLI a spent refresh token: presenting it would be reuse.
    const clientRefresh = cfg.clientRefresh && out.refreshTokenLive;
    if (cfg.clientRefresh && !clientRefresh) core.info('client-refresh: this job holds no live refresh token (another job rotated it), so the file holds the access token only.');
    const content = credentialsFileContent(cfg.provider.id, creds, clientRefresh);
    try {
      writePrivateFile(cfg.credentialsFile, content);
    } catch (err) {
      throw new UserError(`credentials-file: could not write ${cfg.credentialsFile} (${(err as NodeJS.ErrnoException).code ?? 'error'}); choose a writable path, or none.`);
    }
    filePath = cfg.credentialsFile;
    const state: PostState = { files: [{ path: filePath, digest: digest(content) }], clientRefresh };
    core.saveState(STATE_KEY, JSON.stringify(state));
  }
  core.setOutput('access-token', token);
  core.setOutput('expires-at', expiresAt);
  core.setOutput('expires-in', String(expiresIn));
  core.setOutput('source', out.source);
  core.setOutput('rotated', String(out.rotated));
  core.setOutput('secret-updated', String(out.secretUpdated));
  core.setOutput('fingerprint', fp);
  core.setOutput('credentials-file', filePath);
  if (cfg.envName) core.exportVariable(cfg.envName, token);

  const where = out.secretUpdated && cfg.secret ? describeTarget(cfg.secret) : '';
  const left = expiresAt ? `, valid until ${expiresAt} (${formatDuration(expiresIn * 1000)} left)` : '';
  const from = { stored: 'from the stored credentials', shared: "from another job's refresh", refreshed: 'refreshed' }[out.source];
  core.info(`Access token ${from}${left}; fingerprint ${fp}.`);
  if (cfg.envName) core.info(`Exported as ${cfg.envName}.`);
  if (filePath) core.info(`Wrote ${filePath} (0600${cfg.clientRefresh && out.refreshTokenLive ? ', with the refresh token' : ', access token only'}).`);
  if (where) core.info(`Rotated credentials written to ${where}.`);

  const rows: Array<[string, string]> = [
    ['provider', cfg.provider.id],
    ['source', out.source],
    ['expires at', expiresAt || 'unknown'],
    ['fingerprint', `\`${fp}\``],
    ['secret updated', where ? `yes: ${where}` : 'no'],
  ];
  core.appendSummary(`### oauth-broker\n\n| | |\n|---|---|\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}\n\n`);
}
