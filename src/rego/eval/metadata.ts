// METADATA as rego.metadata.rule() and rego.metadata.chain() return it: annotations as
// objects in OPA's shape (authors as {name, email}), and the chain from rule to packages.
import type { Annotations } from '../ast.ts';
import type { CompiledRule, RuleNode } from '../compiler/ir.ts';
import { ObjectValue, fromJS, type Value } from '../value.ts';

function author(a: unknown): unknown {
  if (typeof a !== 'string') return a;
  const m = /^(.*?)\s*<([^>]+)>$/.exec(a.trim());
  if (!m) return { name: a.trim() };
  return m[1] ? { name: m[1], email: m[2] } : { email: m[2] };
}

function resource(r: unknown): unknown {
  return typeof r === 'string' ? { ref: r } : r;
}

export function annotationValue(a: Annotations): Value {
  const o = new ObjectValue();
  for (const [k, v] of Object.entries(a.raw)) {
    if (v === undefined) continue;
    if (k === 'authors' && Array.isArray(v)) o.set(k, fromJS(v.map(author)));
    else if (k === 'related_resources' && Array.isArray(v)) o.set(k, fromJS(v.map(resource)));
    else o.set(k, fromJS(v));
  }
  o.set('scope', a.scope);
  return o;
}

/** The rule-scope annotations of the rule being evaluated (document scope if there are none). */
export function ruleMetadata(rule: CompiledRule): Value {
  const a = rule.annotations.find((x) => x.scope === 'rule') ?? rule.annotations.find((x) => x.scope === 'document');
  return a ? annotationValue(a) : new ObjectValue();
}

function entry(path: string[], a?: Annotations): Value {
  const o = new ObjectValue();
  if (a) o.set('annotations', annotationValue(a));
  o.set('path', path);
  return o;
}

export function metadataChain(rule: CompiledRule, root: RuleNode): Value {
  const path = rule.node.path;
  const chain: Value[] = [];
  // Document scope covers every definition of the path, wherever it is written.
  const defs = [...rule.node.rules, ...(rule.node.defaultRule ? [rule.node.defaultRule] : [])];
  const docs = new Set(defs.flatMap((r) => r.annotations.filter((a) => a.scope === 'document')));
  const own = [...rule.annotations.filter((a) => a.scope === 'rule'), ...docs];
  if (own.length === 0) chain.push(entry(path));
  for (const a of own) chain.push(entry(path, a));
  const ancestors: RuleNode[] = [];
  let n: RuleNode | undefined = root;
  for (const p of rule.pkg) {
    n = n?.children.get(p);
    if (n) ancestors.push(n);
  }
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const node = ancestors[i]!;
    for (const a of node.annotations ?? []) {
      if (a.scope === 'subpackages' || (a.scope === 'package' && i === ancestors.length - 1)) chain.push(entry(node.path, a));
    }
  }
  return chain;
}
