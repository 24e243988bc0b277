// Merges the modules of a policy: packages spanning several files become one subtree of the
// data tree, and each rule is placed at the node its static ref names.
import type { Module, Rule, Term } from '../ast.ts';
import type { RegoErrorData } from '../errors.ts';
import { dataPathText, type RuleKind, type RuleNode } from './ir.ts';

export interface RuleEntry {
  module: Module;
  rule: Rule;
  node: RuleNode;
  kind: RuleKind;
  /** Ref terms after the static path: `p[x].y` in package a places the rule at data.a.p with [x, "y"] left. */
  dynamic: Term[];
}

export interface PackageInfo {
  path: string[];
  modules: Module[];
  /** First names of every rule ref in the package, across all its files. */
  ruleNames: Set<string>;
}

export interface ModuleSet {
  root: RuleNode;
  packages: Map<string, PackageInfo>;
  entries: RuleEntry[];
}

export function newNode(key: string, path: string[], ids: { next: number }): RuleNode {
  return { key, path, children: new Map(), rules: [], id: ids.next++ };
}

function child(node: RuleNode, key: string, ids: { next: number }): RuleNode {
  let c = node.children.get(key);
  if (!c) {
    c = newNode(key, [...node.path, key], ids);
    node.children.set(key, c);
  }
  return c;
}

export function ruleKind(rule: Rule, dynamic: Term[]): RuleKind {
  if (rule.head.args) return 'function';
  if (rule.head.multiValue) return 'multi';
  return dynamic.length > 0 ? 'object' : 'complete';
}

export function buildModuleSet(modules: Module[], errors: RegoErrorData[]): ModuleSet {
  const ids = { next: 0 };
  const root = newNode('', [], ids);
  const packages = new Map<string, PackageInfo>();
  const entries: RuleEntry[] = [];
  for (const m of modules) {
    const key = m.package.path.join('.');
    let info = packages.get(key);
    if (!info) {
      info = { path: m.package.path, modules: [], ruleNames: new Set() };
      packages.set(key, info);
    }
    info.modules.push(m);
    let pkgNode = root;
    for (const p of m.package.path) pkgNode = child(pkgNode, p, ids);
    for (const a of m.annotations) {
      if (a.scope === 'package' || a.scope === 'subpackages') (pkgNode.annotations ??= []).push(a);
    }
    for (const rule of m.rules) {
      const name = rule.head.ref[0].name;
      if (m.regoVersion === 'v1' && (name === 'input' || name === 'data')) {
        errors.push({ code: 'rego_compile_error', message: `rules must not shadow ${name} (use a different rule name)`, location: rule.loc });
        continue;
      }
      info.ruleNames.add(name);
      let node = child(pkgNode, rule.head.ref[0].name, ids);
      const rest = rule.head.ref.slice(1);
      let i = 0;
      while (i < rest.length) {
        const t = rest[i]!;
        if (t.type !== 'scalar' || typeof t.value !== 'string') break;
        node = child(node, t.value, ids);
        i++;
      }
      const dynamic = rest.slice(i);
      const kind = ruleKind(rule, dynamic);
      const arity = kind === 'function' ? rule.head.args!.length : undefined;
      // Rules of one path must agree on their kind, and functions on their arity.
      if ((node.kind && node.kind !== kind) || (arity !== undefined && node.arity !== undefined && node.arity !== arity)) {
        errors.push({
          code: 'rego_type_error',
          message: `conflicting rules ${dataPathText(node.path)} found`,
          location: rule.loc,
        });
        continue;
      }
      node.kind = kind;
      if (arity !== undefined) node.arity = arity;
      entries.push({ module: m, rule, node, kind, dynamic });
    }
  }
  return { root, packages, entries };
}

export function findNode(root: RuleNode, path: readonly string[]): RuleNode | undefined {
  let n: RuleNode | undefined = root;
  for (const p of path) {
    n = n.children.get(p);
    if (!n) return undefined;
  }
  return n;
}
