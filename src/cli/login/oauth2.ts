// Any OAuth 2.0 provider's login: authorization code with PKCE, the code from a loopback
// callback or pasted, the exchange form-encoded as RFC 6749 says, a client secret as HTTP Basic.
import type { CliDeps } from '../deps.js';
import { authorize } from './authorize.js';
import { tokenDocument } from './documents.js';
import { serviceName } from '../../core/refresh.js';
import { exchangeCode } from './exchange.js';

/** A free port on this machine (RFC 8252 §7.3: servers must accept any for a loopback IP). */
export const OAUTH2_REDIRECT_URI = 'http://127.0.0.1/callback';

export interface Oauth2Login {
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret?: string;
  scope?: string;
  redirectUri?: string;
}

/** The generic token document for a new login. */
export async function loginOauth2(o: Oauth2Login, deps: CliDeps): Promise<Record<string, unknown>> {
  const a = await authorize(
    {
      authorizeUrl: o.authorizeUrl,
      clientId: o.clientId,
      redirectUri: o.redirectUri ?? OAUTH2_REDIRECT_URI,
      scope: o.scope,
      paste: 'address',
    },
    deps,
  );
  const { tokens, fields } = await exchangeCode(
    {
      service: serviceName('oauth2', o.tokenUrl),
      tokenUrl: o.tokenUrl,
      encoding: 'form',
      fields: {
        grant_type: 'authorization_code',
        code: a.code,
        redirect_uri: a.redirectUri,
        client_id: o.clientId,
        code_verifier: a.verifier,
      },
      clientId: o.clientId,
      clientSecret: o.clientSecret,
      withoutRefreshToken: 'ask for offline access with --scope (often offline_access) and run the login again',
    },
    deps,
  );
  const doc = tokenDocument(tokens, fields, deps.now());
  if (tokens.accessToken && !('access_token' in doc)) {
    deps.stderr('The provider did not say when the access token expires, so only the refresh token is kept.');
  }
  return doc;
}
