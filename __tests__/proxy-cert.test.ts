// The throwaway CA of the proxy for Codex (src/proxy/cert.ts): a certificate Node's own X.509 and TLS
// accept for 127.0.0.1, signed by a CA no other certificate shares; and Codex's JWT placeholders.
import { X509Certificate } from 'node:crypto';
import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { derInteger, throwawayCertificates } from '../src/proxy/cert.js';
import { jwtClaims } from '../src/core/jwt.js';
import { placeholderJwt } from '../src/proxy/placeholders.js';

describe('throwaway certificates', () => {
  it('make a CA and a server certificate for 127.0.0.1 signed by it', () => {
    const t = throwawayCertificates();
    const ca = new X509Certificate(t.ca);
    const leaf = new X509Certificate(t.cert);
    expect(ca.ca).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(leaf.checkHost('localhost')).toBe('localhost');
    expect(leaf.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(Date.parse(leaf.validTo)).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect(Date.parse(leaf.validFrom)).toBeLessThan(Date.now());
    // Each job's CA is its own.
    expect(new X509Certificate(throwawayCertificates().ca).fingerprint256).not.toBe(ca.fingerprint256);
  });

  it("encode serials in DER's one form: a random serial starting with a zero byte made about 1 in 290 invalid", () => {
    const hex = (bytes: number[]): string => derInteger(Buffer.from(bytes)).toString('hex');
    expect(hex([0x00, 0x00, 0x05])).toBe('020105');
    expect(hex([0x00, 0x80])).toBe('02020080');
    expect(hex([0x80, 0x01])).toBe('0203008001');
    expect(hex([0x7f])).toBe('02017f');
    expect(hex([0x00])).toBe('020100');
    // What OpenSSL refused ("illegal padding"): every certificate parses, whatever its random serial.
    for (let i = 0; i < 300; i++) expect(() => new X509Certificate(throwawayCertificates().cert)).not.toThrow();
  });

  it('serve TLS that a client trusting only the CA accepts, and one trusting the system refuses', async () => {
    const t = throwawayCertificates();
    const server = createServer({ key: t.key, cert: t.cert }, (_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const get = (ca?: string) =>
      new Promise<string>((resolve, reject) => {
        const req = request(url, { ca, agent: false }, (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (c: string) => (body += c));
          res.on('end', () => resolve(body));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      expect(await get(t.ca)).toBe('ok');
      await expect(get()).rejects.toThrow();
      await expect(get(throwawayCertificates().ca)).rejects.toThrow();
    } finally {
      server.close();
    }
  });
});

describe("Codex's placeholders", () => {
  it('keep the claims, take the expiry given, and are each new', () => {
    const claims = { 'https://api.openai.com/auth': { chatgpt_account_id: 'a' }, exp: 1 };
    const at = Date.UTC(2030, 0, 1);
    const one = placeholderJwt(claims, at);
    expect(jwtClaims(one)).toEqual({ ...claims, exp: at / 1000 });
    expect(one.split('.')).toHaveLength(3);
    expect(placeholderJwt(claims, at)).not.toBe(one);
  });

  it('read no claims from what is not a JWT', () => {
    for (const t of [undefined, '', 'sk-ant-oat01-x', 'a.!!!.c', `a.${Buffer.from('[1]').toString('base64url')}.c`])
      expect(jwtClaims(t)).toBeUndefined();
  });
});
