// Every value the broker writes records when it was written (on GitHub's clock), the claims of
// the last copies and the public key it was sealed with. A job holding a copy whose marker is well
// before the target's updated_at holds an old copy, which GitHub's metadata alone tells, even once
// the claims that would stop it are gone (docs/design.md, "Old copies"). Values the broker never
// wrote (a first seed) carry none and are trusted.
// The marker also keeps when the refresh token itself expires, where a provider says so:
// every format carries the marker, so a later run sees it without any network call.
import { isJsonObject } from './checks.js';
import { MARKER_FIELD } from './marker-field.js';

export { MARKER_FIELD };
// A copy GitHub holds landed at most this long after its marker's time: each attempt at a write is
// stamped as it is sent (src/github/secret-write.ts), on a GitHub clock that lags by at most one
// answer, and lasts at most the HTTP timeout (1 min at most, src/core/env.ts); half a minute more for
// GitHub to act on a request it stopped answering. Short, because the claims of copies this young
// stay beside the secret, or are buried in the seed's claim (src/store/protocol.ts keptClaims).
export const OLD_COPY_AFTER_MS = 150_000;

type Json = Record<string, unknown>;

/** The marker's fields; none when the document has no marker of this shape. */
function markerOf(doc: Json): Json {
  const m = doc[MARKER_FIELD];
  return isJsonObject(m) ? m : {};
}

/** A claim a written value names: the one made on a copy, and that copy's time (GitHub's clock). */
export interface Kept {
  name: string;
  /** When the copy was written (its marker's time); for a seed, when the claim was made. None is later. */
  at: number;
  /**
   * Made on a value the broker never wrote (a login stored by hand): nothing but this claim tells a
   * copy of it old, so it stays for as long as the chain of rotations it began.
   */
  seed?: boolean;
  /** Its copy's holders read the seed's claim before presenting it: the claim may go while the copy is young. */
  checks?: boolean;
}

/** What a write adds to the marker besides its time. */
export interface Stamp {
  /** The claims of the newest copies, each with its copy's time (src/store/protocol.ts keptClaims). */
  claims?: Kept[];
  /** The public key the value is sealed with: the next write needs no request for it. */
  key?: { key_id: string; key: string };
  /** Written by the first write over a login stored by hand: its next writer sweeps leftovers once more. */
  sweep?: boolean;
  /**
   * Written in a burst of rotations: a job holding this copy reads the seed's claim before presenting it,
   * as this copy's claim may be buried there (src/store/protocol.ts keptClaims).
   */
  checkSeed?: boolean;
}

/** The value with its marker's time set to `now`; a value that is not a JSON object is left as it is. */
export function stamp(value: string, now: number, more: Stamp = {}): string {
  let doc: unknown;
  try {
    doc = JSON.parse(value);
  } catch {
    return value;
  }
  if (!isJsonObject(doc)) return value;
  const { sweep: _, [CHECK_SEED]: __, ...before } = markerOf(doc);
  const marker: Json = { ...before, written_at: new Date(now).toISOString() };
  if (more.sweep) marker.sweep = true;
  if (more.checkSeed) marker[CHECK_SEED] = true;
  if (more.claims) {
    marker.claims = more.claims.map((k) => ({
      name: k.name,
      at: new Date(k.at).toISOString(),
      ...(k.seed ? { seed: true } : {}),
      ...(k.checks ? { checks: true } : {}),
    }));
  }
  if (more.key) marker.key = `${more.key.key_id}:${more.key.key}`;
  return JSON.stringify({ ...doc, [MARKER_FIELD]: marker });
}

/** The claims the copy's marker names; none for a value the broker never wrote, or wrote before claims existed. */
export function claimsOf(doc: Json): Kept[] | undefined {
  const c = markerOf(doc).claims;
  if (!Array.isArray(c)) return undefined;
  const kept: Kept[] = [];
  for (const k of c as unknown[]) {
    const { name, at, seed, checks } = (isJsonObject(k) ? k : {}) as Record<string, unknown>;
    const ms = typeof at === 'string' ? Date.parse(at) : NaN;
    if (typeof name !== 'string' || !/^OAUTH_BROKER_\w{1,200}$/.test(name) || !Number.isFinite(ms)) return undefined;
    kept.push({ name, at: ms, ...(seed === true ? { seed: true } : {}), ...(checks === true ? { checks: true } : {}) });
  }
  return kept;
}

const CHECK_SEED = 'check_seed';

/** Whether a job holding this copy reads the seed's claim before presenting it (Stamp.checkSeed). */
export function checksSeed(doc: Json): boolean {
  return markerOf(doc)[CHECK_SEED] === true;
}

/** Whether this copy's writer asks the next writer to sweep leftovers again (src/action/sweep.ts). */
export function sweepAgain(doc: Json): boolean {
  return markerOf(doc).sweep === true;
}

/** The public key the broker last sealed this value with, if recorded. */
export function keyOf(doc: Json): { key_id: string; key: string } | undefined {
  const m = /^([^:]{1,100}):([A-Za-z0-9+/]{43}=)$/.exec(String(markerOf(doc).key ?? ''));
  return m ? { key_id: m[1] as string, key: m[2] as string } : undefined;
}

/** An ISO field of the marker, epoch ms; undefined when absent or unreadable. */
function instantOf(doc: Json, field: string): number | undefined {
  const at = markerOf(doc)[field];
  const ms = typeof at === 'string' ? Date.parse(at) : NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

/** When the broker wrote this document, epoch ms; undefined for one it never wrote. */
export function writtenAt(doc: Json): number | undefined {
  return instantOf(doc, 'written_at');
}

/** Whether the target was written again long after this copy was: its refresh token is then spent. */
export function isOldCopy(doc: Json, targetUpdatedAt: string): boolean {
  const at = writtenAt(doc);
  return at !== undefined && Date.parse(targetUpdatedAt) > at + OLD_COPY_AFTER_MS;
}

const REFRESH_EXPIRES_AT = 'refresh_expires_at';

/** When the stored refresh token itself expires, epoch ms, as the provider said; undefined when it did not. */
export function refreshExpiresAt(doc: Json): number | undefined {
  return instantOf(doc, REFRESH_EXPIRES_AT);
}

/** The document with the refresh token's expiry recorded in its marker, or removed from it (`at` undefined). */
export function withRefreshExpiry(doc: Json, at: number | undefined): Json {
  const { [REFRESH_EXPIRES_AT]: _, ...rest } = markerOf(doc);
  if (at !== undefined)
    return { ...doc, [MARKER_FIELD]: { ...rest, [REFRESH_EXPIRES_AT]: new Date(at).toISOString() } };
  if (!(MARKER_FIELD in doc) || !isJsonObject(doc[MARKER_FIELD])) return doc;
  return { ...doc, [MARKER_FIELD]: rest };
}
