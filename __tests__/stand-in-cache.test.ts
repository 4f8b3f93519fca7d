/**
 * The cache-service stand-in, driven by the REAL `@actions/cache` (imported into the jest
 * process). `@actions/cache` reads its env (ACTIONS_CACHE_SERVICE_V2, ACTIONS_RESULTS_URL,
 * ACTIONS_RUNTIME_TOKEN, RUNNER_TEMP, GITHUB_WORKSPACE, PATH for tar/zstd) at call time,
 * so each call runs inside `job(env, fn)`, which sets process.env and restores it after.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { restoreCache, saveCache } from '@actions/cache';
import { BlockBlobClient } from '@azure/storage-blob';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { startCacheServer, type CacheServer } from './support/cache-server.js';

const TWIRP = '/twirp/github.actions.results.api.v1.CacheService/';

let server: CacheServer;
let root: string;
let runnerTemp: string;
let workspace: string;

/** Variables that would change @actions/cache's behaviour if inherited from the host. */
const SCRUBBED = [
  'ACTIONS_CACHE_MODE',
  'ACTIONS_CACHE_URL',
  'RUNNER_DEBUG',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'http_proxy',
  'https_proxy',
];

interface JobResult<T> {
  value: T;
  /** Everything @actions/core printed (info lines, ::warning::, ::debug::, ::add-mask::). */
  output: string;
}

