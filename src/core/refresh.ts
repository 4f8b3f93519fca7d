// The refresh grant (RFC 6749 §6) as each provider's own CLI sends it. It is sent at
// most once per refresh token unless the failure proves the request never arrived.
import { isJsonObject, isTokenWord } from './checks.js';
import type { TokenSet } from './formats/index.js';
import {
  InvalidGrantError,
  RUN_AGAIN,
  RUN_AGAIN_DETAILS,
  UncertainRefreshError,
  UserError,
  fitLine,
  redact,
} from './errors.js';
import { type FetchFailure, type Lasting, classifyFetchError, retryAfterMs, unsendable } from './http.js';
import { MIN_ATTEMPT_MS } from './env.js';
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
  /** The job was cancelled: no further attempt is sent (the earlier ones surely spent nothing). */
  cancelled?: () => boolean;
  /**
   * Under a claim: by when (on `monotonic`) the answer must be in. No attempt starts that could not
   * end by then, and each is cut off at it, so the claim's holder never presents after its deadline.
   */
  answerBy?: { at: number; monotonic: () => number };
  /** A host that does not resolve is final (the CLI: the user is there to fix the URL). */
  failFast?: boolean;
}

// Provider error codes that mean the refresh token itself is dead (OpenAI nests them).
const DEAD_TOKEN = new Set([
  'invalid_grant',
  'refresh_token_reused',
  'refresh_token_expired',
  'refresh_token_invalidated',
]);
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
// How much of a provider's error description the error line quotes.
const QUOTED_CHARS = 48;
const MAX_RETRY_AFTER_MS = 60_000;

/** The refresh grant's request (RFC 6749 §6.1), the same for every attempt. */
function buildRefreshRequest(req: RefreshRequest): { headers: Record<string, string>; body: string } {
  const fields: Record<string, string> = {
    grant_type: 'refresh_token',
    refresh_token: req.refreshToken,
    client_id: req.clientId,
  };
  if (req.provider.sendsScope && req.scopes?.length) fields.scope = req.scopes.join(' ');
  return tokenRequest(fields, req.provider.encoding, req.clientId, req.clientSecret);
}

/**
 * A POST to a token endpoint: the fields in the provider's encoding, and with a client secret
 * the client's credentials as HTTP Basic (RFC 6749 §2.3.1: servers must accept it).
 */
export function tokenRequest(
  fields: Record<string, string>,
  encoding: Provider['encoding'],
  clientId: string,
  clientSecret?: string,
): { headers: Record<string, string>; body: string } {
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': USER_AGENT };
  if (clientSecret) {
    // Form-encode the parts first, as §2.3.1 asks.
    const enc = (s: string): string => encodeURIComponent(s).replace(/%20/g, '+');
    headers.authorization = `Basic ${Buffer.from(`${enc(clientId)}:${enc(clientSecret)}`).toString('base64')}`;
  }
  if (encoding === 'json') {
    headers['content-type'] = 'application/json';
    return { headers, body: JSON.stringify(fields) };
  }
  headers['content-type'] = 'application/x-www-form-urlencoded';
  return { headers, body: new URLSearchParams(fields).toString() };
}

/** The provider's error code and description: `{error, error_description}`, or `{error: {code, message}}`. */
function providerError(text: string): { code?: string; description?: string } {
  try {
    const body = JSON.parse(text) as { error?: unknown; error_description?: unknown };
    const e = body.error;
    if (typeof e === 'string')
      return { code: e, description: typeof body.error_description === 'string' ? body.error_description : undefined };
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
export function quotableCode(code: string, secrets: string[]): string {
  if (KNOWN_CODES.has(code)) return code;
  const safe = redact(code, secrets);
  return /^[A-Za-z0-9_.-]{1,40}$/.test(safe) ? safe : 'an unrecognised error code';
}

// An access token the provider says lives longer than this is refreshed after it anyway.
const MAX_EXPIRES_IN_S = 365 * 86_400;
// A refresh token may live far longer; only one that expires within days matters.
const MAX_REFRESH_EXPIRES_IN_S = 100 * 365 * 86_400;
// Longer than any token a provider issues, far below what a secret can hold.
const MAX_TOKEN_CHARS = 16_384;
// `name=value&…` and nothing else: an HTML page is never read as a form.
const FORM = /^[\w.~%+-]+=[\w.~%+*-]*(?:&[\w.~%+-]+=[\w.~%+*-]*)*$/;

/** The answer's fields: JSON as RFC 6749 asks, or the form-encoded body some providers send. */
function fieldsOf(text: string, contentType: string): Record<string, unknown> | string {
  const body = text.trim();
  if (/^application\/x-www-form-urlencoded\b/i.test(contentType) || FORM.test(body)) {
    return Object.fromEntries(new URLSearchParams(body));
  }
  try {
    const parsed: unknown = JSON.parse(body);
    return isJsonObject(parsed) ? parsed : 'the body is not a JSON object';
  } catch {
    return 'the body is not JSON';
  }
}

/** A token as the provider sent it, if it is one: printable ASCII, one word, of a sane length. */
function tokenOf(v: unknown): string | undefined {
  return typeof v === 'string' && v.length <= MAX_TOKEN_CHARS && isTokenWord(v) ? v : undefined;
}

/** Seconds, as a number or a numeric string; outside (0, max] it is clamped or ignored. */
function expiresInOf(v: unknown, max = MAX_EXPIRES_IN_S): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) && n > 0 ? Math.min(n, max) : undefined;
}

