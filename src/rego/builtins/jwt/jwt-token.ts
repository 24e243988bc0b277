// The compact serialization of a JSON Web Token (RFC 7515 section 7.1): three base64url parts
// joined by periods, the first two JSON objects (the JOSE header and the claims).
import { ObjectValue } from '../../value.ts';
import type { Value } from '../../value.ts';
import { builtinError } from '../builtin.ts';
import { parseJson } from '../json/json-text.ts';

/** The three parts of a token, still base64url encoded. */
export interface CompactToken {
  header: string;
  payload: string;
  signature: string;
}

export function splitToken(name: string, text: string): CompactToken {
  if (!text.includes('.')) throw builtinError(name, 'encoded JWT had no period separators');
  const parts = text.split('.');
  if (parts.length !== 3) throw builtinError(name, `encoded JWT must have 3 sections, found ${parts.length}`);
  return { header: parts[0]!, payload: parts[1]!, signature: parts[2]! };
}

/** The bytes a signature covers: the encoded header and payload as they appear in the token. */
export function signingInput(token: CompactToken): Buffer {
  return Buffer.from(`${token.header}.${token.payload}`, 'utf8');
}

const URL_ALPHABET = /^[A-Za-z0-9_-]*={0,2}$/;

/**
 * Decodes base64url with or without padding (RFC 7515 appendix C), strictly: only the URL
 * alphabet, padding only at the end and only to a whole quantum. Returns the failure text instead
 * of throwing so each caller can name the part that failed.
 */
export function base64urlDecode(s: string): Buffer | string {
  const clean = s.replace(/[\r\n]/g, '');
  let padded = clean;
  if (!clean.endsWith('=')) {
    const rem = clean.length % 4;
    if (rem === 1) return `illegal base64url string: ${s}`;
    padded += rem === 2 ? '==' : rem === 3 ? '=' : '';
  }
  if (!URL_ALPHABET.test(padded) || padded.length % 4 !== 0) return `illegal base64url string: ${s}`;
  return Buffer.from(padded, 'base64url');
}

/** The decoded bytes of one part; `part` names it in the error. */
export function decodePart(name: string, encoded: string, part: 'header' | 'payload' | 'signature'): Buffer {
  const out = base64urlDecode(encoded);
  if (typeof out === 'string') throw builtinError(name, `JWT ${part} had invalid encoding: ${out}`);
  return out;
}

/** The JOSE header as an object. Encrypted tokens (JWE, marked by `enc`) are not supported. */
export function decodeHeader(name: string, token: CompactToken): ObjectValue {
  const text = decodePart(name, token.header, 'header').toString('utf8');
  const header = jsonObject(name, text, 'bad JWT header: ');
  if (header.has('enc')) throw builtinError(name, 'JWT is a JWE object, which is not supported');
  return header;
}

/** JSON text that must hold an object; duplicate keys keep the last value, as OPA's JSON reader does. */
export function jsonObject(name: string, text: string, context = ''): ObjectValue {
  let v: Value;
  try {
    v = parseJson(text);
  } catch (e) {
    throw builtinError(name, `${context}invalid JSON: ${(e as Error).message}`);
  }
  if (!(v instanceof ObjectValue)) throw builtinError(name, `${context}decoded JSON type was not an Object`);
  return v;
}

/** The header parameters verification depends on (RFC 7515 section 4.1). */
export interface TokenHeader {
  alg: string;
  kid: string;
  cty: string;
  /**
   * False when the header may not be trusted: `alg` is missing, or `crit` names a parameter
   * this reader does not understand (RFC 7515 4.1.11).
   */
  valid: boolean;
}

const KNOWN_PARAMETERS = new Set(['alg', 'kid', 'typ', 'cty', 'crit']);

/** Reads the header's parameters; a known parameter of the wrong type is an error. */
export function readHeader(name: string, header: ObjectValue): TokenHeader {
  const text = (key: string): string => {
    const v = header.get(key);
    if (v === undefined) return '';
    if (typeof v !== 'string') throw builtinError(name, `${key}: must be a string`);
    return v;
  };
  const alg = text('alg');
  const kid = text('kid');
  text('typ');
  const cty = text('cty');
  const critical = header.has('crit') ? criticalParameters(name, header.get('crit')!) : [];
  const unknownCritical = critical.some((p) => !KNOWN_PARAMETERS.has(p) && header.has(p));
  return { alg, kid, cty, valid: alg !== '' && !unknownCritical };
}

function criticalParameters(name: string, crit: Value): string[] {
  if (!Array.isArray(crit)) throw builtinError(name, 'crit: must be a list');
  const names = crit.filter((c): c is string => typeof c === 'string');
  // RFC 7515 4.1.11: producers must not send an empty list.
  if (names.length === 0) throw builtinError(name, 'crit: must be a nonempty list');
  return names;
}
