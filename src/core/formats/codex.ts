// Codex's `auth.json` with a ChatGPT login: `{"tokens": {id_token, access_token, refresh_token,
// account_id}, "last_refresh", …}`. The access token is a JWT whose `exp` is the expiry.
import { isJsonObject } from '../checks.js';
import { jwtExpiry } from '../jwt.js';
import { fail, required, str } from './fields.js';
import type { Applied, Credentials, Json } from './types.js';

export function isCodex(doc: Json): boolean {
  return 'tokens' in doc;
}

/** Codex logged in with an API key keeps the key and no tokens (its `auth_mode` is `apikey`). */
export function refuseCodexApiKey(doc: Json): void {
  if (typeof doc.OPENAI_API_KEY === 'string' && doc.OPENAI_API_KEY && doc.tokens == null) {
    fail(
      'is a Codex auth.json holding an API key, not a ChatGPT login: nothing to refresh. ' +
        'Use the key as OPENAI_API_KEY, or log in with ChatGPT (codex login) and store that auth.json.',
    );
  }
}

export function parseCodex(root: Json): Credentials {
  const t = root.tokens;
  if (!isJsonObject(t)) fail('"tokens" must be an object (Codex auth.json).');
  const tokens: Json = t;
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

/** The document with the new tokens in `tokens` and `last_refresh` set to now, as Codex writes it. */
export function applyCodex(c: Credentials, t: Applied, now: number): Credentials {
  const tokens: Json = { ...(c.doc.tokens as Json), access_token: t.accessToken, refresh_token: t.refreshToken };
  if (!t.accessToken) delete tokens.access_token;
  if (t.idToken) tokens.id_token = t.idToken;
  return { ...c, ...t, doc: { ...c.doc, tokens, last_refresh: new Date(now).toISOString() } };
}
