// src/core: what the action, the CLI and the proxy share, with no I/O of its own beyond what it is
// given: the stored formats (formats/), the refresh grant (refresh.ts), providers, instants, durations,
// errors and how they are printed (this file), text from outside made safe (neutral.ts). Everything
// else builds on it. May import: nothing of the others.
//
// Errors the user can act on: a UserError's message is the `::error::` line, its details the lines after.
import { MARKER_FIELD } from './marker-field.js';
import { neutral } from './neutral.js';

/**
 * What kind of error it is, one code per kind: printed with the error's lines (the user looks it up
 * in docs/errors.md, which says what each means) and what tests and callers branch on, never the wording.
 */
export const ERROR_CODES = [
  'OB_INPUT_INVALID',
  'OB_INPUT_MISSING',
  'OB_INPUT_CONFLICT',
  'OB_CREDENTIALS',
  'OB_FILE',
  'OB_PROVIDER',
  'OB_LOGIN_LOST',
  'OB_REFRESH_UNCERTAIN',
  'OB_WRITE_BACK',
  'OB_GITHUB_ACCESS',
  'OB_GITHUB',
  'OB_CLAIM',
  'OB_LOGIN',
  'OB_PROXY',
  'OB_CANCELLED',
  'OB_CHECKS',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface UserErrorOptions {
  /** Why, alternatives, README pointers: printed as plain lines after the error line. */
  details?: string | readonly string[];
  /** The error this one explains, kept for whoever inspects it; never printed. */
  cause?: unknown;
}

/**
 * An error the user can act on. Its message is the `::error::` line: one line of at most
 * about 200 characters that names the input or service, what happened and the one fix.
 * Longer explanation goes in `details`, then the code. Printed as is, never with a stack.
 * Checks of a kind (a value of an input, a field of a document) throw through src/core/checks.ts.
 */
export class UserError extends Error {
  override name = 'UserError';
  readonly details: readonly string[];

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: UserErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    const { details } = options;
    this.details = details === undefined ? [] : typeof details === 'string' ? [details] : [...details];
  }
}

/** How long the error line may be: what happened and the one fix, no more. */
export const MAX_ERROR_LINE = 200;

/** The first candidate that fits the error line, else the last (the shortest, by convention). */
export function fitLine(...candidates: string[]): string {
  return candidates.find((c) => c.length <= MAX_ERROR_LINE) ?? candidates[candidates.length - 1];
}

/**
 * An error caused by another, whose line (`why`) already says what happened and the fix: `why`
 * then the consequence, when that fits the error line. Else, with a `short` line, that line with
 * `why` as the first detail; without, `why` alone with the consequence as the first detail. The
 * cause's details follow, then `more`.
 */
export function explained(
  code: ErrorCode,
  cause: unknown,
  why: string,
  consequence: string,
  short?: string,
  more: readonly string[] = [],
): UserError {
  const full = `${why} ${consequence}`;
  let line = full;
  let first: string[] = [];
  if (full.length > MAX_ERROR_LINE) [line, first] = short ? [short, [`Why: ${why}`]] : [why, [consequence]];
  return new UserError(code, line, { cause, details: [...first, ...detailsOf(cause), ...more] });
}

/** The code of a failed write's cause: a UserError's own, else GitHub's (the write went there). */
export const errorCodeOf = (err: unknown): ErrorCode => (err instanceof UserError ? err.code : 'OB_GITHUB');

/** A system error's code (ENOENT, EACCES, …) for an error line; `error` when there is none. */
export const systemCode = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? 'error';

/** The details of an error: a UserError's own, nothing for any other. */
export function detailsOf(err: unknown): readonly string[] {
  return err instanceof UserError ? err.details : [];
}

/** The remedy when the login is lost: a new one, stored in the secret. */
export const RELOGIN = 'log in again and store the new credentials in the secret (README: First login)';

/** Where rotated credentials the secret could not take are kept, in a few words for the error line. */
export const KEPT_IN_STORE = 'kept sealed beside the secret for the next run';

/** Who finishes the write-back of kept credentials, for the lines after the error. */
export const KEPT_IN_STORE_DETAILS =
  'The next run holding the same credentials recovers them (from the claim variable beside the secret, or the ' +
  "Actions cache of this job's ref) and finishes the write-back, no new login needed.";

