// A job with proxy: true against the stand-ins and an inference upstream (support/upstream.ts): the seed
// and inputs, the proxy's pid from the main step's state, what a later step can read, and a request
// through the proxy. Every proxy a test started is killed after it, even when the test failed half-way.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { jobs, type Seeded } from './jobs.js';
import { leaks } from './leaks.js';
import { alive } from '../../src/proxy/daemon.js';
import { distEntry, runAction, type RunResult } from './runner.js';
import { following, REPO, type UsedStandIns, useStandIns } from './stand-ins.js';
import { startUpstream, type Upstream } from './upstream.js';

// Whether a process is still there: the proxy's own test, for which an unreaped process is gone.
export { alive };

/** Whether the process is gone within `ms`. */
export async function gone(pid: number, ms = 3_000): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 25)))
    if (!alive(pid)) return true;
  return !alive(pid);
}

/** Every file under these folders, read whole. */
function filesUnder(...dirs: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else if (st.isFile()) out.push([path, readFileSync(path, 'utf8')]);
    }
  };
  for (const d of dirs) if (existsSync(d)) walk(d);
  return out;
}

/** What a later step can read: its environment, outputs, summary, files under HOME, RUNNER_TEMP and the workspace. */
export function laterStepSees(main: RunResult, pid: number): string {
  const parts = [
    JSON.stringify(main.env),
    JSON.stringify(main.outputs),
    main.summary,
    ...filesUnder(main.home, main.runnerTemp, main.dir).map(([path, text]) => `${path}\n${text}`),
  ];
  // The proxy's own environment and command line are readable by the same user (Linux).
  for (const f of ['environ', 'cmdline'])
    if (existsSync(`/proc/${pid}/${f}`)) parts.push(readFileSync(`/proc/${pid}/${f}`, 'utf8'));
  return parts.join('\n');
}

export function expectNothingOf(seen: string, ...secrets: string[]): void {
  expect(leaks({ stdout: seen, stderr: '', summary: '' }, secrets)).toEqual([]);
}

/** A Messages API request through the proxy the main step started, with the token it handed out. */
export async function ask(main: RunResult, token = main.env.CLAUDE_CODE_OAUTH_TOKEN): Promise<Response> {
  return fetch(`${main.env.ANTHROPIC_BASE_URL}/v1/messages?beta=true`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'anthropic-beta': 'oauth-2025-04-20',
      'content-type': 'application/json',
    },
    body: '{"model":"claude-sonnet-4-5","max_tokens":8,"messages":[]}',
  });
}

/** The post step through the bundle after `main`: with its HOME, RUNNER_TEMP, state and environment. */
export function postAfter(main: RunResult, inputs: Record<string, string>): Promise<RunResult> {
  return runAction('post', {
    inputs,
    home: main.home,
    runnerTemp: main.runnerTemp,
    state: main.state,
    env: main.env,
  });
}

/** The stand-ins and a fresh upstream for each test of the file; dist/main and dist/proxy must exist. */
export function useProxyJob(pat: string) {
  const si: UsedStandIns = useStandIns(pat, { cache: false });
  let upstream: Upstream | undefined;
  const started: number[] = [];
  const running = (): Upstream => {
    if (!upstream) throw new Error('the upstream stand-in runs only inside a test');
    return upstream;
  };

  beforeAll(() => {
    if (!existsSync(distEntry('main')) || !existsSync(join(distEntry('main'), '..', '..', 'proxy', 'index.js')))
      throw new Error('dist/main or dist/proxy does not exist: run `npm run bundle` first');
  });
  beforeEach(async () => {
    upstream = await startUpstream();
  });
  afterEach(async () => {
    // A test that failed half-way leaves no proxy behind.
    for (const pid of started.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
    await upstream?.close();
    upstream = undefined;
  });

  const j = jobs(si, pat);
  const seed = (ttlMs: number): Seeded => j.seed({ repo: REPO }, ttlMs);
  /** A job's inputs with proxy mode on, forwarding to the upstream stand-in. */
  const inputs = (s: Seeded, extra: Record<string, string> = {}): Record<string, string> =>
    j.inputs(s.credentials, { proxy: 'true', 'proxy-upstream': running().url, ...extra });

  /** The proxy's pid, from the state the main step saved for its post step. */
  function proxyPid(main: RunResult): number {
    const raw = main.state['oauth-broker-proxy'];
    expect(raw).toMatch(/^v1\.[0-9a-f]{64}\./);
    const pid = (JSON.parse(raw.replace(/^v1\.[0-9a-f]{64}\./, '')) as { pid: number }).pid;
    started.push(pid);
    return pid;
  }

  return {
    si,
    /** The running test's upstream. */
    upstream: following(running),

    seed,
    inputs,
    proxyPid,
  };
}
