// PKCE (RFC 7636, S256) and the `state` that ties an answer to this login.
import { createHash, randomBytes } from 'node:crypto';

export interface Pkce {
  /** 43 base64url characters from 32 random bytes: the shortest verifier RFC 7636 allows, and the CLIs' own. */
  verifier: string;
  challenge: string;
}

/** base64url(sha256(verifier)), as the authorization server recomputes it. */
export const challengeOf = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

export function pkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: challengeOf(verifier) };
}

/** A value no one can guess, checked when the code comes back, so a code from another login is refused. */
export const randomState = (): string => randomBytes(32).toString('base64url');
