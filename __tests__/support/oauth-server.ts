/**
 * A stand-in for Anthropic's OAuth token endpoint (`POST /v1/oauth/token`),
 * strict about single-use refresh-token rotation so tests can prove that the
 * broker never presents a spent token and never loses a rotated one.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Delays, closeServer, readBody, listenOnLoopback } from './http.js';
import { fakeToken } from './fake-tokens.js';

export const ANTHROPIC_CLIENT_ID = '9d1c250a-e61b-44d9-88ed-5944d1962f5e';
/** The scopes a Claude Code login carries; `issue()` uses them when none are given. */
export const DEFAULT_SCOPES: readonly string[] = ['user:inference', 'user:profile', 'user:sessions:claude_code'];

export interface OAuthServerOptions {
  /** default '/v1/oauth/token' */
  path?: string;
  /** default: Claude Code's public client id */
  clientId?: string;
  /** default 28800 (8 h, like the real endpoint) */
  accessTtlSeconds?: number;
  /** answer without `refresh_token`: the presented token is not rotated and stays live */
  omitRefreshToken?: boolean;
  /** The body encoding the endpoint takes: 'json' as both CLIs send (default), or 'form' as RFC 6749 has it. */
  encoding?: 'json' | 'form';
  /** Mints other tokens than Anthropic's (Codex: JWT access and ID tokens, opaque refresh tokens). */
  mint?: { access?: () => string; refresh?: () => string; id?: () => string };
  /** Answer without `expires_in`: the expiry is then the access token's own (a JWT's `exp`). */
  omitExpiresIn?: boolean;
  /** answer with `refresh_token_expires_in` (seconds): how long the refresh token itself lives */
  refreshTtlSeconds?: number;
}

type Extra = Pick<OAuthServerOptions, 'encoding' | 'mint' | 'omitExpiresIn' | 'refreshTtlSeconds'>;

export interface OAuthFault {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  delayMs?: number;
  /**
   * 'reset' destroys the socket without answering; 'reset-after-rotate' rotates
   * (old token spent, new token live) then destroys the socket, i.e. the reply
   * was lost after the provider acted; 'hang' never answers.
   */
  action?: 'reset' | 'reset-after-rotate' | 'hang';
  /**
   * Rewrites the body of a real 200 (the rotation happens as usual), e.g. to answer
   * form-encoded or with a malformed field; `headers` still apply.
   */
  rewrite?: (answer: Record<string, unknown>) => string;
}

export interface OAuthRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** parsed JSON, or the raw text when it is not JSON */
  body: any;
}

export interface OAuthServer {
  url: string;
  /** url + path */
  tokenUrl: string;
  requests: OAuthRequest[];
  /** successful refreshes (each one a rotation unless `omitRefreshToken`) */
  refreshCount: number;
  /** presentations of a spent refresh token */
  reuseCount: number;
  /** a live refresh token (and a matching access token), for seeding credentials */
  issue(scopes?: string[]): { refreshToken: string; accessToken: string };
  /** each request shifts one fault off this queue, if any */
  faults: OAuthFault[];
  isLive(refreshToken: string): boolean;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

interface TokenRecord {
  scopes: string[];
  spent: boolean;
}

// 32 random bytes are exactly 43 base64url characters, the length real tokens carry.

const error = (code: string, description?: string): Answer => ({
  status: 400,
  body: description === undefined ? { error: code } : { error: code, error_description: description },
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(raw: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false };
  }
}

/** A form body as an object, the way a JSON one is (URLSearchParams takes anything). */
function parseForm(raw: string): { ok: true; value: unknown } {
  return { ok: true, value: Object.fromEntries(new URLSearchParams(raw)) };
}

class FakeOAuthServer implements OAuthServer {
  url = '';
  tokenUrl = '';
  requests: OAuthRequest[] = [];
  refreshCount = 0;
  reuseCount = 0;
  faults: OAuthFault[] = [];

  private readonly tokens = new Map<string, TokenRecord>();
  private readonly delays = new Delays();
  private readonly account = { uuid: randomUUID(), email_address: 'ci@example.com' };
  private readonly organization = { uuid: randomUUID(), name: 'Example' };
  private readonly server = createServer((req, res) => {
    this.handle(req, res).catch((err: unknown) => {
      // A bug in the stand-in must surface as a failed request, not a hung test.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err));
    });
  });

  constructor(
    private readonly path: string,
    private readonly clientId: string,
    private readonly accessTtlSeconds: number,
    private readonly omitRefreshToken: boolean,
    private readonly extra: Extra = {},
  ) {}

  async listen(): Promise<void> {
    this.url = await listenOnLoopback(this.server);
    this.tokenUrl = this.url + this.path;
  }

