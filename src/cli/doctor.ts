// `oauth-broker doctor`: checks a setup end to end without spending anything (no refresh; a secret's
// value is never read, GitHub gives none). One step per check, each returning its findings: the
// secret exists and is fresh, the token can write the secrets and the variables the claims need, the
// rotation workflow is enabled and last succeeded, and no leftover broker entries lie beside it.
import { formatDuration, parseDuration } from '../core/duration.js';
import { GITHUB_TOKEN_CANNOT, UserError } from '../core/errors.js';
import { GitHubHttpError, type GitHubApi } from '../github/api.js';
import type { PublicKey } from '../github/answers.js';
import { permission, type Resource, where } from '../github/explain.js';
import { readPublicKey } from '../github/public-key.js';
import { currentUpdatedAt, listSecrets } from '../github/secret-read.js';
import { checkWrite, deleteSecret } from '../github/secret-write.js';
import { CLAIM_NAME, checkSecretName, describeTarget, reloginCommand, type SecretTarget } from '../github/target.js';
import { checkVariablesWrite, Variables } from '../github/variables.js';
import { lastCompletedRun, listWorkflows, type Workflow } from '../github/workflows.js';
import { PREFIX, decodeClaim, isLeftoverClaim, parseClaimName } from '../store/protocol.js';
import type { CliDeps } from './deps.js';
import { connect, GITHUB_HELP, PLACE_OPTIONS, placeOf } from './github.js';
import { type Args, option, UsageError, type Verb } from './verb.js';

export interface Finding {
  check: string;
  ok: boolean;
  message: string;
  /** What to do; null when the check passed. */
  fix: string | null;
}

/** What every step is given. */
interface Doctor {
  api: GitHubApi;
  target: SecretTarget;
  deps: CliDeps;
  maxAgeMs: number;
  workflow?: string;
  fix: boolean;
  /** The secrets' public key, once read: the write check seals with it. */
  key?: PublicKey;
  /** A step found the token without this permission: later steps that need it say nothing more. */
  refused: Set<Resource>;
}

type Step = (d: Doctor) => Promise<Finding[]>;

/**
 * A secret not updated for this long means the rotation is not running: the README's rotations run every 4 hours
 * (Claude) or daily (Codex), so two days is at least one missed daily run, or a dozen missed 4-hourly ones.
 */
const DEFAULT_MAX_AGE = '2d';
/** The secrets the README's recipes name, checked when --secret is not given. */
const DEFAULT_SECRETS = ['CLAUDE_CREDENTIALS', 'CODEX_AUTH'];
/** The rotation workflow `oauth-broker init` writes; others are found by name (findWorkflow). */
export const ROTATION_WORKFLOW = 'oauth-broker-rotate.yml';
const PAT_PAGE = 'https://github.com/settings/personal-access-tokens';

const pass = (check: string, message: string): Finding => ({ check, ok: true, message, fix: null });
const fail = (check: string, message: string, fix: string): Finding => ({ check, ok: false, message, fix });

const githubNow = (d: Doctor): number => d.api.githubNow() ?? d.deps.now();

/** `12 days`, `5 hours`, `3 minutes`: how long ago, for a sentence. */
function ago(ms: number): string {
  const [n, unit] =
    ms >= 2 * 86_400_000
      ? [ms / 86_400_000, 'day']
      : ms >= 2 * 3_600_000
        ? [ms / 3_600_000, 'hour']
        : [ms / 60_000, 'minute'];
  const whole = Math.max(0, Math.floor(n));
  if (whole === 0) return 'less than a minute ago';
  return `${whole} ${unit}${whole === 1 ? '' : 's'} ago`;
}

