// A generic OAuth 2.0 token document (`access_token`, `refresh_token`, and `expires_at`, or
// `expires_in` with `obtained_at`), and a bare refresh token, which becomes one on its first refresh.
// The expiry is written back in the style it was read.
import { isTokenWord } from '../checks.js';
import { writeInstant } from '../instant.js';
import { jwtExpiry } from '../jwt.js';
import { checkedInstant, fail, parseInstant, required, scopesOf, str } from './fields.js';
import type { Applied, Credentials, Json, TokenSet } from './types.js';

export function isGeneric(doc: Json): boolean {
  return 'refresh_token' in doc || 'access_token' in doc;
}

/** A value that is no JSON: one word of printable ASCII, the refresh token alone. */
export function parseBareToken(value: string): Credentials {
  if (!isTokenWord(value)) fail('is neither JSON nor a bare refresh token; see the formats in the README.');
  return { format: 'refresh-token', refreshToken: value, doc: {} };
}

export function parseGeneric(root: Json): Credentials {
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

/** The document with the new tokens; a bare token becomes a generic document with an ISO expiry. */
export function applyGeneric(c: Credentials, t: Applied, answer: TokenSet, now: number): Credentials {
  const doc: Json = { ...c.doc, access_token: t.accessToken, refresh_token: t.refreshToken };
  if (!t.accessToken) delete doc.access_token;
  if (answer.idToken || 'id_token' in doc) doc.id_token = t.idToken;
  if (answer.scope) doc.scope = answer.scope;
  const style = c.expiryStyle ?? { field: 'expires_at' as const, style: 'iso' as const };
  if (t.expiresAt !== undefined) {
    if (style.field === 'obtained_at') {
      doc.obtained_at = writeInstant(now, style.style);
      doc.expires_in = Math.round((t.expiresAt - now) / 1000);
    } else {
      doc.expires_at = writeInstant(t.expiresAt, style.style);
    }
  }
  return { ...c, ...t, format: 'generic', expiryStyle: style, doc };
}