/** What a github-token needs to write the secret, when the kind of secret is not known. */
export const PAT_FIX = 'a fine-grained PAT with "Secrets: Read and write"';

/** Why the job's own token never works, and what does instead. */
export const GITHUB_TOKEN_CANNOT =
  "The job's own GITHUB_TOKEN (github.token) can never read or write secrets. Pass a fine-grained PAT with " +
  'the permission named above, or a GitHub App installation token with that permission (README: Quick start).';

/** The remedy for a job holding an old copy of the secret: a re-run reads the current value. */
export const RERUN_OLD_COPY = 're-run the job to read the current value';

/** After a refresh that may have reached the provider: in the error line, and how to log in, after it. */
export const RUN_AGAIN = 'run again; if that fails with invalid_grant, log in again';
export const RUN_AGAIN_DETAILS = `If a run then fails with invalid_grant, the login is lost: ${RELOGIN}.`;

/** The refresh may have reached the provider: the stored refresh token may be spent. */
export class UncertainRefreshError extends UserError {
  override name = 'UncertainRefreshError';
  constructor(message: string, options?: UserErrorOptions) {
    super('OB_REFRESH_UNCERTAIN', message, options);
  }
}

/** The provider refused the refresh token (spent, revoked or unknown). */
export class InvalidGrantError extends UserError {
  override name = 'InvalidGrantError';
  constructor(message: string, options?: UserErrorOptions) {
    super('OB_LOGIN_LOST', message, options);
  }
}

// Shapes of provider tokens and JWTs: a last line of defence for text we did not write.
const TOKEN_SHAPES = [
  /sk-ant-[a-z]{2,4}\d{2}-[A-Za-z0-9_-]{8,}/g,
  // Only at the start of a run (inside one, each `eyJ` would scan to its end again: quadratic), or
  // after an escape that ends in a letter or digit (`%20`, a JSON-escaped `\n`).
  /(?:(?<![A-Za-z0-9_-])|(?<=%[0-9A-Fa-f]{2}|\\[nrt]))eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
  /gh[opsu]_[A-Za-z0-9]{20,}/g,
  /github_pat_[A-Za-z0-9_]{20,}/g,
];

// A run of this many characters taken from a secret is redacted wherever it appears.
const PIECE = 8;