/** The options that name this secret, for a command in a fix. */
function placeArgs(t: SecretTarget): string {
  if (t.kind === 'org') return `--org ${t.org} --secret ${t.name}`;
  const env = t.kind === 'env' ? ` --environment '${t.environment.replace(/'/g, `'\\''`)}'` : '';
  return `--repo ${t.owner}/${t.repo} --secret ${t.name}${env}`;
}

/** GitHub's refusal behind an error (explained or not), if that is what it was. */
function httpStatus(err: unknown): { status: number; message: string } | undefined {
  for (let e = err; e; e = (e as { cause?: unknown }).cause) {
    if (e instanceof GitHubHttpError) return { status: e.status, message: e.githubMessage };
  }
  return undefined;
}

/**
 * A 403 as a finding naming the exact permission and the fix; anything else is not the doctor's to
 * judge and stops it with the CLI's own error line.
 */
function refusal(d: Doctor, err: unknown, check: string, cannot: string, r: Resource | 'actions'): Finding {
  const http = httpStatus(err);
  if (http?.status !== 403) throw err;
  const token = d.api.wording.token;
  const needed =
    r === 'actions' ? 'repository permission "Actions: Read-only" (only doctor needs it)' : permission(d.target, r);
  if (r !== 'actions') d.refused.add(r);
  const message = `${token} cannot ${cannot}: GitHub answered 403 ${JSON.stringify(http.message)}`;
  if (/by integration/i.test(http.message) && r !== 'actions') {
    return fail(
      check,
      message,
      `use a fine-grained PAT with the ${needed} on ${where(d.target)}. ${GITHUB_TOKEN_CANNOT}`,
    );
  }
  const place =
    r === 'actions' && d.target.kind !== 'org' ? `repository ${d.target.owner}/${d.target.repo}` : where(d.target);
  return fail(
    check,
    message,
    `give the token the ${needed} on ${place} (a fine-grained PAT: ${PAT_PAGE}; a GitHub App: its permissions)`,
  );
}

/** The secret exists, and was updated within --max-age. */
const secretFresh: Step = async (d) => {
  const name = describeTarget(d.target);
  try {
    // A place that does not exist stops here, with the CLI's error line naming --repo, --environment or --org.
    d.key = await readPublicKey(d.api, d.target);
    let updatedAt: string;
    try {
      updatedAt = await currentUpdatedAt(d.api, d.target);
    } catch (err) {
      if (httpStatus(err)?.status !== 404) throw err;
      const provider = /CODEX|OPENAI/i.test(d.target.name) ? 'openai' : 'anthropic';
      return [fail('secret', `${name} does not exist`, `store a login in it: ${reloginCommand(provider, d.target)}`)];
    }
    const age = githubNow(d) - Date.parse(updatedAt);
    if (age <= d.maxAgeMs) return [pass('secret', `${name} was last updated ${ago(age)}`)];
    const why = d.target.kind === 'org' ? 'doctor in its repository says' : 'the workflow lines say';
    return [
      fail(
        'secret',
        `${name} was last updated ${ago(age)}, more than --max-age ${formatDuration(d.maxAgeMs)}: ` +
          'the rotation is not running',
        `make the rotation workflow run again (${why} why it did not); if its runs fail with invalid_grant, ` +
          'log in again and store the login (oauth-broker login, then oauth-broker seed)',
      ),
    ];
  } catch (err) {
    return [refusal(d, err, 'secret', `read the secrets of ${where(d.target)}`, 'secrets')];
  }
};

/** The token can write the secret: the sealed write of the broker's own check secret, as a refresh does first. */
const secretsWritable: Step = async (d) => {
  if (!d.key || d.refused.has('secrets')) return [];
  try {
    await checkWrite(d.api, d.target, { key: d.key, updatedAt: '' });
    return [pass('secrets-write', `${d.api.wording.token} can write the secrets of ${where(d.target)}`)];
  } catch (err) {
    return [refusal(d, err, 'secrets-write', `write the secrets of ${where(d.target)}`, 'secrets')];
  }
};

/** The token can create and delete Actions variables there, as the claims between jobs do. */
const variablesWritable: Step = async (d) => {
  try {
    await checkVariablesWrite(d.api, d.target, 'oauth-broker doctor: a check that the token may write variables');
    return [pass('variables-write', `${d.api.wording.token} can write the Actions variables of ${where(d.target)}`)];
  } catch (err) {
    return [refusal(d, err, 'variables-write', `write the Actions variables of ${where(d.target)}`, 'variables')];
  }
};

/**
 * The workflow --workflow names (file, path, name or id); else the likeliest rotation workflow: one
 * whose name or file is like the broker's or a rotation's, best when it names the secret.
 */
export function findWorkflow(
  all: readonly Workflow[],
  given: string | undefined,
  secret: string,
): Workflow | undefined {
  const live = all.filter((w) => w.state !== 'deleted');
  const file = (w: Workflow): string => w.path.split('/').pop() ?? w.path;
  if (given) return live.find((w) => [w.path, file(w), w.name, String(w.id)].includes(given));
  const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const words = secret
    .toLowerCase()
    .split('_')
    .filter((x) => x.length >= 4 && !/^(credentials|auth|token)$/.test(x));
  const score = (w: Workflow): number => {
    const text = squash(`${w.path} ${w.name}`);
    return (
      (text.includes(squash(secret)) ? 4 : 0) +
      (words.some((x) => text.includes(x)) ? 2 : 0) +
      (file(w) === ROTATION_WORKFLOW ? 1 : 0)
    );
  };
  const candidates = live.filter((w) => /oauth-broker|rotat/i.test(`${w.path} ${w.name}`));
  return candidates.sort((a, b) => score(b) - score(a))[0];
}

/** The rotation workflow exists, is enabled, and its last completed run succeeded. */
const rotationWorkflow: Step = async (d) => {
  const t = d.target;
  if (t.kind === 'org') {
    return [pass('workflow', `not checked for an organization secret: run doctor in the repository that rotates it`)];
  }
  const repo = `${t.owner}/${t.repo}`;
  let all: Workflow[];
  try {
    all = await listWorkflows(d.api, t.owner, t.repo);
  } catch (err) {
    return [refusal(d, err, 'workflow', `list the workflows of ${repo}`, 'actions')];
  }
  const w = findWorkflow(all, d.workflow, t.name);
  if (!w) {
    const message = d.workflow
      ? `${repo} has no workflow ${JSON.stringify(d.workflow)}`
      : `${repo} has no rotation workflow (none named ${ROTATION_WORKFLOW} or like rotate-…)`;
    return [
      fail(
        'workflow',
        message,
        `add one (oauth-broker init writes .github/workflows/${ROTATION_WORKFLOW}), or name yours with --workflow FILE`,
      ),
    ];
  }
  const file = w.path.split('/').pop() ?? w.path;
  const gh = (verb: string): string => `gh workflow ${verb} ${file} --repo ${repo}`;
  const findings: Finding[] = [];
  if (w.state === 'active') findings.push(pass('workflow', `the rotation workflow ${w.path} is enabled`));
  else {
    const why =
      w.state === 'disabled_inactivity'
        ? ' (GitHub disables scheduled workflows after 60 days without activity in a public repository)'
        : '';
    findings.push(
      fail('workflow', `the rotation workflow ${w.path} is disabled: ${w.state}${why}`, `enable it: ${gh('enable')}`),
    );
  }
  const run = await lastCompletedRun(d.api, t.owner, t.repo, w);
  const when = run && ago(githubNow(d) - run.createdAt);
  if (!run) {
    findings.push(fail('workflow-run', `${w.path} has never completed a run`, `run it once: ${gh('run')}`));
  } else if (run.conclusion === 'success') {
    findings.push(pass('workflow-run', `the last run of ${w.path} succeeded, ${when}`));
  } else {
    findings.push(
      fail(
        'workflow-run',
        `the last run of ${w.path} ended ${run.conclusion}, ${when}: ${run.htmlUrl}`,
        `read that run's log, whose error line says what to do; then run it again: ${gh('run')}`,
      ),
    );
  }
  return findings;
};

