// The three services a job talks to, started together with one repository and one PAT.
import { startCacheServer, type CacheServer } from './cache-server.js';
import { startGitHubServer, type GitHubServer } from './github-server.js';
import { startOAuthServer, type OAuthServer } from './oauth-server.js';

export const REPO = 'octo/app';

export interface StandIns {
  oauth: OAuthServer;
  gh: GitHubServer;
  cache: CacheServer;
}

export async function startStandIns(pat: string): Promise<StandIns> {
  const [oauth, gh, cache] = await Promise.all([startOAuthServer(), startGitHubServer(), startCacheServer()]);
  gh.addRepo(REPO, { id: 4242 });
  gh.addToken(pat, { kind: 'pat' });
  return { oauth, gh, cache };
}

export async function stopStandIns(s: StandIns): Promise<void> {
  await Promise.all([s.oauth.close(), s.gh.close(), s.cache.close()]);
}
