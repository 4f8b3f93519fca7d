// What a failed fetch tells us about whether the request reached the other side.

/** Codes meaning the connection was never made: the request cannot have been seen. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export interface FetchFailure {
  /** True when the request certainly never reached the server. */
  notSent: boolean;
  /** A short, secret-free description: "connection refused", "timed out after 30s". */
  reason: string;
}

/** The error and the first few of its causes: fetch wraps what the socket or proxy said. */
function* causes(err: unknown): Generator<{ code?: unknown; message?: unknown }> {
  for (let e = err, i = 0; i < 4 && e && typeof e === 'object'; i++, e = (e as { cause?: unknown }).cause) {
    yield e as { code?: unknown; message?: unknown };
  }
}

function causeCode(err: unknown): string | undefined {
  for (const e of causes(err)) if (typeof e.code === 'string') return e.code;
  return undefined;
}

// undici's ProxyAgent when the proxy answers CONNECT with anything but 200: no tunnel, nothing sent.
const TUNNEL_REFUSED = /^Proxy response \((\d{3})\) !== 200 when HTTP Tunneling$/;

function tunnelRefused(err: unknown): string | undefined {
  for (const e of causes(err)) {
    const m = TUNNEL_REFUSED.exec(String(e.message));
    if (m) return m[1];
  }
  return undefined;
}

export function classifyFetchError(err: unknown, timeoutMs: number): FetchFailure {
  const refused = tunnelRefused(err);
  if (refused) return { notSent: true, reason: `the proxy refused the connection (HTTP ${refused})` };
  const name = (err as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return { notSent: false, reason: `no answer within ${Math.round(timeoutMs / 1000)}s` };
  const code = causeCode(err);
  if (code && NOT_SENT.has(code))
    return { notSent: true, reason: code === 'ECONNREFUSED' ? 'connection refused' : `cannot connect (${code})` };
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE')
    return { notSent: false, reason: 'connection dropped before the answer arrived' };
  return { notSent: false, reason: code ? `network error (${code})` : 'network error' };
}

/** `retry-after` in seconds or as an HTTP date → ms, or undefined. */
export function retryAfterMs(v: string | null | undefined, now: number): number | undefined {
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
