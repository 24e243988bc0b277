// Keys for JSON Web Tokens: verification keys read from a PEM certificate or public key, or from
// JWK / JWK Set text (RFC 7517), and the signing key of a JWK.
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import type { JsonWebKey } from 'node:crypto';
import type { JwsKey } from './jwt-algorithms.ts';
import { isJwsAlgorithm } from './jwt-algorithms.ts';

export interface VerificationKey {
  key: JwsKey;
  /** The JWK's `alg`, or '' when the key names none (always so for PEM). */
  alg: string;
  /** The JWK's `kid`, or ''. */
  kid: string;
}

/** A key text that cannot be read; the builtin reports the message as its error. */
export class KeyError extends Error {}

/**
 * The keys a certificate, a PEM public key, a JWK or a JWK Set holds. PEM text and JSON text
 * never look alike, so the first PEM block decides; without one the text must be JWK JSON.
 * Keys of a set whose `alg` is no JWS signature algorithm (e.g. RSA-OAEP) are left out.
 */
export function verificationKeys(text: string): VerificationKey[] {
  const pem = pemKey(text);
  if (pem) return [{ key: pem, alg: '', kid: '' }];
  const keys: VerificationKey[] = [];
  for (const jwk of jwkList(text, 'failed to parse a JWK key (set)')) {
    const alg = typeof jwk.alg === 'string' ? jwk.alg : '';
    if (alg !== '' && !isJwsAlgorithm(alg)) continue;
    keys.push({ key: jwkKey(jwk), alg, kid: typeof jwk.kid === 'string' ? jwk.kid : '' });
  }
  return keys;
}

/** The key a token is signed with: the JWK, or the first key of a JWK Set. */
export function signingKey(text: string): JwsKey {
  const [first] = jwkList(text, 'failed to parse JWK');
  if (!first) throw new KeyError('no keys found in JWK set');
  return jwkKey(first);
}

const BEGIN = '-----BEGIN ';
const END = '-----END ';
const DASHES = '-----';

/** The PEM type at `at` (`[A-Z0-9 ]+` followed by five dashes), and where the dashes end. */
function pemType(text: string, at: number): { type: string; after: number } | undefined {
  let i = at;
  while (i < text.length && /[A-Z0-9 ]/.test(text[i]!)) i++;
  if (i === at || !text.startsWith(DASHES, i)) return undefined;
  return { type: text.slice(at, i), after: i + DASHES.length };
}

/**
 * The first PEM block of the text: a BEGIN line at the start of a line, and the first END line of
 * the same type after it that ends its line. Found in one pass over the END lines and a binary
 * search per BEGIN line (a regexp with a back-reference rescans the text for every BEGIN line).
 */
function firstPemBlock(text: string): { type: string; block: string; end: number } | undefined {
  const ends = new Map<string, number[]>();
  for (let q = text.indexOf(END); q >= 0; q = text.indexOf(END, q + 1)) {
    const t = pemType(text, q + END.length);
    if (!t) continue;
    let j = t.after;
    while (j < text.length && text[j] !== '\n' && /\s/.test(text[j]!)) j++;
    if (j < text.length && text[j] !== '\n') continue;
    let list = ends.get(t.type);
    if (!list) ends.set(t.type, (list = []));
    list.push(q);
  }
  for (let p = text.indexOf(BEGIN); p >= 0; p = text.indexOf(BEGIN, p + 1)) {
    if (p > 0 && text[p - 1] !== '\n') continue;
    const t = pemType(text, p + BEGIN.length);
    if (!t) continue;
    let body = t.after;
    if (text[body] === '\r') body++;
    if (text[body] !== '\n') continue;
    body++;
    const list = ends.get(t.type);
    if (!list) continue;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! < body) lo = mid + 1;
      else hi = mid;
    }
    if (lo === list.length) continue;
    const markerEnd = list[lo]! + END.length + t.type.length + DASHES.length;
    const lineEnd = text.indexOf('\n', markerEnd);
    const end = lineEnd < 0 ? text.length : lineEnd + 1;
    return { type: t.type, block: text.slice(p, end).trim(), end };
  }
  return undefined;
}

function pemKey(text: string): JwsKey | undefined {
  const m = firstPemBlock(text);
  if (!m) return undefined;
  // A trailing newline or indentation is harmless; any other text after the block is a mistake.
  if (text.slice(m.end).trim() !== '') throw new KeyError('extra data after a PEM certificate block');
  const block = m.block;
  const type = m.type;
  if (type === 'CERTIFICATE') {
    try {
      return new X509Certificate(block).publicKey;
    } catch (e) {
      throw new KeyError(`failed to parse a PEM certificate: ${(e as Error).message}`);
    }
  }
  if (type === 'PUBLIC KEY') {
    try {
      return createPublicKey({ key: block, format: 'pem' });
    } catch (e) {
      throw new KeyError(`failed to parse a PEM public key: ${(e as Error).message}`);
    }
  }
  throw new KeyError('failed to extract a Key from the PEM certificate');
}

/** The members of a JWK Set, or the one JWK the text holds. */
function jwkList(text: string, context: string): JsonWebKey[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new KeyError(`${context}: ${(e as Error).message}`);
  }
  if (!isRecord(doc)) throw new KeyError(`${context}: a JWK must be a JSON object`);
  if (!('keys' in doc)) return [doc as JsonWebKey];
  if (!Array.isArray(doc.keys)) throw new KeyError(`${context}: "keys" of a JWK Set must be an array`);
  return doc.keys.map((k) => {
    if (!isRecord(k)) throw new KeyError(`${context}: a JWK must be a JSON object`);
    return k as JsonWebKey;
  });
}

function jwkKey(jwk: JsonWebKey): JwsKey {
  const kty = jwk.kty;
  if (typeof kty !== 'string') throw new KeyError('invalid JWK: "kty" is missing');
  if (kty === 'oct') {
    if (typeof jwk.k !== 'string') throw new KeyError('invalid oct JWK: "k" must be a string');
    return Buffer.from(jwk.k, 'base64url');
  }
  if (kty !== 'RSA' && kty !== 'EC' && kty !== 'OKP') throw new KeyError(`unsupported JWK key type: ${kty}`);
  try {
    // A JWK with a private part yields the private key; verifying with it uses its public half.
    return 'd' in jwk ? createPrivateKey({ key: jwk, format: 'jwk' }) : createPublicKey({ key: jwk, format: 'jwk' });
  } catch (e) {
    throw new KeyError(`invalid ${kty} JWK: ${(e as Error).message}`);
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
