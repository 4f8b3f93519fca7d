// Starts the proxy process for the main step and stops it for the post step (docs/proxy.md). The
// process is detached, writes to its own log file (never the step's pipes, which the runner waits
// on), gets the token through a pipe it reads once, and an environment without the step's secrets.
import { spawn } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Env } from '../core/env.js';
import { systemCode } from '../core/errors.js';
import { alive } from './daemon.js';
import type { Handoff, Ready } from './handoff.js';

/** The proxy's folder: its lease and its log, nothing secret. */
export interface ProxyFolder {
  dir: string;
  lease: string;
  log: string;
}

export function proxyFolder(parent: string): ProxyFolder {
  const dir = mkdtempSync(join(parent, 'oauth-broker-proxy-'));
  return { dir, lease: join(dir, 'lease'), log: join(dir, 'proxy.log') };
}

/**
 * What the proxy keeps of the step's environment: only what it runs with (paths, the runner's proxy
 * and CA settings, which repository, the broker's own knobs). /proc/PID/environ is readable by the
 * same user for the rest of the job, so anything else (a secret given to the broker step through
 * `env:`, the inputs, the runner's tokens) is left out, not listed out.
 */
const KEPT_ENV = new RegExp(
  '^(PATH|HOME|TMPDIR|TMP|TEMP|LANG|LC_[A-Z]+|TZ|SYSTEMROOT|(HTTPS?|NO)_PROXY|NODE_EXTRA_CA_CERTS|SSL_CERT_(FILE|DIR)' +
    '|RUNNER_(TEMP|DEBUG|TRACKING_ID)|GITHUB_(REPOSITORY|API_URL|SERVER_URL|REF|RUN_ID|ACTIONS|WORKSPACE)' +
    '|OAUTH_BROKER_[A-Z0-9_]+)$',
);

export function proxyEnv(env: Env): Env {
  const out: Env = {};
  for (const [name, value] of Object.entries(env)) if (KEPT_ENV.test(name.toUpperCase())) out[name] = value;
  return out;
}

export interface LaunchOptions {
  /** dist/proxy/index.js */
  script: string;
  folder: ProxyFolder;
  env: Env;
  handoff: Omit<Handoff, 'v' | 'lease' | 'watch'>;
  /** The runner's process, which the proxy outlives by a poll at most. */
  watch: number;
  timeoutMs: number;
  /** Hears the pid as soon as there is one: from then on the post step must be able to stop it. */
  spawned(pid: number): void;
}

/** Starts the proxy; its URL once it listens. A failure stops it and says why, in one line. */
export async function launchProxy(o: LaunchOptions): Promise<string> {
  writeFileSync(o.folder.lease, '', { mode: 0o600 });
  const out = openSync(o.folder.log, 'a', 0o600);
  let child: ReturnType<typeof spawn>;
  try {
    // Without V8's optimizing compilers: the proxy only moves bytes. Measured on loopback with Node 24 over
    // 1,100 requests: its memory grew 2.8 MB instead of 18, for 0.25 ms more per request. (Lite mode grows
    // less, but turns WebAssembly off, which the refresh path's fetch and sealing need.)
    child = spawn(process.execPath, ['--no-opt', '--no-maglev', o.script], {
      detached: true,
      stdio: ['pipe', out, out, 'ipc'],
      env: proxyEnv(o.env),
      cwd: o.folder.dir,
      windowsHide: true,
    });
  } finally {
    closeSync(out);
  }
  if (child.pid) o.spawned(child.pid);
  const handoff: Handoff = { v: 1, ...o.handoff, lease: o.folder.lease, watch: o.watch };
  child.stdin?.on('error', () => undefined);
  child.stdin?.end(JSON.stringify(handoff));
  try {
    const ready = await new Promise<Ready>((resolve) => {
      const timer = setTimeout(() => resolve({ error: `it did not listen within ${o.timeoutMs} ms` }), o.timeoutMs);
      const settle = (r: Ready): void => {
        clearTimeout(timer);
        resolve(r);
      };
      child.once('message', (m: Ready) => settle(m));
      child.once('error', (err: NodeJS.ErrnoException) => settle({ error: `it could not start (${err.code})` }));
      child.once('exit', (code) => settle({ error: `it exited with code ${code}` }));
    });
    if ('error' in ready) throw new Error(ready.error);
    return ready.url;
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  } finally {
    // The main step ends without waiting for it.
    if (child.connected) child.disconnect();
    child.unref();
  }
}

/** How the post step found the proxy. */
export type Stopped = 'stopped' | 'killed' | 'gone';

const STOP_WAIT_MS = 120_000;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Whether `pid` is still the proxy, which runs in its folder: a proxy that died long ago may have left
 * its number to another process of the runner's user, which must not be waited for, nor signalled.
 * Where there is no /proc to tell, it is taken to be.
 */
function isTheProxy(pid: number, folder: ProxyFolder): boolean {
  let cwd: string;
  try {
    cwd = readlinkSync(`/proc/${pid}/cwd`);
  } catch (err) {
    if (systemCode(err) !== 'EACCES') return true;
    // Refused: another user's process (not the proxy this step started), or one of this user's that
    // cannot be inspected (a Node given file capabilities): that one may be the proxy.
    try {
      return statSync(`/proc/${pid}`).uid === process.getuid?.();
    } catch {
      return true;
    }
  }
  // Linux adds " (deleted)" to a folder removed since: the proxy stops itself then, after any refresh.
  let parent = dirname(folder.dir);
  try {
    parent = realpathSync(parent);
  } catch {
    // Gone too: compared as given.
  }
  const want = join(parent, basename(folder.dir));
  return cwd === want || cwd === `${want} (deleted)`;
}

/** Whether the process is gone within `ms`, looked at every 50 ms. */
async function goneWithin(pid: number, ms: number): Promise<boolean> {
  for (let waited = 0; waited < ms; waited += 50) {
    if (!alive(pid)) return true;
    await pause(50);
  }
  return !alive(pid);
}

/**
 * Stops the proxy (pid 0: it never started): its lease removed, it stops by itself within a poll, or
 * once its refresh is done; one that does not is sent SIGTERM, then SIGKILL. Its folder goes too, once
 * its log is read (returned).
 */
export async function stopProxy(pid: number, folder: ProxyFolder): Promise<{ how: Stopped; log: string }> {
  const wasAlive = pid > 0 && alive(pid) && isTheProxy(pid, folder);
  rmSync(folder.lease, { force: true });
  let how: Stopped = wasAlive ? 'stopped' : 'gone';
  // It stops within a poll, unless a refresh is under way: that one ends first (a claim's lease at most,
  // then the write-back).
  if (wasAlive && !(await goneWithin(pid, STOP_WAIT_MS))) {
    how = 'killed';
    signal(pid, 'SIGTERM');
    if (!(await goneWithin(pid, 2_000))) signal(pid, 'SIGKILL');
  }
  let log = '';
  try {
    log = readFileSync(folder.log, 'utf8');
  } catch {
    // No log: nothing to report.
  }
  rmSync(folder.dir, { recursive: true, force: true });
  return { how, log };
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Gone meanwhile.
  }
}
