// The stored formats (README, "Credentials formats"), one file each: this registry recognises which
// one a value is, and dispatches the write-back to it. Each is written back in the same shape, with
// every field the broker does not understand left as it was.
import { isJsonObject } from '../checks.js';
import { isInstant } from '../instant.js';
import { checkJsonDepth } from '../json.js';
import { jwtExpiry } from '../jwt.js';
import { refreshExpiresAt, withRefreshExpiry } from '../marker.js';
import { applyClaudeCode, isClaudeCode, parseClaudeCode } from './claude-code.js';
import { applyCodex, isCodex, parseCodex, refuseCodexApiKey } from './codex.js';
import { fail, scopesOf } from './fields.js';
import { applyGeneric, isGeneric, parseBareToken, parseGeneric } from './generic.js';
import type { Applied, Credentials, Json, TokenSet } from './types.js';

export type { Credentials, Format, TokenSet } from './types.js';

/** Detects the format and validates it. Error messages never quote the value. */
export function parseCredentials(text: string): Credentials {
  const value = text.trim();
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression the user writes.
  if (!value) fail('is empty; pass the stored credentials, e.g. credentials: ${{ secrets.CLAUDE_CREDENTIALS }}.');
  if (!/^[[{"]/.test(value)) return parseBareToken(value);
  // Every value from outside (the input, the CLI's --from and imports, a file read back) comes here.
  checkJsonDepth(value, 'credentials', 'store the document the login wrote.');
  let root: unknown;
  try {
    root = JSON.parse(value);
  } catch (err) {
    // JSON.parse's own message quotes the input: never pass it on (a cause is never printed).
    return fail('is not valid JSON; store the file exactly as the login wrote it.', undefined, err);
  }
  if (!isJsonObject(root)) fail('must be a JSON object.');
  const doc: Json = root;
  refuseCodexApiKey(doc);
  if (isClaudeCode(doc)) return parseClaudeCode(doc);
  if (isCodex(doc)) return parseCodex(doc);
  if (isGeneric(doc)) return parseGeneric(doc);
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
  const applied: Applied = {
    accessToken: t.accessToken || undefined,
    refreshToken: t.refreshToken ?? c.refreshToken,
    expiresAt: expiryOf(t, now),
    scopes: scopesOf(t.scope) ?? c.scopes,
    idToken: t.idToken ?? c.idToken,
  };
  switch (c.format) {
    case 'claude-code':
      return applyClaudeCode(c, applied);
    case 'codex':
      return applyCodex(c, applied, now);
    case 'generic':
    case 'refresh-token':
      return applyGeneric(c, applied, t, now);
  }
}

/** The text to store in the secret; compact JSON like the CLIs write. */
export function serializeCredentials(c: Credentials): string {
  if (c.format === 'refresh-token') return c.refreshToken;
  return JSON.stringify(c.doc);
}
