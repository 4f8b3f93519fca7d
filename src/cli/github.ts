// What the verbs that talk to GitHub share: where the secret is (--repo, --environment, --org,
// --secret, --visibility, --repos), the token (GH_TOKEN, GITHUB_TOKEN, `gh auth token`) and the
// API (--api-url, GITHUB_API_URL, api.github.com). All checked before anything is sent.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { timings } from '../core/env.js';
import { invalid, isTokenWord, missing } from '../core/checks.js';
import { UserError } from '../core/errors.js';
import { neutral } from '../core/neutral.js';
import { httpUrl } from '../core/url.js';
import type { Visibility } from '../github/answers.js';
import { repositoryIdOf } from '../github/answers.js';
import { GitHubApi, GitHubHttpError } from '../github/api.js';
import { explain } from '../github/explain.js';
import type { Access } from '../github/secret-endpoints.js';
import { existingAccess } from '../github/secret-read.js';
import { checkPlace, checkSecretName, type SecretPlace, type SecretTarget, type Wording } from '../github/target.js';
import { refuseJobToken } from '../github/token.js';
import type { CliDeps } from './deps.js';
import { type Args, option, UsageError } from './verb.js';

/** The options that say where secrets are, and which API to ask. */
export const PLACE_OPTIONS = {
  repo: { type: 'string' },
  environment: { type: 'string' },
  org: { type: 'string' },
  'api-url': { type: 'string' },
} as const;

/** Those, and the secret itself with who may use it (organisation secrets). */
export const SECRET_OPTIONS = {
  ...PLACE_OPTIONS,
  secret: { type: 'string' },
  visibility: { type: 'string' },
  repos: { type: 'string' },
} as const;

/** The synopsis of the target options, for a verb's usage. */
export const SECRET_SYNOPSIS =
  '--repo O/R --secret NAME [--environment E | --org O [--visibility all|private|selected] [--repos a,b]]';

/** The lines of a verb's usage on the token and the API. */
export const GITHUB_HELP = [
  '  Token: GH_TOKEN, else GITHUB_TOKEN, else `gh auth token`: a fine-grained PAT (or a GitHub App',
  '  token) with "Secrets: Read and write" (--environment: "Environments"; --org: the organization\'s',
  '  "Secrets"). API: --api-url, else GITHUB_API_URL, else https://api.github.com (GitHub Enterprise',
  '  Server: https://HOST/api/v3).',
];

/** What this CLI's error lines call each setting; the token's name is where it was found. */
const WORDING: Omit<Wording, 'token' | 'apiUrl'> = {
  name: '--secret',
  place: { repo: '--repo', env: '--environment', org: '--org' },
  network: 'the network',
};

/** Who may use an organisation secret, as asked; nothing asked keeps it as it is. */
export interface AccessWish {
  visibility?: Visibility;
  /** Names of repositories of the organisation. */
  repos?: string[];
}

/** A check of the core's whose error is a mistake on the command line. */
function usage<T>(check: () => T): T {
  try {
    return check();
  } catch (err) {
    if (err instanceof UserError) throw new UsageError(err.message);
    throw err;
  }
}

/** Where the secrets are: --org, or --repo with an optional --environment. */
export function placeOf(args: Args): SecretPlace {
  const repository = option(args, 'repo');
  const org = option(args, 'org');
  if (repository && org) throw new UsageError('--repo and --org: give one; an organization secret has no repository.');
  if (!repository && !org) throw new UsageError('--repo is required (or --org for an organization secret).');
  const environment = option(args, 'environment');
  return usage(() => checkPlace({ repository: repository ?? '', environment, org }, WORDING));
}

/** The secret and, for an organisation secret, who should be able to use it. */
export function targetOf(args: Args): { target: SecretTarget; wish: AccessWish } {
  const name = usage(() => checkSecretName(option(args, 'secret', true), WORDING));
  const target = { ...placeOf(args), name };
  const visibility = option(args, 'visibility');
  const repos = option(args, 'repos');
  if (target.kind !== 'org' && (visibility || repos)) {
    throw new UsageError(`--${visibility ? 'visibility' : 'repos'} is for an organization secret (--org) only.`);
  }
  const wish: AccessWish = {};
  if (visibility) {
    if (visibility !== 'all' && visibility !== 'private' && visibility !== 'selected') {
      throw new UsageError(`--visibility: "${neutral(visibility, 40)}" is not one of all, private, selected.`);
    }
    if (repos && visibility !== 'selected') {
      throw new UsageError(`--repos: only with --visibility selected, not with --visibility ${visibility}.`);
    }
    wish.visibility = visibility;
  }
  if (repos) wish.repos = repositoryNames(repos);
  return { target, wish };
}

function repositoryNames(list: string): string[] {
  const names = list.split(',').map((n) => n.trim());
  for (const n of names) {
    if (!/^[A-Za-z0-9_.-]+$/.test(n)) {
      throw new UsageError(
        `--repos: "${neutral(n, 60)}" is not a repository name; give names of the organization's, like app,api.`,
      );
    }
  }
  return [...new Set(names)];
}

/** The API to ask and what to call it in an error line. */
function apiOf(args: Args, deps: CliDeps): { url: string; setting: string } {
  const given = option(args, 'api-url');
  if (given) return { url: usage(() => httpUrl('--api-url', given)), setting: '--api-url' };
  if (deps.env.GITHUB_API_URL)
    return { url: httpUrl('GITHUB_API_URL', deps.env.GITHUB_API_URL), setting: 'GITHUB_API_URL' };
  return { url: 'https://api.github.com', setting: '--api-url' };
}

