// `oauth-broker status` through the bundle: each format, --json, --min-ttl, no token printed.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_WAYS, type CliOptions, type CliWay, runCliBy, scratchHome } from '../support/cli.js';
import { fakeJwt, fakeToken, rememberSecret } from '../support/fake-tokens.js';

const HOUR = 3_600_000;

function claudeCode(expiresAt: number): string {
  return JSON.stringify({
    claudeAiOauth: {
      accessToken: fakeToken('anthropic-access'),
      refreshToken: fakeToken('anthropic-refresh'),
      expiresAt,
      scopes: ['user:inference', 'user:profile'],
      subscriptionType: 'max',
    },
  });
}

function codex(expSeconds: number): string {
  return JSON.stringify({
    auth_mode: 'chatgpt',
    OPENAI_API_KEY: null,
    tokens: {
      id_token: fakeJwt({ iss: 'https://auth.openai.com', exp: expSeconds }),
      access_token: fakeJwt({ iss: 'https://auth.openai.com', exp: expSeconds }),
      refresh_token: fakeToken('opaque'),
      account_id: 'acct-1',
    },
    last_refresh: new Date().toISOString(),
  });
}

let way: CliWay = CLI_WAYS[0];
/** The CLI through the bundle or in process, as the enclosing block says. */
const status = (argv: string[], opts?: CliOptions) => runCliBy(way, argv, opts);

