import { applyTokenSet, parseCredentials, secretsOf, serializeCredentials } from '../src/core/formats/index.js';
import { checkWriteBack } from '../src/github/secret-limit.js';
import { jwtExpiry } from '../src/core/jwt.js';
import { UserError } from '../src/core/errors.js';
import { refreshExpiresAt, stamp, withRefreshExpiry } from '../src/core/marker.js';
import { fakeToken } from './support/fake-tokens.js';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const AT = fakeToken('anthropic-access');
const RT = fakeToken('anthropic-refresh');

const jwt = (claims: object): string =>
  `${['{"alg":"none"}', JSON.stringify(claims)].map((s) => Buffer.from(s).toString('base64url')).join('.')}.sig`;

describe('Claude Code format', () => {
  const doc = {
    claudeAiOauth: {
      accessToken: AT,
      refreshToken: RT,
      expiresAt: NOW + 3_600_000,
      scopes: ['user:inference', 'user:profile'],
      subscriptionType: 'max',
      rateLimitTier: 'default_claude_max_20x',
    },
    mcpOAuth: { other: 'kept' },
  };

  it('reads tokens, expiry in ms and scopes', () => {
    const c = parseCredentials(JSON.stringify(doc));
    expect(c).toMatchObject({
      format: 'claude-code',
      accessToken: AT,
      refreshToken: RT,
      expiresAt: NOW + 3_600_000,
      scopes: ['user:inference', 'user:profile'],
    });
    expect(secretsOf(c)).toEqual([AT, RT]);
  });

  it('writes back the same shape, every unknown field kept', () => {
    const c = applyTokenSet(
      parseCredentials(JSON.stringify(doc)),
      { accessToken: 'new-at', refreshToken: 'new-rt', expiresInSeconds: 28_800 },
      NOW,
    );
    expect(JSON.parse(serializeCredentials(c))).toEqual({
      claudeAiOauth: {
        ...doc.claudeAiOauth,
        accessToken: 'new-at',
        refreshToken: 'new-rt',
        expiresAt: NOW + 28_800_000,
      },
      mcpOAuth: { other: 'kept' },
    });
  });

  it('keeps the refresh token when the response has none, and takes new scopes', () => {
    const c = applyTokenSet(
      parseCredentials(JSON.stringify(doc)),
      { accessToken: 'new-at', expiresInSeconds: 60, scope: 'user:inference' },
      NOW,
    );
    expect(c.refreshToken).toBe(RT);
    expect((c.doc.claudeAiOauth as { scopes: string[] }).scopes).toEqual(['user:inference']);
  });

  it('rejects a document without refreshToken, naming the field', () => {
    expect(() => parseCredentials(JSON.stringify({ claudeAiOauth: { accessToken: AT } }))).toThrow(
      /^credentials: .*"refreshToken"/,
    );
  });
});

