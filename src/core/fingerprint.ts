// A token's fingerprint: the first 12 hex of its SHA-256, safe to log, for audit. The action's
// `fingerprint` output and `oauth-broker status` print the same one. A digest, never a key
// (src/core/keys.ts says which digests stay outside it).
import { createHash } from 'node:crypto';

/** The SHA-256 of a text's UTF-8 bytes, in hex. */
export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The first 12 hex of the token's SHA-256. */
export const fingerprint = (token: string): string => sha256Hex(token).slice(0, 12);
