// OpenAI's device code login as Codex does it: a user code to enter on a page, then polling
// until the user approved it, which yields an authorization code and its PKCE verifier.
import { isJsonObject, isTokenWord } from '../../core/checks.js';
import { timings } from '../../core/env.js';
import { UserError } from '../../core/errors.js';
import { classifyFetchError } from '../../core/http.js';
import { describeRefusal } from '../../core/refresh.js';
import { USER_AGENT } from '../../core/version.js';
import type { CliDeps } from '../deps.js';
import { LOGIN_WAIT_MS } from './authorize.js';
import { showAddress } from './browser.js';

export interface DeviceCode {
  code: string;
  verifier: string;
  /** The redirect URI the exchange names. */
  redirectUri: string;
}

/** How often a device login says it is still waiting, so a silent terminal is not taken for a hang. */
const SAY_WAITING_MS = 60_000;

/** "14 min", "1 min", "under a minute". */
const minutesLeft = (ms: number): string => (ms < 60_000 ? 'under a minute' : `${Math.floor(ms / 60_000)} min`);

// RFC 8628 §3.2: without an interval, clients poll every 5 seconds.
const DEFAULT_INTERVAL_S = 5;

type Json = Record<string, unknown>;

/** A value as the server sent it, if it is a plain one-word string. */
const plain = (v: unknown): string | undefined =>
  typeof v === 'string' && v.length <= 16_384 && isTokenWord(v) ? v : undefined;

async function post(
  url: string,
  fields: Json,
  service: string,
  deps: CliDeps,
): Promise<{ status: number; text: string }> {
  const timeoutMs = timings(deps.env).httpTimeoutMs;
  try {
    const res = await deps.fetch(url, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'user-agent': USER_AGENT },
      body: JSON.stringify(fields),
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: res.status, text: await res.text() };
  } catch (err) {
    const reason = classifyFetchError(err, timeoutMs).reason;
    throw new UserError(
      'OB_LOGIN',
      `${service}: ${reason}; check --device-url and the network, then run the login again.`,
      {
        cause: err,
      },
    );
  }
}

function json(text: string): Json {
  try {
    const v = JSON.parse(text) as unknown;
    return isJsonObject(v) ? v : {};
  } catch {
    return {};
  }
}

/** The wait between polls: the server's `interval` (a string of seconds), or the test knob. */
function pollMs(interval: unknown, deps: CliDeps): number {
  if (deps.env.OAUTH_BROKER_POLL_MS) return timings(deps.env).pollMs;
  const s = typeof interval === 'string' && /^\s*\d+\s*$/.test(interval) ? Number(interval) : DEFAULT_INTERVAL_S;
  return Math.max(1, s) * 1000;
}

interface Issued {
  deviceAuthId: string;
  userCode: string;
  interval: unknown;
}

async function issue(base: string, clientId: string, service: string, deps: CliDeps): Promise<Issued> {
  const asked = await post(`${base}/api/accounts/deviceauth/usercode`, { client_id: clientId }, service, deps);
  const answer = json(asked.text);
  const deviceAuthId = plain(answer.device_auth_id);
  const userCode = plain(answer.user_code ?? answer.usercode);
  if (asked.status === 200 && deviceAuthId && userCode) {
    deps.secrets.add(deviceAuthId);
    return { deviceAuthId, userCode, interval: answer.interval };
  }
  const said =
    asked.status === 200 ? 'answered 200 without a user code' : describeRefusal(asked.status, asked.text, []).said;
  const fix =
    asked.status === 404
      ? 'device code login is not enabled there: use --browser'
      : 'check --device-url and --client-id, or use --browser';
  throw new UserError('OB_LOGIN', `${service} ${said}; ${fix}.`);
}

/** Asks for a user code, shows it, and polls until the user approved it on the page. */
export async function deviceCode(base: string, clientId: string, service: string, deps: CliDeps): Promise<DeviceCode> {
  const started = deps.now();
  const issued = await issue(base, clientId, service, deps);
  showAddress(`${base}/codex/device`, 'Open this address in a browser and log in with the account CI is to use:', deps);
  deps.stderr(`Then enter this code (valid 15 minutes; never share it): ${issued.userCode}`);
  const wait = pollMs(issued.interval, deps);
  const poll = { device_auth_id: issued.deviceAuthId, user_code: issued.userCode };
  let said = deps.now();
  for (;;) {
    const polled = await post(`${base}/api/accounts/deviceauth/token`, poll, service, deps);
    if (polled.status === 200) return approved(json(polled.text), base, service, deps);
    // 403 and 404: not approved yet.
    if (polled.status !== 403 && polled.status !== 404) {
      const said = describeRefusal(polled.status, polled.text, [...deps.secrets]).said;
      throw new UserError('OB_LOGIN', `${service} ended the device login: ${said}; run the login again.`);
    }
    const left = LOGIN_WAIT_MS - (deps.now() - started);
    if (left <= 0) throw new UserError('OB_LOGIN', 'the code was not entered within 15 minutes; run the login again.');
    if (deps.now() - said >= SAY_WAITING_MS) {
      said = deps.now();
      deps.stderr(`Waiting for you to enter the code ${issued.userCode} (${minutesLeft(left)} left).`);
    }
    await deps.sleep(Math.min(wait, left));
  }
}

function approved(answer: Json, base: string, service: string, deps: CliDeps): DeviceCode {
  const code = plain(answer.authorization_code);
  const verifier = plain(answer.code_verifier);
  if (code) deps.secrets.add(code);
  if (verifier) deps.secrets.add(verifier);
  if (!code || !verifier) {
    throw new UserError(
      'OB_LOGIN',
      `${service} approved the login without an authorization code; run the login again.`,
    );
  }
  return { code, verifier, redirectUri: `${base}/deviceauth/callback` };
}
