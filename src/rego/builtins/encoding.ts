// Encoding builtins: base64, base64url, hex, URL query strings, JSON and YAML, with the
// strictness and error texts of the Go libraries that OPA uses.
import { parseDocument } from 'yaml';
import type { DocumentOptions, ParseOptions, SchemaOptions } from 'yaml';
import { ObjectValue, SetValue, fromJS, normalizeBig, stringify, toJS, typeName } from '../value.ts';
import type { Value } from '../value.ts';
import type { BuiltinDef } from './builtin.ts';
import { BuiltinTypeError, builtinError } from './builtin.ts';
import { isValidJson, marshalJson, parseJson } from './json/json-text.ts';
import { objectOperand, stringOperand } from './operands.ts';

const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function utf8(s: string): Buffer {
  return Buffer.from(s, 'utf8');
}

/**
 * Decodes padded base64 as strictly as Go's base64.StdEncoding/URLEncoding: only the
 * alphabet, padding only at the end, whole quanta. Line breaks are skipped as Go does.
 */
function decodeBase64(s: string, alphabet: string): Buffer | string {
  const clean = s.replace(/[\r\n]/g, '');
  let pad = 0;
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i]!;
    if (c === '=') {
      pad++;
      if (pad > 2 || i % 4 < 2) return `illegal base64 data at input byte ${i}`;
      continue;
    }
    if (pad > 0 || !alphabet.includes(c)) return `illegal base64 data at input byte ${i}`;
  }
  if (clean.length % 4 !== 0) return `illegal base64 data at input byte ${clean.length - (clean.length % 4)}`;
  return Buffer.from(alphabet === URL ? clean.replace(/-/g, '+').replace(/_/g, '/') : clean, 'base64');
}

function base64Decode(name: string, s: string, alphabet: string): string {
  const out = decodeBase64(s, alphabet);
  if (typeof out === 'string') throw builtinError(name, out);
  return out.toString('utf8');
}

function hexDecode(s: string): string {
  const bytes = utf8(s);
  const isHex = (b: number): boolean => (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46);
  for (const b of bytes) {
    if (!isHex(b)) {
      const ch = String.fromCodePoint(b);
      const printable = b >= 0x20 && b !== 0x7f;
      const u = 'U+' + b.toString(16).toUpperCase().padStart(4, '0');
      throw builtinError('hex.decode', `encoding/hex: invalid byte: ${printable ? `${u} '${ch}'` : u}`);
    }
  }
  if (bytes.length % 2 === 1) throw builtinError('hex.decode', 'encoding/hex: odd length hex string');
  return Buffer.from(bytes.toString('latin1'), 'hex').toString('utf8');
}

