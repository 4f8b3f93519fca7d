// The public key a place's secrets are sealed with (src/github/seal.ts seals with it).
import type { GitHubApi } from './api.js';
import { type PublicKey, publicKeyOf } from './answers.js';
import { where } from './explain.js';
import { secretEndpoints, sendExplained } from './secret-endpoints.js';
import type { SecretPlace } from './target.js';

/** The public key the secrets of that place are sealed with. */
export async function readPublicKey(api: GitHubApi, p: SecretPlace): Promise<PublicKey> {
  const doing = `read the public key of ${where(p)}`;
  const answer = await sendExplained(api, p, doing, () => secretEndpoints(api, p).publicKey());
  return publicKeyOf(answer.data, doing, api.wording.apiUrl);
}
