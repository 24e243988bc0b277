// Rules and functions may not depend on themselves, directly or through others: such cycles
// are reported as OPA does (`rule data.p.q is recursive: data.p.q -> data.p.r -> data.p.q`).
import type { RegoErrorData } from '../errors.ts';
import { dataPathText, type CompiledRule, type CTerm, type RuleNode } from './ir.ts';
import { walkBody, walkTerm, type Visitor } from './walk.ts';

function subtreeRules(n: RuleNode, acc: Set<RuleNode>): void {
  if (n.kind) acc.add(n);
  for (const c of n.children.values()) subtreeRules(c, acc);
}

/**
 * Rule nodes a data ref may read: a variable key stands for every child at its level, and the
 * rest of the ref must still match (`data.a[_].deny` reads the deny rules of data.a's packages
 * only, as OPA's dependency graph has it); the end of the ref reads everything below it.
 */
function refDeps(n: RuleNode, path: CTerm[], i: number, acc: Set<RuleNode>): void {
  if (n.kind) {
    acc.add(n);
    return;
  }
  if (i === path.length) {
    subtreeRules(n, acc);
    return;
  }
  const p = path[i]!;
  if (p.k === 'const') {
    if (typeof p.v !== 'string') return;
    const c = n.children.get(p.v);
    if (c) refDeps(c, path, i + 1, acc);
    return;
  }
  for (const c of n.children.values()) refDeps(c, path, i + 1, acc);
}

function ruleDeps(root: RuleNode, rule: CompiledRule, acc: Set<RuleNode>): void {
  const visitor: Visitor = {
    term: (t) => {
      if (t.k === 'data') refDeps(root, t.path, 0, acc);
      else if (t.k === 'call' && t.fn.kind === 'user') acc.add(t.fn.node);
    },
    with: (w) => {
      if (w.fn?.kind === 'user') acc.add(w.fn.node);
    },
    patterns: true,
  };
  for (let r: CompiledRule | undefined = rule; r; r = r.else) {
    walkBody(r.body, visitor);
    walkTerm(r.value, visitor);
    if (r.key) walkTerm(r.key, visitor);
    for (const t of r.dynPath) walkTerm(t, visitor);
    for (const t of r.args ?? []) walkTerm(t, visitor);
  }
}

export function checkRecursion(root: RuleNode, nodes: RuleNode[], errors: RegoErrorData[]): void {
  const deps = new Map<RuleNode, RuleNode[]>();
  for (const n of nodes) {
    const acc = new Set<RuleNode>();
    for (const r of n.rules) ruleDeps(root, r, acc);
    if (n.defaultRule) ruleDeps(root, n.defaultRule, acc);
    deps.set(n, [...acc]);
  }
  const state = new Map<RuleNode, 1 | 2>();
  const stack: RuleNode[] = [];
  const reported = new Set<RuleNode>();
  const visit = (n: RuleNode): void => {
    state.set(n, 1);
    stack.push(n);
    for (const d of deps.get(n) ?? []) {
      const s = state.get(d);
      if (s === 1) {
        if (!reported.has(d)) {
          reported.add(d);
          const cycle = stack.slice(stack.indexOf(d)).concat(d).map((x) => dataPathText(x.path));
          const loc = d.rules[0]?.loc ?? d.defaultRule?.loc;
          errors.push({
            code: 'rego_recursion_error',
            message: `rule ${dataPathText(d.path)} is recursive: ${cycle.join(' -> ')}`,
            ...(loc ? { location: loc } : {}),
          });
        }
      } else if (s === undefined) visit(d);
    }
    stack.pop();
    state.set(n, 2);
  };
  for (const n of nodes) if (!state.has(n)) visit(n);
}
