// What the stored value is, and whether it may be sent to the chosen provider.
import { parseCredentials } from '../src/core/formats/index.js';
import { UserError } from '../src/core/errors.js';
import { PROVIDERS, type ProviderId } from '../src/core/providers.js';
import { kindOf, recognise } from '../src/core/recognise.js';
import { fakeJwt, fakeToken } from './support/fake-tokens.js';

const HOUR = 3_600_000;
const inAnHour = (): number => Date.now() + HOUR;
function claude(refreshToken = fakeToken('anthropic-refresh'), accessToken = fakeToken('anthropic-access')): string {
  const oauth = { accessToken, refreshToken, expiresAt: inAnHour(), scopes: ['user:inference'] };
  return JSON.stringify({ claudeAiOauth: oauth });
}
const openaiJwt = (): string => fakeJwt({ iss: 'https://auth.openai.com', exp: Math.floor(inAnHour() / 1000) });
function codex(refreshToken = fakeToken('opaque')): string {
  const tokens = { id_token: openaiJwt(), access_token: openaiJwt(), refresh_token: refreshToken };
  return JSON.stringify({ auth_mode: 'chatgpt', tokens });
}
function generic(refreshToken: string, accessToken: string): string {
  const expiresAt = new Date(inAnHour()).toISOString();
  return JSON.stringify({ access_token: accessToken, refresh_token: refreshToken, expires_at: expiresAt });
}
const opaque = (): string => fakeToken('opaque');

/** The refusal's message, or undefined when accepted; token-url is the provider's own unless given. */
function refusal(text: string, provider: ProviderId, tokenUrl?: string): string | undefined {
  tokenUrl ??= PROVIDERS[provider].tokenUrl ?? 'https://i.test/token';
  try {
    recognise(parseCredentials(text), provider, tokenUrl);
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message;
  }
}

describe('accepted', () => {
  it.each([
    ['Claude Code credentials with anthropic', () => claude(), 'anthropic'],
    ['a bare Anthropic refresh token with anthropic', () => fakeToken('anthropic-refresh'), 'anthropic'],
    ['a Codex auth.json with openai', () => codex(), 'openai'],
    ['a bare opaque refresh token with openai', opaque, 'openai'],
    ['a bare opaque refresh token with oauth2', opaque, 'oauth2'],
    ['a generic document of opaque tokens with oauth2', () => generic(opaque(), opaque()), 'oauth2'],
    ['an unknown JWT access token with oauth2', () => generic(opaque(), fakeJwt({ iss: 'https://i.test' })), 'oauth2'],
    ['a GitHub refresh token with oauth2', () => fakeToken('github-refresh'), 'oauth2'],
    ['a JWT refresh token marked as one (Keycloak) with oauth2', () => fakeJwt({ typ: 'Refresh' }), 'oauth2'],
  ] as const)('%s', (_, value, provider) => {
    expect(refusal(value(), provider)).toBeUndefined();
  });
});

interface Refused {
  value: () => string;
  provider: ProviderId;
  message: RegExp;
}

