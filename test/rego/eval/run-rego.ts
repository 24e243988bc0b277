// Compiles Rego sources and evaluates a query, returning plain JS rows (bindings) or errors.
import { compile, evaluate, toJS, type EvalOptions } from '../../../src/rego/index.ts';

export type Rows = Record<string, unknown>[];

export function run(modules: string | string[], query: string, options: EvalOptions = {}): Rows {
  const sources = (Array.isArray(modules) ? modules : [modules]).map((text, i) => ({ file: `test-${i}.rego`, text }));
  const c = compile(sources);
  if (!c.ok) throw new Error(c.errors.map((e) => `${e.code}: ${e.message}`).join('\n'));
  const r = evaluate(c.policy, query, options);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.code}: ${e.message}`).join('\n'));
  return r.results.map((row) => Object.fromEntries(Object.entries(row.bindings).map(([k, v]) => [k, toJS(v)])));
}

/** The single value bound to `x`, or undefined when the query has no result. */
export function value(modules: string | string[], query: string, options: EvalOptions = {}): unknown {
  const rows = run(modules, query, options);
  if (rows.length > 1) throw new Error(`expected at most one result, got ${rows.length}`);
  return rows[0]?.x;
}

/** The first error of compiling and evaluating, as `code: message`, or undefined. */
export function failure(modules: string | string[], query: string, options: EvalOptions = {}): string | undefined {
  const sources = (Array.isArray(modules) ? modules : [modules]).map((text, i) => ({ file: `test-${i}.rego`, text }));
  const c = compile(sources);
  if (!c.ok) return `${c.errors[0]!.code}: ${c.errors[0]!.message}`;
  const r = evaluate(c.policy, query, options);
  if (!r.ok) return `${r.errors[0]!.code}: ${r.errors[0]!.message}`;
  return undefined;
}
