// The Rego engine's public API: compile modules into a policy, then evaluate queries on it
// (once, or prepared for many inputs). Errors come back as values, never as exceptions.
import type { Module, RegoVersion } from './ast.ts';
import type { BuiltinDef } from './builtins/builtin.ts';
import { registry } from './builtins/index.ts';
import { compileModules } from './compiler/compiler.ts';
import { checkInputRefs, type InputSchema } from './compiler/input-schema.ts';
import type { CompiledRule, RuleNode } from './compiler/ir.ts';
import { CompiledPolicy } from './compiler/policy.ts';
import { compileQuery, type CompiledQuery } from './compiler/query.ts';
import { restorePolicy, storablePolicy, type StoredPolicy } from './compiler/stored-policy.ts';
import { RegoError, type RegoErrorData } from './errors.ts';
import { runQuery, type EvalOptions, type EvalOutcome, type QueryResult } from './eval/run-query.ts';
import { parseModule, parseQuery } from './parser.ts';

export { CompiledPolicy } from './compiler/policy.ts';
export type { AnnotationEntry } from './compiler/policy.ts';
export type { InputSchema, SchemaNode } from './compiler/input-schema.ts';
export { isInputSchemaError } from './compiler/input-schema.ts';
export type { EvalOptions, QueryResult } from './eval/run-query.ts';
export { parseModule, parseQuery, parseTerm } from './parser.ts';
export { RegoError, formatRegoError } from './errors.ts';
export type { RegoErrorData, RegoErrorCode } from './errors.ts';
export {
  ObjectValue,
  SetValue,
  compare,
  equals,
  fromJS,
  keyOf,
  stringify,
  toJS,
  toRegoText,
  type Value,
} from './value.ts';
export type { Module, RegoVersion, Location, Annotations } from './ast.ts';
export { EMPTY_OBJECT } from './value.ts';
export type { BuiltinContext, BuiltinDef } from './builtins/builtin.ts';
export { registry as builtinRegistry } from './builtins/index.ts';
export { UNAVAILABLE_BUILTINS, unavailableMessage } from './builtins/unavailable.ts';
export { parseJson } from './builtins/json/json-text.ts';
export { runTests, type TestResult } from './testing.ts';
export { CoverageTracker, coverageJson, coverageReport, coverageSummary, thresholdMessage } from './coverage.ts';
export { formatEvalErrors, formatEvalOutput, type EvalFormat } from './eval-output.ts';

export interface ModuleSource {
  file: string;
  text: string;
}

export interface CompileOptions {
  /** Default 'v1'. */
  regoVersion?: RegoVersion;
  /**
   * The version of each file, where they differ (an organisation's v0 policies beside v1 ones);
   * overrides `regoVersion`.
   */
  regoVersionOf?: (file: string) => RegoVersion;
  /** Replaces the builtin registry (tests, embedders). */
  builtins?: Map<string, BuiltinDef>;
  /**
   * A JSON Schema of the input: refs to keys it rules out are compile errors
   * (`rego_type_error: undefined ref`), as with OPA's --schema.
   */
  inputSchema?: InputSchema;
  /**
   * Let calls of builtins routewise leaves out (http.send...) compile anywhere, failing only when
   * reached, as a test run needs: a library function no test calls must not stop the others.
   * Off by default, so a policy that can reach the network is refused when it loads.
   */
  unavailableAtCall?: boolean;
}

export type CompileOutcome = { ok: true; policy: CompiledPolicy } | { ok: false; errors: RegoErrorData[] };

function parseError(e: unknown): RegoErrorData {
  if (e instanceof RegoError) return e.toData();
  if (e instanceof RangeError) return { code: 'rego_parse_error', message: 'nesting too deep' };
  throw e;
}

