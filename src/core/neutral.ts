// Text the action did not write (API fields, provider errors, paths from inputs) made safe
// for a log line. The runner obeys `::command::` at the start of a line (after blanks) and
// the legacy `##[command]` anywhere in one; `::stop-commands::` would stop it obeying any,
// masks included.

// Line breaks (the runner splits on \r too), other C0/C1 controls, and the invisible
// Unicode that can reorder or hide what a reader sees.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

/** Breaks every workflow-command opener: `::` becomes `:%3A`, `##[` becomes `#%23[`. */
export function defuse(text: string): string {
  return text.replace(/::/g, ':%3A').replace(/##\[/g, '#%23[');
}

/** One line, no control character, no workflow command, at most `max` characters. */
export function neutral(text: string, max = 200): string {
  // A JSON field typed as a string may hold anything at run time.
  const line = defuse(String(text).replace(CONTROL, ' '));
  if (line.length <= max) return line;
  // Never half of a character outside the basic plane (an emoji): a lone surrogate is no text.
  const cut = /[\uD800-\uDBFF]/.test(line[max - 2] ?? '') ? max - 2 : max - 1;
  return `${line.slice(0, cut)}…`;
}

/** The one guarantee no caller can forget: a plain log line never carries a workflow command. */
export function logSafe<C extends { info(message: string): void }>(core: C): C {
  // Command data needs none: @actions/core escapes it onto the command's own line.
  return { ...core, info: (message: string) => core.info(defuse(message)) };
}
