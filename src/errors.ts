/**
 * An error the user can act on: its message is one line that names the input or
 * service, what happened and the fix. Printed as is, never with a stack.
 */
export class UserError extends Error {
  override name = 'UserError';
}

/** The remedy when the login is lost: a new one, stored in the secret. */
export const RELOGIN = 'log in again and store the new credentials in the secret (README: First login)';

/** Where rotated credentials the secret could not take are kept, and who finishes the write. */
export const KEPT_IN_STORE =
  'kept sealed in the shared store (Actions cache): the next run holding the same credentials recovers them and finishes the write-back, no new login needed';

/** The refresh may have reached the provider: the stored refresh token may be spent. */
export class UncertainRefreshError extends UserError {
  override name = 'UncertainRefreshError';
}

/** The provider refused the refresh token (spent, revoked or unknown). */
export class InvalidGrantError extends UserError {
  override name = 'InvalidGrantError';
}

// Shapes of provider tokens and JWTs: a last line of defence for text we did not write.
const TOKEN_SHAPES = [
  /sk-ant-[a-z]{2,4}\d{2}-[A-Za-z0-9_-]{8,}/g,
  /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
  /gh[opsu]_[A-Za-z0-9]{20,}/g,
  /github_pat_[A-Za-z0-9_]{20,}/g,
];

// A run of this many characters taken from a secret is redacted wherever it appears.
const PIECE = 8;

/** Where pieces of a secret can hide: the value itself, or the tokens inside a document. */
function piecesOf(secret: string): string[] {
  // JSON and multi-word values share words such as `refresh_token` with the action's own
  // messages; the tokens in them are masked on their own too.
  if (!/[\s"{}[\]]/.test(secret)) return [secret];
  return secret.match(/[A-Za-z0-9_.~+/=-]{20,}/g) ?? [];
}

/**
 * Removes every known secret, every run of 8 or more characters of one (an error body
 * may echo part of a token), and anything shaped like a token from text bound for the log.
 */
export function redact(text: string, secrets: Iterable<string>): string {
  const known = [...secrets].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  let out = text;
  for (const s of known) out = out.split(s).join('***');
  // Any such run is made of windows of PIECE characters of the secret: mark each one found.
  const windows = new Set<string>();
  for (const piece of known.flatMap(piecesOf)) {
    for (let i = 0; i + PIECE <= piece.length; i++) windows.add(piece.slice(i, i + PIECE));
  }
  const hit = new Uint8Array(out.length);
  for (let i = 0; i + PIECE <= out.length; i++) if (windows.has(out.slice(i, i + PIECE))) hit.fill(1, i, i + PIECE);
  let kept = '';
  for (let i = 0; i < out.length; i++) {
    if (!hit[i]) kept += out[i];
    else if (i === 0 || !hit[i - 1]) kept += '***';
  }
  out = kept;
  for (const shape of TOKEN_SHAPES) out = out.replace(shape, '***');
  return out;
}

/** One line for the log: a UserError as written, anything else named but redacted. */
export function describeError(err: unknown, secrets: Iterable<string>): string {
  const line = (s: string): string =>
    redact(s, secrets)
      .replace(/\s*\n\s*/g, ' ')
      .trim();
  if (err instanceof UserError) return line(err.message);
  if (err instanceof Error)
    return `unexpected ${err.name}: ${line(err.message)}. This is a bug in oauth-broker; please report it (the message above holds no secret).`;
  return 'unexpected failure. This is a bug in oauth-broker; please report it.';
}
