// Rotated credentials between the provider's answer and the write-back, kept sealed in
// RUNNER_TEMP so that a main step killed in between (the runner's cancel) leaves them for the
// post step, which runs on cancelled jobs too (docs/design.md, "Cancellation").
// Sealed with a key only the step's own inputs give: later steps of the job see the file, not
// what is in it.
import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateFile } from '../core/credfile.js';
import { systemCode } from '../core/errors.js';
import { openPending, pendingKey, sealPending } from '../core/keys.js';
import type { Kept } from '../core/marker.js';
import type { Dropped } from '../store/protocol.js';
import type { Core } from './deps.js';
import { sealed, unsealed, type Untrusted } from './state.js';

/** The state naming the pending file: its path, sealed like the other state (state.ts). */
export const PENDING_STATE = 'oauth-broker-pending';

/** The pending file's path, if this step's main step saved it for these inputs; else why it is ignored. */
export function pendingPath(core: Core, raw: string): string | Untrusted {
  const opened = unsealed(core, PENDING_STATE, raw);
  if ('untrusted' in opened) return opened;
  return opened.text ? opened.text : { untrusted: 'malformed' };
}

/** What the post step needs to finish: the credentials, and the claim and copy they settle. */
export interface PendingRecord {
  /** The value to write, not yet stamped. */
  credentials: string;
  /** The copy whose refresh token was presented: the results are sealed for its holders. */
  copy: { refreshToken: string; accessToken?: string };
  /** The claim main holds: its variable's name and value (src/store/protocol.ts). */
  claim: { name: string; value: string };
  /** The claims the written value names, and those that drop out (src/store/protocol.ts keptClaims). */
  keep: Kept[];
  drop: Dropped[];
  /** Its holders read the seed's claim before presenting it (src/core/marker.ts Stamp). */
  checkSeed?: boolean;
  /** The successor to share, as the main step would have. */
  successor: { kind: 'next'; accessToken: string; expiresAt?: number; scopes?: string[]; idToken?: string; at: string };
  secretUpdatedAt: string;
}

export class PendingFile<T = PendingRecord> {
  readonly path: string;
  private readonly key: Buffer;

  /** `refreshToken` is the one in the credentials input: the post step derives the same key. */
  constructor(dirOrPath: string, refreshToken: string, githubToken: string, existing = false) {
    this.path = existing ? dirOrPath : join(dirOrPath, `oauth-broker-pending-${randomBytes(8).toString('hex')}`);
    this.key = pendingKey(refreshToken, githubToken);
  }

  /** The value of PENDING_STATE that names this file to this step's post step. */
  stateValue(core: Core): string {
    return sealed(core, PENDING_STATE, this.path);
  }

  save(record: T): void {
    const data = sealPending(this.key, JSON.stringify(record));
    // For this job's post step, which a crash of the runner never reaches: no sync.
    writePrivateFile(this.path, data.toString('base64'), { durable: false });
  }

  /** The record, undefined when there is none; throws when it cannot be opened with these inputs. */
  read(): T | undefined {
    let data: Buffer;
    try {
      data = Buffer.from(readFileSync(this.path, 'utf8'), 'base64');
    } catch (err) {
      if (systemCode(err) === 'ENOENT') return undefined;
      throw err;
    }
    return JSON.parse(openPending(this.key, data)) as T;
  }

  /** unlinkSync, not rmSync: rmSync loads Node's rimraf on first use, milliseconds of the refresh path. */
  clear(): void {
    try {
      unlinkSync(this.path);
    } catch (err) {
      if (systemCode(err) !== 'ENOENT') throw err;
    }
  }
}
