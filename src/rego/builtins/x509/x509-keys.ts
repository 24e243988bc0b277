// Private keys read from PEM (PKCS#1 RSA, PKCS#8, SEC 1 EC) into the shapes OPA gives: Go's key
// structs marshalled as JSON, a JWK, and Go's tls.Certificate for a certificate and its key.
import { createPrivateKey } from 'node:crypto';
import type { JsonWebKey, KeyObject } from 'node:crypto';
import { decodeStdBase64, pemBlocks } from './pem.ts';
import { CertificateError, certificateJson, parseCertificates } from './x509-certificate.ts';

/** A key or key pair input that cannot be read; the message is OPA's (Go's) error text. */
export class KeyPairError extends Error {}

const KEY_FORMATS: Record<string, 'pkcs1' | 'pkcs8' | 'sec1'> = {
  'RSA PRIVATE KEY': 'pkcs1',
  'PRIVATE KEY': 'pkcs8',
  'EC PRIVATE KEY': 'sec1',
};

const FORMAT_ERRORS = {
  pkcs1: 'x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)',
  pkcs8: 'x509: failed to parse private key (use ParsePKCS1PrivateKey instead for this key format)',
  sec1: 'x509: failed to parse EC private key',
};

function readKey(der: Buffer, format: 'pkcs1' | 'pkcs8' | 'sec1'): KeyObject {
  try {
    const key = createPrivateKey({ key: der, format: 'der', type: format });
    if (format === 'pkcs1' && key.asymmetricKeyType !== 'rsa') throw new Error();
    return key;
  } catch {
    throw new KeyPairError(FORMAT_ERRORS[format]);
  }
}

const big = (b64url: string | undefined): bigint => BigInt(`0x${Buffer.from(b64url ?? '', 'base64url').toString('hex') || '0'}`);

/** Go's JSON of the key: rsa.PrivateKey, ecdsa.PrivateKey, or an Ed25519 key's bytes. */
function goKeyJson(key: KeyObject): unknown {
  const jwk = key.export({ format: 'jwk' }) as JsonWebKey;
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return {
        N: big(jwk.n),
        E: big(jwk.e),
        D: big(jwk.d),
        Primes: [big(jwk.p), big(jwk.q)],
        Precomputed: { Dp: big(jwk.dp), Dq: big(jwk.dq), Qinv: big(jwk.qi), CRTValues: [] },
      };
    case 'ec':
      // Go's curve values have no exported fields, so the curve marshals as an empty object.
      return { Curve: {}, X: big(jwk.x), Y: big(jwk.y), D: big(jwk.d) };
    case 'ed25519':
      return Buffer.concat([Buffer.from(jwk.d!, 'base64url'), Buffer.from(jwk.x!, 'base64url')]).toString('base64');
    default:
      throw new KeyPairError(`unsupported private key type ${key.asymmetricKeyType}`);
  }
}

/** The private keys of PEM text (or base64 of it); blocks of other types are skipped. */
function keysOf(text: string): KeyObject[] {
  const decoded = decodeStdBase64(text);
  const pem = typeof decoded === 'string' ? text : decoded.toString('latin1');
  const keys: KeyObject[] = [];
  for (const block of pemBlocks(pem)) {
    const format = KEY_FORMATS[block.type];
    if (format) keys.push(readKey(block.bytes, format));
  }
  return keys;
}

/** crypto.parse_private_keys: Go's JSON of each key, [] when the text holds none. */
export function privateKeysFromPem(text: string): unknown[] {
  return keysOf(text).map(goKeyJson);
}

/** crypto.x509.parse_rsa_private_key: the first key as a JWK, or null when there is none. */
export function privateKeyJwk(text: string): unknown {
  if (text === '') throw new KeyPairError('input PEM data was empty');
  let pem = text;
  if (!text.startsWith('-----BEGIN')) {
    const decoded = decodeStdBase64(text);
    if (typeof decoded === 'string') throw new KeyPairError(decoded);
    pem = decoded.toString('latin1');
  }
  const [first] = keysOf(pem);
  if (!first) return null;
  if (first.asymmetricKeyType !== 'rsa' && first.asymmetricKeyType !== 'ec') {
    throw new KeyPairError(`invalid key type ${first.asymmetricKeyType}`);
  }
  const jwk = first.export({ format: 'jwk' }) as JsonWebKey;
  return jwk.kty === 'RSA'
    ? { kty: 'RSA', n: jwk.n, e: jwk.e, d: jwk.d, p: jwk.p, q: jwk.q, dp: jwk.dp, dq: jwk.dq, qi: jwk.qi }
    : { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y, d: jwk.d };
}

