// Bounded JSON: a stored value or credentials file is refused before it is parsed when it nests
// deeper than any credentials document does. JSON.parse itself copes, but what follows does not:
// JSON.stringify (the write-back, the credentials file, the pending file) recurses and overflows
// the stack on a value a few thousand levels deep, and the user would see a RangeError.
import { UserError } from './errors.js';

/** How deeply a stored value may nest arrays and objects; a login's own documents nest 3 levels. */
export const MAX_JSON_DEPTH = 64;

/**
 * How deeply `text` nests JSON arrays and objects, read in one pass without recursion:
 * brackets inside strings do not count. Meant for text about to be parsed; for text that is
 * not JSON the count is that of its brackets outside quotes, and JSON.parse says the rest.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      // A backslash escapes the next character, a quote included.
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) max = depth;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return max;
}

/**
 * Refuses text nesting deeper than MAX_JSON_DEPTH: one line naming `input` (as the error lines
 * of the caller name it), what happened, then `fix`.
 */
export function checkJsonDepth(text: string, input: string, fix: string): void {
  const depth = jsonDepth(text);
  if (depth <= MAX_JSON_DEPTH) return;
  throw new UserError(
    'OB_CREDENTIALS',
    `${input}: the value nests JSON ${depth} levels deep, and the limit is ${MAX_JSON_DEPTH}; ${fix}`,
  );
}
