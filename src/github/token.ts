// The job's own GITHUB_TOKEN can never write a secret: refused before any call when it can be told.
import type { Env } from '../core/env.js';
import { GITHUB_TOKEN_CANNOT, PAT_FIX, UserError } from '../core/errors.js';
import type { Wording } from './target.js';

/**
 * Refuses a token equal to the environment's GITHUB_TOKEN: a workflow sets that variable to
 * the job's own token (github.token), which GitHub would refuse with a 403 at the first call.
 */
export function refuseJobToken(env: Env, token: string, w: Wording): void {
  if (env.GITHUB_TOKEN && env.GITHUB_TOKEN === token) {
    throw new UserError(
      'OB_GITHUB_ACCESS',
      `${w.token}: this is the job's own GITHUB_TOKEN, which cannot write secrets; pass ${PAT_FIX} on the secret.`,
      { details: GITHUB_TOKEN_CANNOT },
    );
  }
}
