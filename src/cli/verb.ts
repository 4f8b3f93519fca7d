// The shape every verb has, and what they share: argument parsing, where input comes from and
// where the result goes.
import { closeSync, existsSync, lstatSync, openSync, readSync, type Stats, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { conflict, invalid, quote } from '../core/checks.js';
import { UserError, systemCode } from '../core/errors.js';
import { neutral } from '../core/neutral.js';
import type { CliDeps } from './deps.js';
import { didYouMean } from './suggest.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Verb {
  /** The synopsis after `oauth-broker `, then a few lines of explanation. */
  usage: string;
  options: Options;
  /** How many positional arguments the verb takes. */
  positionals?: { min: number; max: number; name: string };
  run(args: Args, deps: CliDeps): Promise<void>;
}

export interface Args {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** A command line that cannot be run: exit 2, the line, then the verb's usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * The verb stopped for a signal it had deferred (Ctrl-C, SIGTERM) once nothing was at risk: its
 * line, and the exit code of a process the signal ended (128 + its number: 130, 143).
 */
export class Interrupted extends Error {
  override name = 'Interrupted';
  readonly code: number;
  constructor(message: string, signal: NodeJS.Signals) {
    super(message);
    this.code = signal === 'SIGTERM' ? 143 : 130;
  }
}

/** Parses a verb's arguments; every mistake is a UsageError naming the option. */
export function parseVerbArgs(verb: Verb, argv: readonly string[]): Args {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options: verb.options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(usageMessage(err, verb));
  }
  const { min = 0, max = 0, name = 'argument' } = verb.positionals ?? {};
  if (parsed.positionals.length < min) throw new UsageError(`${name} is missing.`);
  if (parsed.positionals.length > max) {
    throw new UsageError(`unexpected argument ${quote(parsed.positionals[max], 60)}.`);
  }
  return { values: parsed.values as Args['values'], positionals: parsed.positionals };
}