/**
 * What the broker left that nothing needs (src/store/protocol.ts isLeftoverClaim, as its sweep judges):
 * the earlier format's claims (secrets), and claims made for a secret that no longer exists there, so
 * that no value names them. The claims of a secret that exists stay: only its value, which no one can
 * read, says which of them a job may still need; its own rotations remove them.
 */
const leftovers: Step = async (d) => {
  // Which secrets exist decides everything: without them, nothing to say beyond the permission's line.
  if (d.refused.has('secrets')) return [];
  const secrets = await listSecrets(d.api, d.target, '');
  const existing = new Set(secrets.map((s) => s.name.toUpperCase()));
  const oldSecrets = secrets.filter((s) => CLAIM_NAME.test(s.name)).map((s) => s.name);
  const now = githubNow(d);
  const variables = new Variables(d.api, d.target);
  const claims = d.refused.has('variables') ? [] : await variables.list(PREFIX);
  const of = (value: string): string | undefined => decodeClaim(value)?.t;
  const gone = claims.filter((v) => {
    const t = of(v.value);
    return t !== undefined && !existing.has(t) && isLeftoverClaim(v, t, [], now);
  });
  const kept = claims.filter((v) => parseClaimName(v.name) && of(v.value) === d.target.name.toUpperCase()).length;
  const names = [...oldSecrets, ...gone.map((v) => v.name)];
  const besides = `beside ${describeTarget(d.target)}`;
  if (names.length === 0) {
    const claims = kept === 1 ? 'claim stays' : `${kept} claims stay`;
    const own = kept ? ` (its own ${claims}: only its rotations can tell whether a job still needs one)` : '';
    return [pass('leftovers', `no leftover broker entries ${besides}${own}`)];
  }
  const list = `${names.length} leftover broker ${names.length === 1 ? 'entry' : 'entries'} in ${where(d.target)}`;
  const what = [
    oldSecrets.length ? `${oldSecrets.length} earlier-version claims (secrets)` : '',
    gone.length ? `${gone.length} claims of secrets no longer there` : '',
  ]
    .filter(Boolean)
    .join(', ');
  if (!d.fix) {
    return [
      fail(
        'leftovers',
        `${list}: ${what}: ${names.join(', ')}`,
        `remove them: oauth-broker doctor ${placeArgs(d.target)} --fix`,
      ),
    ];
  }
  for (const name of oldSecrets) await deleteSecret(d.api, d.target, name);
  // A copy's generations highest first, as the action removes them (src/store/protocol.ts generationsOf).
  const gen = (name: string): number => parseClaimName(name)?.gen ?? 0;
  for (const v of gone.sort((a, b) => gen(b.name) - gen(a.name))) await variables.remove(v.name, true);
  return [pass('leftovers', `removed ${list}: ${names.join(', ')}`)];
};