/** The host the GitHub CLI knows an API by: github.com's is its default, GHE.com's drops `api.`. */
function ghHostArgs(apiUrl: string): string[] {
  const { hostname } = new URL(apiUrl);
  if (hostname === 'api.github.com') return [];
  return ['--hostname', /^api\.([^.]+\.ghe\.com)$/.exec(hostname)?.[1] ?? hostname];
}

function onPath(program: string, deps: CliDeps): boolean {
  const names = deps.platform === 'win32' ? [`${program}.exe`, `${program}.cmd`] : [program];
  for (const dir of (deps.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of names) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return true;
      } catch {
        // not here
      }
    }
  }
  return false;
}

/** The token, and the name of where it was found (which error lines name). */
async function findToken(deps: CliDeps, apiUrl: string): Promise<{ token: string; source: string }> {
  const found = (token: string, source: string): { token: string; source: string } => {
    // Sent as a header: one word of printable characters, or it is not a token.
    if (!isTokenWord(token))
      throw new UserError('OB_GITHUB_ACCESS', `${source}: does not hold a token; set it to a PAT.`);
    deps.secrets.add(token);
    return { token, source };
  };
  for (const name of ['GH_TOKEN', 'GITHUB_TOKEN']) {
    const token = deps.env[name]?.trim();
    if (token) return found(token, name);
  }
  let why = 'gh (the GitHub CLI) is not on PATH.';
  if (onPath('gh', deps)) {
    const args = ['auth', 'token', ...ghHostArgs(apiUrl)];
    const ran = await deps.run('gh', args);
    const token = ran.stdout.trim();
    if (ran.code === 0 && token) return found(token, 'gh auth token');
    why = `gh ${args.join(' ')} gave no token (exit ${ran.code}).`;
  }
  throw new UserError(
    'OB_GITHUB_ACCESS',
    'no GitHub token: set GH_TOKEN or GITHUB_TOKEN to a fine-grained PAT, or log in with gh auth login.',
    { details: [why, 'The token needs "Secrets: Read and write" on the secret (README: First login).'] },
  );
}

/** A client for the API, with the token found; nothing is sent yet. */
export async function connect(args: Args, deps: CliDeps): Promise<GitHubApi> {
  const api = apiOf(args, deps);
  const { token, source } = await findToken(deps, api.url);
  const wording: Wording = { ...WORDING, token: source, apiUrl: api.setting };
  // In a job, GITHUB_TOKEN is the job's own token: one that equals it is refused as the action refuses it.
  if (deps.env.GITHUB_ACTIONS === 'true' && source !== 'GITHUB_TOKEN') refuseJobToken(deps.env, token, wording);
  const t = timings(deps.env);
  const github = {
    fetch: deps.fetch,
    now: deps.now,
    sleep: deps.sleep,
    info: (m: string) => deps.stderr(m),
    warning: (m: string) => deps.stderr(`warning: ${m}`),
    retryBaseMs: t.retryBaseMs,
    timeoutMs: t.httpTimeoutMs,
    failFast: true,
  };
  return new GitHubApi(api.url, token, github, wording);
}

/** Who may use the secret once written, and whether that is what it was. */
export interface Granted {
  access: Access;
  kept: boolean;
}

/**
 * Who may use an organisation secret: as asked, else as it is now, else private. The
 * repositories named are resolved to ids before anything is written.
 */
export async function accessFor(api: GitHubApi, t: SecretTarget, wish: AccessWish): Promise<Granted> {
  if (t.kind !== 'org') return { access: {}, kept: false };
  if (wish.visibility && wish.visibility !== 'selected')
    return { access: { visibility: wish.visibility }, kept: false };
  if (wish.repos) {
    return {
      access: { visibility: 'selected', selectedRepositoryIds: await repositoryIds(api, t, wish.repos) },
      kept: false,
    };
  }
  const now = await existingAccess(api, t);
  if (wish.visibility === 'selected' && now?.visibility !== 'selected') {
    throw missing(
      '--repos',
      `--visibility selected needs the repositories that may use ${t.name}, and it has none` +
        (now ? '' : ' (a new secret)'),
      'name them with --repos',
    );
  }
  return now ? { access: now, kept: true } : { access: { visibility: 'private' }, kept: false };
}

async function repositoryIds(api: GitHubApi, t: SecretTarget & { kind: 'org' }, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const repo of names) {
    const doing = `read repository ${t.org}/${repo}`;
    let answer: { data: unknown };
    try {
      // https://docs.github.com/rest/repos/repos#get-a-repository
      answer = await api.request('GET /repos/{owner}/{repo}', { owner: t.org, repo });
    } catch (err) {
      if (err instanceof GitHubHttpError && err.status === 404) {
        throw invalid(
          '--repos',
          `${t.org}/${repo} was not found`,
          `check the name, and that ${api.wording.token} can see it`,
          { cause: err },
        );
      }
      throw explain(err, t, doing, api.wording);
    }
    ids.push(repositoryIdOf(answer.data, doing, api.wording.apiUrl));
  }
  return [...new Set(ids)];
}

/** `visibility private`, or the selected repositories, and whether they were kept. */
export function describeAccess(g: Granted): string {
  const { visibility, selectedRepositoryIds: ids } = g.access;
  if (!visibility) return '';
  const n = ids?.length ?? 0;
  const who = visibility === 'selected' ? `selected (${n} ${n === 1 ? 'repository' : 'repositories'})` : visibility;
  return `; visibility ${who}${g.kept ? ', kept as it was' : ''}`;
}
