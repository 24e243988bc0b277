// Runs one conformance case in-process, under step and time limits, and judges the outcome
// against the corpus's expectations.
import {
  ObjectValue,
  SetValue,
  compile,
  evaluate,
  formatRegoError,
  fromJS,
  keyOf,
  toJS,
  type QueryResult,
  type RegoErrorData,
  type Value,
} from '../../src/rego/index.ts';
import { compare } from '../../src/rego/value.ts';
import type { Case } from './load-cases.ts';
import { OPA_DIFFERENCES } from './opa-differences.ts';

export interface Outcome {
  status: 'pass' | 'fail' | 'skip';
  reason?: string;
}

const LIMITS = { maxSteps: 2_000_000, timeoutMs: 5000 };

type Evaluated = { ok: true; results: QueryResult[] } | { ok: false; errors: RegoErrorData[] };

function evalCase(modules: string[], regoVersion: 'v0' | 'v1', query: string, opts: Record<string, unknown>): Evaluated {
  const c = compile(
    modules.map((text, i) => ({ file: `test-${i}.rego`, text })),
    { regoVersion },
  );
  if (!c.ok) return c;
  return evaluate(c.policy, query, { ...LIMITS, ...opts });
}

function evaluateTerm(text: string): Value {
  const c = compile([]);
  const r = c.ok ? evaluate(c.policy, `x := ${text}`) : undefined;
  if (!r || !r.ok || r.results.length !== 1) throw new Error(`cannot read term ${text}`);
  return r.results[0]!.bindings.x!;
}

/** Sets print as sorted arrays in expected results; normalise ours the same way. */
function normal(v: Value): Value {
  return fromJS(toJS(v));
}

function show(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
}

function errorText(errors: RegoErrorData[]): string {
  return errors.map(formatRegoError).join('; ');
}

function runOpa(c: Case): Outcome {
  const raw = c.raw;
  const modules = (raw.modules as string[] | undefined) ?? [];
  const opts: Record<string, unknown> = { strictBuiltinErrors: raw.strict_error === true };
  if (raw.data !== undefined) opts.data = raw.data ?? {};
  if (typeof raw.input_term === 'string') opts.input = evaluateTerm(raw.input_term);
  else if (raw.input !== undefined) opts.input = raw.input;
  const r = evalCase(modules, 'v1', String(raw.query), opts);
  const wantCode = raw.want_error_code as string | undefined;
  const wantError = raw.want_error as string | undefined;
  if (wantCode !== undefined || (wantError !== undefined && raw.want_result === undefined)) {
    if (r.ok) return { status: 'fail', reason: `expected error ${wantCode ?? ''} ${wantError ?? ''}, got ${r.results.length} result(s)` };
    const e = r.errors[0]!;
    if (wantCode !== undefined && e.code !== wantCode) return { status: 'fail', reason: `expected ${wantCode}, got ${errorText(r.errors)}` };
    if (wantError && !r.errors.some((x) => x.message.includes(wantError) || formatRegoError(x).includes(wantError))) {
      return { status: 'fail', reason: `message: expected "${wantError}", got ${errorText(r.errors)}` };
    }
    return { status: 'pass' };
  }
  if (!r.ok) return { status: 'fail', reason: `unexpected error ${errorText(r.errors)}` };
  const want = (raw.want_result as Record<string, unknown>[] | undefined) ?? [];
  const sortVals = raw.sort_bindings === true;
  const rowKey = (row: Record<string, Value>): string => {
    const o = new ObjectValue();
    for (const [k, v] of Object.entries(row)) {
      let n = normal(v);
      if (sortVals && Array.isArray(n)) n = [...n].sort(compare);
      o.set(k, n);
    }
    return keyOf(o);
  };
  const got = r.results.map((x) => rowKey(x.bindings)).sort();
  const exp = want.map((w) => rowKey(Object.fromEntries(Object.entries(w).map(([k, v]) => [k, fromJS(v)])))).sort();
  if (got.length === exp.length && got.every((g, i) => g === exp[i])) return { status: 'pass' };
  return {
    status: 'fail',
    reason: `expected ${show(want)}, got ${show(r.results.map((x) => Object.fromEntries(Object.entries(x.bindings).map(([k, v]) => [k, toJS(v)]))))}`,
  };
}

