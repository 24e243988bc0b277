// CIDR builtins over IPv4 and IPv6, following Go's net package: addresses live in one
// 128-bit space (IPv4 as ::ffff:a.b.c.d), and an IPv4 net never contains an IPv6 address.
import { ObjectValue, SetValue } from '../value.ts';
import type { Value } from '../value.ts';
import type { BuiltinContext, BuiltinDef } from './builtin.ts';
import { builtinError, limitError } from './builtin.ts';
import { stringOperand, wrongType } from './operands.ts';

const V4_MAPPED = 0xffffn << 32n;
const ALL = (1n << 128n) - 1n;

interface Ip {
  addr: bigint;
  v4: boolean;
}

interface Net {
  /** The network address (host bits cleared). */
  addr: bigint;
  /** Prefix length in the 128-bit space (an IPv4 /8 is 104). */
  bits: number;
  v4: boolean;
}

function isV4Mapped(addr: bigint): boolean {
  return addr >> 32n === 0xffffn;
}

function parseV4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let out = 0n;
  for (const p of parts) {
    // Go rejects leading zeros, which some resolvers read as octal.
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p) || Number(p) > 255) return undefined;
    out = (out << 8n) | BigInt(p);
  }
  return out;
}

function parseV6(s: string): bigint | undefined {
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string, last: boolean): bigint[] | undefined => {
    if (part === '') return [];
    const out: bigint[] = [];
    const fields = part.split(':');
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      if (last && i === fields.length - 1 && f.includes('.')) {
        const v4 = parseV4(f);
        if (v4 === undefined) return undefined;
        out.push(v4 >> 16n, v4 & 0xffffn);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(f)) out.push(BigInt('0x' + f));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]!, halves.length === 1);
  const tail = halves.length === 2 ? groups(halves[1]!, true) : [];
  if (!head || !tail) return undefined;
  const count = head.length + tail.length;
  if (halves.length === 1 ? count !== 8 : count > 7) return undefined;
  const all = [...head, ...Array<bigint>(8 - count).fill(0n), ...tail];
  return all.reduce((acc, g) => (acc << 16n) | g, 0n);
}

export function parseIp(s: string): Ip | undefined {
  if (s.includes(':')) {
    const addr = parseV6(s);
    return addr === undefined ? undefined : { addr, v4: isV4Mapped(addr) };
  }
  const v4 = parseV4(s);
  return v4 === undefined ? undefined : { addr: V4_MAPPED | v4, v4: true };
}

export function parseCidr(s: string): Net | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const ipText = s.slice(0, slash);
  const prefix = s.slice(slash + 1);
  const ip = parseIp(ipText);
  if (!ip || !/^[0-9]{1,3}$/.test(prefix)) return undefined;
  const v6Text = ipText.includes(':');
  const width = v6Text ? 128 : 32;
  const n = Number(prefix);
  if (n > width) return undefined;
  const bits = v6Text ? n : 96 + n;
  const addr = ip.addr & mask(bits);
  return { addr, bits, v4: isV4Mapped(addr) };
}

function mask(bits: number): bigint {
  return bits === 0 ? 0n : (ALL << BigInt(128 - bits)) & ALL;
}

function lastAddress(net: Net): bigint {
  return net.addr | (~mask(net.bits) & ALL);
}

function contains(net: Net, ip: Ip): boolean {
  return net.v4 === ip.v4 && (ip.addr & mask(net.bits)) === net.addr;
}

/** Go's text of an address: dotted quad for IPv4, RFC 5952 compressed form for IPv6. */
export function formatIp(addr: bigint, v4: boolean): string {
  if (v4) return [24n, 16n, 8n, 0n].map((s) => String((addr >> s) & 0xffn)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => Number((addr >> BigInt(112 - 16 * i)) & 0xffffn));
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (gs: number[]): string => gs.map((g) => g.toString(16)).join(':');
  if (bestStart < 0) return hex(groups);
  return hex(groups.slice(0, bestStart)) + '::' + hex(groups.slice(bestStart + bestLen));
}

function formatNet(net: Net): string {
  return `${formatIp(net.addr, net.v4)}/${net.v4 ? net.bits - 96 : net.bits}`;
}

function netOperand(name: string, v: Value): Net {
  // OPA numbers every CIDR operand as operand 1 in these messages.
  const s = stringOperand(name, 1, v);
  const net = parseCidr(s);
  if (!net) throw builtinError(name, `invalid CIDR address: ${s}`);
  return net;
}

function cidrContains(name: string, a: Value, b: Value): boolean {
  const net = netOperand(name, a);
  const s = stringOperand(name, 1, b);
  const ip = parseIp(s);
  if (ip) return contains(net, ip);
  const inner = parseCidr(s);
  if (!inner) throw builtinError(name, `not a valid textual representation of an IP address or CIDR: ${s}`);
  return (
    contains(net, { addr: inner.addr, v4: inner.v4 }) && contains(net, { addr: lastAddress(inner), v4: inner.v4 })
  );
}

function cidrIntersects(a: Value, b: Value): boolean {
  const x = netOperand('net.cidr_intersects', a);
  const y = netOperand('net.cidr_intersects', b);
  return contains(x, { addr: y.addr, v4: y.v4 }) || contains(y, { addr: x.addr, v4: x.v4 });
}

