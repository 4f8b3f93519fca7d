// What the broker left beside a secret that no value names any more: the claims of an earlier
// format (the OAUTH_BROKER_<id>_<n> secrets, before claims were variables) and claims made for this
// secret of copies that were abandoned (a login stored again by hand). Run after a write-back of a value that named
// no claims, so once per login, never on the path of an ordinary rotation (docs/design.md, "Leftovers").
import type { GitHubApi } from '../github/api.js';
import { listSecrets } from '../github/secret-read.js';
import { deleteSecret } from '../github/secret-write.js';
import { CLAIM_NAME, type SecretTarget } from '../github/target.js';
import { Variables } from '../github/variables.js';
import { PREFIX, isLeftoverClaim } from '../store/protocol.js';

/**
 * Removes those leftovers: the earlier format's at once (this version reads them only to stop a
 * copy they name, src/action/obtain.ts), claims of this one once older than a current copy can be (2.5
 * min: a job holding a copy written since may still need its claim to see it spent). Never another
 * secret or variable, never a claim `keep` names or a job still holds (src/store/protocol.ts
 * isLeftoverClaim, which `oauth-broker doctor` judges by too). A failure only leaves them for the next sweep.
 */
export async function sweep(api: GitHubApi, t: SecretTarget, keep: readonly string[], debug: (m: string) => void) {
  const now = api.githubNow() ?? api.now();
  try {
    for (const s of await listSecrets(api, t, PREFIX)) {
      if (CLAIM_NAME.test(s.name)) await deleteSecret(api, t, s.name);
    }
    const variables = new Variables(api, t);
    const mine = t.name.toUpperCase();
    for (const v of await variables.list(PREFIX)) {
      if (isLeftoverClaim(v, mine, keep, now)) await variables.remove(v.name);
    }
  } catch (err) {
    debug(`Left the broker's earlier entries beside ${t.name} for a later run: ${(err as Error).message}`);
  }
}