const BEGIN = '-----BEGIN ';

/** Base64 input is decoded; DER (not PEM once decoded) is wrapped in a PEM block of `type`. */
function asPem(text: string, type: string): string {
  let pem = text;
  if (!pem.startsWith(BEGIN)) {
    const decoded = decodeStdBase64(pem);
    if (typeof decoded === 'string') throw new KeyPairError(decoded);
    pem = decoded.toString('latin1');
    if (!pem.startsWith(BEGIN)) {
      const body = decoded.toString('base64').replace(/.{64}/g, '$&\n');
      pem = `-----BEGIN ${type}-----\n${body}\n-----END ${type}-----\n`;
    }
  }
  return pem;
}

/** crypto.x509.parse_keypair: Go's tls.Certificate for the certificate chain and its key. */
export function keyPair(certText: string, keyText: string): Record<string, unknown> {
  const certPem = asPem(certText, 'CERTIFICATE');
  const keyPem = asPem(keyText, 'PRIVATE KEY');

  const certBlocks = pemBlocks(certPem);
  const certDers = certBlocks.filter((b) => b.type === 'CERTIFICATE').map((b) => b.bytes);
  if (certDers.length === 0) {
    if (certBlocks.some((b) => b.type.endsWith('PRIVATE KEY'))) {
      throw new KeyPairError(
        'tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched',
      );
    }
    throw new KeyPairError(
      certBlocks.length === 0
        ? 'tls: failed to find any PEM data in certificate input'
        : `tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [${certBlocks.map((b) => b.type).join(' ')}]`,
    );
  }

  const keyBlocks = pemBlocks(keyPem);
  const keyBlock = keyBlocks.find((b) => b.type === 'PRIVATE KEY' || b.type.endsWith(' PRIVATE KEY'));
  if (!keyBlock) {
    if (keyBlocks.some((b) => b.type === 'CERTIFICATE')) throw new KeyPairError('tls: found a certificate rather than a key in the PEM for the private key');
    throw new KeyPairError(
      keyBlocks.length === 0
        ? 'tls: failed to find any PEM data in key input'
        : `tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [${keyBlocks.map((b) => b.type).join(' ')}]`,
    );
  }
  // Go tries PKCS#1, then PKCS#8, then SEC 1, whatever the block's label says.
  let key: KeyObject | undefined;
  for (const format of ['pkcs1', 'pkcs8', 'sec1'] as const) {
    try {
      key = readKey(keyBlock.bytes, format);
      break;
    } catch {
      // next form
    }
  }
  if (!key) throw new KeyPairError('tls: failed to parse private key');

  let leafCerts;
  try {
    leafCerts = parseCertificates(certDers[0]!);
  } catch (e) {
    if (e instanceof CertificateError) throw new KeyPairError(e.message);
    throw e;
  }
  const leaf = leafCerts[0]!;
  if (leafCerts.length !== 1) throw new KeyPairError('x509: trailing data');
  const privateKey = goKeyJson(key);
  checkKeyMatches(leaf.fields.PublicKey, leaf.fields.PublicKeyAlgorithm as number, key, privateKey);

  return {
    Certificate: certDers.map((d) => d.toString('base64')),
    PrivateKey: privateKey,
    SupportedSignatureAlgorithms: null,
    OCSPStaple: null,
    SignedCertificateTimestamps: null,
    Leaf: certificateJson(leaf, false),
  };
}

function checkKeyMatches(certKey: unknown, certAlgorithm: number, key: KeyObject, goKey: unknown): void {
  const expected: Record<string, number> = { rsa: 1, ec: 3, ed25519: 4 };
  if (expected[key.asymmetricKeyType ?? ''] !== certAlgorithm) throw new KeyPairError('tls: private key type does not match public key type');
  const pub = certKey as Record<string, unknown> | string;
  const priv = goKey as Record<string, unknown> | string;
  const same =
    typeof pub === 'string' || typeof priv === 'string'
      ? typeof pub === 'string' && typeof priv === 'string' && priv.length > 0 && Buffer.from(priv, 'base64').subarray(32).toString('base64') === pub
      : certAlgorithm === 1
        ? pub.N === priv.N && pub.E === priv.E
        : pub.X === priv.X && pub.Y === priv.Y;
  if (!same) throw new KeyPairError('tls: private key does not match public key');
}
