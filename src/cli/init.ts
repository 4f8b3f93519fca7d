// `oauth-broker init`: a repository from nothing to a working setup. Which repository, provider and
// login; the token's permissions, proven before any login; the secret seeded; the rotation workflow
// and a job workflow written; then what is left. Every question has a flag; --yes never asks.
import { parseCredentials } from '../core/formats/index.js';
import { conflict } from '../core/checks.js';
import { UserError } from '../core/errors.js';
import { neutral } from '../core/neutral.js';
import { issuerOf, recognise } from '../core/recognise.js';
import type { GitHubApi } from '../github/api.js';
import { secretExists } from '../github/secret-read.js';
import { describeTarget, type SecretTarget, shellWord } from '../github/target.js';
import type { CliDeps } from './deps.js';
import { connect, targetOf } from './github.js';
import { importLogin } from './import.js';
import { checkAccess, newPatUrl } from './init/access.js';
import { checkDir, planFiles, type Planned, writeFiles } from './init/files.js';
import { type Choice, type Questions, questions } from './init/questions.js';
import { type InitProvider, ROTATION_FILE, WRITER_SECRET, workflowsFor } from './init/workflows.js';
import { checkApplies, login, verb as loginVerb } from './login.js';
import { storeLogin } from './seed.js';
import { readSecretValue } from './value.js';
import { type Args, inCliTerms, option, UsageError, type Verb } from './verb.js';
import { resolve } from 'node:path';

/** The secret each provider's recipes use (README: Quick start). */
const DEFAULT_SECRET: Record<InitProvider, string> = { anthropic: 'CLAUDE_CREDENTIALS', openai: 'CODEX_AUTH' };
const CLI_OF: Record<InitProvider, { name: string; label: string }> = {
  anthropic: { name: 'claude-code', label: 'Claude Code' },
  openai: { name: 'codex', label: 'Codex' },
};
/** The options of a new login, passed on to it (login's own, less --provider and --out). */
// init's own --force replaces the secret and files; login's (for --out) has no use here.
const LOGIN_OPTIONS = Object.keys(loginVerb.options).filter((o) => !['provider', 'out', 'force'].includes(o));

/** Where the login comes from: a file, the local CLI's, or a new one. */
type Source = { kind: 'from'; from: string } | { kind: 'import' } | { kind: 'login' };

/** A login read before anything is sent: its text, and the provider it belongs to. */
interface Held {
  text: string;
  provider?: InitProvider;
  /** Where it came from, as error lines name it: --from FILE, --import NAME. */
  label: string;
}

const isInitProvider = (p: string | undefined): p is InitProvider => p === 'anthropic' || p === 'openai';

/** Which login source the flags name: at most one. */
function sourceOf(args: Args): Source | undefined {
  const from = option(args, 'from');
  const imported = args.values.import === true;
  const fresh = args.values.login === true;
  if ([from !== undefined, imported, fresh].filter(Boolean).length > 1) {
    throw new UsageError('--from, --import and --login: give one; each is a way to get the login.');
  }
  if (from !== undefined) return { kind: 'from', from };
  if (imported) return { kind: 'import' };
  return fresh ? { kind: 'login' } : undefined;
}

/** Login options go with a new login only: given with another source, they would be ignored silently. */
function checkLoginOptions(source: Source, args: Args): void {
  const stray = LOGIN_OPTIONS.find((o) => args.values[o] !== undefined);
  if (stray && source.kind !== 'login')
    throw new UsageError(`--${stray} is for a new login (--login), not --${source.kind}.`);
}

