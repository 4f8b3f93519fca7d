/**
 * The no-leak rule every harness run is held to (docs/design.md, "Guarantees"): no secret, and
 * no 8-character piece of a secret's random part, appears in stdout, stderr or the summary
 * outside `::add-mask::` lines. The secrets are every fake token minted in this process,
 * every PAT the GitHub stand-in was given (both through fake-tokens.ts), and the secret inputs
 * of the run. Random base64url pieces match normal text by chance with negligible probability;
 * fixed parts (prefixes such as `sk-ant-ort01-`, JSON around tokens) are not pieces.
 */
import { knownSecrets } from './fake-tokens.js';

const MASK = '::add-mask::';
const PIECE = 8;
/** Inputs whose values are secrets. */
export const SECRET_INPUTS = ['credentials', 'github-token', 'client-secret', 'alert-token'] as const;

export interface Logged {
  stdout: string;
  stderr: string;
  summary: string;
}

// Every 8-character window of every random part, kept up to date as tokens are minted.
const windows = new Set<string>();
let indexed = 0;

function pieceWindows(): Set<string> {
  const all = [...knownSecrets().values()];
  for (; indexed < all.length; indexed++) {
    const random = all[indexed] ?? '';
    for (let i = 0; i + PIECE <= random.length; i++) windows.add(random.slice(i, i + PIECE));
  }
  return windows;
}

/** The values of a run's secret inputs. */
export function inputSecrets(inputs: Record<string, string> | undefined): string[] {
  return SECRET_INPUTS.map((name) => inputs?.[name] ?? '').filter((v) => v !== '');
}

/**
 * Where a secret or a piece of one occurs outside ::add-mask:: lines. The text is searched
 * whole, so a multi-line secret is found too; the report blanks the secret out so a failing
 * test does not print it again.
 */
export function leaks(result: Logged, extra: string[] = []): string[] {
  const found: string[] = [];
  // Minted tokens are found by their pieces below; whole matches are for the rest. Indices
  // follow `extra`, so a test can tell which of its secrets leaked.
  const whole = [...extra, ...[...knownSecrets()].filter(([, random]) => !random).map(([s]) => s)];
  const pieces = pieceWindows();
  const streams: Array<[string, string]> = [
    ['stdout', result.stdout],
    ['stderr', result.stderr],
    ['summary', result.summary],
  ];
  for (const [where, text] of streams) {
    const kept = text
      .split('\n')
      .filter((line) => !line.startsWith(MASK))
      .join('\n');
    // The lines holding kept[at, at + length): a multi-line secret spans several.
    const lineAt = (at: number, length = 1): string => {
      const start = kept.lastIndexOf('\n', at) + 1;
      const end = kept.indexOf('\n', at + length);
      return kept.slice(start, end < 0 ? undefined : end);
    };
    const lineNo = (at: number): number => kept.slice(0, at).split('\n').length;
    whole.forEach((secret, index) => {
      if (secret === '') return;
      for (let at = kept.indexOf(secret); at >= 0; at = kept.indexOf(secret, at + secret.length)) {
        const context = lineAt(at, secret.length).split(secret).join(`<secret #${index}>`);
        found.push(`secret #${index} in ${where} (unmasked line ${lineNo(at)}): ${context}`);
      }
    });
    for (let at = 0; at + PIECE <= kept.length; at++) {
      const piece = kept.slice(at, at + PIECE);
      if (!pieces.has(piece)) continue;
      found.push(
        `a piece of a secret in ${where} (unmasked line ${lineNo(at)}): ${lineAt(at).split(piece).join('<piece>')}`,
      );
      // One report per line is enough.
      const next = kept.indexOf('\n', at);
      if (next < 0) break;
      at = next;
    }
  }
  return found;
}

/** No secret appears in stdout, stderr or the summary, except on ::add-mask:: lines. */
export function assertNoLeak(result: Logged, secrets: string[] = []): void {
  const found = leaks(result, secrets);
  // Outside jest too (scripts/demo.ts, scripts/bench.ts drive the same harness).
  if (typeof expect === 'function') expect(found).toEqual([]);
  else if (found.length > 0) throw new Error(`secrets leaked:\n${found.join('\n')}`);
}