function usageMessage(err: unknown, verb: Verb): string {
  const code = (err as { code?: string }).code;
  const message = String((err as { message?: unknown }).message ?? '');
  const option = /'(-[^' ]*)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const near = didYouMean(option.replace(/^--?/, ''), [...Object.keys(verb.options), 'help'], (o) => `--${o}`);
    return `unknown option ${quote(option, 60)}${near || '.'}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return / does not take an argument$/.test(message)
      ? `${quote(option, 60)} takes no value.`
      : `${quote(option, 60)} needs a value.`;
  }
  return neutral(message, 120);
}

/** An option's string value; a UsageError when a required one is missing. */
export function option(args: Args, name: string, required: true): string;
export function option(args: Args, name: string, required?: false): string | undefined;
export function option(args: Args, name: string, required = false): string | undefined {
  const v = args.values[name];
  if (typeof v === 'string') {
    if (v === '') throw new UsageError(`--${name} is empty.`);
    return v;
  }
  if (required) throw new UsageError(`--${name} is required.`);
  return undefined;
}

/**
 * A core error in the CLI's terms: the action's input names become the verb's options, and
 * `credentials` the place the value came from (`--from FILE`, a login file).
 */
export function inCliTerms(err: unknown, source: string): unknown {
  if (!(err instanceof UserError)) return err;
  const words = (text: string): string =>
    text
      .replace(/^credentials: /, `${source}: `)
      .replace(/\bset provider:? /g, 'set --provider ')
      .replace(/\bbelongs in github-token; credentials holds\b/g, `is read from GH_TOKEN; ${source} takes`)
      .replace(/(^|[ (])(token-url|client-id)\b/g, '$1--$2')
      .replace(/(--client-id, --token-url and) scope\b/g, '$1 --scope')
      .replace(/\bthe runner's network\b/g, 'the network')
      .replace(/\bon the runner\b/g, 'on this machine')
      .replace(/\bin the job's env\b/g, 'in the environment');
  return new UserError(err.code, words(err.message), { details: err.details.map(words), cause: err });
}

/** The value of a JSON text, or undefined when it is not JSON (the caller says what was expected). */
export function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** What any input may hold: a credentials document is a few KB, a secret at most 48 KB. */
export const MAX_INPUT_BYTES = 1024 * 1024;

/**
 * At most `limit` + 1 bytes of a file, read as they come: a device that never ends (/dev/zero),
 * or a file of gigabytes, costs a megabyte and a few milliseconds.
 */
export function readBounded(path: string, limit = MAX_INPUT_BYTES): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(limit + 1);
    let n = 0;
    while (n < buf.length) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
    }
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** One line refusing input over the limit: `what` names where it came from (`--from -`). */
export function tooLarge(what: string): UserError {
  return invalid(what, 'is over 1 MB, more than any credentials document', 'give the file the login wrote');
}

/** The text of `--from FILE` (or another option's FILE) or standard input for `-`; at most 1 MB. */
export async function readFrom(from: string, deps: CliDeps, name = 'from'): Promise<string> {
  let bytes: Buffer;
  if (from === '-') {
    bytes = await deps.stdin(MAX_INPUT_BYTES);
  } else {
    try {
      bytes = readBounded(from);
    } catch (err) {
      const code = systemCode(err);
      const why = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder' : 'cannot be read';
      throw new UserError('OB_FILE', `--${name}: ${neutral(from, 120)} ${why}.`, { cause: err });
    }
  }
  if (bytes.length > MAX_INPUT_BYTES) throw tooLarge(`--${name} ${neutral(from, 80)}`);
  return bytes.toString('utf8');
}

/** `--force`: credentials to a terminal, or over an existing file (checkOut). */
export const FORCE_OPTION = { force: { type: 'boolean' } } as const;

/**
 * Refuses, before anything is done, an `--out` the credentials should not go to: standard output
 * when it is a terminal, a file that exists, a folder that does not. `--force` allows the first
 * two; a folder is never created (a typo would otherwise make one).
 */
export function checkOut(out: string, args: Args, deps: CliDeps): void {
  const force = !!args.values.force;
  if (out === '-') {
    if (deps.stdoutIsTerminal() && !force) {
      throw invalid(
        '--out -',
        'standard output is a terminal, which would show the credentials',
        'pipe it (| oauth-broker seed …), use --out FILE, or add --force',
      );
    }
    return;
  }
  const shown = neutral(out, 100);
  // A link counts as there, even one to nothing: the write would replace it.
  let there: Stats | undefined;
  try {
    there = lstatSync(out);
  } catch {
    // not there: its folder is checked below
  }
  if (there && statSync(out, { throwIfNoEntry: false })?.isDirectory()) {
    throw invalid('--out', `${shown} is a folder`, 'give a file name in it');
  }
  if (there && !force) {
    throw conflict('--out', `${shown} exists`, 'add --force to replace it, or choose another path');
  }
  const folder = dirname(resolve(out));
  if (!existsSync(folder)) {
    throw new UserError(
      'OB_FILE',
      `--out: the folder ${neutral(dirname(out), 100)} does not exist; ` +
        'create it first (mkdir -p), or choose another path.',
    );
  }
}

/** Credentials to `--out FILE` (mode 0600, atomically, a link there replaced) or stdout for `-`. */
export async function writeOut(out: string, text: string, deps: CliDeps): Promise<void> {
  const ended = text.endsWith('\n') ? text : `${text}\n`;
  if (out === '-') {
    deps.stdout(ended);
    return;
  }
  // Loaded only to write a file: it brings node:crypto, which the offline verbs do without.
  const { writePrivateFile } = await import('../core/credfile.js');
  try {
    writePrivateFile(out, ended, { createFolder: false });
  } catch (err) {
    throw new UserError('OB_FILE', `--out: ${neutral(out, 120)} cannot be written; choose another path or --out -.`, {
      cause: err,
    });
  }
  deps.stderr(`Wrote ${out} (mode 0600).`);
}
