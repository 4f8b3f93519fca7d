// Fake credentials, minted at run time in the shapes real ones have, so that nothing in
// the repository looks like (or is) a real token, and no two runs share one.
import { randomBytes } from 'node:crypto';

const PREFIX = {
  'anthropic-access': 'sk-ant-oat01-',
  'anthropic-refresh': 'sk-ant-ort01-',
  pat: 'github_pat_',
  'app-token': 'ghs_',
} as const;

/** 32 random bytes are 43 base64url characters, the length Anthropic's tokens carry. */
export function fakeToken(kind: keyof typeof PREFIX): string {
  const body = randomBytes(32).toString('base64url');
  // GitHub tokens are alphanumeric (plus `_` in fine-grained PATs).
  return PREFIX[kind] + (kind === 'anthropic-access' || kind === 'anthropic-refresh' ? body : body.replace(/[^A-Za-z0-9]/g, '0'));
}
