// What a value given to the CLI is, in the CLI's own words: `status` names it, and the verbs
// that store or copy credentials refuse, with the same words, what is no login to keep alive.
import { isJsonObject } from '../core/checks.js';
import { type Credentials, parseCredentials, secretsOf } from '../core/formats/index.js';
import { UserError } from '../core/errors.js';
import type { ProviderId } from '../core/providers.js';
import { issuerOf, kindOf } from '../core/recognise.js';

/**
 * `login`: a document with a refresh token (Claude Code, Codex, an OAuth token document);
 * `refresh-token`: a refresh token alone; the others are no login the broker can keep alive.
 */
export type ValueKind =
  | 'login'
  | 'refresh-token'
  | 'setup-token'
  | 'api-key'
  | 'codex-api-key'
  | 'github-token'
  | 'access-token';

export interface Named {
  kind: ValueKind;
  /** "a Claude Code login (.credentials.json)", "an OpenAI API key (…)": never a piece of the token. */
  what: string;
  provider: ProviderId | null;
  /** What was given instead of a login: what to do with it, one clause. */
  instead?: string;
}

/** What a value is, parsed; or, for a Codex API-key login (which holds no tokens), only what it is. */
export interface Given {
  named: Named;
  credentials?: Credentials;
  /** The value's token when it is one alone (its fingerprint is shown), or the API key. */
  token?: string;
}

const WITHOUT = 'directly';

const LOGIN_NAMES: Record<Exclude<Credentials['format'], 'refresh-token'>, string> = {
  'claude-code': 'a Claude Code login (.credentials.json)',
  codex: 'a Codex ChatGPT login (auth.json)',
  generic: 'an OAuth token document',
};

/** A bare token, named by its shape. */
function nameToken(token: string, provider: ProviderId | null): Named {
  const k = kindOf(token);
  if (!k || k.refresh) {
    const what = k ? `${k.what}, with no access token yet` : 'a token of unknown issuer, taken as a refresh token';
    return { kind: 'refresh-token', what, provider };
  }
  switch (k.sort) {
    case 'setup-token':
      return {
        kind: 'setup-token',
        what: 'a long-lived Claude Code access token (from claude setup-token)',
        provider: 'anthropic',
        instead: `nothing to rotate: use it as CLAUDE_CODE_OAUTH_TOKEN ${WITHOUT}`,
      };
    case 'api-key': {
      const anthropic = k.issuer === 'anthropic';
      return {
        kind: 'api-key',
        what: anthropic ? 'an Anthropic API key' : 'an OpenAI API key',
        provider: anthropic ? 'anthropic' : 'openai',
        instead: `an API key needs no refresh: use it as ${anthropic ? 'ANTHROPIC' : 'OPENAI'}_API_KEY ${WITHOUT}`,
      };
    }
    case 'anthropic-key':
      return {
        kind: 'api-key',
        what: 'an Anthropic key that is no refresh token',
        provider: 'anthropic',
        instead: 'give the Claude Code login (oauth-broker login, or import claude-code) instead',
      };
    case 'github-token':
      return {
        kind: 'github-token',
        what: 'a GitHub token',
        provider: null,
        instead: 'the CLI reads a GitHub token from GH_TOKEN; --from takes the OAuth login to keep alive',
      };
    default:
      return {
        kind: 'access-token',
        what: k.what,
        provider: k.issuer === 'openai' ? 'openai' : null,
        instead: 'give the whole login (oauth-broker login writes one; for Codex, its auth.json)',
      };
  }
}

/** The API key of a Codex `auth.json` made with an API key (no ChatGPT tokens), or undefined. */
export function codexApiKeyOf(text: string): string | undefined {
  if (!/^\s*\{/.test(text) || !text.includes('OPENAI_API_KEY')) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isJsonObject(doc)) return undefined;
  const { OPENAI_API_KEY: key, tokens, auth_mode: mode } = doc;
  return typeof key === 'string' && key && (tokens == null || mode === 'apikey') ? key : undefined;
}

const CODEX_API_KEY: Named = {
  kind: 'codex-api-key',
  what: 'a Codex auth.json holding an API key (OPENAI_API_KEY)',
  provider: 'openai',
  instead: `nothing to refresh: use the key as OPENAI_API_KEY ${WITHOUT}, or log in with ChatGPT (codex login)`,
};

/** Parsed credentials, named. */
export function nameCredentials(c: Credentials): Named {
  if (c.format === 'refresh-token') return nameToken(c.refreshToken, issuerOf(c) ?? null);
  return { kind: 'login', what: LOGIN_NAMES[c.format], provider: issuerOf(c) ?? null };
}

/**
 * What `text` is; every token in it is added to `secrets` before anything can print. `parse`
 * runs the core's parser (the caller turns its errors into its own words).
 */
export function identify(text: string, secrets: Set<string>, parse = parseCredentials): Given {
  const key = codexApiKeyOf(text);
  if (key) {
    secrets.add(key);
    return { named: CODEX_API_KEY, token: key };
  }
  const c = parse(text);
  for (const s of secretsOf(c)) secrets.add(s);
  const named = nameCredentials(c);
  return { named, credentials: c, token: c.format === 'refresh-token' ? c.refreshToken : undefined };
}

/** Refuses what is no login the broker can keep alive, naming it: `where` is `--from FILE`. */
export function loginOf(given: Given, where: string): Credentials {
  const { named, credentials } = given;
  if (named.instead || !credentials) {
    throw new UserError('OB_CREDENTIALS', `${where}: ${named.what}, not a login; ${named.instead ?? 'give a login'}.`);
  }
  return credentials;
}
