// Anthropic's login as Claude Code 2.1 does it (SPEC §6.1): authorization code with PKCE, in
// the variant where the page shows CODE#STATE and the user pastes it.
import { PROVIDERS } from '../../core/providers.js';
import type { CliDeps } from '../deps.js';
import { authorize } from './authorize.js';
import { claudeCodeCredentials } from './documents.js';
import { serviceName } from '../../core/refresh.js';
import { exchangeCode } from './exchange.js';

const AUTHORIZE_URL = 'https://claude.com/cai/oauth/authorize';
/** For Console accounts. */
const CONSOLE_AUTHORIZE_URL = 'https://platform.claude.com/oauth/authorize';
/** The page that shows CODE#STATE: the client is registered with it, whatever authorize URL is used. */
const REDIRECT_URI = 'https://platform.claude.com/oauth/code/callback';
/** Claude Code's without org:create_api_key: a login for CI has no use for making API keys. */
const SCOPES = ['user:profile', 'user:inference', 'user:sessions:claude_code', 'user:mcp_servers', 'user:file_upload'];
const INFERENCE_ONLY = ['user:inference'];

export interface AnthropicLogin {
  console: boolean;
  inferenceOnly: boolean;
  authorizeUrl?: string;
  tokenUrl?: string;
  clientId?: string;
}

/** Claude Code's `.credentials.json` for a new login. */
export async function loginAnthropic(o: AnthropicLogin, deps: CliDeps): Promise<Record<string, unknown>> {
  const clientId = o.clientId ?? (PROVIDERS.anthropic.clientId as string);
  const tokenUrl = o.tokenUrl ?? (PROVIDERS.anthropic.tokenUrl as string);
  const scopes = o.inferenceOnly ? INFERENCE_ONLY : SCOPES;
  const a = await authorize(
    {
      authorizeUrl: o.authorizeUrl ?? (o.console ? CONSOLE_AUTHORIZE_URL : AUTHORIZE_URL),
      clientId,
      redirectUri: REDIRECT_URI,
      scope: scopes.join(' '),
      extra: { code: 'true' },
      paste: 'CODE#STATE',
    },
    deps,
  );
  const { tokens, fields } = await exchangeCode(
    {
      service: serviceName('anthropic', tokenUrl),
      tokenUrl,
      encoding: 'json',
      fields: {
        grant_type: 'authorization_code',
        code: a.code,
        state: a.state,
        client_id: clientId,
        redirect_uri: a.redirectUri,
        code_verifier: a.verifier,
      },
      clientId,
      withoutRefreshToken: 'run the login again',
    },
    deps,
  );
  return claudeCodeCredentials(tokens, fields, scopes, deps.now());
}
