// `oauth-broker refresh --from FILE`: one refresh grant, and the file rewritten in place with what it
// returned. From the provider's answer on, the old refresh token is dead: the new credentials reach
// FILE, or a file beside it, and the lines after say where the other copies must be replaced.
// A Ctrl-C (or SIGTERM) before the request ends the process at once, as nothing is spent; from
// the request on it waits until the answer is stored, or the request failed (docs/design.md,
// "Cancellation").
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { applyTokenSet, type Credentials, serializeCredentials, type TokenSet } from '../core/formats/index.js';
import { writePrivateFile } from '../core/credfile.js';
import { timings } from '../core/env.js';
import { InvalidGrantError, fitLine, UserError, systemCode } from '../core/errors.js';
import { neutral } from '../core/neutral.js';
import { isProviderId, PROVIDERS, type Provider } from '../core/providers.js';
import { issuerOf, recognise } from '../core/recognise.js';
import { type RefreshRequest, refreshTokens } from '../core/refresh.js';
import { type RaisedShield, raiseShield } from '../core/shield.js';
import { httpUrl } from '../core/url.js';
import type { CliDeps } from './deps.js';
import { describeAccessToken, readCredentials } from './status.js';
import { type Args, Interrupted, inCliTerms, option, UsageError, type Verb } from './verb.js';

/** The file to rewrite: the one a link points to, its mode kept when stricter than 0600. */
interface Target {
  path: string;
  mode: 0o600 | 0o400;
}

/** The refresh request but its token. */
type Grant = Omit<RefreshRequest, 'refreshToken'>;

function fromFile(args: Args): string {
  const from = option(args, 'from', true);
  if (from === '-') throw new UsageError('--from - cannot be rewritten; give the credentials file to refresh.');
  return from;
}

/** The provider named, else the one the credentials name; oauth2 needs its token URL and client id. */
function grantFor(args: Args, c: Credentials, from: string, deps: CliDeps): Grant {
  const named = option(args, 'provider');
  if (named !== undefined && !isProviderId(named)) {
    throw new UsageError(`--provider: "${neutral(named, 40)}" is not one of anthropic, openai, oauth2.`);
  }
  const id = named ?? issuerOf(c);
  if (!id) {
    throw new UsageError(
      '--provider is required: the credentials do not name their issuer (--provider oauth2 --token-url URL ' +
        '--client-id ID).',
    );
  }
  const provider: Provider = PROVIDERS[id];
  const tokenUrl = option(args, 'token-url') ?? provider.tokenUrl;
  const clientId = option(args, 'client-id') ?? provider.clientId;
  if (!tokenUrl || !clientId) throw new UsageError(`--${tokenUrl ? 'client-id' : 'token-url'} is required with ${id}.`);
  const clientSecret = option(args, 'client-secret');
  if (clientSecret) deps.secrets.add(clientSecret);
  const scope = option(args, 'scope');
  const grant = {
    provider,
    tokenUrl: httpUrl('--token-url', tokenUrl),
    clientId,
    clientSecret,
    scopes: scope ? scope.split(/\s+/) : c.scopes,
  };
  try {
    recognise(c, id, grant.tokenUrl);
  } catch (err) {
    throw inCliTerms(err, `--from ${from}`);
  }
  return grant;
}

/** Refuses, before the token is spent, a file whose successor could not be written where it is. */
function targetOf(from: string): Target {
  const path = realpathSync(from);
  try {
    accessSync(dirname(path), constants.W_OK);
  } catch (err) {
    throw new UserError(
      'OB_FILE',
      `--from: the folder of ${neutral(from, 100)} cannot be written, so nothing is refreshed; ` +
        'refresh a copy in a folder you can write.',
      { cause: err },
    );
  }
  return { path, mode: statSync(path).mode & 0o200 ? 0o600 : 0o400 };
}

/** What each Ctrl-C after the first says while the request is in flight. */
const WAITING =
  "oauth-broker refresh: waiting for the provider's answer, so that the new refresh token is not lost; " +
  'Ctrl-C again does not stop this.';

