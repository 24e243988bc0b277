// JSON Web Token builtins (io.jwt.*): decoding, signature verification, verification with claim
// constraints, and signing, with the results and error texts OPA gives.
import { ObjectValue, compare, isNumber, keyText } from '../../value.ts';
import type { Value } from '../../value.ts';
import type { BuiltinContext, BuiltinDef } from '../builtin.ts';
import { builtinError } from '../builtin.ts';
import { isValidJson, marshalJson, parseJson } from '../json/json-text.ts';
import type { JwsKey } from './jwt-algorithms.ts';
import { isJwsAlgorithm, keyMismatch, signJws, verifyJws } from './jwt-algorithms.ts';
import { KeyError, signingKey, verificationKeys } from './jwt-keys.ts';
import type { VerificationKey } from './jwt-keys.ts';
import { decodeHeader, decodePart, jsonObject, readHeader, signingInput, splitToken } from './jwt-token.ts';
import type { TokenHeader } from './jwt-token.ts';
import { objectOperand, stringOperand } from '../operands.ts';
import { trimBoth } from '../strings/trim.ts';

function decode(name: string, text: string): Value[] {
  const token = splitToken(name, text);
  const header = decodeHeader(name, token);
  const payload = decodePart(name, token.payload, 'payload').toString('utf8');
  if (header.get('cty') === 'JWT') {
    // A nested token is the payload itself; some encoders quote it, so the quotes go first.
    return decode(name, trimBoth(payload, `"'`));
  }
  const claims = jsonObject(name, payload);
  const signature = decodePart(name, token.signature, 'signature');
  return [header, claims, signature.toString('hex')];
}

/** Parsed key texts, kept for the evaluation: policies check many tokens against one key set. */
function keysOf(name: string, text: string, ctx: BuiltinContext): VerificationKey[] {
  const cacheKey = `io.jwt keys\u0000${text}`;
  const cached = ctx.cache.get(cacheKey) as VerificationKey[] | undefined;
  if (cached) return cached;
  let keys: VerificationKey[];
  try {
    keys = verificationKeys(text);
  } catch (e) {
    if (e instanceof KeyError) throw builtinError(name, e.message);
    throw e;
  }
  ctx.cache.set(cacheKey, keys);
  return keys;
}

/**
 * Tries the keys in turn. A key whose `kid` the header names is the only one tried; otherwise a
 * key that names an algorithm is tried only when the header names the same one.
 */
function verifiesWithAny(keys: VerificationKey[], header: TokenHeader, verify: (key: JwsKey) => boolean): boolean {
  if (header.kid !== '') {
    const named = keys.find((k) => k.kid === header.kid);
    if (named) return verify(named.key);
  }
  return keys.some((k) => (k.alg === '' || k.alg === header.alg) && verify(k.key));
}

/** verify_rs256 and kin: the builtin fixes the algorithm, whatever the header says. */
function verifyWithCertificate(alg: string): BuiltinDef {
  const name = `io.jwt.verify_${alg.toLowerCase()}`;
  return {
    name,
    arity: 2,
    fn: ([jwt, cert], ctx) => {
      const text = stringOperand(name, 1, jwt!);
      const certText = stringOperand(name, 2, cert!);
      const token = splitToken(name, text);
      const keys = keysOf(name, certText, ctx);
      const signature = decodePart(name, token.signature, 'signature');
      const header = readHeader(name, decodeHeader(name, token));
      const input = signingInput(token);
      return verifiesWithAny(keys, header, (key) => verifyJws(alg, key, input, signature));
    },
  };
}

/** verify_hs256 and kin: the secret is the UTF-8 bytes of the string; the header is not read. */
function verifyWithSecret(alg: string): BuiltinDef {
  const name = `io.jwt.verify_${alg.toLowerCase()}`;
  return {
    name,
    arity: 2,
    fn: ([jwt, secret]) => {
      const text = stringOperand(name, 1, jwt!);
      const key = Buffer.from(stringOperand(name, 2, secret!), 'utf8');
      const token = splitToken(name, text);
      const signature = decodePart(name, token.signature, 'signature');
      return verifyJws(alg, key, signingInput(token), signature);
    },
  };
}

