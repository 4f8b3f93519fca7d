// A token's fingerprint: the first 12 hex of its SHA-256, safe to log, for audit: the action's
// `fingerprint` output and `oauth-broker status` print the same one. Each process brings its own
// SHA-256: the action node:crypto's (sha256.ts), which @actions/core has loaded already; the CLI
// @noble/hashes' (sha256-js.ts), because loading node:crypto would cost `status` about a quarter of a
// start (docs/design.md). __tests__/fingerprint.test.ts checks that the two agree.

/** SHA-256 of a text's UTF-8 bytes, in hex. A digest, never a key (src/core/keys.ts says which stay outside it). */
export type Sha256Hex = (text: string) => string;

/** The first 12 hex of the token's SHA-256. */
export const fingerprint = (token: string, sha256Hex: Sha256Hex): string => sha256Hex(token).slice(0, 12);
