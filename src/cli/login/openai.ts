// OpenAI's login as Codex does it (SPEC §6.1): a device code by default, for a machine without
// a browser; with --browser, authorization code with PKCE and a loopback callback.
import { UserError } from '../../core/errors.js';
import { PROVIDERS } from '../../core/providers.js';
import type { CliDeps } from '../deps.js';
import { authorize } from './authorize.js';
import { deviceCode } from './device.js';
import { codexAuth } from './documents.js';
import { serviceName } from '../../core/refresh.js';
import { exchangeCode } from './exchange.js';

const AUTH_BASE = 'https://auth.openai.com';
const AUTHORIZE_URL = `${AUTH_BASE}/oauth/authorize`;
/** The one Codex's client is registered with. */
const REDIRECT_URI = 'http://localhost:1455/auth/callback';
const SCOPE = 'openid profile email offline_access';

export interface OpenaiLogin {
  browser: boolean;
  authorizeUrl?: string;
  tokenUrl?: string;
  /** The device endpoints' base: `…/api/accounts/deviceauth/…`, `…/codex/device`. */
  deviceUrl?: string;
  clientId?: string;
  redirectUri?: string;
}

/** The authorization code, by the device code or the browser. */
async function code(o: OpenaiLogin, clientId: string, deps: CliDeps) {
  if (!o.browser) {
    const base = o.deviceUrl ?? AUTH_BASE;
    return deviceCode(base, clientId, serviceName('openai', base), deps);
  }
  return authorize(
    {
      authorizeUrl: o.authorizeUrl ?? AUTHORIZE_URL,
      clientId,
      redirectUri: o.redirectUri ?? REDIRECT_URI,
      scope: SCOPE,
      extra: { id_token_add_organizations: 'true', codex_cli_simplified_flow: 'true', originator: 'oauth-broker' },
      paste: 'address',
    },
    deps,
  );
}

/** Codex's `auth.json` for a new ChatGPT login. */
export async function loginOpenai(o: OpenaiLogin, deps: CliDeps): Promise<Record<string, unknown>> {
  const clientId = o.clientId ?? (PROVIDERS.openai.clientId as string);
  const tokenUrl = o.tokenUrl ?? (PROVIDERS.openai.tokenUrl as string);
  const a = await code(o, clientId, deps);
  const service = serviceName('openai', tokenUrl);
  const { tokens } = await exchangeCode(
    {
      service,
      tokenUrl,
      encoding: 'form',
      fields: {
        grant_type: 'authorization_code',
        code: a.code,
        redirect_uri: a.redirectUri,
        client_id: clientId,
        code_verifier: a.verifier,
      },
      clientId,
      withoutRefreshToken: 'run the login again',
    },
    deps,
  );
  if (!tokens.idToken)
    throw new UserError('OB_LOGIN', `${service} answered without an id_token, which Codex needs; run the login again.`);
  return codexAuth(tokens, deps.now());
}
