// SHA-256 for the action: a token's fingerprint (fingerprint.ts), and the digest of a file the action
// wrote, by which the post step sees whether the CLI changed it. node:crypto's: the action has it loaded.
import { createHash } from 'node:crypto';
import type { Sha256Hex } from './fingerprint.js';

export const sha256Hex: Sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
