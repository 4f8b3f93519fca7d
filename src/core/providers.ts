// What differs between providers. Everything else is the same code path.
import { homedir, userInfo } from 'node:os';
import { isAbsolute, join, parse, resolve } from 'node:path';
import type { Env } from './env.js';

export type ProviderId = 'anthropic' | 'openai' | 'oauth2';

export interface Provider {
  id: ProviderId;
  tokenUrl?: string;
  clientId?: string;
  /** Request body encoding: the two CLIs send JSON; RFC 6749 says form. */
  encoding: 'json' | 'form';
  /** Send `scope` when the stored credentials name scopes. */
  sendsScope: boolean;
  /** The variable the provider's CLI reads, for `env-name: auto`. */
  envName?: string;
  /** `credentials-file` when left empty. */
  defaultFile: 'auto' | 'none';
  /** `client-refresh` when left empty. */
  defaultClientRefresh: boolean;
  /** The CLI's standard credentials path, for `credentials-file: auto`, given the home folder (`~`). */
  filePath?(env: Env, home?: string): string;
  /** The API the CLI calls with the access token: `proxy-upstream` when left empty (proxy mode). */
  apiUrl?: string;
}

/** `~`: HOME, else the account's home (os.homedir() returns an empty HOME as it is); '' if none. */
export function homeDir(env: Env): string {
  if (env.HOME) return env.HOME;
  try {
    return homedir() || userInfo().homedir;
  } catch {
    return '';
  }
}

/**
 * The home folder a file may be written in: '' when HOME is set but empty, when there is none,
 * when it is relative, or when it is the root folder (a service account's, a container's), where
 * a login file has no business.
 */
export function writableHome(env: Env): string {
  const home = env.HOME === '' ? '' : homeDir(env);
  if (!home || !isAbsolute(home)) return '';
  const full = resolve(home);
  return full === parse(full).root ? '' : home;
}

export const PROVIDERS: Record<ProviderId, Provider> = {
  anthropic: {
    id: 'anthropic',
    tokenUrl: 'https://platform.claude.com/v1/oauth/token',
    clientId: '9d1c250a-e61b-44d9-88ed-5944d1962f5e',
    encoding: 'json',
    sendsScope: true,
    envName: 'CLAUDE_CODE_OAUTH_TOKEN',
    defaultFile: 'none',
    defaultClientRefresh: false,
    filePath: (env, home = homeDir(env)) => join(home, '.claude', '.credentials.json'),
    apiUrl: 'https://api.anthropic.com',
  },
  openai: {
    id: 'openai',
    tokenUrl: 'https://auth.openai.com/oauth/token',
    clientId: 'app_EMoamEEZ73f0CkXaXp7hrann',
    encoding: 'json',
    sendsScope: false,
    defaultFile: 'auto',
    defaultClientRefresh: true,
    filePath: (env, home = homeDir(env)) => join(env.CODEX_HOME || join(home, '.codex'), 'auth.json'),
    // The ChatGPT backend Codex calls with a ChatGPT login (paths under /backend-api/).
    apiUrl: 'https://chatgpt.com',
  },
  oauth2: {
    id: 'oauth2',
    encoding: 'form',
    sendsScope: true,
    defaultFile: 'none',
    defaultClientRefresh: false,
  },
};

export function isProviderId(s: string): s is ProviderId {
  return Object.hasOwn(PROVIDERS, s);
}
