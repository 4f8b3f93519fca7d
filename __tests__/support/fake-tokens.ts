// Fake credentials, minted at run time in the shapes real ones have, so that nothing in
// the repository looks like (or is) a real token, and no two runs share one.
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

/** 32 random bytes are 43 base64url characters, the length Anthropic's tokens carry. */
export function fakeToken(kind: keyof typeof PREFIX): string {
  const body = randomBytes(32).toString('base64url');
  return PREFIX[kind] + (ALPHANUMERIC.has(kind) ? body.replace(/[^A-Za-z0-9]/g, '0') : body);
}

/** A JWT with these claims and a random signature. */
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.${randomBytes(64).toString('base64url')}`;
}
