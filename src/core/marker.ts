// Every value the broker writes records when it was written. A job holding a copy whose
// marker is well before the target's updated_at holds an old copy, which GitHub's metadata
// alone tells, even once the claims that would stop it have been pruned (docs/design.md,
// "Old copies"). Values the broker never wrote (a first seed) carry none and are trusted.

export const MARKER_FIELD = 'oauth_broker';
// Far longer than any write-back takes with all its retries, far shorter than claims are kept.
export const OLD_COPY_AFTER_MS = 3_600_000;

/** The value with its marker set to `now`; a value that is not a JSON object is left as it is. */
export function stamp(value: string, now: number): string {
  let doc: unknown;
  try {
    doc = JSON.parse(value);
  } catch {
    return value;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return value;
  return JSON.stringify({ ...doc, [MARKER_FIELD]: { written_at: new Date(now).toISOString() } });
}

/** When the broker wrote this document, epoch ms; undefined for one it never wrote. */
export function writtenAt(doc: Record<string, unknown>): number | undefined {
  const m = doc[MARKER_FIELD];
  const at = m && typeof m === 'object' ? (m as { written_at?: unknown }).written_at : undefined;
  const ms = typeof at === 'string' ? Date.parse(at) : NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

/** Whether the target was written again long after this copy was: its refresh token is then spent. */
export function isOldCopy(doc: Record<string, unknown>, targetUpdatedAt: string): boolean {
  const at = writtenAt(doc);
  return at !== undefined && Date.parse(targetUpdatedAt) > at + OLD_COPY_AFTER_MS;
}
