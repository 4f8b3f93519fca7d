// What seed and seal store: the credentials exactly as the login wrote them, refused here when
// GitHub or the action would refuse them. No network.
import { MAX_SECRET_BYTES } from '../github/secret-limit.js';
import { invalid } from '../core/checks.js';
import { UserError } from '../core/errors.js';
import { issuerOf, recognise } from '../core/recognise.js';
import type { CliDeps } from './deps.js';
import { loginOf } from './kind.js';
import { givenOf } from './status.js';
import { inCliTerms, readFrom } from './verb.js';

/** The value of `--from`, checked: within GitHub's limit, credentials the action accepts. */
export async function readSecretValue(from: string, deps: CliDeps): Promise<string> {
  // A final newline ends the file the login wrote; it is no part of the value.
  const value = (await readFrom(from, deps)).replace(/\r?\n$/, '');
  const bytes = Buffer.byteLength(value);
  if (bytes > MAX_SECRET_BYTES) {
    throw invalid(
      `--from ${from}`,
      `is ${Math.ceil(bytes / 1024)} KB, over GitHub's 48 KB limit for a secret`,
      'store only the document the login wrote',
    );
  }
  const c = loginOf(givenOf(value, from, deps), `--from ${from}`);
  // The provider the credentials themselves name; nothing is sent to its token endpoint here.
  // seed and seal take no --provider: a document whose tokens disagree is fixed at its source.
  try {
    recognise(c, issuerOf(c) ?? 'oauth2');
  } catch (err) {
    const e = inCliTerms(err, `--from ${from}`);
    if (!(e instanceof UserError) || !/; set --provider /.test(e.message)) throw e;
    const fix = '; its tokens are not of one provider: store the file the login wrote, unchanged.';
    throw new UserError(e.code, e.message.replace(/; set --provider .*$/, fix), {
      details: e.details,
      cause: err,
    });
  }
  return value;
}