const DECODE_VERIFY = 'io.jwt.decode_verify';

interface Constraints {
  /** Set when a `cert` constraint was given (possibly a key set with no usable key). */
  keys: VerificationKey[] | undefined;
  secret: string;
  alg: string;
  iss: string;
  aud: string;
  /** The time to check `exp` and `nbf` against, in nanoseconds since the epoch. */
  timeNs: number;
}

function readConstraints(o: ObjectValue, ctx: BuiltinContext): Constraints {
  const c: Constraints = { keys: undefined, secret: '', alg: '', iss: '', aud: '', timeNs: -1 };
  const text = (key: string, v: Value): string => {
    if (typeof v !== 'string') throw builtinError(DECODE_VERIFY, `${key} constraint: must be a string`);
    return v;
  };
  for (const [k, v] of o.sortedEntries()) {
    switch (k) {
      case 'cert':
        c.keys = keysOf(DECODE_VERIFY, text('cert', v), ctx);
        break;
      case 'secret':
      case 'alg':
      case 'iss':
      case 'aud':
        c[k] = text(k, v);
        break;
      case 'time':
        c.timeNs = timeOf(v);
        break;
      default:
        throw builtinError(DECODE_VERIFY, `unknown token validation constraint: ${keyText(k)}`);
    }
  }
  if (c.timeNs < 0) c.timeNs = Number(ctx.nowNs);
  // An empty secret counts as none, so that `secret: ""` cannot verify a token signed with no key.
  const keyConstraints = (c.keys ? 1 : 0) + (c.secret !== '' ? 1 : 0);
  if (keyConstraints > 1) throw builtinError(DECODE_VERIFY, 'duplicate key constraints');
  if (keyConstraints < 1) throw builtinError(DECODE_VERIFY, 'no key constraint');
  return c;
}

function timeOf(v: Value): number {
  if (!isNumber(v)) throw builtinError(DECODE_VERIFY, 'token time constraint: must be a number');
  const t = Number(v);
  if (t < 0) throw builtinError(DECODE_VERIFY, 'token time constraint: must not be negative');
  return t;
}

function signatureVerifies(c: Constraints, header: TokenHeader, input: Buffer, signature: Buffer): boolean {
  // The header's alg chooses the algorithm, and verifyJws refuses keys of another kind: a
  // certificate cannot verify an HS256 token, nor a secret an RS256 one.
  const verify = (key: JwsKey): boolean => verifyJws(header.alg, key, input, signature);
  if (c.keys) return verifiesWithAny(c.keys, header, verify);
  return verify(Buffer.from(c.secret, 'utf8'));
}

/** RFC 7519 4.1.3: a string audience, or an array of them, must contain the expected one. */
function audienceMatches(aud: Value, expected: string): boolean {
  if (typeof aud === 'string') return aud === expected;
  return Array.isArray(aud) && aud.some((a) => a === expected);
}

function unverified(): Value[] {
  return [false, new ObjectValue(), new ObjectValue()];
}

function decodeVerify(jwt: Value, constraints: Value, ctx: BuiltinContext): Value[] {
  let text = stringOperand(DECODE_VERIFY, 1, jwt);
  const c = readConstraints(objectOperand(DECODE_VERIFY, 2, constraints), ctx);
  let header: ObjectValue;
  let payloadText: string;
  // Nested tokens (cty JWT) are verified layer by layer with the same constraints; the claims
  // and header returned are the innermost ones.
  for (;;) {
    const token = splitToken(DECODE_VERIFY, text);
    header = decodeHeader(DECODE_VERIFY, token);
    const params = readHeader(DECODE_VERIFY, header);
    if (!params.valid) return unverified();
    if (c.alg !== '' && c.alg !== params.alg) return unverified();
    const signature = decodePart(DECODE_VERIFY, token.signature, 'signature');
    if (!signatureVerifies(c, params, signingInput(token), signature)) return unverified();
    payloadText = decodePart(DECODE_VERIFY, token.payload, 'payload').toString('utf8');
    if (params.cty.toUpperCase() !== 'JWT') break;
    text = payloadText;
  }
  const claims = jsonObject(DECODE_VERIFY, payloadText);
  return claimsHold(claims, c) ? [true, header, claims] : unverified();
}

