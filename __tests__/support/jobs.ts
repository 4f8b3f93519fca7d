// Jobs that hold a Claude Code login stored in CLAUDE_CREDENTIALS of octo/app, run in-process against
// the stand-ins (support/step.ts): the seed, the inputs a job is given, what the secret and the claims
// beside it hold, and the invariant every topology keeps. For the files about claims between jobs.
import type { RunResult } from './runner.js';
import { fakeToken } from './fake-tokens.js';
import { HOUR, REPO, SECRET, type StandIns, useStandIns } from './stand-ins.js';
import { runStep, type Clock, type StepOptions } from './step.js';

export type Where = { repo: string } | { org: string } | { repo: string; env: string };

export interface Seeded {
  credentials: string;
  refreshToken: string;
  accessToken: string;
}

export interface JobOptions {
  ref?: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  clock?: Clock;
  /** Without the Actions cache (GHES, or a runner without the service). */
  noCache?: boolean;
  step?: Partial<StepOptions>;
}

/** The helpers over the stand-ins `si`, whose GitHub knows `pat`. */
export function jobs(si: StandIns, pat: string) {
  /** A new login of `scopes` as Claude Code writes it, its access token expiring in `ttlMs`, with `more` fields. */
  function login(scopes: string[], ttlMs: number, more: Record<string, string> = {}): Seeded {
    const { refreshToken, accessToken } = si.oauth.issue(scopes);
    const claudeAiOauth = { accessToken, refreshToken, expiresAt: Date.now() + ttlMs, scopes, ...more };
    return { credentials: JSON.stringify({ claudeAiOauth }), refreshToken, accessToken };
  }

  /** A login whose access token has `ttlMs` left (expired by default), stored where `where` says. */
  function seed(where: Where = { repo: REPO }, ttlMs = -HOUR): Seeded {
    const s = login(['user:inference'], ttlMs);
    if ('org' in where) si.gh.setOrgSecret(where.org, SECRET, s.credentials, 'selected', [4242, 4343]);
    else if ('env' in where) si.gh.setEnvSecret(where.repo, where.env, SECRET, s.credentials);
    else si.gh.setRepoSecret(where.repo, SECRET, s.credentials);
    return s;
  }

  /** A Max login as Claude Code writes it (plan and tier too), kept by `store` (the repository secret by default). */
  function seedMax(ttlMs: number, store = (v: string): void => si.gh.setRepoSecret(REPO, SECRET, v)): Seeded {
    const s = login(['user:inference', 'user:profile'], ttlMs, {
      subscriptionType: 'max',
      rateLimitTier: 'default_claude_max_20x',
    });
    store(s.credentials);
    return s;
  }

  /** The Claude Code login in the repository secret: its two tokens, and the whole claudeAiOauth. */
  function tokensInSecret(): { accessToken: string; refreshToken: string; doc: Record<string, unknown> } {
    const doc = JSON.parse(si.gh.repoSecret(REPO, SECRET)!.value) as {
      claudeAiOauth: { accessToken: string; refreshToken: string };
    };
    return { ...doc.claudeAiOauth, doc: doc.claudeAiOauth };
  }

  function stored(where: Where = { repo: REPO }): string {
    if ('org' in where) return si.gh.orgSecret(where.org, SECRET)!.value;
    if ('env' in where) return si.gh.envSecret(where.repo, where.env, SECRET)!.value;
    return si.gh.repoSecret(where.repo, SECRET)!.value;
  }

  const refreshTokenIn = (value: string): string =>
    (JSON.parse(value) as { claudeAiOauth: { refreshToken: string } }).claudeAiOauth.refreshToken;

  function inputs(credentials: string, extra: Record<string, string> = {}): Record<string, string> {
    return {
      credentials,
      'secret-name': SECRET,
      'github-token': pat,
      'github-api-url': si.gh.url,
      'token-url': si.oauth.tokenUrl,
      ...extra,
    };
  }

  /** A main step in-process on `ref` (main by default), with the cache scoped to it. */
  function job(credentials: string, o: JobOptions = {}): Promise<RunResult> {
    return runStep('main', {
      inputs: inputs(credentials, o.inputs),
      env: { ...(o.noCache ? {} : si.cache.env(o.ref ?? 'refs/heads/main')), ...o.env },
      ...(o.clock ? { clock: o.clock } : {}),
      ...o.step,
    });
  }

  /** `times` refresh jobs, each on what the last stored, GitHub's clock `apartMs` on before each; all succeed. */
  async function rotate(times: number, apartMs: number): Promise<void> {
    for (let i = 0; i < times; i++) {
      si.gh.advance(apartMs);
      expectSuccess(await job(stored(), { inputs: { mode: 'refresh' } }));
    }
  }

  /** The claims beside a secret: the broker's variables there. */
  const claimsAt = (where: Where = { repo: REPO }): string[] =>
    si.gh.variableNames(where).filter((n) => n.startsWith('OAUTH_BROKER_'));

  /** The invariant, whatever the topology: nothing spent was presented, and the live token is in the secret. */
  function expectLoginKept(where: Where = { repo: REPO }): void {
    expect(si.oauth.reuseCount).toBe(0);
    expect(si.oauth.isLive(refreshTokenIn(stored(where)))).toBe(true);
  }

  return { seed, seedMax, tokensInSecret, stored, refreshTokenIn, inputs, job, rotate, claimsAt, expectLoginKept };
}

