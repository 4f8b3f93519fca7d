// What the main step hands the post step. A STATE_ variable can also come from an earlier
// step (through GITHUB_ENV), so every state it saves (this one, and the pending file's path:
// pending.ts) carries a MAC keyed by this step's own secret inputs: the post step acts only on
// state its main step wrote, for the same inputs.
import { timingSafeEqual } from 'node:crypto';
import { refreshTag, stateKey, stateMac as mac } from '../core/keys.js';
import type { Kept } from '../core/marker.js';
import type { CliClaim } from './client-refresh.js';
import type { Core } from './deps.js';
import { decodeClaim, parseClaimName } from '../store/protocol.js';

export interface StateFile {
  path: string;
  /** SHA-256 of what the main step wrote. */
  digest: string;
  /** With client-refresh: tag() of the refresh token the file was given. */
  refresh?: string;
  /** Where a file that was already at `path` was moved, to be put back. */
  backup?: string;
}

/** What the post step needs: the files to remove and what they held. Never a token. */
export interface PostState {
  files: StateFile[];
  clientRefresh: boolean;
  /** client-refresh: the claim under which the CLI holds the refresh token. */
  cli?: CliClaim;
}

export const STATE_KEY = 'oauth-broker';
/** proxy: true: the proxy process the post step stops (src/proxy/start.ts). */
export const PROXY_STATE = 'oauth-broker-proxy';
/** A file moved aside is renamed to its path plus this and 12 hex digits. */
export const BACKUP_SUFFIX = '.oauth-broker-backup-';

/**
 * The MAC key of the state saved under `name` (one key per name, so no state passes for
 * another): only a holder of the `credentials` input can make it.
 */
const key = (core: Core, name: string): Buffer =>
  stateKey(core.getInput('credentials'), name, core.getInput('github-token'));

/** A keyed digest of a token: lets the post step recognise it without the state revealing it. */
export function tag(core: Core, token: string): string {
  return refreshTag(key(core, STATE_KEY), token);
}

/** Why a saved state is not acted on: not in the sealed form, or not sealed with this step's inputs. */
export type Untrusted = { untrusted: 'malformed' | 'foreign' };

/** `text` as the main step saves it under the state `name`: `v1.<MAC>.<text>`. */
export function sealed(core: Core, name: string, text: string): string {
  return `v1.${mac(key(core, name), text)}.${text}`;
}

/** The text the main step sealed under `name` for these inputs; else why it is not trusted. */
export function unsealed(core: Core, name: string, raw: string): { text: string } | Untrusted {
  const m = /^v1\.([0-9a-f]{64})\.([\s\S]*)$/.exec(raw);
  if (!m) return { untrusted: 'malformed' };
  // Without credentials anyone could make the key.
  const expected = Buffer.from(mac(key(core, name), m[2]), 'hex');
  const ours = !!core.getInput('credentials') && timingSafeEqual(expected, Buffer.from(m[1], 'hex'));
  return ours ? { text: m[2] } : { untrusted: 'foreign' };
}

export function sealState(core: Core, state: PostState): string {
  return sealed(core, STATE_KEY, JSON.stringify(state));
}

const isHex = (v: unknown, n: number): boolean => typeof v === 'string' && new RegExp(`^[0-9a-f]{${n}}$`).test(v);

/** Whether `backup` is a name the main step gives a file it moves aside from `path`. */
export function isBackupOf(path: string, backup: string): boolean {
  return backup.startsWith(path + BACKUP_SUFFIX) && isHex(backup.slice(path.length + BACKUP_SUFFIX.length), 12);
}

/** A claim main's value named, as the state carries it (src/core/marker.ts Kept). */
function isKept(k: unknown): k is Kept {
  const c = k as Partial<Kept> | null;
  const flags = [c?.seed, c?.checks].every((f) => f === undefined || f === true);
  return parseClaimName(String(c?.name)) !== undefined && Number.isFinite(c?.at) && flags;
}

function isStateFile(f: unknown): f is StateFile {
  if (typeof f !== 'object' || f === null) return false;
  const o = f as Record<string, unknown>;
  return (
    typeof o.path === 'string' &&
    isHex(o.digest, 64) &&
    (o.refresh === undefined || isHex(o.refresh, 32)) &&
    (o.backup === undefined || (typeof o.backup === 'string' && isBackupOf(o.path, o.backup)))
  );
}

/** The state if this step's main wrote it for these inputs; else why it is not trusted. */
export function openState(core: Core, raw: string): PostState | Untrusted {
  const opened = unsealed(core, STATE_KEY, raw);
  if ('untrusted' in opened) return opened;
  let state: unknown;
  try {
    state = JSON.parse(opened.text);
  } catch {
    return { untrusted: 'malformed' };
  }
  const s = state as Partial<PostState> | null;
  const claim = parseClaimName(String(s?.cli?.name));
  const cli =
    s?.cli === undefined ||
    (claim !== undefined &&
      !claim.recovery &&
      decodeClaim(String(s.cli?.value))?.s === 'cli' &&
      ['undefined', 'string'].includes(typeof s.cli?.copy) &&
      isKept(s.cli?.mine) &&
      (s.cli?.claims === undefined || (Array.isArray(s.cli.claims) && s.cli.claims.every(isKept))));
  const valid = typeof s?.clientRefresh === 'boolean' && Array.isArray(s.files) && s.files.every(isStateFile) && cli;
  return valid ? (s as PostState) : { untrusted: 'malformed' };
}