/** Where pieces of a secret can hide: the value itself, or the tokens inside a document. */
function piecesOf(secret: string): string[] {
  // JSON and multi-word values share words such as `refresh_token` with the action's own
  // messages; the tokens in them are masked on their own too.
  if (!/[\s"{}[\]]/.test(secret)) return [secret];
  return withoutMarker(secret).match(/[A-Za-z0-9_.~+/=-]{20,}/g) ?? [];
}

const unmarked = new Map<string, string>();

/**
 * A document the broker wrote, without its marker: the claim names, dates and key id in it are no
 * secret, and error lines name those claims (a variable to delete, say), which must stay readable.
 */
function withoutMarker(text: string): string {
  if (!text.includes(`"${MARKER_FIELD}"`)) return text;
  let plain = unmarked.get(text);
  if (plain === undefined) {
    plain = text;
    try {
      const { [MARKER_FIELD]: _, ...rest } = JSON.parse(text) as Record<string, unknown>;
      plain = JSON.stringify(rest);
    } catch {
      // Not JSON after all: every piece of it stays a piece.
    }
    unmarked.set(text, plain);
  }
  return plain;
}

/**
 * Removes every known secret, every run of 8 or more characters of one (an error body
 * may echo part of a token), and anything shaped like a token from text bound for the log.
 */
export function redact(text: string, secrets: Iterable<string>): string {
  const known = [...secrets].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  let out = text;
  for (const s of known) out = out.split(s).join('***');
  // Any such run is made of windows of PIECE characters of the secret: mark each one found.
  const windows = new Set<string>();
  for (const piece of known.flatMap(piecesOf)) {
    for (let i = 0; i + PIECE <= piece.length; i++) windows.add(piece.slice(i, i + PIECE));
  }
  const hit = new Uint8Array(out.length);
  for (let i = 0; i + PIECE <= out.length; i++) if (windows.has(out.slice(i, i + PIECE))) hit.fill(1, i, i + PIECE);
  let kept = '';
  for (let i = 0; i < out.length; i++) {
    if (!hit[i]) kept += out[i];
    else if (i === 0 || !hit[i - 1]) kept += '***';
  }
  out = kept;
  for (const shape of TOKEN_SHAPES) out = out.replace(shape, '***');
  return out;
}

// An error line names at most this much of an unexpected error's own message.
const UNEXPECTED_CHARS = 100;

/** One line for the log: a UserError as written, anything else named but redacted. */
export function describeError(err: unknown, secrets: Iterable<string>): string {
  const line = (s: string): string =>
    redact(s, secrets)
      .replace(/\s*\n\s*/g, ' ')
      .trim();
  if (err instanceof UserError) return line(err.message);
  if (err instanceof Error) {
    const what = neutral(line(err.message), UNEXPECTED_CHARS);
    return `unexpected ${neutral(err.name, 40)}: ${what}. This is a bug in oauth-broker; please report it.`;
  }
  return 'unexpected failure. This is a bug in oauth-broker; please report it.';
}

/** What reportFailure needs of the runner. */
export interface FailureSink {
  setFailed(message: string): void;
  /** Fails with the code on the error line itself (the CLI's `error[CODE]:`), else it ends the details. */
  setFailedWithCode?(message: string, code: ErrorCode): void;
  info(message: string): void;
  debug(message: string): void;
  isDebug(): boolean;
}

/** A line of text for the log, redacted and made one plain line. */
function logLine(text: string, secrets: readonly string[]): string {
  return neutral(redact(text, secrets), 1000);
}

/**
 * Where an unexpected error and its causes were thrown: their names and stack frames, redacted,
 * only ever printed as debug lines. Never their messages: a cause's may quote what it parsed
 * (JSON.parse quotes its input), and the error line already names the error's own.
 */
function stackLines(err: Error, secrets: readonly string[]): string[] {
  const lines: string[] = [];
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e instanceof Error; depth++) {
    lines.push(`${depth ? 'caused by ' : ''}${e.name}, at:`);
    const frames = (typeof e.stack === 'string' ? e.stack : '').split(/\r?\n/).filter((l) => /^\s*at /.test(l));
    for (const l of frames) lines.push(`  ${l.trim()}`);
    e = e.cause;
  }
  return lines.map((l) => logLine(l, secrets));
}

/** The last line of a failure: its code, and where the codes are explained. */
const codeLine = (code: ErrorCode): string => `Error code ${code} (docs/errors.md).`;

/** What reportFailure printed: the error line and the detail lines after it, redacted. */
export interface Reported {
  line: string;
  details: string[];
}

/**
 * Fails the step: the error line (`::error::`), then its details as plain lines, every one
 * redacted. An unexpected error (a bug, not a UserError) adds its redacted stack frames, and
 * its causes', as debug lines when the runner's debug logging is on (RUNNER_DEBUG=1). A
 * UserError never shows a stack, nor its cause's. Returns the lines printed, for an alert.
 */
export function reportFailure(core: FailureSink, err: unknown, secrets: Iterable<string>): Reported {
  const known = [...secrets];
  const reported: Reported = { line: describeError(err, known), details: [] };
  const code = err instanceof UserError ? err.code : undefined;
  if (code && core.setFailedWithCode) core.setFailedWithCode(reported.line, code);
  else core.setFailed(reported.line);
  for (const detail of detailsOf(err)) {
    for (const l of detail.split(/\r?\n/)) if (l.trim()) reported.details.push(logLine(l, known));
  }
  if (code && !core.setFailedWithCode) reported.details.push(codeLine(code));
  for (const l of reported.details) core.info(l);
  if (err instanceof UserError) return reported;
  if (!core.isDebug()) {
    core.info('The message above holds no secret. Re-run with debug logging on (RUNNER_DEBUG=1) to see its stack.');
  } else if (err instanceof Error) {
    for (const l of stackLines(err, known)) core.debug(l);
  }
  return reported;
}

/** A warning line, then the explanation as plain lines: for warnings too long for one line. */
export function warnWith(
  sink: { warning(message: string): void; info(message: string): void },
  message: string,
  details: string | readonly string[],
): void {
  sink.warning(message);
  for (const l of typeof details === 'string' ? [details] : details) if (l) sink.info(l);
}
