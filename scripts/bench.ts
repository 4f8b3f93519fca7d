// npm run bench: the hot path (stored access token still valid) against a bare
// `node -e 0`, interleaved, medians, both in a clean environment: NODE_OPTIONS and
// NODE_EXTRA_CA_CERTS add tens of milliseconds to every node start.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeToken } from '../__tests__/support/fake-tokens.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const root = join(import.meta.dirname, '..');

function runnerEnv(): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'octo/app',
  };
  for (const f of ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) {
    env[f] = join(dir, f);
    writeFileSync(env[f], '');
  }
  const credentials = {
    claudeAiOauth: {
      accessToken: fakeToken('anthropic-access'),
      refreshToken: fakeToken('anthropic-refresh'),
      expiresAt: Date.now() + 8 * 3600_000,
      scopes: ['user:inference', 'user:profile'],
      subscriptionType: 'max',
    },
  };
  env.INPUT_CREDENTIALS = JSON.stringify(credentials);
  return env;
}

function time(args: string[], env: Record<string, string>): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return ms;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const env = runnerEnv();
const main = join(root, 'dist/main/index.js');
time([main], env); // warm the file cache
const outputs = readFileSync(env.GITHUB_OUTPUT, 'utf8');
if (!/source<<\S+\nstored\n/.test(outputs)) throw new Error('the hot-path run did not report source: stored');

const bare: number[] = [];
const action: number[] = [];
for (let i = 0; i < RUNS; i++) {
  bare.push(time(['-e', '0'], { PATH: env.PATH }));
  action.push(time([main], env));
}
const b = median(bare);
const a = median(action);
console.log(`hot path (stored token valid), ${RUNS} interleaved runs each, clean environment, node ${process.version}`);
console.log(`  node -e 0        median ${b.toFixed(1)} ms`);
console.log(`  dist/main        median ${a.toFixed(1)} ms`);
console.log(`  ratio            ${(a / b).toFixed(2)}x`);

// Concurrency: 16 jobs start together holding one expired token; one refreshes, the
// others take its result from the shared store.
const { startStandIns, stopStandIns } = await import('../__tests__/support/stand-ins.js');
const { runAction, cleanupRuns } = await import('../__tests__/support/runner.js');
const JOBS = 16;
const standIns = await startStandIns('github_pat_bench');
const { oauth, gh: github, cache } = standIns;
try {
  const { refreshToken, accessToken } = oauth.issue(['user:inference']);
  const credentials = JSON.stringify({
    claudeAiOauth: { accessToken, refreshToken, expiresAt: Date.now() - 60_000, scopes: ['user:inference'] },
  });
  github.setRepoSecret('octo/app', 'CLAUDE_CREDENTIALS', credentials);
  const started = performance.now();
  const walls = await Promise.all(
    Array.from({ length: JOBS }, async () => {
      const r = await runAction('main', {
        inputs: {
          credentials,
          'secret-name': 'CLAUDE_CREDENTIALS',
          'github-token': 'github_pat_bench',
          'github-api-url': github.url,
          'token-url': oauth.tokenUrl,
        },
        env: { ...cache.env('refs/heads/main'), OAUTH_BROKER_POLL_MS: '500' },
        timeoutMs: 120_000,
      });
      if (r.code !== 0) throw new Error(`a job failed: ${r.stdout.match(/::error::.*/)?.[0]}`);
      return performance.now() - started;
    }),
  );
  console.log(`\n${JOBS} concurrent jobs, one expired token, shared store on (poll 500 ms)`);
  console.log(`  provider calls   ${oauth.requests.length} (reuse rejections: ${oauth.reuseCount})`);
  console.log(
    `  slowest job      ${(Math.max(...walls) / 1000).toFixed(1)} s wall ` +
      `(fastest ${(Math.min(...walls) / 1000).toFixed(1)} s)`,
  );
} finally {
  await stopStandIns(standIns);
  await cleanupRuns();
}
