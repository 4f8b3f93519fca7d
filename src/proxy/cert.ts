// A throwaway certificate authority and a certificate for 127.0.0.1 signed by it, made in-process
// (Node has no certificate builder, and a runner may have no openssl): Codex takes only an https base
// URL, and trusts the CA through CODEX_CA_CERTIFICATE (shared/NOTES.md). Made per job; the CA's key
// is dropped at once, so nothing else can ever be signed with it. X.509 (RFC 5280) in DER, ECDSA P-256.
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

const tlv = (tag: number, content: Buffer): Buffer => {
  const n = content.length;
  const length =
    n < 0x80
      ? Buffer.from([n])
      : Buffer.concat([Buffer.from([0x80 | Math.ceil(n.toString(16).length / 2)]), hexBytes(n)]);
  return Buffer.concat([Buffer.from([tag]), length, content]);
};
const hexBytes = (n: number): Buffer => {
  const hex = n.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
};
const seq = (...parts: Buffer[]): Buffer => tlv(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]): Buffer => tlv(0x31, Buffer.concat(parts));
/**
 * A positive INTEGER in DER's one encoding: no leading zero byte but the one a set high bit needs.
 * (A random serial starting with a zero byte was otherwise refused as "illegal padding".)
 */
export function derInteger(b: Buffer): Buffer {
  let start = 0;
  while (start < b.length - 1 && b[start] === 0) start++;
  const minimal = b.subarray(start);
  return tlv(0x02, minimal[0] & 0x80 ? Buffer.concat([Buffer.from([0]), minimal]) : minimal);
}
const bits = (b: Buffer, unused = 0): Buffer => tlv(0x03, Buffer.concat([Buffer.from([unused]), b]));
const octets = (b: Buffer): Buffer => tlv(0x04, b);
const explicit = (n: number, b: Buffer): Buffer => tlv(0xa0 + n, b);
const TRUE = Buffer.from([0x01, 0x01, 0xff]);

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out = [40 * a + b];
  for (const n of rest) {
    const base128 = [n & 0x7f];
    for (let v = n >>> 7; v > 0; v >>>= 7) base128.unshift(0x80 | (v & 0x7f));
    out.push(...base128);
  }
  return tlv(0x06, Buffer.from(out));
}

function utcTime(ms: number): Buffer {
  // YYMMDDHHMMSSZ
  const d = new Date(ms).toISOString().replace(/[-:T]/g, '');
  return tlv(0x17, Buffer.from(`${d.slice(2, 14)}Z`));
}

const name = (cn: string): Buffer => seq(set(seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(cn)))));
const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));
const extension = (id: string, value: Buffer, critical = false): Buffer =>
  seq(oid(id), ...(critical ? [TRUE] : []), octets(value));

interface Signed {
  subject: string;
  issuer: string;
  key: KeyObject;
  signer: KeyObject;
  extensions: Buffer[];
  notAfter: number;
}

function certificate(c: Signed): Buffer {
  const tbs = seq(
    explicit(0, derInteger(Buffer.from([2]))),
    derInteger(randomBytes(16)),
    ECDSA_SHA256,
    name(c.issuer),
    seq(utcTime(Date.now() - 3_600_000), utcTime(c.notAfter)),
    name(c.subject),
    c.key.export({ type: 'spki', format: 'der' }),
    explicit(3, seq(...c.extensions)),
  );
  return seq(tbs, ECDSA_SHA256, bits(sign('sha256', tbs, c.signer)));
}

const pem = (der: Buffer): string => {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
};

export interface Throwaway {
  /** The CA's certificate, PEM: what a client trusts. */
  ca: string;
  /** The server's certificate (127.0.0.1, localhost) and its key, PEM. */
  cert: string;
  key: string;
}

/** A CA valid for `days`, and a server certificate for 127.0.0.1 signed by it. */
export function throwawayCertificates(days = 30): Throwaway {
  const notAfter = Date.now() + days * 86_400_000;
  const ca = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const leaf = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const issuer = `oauth-broker proxy CA ${randomBytes(6).toString('hex')}`;
  const caDer = certificate({
    subject: issuer,
    issuer,
    key: ca.publicKey,
    signer: ca.privateKey,
    notAfter,
    extensions: [
      extension('2.5.29.19', seq(TRUE), true),
      // keyCertSign and cRLSign.
      extension('2.5.29.15', bits(Buffer.from([0x06]), 1), true),
    ],
  });
  const leafDer = certificate({
    subject: '127.0.0.1',
    issuer,
    key: leaf.publicKey,
    signer: ca.privateKey,
    notAfter,
    extensions: [
      extension('2.5.29.19', seq(), true),
      // digitalSignature.
      extension('2.5.29.15', bits(Buffer.from([0x80]), 7), true),
      extension('2.5.29.37', seq(oid('1.3.6.1.5.5.7.3.1'))),
      // iPAddress 127.0.0.1, dNSName localhost.
      extension('2.5.29.17', seq(tlv(0x87, Buffer.from([127, 0, 0, 1])), tlv(0x82, Buffer.from('localhost')))),
    ],
  });
  const key = leaf.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { ca: pem(caDer), cert: pem(leafDer), key };
}
