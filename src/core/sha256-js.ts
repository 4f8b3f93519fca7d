// SHA-256 for the CLI: @noble/hashes', so that `status`, which prints a fingerprint, never loads
// node:crypto (fingerprint.ts).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Sha256Hex } from './fingerprint.js';

export const sha256Hex: Sha256Hex = (text) => bytesToHex(sha256(new TextEncoder().encode(text)));
