// `oauth-broker import claude-code|codex`: the login of a provider CLI on this machine, copied for CI.
// The copy and the CLI then hold one refresh token, so the verb always says how to make a separate one.
import { join } from 'node:path';
import {
  type Credentials,
  type Format,
  parseCredentials,
  secretsOf,
  serializeCredentials,
} from '../core/formats/index.js';
import type { Env } from '../core/env.js';
import { UserError, systemCode } from '../core/errors.js';
import { neutral } from '../core/neutral.js';
import { PROVIDERS, type ProviderId } from '../core/providers.js';
import { recognise } from '../core/recognise.js';
import type { CliDeps } from './deps.js';
import { describeAccessToken } from './status.js';
import { codexApiKeyOf, identify, nameCredentials } from './kind.js';
import { didYouMean } from './suggest.js';
import {
  type Args,
  checkOut,
  FORCE_OPTION,
  inCliTerms,
  MAX_INPUT_BYTES,
  option,
  readBounded,
  tooLarge,
  UsageError,
  type Verb,
  writeOut,
} from './verb.js';

interface Cli {
  name: string;
  provider: ProviderId;
  format: Format;
  /** The login file the CLI reads, as the CLI finds it. */
  file(env: Env): string;
  /** Its name in a hint: "Claude Code's .credentials.json". */
  fileName: string;
  /** How to log in with the CLI itself. */
  login: string;
}

const standardFile = (id: ProviderId, env: Env): string => PROVIDERS[id].filePath?.(env) ?? '';

const CLIS: Record<string, Cli> = {
  'claude-code': {
    name: 'Claude Code',
    provider: 'anthropic',
    format: 'claude-code',
    file: (env) =>
      env.CLAUDE_CONFIG_DIR ? join(env.CLAUDE_CONFIG_DIR, '.credentials.json') : standardFile('anthropic', env),
    fileName: "Claude Code's .credentials.json",
    login: 'claude (/login)',
  },
  codex: {
    name: 'Codex',
    provider: 'openai',
    format: 'codex',
    file: (env) => standardFile('openai', env),
    fileName: "Codex's auth.json",
    login: 'codex login',
  },
};

/** What each CLI's login is called, for a file that holds another thing. */
const LOGIN: Record<string, string> = { 'claude-code': 'a Claude Code login', codex: 'a Codex login' };

// Claude Code keeps the login of the default config folder in this macOS keychain item; a
// CLAUDE_CONFIG_DIR login has an item of its own, so the keychain is read only without one.
const KEYCHAIN_ITEM = 'Claude Code-credentials';
const KEYCHAIN = `the keychain item "${KEYCHAIN_ITEM}"`;
// security(1) exits 44 (errSecItemNotFound) without the item; deps.run answers 127 without the program.
const NOT_FOUND = 44;
const NO_PROGRAM = 127;

interface Found {
  where: string;
  text: string;
}

/** One place a login may be: what it holds, or undefined when nothing is there. `looked` collects the places. */
type Source = (looked: string[]) => Promise<Found | undefined>;

/** The text of a file, or undefined when there is none; `label` names the option it came from. */
function readIfThere(path: string, label = ''): string | undefined {
  try {
    const bytes = readBounded(path);
    if (bytes.length > MAX_INPUT_BYTES) throw tooLarge(`${label}${neutral(path, 120)}`);
    return bytes.toString('utf8');
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = systemCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new UserError('OB_FILE', `${label}${neutral(path, 120)} cannot be read (${code}).`, { cause: err });
  }
}

const fileSource =
  (path: string): Source =>
  async (looked) => {
    looked.push(neutral(path, 120));
    const text = readIfThere(path);
    return text === undefined ? undefined : { where: path, text };
  };

function keychainSource(deps: CliDeps): Source {
  return async (looked) => {
    const r = await deps.run('security', ['find-generic-password', '-s', KEYCHAIN_ITEM, '-w']);
    if (r.code === NO_PROGRAM) return undefined;
    looked.push(KEYCHAIN);
    if (r.code === NOT_FOUND) return undefined;
    if (r.code !== 0) {
      throw new UserError(
        'OB_FILE',
        `${KEYCHAIN} cannot be read (security exited ${r.code}); unlock the keychain ` +
          '(security unlock-keychain) and allow the access, or pass --path.',
      );
    }
    return { where: KEYCHAIN, text: r.stdout };
  };
}

/**
 * Where the CLI's login may be, in order. On macOS Claude Code's own store is the keychain
 * (its file, when there is one, a copy); elsewhere the file, then the keychain only when a
 * `security` program exists.
 */
function sources(cli: Cli, deps: CliDeps): Source[] {
  const file = fileSource(cli.file(deps.env));
  if (cli.format !== 'claude-code' || deps.env.CLAUDE_CONFIG_DIR) return [file];
  const keychain = keychainSource(deps);
  return deps.platform === 'darwin' ? [keychain, file] : [file, keychain];
}

async function locate(cli: Cli, path: string | undefined, deps: CliDeps): Promise<Found> {
  if (path) {
    const text = readIfThere(path, '--path: ');
    if (text === undefined) throw new UserError('OB_FILE', `--path: ${neutral(path, 120)} does not exist.`);
    return { where: path, text };
  }
  const looked: string[] = [];
  for (const source of sources(cli, deps)) {
    const found = await source(looked);
    if (found) return found;
  }
  throw new UserError(
    'OB_FILE',
    `no ${cli.name} login in ${looked.join(' or ')}; log in with ${cli.login} first, or pass --path.`,
  );
}

