// The credential formats (README, "Credentials formats"): detected from the secret's text, and written back
// in the same shape with every field the broker does not understand left as it was.
import { UserError } from './errors.js';
import { checkJsonDepth } from './json.js';
import { refreshExpiresAt, withRefreshExpiry } from './marker.js';

export type Format = 'claude-code' | 'codex' | 'generic' | 'refresh-token';

/** How a generic document states expiry, so a write-back keeps its style. */
type ExpiryStyle = 'iso' | 'seconds' | 'millis';

type Json = Record<string, unknown>;

export interface Credentials {
  format: Format;
  accessToken?: string;
  refreshToken: string;
  /** Access-token expiry, epoch ms; undefined when unknown (treated as expired). */
  expiresAt?: number;
  scopes?: string[];
  idToken?: string;
  /** The parsed document, kept whole for the write-back. */
  doc: Json;
  /** Generic format only: how expiry was written. */
  expiryStyle?: { field: 'expires_at' | 'obtained_at'; style: ExpiryStyle };
}

/** What a token endpoint returned, normalised. */
export interface TokenSet {
  /**
   * Absent: the provider answered 200 with a new refresh token but no usable access token.
   * The credentials then keep the new refresh token and hold no access token (expiry unknown),
   * so the rotation can still be stored and the next run refreshes.
   */
  accessToken?: string;
  /** Absent: the provider kept the old refresh token alive. */
  refreshToken?: string;
  expiresInSeconds?: number;
  /** How long the refresh token itself lives, when the provider says (`refresh_token_expires_in`). */
  refreshExpiresInSeconds?: number;
  /** Absolute expiry, epoch ms, when known that way (a token another job obtained). */
  expiresAt?: number;
  scope?: string;
  idToken?: string;
}

const INPUT = 'credentials';

function fail(what: string, details?: string | string[], cause?: unknown): never {
  throw new UserError(`${INPUT}: ${what}`, { details, cause });
}

function str(doc: Json, field: string, where: string): string | undefined {
  const v = doc[field];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') fail(`${where} field "${field}" must be a string.`);
  return v;
}

function required(doc: Json, field: string, where: string): string {
  const v = str(doc, field, where);
  if (v === undefined) {
    fail(
      `${where} has no "${field}"; store the whole credentials document the login produced ` +
        '(README: Credentials formats).',
    );
  }
  return v;
}

// The last instant ISO 8601 can write with four year digits: later ones would not read back.
const LAST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Whether `ms` is an instant every writer here can print and read back. */
function isInstant(ms: number | undefined): ms is number {
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 && ms <= LAST_INSTANT;
}

/** Epoch seconds and epoch milliseconds are told apart by magnitude (1e11 s is year 5138). */
function epochMs(n: number): { ms: number; style: ExpiryStyle } {
  return n < 1e11 ? { ms: n * 1000, style: 'seconds' } : { ms: n, style: 'millis' };
}

function checkedInstant(at: { ms: number; style: ExpiryStyle }, field: string): { ms: number; style: ExpiryStyle } {
  if (isInstant(at.ms)) return at;
  return fail(
    `"${field}" is after the year 9999; store the credentials the login wrote, ` +
      `or remove "${field}" so the next run refreshes.`,
  );
}

function parseInstant(v: unknown, field: string): { ms: number; style: ExpiryStyle } {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) return checkedInstant(epochMs(v), field);
  if (typeof v === 'string' && /^\d+$/.test(v)) return checkedInstant(epochMs(Number(v)), field);
  if (typeof v === 'string') {
    const ms = Date.parse(v);
    if (/^\d{4}-\d{2}-\d{2}T/.test(v) && isInstant(ms)) return { ms, style: 'iso' };
  }
  return fail(`"${field}" must be ISO 8601 (2026-01-31T12:00:00Z), epoch seconds or epoch milliseconds.`);
}

function writeInstant(ms: number, style: ExpiryStyle): string | number {
  if (style === 'iso') return new Date(ms).toISOString();
  return style === 'seconds' ? Math.floor(ms / 1000) : ms;
}

/** The `exp` claim of a JWT in epoch ms, or undefined when the token is no JWT. */
export function jwtExpiry(token: string): number | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { exp?: unknown } | null;
    const ms = typeof claims?.exp === 'number' ? claims.exp * 1000 : undefined;
    // An absurd exp claim means the expiry is unknown, never an invalid date.
    return isInstant(ms) ? ms : undefined;
  } catch {
    return undefined;
  }
}

function scopesOf(v: unknown): string[] | undefined {
  if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return v as string[];
  if (typeof v === 'string' && v.trim()) return v.trim().split(/\s+/);
  return undefined;
}

