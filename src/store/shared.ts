// The shared store (docs/design.md, "Results and rescues"): rotated credentials that neither
// the secret nor the claim could take, kept sealed in the Actions cache for the next run on the
// same ref. Entries are immutable; keys never reveal a token. The claims beside the secret
// (src/store/claims.ts) decide who refreshes and carry the results; this store is the last resort.
import type { Credentials } from '../core/formats/index.js';
import type { StoreBackend } from './cache-backend.js';
import { entryId, openEntry, sealEntry } from './seal.js';

/** What replaced a refresh token. */
export interface Successor {
  kind: 'next';
  accessToken: string;
  expiresAt?: number;
  scopes?: string[];
  idToken?: string;
  /** When it was published, ISO 8601. */
  at: string;
  /** Rescue only: the whole rotated credentials, in the secret's format, because the write-back failed. */
  credentials?: string;
  /** Rescue only: the secret's updated_at before the failed write; a recovery writes only while it is unchanged. */
  secretUpdatedAt?: string;
}

/** The successor that `next` makes, obtained `now`. */
export function successorOf(next: Credentials, now: number): Successor {
  return {
    kind: 'next',
    // Empty when the provider rotated without a usable access token: nothing is shared then.
    accessToken: next.accessToken ?? '',
    expiresAt: next.expiresAt,
    scopes: next.scopes,
    idToken: next.idToken,
    at: new Date(now).toISOString(),
  };
}

function keyOf(copy: string): string {
  return `oauth-broker-v1-next-${entryId(copy)}`;
}

function isSuccessor(v: unknown): v is Successor {
  const s = v as Successor | null;
  return !!s && typeof s === 'object' && s.kind === 'next' && typeof s.accessToken === 'string';
}

export class SharedStore {
  constructor(private readonly backend: StoreBackend) {}

  /** The rescue of this refresh token, if a job could store it nowhere else. */
  async successor(copy: string): Promise<Successor | undefined> {
    const key = keyOf(copy);
    const hit = await this.backend.read([key]);
    if (!hit) return undefined;
    const payload = await openEntry(copy, hit.key, hit.data);
    return isSuccessor(payload) ? payload : undefined;
  }

  /** Keeps a rescue; true when stored. Entries are immutable: the first job to store one wins. */
  async done(copy: string, entry: Successor): Promise<boolean> {
    const key = keyOf(copy);
    return (await this.backend.create(key, await sealEntry(copy, key, entry))) === 'saved';
  }
}
