// The built-in engine: routewise's own Rego evaluator behind the Engine interface.
// Policies are compiled once; one prepared query collects every deny/warn/info set per package.
import type { Engine, EngineFindings, RuleInfo } from './engine.ts';
import type { Severity } from './finding.ts';
import type { Problem, Result, SourcePosition } from '../problems/problem.ts';
import {
  compile,
  compileParsed,
  isInputSchemaError,
  prepare,
  toJS,
  type CompiledPolicy,
  type InputSchema,
  type Module,
  type ModuleSource,
  type PreparedQuery,
  type RegoErrorData,
} from '../rego/index.ts';
import { readFinding } from './read-finding.ts';

const RULE_SETS = ['deny', 'warn', 'info'] as const;
type RuleSet = (typeof RULE_SETS)[number];
const SET_SEVERITY: Record<RuleSet, Severity> = { deny: 'error', warn: 'warning', info: 'info' };

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

export function createRegoEngine(options: RegoEngineOptions): Result<Engine> {
  const compileOptions = { regoVersion: 'v1' as const, ...(options.inputSchema ? { inputSchema: options.inputSchema } : {}) };
  const compiled = options.parsed ? compileParsed(options.parsed, compileOptions) : compile(options.sources, compileOptions);
  if (!compiled.ok) return { ok: false, problems: compiled.errors.map(regoProblem) };
  const policy = compiled.policy;

  const targets: { pkg: string; set: RuleSet; variable: string; where?: SourcePosition }[] = [];
  for (const pkg of policy.packages()) {
    const names = new Set(policy.ruleNames(pkg));
    for (const set of RULE_SETS) {
      if (!names.has(set)) continue;
      const where = ruleLocation(policy, pkg, set);
      targets.push({ pkg, set, variable: `r${targets.length}`, ...(where ? { where } : {}) });
    }
  }
  let prepared: PreparedQuery | undefined;
  if (targets.length > 0) {
    const query = targets.map((t) => `${t.variable} := ${refText(t.pkg, t.set)}`).join('; ');
    const p = prepare(policy, query);
    if (!p.ok) return { ok: false, problems: p.errors.map(regoProblem) };
    prepared = p.query;
  }
  const rules = catalogue(policy);

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
            if (!Array.isArray(members)) {
              problems.push({
                code: 'policy-output',
                message: `${refText(t.pkg, t.set)} must be a set of findings, but it is ${typeof members}`,
                hint: `define it as \`${t.set} contains finding if { ... }\``,
              });
              continue;
            }
            for (const m of members) {
              const f = readFinding(m, refText(t.pkg, t.set), t.where);
              if (f.ok) findings.push({ ...f.value, ruleSet: t.set });
              else problems.push(...f.problems);
            }
          }
        }
        if (problems.length > 0) return { ok: false, problems };
        return { ok: true, value: { findings } };
      },
    },
  };
}

/** Where a package's rule set is first defined, so a malformed finding points at its policy. */
function ruleLocation(policy: CompiledPolicy, pkg: string, name: string): SourcePosition | undefined {
  for (const m of policy.modules) {
    if (m.package.path.join('.') !== pkg) continue;
    const rule = m.rules.find((r) => r.head.ref.length === 1 && r.head.ref[0].name === name);
    if (rule) return { file: rule.loc.file, line: rule.loc.row, column: rule.loc.col };
  }
  return undefined;
}

function refText(pkg: string, rule: string): string {
  const parts = [...pkg.split('.'), rule];
  return 'data' + parts.map((p) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join('');
}

/** The rule catalogue: every rule whose METADATA names a `custom.id`. */
function catalogue(policy: CompiledPolicy): RuleInfo[] {
  const byId = new Map<string, RuleInfo>();
  for (const entry of policy.annotations()) {
    const a = entry.annotations;
    const custom = a.custom ?? {};
    const id = typeof custom.id === 'string' ? custom.id : undefined;
    if (!id || byId.has(id)) continue;
    const set = RULE_SETS.find((s) => entry.path.endsWith(`.${s}`));
    const severity = isSeverity(custom.severity) ? custom.severity : set ? SET_SEVERITY[set] : 'error';
    byId.set(id, {
      id,
      title: a.title ?? id,
      description: a.description ?? '',
      severity,
      remediation: typeof custom.remediation === 'string' ? custom.remediation : '',
      ...(typeof custom.guidance === 'string' || typeof custom.guidance === 'number' ? { guidance: String(custom.guidance) } : {}),
      source: `${entry.location.file}:${entry.location.row}`,
    });
  }
  return [...byId.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

function isSeverity(x: unknown): x is Severity {
  return x === 'error' || x === 'warning' || x === 'info';
}

