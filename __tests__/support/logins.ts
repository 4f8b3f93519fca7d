// Logins as the providers' CLIs write them, with fake tokens the leak check knows: for tests that
// hand the CLI or a README command a login it did not make.
import { fakeJwt, fakeToken } from './fake-tokens.js';

const HOUR = 3_600_000;

/** Claude Code's `.credentials.json` of a Max login, as a document; `extra` goes beside claudeAiOauth. */
export function claudeCodeLoginDoc(extra: Record<string, unknown> = {}): Record<string, any> {
  const claudeAiOauth = {
    accessToken: fakeToken('anthropic-access'),
    refreshToken: fakeToken('anthropic-refresh'),
    expiresAt: Date.now() + 8 * HOUR,
    scopes: ['user:inference', 'user:profile'],
    subscriptionType: 'max',
  };
  return { claudeAiOauth, ...extra };
}

/** Claude Code's `.credentials.json` of a Max login, with the final newline a file has. */
export function claudeCodeLogin(): string {
  return `${JSON.stringify(claudeCodeLoginDoc())}\n`;
}

/** Codex's `auth.json` of a ChatGPT login, as a document. */
export function codexLoginDoc(): Record<string, any> {
  const tokens = {
    id_token: fakeJwt({ 'https://api.openai.com/auth': { chatgpt_account_id: 'acct-1' } }),
    access_token: fakeJwt({ exp: Math.floor(Date.now() / 1000) + 48 * 3600 }),
    refresh_token: fakeToken('opaque'),
    account_id: 'acct-1',
  };
  return { auth_mode: 'chatgpt', OPENAI_API_KEY: null, tokens, last_refresh: new Date().toISOString() };
}

/** Codex's `auth.json` of a ChatGPT login, with the final newline a file has. */
export function codexLogin(): string {
  return `${JSON.stringify(codexLoginDoc())}\n`;
}
