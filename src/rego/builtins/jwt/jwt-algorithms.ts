// The JWS signature algorithms (RFC 7518 section 3, RFC 8037): the key each one needs, and how
// it signs and verifies the signing input `base64url(header).base64url(payload)`.
import { KeyObject, constants, createHmac, sign, timingSafeEqual, verify } from 'node:crypto';

/** A key as tokens use it: HMAC secrets are raw bytes, every other key a node KeyObject. */
export type JwsKey = Buffer | KeyObject;

type Family = 'hmac' | 'rsa' | 'rsa-pss' | 'ecdsa' | 'eddsa';

interface Algorithm {
  family: Family;
  hash: 'sha256' | 'sha384' | 'sha512' | null;
  /** The curve ES* fixes, as node names it, and as JWK names it for messages. */
  curve?: { node: string; jwk: string };
}

const P256 = { node: 'prime256v1', jwk: 'P-256' };
const P384 = { node: 'secp384r1', jwk: 'P-384' };
const P521 = { node: 'secp521r1', jwk: 'P-521' };

const ALGORITHMS: ReadonlyMap<string, Algorithm> = new Map([
  ['HS256', { family: 'hmac', hash: 'sha256' }],
  ['HS384', { family: 'hmac', hash: 'sha384' }],
  ['HS512', { family: 'hmac', hash: 'sha512' }],
  ['RS256', { family: 'rsa', hash: 'sha256' }],
  ['RS384', { family: 'rsa', hash: 'sha384' }],
  ['RS512', { family: 'rsa', hash: 'sha512' }],
  ['PS256', { family: 'rsa-pss', hash: 'sha256' }],
  ['PS384', { family: 'rsa-pss', hash: 'sha384' }],
  ['PS512', { family: 'rsa-pss', hash: 'sha512' }],
  ['ES256', { family: 'ecdsa', hash: 'sha256', curve: P256 }],
  ['ES384', { family: 'ecdsa', hash: 'sha384', curve: P384 }],
  ['ES512', { family: 'ecdsa', hash: 'sha512', curve: P521 }],
  ['EdDSA', { family: 'eddsa', hash: null }],
] as const);

/** True for the algorithm names tokens may carry in `alg` (`none` is not one of them). */
export function isJwsAlgorithm(alg: string): boolean {
  return ALGORITHMS.has(alg);
}

/**
 * Why `key` cannot serve `alg`, or undefined when it can. A verifying key may be public or
 * private (node derives the public half); a signing key must be private.
 */
export function keyMismatch(alg: string, key: JwsKey, signing: boolean): string | undefined {
  const a = ALGORITHMS.get(alg);
  if (!a) return `unknown JWS algorithm: ${alg}`;
  if (a.family === 'hmac') return Buffer.isBuffer(key) ? undefined : `${alg} needs a symmetric (oct) key`;
  if (Buffer.isBuffer(key) || (signing && key.type !== 'private')) {
    return `${alg} needs ${signing ? 'a private' : 'an asymmetric'} ${describeKey(a)} key`;
  }
  const type = key.asymmetricKeyType;
  const fits =
    a.family === 'ecdsa'
      ? type === 'ec' && key.asymmetricKeyDetails?.namedCurve === a.curve!.node
      : a.family === 'eddsa'
        ? type === 'ed25519'
        : type === 'rsa';
  return fits ? undefined : `${alg} needs ${signing ? 'a private' : 'an asymmetric'} ${describeKey(a)} key`;
}

function describeKey(a: Algorithm): string {
  if (a.family === 'ecdsa') return `${a.curve!.jwk} EC`;
  return a.family === 'eddsa' ? 'Ed25519' : 'RSA';
}

/** Signs the signing input; the caller has checked the key with keyMismatch. */
export function signJws(alg: string, key: JwsKey, input: Buffer): Buffer {
  const a = ALGORITHMS.get(alg)!;
  if (Buffer.isBuffer(key)) return createHmac(a.hash!, key).update(input).digest();
  switch (a.family) {
    case 'rsa':
      return sign(a.hash, input, { key, padding: constants.RSA_PKCS1_PADDING });
    case 'rsa-pss':
      // RFC 7518 3.5: the salt is as long as the hash.
      return sign(a.hash, input, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST });
    case 'ecdsa':
      // JWS carries r and s as fixed-width big-endian halves, not DER.
      return sign(a.hash, input, { key, dsaEncoding: 'ieee-p1363' });
    default:
      return sign(null, input, key);
  }
}

/** True only when `signature` is `alg`'s signature of `input` under `key`; unfit keys never verify. */
export function verifyJws(alg: string, key: JwsKey, input: Buffer, signature: Buffer): boolean {
  if (keyMismatch(alg, key, false) !== undefined) return false;
  const a = ALGORITHMS.get(alg)!;
  if (Buffer.isBuffer(key)) {
    const mac = createHmac(a.hash!, key).update(input).digest();
    // Compared in constant time so that timing does not reveal how much of a forgery was right.
    return mac.length === signature.length && timingSafeEqual(mac, signature);
  }
  try {
    switch (a.family) {
      case 'rsa':
        return verify(a.hash, input, { key, padding: constants.RSA_PKCS1_PADDING }, signature);
      case 'rsa-pss':
        return verify(a.hash, input, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }, signature);
      case 'ecdsa':
        return verify(a.hash, input, { key, dsaEncoding: 'ieee-p1363' }, signature);
      default:
        return verify(null, input, key, signature);
    }
  } catch {
    // Malformed signatures (wrong length, bad encoding) simply do not verify.
    return false;
  }
}
