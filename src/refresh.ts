// The refresh grant (RFC 6749 §6) as each provider's own CLI sends it. It is sent at
// most once per refresh token unless the failure proves the request never arrived.
import type { TokenSet } from './credentials.js';
import { InvalidGrantError, UncertainRefreshError, UserError, redact } from './errors.js';
import { classifyFetchError, retryAfterMs } from './http.js';
import { neutral } from './neutral.js';
import type { Provider } from './providers.js';
import { USER_AGENT } from './version.js';

export interface RefreshRequest {
  provider: Provider;
  tokenUrl: string;
  clientId: string;
  clientSecret?: string;
  /** Sent only when the stored credentials (or the `scope` input) name scopes. */
  scopes?: string[];
  refreshToken: string;
}

export interface RefreshDeps {
  fetch: typeof fetch;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  info: (message: string) => void;
  timeoutMs: number;
  /** Base delay between attempts that never reached the provider. */
  retryDelayMs: number;
}

// Provider error codes that mean the refresh token itself is dead (OpenAI nests them).
const DEAD_TOKEN = new Set(['invalid_grant', 'refresh_token_reused', 'refresh_token_expired', 'refresh_token_invalidated']);
// The other codes of RFC 6749 §5.2 and those the providers are known to send: printed as is.
const KNOWN_CODES = new Set([
  ...DEAD_TOKEN,
  'invalid_request',
  'invalid_client',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'access_denied',
  'server_error',
  'temporarily_unavailable',
  'rate_limited',
  'rate_limit_exceeded',
]);
const MAX_ATTEMPTS = 3;
const MAX_RETRY_AFTER_MS = 60_000;

function buildRequest(req: RefreshRequest): { headers: Record<string, string>; body: string } {
  const fields: Record<string, string> = { grant_type: 'refresh_token', refresh_token: req.refreshToken, client_id: req.clientId };
  if (req.provider.sendsScope && req.scopes?.length) fields.scope = req.scopes.join(' ');
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': USER_AGENT };
  if (req.clientSecret) {
    // RFC 6749 §2.3.1: servers must accept HTTP Basic; form-encode the parts first.
    const enc = (s: string): string => encodeURIComponent(s).replace(/%20/g, '+');
    headers.authorization = `Basic ${Buffer.from(`${enc(req.clientId)}:${enc(req.clientSecret)}`).toString('base64')}`;
  }
  if (req.provider.encoding === 'json') {
    headers['content-type'] = 'application/json';
    return { headers, body: JSON.stringify(fields) };
  }
  headers['content-type'] = 'application/x-www-form-urlencoded';
  return { headers, body: new URLSearchParams(fields).toString() };
}

/** The provider's error code and description, from either `{error, error_description}` or `{error: {code, message}}`. */
function providerError(text: string): { code?: string; description?: string } {
  try {
    const body = JSON.parse(text) as { error?: unknown; error_description?: unknown };
    const e = body.error;
    if (typeof e === 'string') return { code: e, description: typeof body.error_description === 'string' ? body.error_description : undefined };
    if (e && typeof e === 'object') {
      const o = e as { code?: unknown; type?: unknown; message?: unknown };
      const code = typeof o.code === 'string' ? o.code : typeof o.type === 'string' ? o.type : undefined;
      return { code, description: typeof o.message === 'string' ? o.message : undefined };
    }
  } catch {
    // Not JSON: nothing quotable.
  }
  return {};
}

/** A code the action knows, or one short and plain enough to quote once redacted: never a piece of a secret. */
function quotableCode(code: string, secrets: string[]): string {
  if (KNOWN_CODES.has(code)) return code;
  const safe = redact(code, secrets);
  return /^[A-Za-z0-9_.-]{1,40}$/.test(safe) ? safe : 'an unrecognised error code';
}

