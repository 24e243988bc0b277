// Runs a compiled query over one input: sets up the evaluation, collects each solution's
// expression values and named bindings, and turns failures into error values.
import type { Location } from '../ast.ts';
import type { CompiledPolicy } from '../compiler/policy.ts';
import type { CompiledQuery } from '../compiler/query.ts';
import { RegoError, type RegoErrorData } from '../errors.ts';
import { ObjectValue, fromJS, settle, type Value } from '../value.ts';
import { Evaluator } from './evaluator.ts';
import { newFrame } from './frame.ts';
import { Limits } from './limits.ts';

export interface EvalOptions {
  input?: unknown;
  data?: unknown;
  strictBuiltinErrors?: boolean;
  maxSteps?: number;
  timeoutMs?: number;
  nowNs?: bigint;
  print?: (line: string) => void;
  /** Told of each expression evaluated and each rule that produced a value (test coverage). */
  cover?: CoverageHits;
}

export interface CoverageHits {
  hit(loc: Location): void;
}

export interface QueryResult {
  expressions: { value: Value; text: string; location: { row: number; col: number } }[];
  bindings: Record<string, Value>;
}

export type EvalOutcome = { ok: true; results: QueryResult[] } | { ok: false; errors: RegoErrorData[] };

/**
 * Base documents are usually the same object across many evaluations of a prepared query;
 * convert each one once (callers must not mutate data they have passed in).
 */
const convertedData = new WeakMap<object, Value>();

function dataValue(data: unknown): Value {
  if (data === undefined) return new ObjectValue();
  if (data === null || typeof data !== 'object') return fromJS(data);
  let v = convertedData.get(data);
  if (v === undefined) {
    v = fromJS(data);
    convertedData.set(data, v);
  }
  return v;
}

export function newEvaluator(policy: CompiledPolicy, options: EvalOptions): Evaluator {
  return new Evaluator({
    root: policy.root,
    input: options.input === undefined ? undefined : fromJS(options.input),
    data: dataValue(options.data),
    strictBuiltinErrors: options.strictBuiltinErrors ?? false,
    limits: new Limits(options.maxSteps, options.timeoutMs),
    nowNs: options.nowNs ?? BigInt(Date.now()) * 1_000_000n,
    print: options.print ?? (() => {}),
    ...(options.cover ? { cover: options.cover } : {}),
  });
}

/**
 * Engine failures as error values: a stack overflow from deep recursion becomes a clear limit
 * error, and anything unexpected an internal error rather than a crash of the caller.
 */
export function asRegoError(e: unknown, where?: Location): RegoErrorData {
  if (e instanceof RegoError) return e.toData();
  const at = where ? { location: where } : {};
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return { code: 'eval_limit_error', message: 'evaluation exceeded the maximum depth (recursion or nesting too deep)', ...at };
  }
  return { code: 'eval_internal_error', message: e instanceof Error ? e.message : String(e), ...at };
}

export function runQuery(policy: CompiledPolicy, q: CompiledQuery, options: EvalOptions): EvalOutcome {
  const results: QueryResult[] = [];
  const f = newFrame(q.nslots);
  try {
    const ev = newEvaluator(policy, options);
    const bound: Value[] = [];
    ev.evalBody(q.body, 0, f, () => {
      const bindings: Record<string, Value> = {};
      for (let i = 0; i < q.vars.length; i++) {
        const v = q.vars[i]!;
        const val = f[v.slot];
        if (val !== undefined) {
          bindings[v.name] = val;
          bound.push(val);
        }
      }
      results.push({
        expressions: q.exprs.map((e) => ({
          value: e.out === undefined || f[e.out] === undefined ? true : f[e.out]!,
          text: e.text,
          location: { row: e.loc.row, col: e.loc.col },
        })),
        bindings,
      });
      return false;
    });
    for (const r of results) for (const e of r.expressions) settle(e.value);
    for (let i = 0; i < bound.length; i++) settle(bound[i]!);
  } catch (e) {
    return { ok: false, errors: [asRegoError(e, q.exprs[0]?.loc)] };
  }
  return { ok: true, results };
}