describe('Codex format', () => {
  const access = jwt({ exp: NOW / 1000 + 86_400 });
  const doc = {
    auth_mode: 'chatgpt',
    OPENAI_API_KEY: null,
    tokens: { id_token: 'id.tok.en', access_token: access, refresh_token: 'rt-codex', account_id: 'acc' },
    last_refresh: '2026-11-01T00:00:00Z',
  };

  it('takes expiry from the JWT exp claim', () => {
    const c = parseCredentials(JSON.stringify(doc));
    expect(c).toMatchObject({
      format: 'codex',
      accessToken: access,
      refreshToken: 'rt-codex',
      idToken: 'id.tok.en',
      expiresAt: NOW + 86_400_000,
    });
  });

  it('writes back tokens and last_refresh, keeping the rest', () => {
    const newAccess = jwt({ exp: NOW / 1000 + 7 * 86_400 });
    const c = applyTokenSet(
      parseCredentials(JSON.stringify(doc)),
      { accessToken: newAccess, refreshToken: 'rt2', idToken: 'id2' },
      NOW,
    );
    expect(c.expiresAt).toBe(NOW + 7 * 86_400_000);
    expect(JSON.parse(serializeCredentials(c))).toEqual({
      ...doc,
      tokens: { id_token: 'id2', access_token: newAccess, refresh_token: 'rt2', account_id: 'acc' },
      last_refresh: new Date(NOW).toISOString(),
    });
  });

  it('names an API-key login (no tokens) for what it is, never quoting the key', () => {
    const key = fakeToken('openai-api-key');
    for (const apiKey of [{ auth_mode: 'apikey', OPENAI_API_KEY: key, tokens: null }, { OPENAI_API_KEY: key }]) {
      let message = '';
      try {
        parseCredentials(JSON.stringify(apiKey));
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toMatch(/^credentials: is a Codex auth\.json holding an API key, not a ChatGPT login: /);
      expect(message).toMatch(/ nothing to refresh\. Use the key as OPENAI_API_KEY, /);
      expect(message).not.toContain(key.slice(8));
    }
  });
});

describe('generic format', () => {
  const exp = NOW + 3_600_000;
  it.each([
    ['ISO 8601', new Date(exp).toISOString()],
    ['epoch seconds', exp / 1000],
    ['epoch milliseconds', exp],
    ['epoch seconds as a string', String(exp / 1000)],
  ])('expires_at as %s', (_, expiresAt) => {
    const c = parseCredentials(
      JSON.stringify({ access_token: AT, refresh_token: RT, expires_at: expiresAt, token_type: 'Bearer' }),
    );
    expect(c.expiresAt).toBe(exp);
    // Written back in the style it was read in.
    const next = applyTokenSet(c, { accessToken: 'a2', refreshToken: 'r2', expiresInSeconds: 7200 }, NOW);
    const out = JSON.parse(serializeCredentials(next)) as Record<string, unknown>;
    expect(typeof out.expires_at).toBe(
      typeof expiresAt === 'string' && !/^\d+$/.test(expiresAt)
        ? 'string'
        : typeof expiresAt === 'string'
          ? 'number'
          : typeof expiresAt,
    );
    expect(parseCredentials(JSON.stringify(out)).expiresAt).toBe(NOW + 7_200_000);
    expect(out.token_type).toBe('Bearer');
  });

  it('expires_in with obtained_at', () => {
    const c = parseCredentials(
      JSON.stringify({
        access_token: AT,
        refresh_token: RT,
        expires_in: 3600,
        obtained_at: new Date(NOW).toISOString(),
      }),
    );
    expect(c.expiresAt).toBe(exp);
    const out = JSON.parse(
      serializeCredentials(applyTokenSet(c, { accessToken: 'a2', expiresInSeconds: 60 }, NOW + 1000)),
    ) as Record<string, unknown>;
    expect(out).toMatchObject({
      access_token: 'a2',
      refresh_token: RT,
      expires_in: 60,
      obtained_at: new Date(NOW + 1000).toISOString(),
    });
  });

  it('an access token without any expiry is an error', () => {
    expect(() => parseCredentials(JSON.stringify({ access_token: AT, refresh_token: RT }))).toThrow(
      /^credentials: .*expires_at/,
    );
  });
});

describe('bare refresh token', () => {
  it('is read, needs a refresh, and is written back as the generic format', () => {
    const c = parseCredentials(`  ${RT}\n`);
    expect(c).toMatchObject({ format: 'refresh-token', refreshToken: RT });
    expect(c.accessToken).toBeUndefined();
    const next = applyTokenSet(
      c,
      { accessToken: AT, refreshToken: 'r2', expiresInSeconds: 60, scope: 'user:inference' },
      NOW,
    );
    expect(JSON.parse(serializeCredentials(next))).toEqual({
      access_token: AT,
      refresh_token: 'r2',
      expires_at: new Date(NOW + 60_000).toISOString(),
      scope: 'user:inference',
    });
  });
});

describe('bad input', () => {
  it.each([
    ['empty', '   ', /is empty/],
    ['malformed JSON', `{"claudeAiOauth": {"refreshToken": "${RT}"`, /is not valid JSON/],
    ['unknown format', '{"foo": 1}', /unknown format/],
    ['a JSON array', '[1]', /must be a JSON object/],
    ['words with spaces', 'not a token', /neither JSON nor a bare refresh token/],
    [
      'bad expiry',
      JSON.stringify({ access_token: AT, refresh_token: RT, expires_at: 'tomorrow' }),
      /"expires_at" must be ISO 8601/,
    ],
    ['non-string token', JSON.stringify({ claudeAiOauth: { refreshToken: 42 } }), /"refreshToken" must be a string/],
  ])('%s → one line naming credentials, never quoting it', (_, text, message) => {
    let err: unknown;
    try {
      parseCredentials(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/^credentials: /);
    expect(msg).toMatch(message);
    expect(msg).not.toContain(RT);
    expect(msg).not.toContain(AT);
    expect(msg).not.toContain('\n');
  });
});

describe('jwtExpiry', () => {
  it('reads exp, ignores non-JWTs', () => {
    expect(jwtExpiry(jwt({ exp: 2_000_000_000 }))).toBe(2_000_000_000_000);
    expect(jwtExpiry(AT)).toBeUndefined();
    expect(jwtExpiry('a.b.c')).toBeUndefined();
  });

  it('an exp no date can hold is an unknown expiry', () => {
    expect(jwtExpiry(jwt({ exp: 1e16 }))).toBeUndefined();
    expect(jwtExpiry(jwt({ exp: -1 }))).toBeUndefined();
  });
});

describe('absurd expiries: a clear error when stored, never an invalid date', () => {
  const pair = { access_token: AT, refresh_token: RT };
  it.each([
    ['Claude Code expiresAt 1e16', { claudeAiOauth: { refreshToken: RT, expiresAt: 1e16 } }, 'claudeAiOauth.expiresAt'],
    ['generic expires_at as a huge string', { ...pair, expires_at: '99999999999999999999' }, 'expires_at'],
    ['generic expires_in of 1e300', { ...pair, expires_in: 1e300, obtained_at: NOW / 1000 }, 'expires_in'],
  ])('%s names the field and the fix', (_, doc, field) => {
    expect(() => parseCredentials(JSON.stringify(doc))).toThrow(
      new UserError(
        'OB_CREDENTIALS',
        `credentials: "${field}" is after the year 9999; store the credentials the login wrote, ` +
          `or remove "${field}" so the next run refreshes.`,
      ),
    );
  });

  it.each([
    ['expires_in beyond any date', { accessToken: 'a2', expiresInSeconds: 1e300 }],
    ['an absolute expiry beyond any date', { accessToken: 'a2', expiresAt: 1e20 }],
    ['a JWT whose exp is beyond any date', { accessToken: jwt({ exp: 1e300 }) }],
  ])('a token set with %s is applied with the expiry unknown', (_, tokens) => {
    const docs = [{ claudeAiOauth: { refreshToken: RT } }, { ...pair, expires_at: NOW / 1000 }];
    for (const text of [...docs.map((d) => JSON.stringify(d)), RT]) {
      const next = applyTokenSet(parseCredentials(text), tokens, NOW);
      expect(next.expiresAt).toBeUndefined();
      expect(() => serializeCredentials(next)).not.toThrow();
    }
  });
});

describe('a token set with a new refresh token but no access token', () => {
  type Doc = Record<string, Record<string, unknown>>;
  const claudeDoc = { claudeAiOauth: { accessToken: AT, refreshToken: RT, expiresAt: NOW, subscriptionType: 'max' } };
  const codexDoc = { auth_mode: 'chatgpt', tokens: { access_token: jwt({ exp: NOW / 1000 }), refresh_token: RT } };
  it.each([
    ['Claude Code', JSON.stringify(claudeDoc), (d: Doc) => d.claudeAiOauth],
    ['Codex', JSON.stringify(codexDoc), (d: Doc) => d.tokens],
    ['generic', JSON.stringify({ access_token: AT, refresh_token: RT, expires_at: NOW / 1000 }), (d: Doc) => d],
    ['bare', RT, (d: Doc) => d],
  ])('%s: keeps the new refresh token and drops the stale access token', (_, text, tokensOf) => {
    const next = applyTokenSet(parseCredentials(text), { refreshToken: 'r2' }, NOW);
    expect(next).toMatchObject({ refreshToken: 'r2', accessToken: undefined, expiresAt: undefined });
    const back = parseCredentials(serializeCredentials(next));
    expect(back.refreshToken).toBe('r2');
    expect(back.accessToken).toBeUndefined();
    expect(Object.values(tokensOf(JSON.parse(serializeCredentials(next))))).not.toContain(AT);
  });
});

describe('checkWriteBack', () => {
  it('passes credentials whose rotation fits the 48 KB secret limit', () => {
    expect(() => checkWriteBack(parseCredentials(RT), NOW)).not.toThrow();
    const big = parseCredentials(JSON.stringify({ claudeAiOauth: { refreshToken: RT }, pad: 'x'.repeat(40_000) }));
    expect(() => checkWriteBack(big, NOW)).not.toThrow();
  });

  it('refuses credentials that could not be stored once refreshed, before anything is spent', () => {
    const near = parseCredentials(JSON.stringify({ claudeAiOauth: { refreshToken: RT }, pad: 'x'.repeat(47_000) }));
    expect(() => checkWriteBack(near, NOW)).toThrow(/^credentials: is 46 KB; refreshed, it could exceed GitHub's/);
  });
});

describe("the refresh token's own expiry, kept in the marker", () => {
  const DAY = 86_400_000;
  const claude = (extra: Record<string, unknown> = {}): string =>
    JSON.stringify({ claudeAiOauth: { accessToken: AT, refreshToken: RT, expiresAt: NOW }, ...extra });
  const RT2 = fakeToken('anthropic-refresh');

  it.each([
    ['Claude Code', claude()],
    ['Codex', JSON.stringify({ tokens: { access_token: jwt({ exp: NOW / 1000 }), refresh_token: RT } })],
    ['generic', JSON.stringify({ access_token: AT, refresh_token: RT, expires_at: NOW })],
    ['bare', RT],
  ])('%s: refresh_token_expires_in is recorded as an instant, and read back', (_, text) => {
    const next = applyTokenSet(
      parseCredentials(text),
      { accessToken: AT, refreshToken: RT2, expiresInSeconds: 3600, refreshExpiresInSeconds: 86_400 },
      NOW,
    );
    const back = parseCredentials(serializeCredentials(next));
    expect(refreshExpiresAt(back.doc)).toBe(NOW + DAY);
    expect(back.doc.oauth_broker).toEqual({ refresh_expires_at: new Date(NOW + DAY).toISOString() });
  });

  it('kept while the provider keeps the refresh token; dropped with a new one it says nothing of', () => {
    const marked = claude({
      oauth_broker: { written_at: new Date(NOW).toISOString(), refresh_expires_at: '2026-11-25T00:00:00.000Z' },
    });
    const kept = applyTokenSet(parseCredentials(marked), { accessToken: AT, expiresInSeconds: 60 }, NOW);
    expect(refreshExpiresAt(kept.doc)).toBe(Date.parse('2026-11-25T00:00:00Z'));
    const rotated = applyTokenSet(parseCredentials(marked), { accessToken: AT, refreshToken: RT2 }, NOW);
    expect(rotated.doc.oauth_broker).toEqual({ written_at: new Date(NOW).toISOString() });
    expect(refreshExpiresAt(rotated.doc)).toBeUndefined();
  });

  it('the write stamp keeps it; an unreadable one counts as unknown', () => {
    const value = serializeCredentials(
      applyTokenSet(parseCredentials(claude()), { accessToken: AT, refreshExpiresInSeconds: 60 }, NOW),
    );
    const stamped = JSON.parse(stamp(value, NOW + 1000)) as Record<string, unknown>;
    expect(stamped.oauth_broker).toEqual({
      refresh_expires_at: new Date(NOW + 60_000).toISOString(),
      written_at: new Date(NOW + 1000).toISOString(),
    });
    expect(refreshExpiresAt({ oauth_broker: { refresh_expires_at: 'soon' } })).toBeUndefined();
    expect(refreshExpiresAt({ oauth_broker: 'x' })).toBeUndefined();
    expect(withRefreshExpiry({ a: 1 }, undefined)).toEqual({ a: 1 });
  });
});
