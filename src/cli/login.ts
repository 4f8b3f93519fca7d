// `oauth-broker login`: a new login made for CI (SPEC §6.1), written in the provider CLI's own
// format to --out. Never to the CLI's own login file: a login shared by a laptop and CI is
// spent by whichever refreshes second.
import { realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Env } from '../core/env.js';
import { UserError } from '../core/errors.js';
import { neutral } from '../core/neutral.js';
import { homeDir, isProviderId, PROVIDERS, type ProviderId } from '../core/providers.js';
import { httpUrl } from '../core/url.js';
import type { CliDeps } from './deps.js';
import { loginAnthropic } from './login/anthropic.js';
import { loginOauth2 } from './login/oauth2.js';
import { loginOpenai } from './login/openai.js';
import { type Args, checkOut, FORCE_OPTION, option, UsageError, type Verb, writeOut } from './verb.js';

/** The options each provider's login takes, beyond --provider and --out. */
const TAKES: Record<ProviderId, readonly string[]> = {
  anthropic: ['console', 'inference-only', 'authorize-url', 'token-url', 'client-id'],
  openai: ['browser', 'authorize-url', 'redirect-uri', 'device-url', 'token-url', 'client-id'],
  oauth2: ['authorize-url', 'token-url', 'client-id', 'client-secret', 'scope', 'redirect-uri'],
};
/** OpenAI's options that belong to one of its two logins. */
const BROWSER_ONLY = ['authorize-url', 'redirect-uri'];
/** Bases that paths are appended to, trimmed of trailing slashes as the action trims token-url. */
const TRIMMED = ['token-url', 'device-url'];

/** Refuses an option the chosen login would ignore: a silent no-op hides a mistake. */
export function checkApplies(provider: ProviderId, args: Args): void {
  for (const [name, value] of Object.entries(args.values)) {
    if (value === undefined || name === 'provider' || name === 'out' || name === 'force') continue;
    if (!TAKES[provider].includes(name)) {
      const takers = (Object.keys(TAKES) as ProviderId[]).filter((p) => TAKES[p].includes(name));
      throw new UsageError(`--${name} does not apply to --provider ${provider} (it is for ${takers.join(', ')}).`);
    }
    if (provider === 'openai' && BROWSER_ONLY.includes(name) && !args.values.browser) {
      throw new UsageError(`--${name} is for the browser login: add --browser.`);
    }
    if (provider === 'openai' && name === 'device-url' && args.values.browser) {
      throw new UsageError('--device-url is for the device code login, which --browser replaces.');
    }
  }
}

/** A URL option: https, or http to this machine; addresses the server compares are kept to the letter. */
function urlOption(args: Args, name: string): string | undefined {
  const value = option(args, name);
  if (value === undefined) return undefined;
  try {
    const checked = httpUrl(`--${name}`, value);
    return TRIMMED.includes(name) ? checked : value;
  } catch (err) {
    if (err instanceof UserError) throw new UsageError(err.message);
    throw err;
  }
}

/** The file a path names, through any link, when there is one. */
function realPath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/** The provider CLIs' own login files, which a login for CI must never replace. */
function ownLogins(env: Env): Map<string, string> {
  const claude = [
    PROVIDERS.anthropic.filePath?.(env),
    env.CLAUDE_CONFIG_DIR && join(env.CLAUDE_CONFIG_DIR, '.credentials.json'),
  ];
  const codex = [PROVIDERS.openai.filePath?.(env), join(homeDir(env), '.codex', 'auth.json')];
  const own = new Map<string, string>();
  for (const p of claude) if (p) own.set(realPath(p), "Claude Code's own login");
  for (const p of codex) if (p) own.set(realPath(p), "Codex's own login");
  return own;
}

/** Where the login goes, refused before the login starts when it could not go there. */
function outOption(args: Args, deps: CliDeps): string {
  const out = option(args, 'out');
  if (out === undefined) throw new UsageError('--out is required: a file for the new login, or - for standard output.');
  const own = out === '-' ? undefined : ownLogins(deps.env).get(realPath(out));
  if (own) {
    throw new UsageError(`--out: ${neutral(out, 80)} is ${own}; CI needs a login of its own, so choose another path.`);
  }
  checkOut(out, args, deps);
  return out;
}