async function present(
  grant: Grant,
  c: Credentials,
  from: string,
  shield: RaisedShield,
  deps: CliDeps,
): Promise<TokenSet> {
  const t = timings(deps.env);
  // Set when a cancel stopped a retry: the attempts before it surely spent nothing.
  let stopped = false;
  try {
    return await refreshTokens(
      { ...grant, refreshToken: c.refreshToken },
      {
        fetch: deps.fetch,
        now: deps.now,
        // A retry's wait sends nothing, so a cancel ends it at once.
        sleep: (ms) => Promise.race([deps.sleep(ms), shield.interrupted]),
        info: (m) => deps.stderr(m),
        timeoutMs: t.httpTimeoutMs,
        retryDelayMs: t.retryBaseMs,
        failFast: true,
        cancelled: () => {
          stopped = shield.cancelled();
          return stopped;
        },
      },
    );
  } catch (err) {
    const signal = shield.signal();
    if (stopped && signal) {
      throw new Interrupted(
        `interrupted (${signal}) before the request was sent again; nothing was spent and ` +
          `${neutral(from, 120)} is unchanged.`,
        signal,
      );
    }
    // The core names the action's inputs (token-url, client-id): here, the verb's options.
    if (!(err instanceof InvalidGrantError)) throw inCliTerms(err, `--from ${from}`);
    const login = `oauth-broker login --provider ${grant.provider.id} --out FILE`;
    const line = fitLine(
      `${err.message} The file is unchanged; log in again (${login}).`,
      `${err.message} The file is unchanged; log in again.`,
      `${err.message} Log in again.`,
    );
    throw new UserError(err.code, line, { cause: err });
  }
}

/** "20260131T120000Z": a time for a file name. */
const stamp = (now: number): string => new Date(now).toISOString().replace(/[-:]|\.\d+/g, '');

/** Writes the new credentials over the target, else beside it; only a failure of both loses them. */
function writeCredentialsFile(target: Target, from: string, text: string, deps: CliDeps): void {
  try {
    writePrivateFile(target.path, text, { mode: target.mode });
    return;
  } catch (err) {
    const why = systemCode(err);
    const rescue = `${target.path}.rotated-${stamp(deps.now())}`;
    try {
      writePrivateFile(rescue, text);
    } catch (again) {
      throw new UserError(
        'OB_LOGIN_LOST',
        `--from: ${neutral(from, 80)} could not be rewritten (${why}), nor a file beside it; the refreshed ` +
          'login is lost: log in again (oauth-broker login).',
        { cause: again },
      );
    }
    throw new UserError(
      'OB_WRITE_BACK',
      `--from: ${neutral(from, 80)} could not be rewritten (${why}); the new credentials are beside it, in ` +
        `${neutral(basename(rescue), 60)}: move that over it.`,
      {
        cause: err,
        details: [
          `The refresh token ${neutral(from, 120)} holds is spent; only ${neutral(rescue, 120)} holds the live one.`,
        ],
      },
    );
  }
}

function report(from: string, before: Credentials, t: TokenSet, after: Credentials, deps: CliDeps): void {
  deps.stderr(`Refreshed ${from}: ${describeAccessToken(after, deps.now())}.`);
  if (!t.refreshToken || t.refreshToken === before.refreshToken) {
    deps.stderr('The provider kept the refresh token: other copies of this file still work.');
    return;
  }
  for (const l of [
    'Warning: the refresh token this file held is now spent, everywhere else it is stored too (a GitHub secret,',
    '  another machine): those copies can no longer refresh. Store the new file where they were, e.g.',
    `  oauth-broker seed --repo O/R --secret NAME --from ${from}`,
  ]) {
    deps.stderr(l);
  }
}

export const verb: Verb = {
  usage: [
    'refresh --from FILE [--provider P] [--token-url URL] [--client-id ID] [--client-secret S] [--scope S]',
    '  Refreshes the credentials in FILE once and rewrites FILE in place, atomically (a temporary file in',
    '  its folder, fsync, rename), mode 0600 (0400 kept). The provider is the one the credentials name,',
    '  else --provider: oauth2 needs --token-url and --client-id. The old refresh token is then spent',
    '  everywhere: store the new file where copies were (oauth-broker seed). If FILE cannot be rewritten,',
    '  the new credentials go to FILE.rotated-<time> beside it. Prints the expiry and fingerprint, never a token.',
    '  Once the request is sent, Ctrl-C waits until the answer is stored, then exits 130.',
  ].join('\n'),
  options: {
    from: { type: 'string' },
    provider: { type: 'string' },
    'token-url': { type: 'string' },
    'client-id': { type: 'string' },
    'client-secret': { type: 'string' },
    scope: { type: 'string' },
  },
  async run(args: Args, deps: CliDeps): Promise<void> {
    const from = fromFile(args);
    const before = await readCredentials(from, deps);
    const grant = grantFor(args, before, from, deps);
    const target = targetOf(from);
    const shield = raiseShield((_signal, count) => {
      if (count > 1) deps.stderr(WAITING);
    });
    try {
      const t = await present(grant, before, from, shield, deps);
      for (const s of [t.accessToken, t.refreshToken, t.idToken]) if (s) deps.secrets.add(s);
      const after = applyTokenSet(before, t, deps.now());
      writeCredentialsFile(target, from, `${serializeCredentials(after)}\n`, deps);
      report(from, before, t, after, deps);
    } finally {
      shield.release();
    }
    const signal = shield.signal();
    if (signal) {
      throw new Interrupted(
        `interrupted (${signal}) after the refresh completed and was stored in ${neutral(from, 120)}.`,
        signal,
      );
    }
  },
};
