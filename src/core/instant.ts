// Instants as the stored formats and the providers write them: epoch ms within what ISO 8601 can print.

// The last instant ISO 8601 can write with four year digits: later ones would not read back.
const LAST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** How a document states an instant, so a write-back keeps its style. */
export type InstantStyle = 'iso' | 'seconds' | 'millis';

/** Whether `ms` is an instant every writer here can print and read back. */
export function isInstant(ms: number | undefined): ms is number {
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 && ms <= LAST_INSTANT;
}

/** Epoch seconds and epoch milliseconds are told apart by magnitude (1e11 s is year 5138). */
export function epochMs(n: number): { ms: number; style: InstantStyle } {
  return n < 1e11 ? { ms: n * 1000, style: 'seconds' } : { ms: n, style: 'millis' };
}

/** `ms` written in `style`. */
export function writeInstant(ms: number, style: InstantStyle): string | number {
  if (style === 'iso') return new Date(ms).toISOString();
  return style === 'seconds' ? Math.floor(ms / 1000) : ms;
}