describe.each(CLI_WAYS)('%s', (w) => {
  beforeAll(() => {
    way = w;
  });

  describe('oauth-broker status', () => {
    it('describes Claude Code credentials from a file, without a token', async () => {
      const file = join(scratchHome(), 'c.json');
      writeFileSync(file, claudeCode(Date.now() + 8 * HOUR));
      const r = await status(['status', '--from', file]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/format +claude-code/);
      expect(r.stderr).toMatch(/provider +anthropic/);
      expect(r.stderr).toMatch(/expires \d{4}-\d\d-\d\dT.*\(in 7h59m/);
      expect(r.stderr).toMatch(/scopes +user:inference user:profile/);
      expect(r.stderr).toMatch(/fingerprint +[0-9a-f]{12}/);
    });

    it('prints the machine result alone on stdout with --json, from stdin', async () => {
      const r = await status(['status', '--json'], { stdin: codex(Math.floor(Date.now() / 1000) + 3600) });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const s = JSON.parse(r.stdout);
      expect(s).toMatchObject({ format: 'codex', provider: 'openai', refresh_token: true, valid_for_min_ttl: true });
      expect(s.expires_in).toBeGreaterThan(3500);
      expect(s.fingerprint).toMatch(/^[0-9a-f]{12}$/);
    });

    it('exits 1 when the access token has less than --min-ttl left, still describing it', async () => {
      const r = await status(['status', '--min-ttl', '2h', '--json'], { stdin: claudeCode(Date.now() + HOUR) });
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout)).toMatchObject({ valid_for_min_ttl: false });
      expect(r.stderr).toMatch(
        /^oauth-broker status: error\[OB_CREDENTIALS\]: the access token has less than 2h left; refresh it/m,
      );
    });

    it('exits 1 for an expired token and for a bare refresh token, which has none yet', async () => {
      const expired = await status(['status'], { stdin: claudeCode(Date.now() - HOUR) });
      expect(expired.code).toBe(1);
      expect(expired.stderr).toMatch(/\(expired\)/);
      expect(expired.stderr).toMatch(/error\[OB_CREDENTIALS\]: the access token has expired/);
      const bare = await status(['status', '--json'], { stdin: fakeToken('anthropic-refresh') });
      expect(bare.code).toBe(1);
      expect(JSON.parse(bare.stdout)).toMatchObject({
        kind: 'refresh-token',
        format: 'refresh-token',
        provider: 'anthropic',
      });
    });

    it('describes a generic document with an unknown issuer', async () => {
      const doc = { access_token: fakeToken('opaque'), refresh_token: fakeToken('opaque'), expires_in: 3600 };
      const r = await status(['status', '--json'], {
        stdin: JSON.stringify({ ...doc, obtained_at: Math.floor(Date.now() / 1000) }),
      });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ format: 'generic', provider: null, scopes: null });
    });

    it('says in one line what is wrong with the input, never quoting it', async () => {
      const r = await status(['status'], { stdin: `{"claudeAiOauth": ${fakeToken('anthropic-refresh')}` });
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toEqual([
        'oauth-broker status: error[OB_CREDENTIALS]: --from -: is not valid JSON; store the file exactly as the ' +
          'login wrote it.',
      ]);
      const missing = await status(['status', '--from', join(scratchHome(), 'nope.json')]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/error\[OB_FILE\]: --from: .*nope\.json does not exist\./);
    });

    it.each([
      [['status', '--bogus'], 'unknown option "--bogus".'],
      [['status', '--from'], '"--from" needs a value.'],
      [
        ['status', '--min-ttl', 'soon'],
        '--min-ttl: "soon" is not a duration; use e.g. 90s, 30m, 2h, 1h30m or plain seconds.',
      ],
      [['status', '--min-ttl', '366d'], '--min-ttl: "366d" is longer than a year; use at most 365d.'],
      [['status', 'extra'], 'unexpected argument "extra".'],
    ])('%j is a usage error: exit 2, one line, then the usage', async (argv, line) => {
      const r = await status(argv);
      expect(r.code).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines[0]).toBe(`oauth-broker status: ${line}`);
      expect(lines[1]).toMatch(/^usage: oauth-broker status \[--from FILE\|-\]/);
    });

    it('has --help on stdout (exit 0) and a top-level usage (on stderr, exit 2 without a verb)', async () => {
      const help = await status(['status', '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/^usage: oauth-broker status/);
      const none = await status([]);
      expect(none.code).toBe(2);
      expect(none.stderr).toMatch(/^usage: oauth-broker <verb>/);
      const unknown = await status(['frobnicate']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/^oauth-broker: unknown verb "frobnicate"\./);
    });
  });

  /** An OpenAI API key of the older shape: `sk-` and 48 characters. */
  function openaiKey(): string {
    const body = randomBytes(36).toString('base64url');
    rememberSecret(`sk-${body}`, body);
    return `sk-${body}`;
  }

  describe('oauth-broker status names what it was given', () => {
    const cases: Array<[string, () => string, Record<string, unknown>, RegExp, RegExp]> = [
      [
        'a claude setup-token value',
        () => fakeToken('anthropic-access'),
        { kind: 'setup-token', provider: 'anthropic', refresh_token: false },
        /^kind +setup-token: a long-lived Claude Code access token \(from claude setup-token\), not a login$/m,
        /error\[OB_CREDENTIALS\]: --from -: .*, not a login; nothing to rotate: .*_OAUTH_TOKEN directly\.$/m,
      ],
      [
        'an Anthropic API key',
        () => fakeToken('anthropic-api-key'),
        { kind: 'api-key', provider: 'anthropic' },
        /^kind +api-key: an Anthropic API key, not a login$/m,
        /error\[OB_CREDENTIALS\]: --from -: an Anthropic API key, not a login; .*as ANTHROPIC_API_KEY directly\.$/m,
      ],
      [
        'an OpenAI project API key',
        () => fakeToken('openai-api-key'),
        { kind: 'api-key', provider: 'openai' },
        /^kind +api-key: an OpenAI API key, not a login$/m,
        /use it as OPENAI_API_KEY directly\.$/m,
      ],
      [
        'an OpenAI API key',
        openaiKey,
        { kind: 'api-key', provider: 'openai' },
        /^kind +api-key: an OpenAI API key, not a login$/m,
        /use it as OPENAI_API_KEY directly\.$/m,
      ],
      [
        'a Codex auth.json holding an API key (tokens null)',
        () => JSON.stringify({ auth_mode: 'apikey', OPENAI_API_KEY: fakeToken('openai-api-key'), tokens: null }),
        { kind: 'codex-api-key', format: 'codex', provider: 'openai' },
        /^kind +codex-api-key: a Codex auth.json holding an API key \(OPENAI_API_KEY\), not a login$/m,
        /nothing to refresh: use the key as OPENAI_API_KEY directly, or log in with ChatGPT \(codex login\)\.$/m,
      ],
      [
        'a Codex auth.json holding an API key (no tokens)',
        () => JSON.stringify({ OPENAI_API_KEY: openaiKey() }),
        { kind: 'codex-api-key', format: 'codex' },
        /^kind +codex-api-key: /m,
        /use the key as OPENAI_API_KEY directly/m,
      ],
    ];

    it.each(cases)('%s: named, not a login, exit 1, never a token', async (_, value, json, kindLine, errorLine) => {
      const text = value();
      const r = await status(['status'], { stdin: text });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(kindLine);
      expect(r.stderr).toMatch(errorLine);
      expect(r.stderr).not.toMatch(/bare refresh token|must be an object/);
      expect(r.stderr.trim().split('\n')).toHaveLength(5);
      const j = await status(['status', '--json'], { stdin: text });
      expect(j.code).toBe(1);
      expect(JSON.parse(j.stdout)).toMatchObject({ ...json, expires_at: null, valid_for_min_ttl: false });
    });

    it('a refresh-token login: kind login, provider, expiry and scopes', async () => {
      const r = await status(['status'], { stdin: claudeCode(Date.now() + 8 * HOUR) });
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/^kind +login: a Claude Code login \(\.credentials\.json\)$/m);
      expect(r.stderr).toMatch(/^provider +anthropic$/m);
      expect(r.stderr).toMatch(/^scopes +user:inference user:profile$/m);
      const j = await status(['status', '--json'], { stdin: codex(Math.floor(Date.now() / 1000) + 3600) });
      expect(JSON.parse(j.stdout)).toMatchObject({ kind: 'login', format: 'codex', provider: 'openai' });
    });

    it('a refresh token alone: named as one, never "bare"', async () => {
      const r = await status(['status'], { stdin: fakeToken('anthropic-refresh') });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^kind +refresh-token: an Anthropic refresh token, with no access token yet$/m);
      expect(r.stderr).not.toMatch(/bare/);
      const j = await status(['status', '--json'], { stdin: fakeToken('opaque') });
      expect(JSON.parse(j.stdout)).toMatchObject({ kind: 'refresh-token', format: 'refresh-token', provider: null });
    });

    const TOO_LARGE = 'is over 1 MB, more than any credentials document; give the file the login wrote.';

    it('refuses an endless input (/dev/zero) at once, in one line', async () => {
      const r = await status(['status', '--from', '/dev/zero'], { timeoutMs: 5_000 });
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toEqual([
        `oauth-broker status: error[OB_INPUT_INVALID]: --from /dev/zero: ${TOO_LARGE}`,
      ]);
    });

    it('refuses 2 MB from a file or from stdin, in one line', async () => {
      const big = `{"access_token":"${'a'.repeat(2 * 1024 * 1024)}"}`;
      const path = join(scratchHome(), 'big.json');
      writeFileSync(path, big);
      const r = await status(['status', '--from', path]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toEqual([
        `oauth-broker status: error[OB_INPUT_INVALID]: --from ${path}: ${TOO_LARGE}`,
      ]);
      const piped = await status(['status'], { stdin: big });
      expect(piped.code).toBe(1);
      expect(piped.stderr.trim().split('\n')).toEqual([
        `oauth-broker status: error[OB_INPUT_INVALID]: --from -: ${TOO_LARGE}`,
      ]);
    });
  });
});
