// Text from outside, inert in GitHub Markdown: it goes in code, where nothing is a mention,
// a link or HTML, behind backticks that no run of the text can match, so it cannot close them.

function longestRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}

/** A fenced code block that shows `text` as it is, whatever it holds. */
export function codeBlock(text: string, info: string): string {
  const fence = '`'.repeat(Math.max(3, longestRun(text) + 1));
  return `${fence}${info}\n${text}\n${fence}`;
}

/** An inline code span that shows one line of `text` as it is. */
export function code(text: string): string {
  const ticks = '`'.repeat(longestRun(text) + 1);
  // A span may not start or end with its own delimiter's character: a space in between, which Markdown drops.
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}
