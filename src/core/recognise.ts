// What the stored value is, from its format and the providers' token prefixes, so that a
// credential is only ever sent to the provider that issued it, and only a refresh token is
// presented as one. Pure: it runs before any network call.
import type { Credentials, Format } from './formats/index.js';
import { conflict } from './checks.js';
import { UserError } from './errors.js';
import { jwtPayload } from './jwt.js';
import type { ProviderId } from './providers.js';

/** Who issued a token, when its shape says so. */
type Issuer = 'anthropic' | 'openai' | 'github';

/** Which kind of token, for a caller's own words about it (the CLI's status). */
export type TokenSort = 'refresh' | 'setup-token' | 'api-key' | 'anthropic-key' | 'github-token' | 'jwt';

interface Kind {
  sort: TokenSort;
  issuer?: Issuer;
  /** "an Anthropic Console API key": never 8 characters of the token, which redaction would star out. */
  what: string;
  /** Whether a token endpoint accepts it as a refresh token. */
  refresh: boolean;
  /** What to store instead, when it is not a refresh token. */
  instead?: string;
  /** Why, and the alternative, for the lines after the error. */
  why?: string;
}

const CLAUDE_LOGIN = 'store the Claude Code login (~/.claude/.credentials.json) instead';
const OAUTH_LOGIN = 'store the refresh token the login issued (for Codex, the whole auth.json)';

// Keycloak issues refresh tokens as JWTs and marks them with this `typ` claim.
const REFRESH_JWT_TYPES = new Set(['Refresh', 'Offline']);

// A JWT as providers issue them: a JSON header (`eyJ`), base64url parts, a signature part.
const JWT_SHAPE = /^eyJ[\w-]*\.[\w-]+\.[\w-]*$/;

/** What a token is, from its shape alone; undefined when it is opaque. */
export function kindOf(token: string): Kind | undefined {
  if (/^sk-ant-ort\d+-/.test(token))
    return { sort: 'refresh', issuer: 'anthropic', what: 'an Anthropic refresh token', refresh: true };
  if (/^sk-ant-oat\d+-/.test(token)) {
    return {
      sort: 'setup-token',
      issuer: 'anthropic',
      what: 'a Claude Code access token',
      refresh: false,
      instead: `it cannot be refreshed: ${CLAUDE_LOGIN}`,
      why: 'To use it as it is until it expires, pass it to the CLI as CLAUDE_CODE_OAUTH_TOKEN without oauth-broker.',
    };
  }
  if (/^sk-ant-api\d+-/.test(token)) {
    return {
      sort: 'api-key',
      issuer: 'anthropic',
      what: 'an Anthropic Console API key',
      refresh: false,
      instead: 'an API key needs no refresh: pass it as ANTHROPIC_API_KEY without oauth-broker',
      why: `To keep a subscription login alive instead, ${CLAUDE_LOGIN}.`,
    };
  }
  if (/^sk-ant-/.test(token)) {
    return {
      sort: 'anthropic-key',
      issuer: 'anthropic',
      what: 'an Anthropic key (sk-ant-…)',
      refresh: false,
      instead: CLAUDE_LOGIN,
    };
  }
  if (/^sk-(?:proj-|svcacct-|admin-)?[\w-]{20,}$/.test(token)) {
    return {
      sort: 'api-key',
      issuer: 'openai',
      what: 'an OpenAI API key (sk-…)',
      refresh: false,
      instead: 'an API key needs no refresh: pass it as OPENAI_API_KEY without oauth-broker',
      why: 'To keep a ChatGPT login alive instead, store the Codex auth.json.',
    };
  }
  if (/^ghr_/.test(token))
    return { sort: 'refresh', issuer: 'github', what: 'a GitHub refresh token (ghr_…)', refresh: true };
  if (/^(?:gh[opsu]_|github_pat_)/.test(token)) {
    return {
      sort: 'github-token',
      issuer: 'github',
      what: 'a GitHub token',
      refresh: false,
      instead: 'a GitHub token belongs in github-token; credentials holds the OAuth login to keep alive',
    };
  }
  // Any JSON payload makes it a JWT (never presented as a refresh token); only an object has claims.
  const payload = JWT_SHAPE.test(token) ? jwtPayload(token) : undefined;
  if (typeof payload === 'object' && payload !== null) {
    const claims = payload as Record<string, unknown>;
    if (typeof claims.typ === 'string' && REFRESH_JWT_TYPES.has(claims.typ)) {
      return { sort: 'refresh', what: 'a JWT refresh token', refresh: true };
    }
    if (claims.iss === 'https://auth.openai.com') {
      return {
        sort: 'jwt',
        issuer: 'openai',
        what: 'an OpenAI JWT (an access or ID token)',
        refresh: false,
        instead: OAUTH_LOGIN,
      };
    }
    return { sort: 'jwt', what: 'a JWT (an access or ID token)', refresh: false, instead: OAUTH_LOGIN };
  }
  return undefined;
}

