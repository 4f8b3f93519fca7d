import { UserError } from './errors.js';

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `90s`, `30m`, `2h`, `1d` or plain seconds → milliseconds. */
export function parseDuration(input: string, value: string): number {
  const m = /^(\d+)\s*([smhd]?)$/.exec(value.trim());
  if (!m) throw new UserError(`${input}: "${value}" is not a duration; use e.g. 90s, 30m, 2h or plain seconds.`);
  return Number(m[1]) * UNITS[m[2] || 's'] * 1000;
}

/** 5400000 → "1h30m": for log lines. */
export function formatDuration(ms: number): string {
  let s = Math.max(0, Math.round(ms / 1000));
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60]] as const) {
    if (s >= size) {
      parts.push(`${Math.floor(s / size)}${unit}`);
      s %= size;
    }
  }
  if (s || parts.length === 0) parts.push(`${s}s`);
  return parts.join('');
}
