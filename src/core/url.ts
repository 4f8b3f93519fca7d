// URLs a token or a credential is sent to, checked before anything is sent.
import { UserError } from './errors.js';
import { neutral } from './neutral.js';

/** An https URL, or plain http to this machine (a stand-in); without trailing slashes. */
export function httpUrl(input: string, value: string): string {
  const q = `"${neutral(value, 80)}"`;
  let url: URL;
  try {
    url = new URL(value);
  } catch (err) {
    throw new UserError(`${input}: ${q} is not a URL.`, { cause: err });
  }
  // Plain http only to this machine: a token must never cross a network in clear.
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new UserError(`${input}: ${q} must be an https URL.`);
  }
  return value.replace(/\/+$/, '');
}
