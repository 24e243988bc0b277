// Numeric builtins: the arithmetic operators (+ - * / %), rounding, ranges and rand.intn.
import { SetValue, isNumber, normalizeBig } from '../../value.ts';
import type { Value } from '../../value.ts';
import type { BuiltinContext, BuiltinDef } from '../builtin.ts';
import { builtinError, limitError } from '../builtin.ts';
import * as arith from './arithmetic.ts';
import type { Num } from './arithmetic.ts';
import { integerOperand, notInteger, numberOperand, stringOperand, wrongType } from '../operands.ts';

function binary(name: string, op: (a: Num, b: Num) => Num): BuiltinDef {
  return {
    name,
    arity: 2,
    fn: ([a, b]) => op(numberOperand(name, 1, a!), numberOperand(name, 2, b!)),
  };
}

function unary(name: string, op: (a: Num) => Num): BuiltinDef {
  return { name, arity: 1, fn: ([a]) => op(numberOperand(name, 1, a!)) };
}

/** `-` subtracts numbers and takes the difference of sets. */
function minus([a, b]: Value[]): Value {
  const x = a!;
  const y = b!;
  const xNum = isNumber(x);
  if (xNum && isNumber(y)) return arith.sub(numberOperand('minus', 1, x), numberOperand('minus', 2, y));
  if (x instanceof SetValue && y instanceof SetValue) return setDifference(x, y);
  if (!xNum && !(x instanceof SetValue)) throw wrongType('minus', 1, 'one of {number, set}', x);
  throw wrongType('minus', 2, xNum ? 'number' : 'set', y);
}

export function setDifference(x: SetValue, y: SetValue): SetValue {
  const out = new SetValue();
  for (const v of x.values()) if (!y.has(v)) out.add(v);
  return out;
}

function divide([a, b]: Value[]): Value {
  const x = numberOperand('div', 1, a!);
  const y = numberOperand('div', 2, b!);
  try {
    return arith.div(x, y);
  } catch (e) {
    if (e instanceof arith.DivideByZero) throw builtinError('div', 'divide by zero');
    throw e;
  }
}

function remainder([a, b]: Value[]): Value {
  const x = numberOperand('rem', 1, a!);
  const y = numberOperand('rem', 2, b!);
  let r: Num | undefined;
  try {
    r = arith.rem(x, y);
  } catch (e) {
    if (e instanceof arith.DivideByZero) throw builtinError('rem', 'modulo by zero');
    throw e;
  }
  if (r === undefined) throw builtinError('rem', 'modulo on floating-point number');
  return r;
}

/** Ranges are built eagerly, so refuse sizes that would exhaust memory rather than crash. */
const MAX_RANGE_LENGTH = 50_000_000;

function range(name: string, from: bigint, to: bigint, step: bigint, ctx: BuiltinContext): Value[] {
  const span = from <= to ? to - from : from - to;
  if (span / step >= BigInt(MAX_RANGE_LENGTH)) throw limitError(name, `range too large (routewise builds at most ${MAX_RANGE_LENGTH} numbers)`);
  ctx.work?.(Number(span / step));
  const out: Value[] = [];
  if (from >= BigInt(Number.MIN_SAFE_INTEGER) && to <= BigInt(Number.MAX_SAFE_INTEGER) &&
      to >= BigInt(Number.MIN_SAFE_INTEGER) && from <= BigInt(Number.MAX_SAFE_INTEGER)) {
    const f = Number(from);
    const t = Number(to);
    const s = Number(step);
    if (f <= t) for (let i = f; i <= t; i += s) out.push(i);
    else for (let i = f; i >= t; i -= s) out.push(i);
    return out;
  }
  if (from <= to) for (let i = from; i <= to; i += step) out.push(normalizeBig(i));
  else for (let i = from; i >= to; i -= step) out.push(normalizeBig(i));
  return out;
}

function numbersRange([a, b]: Value[], ctx: BuiltinContext): Value {
  const from = integerOperand('numbers.range', 1, a!);
  const to = integerOperand('numbers.range', 2, b!);
  return range('numbers.range', from, to, 1n, ctx);
}

function numbersRangeStep([a, b, c]: Value[], ctx: BuiltinContext): Value {
  const name = 'numbers.range_step';
  const from = integerOperand(name, 1, a!);
  const to = integerOperand(name, 2, b!);
  const step = integerOperand(name, 3, c!);
  if (step <= 0n) throw builtinError(name, 'step must be a positive number above zero');
  return range(name, from, to, step, ctx);
}

/**
 * Deterministic within one evaluation: the same (string, n) gives the same number, as OPA
 * caches per query; different evaluations differ through the context's seed.
 */
function randIntn([a, b]: Value[], ctx: BuiltinContext): Value {
  const str = stringOperand('rand.intn', 1, a!);
  const nv = b!;
  if (typeof nv !== 'number' && typeof nv !== 'bigint') throw wrongType('rand.intn', 2, 'number', nv);
  if (typeof nv === 'number' && !Number.isInteger(nv)) throw notInteger('rand.intn', 2);
  let n = typeof nv === 'bigint' ? nv : BigInt(nv);
  if (n === 0n) return 0;
  if (n < 0n) n = -n;
  const key = `rand.intn\0${str}\0${n}`;
  const cached = ctx.cache.get(key);
  if (cached !== undefined) return cached as Value;
  const result = normalizeBig(hash64(`${ctx.seed}\0${str}\0${n}`) % n);
  ctx.cache.set(key, result);
  return result;
}

/** FNV-1a over UTF-16 code units, widened to 64 bits; enough spread for a seeded pick. */
function hash64(s: string): bigint {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = (1n << 64n) - 1n;
  for (let i = 0; i < s.length; i++) {
    h ^= BigInt(s.charCodeAt(i));
    h = (h * prime) & mask;
  }
  return h;
}

export const builtins: BuiltinDef[] = [
  binary('plus', arith.add),
  { name: 'minus', arity: 2, fn: minus },
  binary('mul', arith.mul),
  { name: 'div', arity: 2, fn: divide },
  { name: 'rem', arity: 2, fn: remainder },
  unary('abs', arith.abs),
  unary('ceil', arith.ceil),
  unary('floor', arith.floor),
  unary('round', arith.round),
  { name: 'numbers.range', arity: 2, fn: numbersRange },
  { name: 'numbers.range_step', arity: 3, fn: numbersRangeStep },
  { name: 'rand.intn', arity: 2, fn: randIntn, nondeterministic: true },
];
