// The provider CLI's own credentials file (README, `credentials-file`), written 0600.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  type Stats,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { Credentials } from './formats/index.js';
import { UserError, systemCode } from './errors.js';
import { MARKER_FIELD } from './marker.js';
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
    return JSON.stringify({ ...(c.format === 'claude-code' ? unmarked(c.doc) : {}), claudeAiOauth: o }, null, 2);
  }
  if (provider === 'openai') {
    const doc: Json = c.format === 'codex' ? unmarked(c.doc) : { auth_mode: 'chatgpt', OPENAI_API_KEY: null };
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

/**
 * The document without the broker's write marker: the CLI's file is the CLI's, and a file
 * stored back by hand must not carry a marker older than the write that stores it.
 */
function unmarked(doc: Json): Json {
  const { [MARKER_FIELD]: _, ...rest } = doc;
  return rest;
}

/** What is at `path` without following a link, or undefined when nothing is. */
export function entryAt(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (err) {
    // ENOTDIR: a parent is a file, so nothing can be there; writing will say so.
    if (['ENOENT', 'ENOTDIR'].includes(systemCode(err))) return undefined;
    throw err;
  }
}

/** A symbolic link, a directory, a socket…: said in a few words. */
export function kindOf(st: Stats): string {
  if (st.isSymbolicLink()) return 'a symbolic link';
  return st.isDirectory() ? 'a directory' : 'not a regular file';
}

/**
 * Makes room at `path` without losing what is there: a file (a login already on this
 * runner) is renamed beside it, and its new name returned. Anything but a file is refused:
 * writing through a symbolic link could replace any file the runner's user can write.
 */
export function moveAside(path: string, suffix: string): string | undefined {
  const st = entryAt(path);
  if (!st) return undefined;
  if (!st.isFile()) {
    throw new UserError(
      'OB_FILE',
      `credentials-file: ${path} is ${kindOf(st)}, which is never replaced; choose another path.`,
    );
  }
  const backup = `${path}${suffix}${randomBytes(6).toString('hex')}`;
  renameSync(path, backup);
  return backup;
}

/**
 * Writes atomically with mode 0600 (directory 0700), so no reader ever sees a partial or
 * open file, and durably: the data reaches the disk before the rename, and the rename
 * after it, so a crash leaves the old file or the new one, never an empty one. The
 * temporary file is created exclusively and renamed over `path`: a link put at either
 * name is replaced, never followed. `mode` may only be stricter (0400). `durable: false`
 * skips the two syncs (about a millisecond each here), for a file nothing reads after a crash.
 * `createFolder: false` leaves a missing folder missing (the write fails) for a path a user typed.
 */
export function writePrivateFile(
  path: string,
  content: string,
  {
    mode = 0o600,
    durable = true,
    createFolder = true,
  }: { mode?: 0o600 | 0o400; durable?: boolean; createFolder?: boolean } = {},
): void {
  if (createFolder) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = openSync(tmp, 'wx', mode);
    try {
      writeFileSync(fd, content);
      // The umask may have narrowed the mode given to open.
      fchmodSync(fd, mode);
      if (durable) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  if (durable) syncFolder(dirname(path));
}

/** Makes a rename durable where a folder can be synced (not on Windows). The file is in place either way. */
function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems refuse to sync a folder; the rename has happened all the same.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
