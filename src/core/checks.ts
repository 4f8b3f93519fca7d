// One helper per kind of check on what a user gives (an input or option, a field of a stored
// document). Each throws the one error of its kind, with its code: the input named first, what is
// wrong with it, then the fix. Callers say which input and which fix; never how to word the line.
import { UserError, type UserErrorOptions } from './errors.js';
import { neutral } from './neutral.js';

/** A value as an error line quotes it: it may come from an expression (a branch name, a PR title). */
export const quote = (value: string, max = 80): string => `"${neutral(value, max)}"`;

/** One word of printable ASCII, no space: the shape of a token, and what a header can carry. */
export const isTokenWord = (v: string): boolean => /^[\x21-\x7e]+$/.test(v);

/** A JSON object (not an array, not null): what every document the broker reads is made of. */
export const isJsonObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const withFix = (line: string, fix?: string): string => (fix ? `${line}; ${fix}.` : `${line}.`);

/** `input` holds something the broker cannot use: `input: <problem>; <fix>.` */
export function invalid(input: string, problem: string, fix?: string, options?: UserErrorOptions): UserError {
  return new UserError('OB_INPUT_INVALID', withFix(`${input}: ${problem}`, fix), options);
}

/** `input` is empty and something needs it: `input: <problem>; <fix>.` */
export function missing(input: string, problem: string, fix?: string, options?: UserErrorOptions): UserError {
  return new UserError('OB_INPUT_MISSING', withFix(`${input}: ${problem}`, fix), options);
}

/** `input` is set together with another it does not go with: `input: <problem>; <fix>.` */
export function conflict(input: string, problem: string, fix?: string, options?: UserErrorOptions): UserError {
  return new UserError('OB_INPUT_CONFLICT', withFix(`${input}: ${problem}`, fix), options);
}

/** `value`, when it is one of `allowed`. */
export function checkOneOf<T extends string>(input: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw invalid(input, `${quote(value)} is not one of ${allowed.join(', ')}`);
}

/** `true` or `false` in any case; `fallback` when empty. */
export function checkBoolean(input: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  throw invalid(input, `${quote(value)} is not true or false`);
}

/** `value`, when `pattern` matches it: else `input: "value" is not <what>; <fix>.` */
export function checkMatches(input: string, value: string, pattern: RegExp, what: string, fix?: string): string {
  if (pattern.test(value)) return value;
  throw invalid(input, `${quote(value)} is not ${what}`, fix);
}

/** `value`, when it is not empty: else `input: <problem>; <fix>.` */
export function checkGiven(input: string, value: string | undefined, problem: string, fix?: string): string {
  if (value) return value;
  throw missing(input, problem, fix);
}
