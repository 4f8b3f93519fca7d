// What the agent's CLI holds instead of the tokens (docs/proxy.md): per job, random, worth nothing
// outside this job's proxy. Codex reads its account from JWT claims and does not check signatures
// (shared/NOTES.md), so its placeholders are JWTs that keep the claims and carry a random signature.
import { randomBytes } from 'node:crypto';

const random = (): string => randomBytes(32).toString('base64url');

/** Claude Code's: the shape of its access tokens. */
export const anthropicPlaceholder = (): string => `sk-ant-oat01-proxy-${random()}`;

/** Codex's refresh token placeholder: opaque, as the real one is. */
export const refreshPlaceholder = (): string => `oauth-broker-proxy-${random()}`;

/** An unsigned-in-effect JWT with these claims, expiring at `expMs` (so the CLI never refreshes it by itself). */
export function placeholderJwt(claims: Record<string, unknown>, expMs: number): string {
  const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...claims, exp: Math.floor(expMs / 1000) })}.${random()}`;
}
