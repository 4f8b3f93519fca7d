// `oauth-broker seed`: stores credentials in a secret, sealed with its public key, exactly as the
// login wrote them (a first value carries no marker: src/core/marker.ts).
import { readPublicKey } from '../github/public-key.js';
import { seedSecret } from '../github/secret-write.js';
import type { GitHubApi } from '../github/api.js';
import { describeTarget, type SecretTarget } from '../github/target.js';
import type { CliDeps } from './deps.js';
import {
  type AccessWish,
  accessFor,
  connect,
  describeAccess,
  GITHUB_HELP,
  SECRET_OPTIONS,
  SECRET_SYNOPSIS,
  targetOf,
} from './github.js';
import { readSecretValue } from './value.js';
import { type Args, option, type Verb } from './verb.js';

export const verb: Verb = {
  usage: [
    `seed ${SECRET_SYNOPSIS} [--from FILE|-] [--api-url URL]`,
    "  Seals the credentials with the secret's public key and stores them (created, or replaced), exactly",
    '  as the login wrote them. --from defaults to - (standard input); refused before anything is sent',
    '  when over 48 KB or not credentials the action accepts. An organization secret keeps its visibility',
    '  and repositories unless --visibility or --repos says otherwise; a new one is private.',
    ...GITHUB_HELP,
  ].join('\n'),
  options: { ...SECRET_OPTIONS, from: { type: 'string' } },
  async run(args: Args, deps: CliDeps): Promise<void> {
    const { target, wish } = targetOf(args);
    const api = await connect(args, deps);
    const value = await readSecretValue(option(args, 'from') ?? '-', deps);
    await storeLogin(api, target, wish, value, deps);
  },
};

/** Seals the value with the secret's key and stores it, as it is (also `oauth-broker init`). */
export async function storeLogin(
  api: GitHubApi,
  target: SecretTarget,
  wish: AccessWish,
  value: string,
  deps: CliDeps,
): Promise<void> {
  const key = await readPublicKey(api, target);
  const granted = await accessFor(api, target, wish);
  const status = await seedSecret(api, target, key, value, granted.access);
  deps.stderr(`${status === 201 ? 'Created' : 'Updated'} ${describeTarget(target)}${describeAccess(granted)}.`);
}
