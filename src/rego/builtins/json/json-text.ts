// JSON text in and out as OPA's Go runtime produces and accepts it: strict RFC 8259 parsing
// with exact integers, and output with sorted keys, sets as arrays and Go's HTML-safe escaping.
import { ObjectValue, compareStrings, keyText, normalizeBig, writeJson } from '../../value.ts';
import type { Value } from '../../value.ts';

export class JsonSyntaxError extends Error {}

/** Parses one JSON document. Integers beyond 2^53 stay exact; duplicate keys keep the last value. */
export function parseJson(text: string): Value {
  let i = 0;
  const fail = (what: string): never => {
    throw new JsonSyntaxError(i >= text.length ? 'unexpected end of JSON input' : `invalid character ${quoteChar(text[i]!)} ${what}`);
  };
  const ws = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  const value = (): Value => {
    ws();
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    for (const [lit, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return v;
      }
    }
    return fail('looking for beginning of value');
  };
  /** Past an opening bracket: true if the collection closes at once. */
  const empty = (close: string): boolean => {
    i++;
    ws();
    if (text[i] !== close) return false;
    i++;
    return true;
  };
  /** After a member: true past a comma (another member follows), false past the closing bracket. */
  const more = (close: string, what: string): boolean => {
    ws();
    if (text[i] === ',') {
      i++;
      return true;
    }
    if (text[i] === close) {
      i++;
      return false;
    }
    return fail(what);
  };
  const object = (): Value => {
    const o = new ObjectValue();
    if (empty('}')) return o;
    do {
      ws();
      if (text[i] !== '"') fail('looking for beginning of object key string');
      const k = string();
      ws();
      if (text[i] !== ':') fail('after object key');
      i++;
      o.set(k, value());
    } while (more('}', 'after object key:value pair'));
    return o;
  };
  const array = (): Value => {
    const out: Value[] = [];
    if (empty(']')) return out;
    do out.push(value());
    while (more(']', 'after array element'));
    return out;
  };
  const string = (): string => {
    i++;
    let out = '';
    let start = i;
    for (;;) {
      if (i >= text.length) fail('in string literal');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(start, i);
        i++;
        return out;
      }
      if (c < 0x20) fail('in string literal');
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += text.slice(start, i);
      const e = text[i + 1];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e !== undefined && simple[e] !== undefined) {
        out += simple[e];
        i += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        i++;
        fail('in string escape code');
      }
      start = i;
    }
  };
  const number = (): Value => {
    const m = /^-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!m) {
      i++;
      return fail('in numeric literal');
    }
    i += m[0].length;
    return numberFromLiteral(m[0]);
  };
  const v = value();
  ws();
  if (i < text.length) fail('after top-level value');
  return v;
}

/** A number literal as a Value: integers exact (bigint beyond 2^53), everything else a float. */
export function numberFromLiteral(lit: string): number | bigint {
  if (/^-?\d+$/.test(lit)) return normalizeBig(BigInt(lit));
  const n = Number(lit);
  // Literals such as 1e30 denote integers beyond floats' exact range: keep them exact.
  if ((!Number.isSafeInteger(n) && Number.isInteger(n)) || !Number.isFinite(n)) {
    const exact = integerFromScientific(lit);
    if (exact !== undefined) return normalizeBig(exact);
    if (!Number.isFinite(n)) throw new JsonSyntaxError(`number ${lit} is out of range`);
  }
  return n;
}

function integerFromScientific(lit: string): bigint | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?[eE]\+?(\d+)$/.exec(lit);
  if (!m) return undefined;
  const frac = m[3] ?? '';
  const exp = Number(m[4]) - frac.length;
  if (exp < 0 || exp > 400) return undefined;
  const digits = BigInt(m[2]! + frac) * 10n ** BigInt(exp);
  return m[1] ? -digits : digits;
}

/** True when the whole text is one JSON document. */
export function isValidJson(text: string): boolean {
  try {
    parseJson(text);
    return true;
  } catch {
    return false;
  }
}

/** Go's encoding/json string escaping: HTML-sensitive characters and U+2028/2029 become \u escapes. */
export function quoteJsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/**
 * JSON text of a value as Go's json.Marshal / json.MarshalIndent print it. With `indent`
 * undefined the output is compact; otherwise every line after the first starts with `prefix`.
 */
export function marshalJson(v: Value, indent?: string, prefix = ''): string {
  return writeJson(v, { quote: quoteJsonString, entries: goMapEntries, indent, prefix });
}

function goMapEntries(o: ObjectValue): (readonly [string, Value])[] {
  return Array.from(o.entries(), ([k, val]) => [keyText(k), val] as const).sort((a, b) => compareStrings(a[0], b[0]));
}

function quoteChar(c: string): string {
  return c === "'" ? "'\\''" : `'${c}'`;
}
