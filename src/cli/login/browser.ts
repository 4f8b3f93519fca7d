// Shows the address the user must open, and opens it in a browser when this machine has one.
import type { Env } from '../../core/env.js';
import type { CliDeps } from '../deps.js';

export interface Launch {
  file: string;
  args: string[];
}

// cmd.exe reads these in its command line even in an argument: `&` would end the address.
const CMD_SPECIAL = /[&|<>^()]/g;

/**
 * How to open `url` here, never through a shell: BROWSER (a program and its arguments separated
 * by spaces, `%s` where the address goes, else it comes last; `none`: never), else the platform's
 * opener. Undefined: this machine has no browser to open.
 */
export function browserCommand(url: string, env: Env, platform: NodeJS.Platform): Launch | undefined {
  const browser = env.BROWSER?.trim();
  if (browser) {
    if (browser === 'none') return undefined;
    const [file, ...args] = browser.split(/\s+/);
    const placed = args.some((a) => a.includes('%s'));
    return { file, args: placed ? args.map((a) => a.split('%s').join(url)) : [...args, url] };
  }
  if (platform === 'darwin') return { file: 'open', args: [url] };
  // `start` takes its first quoted argument as a window title: the empty one.
  if (platform === 'win32') return { file: 'cmd', args: ['/c', 'start', '', url.replace(CMD_SPECIAL, '^$&')] };
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return { file: 'xdg-open', args: [url] };
  return undefined;
}

/**
 * Prints `url` on a line of its own (always: the browser may be on another machine), then opens
 * it when it can. The browser may stay open as long as it likes; failing to start it is one line.
 */
export function showAddress(url: string, intro: string, deps: CliDeps): void {
  deps.stderr(intro);
  deps.stderr(url);
  const launch = browserCommand(url, deps.env, deps.platform);
  if (!launch) return;
  void deps.run(launch.file, launch.args, { timeoutMs: 0 }).then(({ code }) => {
    if (code !== 0) deps.stderr(`Could not open a browser (${launch.file} exited ${code}); open the address above.`);
  });
}
