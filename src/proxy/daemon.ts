// The proxy process's life (docs/proxy.md): it serves until the post step removes its lease, the
// job's runner process is gone, or it is told to stop; whichever comes first.
import { neutral } from '../core/neutral.js';
import type { Handoff } from './handoff.js';
import { startProxyServer } from './server.js';

export interface DaemonIo {
  /** A line of the proxy's log. */
  log(line: string): void;
  monotonic(): number;
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
  const proxy = await startProxyServer({
    provider: h.provider,
    upstream: h.upstream,
    placeholder: h.placeholder,
    token: async () => h.accessToken,
    log: io.log,
    monotonic: io.monotonic,
  });
  io.log(`listening on ${proxy.url}, forwarding ${h.provider} inference to ${neutral(new URL(h.upstream).host, 80)}`);
  let done = (): void => undefined;
  const stopped = new Promise<void>((resolve) => (done = resolve));
  let stopping: Promise<void> | undefined;
  const stop = (why: string): Promise<void> => {
    stopping ??= (async () => {
      clearInterval(timer);
      io.log(`stopping: ${why}`);
      await proxy.close();
      done();
    })();
    return stopping;
  };
  const timer = setInterval(() => {
    if (!io.exists(h.lease)) void stop('the post step removed its lease');
    else if (!io.alive(h.watch)) void stop("the job's runner process is gone");
  }, io.pollMs);
  return { url: proxy.url, stop, stopped };
}

/** Whether a process is there: one that belongs to another user (EPERM) is. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
