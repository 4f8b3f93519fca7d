/**
 * An error the user can act on: its message is one line that names the input or
 * service, what happened and the fix. Printed as is, never with a stack.
 */
export class UserError extends Error {
  override name = 'UserError';
}

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

/** Removes every known secret and anything shaped like a token from text bound for the log. */
export function redact(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('***');
  for (const shape of TOKEN_SHAPES) out = out.replace(shape, '***');
  return out;
}

/** One line for the log: a UserError as written, anything else named but redacted. */
export function describeError(err: unknown, secrets: Iterable<string>): string {
  const line = (s: string): string => redact(s, secrets).replace(/\s*\n\s*/g, ' ').trim();
  if (err instanceof UserError) return line(err.message);
  if (err instanceof Error) return `unexpected ${err.name}: ${line(err.message)}. This is a bug in oauth-broker; please report it (the message above holds no secret).`;
  return 'unexpected failure. This is a bug in oauth-broker; please report it.';
}