/**
 * The token set in a 200, with all the answer's fields, or what is wrong with it ("without an
 * access_token"). A new refresh token is never dropped: without a usable access token it is
 * still returned, so the caller stores it. Only an answer with neither, or with a refresh
 * token that is not one, is refused.
 */
export function readTokenAnswer(
  text: string,
  contentType: string,
): { set: TokenSet; fields: Record<string, unknown> } | string {
  const body = fieldsOf(text, contentType);
  if (typeof body === 'string') return body;
  const refreshToken = tokenOf(body.refresh_token);
  if (body.refresh_token !== undefined && body.refresh_token !== null && body.refresh_token !== '' && !refreshToken) {
    return 'with a malformed refresh_token';
  }
  const accessToken = tokenOf(body.access_token);
  if (!accessToken && !refreshToken) return 'without an access_token';
  const set: TokenSet = {};
  if (accessToken) set.accessToken = accessToken;
  if (refreshToken) set.refreshToken = refreshToken;
  const expiresIn = expiresInOf(body.expires_in);
  if (expiresIn !== undefined) set.expiresInSeconds = expiresIn;
  const refreshExpiresIn = expiresInOf(body.refresh_token_expires_in, MAX_REFRESH_EXPIRES_IN_S);
  if (refreshExpiresIn !== undefined) set.refreshExpiresInSeconds = refreshExpiresIn;
  if (typeof body.scope === 'string' && body.scope.length <= MAX_TOKEN_CHARS) set.scope = body.scope;
  const idToken = tokenOf(body.id_token);
  if (idToken) set.idToken = idToken;
  return { set, fields: body };
}

function parseTokenSet(text: string, contentType: string, service: string): TokenSet {
  const answer = readTokenAnswer(text, contentType);
  if (typeof answer !== 'string') return answer.set;
  throw new UncertainRefreshError(`${service} answered 200 but ${answer}; ${RUN_AGAIN}.`, {
    details: [
      'The provider may have rotated the refresh token anyway, so it is not presented again in this run.',
      RUN_AGAIN_DETAILS,
    ],
  });
}

/** What a provider's refusal said, safe to print: its error code, and the lines after the error line. */
export interface Refusal {
  code?: string;
  /** `answered HTTP 400 (invalid_grant: the start of its description)` */
  said: string;
  /** The whole description, when the error line quotes only its start. */
  details: string[];
}

/** Describes a non-2xx answer without quoting any secret: a known or plain code, a redacted description. */
export function describeRefusal(status: number, text: string, secrets: string[]): Refusal {
  const { code, description } = providerError(text);
  // The error line quotes the start of a long description; the lines after it, the whole.
  const full = description ? neutral(redact(description, secrets), 500) : '';
  const quoted = [code && quotableCode(code, secrets), full && neutral(full, QUOTED_CHARS)];
  const detail = quoted.filter(Boolean).join(': ');
  const said = `answered HTTP ${status}${detail ? ` (${detail})` : ''}`;
  return { code, said, details: full.length > QUOTED_CHARS ? [`The provider's description: ${full}`] : [] };
}

/** `provider NAME (host)`: how error lines name a token endpoint, for a refresh and a login alike. */
export const serviceName = (provider: string, url: string): string =>
  URL.canParse(url) ? `provider ${provider} (${new URL(url).host})` : `provider ${provider}`;

