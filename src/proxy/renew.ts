// The proxy's refresh is the action's (src/action/obtain.ts), run as a job holding the proxy's copy
// would run it: the same inputs, the same claims beside the secret, the same write-back. Only the
// step around it differs: no outputs, no state, its log instead of the step's.
import type { Core, Deps, Summary } from '../action/deps.js';
import type { Outcome } from '../action/export.js';
import { githubDeps } from '../action/deps.js';
import { readConfig, type Config } from '../action/inputs.js';
import { Masker } from '../action/mask.js';
import { parseCredentials, secretsOf, type Credentials } from '../core/formats/index.js';
import type { Env } from '../core/env.js';
import { InvalidGrantError, describeError, redact } from '../core/errors.js';
import type { Handoff } from './handoff.js';
import { Final, type Lease } from './refresher.js';

/** The inputs the proxy's refresh reads, as the main step had them (src/proxy/start.ts sends them). */
export const REFRESH_INPUTS = [
  'provider',
  'mode',
  'min-ttl',
  'secret-name',
  'secret-repository',
  'secret-environment',
  'secret-org',
  'github-token',
  'github-api-url',
  'share',
  'lock-timeout',
  'token-url',
  'client-id',
  'client-secret',
  'scope',
] as const;

export interface RenewIo {
  log(line: string): void;
  env: Env;
  fetch: typeof fetch;
  now(): number;
  monotonic(): number;
  sleep(ms: number): Promise<void>;
}

/** A step's core with no step: every line to the proxy's log, redacted of every secret it was told of. */
function logCore(inputs: Record<string, string>, io: RenewIo, secrets: Set<string>): Core {
  const line = (prefix: string) => (m: string) => io.log(`${prefix}${redact(m, secrets)}`);
  const summary: Summary = { addHeading: () => summary, addTable: () => summary, write: async () => undefined };
  return {
    getInput: (name) => inputs[name] ?? '',
    setSecret: (value) => void secrets.add(value),
    setOutput: () => undefined,
    exportVariable: () => undefined,
    saveState: () => undefined,
    getState: () => '',
    info: line('refresh: '),
    warning: line('refresh warning: '),
    debug: () => undefined,
    isDebug: () => false,
    setFailed: line('refresh error: '),
    summary,
  };
}

/**
 * The copy a later refresh presents: what was stored; else, after another job's result, the copy whose
 * claim gave it; else the copy held. Another job's access token applied to a copy would name a claim of
 * its own, and present a refresh token that job spent.
 */
export function copyAfter(held: Credentials, out: Pick<Outcome, 'stored' | 'copy'>): Credentials {
  if (out.stored) return parseCredentials(out.stored);
  return out.copy ?? held;
}

export interface Renewal {
  cfg: Config;
  /** Refreshes the copy (or takes another job's result for it); the new access token. */
  renew(): Promise<Lease>;
}

/** The refresh of the handoff's copy; throws (a UserError, one line) when the inputs are not valid. */
export function renewal(h: Handoff, io: RenewIo): Renewal {
  const secrets = new Set<string>();
  // The proxy writes no file for a CLI: no credentials file to find a home for (Codex's default is one).
  const inputs: Record<string, string> = {
    ...h.inputs,
    credentials: h.credentials,
    'credentials-file': 'none',
    'client-refresh': 'false',
  };
  const core = logCore(inputs, io, secrets);
  const masker = new Masker(core);
  masker.mask(h.credentials, inputs['github-token'], inputs['client-secret'], h.accessToken);
  let copy = parseCredentials(h.credentials);
  masker.mask(...secretsOf(copy));
  // No pending file: it is for a post step, and the proxy has none; a rotation GitHub refuses is
  // kept sealed in the claim, as any job keeps it.
  const { RUNNER_TEMP: _, ...env } = io.env;
  const cfg = readConfig(core, env);
  const deps: Deps = {
    core,
    env,
    fetch: io.fetch,
    now: io.now,
    monotonic: io.monotonic,
    sleep: io.sleep,
    startedAt: io.now(),
  };
  return {
    cfg,
    async renew() {
      const { obtain } = await import('../action/obtain.js');
      let out: Awaited<ReturnType<typeof obtain>>;
      try {
        // Its copy may be rescued credentials another job's result handed over: the seed is always checked.
        out = await obtain({ ...deps, github: githubDeps(deps) }, cfg, copy, masker, true);
      } catch (err) {
        const line = describeError(err, masker.values);
        throw err instanceof InvalidGrantError ? new Final(line) : new Error(line);
      }
      copy = copyAfter(copy, out);
      masker.mask(...secretsOf(copy));
      const accessToken = out.creds.accessToken;
      if (!accessToken) throw new Error('the provider answered without an access token; its rotation is stored');
      return { accessToken, expiresAt: out.creds.expiresAt };
    },
  };
}