/** owner/name from an origin URL: https://HOST/o/r(.git), git@HOST:o/r.git, ssh://git@HOST/o/r.git. */
export function repositoryFromRemote(url: string): string | undefined {
  const u = url.trim();
  // A folder on this machine names no repository on GitHub.
  if (!/^(?:(?:https?|ssh|git):\/\/|[^@\s/]+@[^:\s/]+:)/.test(u)) return undefined;
  const m = /[/:]([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(u);
  return m ? `${m[1]}/${m[2]}` : undefined;
}

async function repositoryOf(args: Args, dir: string, q: Questions, deps: CliDeps): Promise<string> {
  const given = option(args, 'repo');
  if (given) return given;
  const ran = await deps.run('git', ['-C', dir, 'remote', 'get-url', 'origin']);
  const found = ran.code === 0 ? repositoryFromRemote(ran.stdout) : undefined;
  if (found) {
    deps.stderr(`Repository: ${found} (git remote origin; --repo chooses another).`);
    return found;
  }
  return q.text('Repository (owner/name)', '--repo O/R');
}

/** Reads a login that exists already (a file, the local CLI's): nothing is sent. */
async function readHeld(source: Source, provider: InitProvider | undefined, deps: CliDeps): Promise<Held | undefined> {
  if (source.kind === 'import') {
    const cli = CLI_OF[provider ?? 'anthropic'].name;
    return { text: await imported(cli, deps), provider, label: `--import (${cli})` };
  }
  if (source.kind === 'login') return undefined;
  const text = await readSecretValue(source.from, deps);
  const issuer = issuerOf(parseCredentials(text));
  const shown = source.from === '-' ? 'standard input' : neutral(source.from, 80);
  deps.stderr(`Login: read from ${shown}.`);
  return { text, provider: isInitProvider(issuer) ? issuer : undefined, label: `--from ${source.from}` };
}

/** The local CLI's login; import's errors in init's words (its --path is init's --from). */
async function imported(cli: string, deps: CliDeps): Promise<string> {
  try {
    return await importLogin(cli, undefined, deps);
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    const other = (c: string): string => (c === 'codex' ? 'openai' : 'anthropic');
    const message = err.message
      .replace(/\bpass --path( to [^;]*?\.json)?/g, 'pass --from FILE')
      .replace(/\brun oauth-broker import (claude-code|codex)\b/g, (_, c: string) => `pass --provider ${other(c)}`);
    throw new UserError(err.code, message, { details: err.details, cause: err });
  }
}

/** The provider: --provider, else the one of the --from file, else asked (anthropic by default). */
async function providerOf(args: Args, read: Held | undefined, q: Questions): Promise<InitProvider> {
  const given = option(args, 'provider') ?? read?.provider;
  if (given !== undefined) {
    if (isInitProvider(given)) return given;
    throw new UsageError(
      `--provider: "${neutral(given, 40)}" is not anthropic or openai ` +
        '(for an oauth2 login: oauth-broker login, then seed).',
    );
  }
  const choices: Choice<InitProvider>[] = [
    { value: 'anthropic', label: 'anthropic: Claude (Pro, Max, Team), for Claude Code' },
    { value: 'openai', label: 'openai: ChatGPT, for Codex' },
  ];
  return q.choose<InitProvider>('Which provider?', choices, '--provider anthropic|openai', 'anthropic');
}

/** Asks where the login comes from, when no flag said. */
async function askSource(provider: InitProvider, q: Questions): Promise<Source> {
  const cli = CLI_OF[provider];
  const choices: Choice<Source['kind']>[] = [
    { value: 'login', label: 'a new login, for CI alone (recommended)' },
    { value: 'import', label: `the ${cli.label} login on this machine (then shared by both: either may spend it)` },
    { value: 'from', label: 'a credentials file' },
  ];
  const kind = await q.choose('Which login should CI use?', choices, '--login, --import or --from');
  if (kind === 'import') return { kind };
  if (kind === 'from') return { kind, from: await q.text('Credentials file', '--from FILE') };
  return { kind };
}

/** The secret and where it is, checked as seed checks them. */
function targetFor(args: Args, repo: string, provider: InitProvider): SecretTarget & { kind: 'repo' | 'env' } {
  const secret = option(args, 'secret') ?? DEFAULT_SECRET[provider];
  const values = { ...args.values, repo, secret };
  const { target } = targetOf({ values, positionals: [] });
  if (target.kind === 'org') throw new UsageError('init sets up a repository; for an organization secret use seed.');
  return target;
}

/** A secret that is there is replaced only with --force or a yes; else init stops before any login. */
async function confirmReplace(t: SecretTarget, exists: boolean, force: boolean, q: Questions): Promise<void> {
  if (!exists || force) return;
  if (await q.confirm(`${describeTarget(t)} exists already: replace it with the new login?`)) return;
  throw conflict(
    `--secret ${t.name}`,
    'the secret exists already',
    'pass --force to replace it, or --secret to choose another name',
    { details: 'Nothing was logged in, and neither the secret nor a workflow was written.' },
  );
}

/** A login read already must be the provider's: its tokens are sent to no other. */
function checkHeld(held: Held | undefined, provider: InitProvider): void {
  if (!held) return;
  try {
    recognise(parseCredentials(held.text), provider);
  } catch (err) {
    throw inCliTerms(err, held.label);
  }
}

/** The login's text: the one read already, else a new login now. */
async function obtain(held: Held | undefined, provider: InitProvider, args: Args, deps: CliDeps): Promise<string> {
  if (held) return held.text;
  const loginArgs: Args = { values: {}, positionals: [] };
  for (const o of LOGIN_OPTIONS) if (args.values[o] !== undefined) loginArgs.values[o] = args.values[o];
  checkApplies(provider, loginArgs);
  deps.stderr(`Login: a new ${provider} login, for CI alone.`);
  return JSON.stringify(await login(provider, loginArgs, deps));
}

/** What init decided before anything is sent: nothing is spent, stored or written until check() passes. */
interface Decided {
  dir: string;
  provider: InitProvider;
  target: SecretTarget & { kind: 'repo' | 'env' };
  source: Source;
  held?: Held;
  q: Questions;
}

/** Why init may not ask: --yes, or standard input holding the login; '' when it may. */
function whyNotAsk(args: Args, flagged: Source | undefined): string {
  if (args.values.yes) return 'with --yes';
  return flagged?.kind === 'from' && flagged.from === '-' ? 'with --from -' : '';
}

/** The repository, provider, secret and login source, from the flags, the working copy and questions. */
async function decide(args: Args, deps: CliDeps): Promise<Decided & { api: GitHubApi }> {
  const flagged = sourceOf(args);
  const q = questions(deps, whyNotAsk(args, flagged));
  const dir = checkDir(option(args, 'dir') ?? process.cwd());
  const repo = await repositoryOf(args, dir, q, deps);
  // A file is read first, for its provider; the local CLI's login once the provider is known to match.
  const read = flagged?.kind === 'from' ? await readHeld(flagged, undefined, deps) : undefined;
  const provider = await providerOf(args, read, q);
  const target = targetFor(args, repo, provider);
  const source = flagged ?? (await askSource(provider, q));
  checkLoginOptions(source, args);
  const held = read ?? (await readHeld(source, provider, deps));
  checkHeld(held, provider);
  deps.stderr(`Setting up ${describeTarget(target)} for ${provider}.`);
  return { dir, provider, target, source, held, q, api: await connect(args, deps) };
}

/** The token's permissions, the secret and the files: every refusal and question before the login. */
async function check(d: Decided & { api: GitHubApi }, args: Args, deps: CliDeps): Promise<Planned[]> {
  const force = args.values.force === true;
  const access = await checkAccess(d.api, d.target);
  deps.stderr(`Token (${d.api.wording.token}): it may write the secrets and Actions variables of ${repoOf(d.target)}.`);
  await confirmReplace(d.target, access.exists, force, d.q);
  const environment = d.target.kind === 'env' ? { environment: d.target.environment } : {};
  return planFiles(d.dir, workflowsFor({ provider: d.provider, secret: d.target.name, ...environment }), force, d.q);
}

const repoOf = (t: { owner: string; repo: string }): string => `${t.owner}/${t.repo}`;

/** Whether the rotation's token is stored already; unknown (false) when the token may not read it. */
async function writerStored(api: GitHubApi, t: SecretTarget & { kind: 'repo' | 'env' }): Promise<boolean> {
  try {
    return await secretExists(api, { kind: 'repo', owner: t.owner, repo: t.repo, name: WRITER_SECRET }, WRITER_SECRET);
  } catch {
    return false;
  }
}

/** What is left for the user: the workflow files to push, the writer token to store, a first run. */
async function whatIsLeft(d: Decided & { api: GitHubApi }, plan: Planned[]): Promise<string[][]> {
  const { target: t, api } = d;
  const repo = repoOf(t);
  const left: string[][] = [];
  const files = plan.filter((p) => p.action !== 'skip').map((p) => p.name);
  const git = resolve(d.dir) === process.cwd() ? 'git' : `git -C ${shellWord(d.dir)}`;
  if (files.length) {
    left.push([
      `Commit and push the workflows: ${git} add ${files.join(' ')} && ${git} commit -m oauth-broker && ${git} push`,
    ]);
  }
  if (!(await writerStored(api, t))) {
    const kinds = t.kind === 'env' ? ['Environments'] : ['Secrets', 'Variables'];
    left.push([
      `Store a token that may write ${t.name} as the secret ${WRITER_SECRET}, which the rotation workflow reads:`,
      `a fine-grained PAT on ${repo} with ${kinds.map((k) => `"${k}: Read and write"`).join(' and ')}`,
      `(${newPatUrl(api.baseUrl)}), then: gh secret set ${WRITER_SECRET} --repo ${repo}`,
      'Or a GitHub App token made in the workflow by actions/create-github-app-token (README: Quick start).',
    ]);
  }
  left.push([`Once pushed, rotate once to check it all: gh workflow run ${plan[0].workflow.file} --repo ${repo}`]);
  return left;
}

function report(left: string[][], deps: CliDeps): void {
  deps.stderr('Done. What is left:');
  for (const [i, [first, ...more]] of left.entries()) {
    deps.stderr(`${i + 1}. ${first}`);
    for (const l of more) deps.stderr(`   ${l}`);
  }
}

export const verb: Verb = {
  usage: [
    'init [--repo O/R] [--provider anthropic|openai] [--secret NAME] [--environment E]',
    '     [--login [login options] | --import | --from FILE|-] [--dir D] [--yes] [--force]',
    '  Sets a repository up: checks that the token may write the secret and Actions variables (before any',
    '  login), logs in (--import: copies the Claude Code or Codex login on this machine, which both then spend;',
    '  --from: a credentials file), stores the login in the secret, and writes the rotation workflow',
    `  (${ROTATION_FILE}) and a job workflow into D/.github/workflows (D: --dir, else this folder). Then prints`,
    '  what is left.',
    '  --repo defaults to the git remote origin of D; --secret to CLAUDE_CREDENTIALS (anthropic) or CODEX_AUTH',
    '  (openai). Asks what no flag says; --yes never asks: defaults, and --from, --import or --login must be',
    '  given. An existing secret or workflow file is replaced only with --force (or a yes); with --yes an',
    '  existing secret stops init and an existing file is left as it is. Login options as for login.',
    '  Token: GH_TOKEN, else GITHUB_TOKEN, else `gh auth token`: a fine-grained PAT (or a GitHub App token) with',
    '  "Secrets" and "Variables: Read and write" (--environment: "Environments: Read and write"), proven before',
    '  any login. API: --api-url, else GITHUB_API_URL, else https://api.github.com (GHES: https://HOST/api/v3).',
  ].join('\n'),
  options: {
    repo: { type: 'string' },
    provider: { type: 'string' },
    secret: { type: 'string' },
    environment: { type: 'string' },
    'api-url': { type: 'string' },
    from: { type: 'string' },
    import: { type: 'boolean' },
    login: { type: 'boolean' },
    dir: { type: 'string' },
    yes: { type: 'boolean', short: 'y' },
    force: { type: 'boolean' },
    ...Object.fromEntries(LOGIN_OPTIONS.map((o) => [o, loginVerb.options[o]])),
  },
  async run(args: Args, deps: CliDeps): Promise<void> {
    const setup = await decide(args, deps);
    const plan = await check(setup, args, deps);
    await storeLogin(setup.api, setup.target, {}, await obtain(setup.held, setup.provider, args, deps), deps);
    writeFiles(setup.dir, plan, deps);
    report(await whatIsLeft(setup, plan), deps);
  },
};
