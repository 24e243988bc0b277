// The built-in engine: routewise's own Rego evaluator behind the Engine interface.
// Policies are compiled once; one prepared query collects every finding rule of every package
// (deny/warn/info and conftest's names, rule-sets.ts). A rule's id comes from its METADATA or,
// without it, from its findings or its name (`<package>.<rule name>`).
import type { Engine, EngineFindings, RuleInfo } from './engine.ts';
import type { Severity } from './finding.ts';
import type { Problem, Result, SourcePosition } from '../problems/problem.ts';
import { compile, compileParsed, isInputSchemaError, parseModule, prepare, RegoError, toJS, type InputSchema, type RegoVersion, type ModuleSource, type CompiledPolicy, type PreparedQuery, type Module, type RegoErrorData } from '../rego/index.ts';
import { readFinding } from './read-finding.ts';
import { RULE_SET_SEVERITY, ruleSetOf, type RuleSet } from './rule-sets.ts';

export interface RegoEngineOptions {
  sources: ModuleSource[];
  /** The same sources already parsed, in order (the built-in policies are parsed at build time). */
  parsed?: Module[];
  /** Base documents (settings merged from policies/data.yaml and --data files). */
  data: unknown;
  /** Refs into `input` that this schema rules out are compile errors (a misspelt path never matches). */
  inputSchema?: InputSchema;
  /** Bounds one evaluation so a hostile policy cannot hang a run. */
  maxSteps?: number;
  timeoutMs?: number;
  /** The Rego version each source is written in, when not all are v1 (`--v0-compatible`). */
  regoVersionOf?: (file: string) => RegoVersion;
  /** A policy set without any finding rule is fine here (other engines bring the rules). */
  allowNoRules?: boolean;
}

/** One finding rule (`deny`, `warn_x`, ...) of one package, as the query collects it. */
interface Target {
  pkg: string;
  name: string;
  set: RuleSet;
  variable: string;
  where?: SourcePosition;
  /** Ids its METADATA defines: the ids its findings may carry besides ids no METADATA defines. */
  owned: Set<string>;
  /** What a finding without its own id is called. */
  ruleId: string;
}

export function regoProblem(e: RegoErrorData): Problem {
  return {
    code: e.code,
    message: e.message,
    ...(e.location ? { position: { file: e.location.file, line: e.location.row, column: e.location.col } } : {}),
    hint: e.code.startsWith('eval_')
      ? 'a policy failed while evaluating; fix the policy (or report it to its authors)'
      : isInputSchemaError(e)
        ? 'as written the rule could never match the policy input; docs/policy-input.md lists its fields and values'
        : 'fix the policy so that it compiles (`routewise test <dir>` shows the same error)',
  };
}

/**
 * The compiled policies and the prepared query of every finding rule: what an engine builds before
 * it can evaluate, and what the build stores for the built-in policies.
 */
export interface CompiledRules {
  policy: CompiledPolicy;
  /** Undefined when the policies define no finding rule. */
  query: PreparedQuery | undefined;
}

export function compileRules(options: RegoEngineOptions): Result<CompiledRules> {
  const compileOptions = { regoVersion: 'v1' as const, ...(options.inputSchema ? { inputSchema: options.inputSchema } : {}) };
  const parsed = options.parsed ?? (options.regoVersionOf ? parseEach(options.sources, options.regoVersionOf) : undefined);
  if (parsed && !Array.isArray(parsed)) return parsed;
  const compiled = parsed ? compileParsed(parsed, compileOptions) : compile(options.sources, compileOptions);
  if (!compiled.ok) return { ok: false, problems: compiled.errors.map(regoProblem) };
  const text = findingQueryText(findingTargets(compiled.policy));
  if (text === undefined) return { ok: true, value: { policy: compiled.policy, query: undefined } };
  const p = prepare(compiled.policy, text);
  if (!p.ok) return { ok: false, problems: p.errors.map(regoProblem) };
  return { ok: true, value: { policy: compiled.policy, query: p.query } };
}