/** Registered claims (RFC 7519 4.1) against the constraints; `exp` and `nbf` are in seconds. */
function claimsHold(claims: ObjectValue, c: Constraints): boolean {
  if (c.iss !== '' && claims.get('iss') !== c.iss) return false;
  const aud = claims.get('aud');
  // A token meant for an audience is refused unless the caller says it is that audience.
  if (aud !== undefined ? !audienceMatches(aud, c.aud) : c.aud !== '') return false;
  const now = c.timeNs / 1e9;
  const exp = claims.get('exp');
  if (exp !== undefined) {
    if (!isNumber(exp)) throw builtinError(DECODE_VERIFY, 'exp value must be a number');
    if (compare(now, exp) >= 0) return false;
  }
  const nbf = claims.get('nbf');
  if (nbf !== undefined) {
    if (!isNumber(nbf)) throw builtinError(DECODE_VERIFY, 'nbf value must be a number');
    if (compare(now, nbf) < 0) return false;
  }
  return true;
}

/** A compact JWS of exactly the given header and payload texts, signed with the JWK's key. */
function encodeSign(name: string, headerText: string, payloadText: string, jwkText: string): string {
  let key: JwsKey;
  try {
    key = signingKey(jwkText);
  } catch (e) {
    if (e instanceof KeyError) throw builtinError(name, e.message);
    throw e;
  }
  let header: Value = null;
  try {
    header = parseJson(headerText);
  } catch {
    // Reported below as a missing alg, the one thing the header must give.
  }
  const alg = header instanceof ObjectValue ? header.get('alg') : undefined;
  if (typeof alg !== 'string') throw builtinError(name, "missing or invalid 'alg' header");
  if (!isJwsAlgorithm(alg)) throw builtinError(name, `unknown JWS algorithm: ${alg}`);
  const typ = (header as ObjectValue).get('typ');
  if ((typeof typ !== 'string' || typ === 'JWT') && !isValidJson(payloadText)) {
    throw builtinError(name, 'type is JWT but payload is not JSON');
  }
  const mismatch = keyMismatch(alg, key, true);
  if (mismatch !== undefined) throw builtinError(name, mismatch);
  const input = `${base64url(headerText)}.${base64url(payloadText)}`;
  return `${input}.${signJws(alg, key, Buffer.from(input, 'utf8')).toString('base64url')}`;
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

const ENCODE_SIGN = 'io.jwt.encode_sign';
const ENCODE_SIGN_RAW = 'io.jwt.encode_sign_raw';

export const builtins: BuiltinDef[] = [
  { name: 'io.jwt.decode', arity: 1, fn: ([jwt]) => decode('io.jwt.decode', stringOperand('io.jwt.decode', 1, jwt!)) },
  ...['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'].map(verifyWithCertificate),
  ...['HS256', 'HS384', 'HS512'].map(verifyWithSecret),
  // Marked nondeterministic as OPA marks them: the result depends on the clock, or (ES*, PS*
  // signatures) on randomness.
  { name: DECODE_VERIFY, arity: 2, nondeterministic: true, fn: ([jwt, constraints], ctx) => decodeVerify(jwt!, constraints!, ctx) },
  {
    name: ENCODE_SIGN,
    arity: 3,
    nondeterministic: true,
    fn: ([headers, payload, key]) =>
      encodeSign(
        ENCODE_SIGN,
        // Go's JSON encoding, as OPA signs it: sorted keys, compact, HTML characters escaped.
        marshalJson(objectOperand(ENCODE_SIGN, 1, headers!)),
        marshalJson(objectOperand(ENCODE_SIGN, 2, payload!)),
        marshalJson(objectOperand(ENCODE_SIGN, 3, key!)),
      ),
  },
  {
    name: ENCODE_SIGN_RAW,
    arity: 3,
    nondeterministic: true,
    fn: ([headers, payload, key]) =>
      encodeSign(
        ENCODE_SIGN_RAW,
        stringOperand(ENCODE_SIGN_RAW, 1, headers!),
        stringOperand(ENCODE_SIGN_RAW, 2, payload!),
        stringOperand(ENCODE_SIGN_RAW, 3, key!),
      ),
  },
];