/** A new login of that provider, with the login options in `args` (also `oauth-broker init`). */
export async function login(provider: ProviderId, args: Args, deps: CliDeps): Promise<Record<string, unknown>> {
  const common = {
    authorizeUrl: urlOption(args, 'authorize-url'),
    tokenUrl: urlOption(args, 'token-url'),
    clientId: option(args, 'client-id'),
  };
  if (provider === 'anthropic') {
    return loginAnthropic(
      { ...common, console: !!args.values.console, inferenceOnly: !!args.values['inference-only'] },
      deps,
    );
  }
  if (provider === 'openai') {
    const browser = !!args.values.browser;
    return loginOpenai(
      { ...common, browser, deviceUrl: urlOption(args, 'device-url'), redirectUri: urlOption(args, 'redirect-uri') },
      deps,
    );
  }
  return loginOauth2(
    {
      authorizeUrl: common.authorizeUrl ?? required('authorize-url'),
      tokenUrl: common.tokenUrl ?? required('token-url'),
      clientId: common.clientId ?? required('client-id'),
      clientSecret: option(args, 'client-secret'),
      scope: option(args, 'scope'),
      redirectUri: urlOption(args, 'redirect-uri'),
    },
    deps,
  );
}

const required = (name: string): never => {
  throw new UsageError(`--${name} is required with --provider oauth2.`);
};

export const verb: Verb = {
  usage: [
    'login [--provider anthropic|openai|oauth2] --out FILE|- [--force] [options]',
    "  A new login for CI alone, in the provider CLI's own format: Claude Code .credentials.json,",
    '  Codex auth.json, or the OAuth token document. Written to FILE (mode 0600; an existing FILE only',
    '  with --force, and its folder must exist) or, with -, to standard output (not a terminal, unless',
    "  --force). Never to the CLI's own login file (~/.claude, ~/.codex): a login a laptop",
    '  also uses is spent by whichever side refreshes second. The address to open is always',
    '  printed; a browser is opened when there is one (BROWSER: a command, or none).',
    '  anthropic (default)  paste the CODE#STATE the page shows. --console: a Console account;',
    '                       --inference-only: scope user:inference alone.',
    '  openai               a device code to enter on a page; --browser: a browser login with a',
    '                       callback on localhost:1455 (--redirect-uri), or paste where it went.',
    '  oauth2               --authorize-url, --token-url and --client-id, optional --client-secret,',
    '                       --scope, --redirect-uri (default: http://127.0.0.1 on a free port).',
    '  Overrides: --authorize-url, --token-url, --device-url (openai), --client-id.',
  ].join('\n'),
  options: {
    provider: { type: 'string' },
    out: { type: 'string' },
    browser: { type: 'boolean' },
    console: { type: 'boolean' },
    'inference-only': { type: 'boolean' },
    'authorize-url': { type: 'string' },
    'token-url': { type: 'string' },
    'device-url': { type: 'string' },
    'client-id': { type: 'string' },
    'client-secret': { type: 'string' },
    scope: { type: 'string' },
    'redirect-uri': { type: 'string' },
    ...FORCE_OPTION,
  },
  async run(args: Args, deps: CliDeps): Promise<void> {
    const provider = option(args, 'provider') ?? 'anthropic';
    if (!isProviderId(provider)) {
      throw new UsageError(
        `--provider: "${neutral(provider, 40)}" is not a provider; use anthropic, openai or oauth2.`,
      );
    }
    checkApplies(provider, args);
    const out = outOption(args, deps);
    const doc = await login(provider, args, deps);
    await writeOut(out, JSON.stringify(doc), deps);
    if (out !== '-') {
      deps.stderr(`Store it with oauth-broker seed --repo OWNER/REPO --secret NAME --from ${out}, then delete it.`);
    }
  },
};