/** The one fix for a failure that sending again cannot mend, and why, for the lines after the error line. */
const LASTING_FIX: Record<Lasting, { fix: string; why: string }> = {
  certificate: {
    fix: 'Trust its CA on the runner (NODE_EXTRA_CA_CERTS)',
    why:
      'The runner does not accept the certificate of the token endpoint, or of a proxy that inspects TLS on the ' +
      "way. Add the CA that signed it (a PEM file) to NODE_EXTRA_CA_CERTS in the job's env. A certificate that " +
      'expired or is not yet valid is renewed where it is served.',
  },
  name: {
    fix: 'Check the host in token-url',
    why: 'The certificate is valid but for another host: token-url names a host its server does not answer for.',
  },
  handshake: {
    fix: 'Check that token-url is the https endpoint (host and port)',
    why: 'The two sides could not agree on TLS: a port that does not speak TLS, or a version the other refuses.',
  },
  url: {
    fix: 'Fix token-url',
    why: 'fetch refuses such a URL without connecting.',
  },
};

const NOT_PRESENTED = 'The refresh token never left this machine: it was not presented and stays usable.';

/** A failure that sending again would repeat, so it is not retried: what happened, and the one fix. */
function lastingFailure(service: string, f: FetchFailure & { lasting: Lasting }, cause?: unknown): UserError {
  const { fix, why } = LASTING_FIX[f.lasting];
  const line = `${service}: ${f.reason}; nothing was spent. ${fix}`;
  return new UserError('OB_PROVIDER', fitLine(`${line}, then run again.`, `${line}.`), {
    cause,
    details: [why, NOT_PRESENTED],
  });
}

/** How long the next attempt may take: the whole timeout, or what is left before the claim's deadline. */
function attemptTimeout(deps: RefreshDeps, service: string, attempt: number): number {
  if (!deps.answerBy) return deps.timeoutMs;
  const msLeft = deps.answerBy.at - deps.answerBy.monotonic();
  if (msLeft < MIN_ATTEMPT_MS) {
    throw new UserError(
      'OB_PROVIDER',
      `${service}: ${attempt > 1 ? 'the retries' : 'getting here'} took this job's whole claim on the refresh; ` +
        'nothing was spent. Run again.',
      { details: 'A job presents a refresh token only before its claim ends, so no other job can be presenting it.' },
    );
  }
  // Whole milliseconds: a timer takes no fraction (monotonic clocks give them).
  return Math.floor(Math.min(deps.timeoutMs, msLeft));
}

/** What one attempt brought back: no answer, an answer whose body was lost, or an answer read whole. */
type Answer =
  | { kind: 'failed'; failure: FetchFailure; err: unknown }
  | { kind: 'lost'; status: number; reason: string; err: unknown }
  | { kind: 'read'; res: Response; text: string };

