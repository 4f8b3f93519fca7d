// sha256Hex hashes a text's UTF-8 bytes: the FIPS 180-4 digests, every padding length, several
// blocks, and text that is not ASCII (a lone surrogate as U+FFFD, as TextEncoder does).
import { createHash, randomBytes } from 'node:crypto';
import { fingerprint, sha256Hex } from '../src/core/fingerprint.js';

const nodeSha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('sha256Hex', () => {
  it('is the FIPS 180-4 digest of "abc" and of the empty text', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('equals node:crypto for every length from 0 to 300 bytes', () => {
    for (let n = 0; n <= 300; n++) {
      const text = randomBytes(n)
        .toString('latin1')
        .replace(/[^\x20-\x7e]/g, 'x');
      expect([n, sha256Hex(text)]).toEqual([n, nodeSha256(text)]);
    }
  });

  it('hashes the UTF-8 bytes of text that is not ASCII', () => {
    for (const text of ['é', 'токен', '🔑'.repeat(40), 'a\u0000b', '\ud800']) {
      expect(sha256Hex(text)).toBe(nodeSha256(text));
    }
  });

  it('equals node:crypto on a token-sized text and a 100 KB one', () => {
    for (const text of [randomBytes(96).toString('base64url'), randomBytes(75_000).toString('base64')]) {
      expect(sha256Hex(text)).toBe(nodeSha256(text));
    }
  });
});

describe('fingerprint', () => {
  it("is the first 12 hex of the token's SHA-256", () => {
    const token = randomBytes(48).toString('base64url');
    expect(fingerprint(token)).toBe(nodeSha256(token).slice(0, 12));
  });
});