const FORMAT_ISSUER: Partial<Record<Format, Issuer>> = { 'claude-code': 'anthropic', codex: 'openai' };
const FORMAT_NAME: Partial<Record<Format, string>> = {
  'claude-code': 'these are Claude Code credentials',
  codex: 'this is a Codex auth.json',
};

/** The provider that issued these credentials, when their format or refresh token says so. */
export function issuerOf(c: Credentials): ProviderId | undefined {
  const issuer = FORMAT_ISSUER[c.format] ?? kindOf(c.refreshToken)?.issuer;
  return issuer === 'github' ? 'oauth2' : issuer;
}

/** The `provider` value for tokens of an issuer. */
const PROVIDER_FOR: Record<Issuer, string> = {
  anthropic: 'anthropic',
  openai: 'openai',
  github: 'oauth2 (with token-url and client-id)',
};

// The providers' own token endpoints, so that token-url cannot send one's credentials to the other.
const ENDPOINT_ISSUER: Record<string, Issuer> = {
  'platform.claude.com': 'anthropic',
  'console.anthropic.com': 'anthropic',
  'auth.openai.com': 'openai',
};
const ISSUER_NAME: Record<Issuer, string> = { anthropic: 'Anthropic', openai: 'OpenAI', github: 'GitHub' };

function belongs(issuer: Issuer, provider: ProviderId): boolean {
  return provider === 'oauth2' ? issuer === 'github' : issuer === provider;
}

/**
 * Refuses, in one line naming the input and the fix, credentials that do not belong to
 * `provider` or whose refresh token is not one, and a token-url of another provider (when
 * one is given: storing credentials sends nothing to a token endpoint).
 */
export function recognise(c: Credentials, provider: ProviderId, tokenUrl?: string): void {
  const fail = (what: string, details?: string): never => {
    throw new UserError('OB_CREDENTIALS', `credentials: ${what}.`, { details });
  };
  const mismatch = (what: string, issuer: Issuer): never =>
    fail(`${what} but provider is ${provider}, so it is not sent there; set provider: ${PROVIDER_FOR[issuer]}`);

  const formatIssuer = FORMAT_ISSUER[c.format];
  if (formatIssuer && !belongs(formatIssuer, provider)) mismatch(FORMAT_NAME[c.format] as string, formatIssuer);

  const rt = kindOf(c.refreshToken);
  const subject = c.format === 'refresh-token' ? 'this' : 'the refresh token';
  if (rt && !rt.refresh) fail(`${subject} is ${rt.what}, not a refresh token; ${rt.instead}`, rt.why);
  if (rt?.issuer && !belongs(rt.issuer, provider)) mismatch(`${subject} is ${rt.what}`, rt.issuer);
  // Anthropic's refresh tokens all carry their prefix: anything else was issued elsewhere.
  if (provider === 'anthropic' && rt?.issuer !== 'anthropic') {
    fail(
      `${subject} is not an Anthropic refresh token, so it is not sent to Anthropic; ` +
        'set provider to the one that issued it (openai, or oauth2 with token-url and client-id)',
    );
  }
  for (const [field, token] of [
    ['access token', c.accessToken],
    ['ID token', c.idToken],
  ] as const) {
    const kind = token ? kindOf(token) : undefined;
    if (kind?.issuer && !belongs(kind.issuer, provider)) mismatch(`the ${field} is ${kind.what}`, kind.issuer);
  }
  if (tokenUrl === undefined) return;
  const { hostname } = new URL(tokenUrl);
  const endpoint = ENDPOINT_ISSUER[hostname];
  if (endpoint && !belongs(endpoint, provider)) {
    throw conflict(
      'token-url',
      `${hostname} is ${ISSUER_NAME[endpoint]}'s token endpoint but provider is ${provider}, so nothing is sent there`,
      `set provider: ${endpoint}, or token-url to the issuer of the credentials`,
    );
  }
}
