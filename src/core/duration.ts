import { invalid, quote } from './checks.js';

const UNITS = [
  ['d', 86400],
  ['h', 3600],
  ['m', 60],
  ['s', 1],
] as const;
// Units largest first, each at most once: what formatDuration prints, so every printed
// duration can be pasted back into an input.
const COMPOUND = /^(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?$/;

/** The longest duration an input takes: no wait or validity the broker deals in comes near it. */
export const MAX_DURATION_MS = 365 * 86_400_000;

/** `90s`, `30m`, `2h`, `1d`, `1h30m` or plain seconds → milliseconds; at most a year (365d). */
export function parseDuration(input: string, value: string): number {
  const v = value.trim();
  let ms: number;
  if (/^\d+$/.test(v)) {
    ms = Number(v) * 1000;
  } else {
    const m = COMPOUND.exec(v);
    if (!m?.slice(1).some(Boolean)) {
      throw invalid(input, `${quote(v, 40)} is not a duration`, 'use e.g. 90s, 30m, 2h, 1h30m or plain seconds');
    }
    ms = UNITS.reduce((sum, [, size], i) => sum + Number(m[i + 1] ?? 0) * size * 1000, 0);
  }
  // Also what keeps a huge count of digits from becoming Infinity or a deadline past any date.
  if (!(ms <= MAX_DURATION_MS)) {
    throw invalid(input, `${quote(v, 40)} is longer than a year`, 'use at most 365d');
  }
  return ms;
}

/** 5400000 → "1h30m": for log lines, in the form parseDuration reads. */
export function formatDuration(ms: number): string {
  let s = Math.max(0, Math.round(ms / 1000));
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    if (s >= size) {
      parts.push(`${Math.floor(s / size)}${unit}`);
      s %= size;
    }
  }
  return parts.join('') || '0s';
}

/** When something expires, for a sentence: `expires in 2d23h59m, at <ISO>` (to the minute), or `expired at <ISO>`. */
export function describeExpiry(at: number, now: number): string {
  const iso = new Date(at).toISOString();
  return at > now
    ? `expires in ${formatDuration(Math.floor((at - now) / 60_000) * 60_000)}, at ${iso}`
    : `expired at ${iso}`;
}

/** Waits `ms` (the real wait the dependencies inject; tests give their own). */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
