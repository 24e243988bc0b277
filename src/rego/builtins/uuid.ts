// uuid.rfc4122 (random version 4, one value per argument within an evaluation) and
// uuid.parse, which decodes the fields that versions 1, 2, 6 and 7 carry.
import { randomUUID } from 'node:crypto';
import { ObjectValue, keyOf, normalizeBig } from '../value.ts';
import type { Value } from '../value.ts';
import type { BuiltinDef } from './builtin.ts';
import { stringOperand } from './operands.ts';

/** 100-ns intervals between the Gregorian epoch (1582-10-15) and the Unix epoch. */
const GREGORIAN_OFFSET = 122192928000000000n;

function uuidBytes(s: string): number[] | undefined {
  let hex: string;
  if (s.length === 36 + 9 && s.slice(0, 9).toLowerCase() === 'urn:uuid:') hex = dashed(s.slice(9));
  else if (s.length === 38 && s[0] === '{' && s[37] === '}') hex = dashed(s.slice(1, 37));
  else if (s.length === 36) hex = dashed(s);
  else if (s.length === 32) hex = s;
  else return undefined;
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) return undefined;
  return Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16));
}

function dashed(s: string): string {
  if (s[8] !== '-' || s[13] !== '-' || s[18] !== '-' || s[23] !== '-') return 'invalid';
  return s.replace(/-/g, '');
}

function variant(b: number): string {
  if ((b & 0x80) === 0) return 'Reserved';
  if ((b & 0xc0) === 0x80) return 'RFC4122';
  if ((b & 0xe0) === 0xc0) return 'Microsoft';
  return 'Future';
}

function macVariables(b: number): string {
  if ((b & 0b11) === 0b11) return 'local:multicast';
  if ((b & 0b01) === 0b01) return 'global:multicast';
  if ((b & 0b10) === 0b10) return 'local:unicast';
  return 'global:unicast';
}

function uint(bytes: number[], from: number, to: number): bigint {
  return bytes.slice(from, to).reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);
}

/** Timestamp of a version 1, 2, 6 or 7 UUID, in Unix nanoseconds. */
function timeNs(bytes: number[], version: number): bigint {
  if (version === 7) return (uint(bytes, 0, 8) >> 16n) * 1_000_000n;
  let ticks: bigint;
  if (version === 6) ticks = (uint(bytes, 0, 4) << 28n) | (uint(bytes, 4, 6) << 12n) | (uint(bytes, 6, 8) & 0xfffn);
  else ticks = ((uint(bytes, 6, 8) & 0xfffn) << 48n) | (uint(bytes, 4, 6) << 32n) | uint(bytes, 0, 4);
  return (ticks - GREGORIAN_OFFSET) * 100n;
}

const DOMAINS = ['Person', 'Group', 'Org'];

function uuidParse(s: string): Value | undefined {
  const bytes = uuidBytes(s);
  if (!bytes) return undefined;
  const version = bytes[6]! >> 4;
  const out = new ObjectValue();
  out.set('version', version);
  out.set('variant', variant(bytes[8]!));
  if (version === 1 || version === 2) {
    out.set('time', normalizeBig(timeNs(bytes, version)));
    out.set('nodeid', bytes.slice(10).map((b) => b.toString(16).padStart(2, '0')).join('-'));
    out.set('macvariables', macVariables(bytes[10]!));
    out.set('clocksequence', Number(uint(bytes, 8, 10) & 0x3fffn));
    if (version === 2) {
      out.set('id', Number(uint(bytes, 0, 4)));
      out.set('domain', DOMAINS[bytes[9]!] ?? `Domain${bytes[9]}`);
    }
  } else if (version === 6 || version === 7) {
    out.set('time', normalizeBig(timeNs(bytes, version)));
  }
  return out;
}

export const builtins: BuiltinDef[] = [
  {
    name: 'uuid.rfc4122',
    arity: 1,
    nondeterministic: true,
    fn: ([a], ctx) => {
      const arg = stringOperand('uuid.rfc4122', 1, a!);
      // The same argument yields the same UUID for the rest of the evaluation, as in OPA.
      const key = 'uuid.rfc4122\0' + keyOf(arg);
      const cached = ctx.cache.get(key);
      if (typeof cached === 'string') return cached;
      const fresh = randomUUID();
      ctx.cache.set(key, fresh);
      return fresh;
    },
  },
  { name: 'uuid.parse', arity: 1, fn: ([a]) => uuidParse(stringOperand('uuid.parse', 1, a!)) },
];