function parseClaudeCode(root: Json): Credentials {
  const o = root.claudeAiOauth;
  if (typeof o !== 'object' || o === null || Array.isArray(o)) fail('"claudeAiOauth" must be an object.');
  const doc = o as Json;
  const where = 'the Claude Code credentials ("claudeAiOauth")';
  const creds: Credentials = {
    format: 'claude-code',
    accessToken: str(doc, 'accessToken', where),
    refreshToken: required(doc, 'refreshToken', where),
    scopes: scopesOf(doc.scopes),
    doc: root,
  };
  if (doc.expiresAt !== undefined && doc.expiresAt !== null)
    creds.expiresAt = parseInstant(doc.expiresAt, 'claudeAiOauth.expiresAt').ms;
  return creds;
}

function parseCodex(root: Json): Credentials {
  const t = root.tokens;
  if (typeof t !== 'object' || t === null || Array.isArray(t)) fail('"tokens" must be an object (Codex auth.json).');
  const tokens = t as Json;
  const where = 'the Codex auth.json ("tokens")';
  const accessToken = str(tokens, 'access_token', where);
  return {
    format: 'codex',
    accessToken,
    refreshToken: required(tokens, 'refresh_token', where),
    idToken: str(tokens, 'id_token', where),
    expiresAt: accessToken ? jwtExpiry(accessToken) : undefined,
    doc: root,
  };
}

function parseGeneric(root: Json): Credentials {
  const where = 'the token document';
  const creds: Credentials = {
    format: 'generic',
    accessToken: str(root, 'access_token', where),
    refreshToken: required(root, 'refresh_token', where),
    idToken: str(root, 'id_token', where),
    scopes: scopesOf(root.scope),
    doc: root,
  };
  if (root.expires_at !== undefined && root.expires_at !== null) {
    const at = parseInstant(root.expires_at, 'expires_at');
    creds.expiresAt = at.ms;
    creds.expiryStyle = { field: 'expires_at', style: at.style };
  } else if (root.expires_in !== undefined && root.obtained_at !== undefined) {
    if (typeof root.expires_in !== 'number' || !(root.expires_in >= 0))
      fail('"expires_in" must be a number of seconds.');
    const at = parseInstant(root.obtained_at, 'obtained_at');
    creds.expiresAt = checkedInstant({ ms: at.ms + root.expires_in * 1000, style: at.style }, 'expires_in').ms;
    creds.expiryStyle = { field: 'obtained_at', style: at.style };
  } else if (creds.accessToken) {
    creds.expiresAt = jwtExpiry(creds.accessToken);
    if (creds.expiresAt === undefined)
      fail(
        'the token document has an "access_token" but no expiry; ' +
          'add "expires_at" (or "expires_in" with "obtained_at").',
      );
  }
  return creds;
}

