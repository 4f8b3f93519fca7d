// "did you mean": the names closest to a mistyped one, by edit distance.

/**
 * The edit distance of two words: insertions, deletions, substitutions, and swaps of two
 * neighbouring letters ("stauts" is one edit from "status"), each costing one.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0][j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
    }
  }
  return rows[a.length][b.length];
}

/**
 * The candidates closest to `word`, when close enough to be a slip: one edit for a word of up to
 * four letters, two up to eight, three beyond; case is ignored. At most two, in the given order.
 */
export function closest(word: string, candidates: readonly string[]): string[] {
  const w = word.toLowerCase();
  const allowed = w.length <= 4 ? 1 : w.length <= 8 ? 2 : 3;
  let best = allowed + 1;
  let found: string[] = [];
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < best) [best, found] = [d, [c]];
    else if (d === best) found.push(c);
  }
  return found.slice(0, 2);
}

/** `; did you mean "status"?`, `; did you mean --json?`, or '' when nothing is close. */
export function didYouMean(word: string, candidates: readonly string[], show = (c: string) => `"${c}"`): string {
  const near = closest(word, candidates);
  return near.length ? `; did you mean ${near.map(show).join(' or ')}?` : '';
}
