// SHA-256 in hex: a token's fingerprint (its first 12 hex, safe to log, for audit: the action's
// `fingerprint` output and `oauth-broker status` print the same one), and the digest of a file the
// action wrote, by which the post step sees whether the CLI changed it. A digest, never a key
// (src/core/keys.ts says which digests stay outside it). @noble/hashes, not node:crypto: status
// prints it, and loading node:crypto would cost that verb about a quarter of a start (docs/design.md).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** The SHA-256 of a text's UTF-8 bytes, in hex. */
export const sha256Hex = (text: string): string => bytesToHex(sha256(new TextEncoder().encode(text)));

/** The first 12 hex of the token's SHA-256. */
export const fingerprint = (token: string): string => sha256Hex(token).slice(0, 12);
