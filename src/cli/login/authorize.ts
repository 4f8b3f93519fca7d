// The front channel of an authorization-code login with PKCE (RFC 6749 §4.1, RFC 7636): the
// address to open, then the code, from the browser's redirect to this machine or pasted by the
// user, whichever comes first, and checked against this login's state.
import { UserError } from '../../core/errors.js';
import type { CliDeps } from '../deps.js';
import { showAddress } from './browser.js';
import { codeFromPaste, codeFromQuery, type PasteShape } from './callback.js';
import { type Callback, isLoopback, listenOnce } from './loopback.js';
import { pkce, randomState } from './pkce.js';

export interface AuthorizeRequest {
  authorizeUrl: string;
  clientId: string;
  /** A loopback URI is listened on; any other is where the user copies the answer from. */
  redirectUri: string;
  scope?: string;
  /** Parameters the provider's own CLI adds. */
  extra?: Record<string, string>;
  /** What the page gives the user to paste. */
  paste: PasteShape;
}

export interface Authorized {
  code: string;
  state: string;
  verifier: string;
  /** As sent to the authorize endpoint: the exchange repeats it. */
  redirectUri: string;
}

/** How long a login waits for the user: as long as the providers' own codes stay valid. */
export const LOGIN_WAIT_MS = 15 * 60_000;

const QUESTION: Record<PasteShape, string> = {
  'CODE#STATE': 'Paste the code the page shows (CODE#STATE): ',
  address: 'Paste the address the browser was sent to (it may show an error page): ',
};

/** The authorize endpoint's address; a query the given URL already has is kept. */
function authorizeAddress(req: AuthorizeRequest, redirectUri: string, challenge: string, state: string): string {
  const url = new URL(req.authorizeUrl);
  const params: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: req.clientId,
    redirect_uri: redirectUri,
    scope: req.scope,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
    ...req.extra,
  };
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return url.href;
}

/** What the user pastes; with a callback listening, an empty line (or none) leaves the browser to finish. */
async function pasted(req: AuthorizeRequest, state: string, callback: Callback | undefined, deps: CliDeps) {
  // The question is a line of its own when the browser may answer first: nothing is left half-written.
  if (callback) deps.stderr('Or, if the browser cannot reach this machine, paste the address it was sent to:');
  const answer = await deps.ask(callback ? '' : QUESTION[req.paste]);
  if (callback && !answer.trim()) return new Promise<never>(() => {});
  return codeFromPaste(answer, state, req.paste);
}

export async function authorize(req: AuthorizeRequest, deps: CliDeps): Promise<Authorized> {
  const { verifier, challenge } = pkce();
  const state = randomState();
  deps.secrets.add(verifier);
  const callback = isLoopback(new URL(req.redirectUri))
    ? await listenOnce(req.redirectUri, (query) => codeFromQuery(query, state, "the browser's redirect"))
    : undefined;
  try {
    const redirectUri = callback?.redirectUri ?? req.redirectUri;
    showAddress(
      authorizeAddress(req, redirectUri, challenge, state),
      'Open this address in a browser and log in with the account CI is to use:',
      deps,
    );
    const timeout = deps.sleep(LOGIN_WAIT_MS).then((): never => {
      throw new UserError('OB_LOGIN', 'no answer from the login page within 15 minutes; run the login again.');
    });
    const code = await Promise.race([
      pasted(req, state, callback, deps),
      timeout,
      ...(callback ? [callback.code] : []),
    ]);
    deps.secrets.add(code);
    return { code, state, verifier, redirectUri };
  } finally {
    callback?.close();
  }
}
