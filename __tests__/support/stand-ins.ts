// The three services a job talks to, fresh for every test: one helper instead of the same
// beforeEach/afterEach in every file. The servers are read through getters, so a test can
// restart one (another prefix, another rotation policy) and the helpers follow.
import { startCacheServer, type CacheServer } from './cache-server.js';
import { startGitHubServer, type GitHubServer } from './github-server.js';
import { startOAuthServer, type OAuthServer, type OAuthServerOptions } from './oauth-server.js';
import { cleanupRuns } from './runner.js';

export const REPO = 'octo/app';
export const SECRET = 'CLAUDE_CREDENTIALS';
export const HOUR = 3_600_000;
/** The request path of a claim beside the secret (a variable), and of the list its create is posted to. */
export const CLAIM_VARIABLE = /\/actions\/variables\/OAUTH_BROKER_[0-9A-F]{20}_\d+$/;
export const VARIABLES = /\/actions\/variables$/;

export interface StandIns {
  oauth: OAuthServer;
  gh: GitHubServer;
  cache: CacheServer;
}

/** The stand-ins of the running test (useStandIns): read through getters, so a restart is followed. */
export interface UsedStandIns extends Readonly<StandIns> {
  /** A GitHub stand-in under another prefix (GHES), set up like the first. */
  restartGitHub(opts?: { prefix?: string }): Promise<GitHubServer>;
  /** A provider with another rotation policy. */
  restartOAuth(opts?: OAuthServerOptions): Promise<OAuthServer>;
}

/** What every test's GitHub holds: the repository octo/app (id 4242, environment production), octo/api, org octo. */
function setUp(gh: GitHubServer, pat: string): void {
  gh.addRepo(REPO, { id: 4242, environments: ['production'] });
  gh.addRepo('octo/api', { id: 4343 });
  gh.addOrg('octo');
  gh.addToken(pat, { kind: 'pat' });
}

/** Starts the stand-ins before each test of the file and stops them after it; the PAT can write every secret. */
export function useStandIns(pat: string, opts: { cache?: boolean } = {}): UsedStandIns {
  let oauth: OAuthServer | undefined;
  let gh: GitHubServer | undefined;
  let cache: CacheServer | undefined;
  const started = <T>(s: T | undefined, name: string): T => {
    if (!s) throw new Error(`the ${name} stand-in runs only inside a test`);
    return s;
  };
  beforeEach(async () => {
    [oauth, gh, cache] = await Promise.all([
      startOAuthServer(),
      startGitHubServer(),
      opts.cache === false ? undefined : startCacheServer(),
    ]);
    setUp(gh, pat);
  });
  afterEach(async () => {
    await Promise.all([oauth?.close(), gh?.close(), cache?.close()]);
    oauth = gh = cache = undefined;
  });
  afterAll(() => cleanupRuns());
  return {
    get oauth() {
      return started(oauth, 'OAuth');
    },
    get gh() {
      return started(gh, 'GitHub');
    },
    get cache() {
      return started(cache, 'cache');
    },
    async restartGitHub(o = {}) {
      await gh?.close();
      gh = await startGitHubServer(o);
      setUp(gh, pat);
      return gh;
    },
    async restartOAuth(o = {}) {
      await oauth?.close();
      oauth = await startOAuthServer(o);
      return oauth;
    },
  };
}

/** At each use, the object `current()` returns: a stand-in the file's hooks start later hands out as a constant. */
export function following<T extends object>(current: () => T): T {
  return new Proxy({} as T, {
    get: (_, key) => {
      const target = current();
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set: (_, key, value) => Reflect.set(current(), key, value),
  });
}

/** The stand-ins outside jest (scripts/demo.ts, scripts/bench.ts): one repository and one PAT. */
export async function startStandIns(
  pat: string,
): Promise<{ oauth: OAuthServer; gh: GitHubServer; cache: CacheServer }> {
  const [oauth, gh, cache] = await Promise.all([startOAuthServer(), startGitHubServer(), startCacheServer()]);
  setUp(gh, pat);
  return { oauth, gh, cache };
}

export async function stopStandIns(s: StandIns): Promise<void> {
  await Promise.all([s.oauth.close(), s.gh.close(), s.cache.close()]);
}