function parseTokenSet(text: string, service: string): TokenSet {
  const uncertain = (what: string): never => {
    throw new UncertainRefreshError(
      `${service} answered 200 but ${what}; the provider may have rotated the refresh token anyway. Run again; if it then fails with invalid_grant, log in again and store the new credentials in the secret (README: First login).`,
    );
  };
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return uncertain('the body is not JSON');
  }
  if (typeof body !== 'object' || body === null) return uncertain('the body is not a JSON object');
  if (typeof body.access_token !== 'string' || !body.access_token) return uncertain('without an access_token');
  if (body.refresh_token !== undefined && body.refresh_token !== null && typeof body.refresh_token !== 'string') return uncertain('with a malformed refresh_token');
  const set: TokenSet = { accessToken: body.access_token };
  if (typeof body.refresh_token === 'string' && body.refresh_token) set.refreshToken = body.refresh_token;
  if (typeof body.expires_in === 'number' && body.expires_in > 0) set.expiresInSeconds = body.expires_in;
  if (typeof body.scope === 'string') set.scope = body.scope;
  if (typeof body.id_token === 'string' && body.id_token) set.idToken = body.id_token;
  return set;
}

/**
 * Presents the refresh token once. Retries only when the provider cannot have seen it:
 * the connection was refused, or a 429/503 said when to come back.
 */
export async function refreshTokens(req: RefreshRequest, deps: RefreshDeps): Promise<TokenSet> {
  const service = `provider ${req.provider.id} (${new URL(req.tokenUrl).host})`;
  const { headers, body } = buildRequest(req);
  const secrets = [req.refreshToken, req.clientSecret ?? ''];
  for (let attempt = 1; ; attempt++) {
    let res: Response;
    let text: string;
    try {
      res = await deps.fetch(req.tokenUrl, { method: 'POST', headers, body, redirect: 'error', signal: AbortSignal.timeout(deps.timeoutMs) });
    } catch (err) {
      const f = classifyFetchError(err, deps.timeoutMs);
      if (f.notSent && attempt < MAX_ATTEMPTS) {
        const wait = deps.retryDelayMs * 2 ** (attempt - 1);
        deps.info(`${service}: ${f.reason}; the request was not sent, retrying in ${Math.round(wait / 1000)}s`);
        await deps.sleep(wait);
        continue;
      }
      if (f.notSent) throw new UserError(`${service}: ${f.reason} after ${attempt} attempts; nothing was spent. Check token-url and the runner's network, then run again.`);
      throw new UncertainRefreshError(
        `${service}: ${f.reason}; the refresh may have reached the provider, so it is not retried. Run again; if it then fails with invalid_grant, log in again and store the new credentials in the secret (README: First login).`,
      );
    }
    try {
      text = await res.text();
    } catch (err) {
      throw new UncertainRefreshError(
        `${service}: answered ${res.status} but ${classifyFetchError(err, deps.timeoutMs).reason}; the refresh token may be spent. Run again; if it then fails with invalid_grant, log in again and store the new credentials in the secret (README: First login).`,
      );
    }
    if (res.ok) return parseTokenSet(text, service);

    const wait = retryAfterMs(res.headers, deps.now());
    if ((res.status === 429 || res.status === 503) && wait !== undefined && wait <= MAX_RETRY_AFTER_MS && attempt < MAX_ATTEMPTS) {
      deps.info(`${service}: answered ${res.status}; retrying in ${Math.ceil(wait / 1000)}s as it asked`);
      await deps.sleep(wait);
      continue;
    }
    const { code, description } = providerError(text);
    const quoted = [code && quotableCode(code, secrets), description && neutral(redact(description, secrets))];
    const detail = quoted.filter(Boolean).join(': ');
    const said = `answered HTTP ${res.status}${detail ? ` (${detail})` : ''}`;
    if (code && DEAD_TOKEN.has(code)) {
      throw new InvalidGrantError(`${service} refused the stored refresh token: ${said}. It was already used or revoked.`);
    }
    if (res.status === 401 || res.status === 400) {
      throw new UserError(`${service} ${said}; check client-id, token-url and scope.`);
    }
    throw new UncertainRefreshError(`${service} ${said}; the refresh failed and is not retried, since it may have reached the provider. Run again later.`);
  }
}
