// `oauth-broker status`: what a credentials document holds, with no network and never a token.
import type { Credentials } from '../core/formats/index.js';
import { fingerprint } from '../core/fingerprint.js';
import { sha256Hex } from '../core/sha256-js.js';
import { formatDuration, parseDuration } from '../core/duration.js';
import { UserError } from '../core/errors.js';
import { issuerOf } from '../core/recognise.js';
import type { CliDeps } from './deps.js';
import { type Given, identify, loginOf, type Named, nameCredentials, type ValueKind } from './kind.js';
import { type Args, inCliTerms, option, readFrom, UsageError, type Verb } from './verb.js';

const FORMAT_NAMES: Record<Credentials['format'], string> = {
  'claude-code': 'Claude Code .credentials.json',
  codex: 'Codex auth.json',
  generic: 'OAuth token document',
  'refresh-token': 'a token alone; a refresh writes it back as an OAuth token document',
};

export interface Status {
  /** What it is: a login, a refresh token alone, or what is no login (src/cli/kind.ts). */
  kind: ValueKind;
  format: Credentials['format'];
  provider: string | null;
  expires_at: string | null;
  expires_in: number | null;
  scopes: string[] | null;
  refresh_token: boolean;
  fingerprint: string | null;
  valid_for_min_ttl: boolean;
}

/** The text of `--from`, parsed and named; every token in it kept for redaction. Empty is refused. */
export function givenOf(text: string, from: string, deps: CliDeps): Given {
  if (!text.trim())
    throw new UserError('OB_CREDENTIALS', `--from ${from}: is empty; give the credentials the login wrote.`);
  return asFrom(from, () => identify(text, deps.secrets));
}

/** The value of `--from`, parsed and named. */
export async function readGiven(from: string, deps: CliDeps): Promise<Given> {
  return givenOf(await readFrom(from, deps), from, deps);
}

/** Reads credentials for a verb: parsed, kept for redaction, and refused when they are no login. */
export async function readCredentials(from: string, deps: CliDeps): Promise<Credentials> {
  return loginOf(await readGiven(from, deps), `--from ${from}`);
}

/** Runs a check of the core's on the value of --from, whose errors name the action's input. */
export function asFrom<T>(from: string, check: () => T): T {
  try {
    return check();
  } catch (err) {
    throw inCliTerms(err, `--from ${from}`);
  }
}

export function statusOf(c: Credentials, minTtlMs: number, now: number): Status {
  const left = c.accessToken && c.expiresAt !== undefined ? c.expiresAt - now : undefined;
  return {
    kind: nameCredentials(c).kind,
    format: c.format,
    provider: issuerOf(c) ?? null,
    expires_at: c.accessToken && c.expiresAt !== undefined ? new Date(c.expiresAt).toISOString() : null,
    expires_in: left === undefined ? null : Math.floor(left / 1000),
    scopes: c.scopes ?? null,
    refresh_token: c.format === 'refresh-token' || !!c.refreshToken,
    fingerprint: c.accessToken ? fingerprint(c.accessToken, sha256Hex) : null,
    valid_for_min_ttl: left !== undefined && left >= minTtlMs,
  };
}

/** " (in 7h59m)", " (expired)" or nothing when the expiry is unknown. */
function timeLeft(s: Status): string {
  if (s.expires_in === null) return '';
  return s.expires_in <= 0 ? ' (expired)' : ` (in ${formatDuration(s.expires_in * 1000)})`;
}

/** For a line after an import or a refresh: when the access token expires and its fingerprint, never the token. */
export function describeAccessToken(c: Credentials, now: number): string {
  const s = statusOf(c, 0, now);
  if (!s.fingerprint) return 'no access token yet (the first refresh makes one)';
  const expiry = s.expires_at ? `expires ${s.expires_at}${timeLeft(s)}` : 'of unknown expiry';
  return `access token ${expiry}, fingerprint ${s.fingerprint}`;
}

/** What is no login: named, with nothing a login would have. */
function notLogin(given: Given): Status {
  return {
    kind: given.named.kind,
    format: given.credentials?.format ?? 'codex',
    provider: given.named.provider,
    expires_at: null,
    expires_in: null,
    scopes: null,
    refresh_token: false,
    fingerprint: given.token ? fingerprint(given.token, sha256Hex) : null,
    valid_for_min_ttl: false,
  };
}

function human(s: Status, named: Named): string[] {
  const left = timeLeft(s);
  const kind = `kind         ${s.kind}: ${named.what}${named.instead ? ', not a login' : ''}`;
  if (named.instead) {
    return [
      kind,
      `provider     ${s.provider ?? 'unknown'}`,
      'refresh      none: nothing the broker can keep alive',
      `fingerprint  ${s.fingerprint ?? '-'}`,
    ];
  }
  return [
    kind,
    `format       ${s.format} (${FORMAT_NAMES[s.format]})`,
    `provider     ${s.provider ?? 'unknown (pass --provider oauth2 with its token URL to refresh it)'}`,
    `access token ${s.expires_at ? `expires ${s.expires_at}${left}` : 'none: the first refresh makes one'}`,
    `scopes       ${s.scopes?.join(' ') ?? 'none named'}`,
    `refresh      ${s.refresh_token ? 'a refresh token is present' : 'no refresh token'}`,
    `fingerprint  ${s.fingerprint ?? '-'}`,
  ];
}

export const verb: Verb = {
  usage: [
    'status [--from FILE|-] [--min-ttl D] [--json]',
    '  What it was given: a login (format, provider, expiry, scopes, whether a refresh token is present,',
    "  the access token's fingerprint), a refresh token alone, or what is no login: a claude setup-token",
    '  value, an API key, a Codex auth.json holding an API key. No network; never a token. --from defaults',
    '  to - (standard input); at most 1 MB. --json: the same as one JSON object, with its "kind".',
    '  Exit 1 when it is no login, or the access token has less than --min-ttl left (default 0s).',
  ].join('\n'),
  options: { from: { type: 'string' }, 'min-ttl': { type: 'string' }, json: { type: 'boolean' } },
  async run(args: Args, deps: CliDeps): Promise<void> {
    const minTtl = option(args, 'min-ttl') ?? '0s';
    let minTtlMs: number;
    try {
      minTtlMs = parseDuration('min-ttl', minTtl);
    } catch (err) {
      throw new UsageError(`--${(err as Error).message}`);
    }
    const from = option(args, 'from') ?? '-';
    const given = await readGiven(from, deps);
    const { named, credentials } = given;
    const s = credentials && !named.instead ? statusOf(credentials, minTtlMs, deps.now()) : notLogin(given);
    if (args.values.json) deps.stdout(`${JSON.stringify(s)}\n`);
    else for (const l of human(s, named)) deps.stderr(l);
    loginOf(given, `--from ${from}`);
    if (!s.valid_for_min_ttl) {
      throw new UserError(
        'OB_CREDENTIALS',
        !s.expires_at
          ? 'there is no access token yet; refresh it (oauth-broker refresh --from FILE).'
          : (s.expires_in ?? 0) <= 0
            ? 'the access token has expired; refresh it (oauth-broker refresh --from FILE).'
            : `the access token has less than ${minTtl} left; refresh it (oauth-broker refresh --from FILE).`,
      );
    }
  },
};
