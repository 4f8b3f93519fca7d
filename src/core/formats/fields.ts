// Reading the fields of a stored document: each failure is one `credentials:` error naming the
// field, never quoting its value.
import { UserError } from '../errors.js';
import { epochMs, isInstant, type InstantStyle } from '../instant.js';
import type { Json } from './types.js';

const INPUT = 'credentials';

export function fail(what: string, details?: string | string[], cause?: unknown): never {
  throw new UserError('OB_CREDENTIALS', `${INPUT}: ${what}`, { details, cause });
}

/** A string field, undefined when absent or empty. */
export function str(doc: Json, field: string, where: string): string | undefined {
  const v = doc[field];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') fail(`${where} field "${field}" must be a string.`);
  return v;
}

export function required(doc: Json, field: string, where: string): string {
  const v = str(doc, field, where);
  if (v === undefined) {
    fail(
      `${where} has no "${field}"; store the whole credentials document the login produced ` +
        '(README: Credentials formats).',
    );
  }
  return v;
}

/** Scopes as an array or a space-separated string. */
export function scopesOf(v: unknown): string[] | undefined {
  if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return v as string[];
  if (typeof v === 'string' && v.trim()) return v.trim().split(/\s+/);
  return undefined;
}

export function checkedInstant(at: { ms: number; style: InstantStyle }, field: string) {
  if (isInstant(at.ms)) return at;
  return fail(
    `"${field}" is after the year 9999; store the credentials the login wrote, ` +
      `or remove "${field}" so the next run refreshes.`,
  );
}

/** An instant field: ISO 8601, epoch seconds or epoch milliseconds, and which of them. */
export function parseInstant(v: unknown, field: string): { ms: number; style: InstantStyle } {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) return checkedInstant(epochMs(v), field);
  if (typeof v === 'string' && /^\d+$/.test(v)) return checkedInstant(epochMs(Number(v)), field);
  if (typeof v === 'string') {
    const ms = Date.parse(v);
    if (/^\d{4}-\d{2}-\d{2}T/.test(v) && isInstant(ms)) return { ms, style: 'iso' };
  }
  return fail(`"${field}" must be ISO 8601 (2026-01-31T12:00:00Z), epoch seconds or epoch milliseconds.`);
}
