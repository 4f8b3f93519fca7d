// The shape every verb has, and what they share: argument parsing, where input comes from and
// where the result goes.
import { readFileSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UserError } from '../core/errors.js';
import { neutral } from '../core/neutral.js';
import type { CliDeps } from './deps.js';

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
    throw new UsageError(usageMessage(err));
  }
  const { min = 0, max = 0, name = 'argument' } = verb.positionals ?? {};
  if (parsed.positionals.length < min) throw new UsageError(`${name} is missing.`);
  if (parsed.positionals.length > max) {
    throw new UsageError(`unexpected argument ${quote(parsed.positionals[max])}.`);
  }
  return { values: parsed.values as Args['values'], positionals: parsed.positionals };
}

function usageMessage(err: unknown): string {
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : '';
  const option = /'(-[^' ]*)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${quote(option)}.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `${quote(option)} needs a value.`;
  return neutral(message, 120);
}

const quote = (s: string | undefined): string => `"${neutral(s ?? '', 60)}"`;

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
  const message = err.message
    .replace(/^credentials: /, `${source}: `)
    .replace(/\bset provider:? /g, 'set --provider ')
    .replace(/(^|[ (])(token-url|client-id)\b/g, '$1--$2');
  return new UserError(message, { details: err.details, cause: err });
}

/** The value of a JSON text, or undefined when it is not JSON (the caller says what was expected). */
export function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The text of `--from FILE` (or another option's FILE) or standard input for `-`. */
export async function readFrom(from: string, deps: CliDeps, name = 'from'): Promise<string> {
  if (from === '-') return deps.stdin();
  try {
    return readFileSync(from, 'utf8');
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw new UserError(`--${name}: ${neutral(from, 120)} ${why}.`, { cause: err });
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
    writePrivateFile(out, ended);
  } catch (err) {
    throw new UserError(`--out: ${neutral(out, 120)} cannot be written; choose another path or --out -.`, {
      cause: err,
    });
  }
  deps.stderr(`Wrote ${out} (mode 0600).`);
}
