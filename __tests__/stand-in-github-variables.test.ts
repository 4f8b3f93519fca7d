/**
 * Proves the GitHub stand-in's Actions variables, its clock (the Date header), its faults that lose
 * an answer after the write, and its paged lists behave like GitHub's, over real HTTP: the claim
 * protocol built on variables is tested against this stand-in, so it must refuse what GitHub refuses.
 */
import { fakeToken } from './support/fake-tokens.js';
import { startGitHubServer, type GitHubServer, type TokenSpec, type Where } from './support/github-server.js';
import {
  MAX_VARIABLE_BYTES,
  MAX_VARIABLES,
  type OrgVariableJson,
  type VariableJson,
} from './support/github-variables.js';

const REPO: Where = { repo: 'octo/app' };
const ENV: Where = { repo: 'octo/app', env: 'eu west' };
const ORG: Where = { org: 'octo' };
const REPO_VARS = '/repos/octo/app/actions/variables';
const ENV_VARS = `/repos/octo/app/environments/${encodeURIComponent('eu west')}/variables`;
const ORG_VARS = '/orgs/octo/actions/variables';
const MINUTE = 60_000;
/** RFC 7231's IMF-fixdate, as GitHub sends it: `Sun, 06 Dec 2026 02:35:33 GMT`. */
const IMF_FIXDATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/;