/** Regorus writes sets as `set!: [...]` and objects with non-string keys as `object!: [{key, value}]`. */
function regorusValue(x: unknown): Value {
  if (Array.isArray(x)) return x.map(regorusValue);
  if (x !== null && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && keys[0] === 'set!') return SetValue.from((o['set!'] as unknown[]).map(regorusValue));
    if (keys.length === 1 && keys[0] === 'object!') {
      return ObjectValue.from((o['object!'] as { key: unknown; value: unknown }[]).map((e) => [regorusValue(e.key), regorusValue(e.value)] as const));
    }
    return ObjectValue.from(keys.map((k) => [k, regorusValue(o[k])] as const));
  }
  return fromJS(x);
}

function regorusResult(results: QueryResult[]): Value | undefined {
  const one = (r: QueryResult): Value => {
    if (Object.keys(r.bindings).length > 0) return ObjectValue.from(Object.entries(r.bindings));
    return r.expressions.length === 1 ? r.expressions[0]!.value : r.expressions.map((e) => e.value);
  };
  if (results.length === 0) return undefined;
  if (results.length === 1) return one(results[0]!);
  return results.map(one);
}

function runRegorus(c: Case): Outcome {
  const raw = c.raw;
  if (raw.skip === true) return { status: 'skip', reason: 'marked skip in the corpus' };
  const modules = (raw.modules as string[] | undefined) ?? [];
  const version = c.file.endsWith('bindings.yaml') ? 'v1' : 'v0';
  const strict = raw.strict !== false;
  const base: Record<string, unknown> = { strictBuiltinErrors: strict, data: raw.data ? regorusValue(raw.data) : {} };
  const rawInput = raw.input as Record<string, unknown> | undefined;
  const many = rawInput && typeof rawInput === 'object' && !Array.isArray(rawInput) && 'many!' in rawInput;
  const inputs: (Value | undefined)[] = many ? (rawInput['many!'] as unknown[]).map(regorusValue) : [rawInput === undefined ? undefined : regorusValue(rawInput)];
  const outs: (Value | undefined)[] = [];
  for (const input of inputs) {
    const r = evalCase(modules, version, String(raw.query), input === undefined ? base : { ...base, input });
    if (!r.ok) {
      if (raw.error !== undefined) return { status: 'pass' };
      return { status: 'fail', reason: `unexpected error ${errorText(r.errors)}` };
    }
    outs.push(regorusResult(r.results));
  }
  if (raw.error !== undefined) return { status: 'fail', reason: `expected an error (${String(raw.error)}), got a result` };
  if (raw.no_result === true) {
    return outs.every((o) => o === undefined) ? { status: 'pass' } : { status: 'fail', reason: `expected no result, got ${show(outs.map((o) => (o === undefined ? o : toJS(o))))}` };
  }
  const wantRaw = (OPA_DIFFERENCES[`${c.file}: ${c.note}`]?.want_result ?? raw.want_result) as Record<string, unknown> | undefined;
  const wantMany = wantRaw !== null && typeof wantRaw === 'object' && !Array.isArray(wantRaw) && 'many!' in wantRaw;
  const want = wantMany ? (wantRaw['many!'] as unknown[]).map(regorusValue) : regorusValue(wantRaw);
  // Several inputs give one entry each; `many!` on a single input lists that query's results.
  const got: Value | undefined = many ? outs.map((o) => o ?? null) : wantMany && outs[0] !== undefined && !Array.isArray(outs[0]) ? [outs[0]] : outs[0];
  if (got !== undefined && keyOf(got) === keyOf(want)) return { status: 'pass' };
  return { status: 'fail', reason: `expected ${show(toJS(want))}, got ${got === undefined ? 'no result' : show(toJS(got))}` };
}

export function runCase(c: Case): Outcome {
  if (c.raw.unreadable) return { status: 'skip', reason: `unreadable YAML: ${String(c.raw.unreadable).split('\n')[0]}` };
  try {
    return c.corpus === 'opa-v1' ? runOpa(c) : runRegorus(c);
  } catch (e) {
    return { status: 'fail', reason: `runner crashed: ${(e as Error).stack ?? String(e)}` };
  }
}