/** One query binding each finding rule to its variable; undefined without finding rules. */
function findingQueryText(targets: readonly Target[]): string | undefined {
  return targets.length === 0 ? undefined : targets.map((t) => `${t.variable} := ${refText(t.pkg, t.name)}`).join('; ');
}

/** An engine over the policies compiled now, or over `compiled` (the built-in ones as the build stored them). */
export function createRegoEngine(options: RegoEngineOptions & { compiled?: CompiledRules }): Result<Engine> {
  let compiled = options.compiled;
  if (!compiled) {
    const fresh = compileRules(options);
    if (!fresh.ok) return fresh;
    compiled = fresh.value;
  }
  const { policy, query } = compiled;

  const defined = definedIds(policy);
  if (!defined.ok) return defined;
  const targets = findingTargets(policy);
  if (targets.length === 0 && !options.allowNoRules) {
    return { ok: false, problems: [{ code: 'no-policies', message: 'no rule could run: the policies define no deny, violation, warn or info rule', hint: 'drop --no-builtin, or add --policy DIR with rules named deny, deny_*, violation, violation_*, warn, warn_* or info' }] };
  }
  // Each rule's reference, written out once: findings name it, and every manifest has findings.
  const refs = new Map(targets.map((t) => [t, refText(t.pkg, t.name)]));
  // A stored query is used only if it is the one these rules ask for.
  const text = findingQueryText(targets);
  let prepared = query?.text === text ? query : undefined;
  if (text !== undefined && !prepared) {
    const p = prepare(policy, text);
    if (!p.ok) return { ok: false, problems: p.errors.map(regoProblem) };
    prepared = p.query;
  }
  const rules = catalogue(defined.value, targets);

  return {
    ok: true,
    value: {
      name: 'rego',
      data: options.data,
      rules: () => rules,
      evaluate(input: unknown): Result<EngineFindings> {
        if (!prepared) return { ok: true, value: { findings: [] } };
        const out = prepared.evaluate({
          input,
          data: options.data,
          maxSteps: options.maxSteps ?? 5_000_000,
          timeoutMs: options.timeoutMs ?? 10_000,
        });
        if (!out.ok) return { ok: false, problems: out.errors.map(regoProblem) };
        const findings: EngineFindings['findings'] = [];
        const problems: Problem[] = [];
        const row = out.results[0];
        if (row) {
          for (const t of targets) {
            const value = row.bindings[t.variable];
            if (value === undefined) continue;
            const members = toJS(value);
            const ref = refs.get(t)!;
            if (!Array.isArray(members)) {
              problems.push({
                code: 'policy-output',
                message: `${ref} must be a set of findings, but it is ${typeof members}`,
                hint: `define it as \`${t.name} contains finding if { ... }\``,
              });
              continue;
            }
            for (const m of members) {
              const f = readFinding(m, ref, t.where, t.ruleId);
              if (!f.ok) {
                problems.push(...f.problems);
                continue;
              }
              const owner = defined.value.get(f.value.id);
              if (owner && !t.owned.has(f.value.id)) {
                problems.push({
                  code: 'rule-id-claimed',
                  message: `${ref} reported a finding as ${f.value.id}, a rule defined in ${owner.source}`,
                  ...(t.where ? { position: t.where } : {}),
                  hint: 'give the finding an id of its own (or none: it then takes the rule\'s id)',
                });
                continue;
              }
              findings.push({ ...f.value, ruleSet: t.set });
            }
          }
        }
        if (problems.length > 0) return { ok: false, problems };
        return { ok: true, value: { findings } };
      },
    },
  };
}

/** Parses each source in its own Rego version; every parse error is reported. */
function parseEach(sources: readonly ModuleSource[], versionOf: (file: string) => RegoVersion): Module[] | { ok: false; problems: Problem[] } {
  const modules: Module[] = [];
  const problems: Problem[] = [];
  for (const source of sources) {
    try {
      modules.push(parseModule(source.file, source.text, { regoVersion: versionOf(source.file) }));
    } catch (e) {
      if (e instanceof RegoError) problems.push(regoProblem(e.toData()));
      else if (e instanceof RangeError) problems.push({ code: 'rego_parse_error', message: `${source.file}: nesting too deep` });
      else throw e;
    }
  }
  return problems.length > 0 ? { ok: false, problems } : modules;
}

