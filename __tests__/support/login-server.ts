/**
 * A stand-in for the login side of an OAuth provider, as strict as the real ones about what a
 * login sends (SPEC §6.1): the authorize endpoint (client_id, redirect_uri, response_type=code,
 * S256; it records the challenge and state, then shows CODE#STATE for Anthropic's paste page or
 * redirects to redirect_uri), OpenAI's device endpoints (a user code, 403 until approved, then
 * a code with its PKCE pair), and the authorization_code grant on the token endpoint (each code
 * once, for the same client and redirect_uri, its state for Anthropic, and a verifier whose
 * SHA-256 is the recorded challenge). Tokens are minted with fake-tokens.ts; given an `issuer`
 * (startOAuthServer), Anthropic's come from it, so its refresh grant takes them afterwards.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { fakeJwt, fakeToken } from './fake-tokens.js';
import { closeServer, readBody, listenOnLoopback } from './http.js';
import { ANTHROPIC_CLIENT_ID, type OAuthServer } from './oauth-server.js';

export const OPENAI_CLIENT_ID = 'app_EMoamEEZ73f0CkXaXp7hrann';
/** Where Anthropic's paste page lives: the only redirect_uri its client takes. */
export const ANTHROPIC_PASTE_CALLBACK = 'https://platform.claude.com/oauth/code/callback';

export type LoginKind = 'anthropic' | 'openai' | 'oauth2';

export interface LoginServerOptions {
  kind: LoginKind;
  /** default: the provider's public client id; oauth2: 'ci-client' */
  clientId?: string;
  /** oauth2: the client must authenticate with HTTP Basic */
  clientSecret?: string;
  /** anthropic: mints the tokens, so its refresh grant takes them */
  issuer?: OAuthServer;
  /** device polls answered 403 before the approval; default 2 */
  pollsBeforeApproval?: number;
  /** anthropic: sent as `subscription_type` in the exchange's answer */
  subscriptionType?: string;
}

export interface Authorization {
  clientId: string;
  redirectUri: string;
  challenge: string;
  /** absent for a device code */
  state?: string;
  scope?: string;
  query: Record<string, string>;
  code: string;
  used: boolean;
}

export interface LoginRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** the parsed JSON or form body, or the raw text */
  body: any;
}

export interface Issued {
  accessToken: string;
  refreshToken: string;
  idToken?: string;
}

export interface LoginServer {
  url: string;
  authorizeUrl: string;
  tokenUrl: string;
  /** the device endpoints' base (--device-url) */
  deviceUrl: string;
  requests: LoginRequest[];
  authorizations: Authorization[];
  /** the user codes handed out */
  userCodes: string[];
  /** token polls of the device login, answered or not */
  polls: number;
  issued: Issued[];
  /** the ChatGPT account the id_token names */
  accountId: string;
  /** true: the next authorize redirects with error=access_denied */
  deny: boolean;
  /** each token-endpoint request shifts one off and is answered with it */
  tokenFaults: Array<{ status: number; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body: string | Record<string, unknown>;
}

const oauthError = (error: string, description: string, status = 400): Answer => ({
  status,
  body: { error, error_description: description },
});

const isLoopbackHttp = (uri: string): boolean => {
  try {
    const u = new URL(uri);
    return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  } catch {
    return false;
  }
};

function parseBody(raw: string, contentType: string): any {
  const type = contentType.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(raw));
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

class FakeLoginServer implements LoginServer {
  url = '';
  authorizeUrl = '';
  tokenUrl = '';
  deviceUrl = '';
  requests: LoginRequest[] = [];
  authorizations: Authorization[] = [];
  userCodes: string[] = [];
  polls = 0;
  issued: Issued[] = [];
  accountId = randomUUID();
  deny = false;
  tokenFaults: Array<{ status: number; body: Record<string, unknown> }> = [];

