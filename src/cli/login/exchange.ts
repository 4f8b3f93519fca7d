// The back channel: the authorization code for tokens at the token endpoint (RFC 6749 §4.1.3),
// sent once (a code is single use), the answer checked as a refresh's is, every token in it
// kept for redaction before anything can print.
import type { TokenSet } from '../../core/formats/index.js';
import { timings } from '../../core/env.js';
import { UserError } from '../../core/errors.js';
import { classifyFetchError } from '../../core/http.js';
import type { Provider } from '../../core/providers.js';
import { describeRefusal, readTokenAnswer, tokenRequest } from '../../core/refresh.js';
import type { CliDeps } from '../deps.js';

export interface CodeExchange {
  /** `provider anthropic (platform.claude.com)`, for the error lines. */
  service: string;
  tokenUrl: string;
  encoding: Provider['encoding'];
  /** The grant's fields, in the provider's own order. */
  fields: Record<string, string>;
  clientId: string;
  clientSecret?: string;
  /** The fix when the answer has no refresh token, which a login for CI cannot do without. */
  withoutRefreshToken: string;
}

export interface Exchanged {
  tokens: TokenSet;
  /** Every field of the answer, for what a format keeps beyond the tokens. */
  fields: Record<string, unknown>;
}

export async function exchangeCode(x: CodeExchange, deps: CliDeps): Promise<Exchanged> {
  const timeoutMs = timings(deps.env).httpTimeoutMs;
  const { headers, body } = tokenRequest(x.fields, x.encoding, x.clientId, x.clientSecret);
  if (x.clientSecret) deps.secrets.add(x.clientSecret);
  let res: Response;
  let text: string;
  try {
    // https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.3
    res = await deps.fetch(x.tokenUrl, {
      method: 'POST',
      headers,
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await res.text();
  } catch (err) {
    const f = classifyFetchError(err, timeoutMs);
    const check = f.notSent ? 'check --token-url and the network, then ' : '';
    throw new UserError('OB_LOGIN', `${x.service}: ${f.reason}; ${check}run the login again.`, { cause: err });
  }
  if (!res.ok) {
    const refusal = describeRefusal(res.status, text, [...deps.secrets]);
    throw new UserError(
      'OB_LOGIN',
      `${x.service} refused the authorization code: ${refusal.said}; run the login again.`,
      {
        details: [
          ...refusal.details,
          'A code is good for one exchange within minutes. If it happens again, check --client-id and --token-url.',
        ],
      },
    );
  }
  const answer = readTokenAnswer(text, res.headers.get('content-type') ?? '');
  if (typeof answer === 'string')
    throw new UserError('OB_LOGIN', `${x.service} answered ${res.status} but ${answer}; run the login again.`);
  for (const token of [answer.set.accessToken, answer.set.refreshToken, answer.set.idToken]) {
    if (token) deps.secrets.add(token);
  }
  if (!answer.set.refreshToken) {
    throw new UserError(
      'OB_LOGIN',
      `${x.service} answered without a refresh_token, so CI could not renew this login; ` + `${x.withoutRefreshToken}.`,
    );
  }
  return { tokens: answer.set, fields: answer.fields };
}
