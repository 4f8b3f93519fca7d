// `oauth-broker put`: stores a value sealed elsewhere (oauth-broker seal), unchanged, once it is
// sure to be sealed with the secret's current key.
import { MAX_SECRET_BYTES } from '../github/secret-limit.js';
import { invalid } from '../core/checks.js';
import { checkJsonDepth } from '../core/json.js';
import { neutral } from '../core/neutral.js';
import { GitHubHttpError } from '../github/api.js';
import { explain } from '../github/explain.js';
import { readPublicKey } from '../github/public-key.js';
import type { Sealed } from '../github/secret-endpoints.js';
import { putSealedValue } from '../github/secret-write.js';
import { describeTarget } from '../github/target.js';
import type { CliDeps } from './deps.js';
import {
  accessFor,
  connect,
  describeAccess,
  GITHUB_HELP,
  SECRET_OPTIONS,
  SECRET_SYNOPSIS,
  targetOf,
} from './github.js';
import { type Args, option, parsedJson, readFrom, type Verb } from './verb.js';

// A sealed box is the sender's ephemeral public key and a MAC longer than what it seals.
const SEAL_OVERHEAD = 48;
const RESEAL = 'fetch the key again (oauth-broker public-key) and seal again';

/** What oauth-broker seal printed: checked here, so nothing malformed is sent. */
function sealedOf(text: string, from: string): Sealed {
  checkJsonDepth(text, `--sealed ${from}`, 'seal the value again.');
  const s = parsedJson(text) as Partial<Sealed> | undefined;
  const value = typeof s?.encrypted_value === 'string' ? s.encrypted_value : '';
  const base64 = value.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(value);
  const bytes = base64 ? Buffer.from(value, 'base64').length - SEAL_OVERHEAD : -1;
  if (bytes < 0 || typeof s?.key_id !== 'string' || !s.key_id) {
    throw invalid(
      `--sealed ${from}`,
      'is not the {"encrypted_value","key_id"} oauth-broker seal prints',
      'seal the value again',
    );
  }
  if (bytes > MAX_SECRET_BYTES) {
    throw invalid(
      `--sealed ${from}`,
      `holds ${Math.ceil(bytes / 1024)} KB, over GitHub's 48 KB limit for a secret`,
      'seal only the document the login wrote',
    );
  }
  return { encrypted_value: value, key_id: s.key_id };
}

export const verb: Verb = {
  usage: [
    `put ${SECRET_SYNOPSIS} --sealed FILE|- [--api-url URL]`,
    '  Stores a value sealed elsewhere (oauth-broker seal), unchanged: created, or replaced. Refused',
    "  before anything is written when it was sealed with another key than the secret's current one.",
    '  An organization secret keeps its visibility and repositories unless --visibility or --repos says',
    '  otherwise; a new one is private.',
    ...GITHUB_HELP,
  ].join('\n'),
  options: { ...SECRET_OPTIONS, sealed: { type: 'string' } },
  async run(args: Args, deps: CliDeps): Promise<void> {
    const { target, wish } = targetOf(args);
    const from = option(args, 'sealed', true);
    const api = await connect(args, deps);
    const sealed = sealedOf(await readFrom(from, deps, 'sealed'), from);
    const key = await readPublicKey(api, target);
    if (key.key_id !== sealed.key_id) {
      throw invalid(
        `--sealed ${from}`,
        `sealed with key ${neutral(sealed.key_id, 40)}, the secret's key is now ${neutral(key.key_id, 40)}: ${RESEAL}`,
      );
    }
    const granted = await accessFor(api, target, wish);
    let status: number;
    try {
      status = await putSealedValue(api, target, sealed, granted.access);
    } catch (err) {
      // GitHub could not open the box: the key changed since, or it was sealed for another.
      if (err instanceof GitHubHttpError && err.status === 422) {
        throw invalid(`--sealed ${from}`, 'GitHub refused the sealed value (HTTP 422)', RESEAL, {
          cause: err,
          details: `GitHub's message: ${err.githubMessage}`,
        });
      }
      throw explain(err, target, `write ${describeTarget(target)}`, api.wording);
    }
    deps.stderr(`${status === 201 ? 'Created' : 'Updated'} ${describeTarget(target)}${describeAccess(granted)}.`);
  },
};