export function compile(sources: ModuleSource[], options: CompileOptions = {}): CompileOutcome {
  const versionOf = options.regoVersionOf ?? (() => options.regoVersion ?? 'v1');
  const modules: Module[] = [];
  const errors: RegoErrorData[] = [];
  for (const s of sources) {
    try {
      modules.push(parseModule(s.file, s.text, { regoVersion: versionOf(s.file) }));
    } catch (e) {
      errors.push(parseError(e));
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return compileParsed(modules, options);
}

/** Compiles modules that are already parsed. */
export function compileParsed(modules: Module[], options: CompileOptions = {}): CompileOutcome {
  const builtins = options.builtins ?? registry;
  let compiled;
  try {
    compiled = compileModules(modules, builtins, { unavailableAtCall: options.unavailableAtCall === true });
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, errors: [{ code: 'rego_compile_error', message: 'policy nesting too deep to compile' }] };
    throw e;
  }
  const { set, errors } = compiled;
  if (errors.length === 0 && options.inputSchema) checkInputRefs(rulesBelow(set.root), set.root, options.inputSchema, errors);
  if (errors.length > 0) return { ok: false, errors: sortErrors(errors) };
  return { ok: true, policy: new CompiledPolicy(modules, set.root, builtins, options.regoVersion ?? 'v1') };
}

function* rulesBelow(node: RuleNode): Generator<CompiledRule> {
  yield* node.rules;
  if (node.defaultRule) yield node.defaultRule;
  for (const c of node.children.values()) yield* rulesBelow(c);
}

/** Errors in source order, each reported once. */
function sortErrors(errors: RegoErrorData[]): RegoErrorData[] {
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const key = `${e.code}|${e.message}|${e.location?.file}|${e.location?.row}|${e.location?.col}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const pos = (e: RegoErrorData): [string, number, number] => [e.location?.file ?? '', e.location?.row ?? 0, e.location?.col ?? 0];
  return unique.sort((a, b) => {
    const [fa, ra, ca] = pos(a);
    const [fb, rb, cb] = pos(b);
    return fa < fb ? -1 : fa > fb ? 1 : ra - rb || ca - cb;
  });
}

export interface PreparedQuery {
  readonly text: string;
  evaluate(options?: EvalOptions): EvalOutcome;
}

/** What each prepared query runs, for storing it with its policy. */
const compiledQueries = new WeakMap<PreparedQuery, CompiledQuery>();

function preparedQuery(policy: CompiledPolicy, text: string, q: CompiledQuery): PreparedQuery {
  const prepared = { text, evaluate: (options: EvalOptions = {}) => runQuery(policy, q, options) };
  compiledQueries.set(prepared, q);
  return prepared;
}

/** A compiled policy with its prepared queries, as `storeCompiled` gives it. */
export interface StoredCompiled {
  policy: StoredPolicy;
  texts: string[];
  regoVersion: RegoVersion;
}

/**
 * A compiled policy and queries prepared on it as plain data for `v8.serialize`
 * (compiler/stored-policy.ts). Takes the policy apart: neither may be used afterwards.
 */
export function storeCompiled(policy: CompiledPolicy, queries: PreparedQuery[]): StoredCompiled {
  const compiled = queries.map((q) => {
    const c = compiledQueries.get(q);
    if (!c) throw new Error(`query ${q.text} was not prepared here`);
    return c;
  });
  return { policy: storablePolicy(policy.modules, policy.root, compiled, policy.builtins), texts: queries.map((q) => q.text), regoVersion: policy.regoVersion };
}

/**
 * The policy and queries `storeCompiled` stored, read back by the same build, each stored file
 * renamed to `rename(file)`. Undefined when they call a builtin this registry lacks.
 */
export function restoreCompiled(
  stored: StoredCompiled,
  rename: (file: string) => string,
  builtins: ReadonlyMap<string, BuiltinDef> = registry,
): { policy: CompiledPolicy; queries: PreparedQuery[] } | undefined {
  const restored = restorePolicy(stored.policy, builtins, rename);
  if (!restored) return undefined;
  const policy = new CompiledPolicy(restored.modules, restored.root, builtins, stored.regoVersion);
  return { policy, queries: restored.queries.map((q, i) => preparedQuery(policy, stored.texts[i]!, q)) };
}

export function prepare(policy: CompiledPolicy, query: string): { ok: true; query: PreparedQuery } | { ok: false; errors: RegoErrorData[] } {
  let parsed;
  try {
    parsed = parseQuery(query, 'query', { regoVersion: 'v1' });
  } catch (e) {
    return { ok: false, errors: [parseError(e)] };
  }
  const compiled = compileQuery(parsed, query, policy.root, policy.builtins);
  if (!compiled.ok) return compiled;
  const q: CompiledQuery = compiled.query;
  return { ok: true, query: preparedQuery(policy, query, q) };
}

export function evaluate(
  policy: CompiledPolicy,
  query: string,
  options: EvalOptions = {},
): { ok: true; results: QueryResult[] } | { ok: false; errors: RegoErrorData[] } {
  const p = prepare(policy, query);
  if (!p.ok) return p;
  return p.query.evaluate(options);
}
