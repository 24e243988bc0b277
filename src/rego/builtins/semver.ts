// semver.compare and semver.is_valid: strict Semantic Versioning 2.0.0 (no "v" prefix,
// no leading zeros) with its precedence rules; build metadata never affects order.
import type { BuiltinDef } from './builtin.ts';
import { builtinError } from './builtin.ts';
import { stringOperand } from './operands.ts';

interface Version {
  core: [bigint, bigint, bigint];
  pre: string[];
}

const NUM = '(0|[1-9][0-9]*)';
const PRE_ID = '(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)';
const SEMVER = new RegExp(
  `^${NUM}\\.${NUM}\\.${NUM}(?:-(${PRE_ID}(?:\\.${PRE_ID})*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$`,
);

export function parseSemver(s: string): Version | undefined {
  const m = SEMVER.exec(s);
  if (!m) return undefined;
  return { core: [BigInt(m[1]!), BigInt(m[2]!), BigInt(m[3]!)], pre: m[4] ? m[4].split('.') : [] };
}

function compareIdentifiers(a: string, b: string): number {
  const an = /^[0-9]+$/.test(a);
  const bn = /^[0-9]+$/.test(b);
  if (an && bn) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  // Numeric identifiers have lower precedence than alphanumeric ones.
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareSemver(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) {
    if (a.core[i] !== b.core[i]) return a.core[i]! < b.core[i]! ? -1 : 1;
  }
  // A release outranks any of its pre-releases.
  if (a.pre.length === 0 || b.pre.length === 0) return a.pre.length === b.pre.length ? 0 : a.pre.length === 0 ? 1 : -1;
  const n = Math.min(a.pre.length, b.pre.length);
  for (let i = 0; i < n; i++) {
    const c = compareIdentifiers(a.pre[i]!, b.pre[i]!);
    if (c !== 0) return c;
  }
  return a.pre.length === b.pre.length ? 0 : a.pre.length < b.pre.length ? -1 : 1;
}

function semverCompare(x: string, y: string): number {
  const a = parseSemver(x);
  if (!a) throw builtinError('semver.compare', `operand 1: string ${JSON.stringify(x)} is not a valid SemVer`);
  const b = parseSemver(y);
  if (!b) throw builtinError('semver.compare', `operand 2: string ${JSON.stringify(y)} is not a valid SemVer`);
  return compareSemver(a, b);
}

export const builtins: BuiltinDef[] = [
  {
    name: 'semver.compare',
    arity: 2,
    fn: ([a, b]) => semverCompare(stringOperand('semver.compare', 1, a!), stringOperand('semver.compare', 2, b!)),
  },
  { name: 'semver.is_valid', arity: 1, fn: ([a]) => typeof a === 'string' && parseSemver(a) !== undefined },
];
