// The provider CLI's own credentials file (SPEC §3 `credentials-file`), written 0600.
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Credentials } from './credentials.js';
import type { ProviderId } from './providers.js';

type Json = Record<string, unknown>;

// Claude Code ignores a file whose scopes lack user:inference ("Not logged in").
const CLAUDE_DEFAULT_SCOPES = ['user:inference'];

/**
 * The file as the provider's CLI reads it. Without `clientRefresh` it holds no refresh
 * token, so the broker stays the only party that ever spends one.
 */
export function credentialsFileContent(provider: ProviderId, c: Credentials, clientRefresh: boolean): string {
  const refreshToken = clientRefresh ? c.refreshToken : undefined;
  if (provider === 'anthropic') {
    const o: Json = c.format === 'claude-code' ? { ...(c.doc.claudeAiOauth as Json) } : {};
    o.accessToken = c.accessToken;
    o.expiresAt = c.expiresAt;
    o.scopes = c.scopes ?? o.scopes ?? CLAUDE_DEFAULT_SCOPES;
    if (refreshToken) o.refreshToken = refreshToken;
    else delete o.refreshToken;
    return JSON.stringify({ ...(c.format === 'claude-code' ? c.doc : {}), claudeAiOauth: o }, null, 2);
  }
  if (provider === 'openai') {
    const doc: Json = c.format === 'codex' ? { ...c.doc } : { auth_mode: 'chatgpt', OPENAI_API_KEY: null };
    const tokens: Json = { ...((doc.tokens as Json | undefined) ?? {}) };
    tokens.access_token = c.accessToken;
    if (c.idToken) tokens.id_token = c.idToken;
    // Codex requires the field to exist; an empty one cannot be spent.
    tokens.refresh_token = refreshToken ?? '';
    doc.tokens = tokens;
    return JSON.stringify(doc, null, 2);
  }
  const doc: Json = { access_token: c.accessToken, token_type: 'Bearer' };
  if (c.expiresAt !== undefined) doc.expires_at = new Date(c.expiresAt).toISOString();
  if (refreshToken) doc.refresh_token = refreshToken;
  return JSON.stringify(doc, null, 2);
}

export const digest = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Writes atomically with mode 0600 (directory 0700), so no reader ever sees a partial or open file. */
export function writePrivateFile(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, content, { mode: 0o600, flag: 'wx' });
    chmodSync(tmp, 0o600);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
