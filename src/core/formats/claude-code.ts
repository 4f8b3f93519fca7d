// Claude Code's `.credentials.json`: `{"claudeAiOauth": {accessToken, refreshToken, expiresAt (epoch ms),
// scopes, …}}`. Every other field, inside and outside `claudeAiOauth`, is written back as it was.
import { isJsonObject } from '../checks.js';
import { fail, parseInstant, required, scopesOf, str } from './fields.js';
import type { Applied, Credentials, Json } from './types.js';

export function isClaudeCode(doc: Json): boolean {
  return 'claudeAiOauth' in doc;
}

export function parseClaudeCode(root: Json): Credentials {
  const o = root.claudeAiOauth;
  if (!isJsonObject(o)) fail('"claudeAiOauth" must be an object.');
  const doc: Json = o;
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

/** The document with the new tokens in `claudeAiOauth`; a missing access token is removed. */
export function applyClaudeCode(c: Credentials, t: Applied): Credentials {
  const o: Json = { ...(c.doc.claudeAiOauth as Json), accessToken: t.accessToken, refreshToken: t.refreshToken };
  if (!t.accessToken) delete o.accessToken;
  if (t.expiresAt !== undefined) o.expiresAt = t.expiresAt;
  if (t.scopes) o.scopes = t.scopes;
  return { ...c, ...t, doc: { ...c.doc, claudeAiOauth: o } };
}