/** Runs `fn` as a job step would: env applied to process.env, stdout captured, both restored after. */
async function job<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<JobResult<T>> {
  const vars: Record<string, string> = { RUNNER_TEMP: runnerTemp, GITHUB_WORKSPACE: workspace, ...env };
  const saved = new Map<string, string | undefined>();
  for (const name of [...SCRUBBED, ...Object.keys(vars)]) saved.set(name, process.env[name]);
  for (const name of SCRUBBED) delete process.env[name];
  Object.assign(process.env, vars);
  let output = '';
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array): boolean => {
    output += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write;
  try {
    const value = await fn();
    return { value, output };
  } finally {
    process.stdout.write = write;
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** A fresh directory under the workspace holding `files` (relative name → content). */
async function fixture(files: Record<string, string | Buffer>): Promise<string> {
  const dir = join(workspace, randomUUID());
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}

function twirpCalls(since: number): string[] {
  return server.requests
    .slice(since)
    .map(
      (r) =>
        `${r.method} ${
          r.path.startsWith(TWIRP)
            ? r.path.slice(TWIRP.length)
            : r.path.replace(/^\/blob\/actions-cache\/[^?]+/, '<blob>')
        } ${r.status}`,
    );
}

beforeAll(async () => {
  server = await startCacheServer();
  root = await mkdtemp(join(tmpdir(), 'cache-server-test-'));
  runnerTemp = join(root, 'runner-temp');
  workspace = join(root, 'workspace');
  await mkdir(runnerTemp, { recursive: true });
  await mkdir(workspace, { recursive: true });
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('cache server with the real @actions/cache', () => {
  test('save then restore round-trips file content (Put Blob upload, plain GET download)', async () => {
    const payload = randomBytes(64 * 1024);
    const dir = await fixture({ 'a.txt': 'hello cache\n', 'nested/b.bin': payload });
    const key = `roundtrip-${randomUUID()}`;
    const mark = server.requests.length;

    const saved = await job(server.env(), () => saveCache([dir], key));
    expect(saved.value).toBeGreaterThan(0);
    expect(twirpCalls(mark)).toEqual([
      'POST CreateCacheEntry 200',
      'PUT <blob> 201',
      'POST FinalizeCacheEntryUpload 200',
    ]);
    const entry = server.entries().find((e) => e.key === key);
    expect(entry).toMatchObject({ scope: 'refs/heads/main', finalized: true });
    expect(entry!.size).toBeGreaterThan(0);

    await rm(dir, { recursive: true });
    const mark2 = server.requests.length;
    const restored = await job(server.env(), () => restoreCache([dir], key));
    expect(restored.value).toBe(key);
    expect(twirpCalls(mark2)).toEqual(['POST GetCacheEntryDownloadURL 200', 'GET <blob> 200']);
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('hello cache\n');
    expect((await readFile(join(dir, 'nested/b.bin'))).equals(payload)).toBe(true);
  });

  test('@actions/cache reads its env at call time: the same module instance talks to two servers', async () => {
    const other = await startCacheServer();
    try {
      const dir = await fixture({ 'x.txt': 'x' });
      const key = `env-${randomUUID()}`;
      expect((await job(other.env(), () => saveCache([dir], key))).value).toBeGreaterThan(0);
      expect(other.entries().map((e) => e.key)).toEqual([key]);
      expect(server.entries().some((e) => e.key === key)).toBe(false);
      expect((await job(server.env(), () => restoreCache([dir], key))).value).toBeUndefined();
      expect((await job(other.env(), () => restoreCache([dir], key))).value).toBe(key);
    } finally {
      await other.close();
    }
  });

  test('a second save of the same key returns -1 (409 already_exists) and leaves the first content', async () => {
    const dir = await fixture({ 'v.txt': 'first' });
    const key = `immutable-${randomUUID()}`;
    expect((await job(server.env(), () => saveCache([dir], key))).value).toBeGreaterThan(0);

    await writeFile(join(dir, 'v.txt'), 'second');
    const mark = server.requests.length;
    const second = await job(server.env(), () => saveCache([dir], key));
    expect(second.value).toBe(-1);
    expect(second.output).toContain(`Unable to reserve cache with key ${key}, another job may be creating this cache.`);
    expect(twirpCalls(mark)).toEqual(['POST CreateCacheEntry 409']);
    expect(server.entries().filter((e) => e.key === key)).toHaveLength(1);

    await rm(dir, { recursive: true });
    expect((await job(server.env(), () => restoreCache([dir], key))).value).toBe(key);
    expect(await readFile(join(dir, 'v.txt'), 'utf8')).toBe('first');
  });

  test('two concurrent saves of one key: the first reservation wins even before it is finalized', async () => {
    const dir = await fixture({ 'c.txt': 'concurrent' });
    const key = `race-${randomUUID()}`;
    // hold the winner's upload so the loser's reservation certainly arrives before the finalize
    server.faults.push({ route: 'upload', delayMs: 500 });
    const mark = server.requests.length;
    const { value } = await job(server.env(), () => Promise.all([saveCache([dir], key), saveCache([dir], key)]));

    expect(value.filter((id) => id > 0)).toHaveLength(1);
    expect(value.filter((id) => id === -1)).toHaveLength(1);
    const calls = twirpCalls(mark);
    expect(calls.filter((c) => c === 'POST CreateCacheEntry 200')).toHaveLength(1);
    expect(calls.indexOf('POST CreateCacheEntry 409')).toBeGreaterThanOrEqual(0);
    expect(calls.indexOf('POST CreateCacheEntry 409')).toBeLessThan(calls.indexOf('POST FinalizeCacheEntryUpload 200'));
    expect(server.entries().filter((e) => e.key === key)).toEqual([
      expect.objectContaining({ scope: 'refs/heads/main', finalized: true }),
    ]);
  });

  test('an unfinalized reservation is invisible to restore and still blocks other saves', async () => {
    const dir = await fixture({ 'u.txt': 'unfinalized' });
    const key = `reserved-${randomUUID()}`;
    server.faults.push({
      route: 'FinalizeCacheEntryUpload',
      status: 403,
      body: '{"code":"permission_denied","msg":"injected"}',
    });
    const first = await job(server.env(), () => saveCache([dir], key));
    expect(first.value).toBe(-1);
    expect(first.output).toContain('::warning::Failed to save');
    expect(server.entries().filter((e) => e.key === key)).toEqual([expect.objectContaining({ finalized: false })]);

    expect((await job(server.env(), () => restoreCache([dir], key))).value).toBeUndefined();
    const again = await job(server.env(), () => saveCache([dir], key));
    expect(again.value).toBe(-1);
    expect(again.output).toContain('another job may be creating this cache');
  });

  test('a prefix restore-key finds the newest entry; an exact key match wins over prefixes', async () => {
    const dir = await fixture({ 'p.txt': 'one' });
    const prefix = `deps-${randomUUID()}-`;
    expect((await job(server.env(), () => saveCache([dir], `${prefix}1`))).value).toBeGreaterThan(0);
    await writeFile(join(dir, 'p.txt'), 'two');
    expect((await job(server.env(), () => saveCache([dir], `${prefix}2`))).value).toBeGreaterThan(0);

    await rm(dir, { recursive: true });
    const byPrefix = await job(server.env(), () => restoreCache([dir], `${prefix}missing`, ['nothing-', prefix]));
    expect(byPrefix.value).toBe(`${prefix}2`);
    expect(await readFile(join(dir, 'p.txt'), 'utf8')).toBe('two');

    await rm(dir, { recursive: true });
    const exact = await job(server.env(), () => restoreCache([dir], `${prefix}1`, [prefix]));
    expect(exact.value).toBe(`${prefix}1`);
    expect(await readFile(join(dir, 'p.txt'), 'utf8')).toBe('one');

    // the version hashes the path list: other paths never match
    const elsewhere = join(workspace, randomUUID());
    expect((await job(server.env(), () => restoreCache([elsewhere], `${prefix}1`, [prefix]))).value).toBeUndefined();
  });

  test('scopes: a feature branch is private to itself; the default branch readable by all; own ref first', async () => {
    const dir = await fixture({ 's.txt': 'feature' });
    const featureKey = `scoped-${randomUUID()}`;
    expect((await job(server.env('refs/heads/feature'), () => saveCache([dir], featureKey))).value).toBeGreaterThan(0);
    expect(server.entries().find((e) => e.key === featureKey)?.scope).toBe('refs/heads/feature');

    expect((await job(server.env('refs/heads/other'), () => restoreCache([dir], featureKey))).value).toBeUndefined();
    expect((await job(server.env('refs/heads/main'), () => restoreCache([dir], featureKey))).value).toBeUndefined();
    expect((await job(server.env('refs/heads/feature'), () => restoreCache([dir], featureKey))).value).toBe(featureKey);

    const sharedKey = `shared-${randomUUID()}`;
    await writeFile(join(dir, 's.txt'), 'main');
    expect((await job(server.env('refs/heads/main'), () => saveCache([dir], sharedKey))).value).toBeGreaterThan(0);
    await rm(dir, { recursive: true });
    expect((await job(server.env('refs/heads/other'), () => restoreCache([dir], sharedKey))).value).toBe(sharedKey);
    expect(await readFile(join(dir, 's.txt'), 'utf8')).toBe('main');

    // the same key on the feature branch is a separate entry, and the feature job prefers it
    await writeFile(join(dir, 's.txt'), 'feature copy');
    expect((await job(server.env('refs/heads/feature'), () => saveCache([dir], sharedKey))).value).toBeGreaterThan(0);
    expect(
      server
        .entries()
        .filter((e) => e.key === sharedKey)
        .map((e) => e.scope)
        .sort(),
    ).toEqual(['refs/heads/feature', 'refs/heads/main']);
    await rm(dir, { recursive: true });
    expect((await job(server.env('refs/heads/feature'), () => restoreCache([dir], sharedKey))).value).toBe(sharedKey);
    expect(await readFile(join(dir, 's.txt'), 'utf8')).toBe('feature copy');

    // a non-default default branch
    await rm(dir, { recursive: true });
    const trunk = server.env('refs/heads/other', { defaultBranch: 'feature' });
    expect((await job(trunk, () => restoreCache([dir], featureKey))).value).toBe(featureKey);
  });

  test('a read-only token (untrusted trigger, fork-like) cannot save: 200 ok:false "cache write denied"', async () => {
    const dir = await fixture({ 'r.txt': 'readable' });
    const key = `readonly-${randomUUID()}`;
    expect((await job(server.env('refs/heads/main'), () => saveCache([dir], key))).value).toBeGreaterThan(0);

    const readOnly = server.env('refs/heads/main', { readOnlyRefs: ['refs/heads/main'] });
    const mark = server.requests.length;
    const denied = await job(readOnly, () => saveCache([dir], `${key}-new`));
    expect(denied.value).toBe(-1);
    expect(denied.output).toContain(
      `::warning::Failed to save: Unable to reserve cache with key ${key}-new. ` +
        'More details: cache write denied: token has no writable scopes',
    );
    expect(twirpCalls(mark)).toEqual(['POST CreateCacheEntry 200']);
    expect(server.entries().some((e) => e.key === `${key}-new`)).toBe(false);

    await rm(dir, { recursive: true });
    expect((await job(readOnly, () => restoreCache([dir], key))).value).toBe(key);
    expect(await readFile(join(dir, 'r.txt'), 'utf8')).toBe('readable');
  });

  test('without zstd on PATH @actions/cache uses gzip, a different version of the same key', async () => {
    const bin = join(root, 'bin-no-zstd');
    await mkdir(bin, { recursive: true });
    for (const tool of ['tar', 'gzip']) {
      const target = ['/usr/bin', '/bin'].map((d) => join(d, tool)).find((p) => existsSync(p));
      if (!target) throw new Error(`${tool} not found`);
      if (!existsSync(join(bin, tool))) await symlink(target, join(bin, tool));
    }
    const noZstd = { ...server.env(), PATH: bin };
    const dir = await fixture({ 'g.txt': 'gzip' });
    const key = `gzip-${randomUUID()}`;
    const saved = await job(noZstd, () => saveCache([dir], key));
    expect(saved.value).toBeGreaterThan(0);
    await rm(dir, { recursive: true });
    expect((await job(noZstd, () => restoreCache([dir], key))).value).toBe(key);
    expect(await readFile(join(dir, 'g.txt'), 'utf8')).toBe('gzip');

    const hasZstd = (process.env.PATH ?? '').split(delimiter).some((d) => existsSync(join(d, 'zstd')));
    if (hasZstd) {
      // the zstd archive of the same paths is another version: it neither collides nor matches
      expect((await job(server.env(), () => restoreCache([dir], key))).value).toBeUndefined();
      expect((await job(server.env(), () => saveCache([dir], key))).value).toBeGreaterThan(0);
      expect(
        new Set(
          server
            .entries()
            .filter((e) => e.key === key)
            .map((e) => e.version),
        ).size,
      ).toBe(2);
    }
  });

  test('faults: a failing lookup and a rate-limited reservation are logged, never thrown', async () => {
    const dir = await fixture({ 'f.txt': 'fault' });
    const key = `fault-${randomUUID()}`;
    server.faults.push({ route: 'CreateCacheEntry', status: 429, headers: { 'retry-after': '60' } });
    const limited = await job(server.env(), () => saveCache([dir], key));
    expect(limited.value).toBe(-1);
    expect(limited.output).toContain('rate limit');
    expect(server.entries().some((e) => e.key === key)).toBe(false);

    expect((await job(server.env(), () => saveCache([dir], key))).value).toBeGreaterThan(0);
    server.faults.push({ route: 'GetCacheEntryDownloadURL', status: 403 });
    const failed = await job(server.env(), () => restoreCache([dir], key));
    expect(failed.value).toBeUndefined();
    expect(failed.output).toContain('::warning::Failed to restore');

    server.faults.push({ route: 'download', status: 404 });
    const missing = await job(server.env(), () => restoreCache([dir], key));
    expect(missing.value).toBeUndefined();
    expect(server.faults).toEqual([]);
  });
});

describe('cache server protocol details', () => {
  async function twirp(
    method: string,
    body: unknown,
    token?: string,
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token !== undefined) headers.Authorization = `Bearer ${token}`;
    const res = await fetch(new URL(`${TWIRP.slice(1)}${method}`, server.url), {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  test('the runtime token is a well-formed JWT whose ac claim lists scopes like GitHub', () => {
    const env = server.env('refs/pull/7/merge', { readOnlyRefs: ['refs/heads/release'], defaultBranch: 'trunk' });
    expect(env).toMatchObject({
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RESULTS_URL: server.url,
      GITHUB_REF: 'refs/pull/7/merge',
    });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const [header, payload, signature] = env.ACTIONS_RUNTIME_TOKEN!.split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ typ: 'JWT', alg: 'none' });
    expect(signature).toBe('');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as { ac: string; exp: number };
    expect(JSON.parse(claims.ac)).toEqual([
      { Scope: 'refs/pull/7/merge', Permission: 3 },
      { Scope: 'refs/heads/release', Permission: 1 },
      { Scope: 'refs/heads/trunk', Permission: 1 },
    ]);
    expect(claims.exp).toBeGreaterThan(Date.now() / 1000);
  });

  test('twirp errors: no token → 401 unauthenticated; no readable scope → 403 "cache read denied:"', async () => {
    expect(await twirp('GetCacheEntryDownloadURL', { key: 'k', version: 'v' })).toMatchObject({
      status: 401,
      json: { code: 'unauthenticated' },
    });
    const noScopes = [
      Buffer.from('{"typ":"JWT","alg":"none"}').toString('base64url'),
      Buffer.from(JSON.stringify({ ac: '[]', exp: Date.now() / 1000 + 60 })).toString('base64url'),
      '',
    ].join('.');
    const res = await twirp('GetCacheEntryDownloadURL', { key: 'k', version: 'v' }, noScopes);
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ code: 'permission_denied', msg: 'cache read denied: token has no readable scopes' });
  });

  test('blob routes: Put Block + Put Block List (uploadFile above 128 MiB), ranged reads, SAS checks', async () => {
    const token = server.env('refs/heads/blocks').ACTIONS_RUNTIME_TOKEN!;
    const key = `blocks-${randomUUID()}`;
    const created = await twirp('CreateCacheEntry', { key, version: 'v1' }, token);
    expect(created.json.ok).toBe(true);
    const uploadUrl = String(created.json.signed_upload_url);
    expect(uploadUrl.startsWith(`${server.url}blob/actions-cache/`)).toBe(true);

    const data = randomBytes(10_000);
    const mark = server.requests.length;
    await new BlockBlobClient(uploadUrl).uploadData(data, { maxSingleShotSize: 4096, blockSize: 4096, concurrency: 2 });
    expect(twirpCalls(mark)).toEqual([
      'PUT <blob>?comp=block 201',
      'PUT <blob>?comp=block 201',
      'PUT <blob>?comp=block 201',
      'PUT <blob>?comp=blocklist 201',
    ]);

    // the upload URL does not grant reads; a tampered signature is rejected
    expect((await fetch(uploadUrl)).status).toBe(403);
    const tampered = new URL(uploadUrl);
    tampered.searchParams.set('sig', 'AAAA');
    const put = await fetch(tampered, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body: 'x' });
    expect(put.status).toBe(403);
    expect(put.headers.get('x-ms-error-code')).toBe('AuthenticationFailed');

    // not visible before finalize; the declared size must match
    expect((await twirp('GetCacheEntryDownloadURL', { key, version: 'v1' }, token)).json.ok).toBe(false);
    expect((await twirp('FinalizeCacheEntryUpload', { key, version: 'v1', size_bytes: '1' }, token)).status).toBe(400);
    const finalized = await twirp(
      'FinalizeCacheEntryUpload',
      { key, version: 'v1', size_bytes: String(data.length) },
      token,
    );
    expect(finalized).toMatchObject({ status: 200, json: { ok: true } });
    expect(Number(finalized.json.entry_id)).toBeGreaterThan(0);

    // immutable once finalized
    const rewrite = await new BlockBlobClient(uploadUrl).upload(Buffer.from('x'), 1).then(
      () => 201,
      (e: { statusCode?: number }) => e.statusCode,
    );
    expect(rewrite).toBe(409);

    const lookup = await twirp(
      'GetCacheEntryDownloadURL',
      { key: 'other', restore_keys: ['blocks-'], version: 'v1' },
      token,
    );
    expect(lookup.json).toMatchObject({ ok: true, matched_key: key });
    const downloadUrl = String(lookup.json.signed_download_url);
    expect(
      (await new BlockBlobClient(downloadUrl).downloadToBuffer(0, undefined, { blockSize: 3000 })).equals(data),
    ).toBe(true);
    const plain = await fetch(downloadUrl);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-length')).toBe(String(data.length));
    expect(Buffer.from(await plain.arrayBuffer()).equals(data)).toBe(true);
    const ranged = await fetch(downloadUrl, { headers: { Range: 'bytes=10-19' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 10-19/${data.length}`);
    expect(Buffer.from(await ranged.arrayBuffer()).equals(data.subarray(10, 20))).toBe(true);
  });

  test('faults: reset and hang are applied once and recorded with status 0', async () => {
    const token = server.env().ACTIONS_RUNTIME_TOKEN!;
    server.faults.push({ route: 'GetCacheEntryDownloadURL', action: 'reset' });
    await expect(twirp('GetCacheEntryDownloadURL', { key: 'k', version: 'v' }, token)).rejects.toThrow();
    expect(server.requests.at(-1)).toEqual({ method: 'POST', path: `${TWIRP}GetCacheEntryDownloadURL`, status: 0 });

    server.faults.push({ route: 'CreateCacheEntry', action: 'hang' });
    const controller = new AbortController();
    const hung = fetch(new URL(`${TWIRP.slice(1)}CreateCacheEntry`, server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ key: 'hang', version: 'v' }),
      signal: controller.signal,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    controller.abort();
    await expect(hung).rejects.toThrow();
    expect(server.requests.at(-1)).toEqual({ method: 'POST', path: `${TWIRP}CreateCacheEntry`, status: 0 });
    expect(server.faults).toEqual([]);
    expect((await twirp('GetCacheEntryDownloadURL', { key: 'k', version: 'v' }, token)).status).toBe(200);
  });
});
