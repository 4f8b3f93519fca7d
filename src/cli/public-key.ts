// `oauth-broker public-key`: the key a secret is sealed with, as GitHub answers it, for a seal
// made where GitHub cannot be reached (the air-gapped hand-over).
import { readPublicKey } from '../github/public-key.js';
import type { CliDeps } from './deps.js';
import { connect, GITHUB_HELP, PLACE_OPTIONS, placeOf } from './github.js';
import type { Args, Verb } from './verb.js';

export const verb: Verb = {
  usage: [
    'public-key --repo O/R [--environment E | --org O] [--api-url URL]',
    '  Prints {"key_id","key"}, the public key secrets there are sealed with, as GitHub returns it:',
    "  what oauth-broker seal --key-file takes. The secret's value is sealed with it elsewhere, and",
    '  stored with oauth-broker put.',
    ...GITHUB_HELP,
  ].join('\n'),
  options: PLACE_OPTIONS,
  async run(args: Args, deps: CliDeps): Promise<void> {
    const place = placeOf(args);
    const api = await connect(args, deps);
    const key = await readPublicKey(api, place);
    deps.stdout(`${JSON.stringify({ key_id: key.key_id, key: key.key })}\n`);
    deps.stderr(`Key ${key.key_id}; seal with it: oauth-broker seal --key-file FILE.`);
  },
};