describe('github-server: Actions variables', () => {
  let gh: GitHubServer;
  afterEach(async () => gh?.close());

  // Tokens go by readable labels here; what is sent is a minted fake, which the harness knows as a secret.
  const tokens = new Map<string, string>();
  const tok = (label: string): string => {
    if (!tokens.has(label)) tokens.set(label, fakeToken('pat'));
    return tokens.get(label)!;
  };

  async function start(specs: Record<string, TokenSpec> = {}): Promise<void> {
    gh = await startGitHubServer();
    gh.addRepo('octo/app', { id: 42, environments: ['eu west'] });
    gh.addRepo('octo/other', { id: 43 });
    gh.addOrg('octo');
    gh.addToken(tok('pat'), { kind: 'pat' });
    for (const [label, spec] of Object.entries(specs)) gh.addToken(tok(label), spec);
  }

  /** A request as Octokit sends it; `path` is under the stand-in's URL, or a whole URL (a Link). */
  const call = (method: string, path: string, token = 'pat', body?: unknown, init: RequestInit = {}) =>
    fetch(path.startsWith('http') ? path : gh.url + path, {
      method,
      headers: {
        'x-github-api-version': '2022-11-28',
        authorization: `Bearer ${tok(token)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      ...init,
    });
  const post = (path: string, body: unknown, token = 'pat', init: RequestInit = {}) =>
    call('POST', path, token, body, init);
  const status = async (res: Promise<Response>): Promise<number> => (await res).status;
  const json = async <T = Record<string, unknown>>(res: Response | Promise<Response>): Promise<T> =>
    (await (await res).json()) as T;

  /** Follows a list's Link header to its end: each page's size, every name, each page's total_count. */
  async function walk(path: string, key: 'variables' | 'secrets') {
    const sizes: number[] = [];
    const names: string[] = [];
    const totals = new Set<number>();
    let next: string | undefined = path;
    while (next) {
      const page = await call('GET', next);
      expect(page.status).toBe(200);
      const body = await json<{ total_count: number } & Record<typeof key, Array<{ name: string }>>>(page);
      sizes.push(body[key].length);
      names.push(...body[key].map((v) => v.name));
      totals.add(body.total_count);
      next = /<([^>]+)>; rel="next"/.exec(page.headers.get('link') ?? '')?.[1];
    }
    return { sizes, names, totals: [...totals] };
  }

  it('creates only: a second create of a name, in any case, is 409; GET reads the value back', async () => {
    await start();
    const created = await post(REPO_VARS, { name: 'claim_1', value: 'nonce-a' });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({});
    const again = await post(REPO_VARS, { name: 'CLAIM_1', value: 'nonce-b' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ message: 'Already exists - Variable already exists' });

    const stored = gh.variable(REPO, 'Claim_1');
    expect(stored).toMatchObject({ name: 'CLAIM_1', value: 'nonce-a', created_at: stored?.updated_at });
    expect(stored?.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const got = await call('GET', `${REPO_VARS}/claim_1`);
    expect(got.status).toBe(200);
    expect(await got.json()).toEqual({
      name: 'CLAIM_1',
      value: 'nonce-a',
      created_at: stored?.created_at,
      updated_at: stored?.updated_at,
    } satisfies Partial<VariableJson>);

    // The same name in an environment or the organisation is another variable.
    expect(await status(post(ENV_VARS, { name: 'claim_1', value: 'env' }))).toBe(201);
    expect(await status(post(ORG_VARS, { name: 'claim_1', value: 'org', visibility: 'all' }))).toBe(201);
    expect(await json(call('GET', `${ENV_VARS}/CLAIM_1`))).toMatchObject({ name: 'CLAIM_1', value: 'env' });
    expect(gh.variableNames(REPO)).toEqual(['CLAIM_1']);
    expect(gh.variable(ORG, 'claim_1')).toMatchObject({ value: 'org', visibility: 'all' });
    expect(() => gh.variableNames({ repo: 'octo/app', env: 'staging' })).toThrow(/environment/);
  });

  it('patches and deletes unconditionally: updated_at moves, created_at stays, absent is 404', async () => {
    await start();
    expect(await status(post(REPO_VARS, { name: 'CLAIM', value: 'a' }))).toBe(201);
    const before = gh.variable(REPO, 'CLAIM')!;
    gh.advance(5_000);
    const patched = await call('PATCH', `${REPO_VARS}/claim`, 'pat', { value: 'b' });
    expect([patched.status, await patched.text()]).toEqual([204, '']);
    const after = gh.variable(REPO, 'CLAIM')!;
    expect([after.value, after.created_at]).toEqual(['b', before.created_at]);
    expect(Date.parse(after.updated_at) - Date.parse(before.updated_at)).toBeGreaterThanOrEqual(4_000);

    // A rename keeps the value; onto a name that exists, it is refused like a create.
    expect(await status(call('PATCH', `${REPO_VARS}/CLAIM`, 'pat', { name: 'claim_2' }))).toBe(204);
    gh.setVariable(REPO, 'other', 'x');
    expect(await status(call('PATCH', `${REPO_VARS}/CLAIM_2`, 'pat', { name: 'Other' }))).toBe(409);
    expect(gh.variableNames(REPO)).toEqual(['CLAIM_2', 'OTHER']);
    expect(gh.variable(REPO, 'claim_2')?.value).toBe('b');

    expect(await status(call('GET', `${REPO_VARS}/CLAIM`))).toBe(404);
    expect(await status(call('PATCH', `${REPO_VARS}/CLAIM`, 'pat', { value: 'c' }))).toBe(404);
    expect(await status(call('DELETE', `${REPO_VARS}/CLAIM`))).toBe(404);
    const deleted = await call('DELETE', `${REPO_VARS}/claim_2`);
    expect([deleted.status, await deleted.text()]).toEqual([204, '']);
    expect(await status(call('DELETE', `${REPO_VARS}/CLAIM_2`))).toBe(404);
    // Deleted, the name can be created again: exactly what a takeover races for.
    expect(await status(post(REPO_VARS, { name: 'CLAIM_2', value: 'mine' }))).toBe(201);
  });

  it("refuses the names, values and counts GitHub refuses, and says so with GitHub's statuses", async () => {
    await start();
    for (const name of ['GITHUB_X', 'github_x', '1ABC', 'A-B', 'A B', '', 'É', 5])
      expect([name, await status(post(REPO_VARS, { name, value: 'v' }))]).toEqual([name, 422]);
    expect(await json(post(REPO_VARS, { name: 'A-B', value: 'v' }))).toMatchObject({
      message: expect.stringMatching(/^Variable names can only contain alphanumeric characters/),
    });
    expect(await status(post(REPO_VARS, { value: 'v' }))).toBe(422);
    expect(await status(post(REPO_VARS, { name: 'A' }))).toBe(422);
    expect(await status(post(REPO_VARS, { name: 'A', value: 5 }))).toBe(422);
    expect(await status(post(REPO_VARS, { name: 'A', value: '' }))).toBe(422);
    expect(await status(post(REPO_VARS, 'not json'))).toBe(400);
    expect(await status(post(REPO_VARS, '[1]'))).toBe(400);

    // 48 KB of UTF-8 bytes, not characters: é is two.
    const full = 'é'.repeat(MAX_VARIABLE_BYTES / 2);
    expect(MAX_VARIABLE_BYTES).toBe(48 * 1024);
    expect(await status(post(REPO_VARS, { name: 'FULL', value: full }))).toBe(201);
    expect(await status(post(REPO_VARS, { name: 'OVER', value: `${full}x` }))).toBe(422);
    expect(await status(call('PATCH', `${REPO_VARS}/FULL`, 'pat', { value: `${full}x` }))).toBe(422);
    expect(await status(call('PATCH', `${REPO_VARS}/FULL`, 'pat', { name: 'GITHUB_FULL' }))).toBe(422);
    expect(gh.variable(REPO, 'FULL')?.value).toBe(full);
    expect(gh.variableNames(REPO)).toEqual(['FULL']);
    gh.setVariable(REPO, 'FULL', 'x'); // the test side is not held to GitHub's checks

    expect(MAX_VARIABLES).toEqual({ repo: 500, env: 100, org: 1000 });
    const places: Array<[Where, string, number, Record<string, unknown>]> = [
      [REPO, REPO_VARS, 500, {}],
      [ENV, ENV_VARS, 100, {}],
      [ORG, ORG_VARS, 1000, { visibility: 'private' }],
    ];
    for (const [where, path, limit, extra] of places) {
      for (let i = gh.variableNames(where).length; i < limit; i++) gh.setVariable(where, `V_${i}`, 'x');
      const refused = await post(path, { name: 'ONE_MORE', value: 'x', ...extra });
      expect([path, refused.status]).toEqual([path, 422]);
      expect(await refused.json()).toMatchObject({ message: expect.stringContaining(`${limit} variables`) });
      // A name that exists is still a conflict, not a limit; a deleted one frees a place.
      expect(await status(post(path, { name: 'V_1', value: 'x', ...extra }))).toBe(409);
      expect(await status(call('DELETE', `${path}/V_1`))).toBe(204);
      expect(await status(post(path, { name: 'ONE_MORE', value: 'x', ...extra }))).toBe(201);
      expect(gh.variableNames(where)).toHaveLength(limit);
    }
  });

  it('lists 10 a page unless asked, at most 30, by name, to the end by the Link header', async () => {
    await start();
    const names = Array.from({ length: 75 }, (_, i) => `CLAIM_${String(74 - i).padStart(2, '0')}`);
    for (const name of names) expect(await status(post(REPO_VARS, { name, value: `v-${name}` }))).toBe(201);
    const sorted = [...names].sort();

    const byDefault = await walk(REPO_VARS, 'variables');
    expect(byDefault).toEqual({ sizes: [10, 10, 10, 10, 10, 10, 10, 5], names: sorted, totals: [75] });
    const capped = await walk(`${REPO_VARS}?per_page=100`, 'variables');
    expect(capped).toEqual({ sizes: [30, 30, 15], names: sorted, totals: [75] });

    const url = (page: number) => `${gh.url}${REPO_VARS}?per_page=30&page=${page}`;
    const first = await call('GET', `${REPO_VARS}?per_page=30`);
    expect(first.headers.get('link')).toBe(`<${url(2)}>; rel="next", <${url(3)}>; rel="last"`);
    const middle = await call('GET', url(2));
    expect(middle.headers.get('link')).toBe(
      `<${url(1)}>; rel="prev", <${url(3)}>; rel="next", <${url(3)}>; rel="last", <${url(1)}>; rel="first"`,
    );
    const last = await call('GET', url(3));
    expect(last.headers.get('link')).toBe(`<${url(2)}>; rel="prev", <${url(1)}>; rel="first"`);
    const page = await json<{ total_count: number; variables: VariableJson[] }>(last);
    const stored = gh.variable(REPO, 'CLAIM_74')!;
    expect(page.variables.at(-1)).toEqual({
      name: 'CLAIM_74',
      value: 'v-CLAIM_74',
      created_at: stored.created_at,
      updated_at: stored.updated_at,
    });
    expect(await json(call('GET', `${REPO_VARS}?per_page=30&page=4`))).toEqual({ total_count: 75, variables: [] });
    const alone = await call('GET', `${ENV_VARS}`);
    expect([alone.headers.get('link'), await alone.json()]).toEqual([null, { total_count: 0, variables: [] }]);

    // An organisation's list carries each variable's visibility, and the selected repositories' URL.
    gh.setVariable(ORG, 'shared', 'x', { visibility: 'selected', ids: [42] });
    gh.setVariable(ORG, 'open', 'y');
    const org = await json<{ variables: OrgVariableJson[] }>(call('GET', ORG_VARS));
    expect(org.variables.map((v) => [v.name, v.visibility, v.selected_repositories_url])).toEqual([
      ['OPEN', 'private', undefined],
      ['SHARED', 'selected', `${gh.url}${ORG_VARS}/SHARED/repositories`],
    ]);
  });

  it('keeps an organisation variable’s visibility and selected repositories across PATCHes', async () => {
    await start();
    const create = (extra: Record<string, unknown>) => status(post(ORG_VARS, { name: 'SHARED', value: 'v', ...extra }));
    expect(await create({})).toBe(422);
    expect(await create({ visibility: 'public' })).toBe(422);
    expect(await create({ visibility: 'selected' })).toBe(422);
    expect(await create({ visibility: 'selected', selected_repository_ids: ['42'] })).toBe(422);
    expect(await create({ visibility: 'selected', selected_repository_ids: [42, 43] })).toBe(201);

    const got = await json<OrgVariableJson>(call('GET', `${ORG_VARS}/shared`));
    expect(got).toMatchObject({ name: 'SHARED', value: 'v', visibility: 'selected' });
    const repos = await json<{ total_count: number; repositories: Array<{ full_name: string }> }>(
      call('GET', got.selected_repositories_url!),
    );
    expect([repos.total_count, repos.repositories.map((r) => r.full_name)]).toEqual([2, ['octo/app', 'octo/other']]);

    expect(await status(call('PATCH', `${ORG_VARS}/SHARED`, 'pat', { value: 'w' }))).toBe(204);
    expect(gh.variable(ORG, 'SHARED')).toMatchObject({
      value: 'w',
      visibility: 'selected',
      selected_repository_ids: [42, 43],
    });
    expect(await status(call('PATCH', `${ORG_VARS}/SHARED`, 'pat', { visibility: 'private' }))).toBe(204);
    const now = await json<OrgVariableJson>(call('GET', `${ORG_VARS}/SHARED`));
    expect([now.visibility, 'selected_repositories_url' in now]).toEqual(['private', false]);
    expect(await status(call('GET', `${ORG_VARS}/SHARED/repositories`))).toBe(409);
    expect(await status(call('PATCH', `${ORG_VARS}/SHARED`, 'pat', { visibility: 'selected' }))).toBe(422);
    expect(gh.variable(ORG, 'SHARED')).toEqual(expect.objectContaining({ value: 'w', visibility: 'private' }));
    expect(gh.variable(ORG, 'SHARED')).not.toHaveProperty('selected_repository_ids');
  });

  it('needs Variables, Environments or organisation Variables, read to read and write to write', async () => {
    await start({
      job: { kind: 'job' },
      'vars-read': { kind: 'pat', variables: 'read' },
      'app-none': { kind: 'app', variables: 'none', environments: 'none', orgVariables: 'none' },
      'env-read': { kind: 'pat', environments: 'read' },
      'org-read': { kind: 'pat', orgVariables: 'read' },
      'secrets-only': { kind: 'pat', secrets: 'write', variables: 'none' },
      elsewhere: { kind: 'pat', repos: ['octo/other'], orgs: ['elsewhere'] },
    });
    for (const where of [REPO, ENV, ORG]) gh.setVariable(where, 'A', 'a');
    const paths = { repo: REPO_VARS, env: ENV_VARS, org: ORG_VARS };
    const header = { repo: 'actions_variables', env: 'environments', org: 'organization_actions_variables' };
    const requests = (kind: keyof typeof paths): Array<[string, string, unknown?]> => [
      ['GET', paths[kind]],
      ['GET', `${paths[kind]}/A`],
      ['POST', paths[kind], { name: 'B', value: 'b', ...(kind === 'org' ? { visibility: 'all' } : {}) }],
      ['PATCH', `${paths[kind]}/A`, { value: 'changed' }],
      ['DELETE', `${paths[kind]}/A`],
    ];
    const expectations: Array<[string, keyof typeof paths, number[], string?]> = [
      ['job', 'repo', [403, 403, 403, 403, 403], 'integration'],
      ['job', 'env', [403, 403, 403, 403, 403], 'integration'],
      ['job', 'org', [403, 403, 403, 403, 403], 'integration'],
      ['vars-read', 'repo', [200, 200, 403, 403, 403], 'personal access token'],
      ['app-none', 'repo', [403, 403, 403, 403, 403], 'integration'],
      ['app-none', 'env', [403, 403, 403, 403, 403], 'integration'],
      ['app-none', 'org', [403, 403, 403, 403, 403], 'integration'],
      ['env-read', 'env', [200, 200, 403, 403, 403], 'personal access token'],
      ['org-read', 'org', [200, 200, 403, 403, 403], 'personal access token'],
      ['secrets-only', 'repo', [403, 403, 403, 403, 403], 'personal access token'],
      ['elsewhere', 'repo', [404, 404, 404, 404, 404]],
      ['elsewhere', 'env', [404, 404, 404, 404, 404]],
      ['elsewhere', 'org', [404, 404, 404, 404, 404]],
    ];
    for (const [token, kind, statuses, who] of expectations) {
      const seen: number[] = [];
      for (const [method, path, body] of requests(kind)) {
        const res = await call(method, path, token, body);
        seen.push(res.status);
        if (res.status !== 403) continue;
        expect(await res.json()).toMatchObject({ message: `Resource not accessible by ${who}` });
        const access = method === 'GET' ? 'read' : 'write';
        expect(res.headers.get('x-accepted-github-permissions')).toBe(`${header[kind]}=${access}`);
      }
      expect([token, kind, seen]).toEqual([token, kind, statuses]);
    }
    // Nothing refused was written; what a permission allows still works.
    for (const where of [REPO, ENV, ORG]) expect(gh.variableNames(where)).toEqual(['A']);
    expect(await status(post(REPO_VARS, { name: 'B', value: 'b' }, 'env-read'))).toBe(201);
    expect(await status(post(ENV_VARS, { name: 'B', value: 'b' }, 'vars-read'))).toBe(201);
    expect(await status(post(REPO_VARS, { name: 'C', value: 'c' }, 'org-read'))).toBe(201);
    expect(await status(call('GET', '/repos/octo/other/actions/variables', 'elsewhere'))).toBe(200);
    // Unknown places are 404 like hidden ones; no token is 401.
    expect(await status(call('GET', '/repos/octo/app/environments/staging/variables'))).toBe(404);
    expect(await status(call('GET', '/orgs/ghost/actions/variables'))).toBe(404);
    expect(await status(fetch(`${gh.url}${REPO_VARS}`, { headers: { 'x-github-api-version': '2022-11-28' } }))).toBe(
      401,
    );
  });

  it("sends GitHub's clock in every Date header: advance() moves it forward and back", async () => {
    await start();
    const dateOf = (res: Response): number => {
      const date = res.headers.get('date') ?? '';
      expect(date).toMatch(IMF_FIXDATE);
      return Date.parse(date);
    };
    // Whole seconds: GitHub's clock seen through the header is up to a second behind it.
    const skew = async (res: Promise<Response>): Promise<number> => dateOf(await res) - Date.now();
    expect(await skew(call('GET', REPO_VARS))).toBeGreaterThan(-2_000);
    expect(await skew(call('GET', REPO_VARS))).toBeLessThan(1_000);

    gh.advance(20 * MINUTE);
    expect(Math.abs((await skew(call('GET', REPO_VARS))) - 20 * MINUTE)).toBeLessThan(2_000);
    expect(Math.abs(gh.now() - Date.now() - 20 * MINUTE)).toBeLessThan(100);
    const created = await post(REPO_VARS, { name: 'CLAIM', value: 'n' });
    // created_at and the Date header come from one clock: a deadline written in one is judged by the other.
    expect(Math.abs(Date.parse(gh.variable(REPO, 'CLAIM')!.created_at) - dateOf(created))).toBeLessThan(1_000);

    gh.advance(-40 * MINUTE);
    expect(Math.abs((await skew(call('GET', REPO_VARS))) + 20 * MINUTE)).toBeLessThan(2_000);
    expect(Math.abs((await skew(call('GET', REPO_VARS, 'nobody'))) + 20 * MINUTE)).toBeLessThan(2_000); // a 401
    gh.advance(1_000);
    expect(await status(call('PATCH', `${REPO_VARS}/CLAIM`, 'pat', { value: 'm' }))).toBe(204);
    const claim = gh.variable(REPO, 'CLAIM')!;
    expect(Date.parse(claim.updated_at) - Date.parse(claim.created_at)).toBeLessThan(-19 * MINUTE);
    gh.startSecond();
    expect(gh.now() % 1000).toBeLessThan(100);

    // Faults' answers carry it too, unless a fault takes it away (`date: ''`) or replaces it.
    gh.faults.push({ status: 503 }, { status: 200, body: '{}', headers: { date: '' } });
    gh.faults.push({ after: 502, headers: { date: 'yesterday' } });
    expect(Math.abs((await skew(call('GET', REPO_VARS))) + 20 * MINUTE)).toBeLessThan(2_000);
    expect((await call('GET', REPO_VARS)).headers.get('date')).toBeNull();
    expect((await call('GET', REPO_VARS)).headers.get('date')).toBe('yesterday');
  });

  it('applies faults to variables; `after` loses the answer of a request GitHub processed', async () => {
    await start();
    // Before processing: nothing is written.
    gh.faults.push({ method: 'POST', path: /\/actions\/variables$/, status: 502 }, { method: 'POST', action: 'reset' });
    expect(await status(post(REPO_VARS, { name: 'C1', value: 'n1' }))).toBe(502);
    await expect(post(REPO_VARS, { name: 'C1', value: 'n1' })).rejects.toThrow();
    expect(gh.variable(REPO, 'C1')).toBeUndefined();

    // After processing: the write happened, whatever the client saw.
    gh.faults.push({ method: 'POST', after: 'reset' });
    await expect(post(REPO_VARS, { name: 'C1', value: 'n1' })).rejects.toThrow();
    expect(gh.variable(REPO, 'C1')?.value).toBe('n1');
    // The client's way out: create again (409), read back, and find its own nonce.
    expect(await status(post(REPO_VARS, { name: 'C1', value: 'n1' }))).toBe(409);
    expect(await json(call('GET', `${REPO_VARS}/C1`))).toMatchObject({ value: 'n1' });

    gh.faults.push({ method: 'POST', after: 'hang' });
    await expect(
      post(REPO_VARS, { name: 'C2', value: 'n2' }, 'pat', { signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow();
    expect(gh.variable(REPO, 'C2')?.value).toBe('n2');

    gh.faults.push({ method: 'PATCH', after: 502 });
    const lost = await call('PATCH', `${REPO_VARS}/C2`, 'pat', { value: 'n3' });
    expect([lost.status, await lost.json()]).toEqual([502, expect.objectContaining({ message: 'fault 502' })]);
    expect(gh.variable(REPO, 'C2')?.value).toBe('n3');

    gh.faults.push({ method: 'DELETE', after: 504, bodyAfter: '<html>Gateway Time-out</html>' });
    const gone = await call('DELETE', `${REPO_VARS}/C1`);
    expect([gone.status, await gone.text()]).toEqual([504, '<html>Gateway Time-out</html>']);
    expect(gh.variable(REPO, 'C1')).toBeUndefined();

    // The other faults work here as on any route: a delayed rate limit, a malformed success.
    gh.faults.push(
      { method: 'GET', pathIncludes: '/variables/C2', delayMs: 100, status: 429, headers: { 'retry-after': '1' } },
      { method: 'POST', bodyAfter: 'not json' },
    );
    const started = Date.now();
    const limited = await call('GET', `${REPO_VARS}/C2`);
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '1']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    const malformed = await post(ENV_VARS, { name: 'C3', value: 'n4' });
    expect([malformed.status, await malformed.text()]).toEqual([201, 'not json']);
    expect(gh.variable(ENV, 'C3')?.value).toBe('n4');

    expect(gh.faults).toEqual([]);
    expect(gh.requests.map((r) => r.status)).toEqual([502, 0, 0, 409, 200, 0, 502, 504, 429, 201]);
  });

  it("types the stand-in's answers by GitHub's OpenAPI description", () => {
    // Checked by the typechecker, not at run time: these lines compile only while the errors exist.
    // @ts-expect-error GitHub calls it `value`: a stand-in answering `val` does not typecheck.
    const renamed: VariableJson = { name: 'A', val: 'x', created_at: '', updated_at: '' };
    // @ts-expect-error created_at is a date-time string in GitHub's description.
    const retyped: VariableJson = { name: 'A', value: 'x', created_at: 0, updated_at: '' };
    // @ts-expect-error An organisation variable always has a visibility.
    const hidden: OrgVariableJson = { name: 'A', value: 'x', created_at: '', updated_at: '' };
    expect([renamed, retyped, hidden]).toHaveLength(3);
  });
});

describe('github-server: paged secrets', () => {
  let gh: GitHubServer;
  afterEach(async () => gh?.close());
  const pat = fakeToken('pat');
  const get = (url: string) =>
    fetch(url.startsWith('http') ? url : gh.url + url, {
      headers: { authorization: `Bearer ${pat}`, 'x-github-api-version': '2022-11-28' },
    });

  it("lists an organisation's 150 secrets 100 a page at most, with total_count and a Link header", async () => {
    gh = await startGitHubServer();
    gh.addOrg('octo');
    gh.addRepo('octo/app');
    gh.addToken(pat, { kind: 'pat' });
    const names = Array.from({ length: 150 }, (_, i) => `S_${String(149 - i).padStart(3, '0')}`);
    for (const name of names) gh.setOrgSecret('octo', name, 'v', 'private');
    const sorted = [...names].sort();

    const walk = async (first: string) => {
      const sizes: number[] = [];
      const seen: string[] = [];
      let next: string | undefined = first;
      while (next) {
        const page = await get(next);
        const body = (await page.json()) as { total_count: number; secrets: Array<Record<string, unknown>> };
        expect([page.status, body.total_count]).toEqual([200, 150]);
        sizes.push(body.secrets.length);
        seen.push(...body.secrets.map((s) => String(s.name)));
        for (const s of body.secrets)
          expect(Object.keys(s)).toEqual(['name', 'created_at', 'updated_at', 'visibility']);
        next = /<([^>]+)>; rel="next"/.exec(page.headers.get('link') ?? '')?.[1];
      }
      return { sizes, seen };
    };
    expect(await walk('/orgs/octo/actions/secrets?per_page=100')).toEqual({ sizes: [100, 50], seen: sorted });
    expect(await walk('/orgs/octo/actions/secrets?per_page=500')).toEqual({ sizes: [100, 50], seen: sorted });
    expect(await walk('/orgs/octo/actions/secrets')).toEqual({ sizes: [30, 30, 30, 30, 30], seen: sorted });

    const url = (page: number) => `${gh.url}/orgs/octo/actions/secrets?per_page=100&page=${page}`;
    const first = await get('/orgs/octo/actions/secrets?per_page=100');
    expect(first.headers.get('link')).toBe(`<${url(2)}>; rel="next", <${url(2)}>; rel="last"`);
    const second = await get(url(2));
    expect(second.headers.get('link')).toBe(`<${url(1)}>; rel="prev", <${url(1)}>; rel="first"`);

    // Repository secrets page the same way; a list on one page has no Link header.
    for (const name of ['A', 'B', 'C']) gh.setRepoSecret('octo/app', name, 'v');
    const two = await get('/repos/octo/app/actions/secrets?per_page=2');
    expect((await two.json()) as unknown).toMatchObject({ total_count: 3, secrets: [{ name: 'A' }, { name: 'B' }] });
    expect(two.headers.get('link')).toContain('rel="next"');
    expect((await get('/repos/octo/app/actions/secrets')).headers.get('link')).toBeNull();
  });
});
