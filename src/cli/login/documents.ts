// A new login in the provider CLI's own format (README: Credentials formats), which
// parseCredentials reads back and the action refreshes.
import { expiryOf, type TokenSet } from '../../core/formats/index.js';
import { jwtClaims } from '../../core/jwt.js';

type Json = Record<string, unknown>;

/** A short plain word from the answer (a subscription, a token type), never anything else. */
const word = (v: unknown): string | undefined => (typeof v === 'string' && /^[\w.-]{1,40}$/.test(v) ? v : undefined);

/**
 * Claude Code's `.credentials.json`. Without a `scope` in the answer the scopes asked for are
 * stored: Claude Code ignores a login whose scopes lack user:inference.
 */
export function claudeCodeCredentials(t: TokenSet, answer: Json, asked: string[], now: number): Json {
  const o: Json = { accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: expiryOf(t, now) };
  o.scopes = t.scope?.trim() ? t.scope.trim().split(/\s+/) : asked;
  const subscription = word(answer.subscription_type);
  if (subscription) o.subscriptionType = subscription;
  return { claudeAiOauth: o };
}

/** The ChatGPT account the ID token names, which Codex sends with every request. */
function chatgptAccountId(idToken: string | undefined): string | null {
  const auth = idToken ? jwtClaims(idToken)?.['https://api.openai.com/auth'] : undefined;
  const id = typeof auth === 'object' && auth !== null ? (auth as Json).chatgpt_account_id : undefined;
  return typeof id === 'string' ? id : null;
}

/** Codex's `auth.json` for a ChatGPT login. */
export function codexAuth(t: TokenSet, now: number): Json {
  return {
    auth_mode: 'chatgpt',
    OPENAI_API_KEY: null,
    tokens: {
      id_token: t.idToken,
      access_token: t.accessToken,
      refresh_token: t.refreshToken,
      account_id: chatgptAccountId(t.idToken),
    },
    last_refresh: new Date(now).toISOString(),
  };
}

/**
 * The generic token document. An access token whose expiry neither the answer nor the token
 * says is left out: the document could not say when it is stale, and the first run refreshes.
 */
export function tokenDocument(t: TokenSet, answer: Json, now: number): Json {
  const expiresAt = expiryOf(t, now);
  const doc: Json = {};
  if (expiresAt !== undefined) doc.access_token = t.accessToken;
  doc.refresh_token = t.refreshToken;
  if (expiresAt !== undefined) doc.expires_at = new Date(expiresAt).toISOString();
  if (t.scope) doc.scope = t.scope;
  doc.token_type = word(answer.token_type) ?? 'Bearer';
  if (t.idToken) doc.id_token = t.idToken;
  return doc;
}
