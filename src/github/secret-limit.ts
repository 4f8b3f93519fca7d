// GitHub's limit on a secret's value, and the check that a login's rotation will fit in it.
import { applyTokenSet, serializeCredentials, type Credentials, type TokenSet } from '../core/formats/index.js';
import { fail } from '../core/formats/fields.js';

/** GitHub's limit on a secret's value. */
export const MAX_SECRET_BYTES = 48 * 1024;

/**
 * Refuses, before any refresh, credentials whose rotation could not be stored: the value
 * written back must fit GitHub's limit even when the provider issues tokens twice as long.
 */
export function checkWriteBack(c: Credentials, now: number): void {
  const longer = (s: string | undefined, min: number): string => 'x'.repeat(Math.max(2 * (s?.length ?? 0), min));
  const grown: TokenSet = {
    accessToken: longer(c.accessToken, 2048),
    refreshToken: longer(c.refreshToken, 512),
    expiresInSeconds: 3600,
  };
  if (c.idToken) grown.idToken = longer(c.idToken, 0);
  const bytes = Buffer.byteLength(serializeCredentials(applyTokenSet(c, grown, now)));
  if (bytes > MAX_SECRET_BYTES) {
    const kb = Math.ceil(Buffer.byteLength(serializeCredentials(c)) / 1024);
    fail(
      `is ${kb} KB; refreshed, it could exceed GitHub's 48 KB secret limit, so nothing is refreshed. ` +
        'Store only the document the login wrote.',
      'Its rotated credentials could not be stored: the check allows for tokens twice as long as today’s.',
    );
  }
}