const refused: Record<string, Refused> = {
  'Codex auth.json with anthropic': {
    value: () => codex(),
    provider: 'anthropic',
    message: /^credentials: this is a Codex auth\.json but provider is anthropic.*; set provider: openai\.$/,
  },
  'Codex auth.json with oauth2': {
    value: () => codex(),
    provider: 'oauth2',
    message: /this is a Codex auth\.json but provider is oauth2.*set provider: openai/,
  },
  'Claude Code credentials with openai': {
    value: () => claude(),
    provider: 'openai',
    message: /^credentials: these are Claude Code credentials but provider is openai.*; set provider: anthropic\.$/,
  },
  'Claude Code credentials with oauth2': {
    value: () => claude(),
    provider: 'oauth2',
    message: /Claude Code credentials but provider is oauth2.*set provider: anthropic/,
  },
  'a bare Anthropic refresh token with openai': {
    value: () => fakeToken('anthropic-refresh'),
    provider: 'openai',
    message: /^credentials: this is an Anthropic refresh token but provider is openai.*set provider: anthropic/,
  },
  'an OpenAI access token in a generic document with anthropic': {
    value: () => generic(fakeToken('anthropic-refresh'), openaiJwt()),
    provider: 'anthropic',
    message: /the access token is an OpenAI JWT .* but provider is anthropic.*set provider: openai/,
  },
  'a bare Console API key': {
    value: () => fakeToken('anthropic-api-key'),
    provider: 'anthropic',
    message: /^credentials: this is an Anthropic Console API key, not a refresh token; .*API_KEY/,
  },
  'a bare Claude Code access token (setup-token)': {
    value: () => fakeToken('anthropic-access'),
    provider: 'anthropic',
    message: /^credentials: this is a Claude Code access token, not a refresh token; it cannot be/,
  },
  'an access token stored as the refresh token': {
    value: () => claude(fakeToken('anthropic-access')),
    provider: 'anthropic',
    message: /^credentials: the refresh token is a Claude Code access token/,
  },
  'a bare OpenAI API key': {
    value: () => fakeToken('openai-api-key'),
    provider: 'openai',
    message: /^credentials: this is an OpenAI API key \(sk-…\), not a refresh token; .*OPENAI_API_KEY/,
  },
  'a bare OpenAI JWT': {
    value: () => openaiJwt(),
    provider: 'openai',
    message: /^credentials: this is an OpenAI JWT \(an access or ID token\), not a refresh token/,
  },
  'a bare unknown JWT': {
    value: () => fakeJwt({ sub: 'x' }),
    provider: 'oauth2',
    message: /^credentials: this is a JWT \(an access or ID token\), not a refresh token; store the refresh token/,
  },
  'a bare JWT whose payload is an array': {
    value: () => fakeJwt(['x'] as unknown as Record<string, unknown>),
    provider: 'oauth2',
    message: /^credentials: this is a JWT \(an access or ID token\), not a refresh token; store the refresh token/,
  },
  'a Codex auth.json whose refresh token is a JWT': {
    value: () => codex(openaiJwt()),
    provider: 'openai',
    message: /^credentials: the refresh token is an OpenAI JWT/,
  },
  'a fine-grained PAT': {
    value: () => fakeToken('pat'),
    provider: 'oauth2',
    message: /^credentials: this is a GitHub token, not a refresh token; a GitHub token belongs in github-token/,
  },
  'a GitHub refresh token with anthropic': {
    value: () => fakeToken('github-refresh'),
    provider: 'anthropic',
    message: /GitHub refresh token \(ghr_…\) but provider is anthropic.*set provider: oauth2/,
  },
  'an opaque refresh token with anthropic': {
    value: opaque,
    provider: 'anthropic',
    message: /^credentials: this is not an Anthropic refresh token, so it is not sent to Anthropic/,
  },
};

describe('refused before any network call, in one line naming credentials and the fix', () => {
  it.each(Object.entries(refused))('%s', (_, { value, provider, message }) => {
    const text = value();
    const msg = refusal(text, provider);
    expect(msg).toMatch(message);
    expect(msg).not.toContain('\n');
    // Never a piece of the value: only the documented prefixes are named.
    for (const piece of text.match(/[\w-]{16,}/g) ?? []) expect(msg).not.toContain(piece);
  });
});

describe('token-url', () => {
  it.each([
    ['the OpenAI endpoint with anthropic', () => claude(), 'anthropic', 'https://auth.openai.com/t', 'openai'],
    ['the Anthropic endpoint with openai', () => codex(), 'openai', 'https://platform.claude.com/t', 'anthropic'],
    ['the older Anthropic endpoint with oauth2', opaque, 'oauth2', 'https://console.anthropic.com/t', 'anthropic'],
  ] as const)('%s is refused, naming token-url', (_, value, provider, tokenUrl, fix) => {
    const msg = refusal(value(), provider, tokenUrl);
    expect(msg).toMatch(new RegExp(`^token-url: .* endpoint but provider is ${provider}, .*; set provider: ${fix},`));
  });

  it('any other endpoint is up to the user', () => {
    expect(refusal(claude(), 'anthropic', 'http://127.0.0.1:8080/v1/oauth/token')).toBeUndefined();
  });
});

describe('kindOf', () => {
  it('knows the providers’ prefixes and leaves opaque tokens unknown', () => {
    expect(kindOf(fakeToken('anthropic-refresh'))).toMatchObject({ issuer: 'anthropic', refresh: true });
    expect(kindOf(fakeToken('anthropic-access'))).toMatchObject({ issuer: 'anthropic', refresh: false });
    expect(kindOf(fakeToken('openai-api-key'))).toMatchObject({ issuer: 'openai', refresh: false });
    expect(kindOf(fakeToken('app-token'))).toMatchObject({ issuer: 'github', refresh: false });
    expect(kindOf(fakeToken('opaque'))).toBeUndefined();
    expect(kindOf('a.b.c')).toBeUndefined();
  });
});