/** Codex logged in with an API key keeps the key and no tokens: nothing there can be refreshed. */
function refuseApiKey(cli: Cli, found: Found, deps: CliDeps): void {
  if (cli.format !== 'codex') return;
  const key = codexApiKeyOf(found.text);
  if (!key) return;
  deps.secrets.add(key);
  const named = identify(found.text, deps.secrets).named;
  throw new UserError('OB_CREDENTIALS', `${neutral(found.where, 80)} is ${named.what}, not a login; ${named.instead}.`);
}

/** The login, checked as the action will check it: the named CLI's format, tokens of its provider. */
function validate(cli: Cli, found: Found, deps: CliDeps): Credentials {
  refuseApiKey(cli, found, deps);
  const where = neutral(found.where, 80);
  if (!found.text.trim())
    throw new UserError('OB_CREDENTIALS', `${where} is empty; log in with ${cli.login} again, or pass --path.`);
  let c: Credentials;
  try {
    c = parseCredentials(found.text);
  } catch (err) {
    // Its errors never quote the value; whatever is token-shaped is redacted all the same.
    for (const t of found.text.match(/[A-Za-z0-9_.~+/=-]{20,}/g) ?? []) deps.secrets.add(t);
    throw inCliTerms(err, where);
  }
  for (const s of secretsOf(c)) deps.secrets.add(s);
  if (c.format !== cli.format) {
    const other = Object.entries(CLIS).find(([, o]) => o.format === c.format)?.[0];
    const holds = c.format === 'refresh-token' || c.format === 'generic' ? nameCredentials(c).what : LOGIN[c.format];
    throw new UserError(
      'OB_CREDENTIALS',
      `${where} holds ${holds}, not ${LOGIN[cli.format]}; ` +
        `${other ? `run oauth-broker import ${other}, or ` : ''}pass --path to ${cli.fileName}.`,
    );
  }
  try {
    recognise(c, cli.provider, PROVIDERS[cli.provider].tokenUrl ?? '');
  } catch (err) {
    throw inCliTerms(err, where);
  }
  return c;
}

/** The copy holds the login and nothing else: Claude Code keeps MCP servers' own tokens beside it. */
function forCi(c: Credentials, deps: CliDeps): Credentials {
  if (!('mcpOAuth' in c.doc)) return c;
  const { mcpOAuth: _, ...doc } = c.doc;
  deps.stderr('Left out "mcpOAuth": the tokens of MCP servers stay on this machine.');
  return { ...c, doc };
}

function warnShared(cli: Cli, deps: CliDeps): void {
  for (const l of [
    `Warning: this copy and ${cli.name} on this machine now share one refresh token, and a refresh spends it:`,
    '  whichever refreshes first (the CLI here or CI) leaves the other holding a dead login (invalid_grant).',
    '  For CI, make a separate login instead:',
    `  oauth-broker login --provider ${cli.provider} --out - | oauth-broker seed --repo O/R --secret NAME --from -`,
  ]) {
    deps.stderr(l);
  }
}

export const verb: Verb = {
  usage: [
    'import claude-code|codex --out FILE|- [--path P] [--force]',
    '  Copies the login of Claude Code or Codex on this machine to FILE (mode 0600; an existing FILE only',
    '  with --force, and its folder must exist), or to stdout with --out - (not a terminal, unless --force).',
    '  Claude Code: $CLAUDE_CONFIG_DIR/.credentials.json, else ~/.claude/.credentials.json; without',
    `  CLAUDE_CONFIG_DIR also the keychain item "${KEYCHAIN_ITEM}" (security find-generic-password): first`,
    '  on macOS, elsewhere only when there is no file and a security program exists. Codex:',
    '  $CODEX_HOME/auth.json, else ~/.codex/auth.json. --path reads that file instead.',
    '  The copy shares its refresh token with this machine; a separate login for CI:',
    '  oauth-broker login --provider anthropic|openai --out - | oauth-broker seed --repo O/R --secret NAME --from -',
  ].join('\n'),
  options: { path: { type: 'string' }, out: { type: 'string' }, ...FORCE_OPTION },
  positionals: { min: 1, max: 1, name: 'the CLI to import from (claude-code or codex)' },
  async run(args: Args, deps: CliDeps): Promise<void> {
    const name = args.positionals[0];
    const cli = Object.hasOwn(CLIS, name) ? CLIS[name] : undefined;
    if (!cli) {
      throw new UsageError(
        `"${neutral(name, 40)}" is not claude-code or codex${didYouMean(name, Object.keys(CLIS)) || '.'}`,
      );
    }
    const out = option(args, 'out', true);
    checkOut(out, args, deps);
    await writeOut(out, await importLogin(name, option(args, 'path'), deps), deps);
  },
};

/**
 * The login of that CLI on this machine, checked and ready for CI (also `oauth-broker init --import`),
 * with the warning that the copy and the CLI now share one refresh token.
 */
export async function importLogin(name: string, path: string | undefined, deps: CliDeps): Promise<string> {
  const cli = CLIS[name];
  const found = await locate(cli, path, deps);
  const c = forCi(validate(cli, found, deps), deps);
  deps.stderr(`Imported the ${cli.name} login from ${found.where}: ${describeAccessToken(c, deps.now())}.`);
  warnShared(cli, deps);
  return serializeCredentials(c);
}