/** Sends the request once, cut off after `timeoutMs`, and reads the whole answer. */
async function sendOnce(
  url: string,
  request: { headers: Record<string, string>; body: string },
  timeoutMs: number,
  deps: RefreshDeps,
): Promise<Answer> {
  let res: Response;
  try {
    // https://datatracker.ietf.org/doc/html/rfc6749#section-6
    res = await deps.fetch(url, {
      method: 'POST',
      ...request,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    return { kind: 'failed', failure: classifyFetchError(err, timeoutMs), err };
  }
  try {
    return { kind: 'read', res, text: await res.text() };
  } catch (err) {
    return { kind: 'lost', status: res.status, reason: classifyFetchError(err, timeoutMs).reason, err };
  }
}

/**
 * What an answer means for the refresh token: new tokens; not sent, by a failure that may pass
 * (sent again after a backoff); a 429 or 503 that said when to come back (sent again then, or
 * `otherwise`); or final: spent, refused with nothing spent, or it may have arrived.
 */
type Verdict =
  | { kind: 'tokens'; tokens: TokenSet }
  | { kind: 'notSent'; reason: string }
  | { kind: 'comeBack'; status: number; afterMs: number; otherwise: Error }
  | Final;
/** Nothing more is sent: the token spent, refused with nothing spent, or it may have arrived. */
type Final = { kind: 'spent' | 'refused' | 'mayHaveArrived'; error: Error };

function classifyAnswer(answer: Answer, service: string, secrets: string[], deps: RefreshDeps): Verdict {
  if (answer.kind === 'failed') {
    const { failure: f, err } = answer;
    // A certificate the runner refuses, or a URL fetch refuses, fails the same way every time:
    // retrying would only keep the user waiting. A refused connection or a DNS failure may pass.
    if (f.lasting) return { kind: 'refused', error: lastingFailure(service, { ...f, lasting: f.lasting }, err) };
    if (deps.failFast && f.unresolved) {
      const line = `${service}: the host was not found (${f.unresolved}); nothing was spent. Check token-url.`;
      return { kind: 'refused', error: new UserError('OB_PROVIDER', line) };
    }
    if (f.notSent) return { kind: 'notSent', reason: f.reason };
    const line = `${service}: ${f.reason}; not retried, as it may have arrived; ${RUN_AGAIN}.`;
    const details = [
      'The refresh may have reached the provider and rotated the token; presenting it again could be reuse.',
      RUN_AGAIN_DETAILS,
    ];
    return { kind: 'mayHaveArrived', error: new UncertainRefreshError(line, { cause: err, details }) };
  }
  if (answer.kind === 'lost') {
    const line = `${service}: answered ${answer.status} but ${answer.reason}; ${RUN_AGAIN}.`;
    const details = [
      'The refresh token may be spent: the provider answered, but its answer was lost.',
      RUN_AGAIN_DETAILS,
    ];
    return { kind: 'mayHaveArrived', error: new UncertainRefreshError(line, { cause: answer.err, details }) };
  }
  const { res, text } = answer;
  if (res.ok) return { kind: 'tokens', tokens: parseTokenSet(text, res.headers.get('content-type') ?? '', service) };
  const afterMs = retryAfterMs(res.headers.get('retry-after'), deps.now());
  const refusal = refusalError(service, res.status, text, secrets);
  if ((res.status === 429 || res.status === 503) && afterMs !== undefined) {
    return { kind: 'comeBack', status: res.status, afterMs, otherwise: refusal.error };
  }
  return refusal;
}

/** A refusal without a time to come back: the token spent, the request wrong, or it may have arrived. */
function refusalError(service: string, status: number, text: string, secrets: string[]): Final {
  const { code, said, details: whole } = describeRefusal(status, text, secrets);
  if (code && DEAD_TOKEN.has(code)) {
    const details = [...whole, 'It was already used or revoked.'];
    return {
      kind: 'spent',
      error: new InvalidGrantError(`${service} refused the stored refresh token: ${said}.`, { details }),
    };
  }
  if (status === 401 || status === 400) {
    return {
      kind: 'refused',
      error: new UserError('OB_PROVIDER', `${service} ${said}; check client-id, token-url and scope.`, {
        details: whole,
      }),
    };
  }
  const line = `${service} ${said}; the refresh failed and is not retried. Run again later.`;
  const details = [...whole, 'It may have reached the provider, so it is not presented again in this run.'];
  return { kind: 'mayHaveArrived', error: new UncertainRefreshError(line, { details }) };
}

/** How long until the attempt after `attempt`, or undefined when there is none. */
function nextAttemptDelay(
  verdict: Extract<Verdict, { kind: 'notSent' | 'comeBack' }>,
  attempt: number,
  retryDelayMs: number,
): number | undefined {
  if (attempt >= MAX_ATTEMPTS) return undefined;
  if (verdict.kind === 'notSent') return retryDelayMs * 2 ** (attempt - 1);
  return verdict.afterMs <= MAX_RETRY_AFTER_MS ? verdict.afterMs : undefined;
}

/**
 * Presents the refresh token once. Retries only when the provider cannot have seen it:
 * the connection was refused, or a 429/503 said when to come back.
 */
export async function refreshTokens(req: RefreshRequest, deps: RefreshDeps): Promise<TokenSet> {
  const service = serviceName(req.provider.id, req.tokenUrl);
  // What fetch would refuse without connecting is refused here, before a token is put in a request.
  const unsent = unsendable(req.tokenUrl);
  if (unsent)
    throw lastingFailure(service, { notSent: true, reason: `refused before sending (${unsent})`, lasting: 'url' });
  const request = buildRefreshRequest(req);
  const secrets = [req.refreshToken, req.clientSecret ?? ''];
  for (let attempt = 1; ; attempt++) {
    const answer = await sendOnce(req.tokenUrl, request, attemptTimeout(deps, service, attempt), deps);
    const verdict = classifyAnswer(answer, service, secrets, deps);
    if (verdict.kind === 'tokens') return verdict.tokens;
    if (verdict.kind !== 'notSent' && verdict.kind !== 'comeBack') throw verdict.error;
    const wait = nextAttemptDelay(verdict, attempt, deps.retryDelayMs);
    if (wait === undefined) {
      if (verdict.kind === 'comeBack') throw verdict.otherwise;
      throw new UserError(
        'OB_PROVIDER',
        `${service}: ${verdict.reason} after ${attempt} attempts; nothing was spent. ` +
          "Check token-url and the runner's network, then run again.",
      );
    }
    deps.info(
      verdict.kind === 'notSent'
        ? `${service}: ${verdict.reason}; the request was not sent, retrying in ${Math.round(wait / 1000)}s`
        : `${service}: answered ${verdict.status}; retrying in ${Math.ceil(wait / 1000)}s as it asked`,
    );
    await deps.sleep(wait);
    if (deps.cancelled?.())
      throw new UserError('OB_CANCELLED', `${service}: the job was cancelled before the retry; nothing was spent.`);
  }
}