  issue(scopes: string[] = [...DEFAULT_SCOPES]): { refreshToken: string; accessToken: string } {
    const refreshToken = this.mintRefresh();
    this.tokens.set(refreshToken, { scopes: [...scopes], spent: false });
    return { refreshToken, accessToken: this.mintAccess() };
  }

  private mintAccess(): string {
    return this.extra.mint?.access?.() ?? fakeToken('anthropic-access');
  }

  private mintRefresh(): string {
    return this.extra.mint?.refresh?.() ?? fakeToken('anthropic-refresh');
  }

  isLive(refreshToken: string): boolean {
    return this.tokens.get(refreshToken)?.spent === false;
  }

  close(): Promise<void> {
    return closeServer(this.server, this.delays);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = (await readBody(req)).toString('utf8');
    const parsed = this.extra.encoding === 'form' ? parseForm(raw) : parseJson(raw);
    const method = req.method ?? '';
    const path = (req.url ?? '').split('?')[0] ?? '';
    this.requests.push({ method, path, headers: req.headers, body: parsed.ok ? parsed.value : raw });

    const fault = this.faults.shift();
    if (fault?.delayMs) await this.delays.sleep(fault.delayMs);
    if (fault?.action === 'hang') return;
    if (fault?.action === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault && (fault.status !== undefined || fault.body !== undefined)) {
      res.writeHead(fault.status ?? 500, { 'content-type': 'application/json', ...fault.headers });
      res.end(fault.body ?? '');
      return;
    }

    const answer = this.answer(method, path, req.headers, parsed);
    if (fault?.action === 'reset-after-rotate') {
      req.socket.destroy();
      return;
    }
    res.writeHead(answer.status, { 'content-type': 'application/json', ...fault?.headers });
    res.end(fault?.rewrite && answer.status === 200 ? fault.rewrite(answer.body) : JSON.stringify(answer.body));
  }

  private answer(
    method: string,
    path: string,
    headers: IncomingHttpHeaders,
    parsed: { ok: true; value: unknown } | { ok: false },
  ): Answer {
    if (method !== 'POST' || path !== this.path) return { status: 404, body: { error: 'not_found' } };
    const mediaType = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    const wanted = this.extra.encoding === 'form' ? 'application/x-www-form-urlencoded' : 'application/json';
    if (mediaType !== wanted) return error('invalid_request');
    if (!parsed.ok || !isRecord(parsed.value)) return error('invalid_request');
    const body = parsed.value;
    // RFC 6749 §5.2 codes for the fields the providers' documentation leaves open.
    if (body.grant_type !== 'refresh_token') return error('unsupported_grant_type');
    if (body.client_id !== this.clientId) return error('invalid_client');
    if (typeof body.refresh_token !== 'string' || body.refresh_token === '') return error('invalid_request');

    const record = this.tokens.get(body.refresh_token);
    if (!record || record.spent) {
      if (record?.spent) this.reuseCount += 1;
      return error('invalid_grant', 'Refresh token not found or invalid');
    }
    if (body.scope !== undefined) {
      if (typeof body.scope !== 'string') return error('invalid_request');
      const requested = body.scope.split(/\s+/).filter(Boolean);
      if (!requested.every((scope) => record.scopes.includes(scope))) return error('invalid_scope');
    }

    const response: Record<string, unknown> = {
      token_type: 'Bearer',
      access_token: this.mintAccess(),
    };
    const idToken = this.extra.mint?.id?.();
    if (idToken) response.id_token = idToken;
    if (!this.omitRefreshToken) {
      record.spent = true;
      const next = this.mintRefresh();
      this.tokens.set(next, { scopes: [...record.scopes], spent: false });
      response.refresh_token = next;
    }
    if (!this.extra.omitExpiresIn) response.expires_in = this.accessTtlSeconds;
    if (this.extra.refreshTtlSeconds !== undefined) response.refresh_token_expires_in = this.extra.refreshTtlSeconds;
    response.scope = record.scopes.join(' ');
    response.account = { ...this.account };
    response.organization = { ...this.organization };
    this.refreshCount += 1;
    return { status: 200, body: response };
  }
}

export async function startOAuthServer(opts: OAuthServerOptions = {}): Promise<OAuthServer> {
  const server = new FakeOAuthServer(
    opts.path ?? '/v1/oauth/token',
    opts.clientId ?? ANTHROPIC_CLIENT_ID,
    opts.accessTtlSeconds ?? 28800,
    opts.omitRefreshToken ?? false,
    {
      encoding: opts.encoding,
      mint: opts.mint,
      omitExpiresIn: opts.omitExpiresIn,
      refreshTtlSeconds: opts.refreshTtlSeconds,
    },
  );
  await server.listen();
  return server;
}