const STEPS: Step[] = [secretFresh, secretsWritable, variablesWritable, rotationWorkflow, leftovers];

/** The repository when none is named: the job's, else this folder's `origin` remote. */
async function defaultRepo(args: Args, deps: CliDeps): Promise<void> {
  if (option(args, 'repo') || option(args, 'org')) return;
  let repo = deps.env.GITHUB_REPOSITORY;
  if (!repo) {
    const ran = await deps.run('git', ['remote', 'get-url', 'origin'], { timeoutMs: 5_000 });
    const m = /^(?:[a-z+]+:\/\/[^/]+\/|[^@/]+@[^:/]+:)([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(
      ran.stdout.trim(),
    );
    if (ran.code === 0 && m) repo = m[1];
  }
  if (!repo) throw new UsageError('--repo is required (or --org): this folder has no GitHub remote named origin.');
  args.values.repo = repo;
}

/** --secret, else the first of the README's names that exists there. */
async function secretName(args: Args, api: GitHubApi, t: Omit<SecretTarget, 'name'>): Promise<string> {
  const given = option(args, 'secret');
  if (given) {
    try {
      return checkSecretName(given, { name: '--secret' });
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  const there = await listSecrets(api, { ...t, name: DEFAULT_SECRETS[0] } as SecretTarget, '').catch(() => []);
  return DEFAULT_SECRETS.find((n) => there.some((s) => s.name.toUpperCase() === n)) ?? (DEFAULT_SECRETS[0] as string);
}

export const verb: Verb = {
  usage: [
    'doctor [--repo O/R] [--secret NAME] [--environment E | --org O] [--workflow FILE] [--max-age D]',
    `${' '.repeat(27)}[--fix] [--json] [--api-url URL]`,
    '  Checks a setup end to end without spending anything (no refresh; no secret is read): the secret',
    '  exists and was updated within --max-age (default 2d); the token can write it and the Actions',
    "  variables jobs coordinate through (it writes the broker's own OAUTH_BROKER_WRITE_CHECK secret, as",
    '  every refresh does first, and creates and deletes a variable of that name); the rotation workflow',
    `  (--workflow FILE, else ${ROTATION_WORKFLOW} or one named like a rotation) is enabled and its last`,
    '  run succeeded; no leftover broker entries lie beside the secret (--fix removes them). One line per',
    '  check on stderr; --json: {"ok","findings"} on stdout. Exit 1 when something is wrong.',
    '  --repo defaults to the origin remote, --secret to CLAUDE_CREDENTIALS or else CODEX_AUTH. Run it',
    '  with the token the workflow uses (GH_TOKEN=… oauth-broker doctor); the workflow check needs',
    '  "Actions: Read-only" as well.',
    ...GITHUB_HELP,
  ].join('\n'),
  options: {
    ...PLACE_OPTIONS,
    secret: { type: 'string' },
    workflow: { type: 'string' },
    'max-age': { type: 'string' },
    fix: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(args: Args, deps: CliDeps): Promise<void> {
    let maxAgeMs: number;
    try {
      maxAgeMs = parseDuration('--max-age', option(args, 'max-age') ?? DEFAULT_MAX_AGE);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    await defaultRepo(args, deps);
    const place = placeOf(args);
    const workflow = option(args, 'workflow');
    if (workflow && place.kind === 'org') throw new UsageError('--workflow is for a repository (--repo), not --org.');
    const api = await connect(args, deps);
    const target = { ...place, name: await secretName(args, api, place) } as SecretTarget;
    const d: Doctor = { api, target, deps, maxAgeMs, workflow, fix: args.values.fix === true, refused: new Set() };
    const json = args.values.json === true;
    const findings: Finding[] = [];
    try {
      for (const step of STEPS) {
        for (const f of await step(d)) {
          findings.push(f);
          if (!json) deps.stderr(f.ok ? `✓ ${f.message}` : `✗ ${f.message}; ${f.fix?.replace(/\.$/, '')}.`);
        }
      }
    } catch (err) {
      // A check that could not run: --json still says so on stdout, with what was found before it.
      if (json && err instanceof UserError) {
        const stopped = { check: 'error', ok: false, message: err.message, fix: null };
        deps.stdout(`${JSON.stringify({ ok: false, findings: [...findings, stopped] })}\n`);
      }
      throw err;
    }
    const failed = findings.filter((f) => !f.ok).length;
    if (json) deps.stdout(`${JSON.stringify({ ok: failed === 0, findings })}\n`);
    if (failed) {
      const each = json ? "each finding's fix" : 'each ✗ line';
      throw new UserError('OB_CHECKS', `${failed} of ${findings.length} checks failed; ${each} says what to do.`);
    }
  },
};
