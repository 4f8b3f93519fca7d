// The proxy process's life (docs/proxy.md): it serves, refreshing the token as a job would, until the
// post step removes its lease, the job's runner process is gone, or it is told to stop; whichever comes
// first, once no refresh is under way.
import { readFileSync } from 'node:fs';
import { systemCode } from '../core/errors.js';
import { neutral } from '../core/neutral.js';
import type { Handoff } from './handoff.js';
import { Refresher } from './refresher.js';
import { renewal, type RenewIo } from './renew.js';
import { startProxyServer } from './server.js';

// After a failed refresh, the next is tried this much later at the earliest: a minute, as a claim's lease.
const REFRESH_BACKOFF_MS = 60_000;

export interface DaemonIo extends RenewIo {
  /** Whether a process is there (one of another user's counts). */
  alive(pid: number): boolean;
  exists(path: string): boolean;
  /** How often the lease and the runner are looked at (ms). */
  pollMs: number;
}

export interface Daemon {
  url: string;
  /** Stops serving; `why` goes to the log. */
  stop(why: string): Promise<void>;
  /** Resolves once it has stopped, whatever stopped it. */
  stopped: Promise<void>;
}

export async function serve(h: Handoff, io: DaemonIo): Promise<Daemon> {
  const { cfg, renew } = renewal(h, io);
  const lease = { accessToken: h.accessToken, ...(h.expiresAt === undefined ? {} : { expiresAt: h.expiresAt }) };
  const tokens = new Refresher(lease, renew, {
    minTtlMs: cfg.minTtlMs,
    now: io.now,
    monotonic: io.monotonic,
    log: io.log,
    backoffMs: REFRESH_BACKOFF_MS,
    // mode: check makes no call, in the proxy as in the step.
    never: cfg.mode === 'check' || !cfg.secret || !cfg.githubToken,
  });
  const proxy = await startProxyServer({
    provider: h.provider,
    upstream: h.upstream,
    placeholder: h.placeholder,
    ...(h.tls ? { tls: h.tls } : {}),
    ...(h.ownRefresh ? { ownRefresh: h.ownRefresh } : {}),
    token: () => tokens.token(),
    rejected: (used) => tokens.rejected(used),
    log: io.log,
    monotonic: io.monotonic,
  });
  const through = proxy.via ? ` through the runner's proxy ${neutral(proxy.via, 80)}` : '';
  const to = neutral(new URL(h.upstream).host, 80);
  io.log(`listening on ${proxy.url}, forwarding ${h.provider} inference to ${to}${through}`);
  let done = (): void => undefined;
  const stopped = new Promise<void>((resolve) => (done = resolve));
  let stopping: Promise<void> | undefined;
  const stop = (why: string): Promise<void> => {
    stopping ??= (async () => {
      clearInterval(timer);
      io.log(`stopping: ${why}`);
      // A refresh under way ends first (its rotation must reach the secret), and none starts after.
      await tokens.close();
      await proxy.close();
      done();
    })();
    return stopping;
  };
  const timer = setInterval(() => {
    if (!io.exists(h.lease)) void stop('the post step removed its lease');
    else if (h.watch > 0 && !io.alive(h.watch)) void stop("the job's runner process is gone");
  }, io.pollMs);
  return { url: proxy.url, stop, stopped };
}

/**
 * Whether a process is there: one that belongs to another user (EPERM) is; one that exited but was
 * never reaped (a zombie) is not. In a job container PID 1 is `tail -f /dev/null`, which reaps no
 * orphan: the stopped proxy stays a zombie there, and the post step would wait for it in vain.
 */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return systemCode(err) === 'EPERM';
  }
  return !isZombie(pid);
}

/** Linux: the state in /proc/PID/stat is Z. Where there is no /proc, never. */
function isZombie(pid: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  // "pid (comm) state …": comm may hold spaces and parentheses; the state follows the last ')'.
  const end = stat.lastIndexOf(')');
  return stat[end + 2] === 'Z';
}
