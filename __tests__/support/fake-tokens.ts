// Fake credentials, minted at run time in the shapes real ones have, so that nothing in
// the repository looks like (or is) a real token, and no two runs share one. Every one is
// remembered, so the harness can check that none reaches a log (src: docs/design.md, "Guarantees").
import { randomBytes } from 'node:crypto';

const PREFIX = {
  'anthropic-access': 'sk-ant-oat01-',
  'anthropic-refresh': 'sk-ant-ort01-',
  'anthropic-api-key': 'sk-ant-api03-',
  'openai-api-key': 'sk-proj-',
  pat: 'github_pat_',
  'app-token': 'ghs_',
  'github-refresh': 'ghr_',
  /** No prefix: what a generic OAuth 2.0 provider issues. */
  opaque: '',
} as const;

// GitHub tokens are alphanumeric (plus `_` in fine-grained PATs); the others base64url.
const ALPHANUMERIC = new Set<keyof typeof PREFIX>(['pat', 'app-token', 'github-refresh']);

/** Whole secrets, each with its random part (what a piece of it could only come from). */
const known = new Map<string, string>();

/**
 * Remembers a secret the harness must never find in a log. `random` is the part no normal
 * text can contain by chance; fixed prefixes and JSON scaffolding are not pieces of a secret.
 */
export function rememberSecret(secret: string, random?: string): void {
  if (secret && !known.has(secret)) known.set(secret, random ?? '');
}

/** Every secret remembered in this process (this test file), with its random part ('' if none). */
export function knownSecrets(): ReadonlyMap<string, string> {
  return known;
}

/** 32 random bytes are 43 base64url characters, the length Anthropic's tokens carry. */
export function fakeToken(kind: keyof typeof PREFIX): string {
  const raw = randomBytes(32).toString('base64url');
  const body = ALPHANUMERIC.has(kind) ? raw.replace(/[^A-Za-z0-9]/g, '0') : raw;
  const token = PREFIX[kind] + body;
  rememberSecret(token, body);
  return token;
}

/** A JWT with these claims and a random signature; the signature is its random part. */
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const signature = randomBytes(64).toString('base64url');
  const jwt = `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.${signature}`;
  rememberSecret(jwt, signature);
  return jwt;
}
