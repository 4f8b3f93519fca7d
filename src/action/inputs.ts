// Reads and validates every input before anything else happens.
import { dirname, isAbsolute, join } from 'node:path';
import { parseDuration } from '../core/duration.js';
import { httpUrl } from '../core/url.js';
import {
  checkBoolean,
  checkGiven,
  checkMatches,
  checkOneOf,
  conflict,
  invalid,
  isTokenWord,
  missing,
  quote,
} from '../core/checks.js';
import { neutral } from '../core/neutral.js';
import { PROVIDERS, homeDir, writableHome, type Provider, type ProviderId } from '../core/providers.js';
import type { Env } from '../core/env.js';
import type { Core } from './deps.js';
import { ACTION_WORDING, checkPlace, checkSecretName, REPO, type SecretTarget } from '../github/target.js';

export type Mode = 'auto' | 'refresh' | 'check';

/** `alert: issue`: the issue about the secret goes to the workflow's repository, written with the job's token. */
export interface AlertConfig {
  owner: string;
  repo: string;
  token: string;
  /** What the issue is about; its marker names it. */
  target: SecretTarget;
}

export interface Config {
  provider: Provider;
  mode: Mode;
  minTtlMs: number;
  /** Where rotated credentials are written; absent without secret-name. */
  secret?: SecretTarget;
  githubToken?: string;
  githubApiUrl: string;
  /** Variable to export the access token to; absent for `none`. */
  envName?: string;
  /** Absolute path of the CLI credentials file; absent for `none`. */
  credentialsFile?: string;
  clientRefresh: boolean;
  share: boolean;
  lockTimeoutMs: number;
  tokenUrl: string;
  clientId: string;
  clientSecret?: string;
  /** `scope` input: overrides the stored scopes. */
  scopes?: string[];
  /** Absent for `alert: none`. */
  alert?: AlertConfig;
  /** `proxy: true`: where the credential proxy forwards; later steps get a placeholder (docs/proxy.md). */
  proxy?: {
    upstream: string;
    /** openai: Codex's config.toml beside its auth.json, pointing it at the proxy. */
    configFile?: string;
  };
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Variables that change how later steps run, each with why: a token exported into one
 * would break or redirect every later step. Matched case-insensitively (Windows).
 */
const RESERVED_ENV: ReadonlyArray<[RegExp, string]> = [
  [/^(PATH|PATHEXT|HOME|USERPROFILE|SHELL|TMPDIR|TMP|TEMP|IFS|CI)$/, 'programs find commands and files by it'],
  [/^(BASH_ENV|ENV|SHELLOPTS|BASHOPTS|PS4|PROMPT_COMMAND)$/, 'the shell of every run step reads or runs it'],
  [/^(LD_|DYLD_)/, 'the dynamic loader obeys it in every program'],
  [/^NODE_/, 'Node.js obeys it in every later JavaScript action and script'],
  [/^(PYTHON|PERL5|PERLLIB|RUBY|JAVA_TOOL_OPTIONS$|_JAVA_OPTIONS$|JDK_JAVA_OPTIONS$)/, 'an interpreter loads it'],
  [/^(GIT_|SSH_|GNUPGHOME$|GPG_)/, 'git or ssh obeys it'],
  [/^(NPM_CONFIG_|YARN_|PIP_|CARGO_)/, 'a package manager takes its settings from it'],
  [/^((HTTPS?|ALL|NO|FTP)_PROXY|SSL_CERT_(FILE|DIR)|CURL_CA_BUNDLE|REQUESTS_CA_BUNDLE)$/, 'network clients obey it'],
  [/^(GITHUB_|RUNNER_|ACTIONS_|INPUT_|STATE_)/, 'the runner and actions read it'],
];

function checkEnvName(name: string): string {
  const fix = 'use auto, none or a name of your own, e.g. CLAUDE_CODE_OAUTH_TOKEN';
  checkMatches('env-name', name, NAME, 'a valid variable name', fix);
  const reserved = RESERVED_ENV.find(([re]) => re.test(name.toUpperCase()));
  if (reserved)
    throw invalid('env-name', `refusing ${neutral(name, 60)}, it changes how later steps run (${reserved[1]})`, fix);
  return name;
}

function secretTarget(core: Core, env: Env): SecretTarget | undefined {
  const name = core.getInput('secret-name');
  const repository = core.getInput('secret-repository') || env.GITHUB_REPOSITORY || '';
  const environment = core.getInput('secret-environment');
  const org = core.getInput('secret-org');
  if (!name) {
    if (environment || org)
      throw missing(
        'secret-name',
        `it is empty but ${environment ? 'secret-environment' : 'secret-org'} is set`,
        'name the secret that holds credentials',
      );
    return undefined;
  }
  checkSecretName(name, ACTION_WORDING);
  return { ...checkPlace({ repository, environment, org }, ACTION_WORDING), name };
}

/** A token goes into a header: one word of printable ASCII, or it is none. Never quoted: it is a secret. */
function tokenInput(core: Core, input: string): string | undefined {
  const value = core.getInput(input);
  if (value && !isTokenWord(value)) {
    throw invalid(
      input,
      'it holds a space or a character that is not printable ASCII, so it is no token',
      'set it to the token alone',
    );
  }
  return value || undefined;
}

function alertConfig(core: Core, env: Env, target?: SecretTarget, githubToken?: string): AlertConfig | undefined {
  if (checkOneOf('alert', core.getInput('alert') || 'none', ['none', 'issue'] as const) === 'none') return undefined;
  if (!target)
    throw missing(
      'secret-name',
      'alert: issue needs it, to name the secret the issue is about',
      'set it, or alert: none',
    );
  const token = checkGiven(
    'alert-token',
    tokenInput(core, 'alert-token'),
    "it is empty; alert: issue needs the job's own token (its default, github.token) with issues: write",
  );
  // The write token of the secrets stays with the secrets: issues are the job's own token's business.
  if (token === githubToken) {
    throw conflict(
      'alert-token',
      'it is github-token, which writes secrets',
      "leave alert-token at its default, the job's own token",
    );
  }
  const repository = env.GITHUB_REPOSITORY ?? '';
  if (!REPO.test(repository))
    throw invalid('alert', `GITHUB_REPOSITORY, where the issue goes, is ${quote(repository)}, not owner/name`);
  const [owner, repo] = repository.split('/');
  return { owner, repo, token, target };
}

function credentialsFile(core: Core, env: Env, provider: Provider): string | undefined {
  const value = core.getInput('credentials-file') || provider.defaultFile;
  if (value === 'none') return undefined;
  // An empty HOME, or the root folder, is no place for a login: such a home makes the path relative.
  const home = writableHome(env);
  let path: string;
  if (value === 'auto') {
    if (!provider.filePath)
      throw invalid(
        'credentials-file',
        `provider ${provider.id} has no standard credentials file`,
        'give a path or none',
      );
    path = provider.filePath(env, home);
  } else if (value.startsWith('~/')) {
    path = join(home, value.slice(2));
  } else {
    path = isAbsolute(value) ? value : join(env.GITHUB_WORKSPACE || process.cwd(), value);
  }
  if (!isAbsolute(path)) {
    // Only a relative CODEX_HOME makes a relative path of a usable home.
    if (home) {
      throw invalid(
        'credentials-file',
        `${quote(value)} is under CODEX_HOME, a relative path`,
        'make it absolute, or give a path',
      );
    }
    const found = homeDir(env);
    const where = env.HOME === '' ? ', and HOME is empty' : found ? `, ${quote(found)}` : ', and there is none';
    throw invalid(
      'credentials-file',
      `${quote(value)} would be written in the home folder${where}`,
      "set HOME to the runner user's home, or give an absolute path",
    );
  }
  // It is printed in log lines.
  if (neutral(path, Infinity) !== path) {
    throw invalid('credentials-file', `${quote(value)} holds a control character or "::"`, 'give a plain path');
  }
  return path;
}

/** Every input but `credentials`, which the caller masks and parses first. */
export function readConfig(core: Core, env: Env): Config {
  const providerName = core.getInput('provider') || 'anthropic';
  const provider = PROVIDERS[checkOneOf('provider', providerName, Object.keys(PROVIDERS) as ProviderId[])];
  const tokenUrl = core.getInput('token-url') || provider.tokenUrl;
  const clientId = core.getInput('client-id') || provider.clientId;
  if (!tokenUrl || !clientId)
    throw missing(tokenUrl ? 'client-id' : 'token-url', 'provider oauth2 needs token-url and client-id');
  const envInput = core.getInput('env-name') || 'auto';
  const envName = envInput === 'auto' ? provider.envName : envInput === 'none' ? undefined : checkEnvName(envInput);
  const scope = core.getInput('scope');
  const config: Config = {
    provider,
    mode: checkOneOf('mode', core.getInput('mode') || 'auto', ['auto', 'refresh', 'check'] as const),
    minTtlMs: parseDuration('min-ttl', core.getInput('min-ttl') || '30m'),
    secret: secretTarget(core, env),
    githubToken: tokenInput(core, 'github-token'),
    githubApiUrl: httpUrl(
      'github-api-url',
      core.getInput('github-api-url') || env.GITHUB_API_URL || 'https://api.github.com',
    ),
    envName,
    credentialsFile: credentialsFile(core, env, provider),
    clientRefresh: checkBoolean('client-refresh', core.getInput('client-refresh'), provider.defaultClientRefresh),
    share: checkBoolean('share', core.getInput('share'), true),
    lockTimeoutMs: parseDuration('lock-timeout', core.getInput('lock-timeout') || '2m'),
    tokenUrl: httpUrl('token-url', tokenUrl),
    clientId,
    clientSecret: core.getInput('client-secret') || undefined,
    scopes: scope ? scope.split(/\s+/) : undefined,
  };
  const proxy = proxyConfig(core, provider, config);
  const alert = alertConfig(core, env, config.secret, config.githubToken);
  return { ...config, ...(proxy ? { proxy } : {}), ...(alert ? { alert } : {}) };
}

/**
 * `proxy: true`: later steps never hold the login, so the CLI's file never holds the refresh token
 * (client-refresh is false unless asked for, and refused if it is).
 */
function proxyConfig(core: Core, provider: Provider, config: Config): Config['proxy'] {
  if (!checkBoolean('proxy', core.getInput('proxy'), false)) return undefined;
  if (!provider.apiUrl) {
    throw conflict(
      'proxy',
      `provider ${provider.id} cannot be proxied`,
      'use provider anthropic or openai, or proxy: false',
    );
  }
  if (core.getInput('client-refresh') && config.clientRefresh) {
    throw conflict(
      'client-refresh',
      'true would hand later steps the refresh token, which proxy: true keeps from them',
      'remove client-refresh',
    );
  }
  config.clientRefresh = false;
  const upstream = httpUrl('proxy-upstream', core.getInput('proxy-upstream') || provider.apiUrl);
  if (provider.id !== 'openai') return { upstream };
  if (!config.credentialsFile) {
    throw conflict(
      'credentials-file',
      'none leaves Codex without the auth.json of placeholders that proxy: true writes',
      'remove credentials-file',
    );
  }
  return { upstream, configFile: join(dirname(config.credentialsFile), 'config.toml') };
}