/** Upper bound on addresses one cidr_expand may produce; larger nets are almost always mistakes. */
export const MAX_EXPANSION = 1 << 20;

function cidrExpand(v: Value, ctx: BuiltinContext): SetValue {
  const name = 'net.cidr_expand';
  const net = netOperand(name, v);
  const size = 1n << BigInt(128 - net.bits);
  if (size > BigInt(MAX_EXPANSION)) throw limitError(name, `CIDR ${formatNet(net)} has more than ${MAX_EXPANSION} addresses (routewise's limit)`);
  ctx.work?.(Number(size));
  const out = new SetValue();
  for (let a = net.addr; a <= lastAddress(net); a++) out.add(formatIp(a, net.v4));
  return out;
}

/** Each element of a cidr_contains_matches operand: (cidr text, key to report). */
function matchEntries(name: string, pos: number, v: Value): [Value, Value][] {
  const cidrOf = (x: Value): Value => {
    if (typeof x === 'string') return x;
    if (Array.isArray(x) && x.length > 0) return x[0]!;
    throw builtinError(name, `operand ${pos}: element must be string or non-empty array`);
  };
  if (typeof v === 'string') return [[v, v]];
  if (Array.isArray(v)) return v.map((x, i) => [cidrOf(x), i]);
  if (v instanceof SetValue) return v.sorted().map((x) => [cidrOf(x), x]);
  if (v instanceof ObjectValue) return v.sortedEntries().map(([k, x]) => [cidrOf(x), k]);
  throw wrongType(name, pos, 'one of {string, array, set, object}', v);
}

function cidrContainsMatches(a: Value, b: Value): SetValue {
  const name = 'net.cidr_contains_matches';
  const out = new SetValue();
  const right = matchEntries(name, 2, b);
  for (const [cidr1, key1] of matchEntries(name, 1, a)) {
    for (const [cidr2, key2] of right) {
      if (cidrContains(name, cidr1, cidr2)) out.add([key1, key2]);
    }
  }
  return out;
}

/** Go's classful default mask, which OPA applies to bare IPv4 addresses in cidr_merge. */
function defaultBits(addr: bigint): number {
  const first = Number((addr >> 24n) & 0xffn);
  return 96 + (first < 0x80 ? 8 : first < 0xc0 ? 16 : 24);
}

function mergeOperand(name: string, x: Value): Net {
  if (typeof x !== 'string') throw builtinError(name, 'element must be string');
  const ip = parseIp(x);
  if (!ip) {
    const net = parseCidr(x);
    if (!net) throw builtinError(name, `invalid CIDR address: ${x}`);
    return net;
  }
  if (!ip.v4) throw builtinError(name, 'IPv6 invalid: needs prefix length');
  const bits = defaultBits(ip.addr);
  return { addr: ip.addr & mask(bits), bits, v4: true };
}

/** The fewest CIDRs that exactly cover [first, last]. */
function rangeToNets(first: bigint, last: bigint, v4: boolean): Net[] {
  const out: Net[] = [];
  let start = first;
  while (start <= last) {
    let bits = 128;
    // Grow the block while it stays aligned and inside the range.
    while (bits > (v4 ? 96 : 0)) {
      const size = 1n << BigInt(128 - (bits - 1));
      if (start % size !== 0n || start + size - 1n > last) break;
      bits--;
    }
    out.push({ addr: start, bits, v4 });
    start += 1n << BigInt(128 - bits);
  }
  return out;
}

function cidrMerge(v: Value): SetValue {
  const name = 'net.cidr_merge';
  let items: Value[];
  if (Array.isArray(v)) items = v;
  else if (v instanceof SetValue) items = v.sorted();
  else throw builtinError(name, 'operand must be an array');
  const ranges = items
    .map((x) => mergeOperand(name, x))
    .map((n) => ({ first: n.addr, last: lastAddress(n), v4: n.v4 }))
    .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const merged: { first: bigint; last: bigint; v4: boolean }[] = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && prev.v4 === r.v4 && r.first <= prev.last + 1n) {
      if (r.last > prev.last) prev.last = r.last;
    } else merged.push({ ...r });
  }
  return SetValue.from(merged.flatMap((r) => rangeToNets(r.first, r.last, r.v4)).map(formatNet));
}

function cidrIsValid(v: Value): boolean {
  return typeof v === 'string' && parseCidr(v) !== undefined;
}

export const builtins: BuiltinDef[] = [
  { name: 'net.cidr_contains', arity: 2, fn: ([a, b]) => cidrContains('net.cidr_contains', a!, b!) },
  { name: 'net.cidr_intersects', arity: 2, fn: ([a, b]) => cidrIntersects(a!, b!) },
  { name: 'net.cidr_overlap', arity: 2, fn: ([a, b]) => cidrContains('net.cidr_overlap', a!, b!), deprecated: true },
  { name: 'net.cidr_is_valid', arity: 1, fn: ([a]) => cidrIsValid(a!) },
  { name: 'net.cidr_expand', arity: 1, fn: ([a], ctx) => cidrExpand(a!, ctx) },
  { name: 'net.cidr_contains_matches', arity: 2, fn: ([a, b]) => cidrContainsMatches(a!, b!) },
  { name: 'net.cidr_merge', arity: 1, fn: ([a]) => cidrMerge(a!) },
];