/** Go's url.QueryEscape: unreserved characters stay, space becomes '+', all else %XX. */
export function queryEscape(s: string): string {
  let out = '';
  for (const b of utf8(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (b === 0x20) out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Go's url.QueryUnescape; returns an error text for a malformed escape. */
function queryUnescape(s: string): { ok: string } | { err: string } {
  const bytes: number[] = [];
  const src = utf8(s);
  for (let i = 0; i < src.length; i++) {
    const b = src[i]!;
    if (b === 0x25) {
      const hex = src.subarray(i + 1, i + 3).toString('latin1');
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) {
        const bad = src.subarray(i, i + 3).toString('utf8');
        return { err: `invalid URL escape ${JSON.stringify(bad)}` };
      }
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(b === 0x2b ? 0x20 : b);
  }
  return { ok: Buffer.from(bytes).toString('utf8') };
}

function urlqueryDecode(s: string): string {
  const r = queryUnescape(s);
  if ('err' in r) throw builtinError('urlquery.decode', r.err);
  return r.ok;
}

function urlqueryEncodeObject(v: Value): string {
  const name = 'urlquery.encode_object';
  const obj = objectOperand(name, 1, v);
  const valuesError = new BuiltinTypeError(`${name}: operand 1 values must be string, array[string], or set[string]`);
  const pairs: [string, string[]][] = [];
  for (const [k, val] of obj.entries()) {
    const key = typeof k === 'string' ? k : stringify(k);
    if (typeof val === 'string') pairs.push([key, [val]]);
    else if (Array.isArray(val) || val instanceof SetValue) {
      const items = Array.isArray(val) ? val : val.sorted();
      if (!items.every((x): x is string => typeof x === 'string')) throw valuesError;
      pairs.push([key, items]);
    } else throw valuesError;
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return pairs
    .flatMap(([k, vals]) => vals.map((x) => queryEscape(k) + '=' + queryEscape(x)))
    .join('&');
}

/** Go's url.ParseQuery: '&'-separated pairs; a ';' is an error; the first bad escape is reported. */
function urlqueryDecodeObject(s: string): ObjectValue {
  const name = 'urlquery.decode_object';
  const out = new Map<string, string[]>();
  let firstError: string | undefined;
  for (const part of s.split('&')) {
    if (part.includes(';')) {
      firstError ??= 'invalid semicolon separator in query';
      continue;
    }
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    const k = queryUnescape(rawKey);
    if ('err' in k) {
      firstError ??= k.err;
      continue;
    }
    const v = queryUnescape(rawValue);
    if ('err' in v) {
      firstError ??= v.err;
      continue;
    }
    const list = out.get(k.ok) ?? [];
    list.push(v.ok);
    out.set(k.ok, list);
  }
  if (firstError !== undefined) throw builtinError(name, firstError);
  return ObjectValue.from(Array.from(out, ([k, v]) => [k, v] as const));
}

function jsonUnmarshal(s: string): Value {
  try {
    return parseJson(s);
  } catch (e) {
    throw builtinError('json.unmarshal', (e as Error).message);
  }
}

function jsonMarshalWithOptions(v: Value, opts: Value): string {
  const name = 'json.marshal_with_options';
  const options = objectOperand(name, 2, opts);
  let indent = '\t';
  let prefix = '';
  let implicitPretty = false;
  let explicitPretty: boolean | undefined;
  for (const [k, val] of options.sortedEntries()) {
    if (typeof k !== 'string') throw new BuiltinTypeError(`${name}: operand 2 object keys must be strings`);
    if (k === 'prefix' || k === 'indent') {
      if (typeof val !== 'string') {
        throw new BuiltinTypeError(`${name}: operand 2 key ${k} failed cast to string: must be string but got ${typeName(val)}`);
      }
      if (k === 'prefix') prefix = val;
      else indent = val;
      implicitPretty = true;
    } else if (k === 'pretty') {
      if (typeof val !== 'boolean') throw new BuiltinTypeError(`${name}: operand 2 key pretty failed cast to bool`);
      explicitPretty = val;
    } else {
      throw new BuiltinTypeError(`${name}: operand 2 object contained unknown key ${k}`);
    }
  }
  const pretty = explicitPretty ?? implicitPretty;
  return pretty ? prefix + marshalJson(v, indent, prefix) : marshalJson(v);
}

const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  // OPA reads YAML through go-yaml v2, which follows YAML 1.1 (yes/no booleans, 0777 octals).
  version: '1.1',
  intAsBigInt: true,
  uniqueKeys: false,
  // Timestamps stay strings, as they do when go-yaml decodes into untyped values.
  customTags: (tags) => tags.filter((t) => typeof t === 'string' || t.tag !== 'tag:yaml.org,2002:timestamp'),
};

/** Converts parsed YAML to a JSON-shaped Value, as OPA's YAML-to-JSON step does. */
function yamlToValue(x: unknown): Value {
  if (x instanceof Map) {
    const o = new ObjectValue();
    for (const [k, v] of x) o.set(yamlKey(k), yamlToValue(v));
    return o;
  }
  if (Array.isArray(x)) return x.map(yamlToValue);
  if (x instanceof Set) return Array.from(x, yamlToValue);
  if (typeof x === 'number' && !Number.isFinite(x)) throw new Error(`json: unsupported value: ${x > 0 ? '+Inf' : x < 0 ? '-Inf' : 'NaN'}`);
  if (typeof x === 'bigint') return normalizeBig(x);
  if (x instanceof Uint8Array) return Buffer.from(x).toString('utf8');
  return fromJS(x);
}

function yamlKey(k: unknown): string {
  if (typeof k === 'string') return k;
  if (k === null || k === undefined) return 'null';
  if (typeof k === 'number' || typeof k === 'bigint' || typeof k === 'boolean') return String(k);
  throw new Error('yaml: invalid map key: ' + String(k));
}

function parseYaml(s: string): Value {
  const doc = parseDocument(s, YAML_OPTIONS);
  if (doc.errors.length > 0) throw new Error(doc.errors[0]!.message.split('\n')[0]);
  return yamlToValue(doc.toJS({ mapAsMap: true, maxAliasCount: 10000 }));
}

function yamlUnmarshal(s: string): Value {
  try {
    return parseYaml(s);
  } catch (e) {
    throw builtinError('yaml.unmarshal', (e as Error).message);
  }
}

function yamlMarshal(v: Value): string {
  const doc = parseDocument('null', { version: '1.1' });
  doc.contents = doc.createNode(toJS(v)) as typeof doc.contents;
  return doc.toString({ indentSeq: false, lineWidth: 0 });
}

function str(name: string, fn: (s: string) => Value): BuiltinDef {
  return { name, arity: 1, fn: ([a]) => fn(stringOperand(name, 1, a!)) };
}

/** Validity checks answer false, not an error, for operands that are not strings. */
function check(name: string, fn: (s: string) => boolean): BuiltinDef {
  return { name, arity: 1, fn: ([a]) => typeof a === 'string' && fn(a) };
}

function base64urlDecode(s: string): string {
  let padded = s;
  if (!s.endsWith('=')) {
    const rem = s.length % 4;
    if (rem === 1) throw builtinError('base64url.decode', `illegal base64url string: ${s}`);
    padded += rem === 2 ? '==' : rem === 3 ? '=' : '';
  }
  return base64Decode('base64url.decode', padded, URL);
}

export const builtins: BuiltinDef[] = [
  str('base64.encode', (s) => utf8(s).toString('base64')),
  str('base64.decode', (s) => base64Decode('base64.decode', s, STD)),
  check('base64.is_valid', (s) => typeof decodeBase64(s, STD) !== 'string'),
  str('base64url.encode', (s) => utf8(s).toString('base64').replace(/\+/g, '-').replace(/\//g, '_')),
  str('base64url.encode_no_pad', (s) => utf8(s).toString('base64url')),
  str('base64url.decode', base64urlDecode),
  str('hex.encode', (s) => utf8(s).toString('hex')),
  str('hex.decode', hexDecode),
  str('urlquery.encode', queryEscape),
  str('urlquery.decode', urlqueryDecode),
  { name: 'urlquery.encode_object', arity: 1, fn: ([a]) => urlqueryEncodeObject(a!) },
  str('urlquery.decode_object', urlqueryDecodeObject),
  { name: 'json.marshal', arity: 1, fn: ([a]) => marshalJson(a!) },
  { name: 'json.marshal_with_options', arity: 2, fn: ([a, b]) => jsonMarshalWithOptions(a!, b!) },
  str('json.unmarshal', jsonUnmarshal),
  check('json.is_valid', isValidJson),
  { name: 'yaml.marshal', arity: 1, fn: ([a]) => yamlMarshal(a!) },
  str('yaml.unmarshal', yamlUnmarshal),
  check('yaml.is_valid', (s) => {
    try {
      parseYaml(s);
      return true;
    } catch {
      return false;
    }
  }),
];