/** Detects the format and validates it. Error messages never quote the value. */
export function parseCredentials(text: string): Credentials {
  const value = text.trim();
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression the user writes.
  if (!value) fail('is empty; pass the stored credentials, e.g. credentials: ${{ secrets.CLAUDE_CREDENTIALS }}.');
  if (!/^[[{"]/.test(value)) {
    // A bare refresh token: one word, printable ASCII.
    if (!/^[\x21-\x7e]+$/.test(value)) fail('is neither JSON nor a bare refresh token; see the formats in the README.');
    return { format: 'refresh-token', refreshToken: value, doc: {} };
  }
  // Every value from outside (the input, the CLI's --from and imports, a file read back) comes here.
  checkJsonDepth(value, INPUT, 'store the document the login wrote.');
  let root: unknown;
  try {
    root = JSON.parse(value);
  } catch (err) {
    // JSON.parse's own message quotes the input: never pass it on (a cause is never printed).
    return fail('is not valid JSON; store the file exactly as the login wrote it.', undefined, err);
  }
  if (typeof root !== 'object' || root === null || Array.isArray(root)) fail('must be a JSON object.');
  const doc = root as Json;
  // Codex logged in with an API key keeps the key and no tokens (its `auth_mode` is `apikey`).
  if (typeof doc.OPENAI_API_KEY === 'string' && doc.OPENAI_API_KEY && doc.tokens == null) {
    fail(
      'is a Codex auth.json holding an API key, not a ChatGPT login: nothing to refresh. ' +
        'Use the key as OPENAI_API_KEY, or log in with ChatGPT (codex login) and store that auth.json.',
    );
  }
  if ('claudeAiOauth' in doc) return parseClaudeCode(doc);
  if ('tokens' in doc) return parseCodex(doc);
  if ('refresh_token' in doc || 'access_token' in doc) return parseGeneric(doc);
  return fail('is JSON of an unknown format; store the file the login wrote (README: Credentials formats).', [
    'Expected Claude Code ({"claudeAiOauth":…}), Codex auth.json ({"tokens":…}) or an OAuth token document ' +
      '({"access_token","refresh_token","expires_at"}).',
  ]);
}

/** Whether the access token stays valid for at least `minTtlMs` from `now`. */
export function validFor(c: Credentials, minTtlMs: number, now: number): boolean {
  return !!c.accessToken && c.expiresAt !== undefined && c.expiresAt - now >= minTtlMs;
}

/** Every value in the credentials that must be masked. */
export function secretsOf(c: Credentials): string[] {
  return [c.accessToken, c.refreshToken, c.idToken].filter((s): s is string => !!s);
}

/** Absolute expiry of a token set, or undefined when unknown or not a writable instant. */
export function expiryOf(t: TokenSet, now: number): number | undefined {
  if (!t.accessToken) return undefined;
  const fromNow = t.expiresInSeconds !== undefined ? now + t.expiresInSeconds * 1000 : undefined;
  const at = t.expiresAt ?? fromNow ?? jwtExpiry(t.accessToken);
  return isInstant(at) ? at : undefined;
}

/**
 * When the refresh token after this token set expires: as the provider now says, else as it
 * said before while the token is the same one; unknown for a new token it said nothing of.
 */
function refreshExpiryOf(c: Credentials, t: TokenSet, now: number): number | undefined {
  if (t.refreshExpiresInSeconds !== undefined) {
    const at = now + t.refreshExpiresInSeconds * 1000;
    return isInstant(at) ? at : undefined;
  }
  const same = t.refreshToken === undefined || t.refreshToken === c.refreshToken;
  return same ? refreshExpiresAt(c.doc) : undefined;
}

/**
 * The credentials after a refresh, in the same format, other fields untouched. Total: it
 * runs between the provider's answer and the write-back, so nothing here may throw.
 * A token set without an access token removes the stale one from the document.
 */
export function applyTokenSet(c: Credentials, t: TokenSet, now: number): Credentials {
  const next = applyTokens(c, t, now);
  return { ...next, doc: withRefreshExpiry(next.doc, refreshExpiryOf(c, t, now)) };
}

function applyTokens(c: Credentials, t: TokenSet, now: number): Credentials {
  const refreshToken = t.refreshToken ?? c.refreshToken;
  const accessToken = t.accessToken || undefined;
  const expiresAt = expiryOf(t, now);
  const scopes = scopesOf(t.scope) ?? c.scopes;
  const idToken = t.idToken ?? c.idToken;
  const base = { accessToken, refreshToken, expiresAt, scopes, idToken };
  switch (c.format) {
    case 'claude-code': {
      const o: Json = { ...(c.doc.claudeAiOauth as Json), accessToken, refreshToken };
      if (!accessToken) delete o.accessToken;
      if (expiresAt !== undefined) o.expiresAt = expiresAt;
      if (scopes) o.scopes = scopes;
      return { ...c, ...base, doc: { ...c.doc, claudeAiOauth: o } };
    }
    case 'codex': {
      const tokens: Json = { ...(c.doc.tokens as Json), access_token: accessToken, refresh_token: refreshToken };
      if (!accessToken) delete tokens.access_token;
      if (idToken) tokens.id_token = idToken;
      return { ...c, ...base, doc: { ...c.doc, tokens, last_refresh: new Date(now).toISOString() } };
    }
    case 'generic':
    case 'refresh-token': {
      const doc: Json = { ...c.doc, access_token: accessToken, refresh_token: refreshToken };
      if (!accessToken) delete doc.access_token;
      if (t.idToken || 'id_token' in doc) doc.id_token = idToken;
      if (t.scope) doc.scope = t.scope;
      // A bare token becomes a generic document with an ISO expiry.
      const style = c.expiryStyle ?? { field: 'expires_at' as const, style: 'iso' as const };
      if (expiresAt !== undefined) {
        if (style.field === 'obtained_at') {
          doc.obtained_at = writeInstant(now, style.style);
          doc.expires_in = Math.round((expiresAt - now) / 1000);
        } else {
          doc.expires_at = writeInstant(expiresAt, style.style);
        }
      }
      return { ...c, ...base, format: 'generic', expiryStyle: style, doc };
    }
  }
}

/** The text to store in the secret; compact JSON like the CLIs write. */
export function serializeCredentials(c: Credentials): string {
  if (c.format === 'refresh-token') return c.refreshToken;
  return JSON.stringify(c.doc);
}

/** GitHub's limit on a secret's value. */
export const MAX_SECRET_BYTES = 48 * 1024;

/**
 * Refuses, before any refresh, credentials whose rotation could not be stored: the value
 * written back must fit GitHub's limit even when the provider issues tokens twice as long.
 */
export function checkWriteBack(c: Credentials, now: number): void {
  const longer = (s: string | undefined, min: number): string => 'x'.repeat(Math.max(2 * (s?.length ?? 0), min));
  const grown: TokenSet = {
    accessToken: longer(c.accessToken, 2048),
    refreshToken: longer(c.refreshToken, 512),
    expiresInSeconds: 3600,
  };
  if (c.idToken) grown.idToken = longer(c.idToken, 0);
  const bytes = Buffer.byteLength(serializeCredentials(applyTokenSet(c, grown, now)));
  if (bytes > MAX_SECRET_BYTES) {
    const kb = Math.ceil(Buffer.byteLength(serializeCredentials(c)) / 1024);
    fail(
      `is ${kb} KB; refreshed, it could exceed GitHub's 48 KB secret limit, so nothing is refreshed. ` +
        'Store only the document the login wrote.',
      'Its rotated credentials could not be stored: the check allows for tokens twice as long as today’s.',
    );
  }
}
