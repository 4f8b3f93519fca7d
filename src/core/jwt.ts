// Reading a JWT's claims, never its signature: the broker only needs what a token says of itself
// (its expiry, the account a Codex login names), and trusts the token endpoint that issued it.
import { isJsonObject } from './checks.js';
import { isInstant } from './instant.js';

/** The JSON in the middle of three dot-separated parts, or undefined when there is none. */
export function jwtPayload(token: string | undefined): unknown {
  const parts = token?.split('.');
  if (parts?.length !== 3) return undefined;
  try {
    return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** The claims of a JWT (its payload a JSON object), or undefined. */
export function jwtClaims(token: string | undefined): Record<string, unknown> | undefined {
  const claims = jwtPayload(token);
  return isJsonObject(claims) ? claims : undefined;
}

/** The `exp` claim of a JWT in epoch ms, or undefined when the token is no JWT. */
export function jwtExpiry(token: string): number | undefined {
  const exp = jwtClaims(token)?.exp;
  const ms = typeof exp === 'number' ? exp * 1000 : undefined;
  // An absurd exp claim means the expiry is unknown, never an invalid date.
  return isInstant(ms) ? ms : undefined;
}
