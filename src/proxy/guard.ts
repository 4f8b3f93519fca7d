// What the credential proxy lets through (docs/proxy.md): a request for this proxy, on one of the
// provider's inference paths, carrying this job's placeholder and no other credential. Everything
// else is refused before anything is sent upstream. Pure: the server (server.ts) does the talking.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/** The providers the proxy serves. */
export type ProxiedProvider = 'anthropic' | 'openai';

/**
 * The inference paths each provider's CLI calls, as the proxy accepts them: plain segments only
 * (no dot, no percent sign, no empty segment), so no upstream can read them as another path.
 */
export const INFERENCE_PATHS: Record<ProxiedProvider, RegExp> = {
  // Claude Code: POST /v1/messages?beta=true, streamed; count_tokens and batches are sub-paths.
  anthropic: /^\/v1\/messages(?:\/[A-Za-z0-9_-]+)*$/,
  // Codex 0.169: its models, the workspace routing it needs an answer from, and responses (streamed). Its
  // plugins, analytics, settings and MCP calls are refused; it goes on without them (shared/NOTES.md).
  openai: /^\/backend-api\/(?:codex\/responses(?:\/[A-Za-z0-9_-]+)*|codex\/models|wham\/accounts\/check)$/,
};

/** Where a CLI that refreshes by itself is sent (Codex: CODEX_REFRESH_TOKEN_URL_OVERRIDE); the proxy answers. */
export const OWN_REFRESH_PATH = '/oauth/token';

const METHODS = new Set(['GET', 'POST']);

/** Headers that belong to one connection (RFC 9110 §7.6.1), never forwarded either way. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Credentials other than the placeholder: a request carrying one is refused, never relayed. */
const OTHER_CREDENTIALS = ['x-api-key', 'proxy-authorization'];

export interface Policy {
  /** `127.0.0.1:<port>`: the Host header a request for this proxy names. */
  host: string;
  placeholder: string;
  provider: ProxiedProvider;
}

/** The parts of a request the guard reads. */
export interface Request {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  rawHeaders: string[];
}

export type Verdict =
  | {
      ok: true;
      /** Path and query as the client sent them, to be put after the upstream's own path. */
      target: string;
      /** What to forward: every header but the hop-by-hop ones, the host and the placeholder. */
      headers: OutgoingHttpHeaders;
    }
  | { ok: false; status: number; kind: string; why: string };

const refuse = (status: number, kind: string, why: string): Verdict => ({ ok: false, status, kind, why });

/** How many times a header occurs in the raw list (the parsed one keeps only the first Authorization). */
function count(raw: string[], name: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i += 2) if (raw[i]?.toLowerCase() === name) n++;
  return n;
}

/** Equal strings, compared in constant time. */
export function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The headers named by Connection: hop-by-hop too. */
function connectionTokens(headers: IncomingHttpHeaders): Set<string> {
  const value = headers.connection ?? '';
  return new Set(value.split(',').map((t) => t.trim().toLowerCase()));
}

/** Response headers as they may go back to the client: the hop-by-hop ones dropped. */
export function endToEnd(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = connectionTokens(headers);
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && !named.has(name)) out[name] = value;
  }
  return out;
}

/** Whether the request is for this proxy at all: origin-form, its own Host. */
function forThisProxy(req: Request, policy: Policy): Verdict | undefined {
  // An absolute URI ("GET http://host/ HTTP/1.1") asks a forward proxy to go elsewhere.
  if (!(req.url ?? '').startsWith('/'))
    return refuse(400, 'invalid_request_error', 'only requests for this proxy are served');
  if (count(req.rawHeaders, 'host') !== 1 || req.headers.host !== policy.host) {
    return refuse(421, 'invalid_request_error', 'the Host header does not name this proxy');
  }
  return undefined;
}

/** A refresh the proxy answers itself (never upstream): POST to its own refresh path, for this proxy. */
export function isOwnRefresh(req: Request, policy: Policy): boolean {
  return !forThisProxy(req, policy) && req.method === 'POST' && req.url === OWN_REFRESH_PATH;
}

/** Whether this request may be forwarded, and what to forward; a refusal says why, without a secret. */
export function admit(req: Request, policy: Policy): Verdict {
  const url = req.url ?? '';
  const stranger = forThisProxy(req, policy);
  if (stranger) return stranger;
  // A WebSocket would outlive the request the placeholder was checked on: refused at once, so that a
  // client able to fall back to a streamed HTTP request does so without waiting. Other upgrades (h2c)
  // are dropped with the hop-by-hop headers, and the request is relayed as it is.
  if (/\bwebsocket\b/i.test(String(req.headers.upgrade ?? ''))) {
    return refuse(400, 'invalid_request_error', 'connection upgrades (WebSocket) are not relayed; use HTTP');
  }
  const query = url.indexOf('?');
  const path = query < 0 ? url : url.slice(0, query);
  if (!INFERENCE_PATHS[policy.provider].test(path)) {
    return refuse(404, 'not_found_error', 'only the inference API is served through this proxy');
  }
  if (!METHODS.has(req.method ?? '')) return refuse(405, 'invalid_request_error', 'method not allowed');
  const auth = req.headers.authorization ?? '';
  const bearer = /^Bearer +(\S+)$/i.exec(auth)?.[1] ?? '';
  if (count(req.rawHeaders, 'authorization') !== 1 || !same(bearer, policy.placeholder)) {
    return refuse(401, 'authentication_error', "a request must carry this job's placeholder as its bearer token");
  }
  if (OTHER_CREDENTIALS.some((name) => req.headers[name] !== undefined)) {
    return refuse(400, 'invalid_request_error', 'a request carrying another credential is not relayed');
  }
  const named = connectionTokens(req.headers);
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || named.has(name)) continue;
    if (name === 'host' || name === 'authorization' || name === 'expect') continue;
    headers[name] = value;
  }
  return { ok: true, target: url, headers };
}
