// npm run bench: the hot path (stored access token still valid) against a bare `node -e 0`
// and against an ncc bundle that only loads @actions/core and reads one input, interleaved,
// medians, all in a clean environment: NODE_OPTIONS and NODE_EXTRA_CA_CERTS add tens of
// milliseconds to every node start. Then the refresh path against the loopback stand-ins,
// and 16 concurrent jobs sharing one expired token. Every program runs on the action's own runtime,
// Node 24 (`node24` in action.yml), from .ci/node24 when it is installed; OAUTH_BROKER_TEST_NODE=/path/to/node
// times another Node, and without either the one running this script is timed.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeToken } from '../__tests__/support/fake-tokens.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const TARGET = 1.15;
const root = join(import.meta.dirname, '..');
const actionNode = join(root, '.ci/node24/node_modules', `node-${process.platform}-${process.arch}`, 'bin/node');
const stepNode = process.env.OAUTH_BROKER_TEST_NODE || (existsSync(actionNode) ? actionNode : process.execPath);
// The harness (__tests__/support/runner.ts, imported below) spawns its steps with the same Node.
process.env.OAUTH_BROKER_TEST_NODE = stepNode;
const scratch = mkdtempSync(join(tmpdir(), 'bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** A fresh step environment: HOME and the file-command files in a new dir, inputs as INPUT_*. */
function stepEnv(inputs: Record<string, string>, extra: Record<string, string> = {}): Record<string, string> {
  const dir = mkdtempSync(join(scratch, 'step-'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    RUNNER_TEMP: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'octo/app',
  };
  for (const f of ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) {
    env[f] = join(dir, f);
    writeFileSync(env[f], '');
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return { ...env, ...extra };
}

function storedEnv(): Record<string, string> {
  const credentials = {
    claudeAiOauth: {
      accessToken: fakeToken('anthropic-access'),
      refreshToken: fakeToken('anthropic-refresh'),
      expiresAt: Date.now() + 8 * 3600_000,
      scopes: ['user:inference', 'user:profile'],
      subscriptionType: 'max',
    },
  };
  return stepEnv({ credentials: JSON.stringify(credentials) });
}

/** An ncc bundle (same flags as scripts/bundle.mjs) of an entry that loads @actions/core and reads one input. */
function bareCoreBundle(): string {
  const dir = mkdtempSync(join(scratch, 'bare-core-'));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(dir, 'entry.js'), "import * as core from '@actions/core';\ncore.getInput('x');\n");
  execFileSync('npx', ['ncc', 'build', join(dir, 'entry.js'), '-o', join(dir, 'out'), '--minify', '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  });
  return join(dir, 'out', 'index.js');
}

/** One run's wall time; `quiet` drops its stderr too (the CLI's human lines). */
function time(args: string[], env: Record<string, string>, quiet = false): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(stepNode, args, { env, stdio: ['ignore', 'ignore', quiet ? 'ignore' : 'inherit'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return ms;
}

/** As time(), without blocking this process: the stand-ins answer from its event loop. */
function timeAsync(args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(stepNode, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code === 0) resolve(ms);
      else reject(new Error(`${args.join(' ')} exited ${code}: ${out.match(/::error::.*/)?.[0] ?? ''}`));
    });
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const row = (label: string, value: string): void => console.log(`  ${label.padEnd(30)} ${value}`);
const ms = (xs: number[]): string => `median ${median(xs).toFixed(1).padStart(6)} ms`;
const ratio = (a: number[], b: number[]): string => `${(median(a) / median(b)).toFixed(2)}x`;

const load = (): string => loadavg()[0].toFixed(1);
const loadAtStart = load();
const version = spawnSync(stepNode, ['-p', 'process.version'], { encoding: 'utf8' }).stdout.trim();
if (!version.startsWith('v24.')) {
  console.log(`node ${version} is not the action's runtime (Node 24): npm ci --prefix .ci/node24 to time that one.\n`);
}
const bareCore = bareCoreBundle();
const env = storedEnv();
const main = join(root, 'dist/main/index.js');
time([main], env); // warm the file cache
time([bareCore], env);
const outputs = readFileSync(env.GITHUB_OUTPUT, 'utf8');
if (!/source<<\S+\nstored\n/.test(outputs)) throw new Error('the hot-path run did not report source: stored');

const bare: number[] = [];
const core: number[] = [];
const stored: number[] = [];
for (let i = 0; i < RUNS; i++) {
  bare.push(time(['-e', '0'], { PATH: env.PATH }));
  core.push(time([bareCore], env));
  stored.push(time([main], env));
}
const verdict = median(stored) / median(core) <= TARGET ? 'met' : 'NOT met';
console.log(`hot path (stored token valid), ${RUNS} interleaved runs each, clean environment, node ${version}`);
row('node -e 0', ms(bare));
row('bare @actions/core bundle', ms(core));
row('dist/main, stored token', ms(stored));
row('stored / bare core', `${ratio(stored, core)}   target at most ${TARGET}x: ${verdict}`);
row('bare core / node -e 0', ratio(core, bare));
row('stored / node -e 0', ratio(stored, bare));

// The CLI's offline verbs: they load no HTTP client and no cache library, so they should cost
// little more than Node starting. Timed against a bare `node -e 0` in the same interleaving.
const STATUS_TARGET = 1.5;
const cli = join(root, 'dist/cli/index.js');
const credentialsFile = join(scratch, 'credentials.json');
writeFileSync(credentialsFile, env.INPUT_CREDENTIALS);
const keyFile = join(scratch, 'key.json');
writeFileSync(keyFile, JSON.stringify({ key_id: '1', key: randomBytes(32).toString('base64') }));
const cliRuns: Record<string, string[]> = {
  status: [cli, 'status', '--json', '--from', credentialsFile],
  seal: [cli, 'seal', '--key-file', keyFile, '--from', credentialsFile],
};
const cliEnv = { PATH: env.PATH, HOME: env.HOME };
for (const args of Object.values(cliRuns)) time(args, cliEnv, true);
const bareCli: number[] = [];
const cliTimes: Record<string, number[]> = Object.fromEntries(Object.keys(cliRuns).map((k) => [k, []]));
for (let i = 0; i < RUNS; i++) {
  bareCli.push(time(['-e', '0'], { PATH: env.PATH }));
  for (const [verb, args] of Object.entries(cliRuns)) cliTimes[verb].push(time(args, cliEnv, true));
}
console.log(`\nCLI, no network, ${RUNS} interleaved runs each`);
row('node -e 0', ms(bareCli));
for (const [verb, xs] of Object.entries(cliTimes)) {
  row(`oauth-broker ${verb}`, ms(xs));
  const target =
    verb === 'status'
      ? `   target at most ${STATUS_TARGET}x: ${median(xs) / median(bareCli) <= STATUS_TARGET ? 'met' : 'NOT met'}`
      : '';
  row(`${verb} / node -e 0`, `${ratio(xs, bareCli)}${target}`);
}

const { startStandIns, stopStandIns } = await import('../__tests__/support/stand-ins.js');
const { runAction, cleanupRuns } = await import('../__tests__/support/runner.js');
const PAT = 'github_pat_bench';

// BENCH_BASELINE=/path/to/another/dist/main/index.js times that build too, against the same stand-ins
// in the same interleaving: "before and after" in one run.
const builds: Record<string, string> = { 'dist/main': main };
const SECRET_NAME = 'CLAUDE_CREDENTIALS';
if (process.env.BENCH_BASELINE) builds.baseline = process.env.BENCH_BASELINE;

// The refresh path in its steady state: each run holds what the run before it wrote (mode: refresh),
// so it reads the secret (preflight), claims, checks it may write, refreshes, settles, writes the
// sealed rotation back and removes the claim that drops out. Each build has stand-ins of its own, whose
// GitHub clock this build moves: a baseline that stamps its values by the runner's clock keeps to it.
const refreshStandIns = Object.fromEntries(
  await Promise.all(Object.keys(builds).map(async (b) => [b, await startStandIns(PAT)] as const)),
);
try {
  const requests = (build: string): number => {
    const { oauth, gh, cache } = refreshStandIns[build];
    return gh.requests.length + oauth.requests.length + cache.requests.length;
  };
  for (const build of Object.keys(builds)) {
    const { oauth, gh } = refreshStandIns[build];
    const { refreshToken, accessToken } = oauth.issue(['user:inference']);
    const credentials = JSON.stringify({
      claudeAiOauth: { accessToken, refreshToken, expiresAt: Date.now() - 60_000, scopes: ['user:inference'] },
    });
    gh.setRepoSecret('octo/app', SECRET_NAME, credentials);
  }
  const refreshRun = async (build: string): Promise<{ ms: number; requests: number }> => {
    const { oauth, gh: github, cache } = refreshStandIns[build];
    const inputs = {
      credentials: github.repoSecret('octo/app', SECRET_NAME)!.value,
      mode: 'refresh',
      'secret-name': SECRET_NAME,
      'github-token': PAT,
      'github-api-url': github.url,
      'token-url': oauth.tokenUrl,
    };
    const e = stepEnv(inputs, cache.env('refs/heads/main'));
    // Three minutes apart on GitHub's clock, as jobs rotating one login are on a normal day: a rotation in a
    // burst (seconds after the one before) makes three requests more (docs/design.md, "Leftovers").
    if (build === 'dist/main') github.advance(3 * 60_000);
    const before = requests(build);
    const took = await timeAsync([builds[build]], e);
    const out = readFileSync(e.GITHUB_OUTPUT, 'utf8');
    if (!/source<<\S+\nrefreshed\n/.test(out) || !/secret-updated<<\S+\ntrue\n/.test(out)) {
      throw new Error(`a refresh run of ${build} did not report source: refreshed, secret-updated: true`);
    }
    return { ms: took, requests: requests(build) - before };
  };
  // Warm the file cache and the lazily loaded chunks, and reach the steady state (a value this build wrote).
  for (const build of Object.keys(builds)) for (let i = 0; i < 4; i++) await refreshRun(build);
  const bareAsync: number[] = [];
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(builds).map((b) => [b, []]));
  const counts: Record<string, number[]> = Object.fromEntries(Object.keys(builds).map((b) => [b, []]));
  for (let i = 0; i < RUNS; i++) {
    bareAsync.push(await timeAsync(['-e', '0'], { PATH: env.PATH }));
    for (const build of Object.keys(builds)) {
      const r = await refreshRun(build);
      times[build].push(r.ms);
      counts[build].push(r.requests);
    }
  }
  console.log(`\nrefresh path, steady state, loopback stand-ins, ${RUNS} interleaved runs each`);
  row('node -e 0', ms(bareAsync));
  for (const build of Object.keys(builds)) {
    row(`${build}, refresh`, ms(times[build]));
    row(`${build} / node -e 0`, ratio(times[build], bareAsync));
    row(`${build}, requests a run`, `median ${median(counts[build])} (GitHub, provider and cache together)`);
  }
  const reused = Object.values(refreshStandIns).reduce((n, si) => n + si.oauth.reuseCount, 0);
  row('provider reuse rejections', String(reused));
} finally {
  for (const si of Object.values(refreshStandIns)) await stopStandIns(si);
}

// Concurrency: 16 jobs start together holding one expired token; one refreshes, the others take its
// result from its claim (or, for a baseline that predates claims as variables, its shared store).
const JOBS = 16;
for (const build of Object.keys(builds)) {
  const standIns = await startStandIns(PAT);
  const { oauth, gh: github, cache } = standIns;
  try {
    const { refreshToken, accessToken } = oauth.issue(['user:inference']);
    const credentials = JSON.stringify({
      claudeAiOauth: { accessToken, refreshToken, expiresAt: Date.now() - 60_000, scopes: ['user:inference'] },
    });
    const SECRET = 'CLAUDE_CREDENTIALS';
    github.setRepoSecret('octo/app', SECRET, credentials);
    const started = performance.now();
    const walls = await Promise.all(
      Array.from({ length: JOBS }, async () => {
        const r = await runAction('main', {
          inputs: {
            credentials,
            'secret-name': SECRET,
            'github-token': PAT,
            'github-api-url': github.url,
            'token-url': oauth.tokenUrl,
          },
          env: cache.env('refs/heads/main'),
          timeoutMs: 120_000,
          script: builds[build],
        });
        if (r.code !== 0) throw new Error(`a job of ${build} failed: ${r.stdout.match(/::error::.*/)?.[0]}`);
        return performance.now() - started;
      }),
    );
    const s = (x: number): string => `${(x / 1000).toFixed(1)} s`;
    console.log(`\n${JOBS} concurrent jobs of ${build}, one expired token, default inputs`);
    row('provider calls', `${oauth.requests.length} (reuse rejections: ${oauth.reuseCount})`);
    row('slowest job', `${s(Math.max(...walls))} wall (fastest ${s(Math.min(...walls))})`);
  } finally {
    await stopStandIns(standIns);
  }
}
/** A bare streaming forwarder to `upstream` on the step's Node, with the proxy's V8 flags (src/proxy/launch.ts). */
async function bareForwarder(upstream: string): Promise<{ url: string; pid: number; child: ChildProcess }> {
  const code = `
    const http = require('node:http');
    const up = new URL(process.argv[1]);
    http.createServer((req, res) => {
      const to = { host: up.hostname, port: up.port, path: req.url, method: req.method, headers: req.headers };
      const out = http.request(to, (answer) => { res.writeHead(answer.statusCode, answer.headers); answer.pipe(res); });
      req.pipe(out);
    }).listen(0, '127.0.0.1', function () { console.log(this.address().port); });`;
  const child = spawn(stepNode, ['--no-opt', '--no-maglev', '-e', code, upstream], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve) =>
    child.stdout.once('data', (d: Buffer) => resolve(String(d).trim())),
  );
  return { url: `http://127.0.0.1:${port}`, pid: child.pid as number, child };
}

// The credential proxy (proxy: true) as dist/main starts it: the first byte of a streamed answer through
// it against straight from the upstream, interleaved, then its memory (VmRSS) before and after 1,000 more.
{
  const { startUpstream } = await import('../__tests__/support/upstream.js');
  const standIns = await startStandIns(PAT);
  const upstream = await startUpstream();
  upstream.handler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('event: message_start\ndata: {}\n\n');
    setTimeout(() => res.end('event: message_stop\ndata: {}\n\n'), 20);
  };
  try {
    const { oauth, gh: github } = standIns;
    const { refreshToken, accessToken } = oauth.issue(['user:inference']);
    const credentials = JSON.stringify({
      claudeAiOauth: { accessToken, refreshToken, expiresAt: Date.now() + 8 * 3_600_000, scopes: ['user:inference'] },
    });
    github.setRepoSecret('octo/app', 'CLAUDE_CREDENTIALS', credentials);
    const inputs = {
      credentials,
      proxy: 'true',
      'proxy-upstream': upstream.url,
      'secret-name': 'CLAUDE_CREDENTIALS',
      'github-token': PAT,
      'github-api-url': github.url,
      'token-url': oauth.tokenUrl,
    };
    const started = await runAction('main', { inputs });
    if (started.code !== 0) throw new Error(`proxy: true failed: ${started.stdout.match(/::error::.*/)?.[0]}`);
    const pid = (JSON.parse(started.state['oauth-broker-proxy'].replace(/^v1\.[0-9a-f]+\./, '')) as { pid: number })
      .pid;
    const firstByte = async (base: string, token: string): Promise<number> => {
      const t = performance.now();
      const res = await fetch(`${base}/v1/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{"stream":true}',
      });
      const reader = res.body!.getReader();
      await reader.read();
      const took = performance.now() - t;
      while (!(await reader.read()).done);
      if (res.status !== 200) throw new Error(`${base} answered ${res.status}`);
      return took;
    };
    const rss = (of: number): number =>
      Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${of}/status`, 'utf8'))?.[1]) / 1024;
    // The floor for the memory figure: a forwarder of a dozen lines on the same Node, with the proxy's flags.
    const bare = await bareForwarder(upstream.url);
    const direct: number[] = [];
    const proxied: number[] = [];
    for (let i = 0; i < 20; i++) {
      await firstByte(started.outputs['proxy-url'], started.env.CLAUDE_CODE_OAUTH_TOKEN);
      await firstByte(bare.url, accessToken);
    }
    const before = process.platform === 'linux' ? rss(pid) : Number.NaN;
    const bareBefore = process.platform === 'linux' ? rss(bare.pid) : Number.NaN;
    for (let i = 0; i < 1000; i++) {
      direct.push(await firstByte(upstream.url, accessToken));
      proxied.push(await firstByte(started.outputs['proxy-url'], started.env.CLAUDE_CODE_OAUTH_TOKEN));
      await firstByte(bare.url, accessToken);
    }
    const after = { proxy: rss(pid), bare: rss(bare.pid) };
    bare.child.kill();
    const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
    console.log('\ncredential proxy, streamed answers (first byte), 1,000 interleaved requests each');
    row('straight to upstream', `${ms(direct)}, p95 ${p95(direct).toFixed(2)} ms`);
    row('through the proxy', `${ms(proxied)}, p95 ${p95(proxied).toFixed(2)} ms`);
    row('added by the proxy', `median ${(median(proxied) - median(direct)).toFixed(2)} ms (target at most 2 ms)`);
    row('proxy memory (VmRSS)', `${before.toFixed(1)} MB after 20 requests, ${after.proxy.toFixed(1)} MB after 1,020`);
    row(
      'bare Node forwarder (VmRSS)',
      `${bareBefore.toFixed(1)} MB after 20 requests, ${after.bare.toFixed(1)} MB after 1,020`,
    );
    const post = await runAction('post', {
      inputs,
      home: started.home,
      runnerTemp: started.runnerTemp,
      state: started.state,
      env: started.env,
    });
    if (post.code !== 0) throw new Error('the post step did not stop the proxy');
  } finally {
    await upstream.close();
    await stopStandIns(standIns);
  }
}
await cleanupRuns();
console.log(`\nload average ${loadAtStart} at the start, ${load()} at the end, ${availableParallelism()} cores`);