  private readonly clientId: string;
  private readonly devices = new Map<
    string,
    { userCode: string; polls: number; approved?: { authorization: Authorization; verifier: string } }
  >();
  private readonly server = createServer((req, res) => {
    this.handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err));
    });
  });

  constructor(private readonly opts: LoginServerOptions) {
    const defaults: Record<LoginKind, string> = {
      anthropic: ANTHROPIC_CLIENT_ID,
      openai: OPENAI_CLIENT_ID,
      oauth2: 'ci-client',
    };
    this.clientId = opts.clientId ?? defaults[opts.kind];
  }

  async listen(): Promise<void> {
    this.url = await listenOnLoopback(this.server);
    this.authorizeUrl = `${this.url}/oauth/authorize`;
    this.tokenUrl = `${this.url}/oauth/token`;
    this.deviceUrl = this.url;
  }

  close(): Promise<void> {
    return closeServer(this.server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = (await readBody(req)).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const body = parseBody(raw, req.headers['content-type'] ?? '');
    this.requests.push({ method: req.method ?? '', path: url.pathname, headers: req.headers, body });
    const answer = this.answer(req.method ?? '', url, req.headers, body);
    const json = typeof answer.body !== 'string';
    res.writeHead(answer.status, {
      'content-type': json ? 'application/json' : 'text/html; charset=utf-8',
      ...answer.headers,
    });
    res.end(json ? JSON.stringify(answer.body) : answer.body);
  }

  private answer(method: string, url: URL, headers: IncomingHttpHeaders, body: any): Answer {
    const route = `${method} ${url.pathname}`;
    if (route === 'GET /oauth/authorize') return this.authorize(url.searchParams);
    if (route === 'POST /oauth/token') return this.token(headers, body);
    if (route === 'POST /api/accounts/deviceauth/usercode') return this.userCode(body);
    if (route === 'POST /api/accounts/deviceauth/token') return this.poll(body);
    return { status: 404, body: { error: 'not_found' } };
  }

  private authorize(q: URLSearchParams): Answer {
    const query = Object.fromEntries(q);
    const refuse = (what: string): Answer => ({ status: 400, body: `<p>invalid_request: ${what}</p>` });
    if (query.client_id !== this.clientId) return refuse('unknown client_id');
    if (query.response_type !== 'code') return refuse('response_type must be code');
    if (query.code_challenge_method !== 'S256') return refuse('code_challenge_method must be S256');
    if (!/^[\w-]{43}$/.test(query.code_challenge ?? '')) return refuse('code_challenge missing');
    if (!query.state) return refuse('state missing');
    const redirectUri = query.redirect_uri ?? '';
    const paste = this.opts.kind === 'anthropic';
    if (paste ? redirectUri !== ANTHROPIC_PASTE_CALLBACK : !URL.canParse(redirectUri)) {
      return refuse('redirect_uri is not registered');
    }
    if (this.opts.kind === 'openai' && !isLoopbackHttp(redirectUri)) return refuse('redirect_uri must be loopback');
    const back = new URL(redirectUri);
    if (this.deny) {
      this.deny = false;
      back.searchParams.set('error', 'access_denied');
      back.searchParams.set('error_description', 'The user denied the request');
      back.searchParams.set('state', query.state);
      return { status: 302, headers: { location: back.href }, body: '' };
    }
    const code = fakeToken('opaque');
    this.authorizations.push({
      clientId: query.client_id,
      redirectUri,
      challenge: query.code_challenge,
      state: query.state,
      scope: query.scope,
      query,
      code,
      used: false,
    });
    if (paste)
      return { status: 200, body: `<p>Paste this code into Claude Code:</p><pre>${code}#${query.state}</pre>` };
    back.searchParams.set('code', code);
    back.searchParams.set('state', query.state);
    return { status: 302, headers: { location: back.href }, body: '' };
  }

  private token(headers: IncomingHttpHeaders, body: any): Answer {
    const fault = this.tokenFaults.shift();
    if (fault) return { status: fault.status, body: fault.body };
    const type = (headers['content-type'] ?? '').split(';')[0]?.trim();
    const wanted = this.opts.kind === 'anthropic' ? 'application/json' : 'application/x-www-form-urlencoded';
    if (type !== wanted) return oauthError('invalid_request', `the body must be ${wanted}`);
    if (typeof body !== 'object' || body === null) return oauthError('invalid_request', 'no body');
    if (body.grant_type !== 'authorization_code') return oauthError('unsupported_grant_type', 'not here');
    if (this.opts.clientSecret) {
      const basic = `Basic ${Buffer.from(`${this.clientId}:${this.opts.clientSecret}`).toString('base64')}`;
      if (headers.authorization !== basic) return oauthError('invalid_client', 'client authentication failed', 401);
    }
    const a = this.authorizations.find((x) => x.code === body.code);
    if (!a || a.used) return oauthError('invalid_grant', 'Invalid authorization code');
    a.used = true;
    if (body.client_id !== a.clientId) return oauthError('invalid_client', 'client_id does not match');
    if (body.redirect_uri !== a.redirectUri) return oauthError('invalid_grant', 'redirect_uri does not match');
    if (this.opts.kind === 'anthropic' && body.state !== a.state) return oauthError('invalid_grant', 'Invalid state');
    const verifier = typeof body.code_verifier === 'string' ? body.code_verifier : '';
    if (createHash('sha256').update(verifier).digest('base64url') !== a.challenge) {
      return oauthError('invalid_grant', 'code_verifier does not match the challenge');
    }
    return { status: 200, body: this.mint(a) };
  }

  private mint(a: Authorization): Record<string, unknown> {
    const exp = Math.floor(Date.now() / 1000) + 10 * 86_400;
    if (this.opts.kind === 'openai') {
      const auth = { chatgpt_account_id: this.accountId, chatgpt_plan_type: 'plus' };
      const issued: Issued = {
        idToken: fakeJwt({
          iss: 'https://auth.openai.com',
          aud: [a.clientId],
          exp,
          'https://api.openai.com/auth': auth,
        }),
        accessToken: fakeJwt({ iss: 'https://auth.openai.com', exp, 'https://api.openai.com/auth': auth }),
        refreshToken: fakeToken('opaque'),
      };
      this.issued.push(issued);
      const { idToken, accessToken, refreshToken } = issued;
      return { id_token: idToken, access_token: accessToken, refresh_token: refreshToken, expires_in: 864_000 };
    }
    if (this.opts.kind === 'oauth2') {
      const issued = { accessToken: fakeToken('opaque'), refreshToken: fakeToken('opaque') };
      this.issued.push(issued);
      const answer: Record<string, unknown> = {
        access_token: issued.accessToken,
        refresh_token: issued.refreshToken,
        token_type: 'bearer',
        expires_in: 3600,
      };
      if (a.scope) answer.scope = a.scope;
      return answer;
    }
    const scopes = (a.scope ?? '').split(/\s+/).filter(Boolean);
    const minted = this.opts.issuer?.issue(scopes) ?? {
      accessToken: fakeToken('anthropic-access'),
      refreshToken: fakeToken('anthropic-refresh'),
    };
    this.issued.push(minted);
    const answer: Record<string, unknown> = {
      token_type: 'Bearer',
      access_token: minted.accessToken,
      refresh_token: minted.refreshToken,
      expires_in: 28_800,
      scope: scopes.join(' '),
      account: { uuid: randomUUID(), email_address: 'ci@example.com' },
      organization: { uuid: randomUUID(), name: 'Example' },
    };
    if (this.opts.subscriptionType) answer.subscription_type = this.opts.subscriptionType;
    return answer;
  }

  private userCode(body: any): Answer {
    if (body?.client_id !== this.clientId) return oauthError('invalid_client', 'unknown client_id');
    const deviceAuthId = fakeToken('opaque');
    const userCode = `${randomUUID().slice(0, 4)}-${randomUUID().slice(0, 5)}`.toUpperCase();
    this.devices.set(deviceAuthId, { userCode, polls: 0 });
    this.userCodes.push(userCode);
    return { status: 200, body: { device_auth_id: deviceAuthId, user_code: userCode, interval: '5' } };
  }

  private poll(body: any): Answer {
    this.polls += 1;
    const device = this.devices.get(body?.device_auth_id);
    if (!device || device.userCode !== body?.user_code) return { status: 404, body: { error: 'not_found' } };
    device.polls += 1;
    if (device.polls <= (this.opts.pollsBeforeApproval ?? 2)) {
      return { status: 403, body: { error: { code: 'deviceauth_authorization_pending' } } };
    }
    if (!device.approved) {
      const verifier = fakeToken('opaque');
      const authorization: Authorization = {
        clientId: this.clientId,
        redirectUri: `${this.url}/deviceauth/callback`,
        challenge: createHash('sha256').update(verifier).digest('base64url'),
        query: {},
        code: fakeToken('opaque'),
        used: false,
      };
      this.authorizations.push(authorization);
      device.approved = { authorization, verifier };
    }
    const { authorization: a, verifier } = device.approved;
    return { status: 200, body: { authorization_code: a.code, code_verifier: verifier, code_challenge: a.challenge } };
  }
}

export async function startLoginServer(opts: LoginServerOptions): Promise<LoginServer> {
  const server = new FakeLoginServer(opts);
  await server.listen();
  return server;
}
