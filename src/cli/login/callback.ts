// What comes back from the authorize page: the browser's redirect to the callback, or what the
// user pastes (Anthropic's CODE#STATE, or the address the browser was sent to). Each mistake is
// one line saying what to do; nothing of what came back is quoted but a provider's error code.
import { UserError } from '../../core/errors.js';
import { neutral } from '../../core/neutral.js';
import { quotableCode } from '../../core/refresh.js';

/** What the user is asked to paste, as the error lines name it. */
export type PasteShape = 'CODE#STATE' | 'address';

const AGAIN = 'run the login again';

/**
 * An answer that is not this login's: its state is missing or another. The loopback callback
 * ignores it (anything on this machine, or a page the browser shows, can send one); a paste of
 * one fails the login.
 */
export class ForeignAnswer extends UserError {}

function stateMismatch(what: string): UserError {
  return new ForeignAnswer(
    'OB_LOGIN',
    `${what} belongs to another login (its state does not match this one's); ${AGAIN}.`,
    {
      details: 'Only the page this run printed can finish it: a code is bound to the login that asked for it.',
    },
  );
}

/**
 * The code in a redirect's query, once its state is this login's and it carries no error. The
 * state comes first: an error with no state, or another, is no answer to this login either.
 */
export function codeFromQuery(query: URLSearchParams, state: string, what: string): string {
  const returned = query.get('state');
  if (returned === null) {
    throw new ForeignAnswer('OB_LOGIN', `${what} has no state; ${AGAIN} and use the address the page goes to.`);
  }
  if (returned !== state) throw stateMismatch(what);
  const error = query.get('error');
  if (error) {
    const description = query.get('error_description');
    const said = `${quotableCode(error, [])}${description ? `: ${neutral(description, 60)}` : ''}`;
    throw new UserError('OB_LOGIN', `the authorization server refused the login (${said}); ${AGAIN} and approve it.`);
  }
  const code = query.get('code');
  if (!code) throw new UserError('OB_LOGIN', `${what} has no code; ${AGAIN} and use the address the page goes to.`);
  return code;
}

/** The code in what the user pasted: `CODE#STATE`, or a redirected address with `?code=…&state=…`. */
export function codeFromPaste(text: string, state: string, shape: PasteShape): string {
  const pasted = text.trim();
  const asked = shape === 'CODE#STATE' ? 'the CODE#STATE the page shows' : 'the address the browser was sent to';
  if (!pasted) throw new UserError('OB_LOGIN', `nothing was pasted; ${AGAIN} and paste ${asked}.`);
  if (/^https?:\/\//i.test(pasted) && URL.canParse(pasted)) {
    return codeFromQuery(new URL(pasted).searchParams, state, 'the pasted address');
  }
  const parts = /^([^\s#]+)#([^\s#]+)$/.exec(pasted);
  if (shape === 'address' || !parts) {
    throw new UserError('OB_LOGIN', `the pasted text is not ${asked}; ${AGAIN} and copy all of it.`);
  }
  if (parts[2] !== state) throw stateMismatch('the pasted code');
  return parts[1];
}
