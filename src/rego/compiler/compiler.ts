// Compiles parsed modules into the rule tree the evaluator runs: merges packages, resolves
// names, rewrites bodies, orders them for safety, and rejects recursion.
import type { Module, Rule, Term } from '../ast.ts';
import type { BuiltinDef } from '../builtins/builtin.ts';
import type { RegoErrorData } from '../errors.ts';
import { newStandInUses, standInErrors, type StandInUses } from './functions.ts';
import { hoistNegated, hoistNegatedInTerm } from './negation.ts';
import { checkRecursion } from './recursion.ts';
import { moduleNameScope, type NameScope } from './imports.ts';
import { dataPathText, type CompiledRule, type CTerm, type RuleNode } from './ir.ts';
import { buildModuleSet, type ModuleSet, type RuleEntry } from './module-set.ts';
import { Rewriter, Scope, SlotTable, collectSeen } from './rewrite.ts';
import { patternVars, SafetyChecker } from './safety.ts';

export interface CompiledModules {
  set: ModuleSet;
  errors: RegoErrorData[];
}

const TRUE_LOC = { file: '', row: 0, col: 0 };

function compileRule(
  entry: RuleEntry,
  rule: Rule,
  rootArgs: Term[] | undefined,
  names: NameScope,
  root: RuleNode,
  builtins: ReadonlyMap<string, BuiltinDef>,
  standIns: StandInUses,
  errors: RegoErrorData[],
): CompiledRule {
  const slots = new SlotTable();
  const head = rule.head;
  const args = head.args ?? rootArgs;
  const dynamic = rule === entry.rule ? entry.dynamic : [];
  const scope = new Scope(undefined, collectSeen(rule.body));
  const rw = new Rewriter({ names, root, builtins, regoVersion: entry.module.regoVersion, standIns }, slots, errors);
  const bound = new Set<number>();
  const cargs = args?.map((a) => {
    const ct = rw.argument(a, scope);
    for (const s of patternVars(ct)) bound.add(s);
    return ct;
  });
  const body = rw.body(rule.body, scope);
  const dynPath = dynamic.map((t) => rw.term(t, scope));
  const key = head.key ? rw.term(head.key, scope) : undefined;
  const value: CTerm = head.value ? rw.term(head.value, scope) : { k: 'const', v: true, loc: head.loc ?? TRUE_LOC };
  const safety = new SafetyChecker(slots, errors);
  let ordered = safety.order(body, bound);
  for (const t of dynPath) safety.checkBound(t, bound);
  if (key) safety.checkBound(key, bound);
  safety.checkBound(value, bound);
  if (!keepsNegationWhole(entry.module)) {
    const options = { equalIsUnify: true };
    ordered = hoistNegated(ordered, slots, options);
    for (const t of [...dynPath, ...(key ? [key] : []), value]) hoistNegatedInTerm(t, slots, options);
  }
  const compiled: CompiledRule = {
    kind: entry.kind,
    node: entry.node,
    dynPath,
    key,
    value,
    args: cargs,
    body: ordered,
    nslots: slots.size,
    isDefault: rule.isDefault,
    ast: rule,
    annotations: entry.rule.annotations,
    pkg: entry.module.package.path,
    loc: rule.loc,
  };
  if (rule.else) compiled.else = compileRule(entry, rule.else, args, names, root, builtins, standIns, errors);
  return compiled;
}

/** `import future.keywords.not` keeps every part of a negated expression inside the negation. */
function keepsNegationWhole(m: Module): boolean {
  return m.imports.some((i) => {
    const p = i.path;
    if (p.type !== 'ref' || p.head.type !== 'var' || p.head.name !== 'future' || p.path.length !== 2) return false;
    const [a, b] = p.path;
    return a?.type === 'scalar' && a.value === 'keywords' && b?.type === 'scalar' && b.value === 'not';
  });
}

export function compileModules(modules: Module[], builtins: ReadonlyMap<string, BuiltinDef>, options: { unavailableAtCall?: boolean } = {}): CompiledModules {
  const errors: RegoErrorData[] = [];
  const set = buildModuleSet(modules, errors);
  const scopes = new Map<Module, NameScope>();
  const ruleNodes = new Set<RuleNode>();
  const standIns = newStandInUses();
  for (const entry of set.entries) {
    let names = scopes.get(entry.module);
    if (!names) {
      const pkg = set.packages.get(entry.module.package.path.join('.'))!;
      names = moduleNameScope(entry.module, pkg.ruleNames);
      scopes.set(entry.module, names);
    }
    const compiled = compileRule(entry, entry.rule, undefined, names, set.root, builtins, standIns, errors);
    const node = entry.node;
    ruleNodes.add(node);
    if (entry.rule.isDefault) {
      if (node.defaultRule) {
        errors.push({ code: 'rego_type_error', message: `multiple default rules ${dataPathText(node.path)} found`, location: entry.rule.loc });
      }
      node.defaultRule = compiled;
    } else {
      node.rules.push(compiled);
    }
  }
  if (!options.unavailableAtCall) errors.push(...standInErrors(standIns));
  checkRecursion(set.root, [...ruleNodes], errors);
  return { set, errors };
}
