// Both SHA-256s the broker uses hash a text's UTF-8 bytes alike: node:crypto's in the action
// (src/core/sha256.ts) and @noble/hashes' in the CLI (src/core/sha256-js.ts), so the action's
// `fingerprint` output and `oauth-broker status` print the same one. The FIPS 180-4 digests, every
// padding length, several blocks, and text that is not ASCII (a lone surrogate as U+FFFD).
import { randomBytes } from 'node:crypto';
import { fingerprint } from '../src/core/fingerprint.js';
import { sha256Hex as nodeSha256 } from '../src/core/sha256.js';
import { sha256Hex as jsSha256 } from '../src/core/sha256-js.js';

describe.each([
  ['node:crypto', nodeSha256],
  ['@noble/hashes', jsSha256],
])('sha256Hex (%s)', (_, sha256Hex) => {
  it('is the FIPS 180-4 digest of "abc" and of the empty text', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('the two SHA-256s', () => {
  it('agree for every length from 0 to 300 bytes', () => {
    for (let n = 0; n <= 300; n++) {
      const text = randomBytes(n)
        .toString('latin1')
        .replace(/[^\x20-\x7e]/g, 'x');
      expect([n, jsSha256(text)]).toEqual([n, nodeSha256(text)]);
    }
  });

  it('agree on the UTF-8 bytes of text that is not ASCII', () => {
    for (const text of ['é', 'токен', '🔑'.repeat(40), 'a\u0000b', '\ud800']) {
      expect(jsSha256(text)).toBe(nodeSha256(text));
    }
  });

  it('agree on a token-sized text and a 100 KB one', () => {
    for (const text of [randomBytes(96).toString('base64url'), randomBytes(75_000).toString('base64')]) {
      expect(jsSha256(text)).toBe(nodeSha256(text));
    }
  });
});

describe('fingerprint', () => {
  it("is the first 12 hex of the token's SHA-256, the same with either", () => {
    const token = randomBytes(48).toString('base64url');
    expect(fingerprint(token, jsSha256)).toBe(nodeSha256(token).slice(0, 12));
    expect(fingerprint(token, nodeSha256)).toBe(fingerprint(token, jsSha256));
  });
});
