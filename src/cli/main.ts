// `oauth-broker <verb>`: finds the verb, parses its arguments, runs it, and turns what went
// wrong into one line and an exit code (0 done, 1 failed, 2 usage, 130 a deferred Ctrl-C). Each
// verb is its own chunk, loaded only when asked for: `status` and `seal` never load an HTTP client.
import { reportFailure } from '../core/errors.js';
import { neutral } from '../core/neutral.js';
import { VERSION } from '../core/version.js';
import type { CliDeps } from './deps.js';
import { didYouMean } from './suggest.js';
import { Interrupted, parseVerbArgs, UsageError, type Verb } from './verb.js';

const VERBS: Record<string, { summary: string; load: () => Promise<{ verb: Verb }> }> = {
  init: { summary: 'set a repository up: token check, login, secret, workflows', load: () => import('./init.js') },
  login: { summary: "a new login for CI, in the provider CLI's own format", load: () => import('./login.js') },
  import: { summary: 'copy the login of Claude Code or Codex on this machine', load: () => import('./import.js') },
  refresh: { summary: 'refresh a credentials file and rewrite it in place', load: () => import('./refresh.js') },
  status: { summary: 'what a credentials file holds, without any network', load: () => import('./status.js') },
  seed: { summary: 'store credentials in a GitHub secret, sealed with its key', load: () => import('./seed.js') },
  seal: { summary: 'seal credentials for a secret, without any network', load: () => import('./seal.js') },
  put: { summary: 'store a value sealed elsewhere in a GitHub secret, unchanged', load: () => import('./put.js') },
  doctor: { summary: 'check a setup end to end, without spending anything', load: () => import('./doctor.js') },
  'public-key': { summary: "print a secret's public key, for seal --key-file", load: () => import('./public-key.js') },
};

const USAGE = [
  'usage: oauth-broker <verb> [options]    (oauth-broker help <verb> for its options)',
  '',
  ...Object.entries(VERBS).map(([name, v]) => `  ${name.padEnd(10)} ${v.summary}`),
  `  ${'help'.padEnd(10)} this text; help <verb>: the options of a verb (also <verb> --help)`,
  '',
  '-V, --version: the version. Human lines go to stderr, the result alone to stdout. No verb prints a token.',
];

const wantsHelp = (argv: readonly string[]): boolean => argv.includes('--help') || argv.includes('-h');

/** The verb a name calls, or undefined. */
const entryOf = (name: string) => (Object.hasOwn(VERBS, name) ? VERBS[name] : undefined);

/** A verb's usage, "usage: oauth-broker " before its synopsis, line by line. */
const usageLines = (verb: Verb): string[] =>
  verb.usage.split('\n').map((l) => (l.startsWith(' ') || !l ? l : `usage: oauth-broker ${l}`));

/** One line for a name that is no verb, with the closest ones. */
const unknownVerb = (name: string): string =>
  `oauth-broker: unknown verb "${neutral(name, 40)}"${didYouMean(name, [...Object.keys(VERBS), 'help']) || '.'}`;

/** Help asked for is the result: on stdout, exit 0. Without a verb, the usage is a usage error (stderr, 2). */
async function help(topic: string | undefined, deps: CliDeps): Promise<number> {
  if (topic === undefined) {
    deps.stdout(`${USAGE.join('\n')}\n`);
    return 0;
  }
  const entry = entryOf(topic);
  if (!entry) {
    deps.stderr(unknownVerb(topic));
    for (const l of USAGE) deps.stderr(l);
    return 2;
  }
  deps.stdout(`${usageLines((await entry.load()).verb).join('\n')}\n`);
  return 0;
}

/** Runs one command line; resolves to the exit code. */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    for (const l of USAGE) deps.stderr(l);
    return 2;
  }
  if (name === '--help' || name === '-h') return help(undefined, deps);
  if (name === 'help')
    return help(
      rest.find((a) => !a.startsWith('-')),
      deps,
    );
  if (name === '--version' || name === '-V') {
    deps.stdout(`${VERSION}\n`);
    return 0;
  }
  const entry = entryOf(name);
  if (!entry) {
    deps.stderr(unknownVerb(name));
    for (const l of USAGE) deps.stderr(l);
    return 2;
  }
  const { verb } = await entry.load();
  const usage = (): void => {
    for (const l of usageLines(verb)) deps.stderr(l);
  };
  if (wantsHelp(rest)) {
    deps.stdout(`${usageLines(verb).join('\n')}\n`);
    return 0;
  }
  try {
    await verb.run(parseVerbArgs(verb, rest), deps);
    return 0;
  } catch (err) {
    if (err instanceof Interrupted) {
      deps.stderr(`oauth-broker ${name}: ${err.message}`);
      return err.code;
    }
    if (err instanceof UsageError) {
      deps.stderr(`oauth-broker ${name}: ${err.message}`);
      usage();
      return 2;
    }
    reportFailure(
      {
        setFailed: (m) => deps.stderr(`oauth-broker ${name}: error: ${m}`),
        setFailedWithCode: (m, code) => deps.stderr(`oauth-broker ${name}: error[${code}]: ${m}`),
        info: (m) => deps.stderr(`  ${m}`),
        debug: (m) => deps.stderr(`  debug: ${m}`),
        isDebug: () => deps.env.RUNNER_DEBUG === '1',
      },
      err,
      deps.secrets,
    );
    return 1;
  }
}
