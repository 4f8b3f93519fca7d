// The URLs a credential is sent to (a token endpoint, GitHub's API), checked before any is used.
import { invalid, quote } from './checks.js';

/** The names of this machine's loopback interface, as a URL's hostname spells them. */
export const isLoopbackHost = (hostname: string): boolean => ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);

/** A URL as error lines quote it: never with the user name or password it may hold. */
function quoted(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  let shown = url ? value : value.replace(/^[^@]*@/, '***@');
  if (url && (url.username || url.password)) {
    [url.username, url.password] = ['***', ''];
    shown = url.href;
  }
  return quote(shown);
}

/** `value` as a URL a token may be sent to: https, or plain http to this machine only. */
export function httpUrl(input: string, value: string): string {
  const q = quoted(value);
  let url: URL;
  try {
    url = new URL(value);
  } catch (err) {
    throw invalid(input, `${q} is not a URL`, undefined, { cause: err });
  }
  // fetch refuses to send such a URL; and what is in it would be printed wherever the URL is.
  if (url.username || url.password) throw invalid(input, `${q} holds a user name or password`, 'remove it');
  // Plain http only to this machine: a token must never cross a network in clear.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw invalid(input, `${q} must be an https URL`);
  }
  return value.replace(/\/+$/, '');
}