/** Every finding rule of every package, with the ids its METADATA defines, in a stable order. */
function findingTargets(policy: CompiledPolicy): Target[] {
  const byKey = new Map<string, Omit<Target, 'variable' | 'ruleId'>>();
  for (const m of policy.modules) {
    const pkg = m.package.path.join('.');
    for (const rule of m.rules) {
      if (rule.head.ref.length !== 1) continue;
      const name = rule.head.ref[0].name;
      const set = ruleSetOf(name);
      if (!set) continue;
      const key = `${pkg}\u0000${name}`;
      let target = byKey.get(key);
      if (!target) {
        target = { pkg, name, set, where: { file: rule.loc.file, line: rule.loc.row, column: rule.loc.col }, owned: new Set() };
        byKey.set(key, target);
      }
      for (const a of rule.annotations) {
        const id = a.custom?.id;
        if ((a.scope === 'rule' || a.scope === 'document') && typeof id === 'string' && id !== '') target.owned.add(id);
      }
    }
  }
  const keys = [...byKey.keys()].sort();
  return keys.map((key, i) => {
    const t = byKey.get(key)!;
    const [only] = t.owned;
    return { ...t, variable: `r${i}`, ruleId: t.owned.size === 1 && only ? only : `${t.pkg}.${t.name}` };
  });
}

/** The rules METADATA defines, by `custom.id`; one id defined in two files is an error. */
function definedIds(policy: CompiledPolicy): Result<Map<string, RuleInfo>> {
  const byId = new Map<string, RuleInfo>();
  const fileOf = new Map<string, string>();
  const problems: Problem[] = [];
  for (const entry of policy.annotations()) {
    const a = entry.annotations;
    const custom = a.custom ?? {};
    const id = typeof custom.id === 'string' ? custom.id : undefined;
    if (!id) continue;
    const source = `${entry.location.file}:${entry.location.row}`;
    const earlier = byId.get(id);
    if (earlier) {
      if (fileOf.get(id) !== entry.location.file) {
        problems.push({
          code: 'duplicate-rule-id',
          message: `rule id ${id} is defined twice: in ${earlier.source} and in ${source}`,
          position: { file: entry.location.file, line: entry.location.row, column: entry.location.col },
          hint: 'give each rule its own custom.id (an organisation rule cannot take over a built-in one)',
        });
      }
      continue;
    }
    fileOf.set(id, entry.location.file);
    const set = ruleSetOf(entry.path.slice(entry.path.lastIndexOf('.') + 1));
    const severity = isSeverity(custom.severity) ? custom.severity : set ? RULE_SET_SEVERITY[set] : 'error';
    byId.set(id, {
      id,
      title: a.title ?? id,
      description: a.description ?? '',
      severity,
      remediation: typeof custom.remediation === 'string' ? custom.remediation : '',
      ...(typeof custom.guidance === 'string' || typeof custom.guidance === 'number' ? { guidance: String(custom.guidance) } : {}),
      source,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: byId };
}

function refText(pkg: string, rule: string): string {
  const parts = [...pkg.split('.'), rule];
  return 'data' + parts.map((p) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join('');
}

/** The rule catalogue: every rule METADATA defines, and each finding rule without METADATA by its name. */
function catalogue(defined: Map<string, RuleInfo>, targets: readonly Target[]): RuleInfo[] {
  const byId = new Map(defined);
  for (const t of targets) {
    if (t.owned.size > 0 || byId.has(t.ruleId)) continue;
    byId.set(t.ruleId, {
      id: t.ruleId,
      title: t.ruleId,
      description: '',
      severity: RULE_SET_SEVERITY[t.set],
      remediation: '',
      ...(t.where ? { source: `${t.where.file}:${t.where.line}` } : {}),
    });
  }
  return [...byId.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

function isSeverity(x: unknown): x is Severity {
  return x === 'error' || x === 'warning' || x === 'info';
}

