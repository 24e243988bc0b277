// Regular expression builtins over Go RE2 patterns. Compiled patterns are cached for the
// evaluation, failures included, so a policy looping over one pattern compiles it once.
import type { Value } from '../../value.ts';
import { builtinError } from '../builtin.ts';
import type { BuiltinContext, BuiltinDef } from '../builtin.ts';
import { GlobIntersectionError, globsIntersect } from './glob-intersection.ts';
import { goQuote } from '../strings/go-quote.ts';
import { GoRegexpError, compileGoRegexp, findAll, matches, replaceAll, split } from './go-regexp.ts';
import type { GoRegexp } from './go-regexp.ts';
import { integerOperand, stringOperand } from '../operands.ts';

function cached(ctx: BuiltinContext, pattern: string): GoRegexp | GoRegexpError {
  const key = 'regex\0' + pattern;
  let entry = ctx.cache.get(key) as GoRegexp | GoRegexpError | undefined;
  if (entry === undefined) {
    try {
      entry = compileGoRegexp(pattern);
    } catch (e) {
      if (!(e instanceof GoRegexpError)) throw e;
      entry = e;
    }
    ctx.cache.set(key, entry);
  }
  return entry;
}

function regexp(name: string, ctx: BuiltinContext, pattern: string): GoRegexp {
  const re = cached(ctx, pattern);
  if (re instanceof GoRegexpError) throw builtinError(name, re.message);
  return re;
}

function count(name: string, v: Value): number {
  return Number(integerOperand(name, 3, v, 'number'));
}

function isValid([p]: Value[], ctx: BuiltinContext): Value {
  return typeof p === 'string' && !(cached(ctx, p) instanceof GoRegexpError);
}

function match(name: string) {
  return ([p, s]: Value[], ctx: BuiltinContext): Value => {
    const pattern = stringOperand(name, 1, p!);
    const text = stringOperand(name, 2, s!);
    return matches(regexp(name, ctx, pattern), text);
  };
}

function regexSplit([p, s]: Value[], ctx: BuiltinContext): Value {
  const pattern = stringOperand('regex.split', 1, p!);
  const text = stringOperand('regex.split', 2, s!);
  return split(regexp('regex.split', ctx, pattern), text, pattern === '');
}

function findN([p, s, n]: Value[], ctx: BuiltinContext): Value {
  const pattern = stringOperand('regex.find_n', 1, p!);
  const text = stringOperand('regex.find_n', 2, s!);
  const limit = count('regex.find_n', n!);
  return findAll(regexp('regex.find_n', ctx, pattern), text, limit).map((m) => text.slice(m.start, m.end));
}

function findAllSubmatch([p, s, n]: Value[], ctx: BuiltinContext): Value {
  const name = 'regex.find_all_string_submatch_n';
  const pattern = stringOperand(name, 1, p!);
  const text = stringOperand(name, 2, s!);
  const limit = count(name, n!);
  return findAll(regexp(name, ctx, pattern), text, limit).map((m) => [
    text.slice(m.start, m.end),
    ...m.groups.map((g) => g ?? ''),
  ]);
}

function regexReplace([s, p, v]: Value[], ctx: BuiltinContext): Value {
  const text = stringOperand('regex.replace', 1, s!);
  const pattern = stringOperand('regex.replace', 2, p!);
  const value = stringOperand('regex.replace', 3, v!);
  return replaceAll(regexp('regex.replace', ctx, pattern), text, value);
}

/** Go's regexp.QuoteMeta. */
function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** Go pattern text for a template whose delimited parts are regexps and the rest literal. */
function templatePattern(name: string, tpl: string, open: string, close: string): string {
  const bounds: number[] = [];
  let level = 0;
  let idx = 0;
  for (let i = 0; i < tpl.length; i++) {
    if (tpl[i] === open) {
      if (++level === 1) idx = i;
    } else if (tpl[i] === close) {
      if (--level === 0) bounds.push(idx, i + 1);
      else if (level < 0) throw builtinError(name, `unbalanced braces in ${goQuote(tpl)}`);
    }
  }
  if (level !== 0) throw builtinError(name, `unbalanced braces in ${goQuote(tpl)}`);
  let pattern = '^';
  let end = 0;
  for (let k = 0; k < bounds.length; k += 2) {
    const raw = tpl.slice(end, bounds[k]);
    end = bounds[k + 1]!;
    const part = tpl.slice(bounds[k]! + 1, end - 1);
    try {
      compileGoRegexp(`^${part}$`);
    } catch (e) {
      throw builtinError(name, (e as Error).message);
    }
    pattern += `${quoteMeta(raw)}(${part})`;
  }
  return pattern + quoteMeta(tpl.slice(end)) + '$';
}

function templateMatch([t, m, a, b]: Value[], ctx: BuiltinContext): Value {
  const name = 'regex.template_match';
  const tpl = stringOperand(name, 1, t!);
  const text = stringOperand(name, 2, m!);
  const open = stringOperand(name, 3, a!);
  const close = stringOperand(name, 4, b!);
  const bytes = (s: string) => new TextEncoder().encode(s).length;
  // OPA reports the start delimiter's length in both messages.
  if (bytes(open) !== 1) throw builtinError(name, `start delimiter has to be exactly one character long but is ${bytes(open)} long`);
  if (bytes(close) !== 1) throw builtinError(name, `end delimiter has to be exactly one character long but is ${bytes(open)} long`);
  const key = `regex-template\0${open}${close}\0${tpl}`;
  let pattern = ctx.cache.get(key) as string | undefined;
  if (pattern === undefined) {
    pattern = templatePattern(name, tpl, open, close);
    ctx.cache.set(key, pattern);
  }
  return matches(regexp(name, ctx, pattern), text);
}

function globsMatch([a, b]: Value[]): Value {
  const left = stringOperand('regex.globs_match', 1, a!);
  const right = stringOperand('regex.globs_match', 2, b!);
  try {
    return globsIntersect(left, right);
  } catch (e) {
    if (e instanceof GlobIntersectionError) throw builtinError('regex.globs_match', e.message);
    throw e;
  }
}

export const builtins: BuiltinDef[] = [
  { name: 'regex.is_valid', arity: 1, fn: isValid },
  { name: 'regex.match', arity: 2, fn: match('regex.match') },
  { name: 're_match', arity: 2, fn: match('re_match'), deprecated: true },
  { name: 'regex.split', arity: 2, fn: regexSplit },
  { name: 'regex.find_n', arity: 3, fn: findN },
  { name: 'regex.find_all_string_submatch_n', arity: 3, fn: findAllSubmatch },
  { name: 'regex.replace', arity: 3, fn: regexReplace },
  { name: 'regex.template_match', arity: 4, fn: templateMatch },
  { name: 'regex.globs_match', arity: 2, fn: globsMatch },
];