/** A file of main and post step tests: the stand-ins without a cache, a job token GitHub knows, a Max login. */
export function useMaxLoginJob(pat: string) {
  const si = useStandIns(pat, { cache: false });
  const JOB_TOKEN = fakeToken('app-token');
  beforeEach(() => si.gh.addToken(JOB_TOKEN, { kind: 'job' }));
  const j = jobs(si, pat);
  const inputs = (s: Seeded, extra: Record<string, string> = {}): Record<string, string> =>
    j.inputs(s.credentials, extra);
  return { si, JOB_TOKEN, seed: j.seedMax, inputs, tokensInSecret: j.tokensInSecret };
}

/** GitHub answers 502 to the next five writes of the secret: more than the write-back's retries. */
export function failSecretWrites(si: StandIns): void {
  for (let i = 0; i < 5; i++)
    si.gh.faults.push({
      method: 'PUT',
      pathIncludes: `secrets/${SECRET}`,
      status: 502,
      body: '{"message":"Bad Gateway"}',
    });
}

export const errorOf = (r: RunResult): string => r.stdout.match(/^::error::(.*)$/m)?.[1] ?? '';

/** The harness has checked the run leaks nothing; this is the one line it fails with. */
export function expectOneCleanLine(r: RunResult, message: RegExp): void {
  expect(r.code).toBe(1);
  expect(errorOf(r)).toMatch(message);
  expect(r.stdout.match(/^::error::/gm)).toHaveLength(1);
  expect(r.stdout).not.toMatch(/\n\s+at /);
}

/** The one ::error:: line of a failed run, unescaped. */
export function errorLine(r: RunResult): string {
  const lines = r.stdout.split('\n').filter((l) => l.startsWith('::error::'));
  expect(lines).toHaveLength(1);
  return lines[0].slice('::error::'.length).replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
}

/** The harness has checked the run leaks nothing; this is the one line it fails with, and stderr is empty. */
export function expectCleanFailure(r: RunResult, message: RegExp): void {
  expect(r.code).toBe(1);
  expect(errorLine(r)).toMatch(message);
  expect(r.stderr).toBe('');
  expect(r.stdout).not.toMatch(/\n\s+at /); // no stack trace
}

/** Resolves once `done()` holds, polled every `everyMs` 400 times at most: the test's bound, not a timing check. */
export async function until(done: () => boolean, everyMs = 25): Promise<void> {
  for (let i = 0; i < 400 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, everyMs));
  expect(done()).toBe(true);
}

export function expectSuccess(r: RunResult): void {
  expect({ code: r.code, error: errorOf(r) }).toEqual({ code: 0, error: '' });
}

/** Presents a Claude Code refresh token at the token endpoint, as Claude Code does (spending it). */
export function presentRefreshToken(tokenUrl: string, refreshToken: string): Promise<Response> {
  return fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: '9d1c250a-e61b-44d9-88ed-5944d1962f5e',
    }),
  });
}

/**
 * A Claude Code CLI that refreshes by itself, as Claude Code does: presents the refresh token at the
 * token endpoint, and rewrites its credentials file with the rotation. The tokens it was given.
 */
export async function cliRefreshes(
  tokenUrl: string,
  path: string,
  refreshToken: string,
): Promise<{ access_token: string; refresh_token: string }> {
  const { readFileSync, writeFileSync } = await import('node:fs');
  const file = JSON.parse(readFileSync(path, 'utf8')) as { claudeAiOauth: Record<string, unknown> };
  const res = await presentRefreshToken(tokenUrl, refreshToken);
  const t = (await res.json()) as { access_token: string; refresh_token: string; expires_in: number };
  const rotated = {
    ...file.claudeAiOauth,
    accessToken: t.access_token,
    refreshToken: t.refresh_token,
    expiresAt: Date.now() + t.expires_in * 1000,
  };
  writeFileSync(path, JSON.stringify({ claudeAiOauth: rotated }));
  return t;
}
