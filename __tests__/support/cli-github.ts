// The CLI's secret commands (seed, seal, put, public-key) through the bundle against one GitHub stand-in
// for the whole file: octo/app (environment production), the organization octo with octo/api and octo/web,
// a PAT that writes, a PAT that only reads and a job token.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CliOptions, runCli, scratchHome } from './cli.js';
import { fakeToken } from './fake-tokens.js';
import { following } from './stand-ins.js';
import { type GitHubServer, startGitHubServer } from './github-server.js';

export const REPO = 'octo/app';
export const SECRET = 'CLAUDE_CREDENTIALS';

/** What a secret holds after a file was stored: its text without the final newline. */
export const stored = (text: string): string => text.replace(/\n$/, '');

/** A file in a scratch home holding `text`. */
export function file(text: string, name = 'f.json'): string {
  const path = join(scratchHome(), name);
  writeFileSync(path, text);
  return path;
}

export const lines = (stderr: string) => stderr.trim().split('\n');
/** The error line, after any line about a retry. */
export const failure = (stderr: string) => lines(stderr).find((l) => l.startsWith('oauth-broker '));

/** Starts the GitHub stand-in before the file's tests (its requests cleared before each) and stops it after. */
export function useCliGitHub() {
  let gh: GitHubServer | undefined;
  const pat = fakeToken('pat');
  const reader = fakeToken('pat');
  const jobToken = fakeToken('app-token');
  const server = (): GitHubServer => {
    if (!gh) throw new Error('the GitHub stand-in runs only inside the file’s tests');
    return gh;
  };
  beforeAll(async () => {
    gh = await startGitHubServer();
    gh.addRepo(REPO, { environments: ['production'] });
    gh.addOrg('octo');
    gh.addRepo('octo/api', { id: 501 });
    gh.addRepo('octo/web', { id: 502 });
    gh.addToken(pat, { kind: 'pat' });
    gh.addToken(reader, { kind: 'pat', secrets: 'read', environments: 'read', orgSecrets: 'read' });
    gh.addToken(jobToken, { kind: 'job' });
  });
  afterAll(() => gh?.close());
  beforeEach(() => {
    server().requests.length = 0;
  });

  /** The bundle with the stand-in as its API and the PAT as GH_TOKEN; the PAT must appear nowhere. */
  function cli(argv: string[], opts: CliOptions = {}) {
    return runCli(argv, {
      ...opts,
      env: { GH_TOKEN: pat, GITHUB_API_URL: server().url, OAUTH_BROKER_RETRY_BASE_MS: '1', ...opts.env },
      secrets: [pat, reader, jobToken, ...(opts.secrets ?? [])],
    });
  }

  /** The PUTs GitHub received. */
  const writes = () => server().requests.filter((r) => r.method === 'PUT');

  return {
    /** The file's GitHub stand-in. */
    gh: following(server),
    pat,
    reader,
    jobToken,
    cli,
    writes,
  };
}
