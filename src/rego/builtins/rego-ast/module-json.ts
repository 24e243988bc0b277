// A parsed module as OPA's AST JSON (the document `opa parse --format json` prints and
// rego.parse_module returns): terms are {type, value}, expressions {index, terms}, operators refs
// to their internal names, locations left out. Linters written in Rego walk this document.
import type { Annotations, Body, Expr, Import, Module, Rule, RuleHead, Term, With } from '../../ast.ts';
import { ObjectValue, fromJS, type Value } from '../../value.ts';

type Json = Value;

const obj = (entries: [string, Json | undefined][]): ObjectValue => {
  const o = new ObjectValue();
  for (const [k, v] of entries) if (v !== undefined) o.set(k, v);
  return o;
};

const typed = (type: string, value: Json): ObjectValue => obj([['type', type], ['value', value]]);

/** An operator or function name as OPA's ref term: `assign`, `eq`, `data.lib.f`. */
function nameRef(name: string): ObjectValue {
  const [head, ...rest] = name.split('.');
  return typed('ref', [typed('var', head!), ...rest.map((r) => typed('string', r))]);
}

function scalarType(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') return 'string';
  return 'number';
}

export function termJson(t: Term): Json {
  switch (t.type) {
    case 'scalar':
      return typed(scalarType(t.value), t.value as Json);
    case 'var':
      return typed('var', t.name);
    case 'ref':
      return typed('ref', [termJson(t.head), ...t.path.map(termJson)]);
    case 'array':
      return typed('array', t.items.map(termJson));
    case 'set':
      return typed('set', t.items.map(termJson));
    case 'object':
      return typed('object', t.items.map(([k, v]) => [termJson(k), termJson(v)]));
    case 'arraycompr':
      return typed('arraycomprehension', obj([['term', termJson(t.term)], ['body', bodyJson(t.body)]]));
    case 'setcompr':
      return typed('setcomprehension', obj([['term', termJson(t.term)], ['body', bodyJson(t.body)]]));
    case 'objectcompr':
      return typed('objectcomprehension', obj([['key', termJson(t.key)], ['value', termJson(t.value)], ['body', bodyJson(t.body)]]));
    case 'call':
      return typed('call', [fnJson(t.fn), ...t.args.map(termJson)]);
  }
}

/** A function is always named by a ref in OPA's AST, a plain name too (`count` is `[var count]`). */
function fnJson(fn: Term): Json {
  return fn.type === 'var' ? typed('ref', [typed('var', fn.name)]) : termJson(fn);
}

function exprTerms(e: Expr): Json {
  const k = e.kind;
  switch (k.type) {
    case 'term':
      // A call on its own is an expression of its operator and operands, as OPA parses it.
      if (k.term.type === 'call') return [fnJson(k.term.fn), ...k.term.args.map(termJson)];
      return termJson(k.term);
    case 'unify':
      return [nameRef('eq'), termJson(k.left), termJson(k.right)];
    case 'assign':
      return [nameRef('assign'), termJson(k.left), termJson(k.right)];
    case 'some':
      return obj([['symbols', k.vars.map(termJson)]]);
    case 'somein': {
      const member = k.key ? 'internal.member_3' : 'internal.member_2';
      const args = [...(k.key ? [termJson(k.key)] : []), termJson(k.value), termJson(k.collection)];
      return obj([['symbols', [typed('call', [nameRef(member), ...args])]]]);
    }
    case 'every':
      return obj([
        ['key', k.key ? termJson(k.key) : null],
        ['value', termJson(k.value)],
        ['domain', termJson(k.domain)],
        ['body', bodyJson(k.body)],
      ]);
  }
}

function withJson(w: With): Json {
  return obj([['target', termJson(w.target)], ['value', termJson(w.value)]]);
}

function exprJson(e: Expr, index: number): Json {
  return obj([
    ['index', index],
    ['negated', e.negated ? true : undefined],
    ['terms', exprTerms(e)],
    ['with', e.with.length > 0 ? e.with.map(withJson) : undefined],
  ]);
}

export function bodyJson(body: Body): Json {
  return body.map(exprJson);
}

function headJson(h: RuleHead): Json {
  const ref = h.ref.map(termJson);
  return obj([
    // OPA names the rule only when its ref is a single name (or `p[x]` of a multi-value rule).
    ['name', h.ref.length === 1 ? h.ref[0].name : undefined],
    ['args', h.args ? h.args.map(termJson) : undefined],
    ['key', h.key ? termJson(h.key) : undefined],
    ['value', h.value ? termJson(h.value) : h.multiValue ? undefined : typed('boolean', true)],
    ['assign', h.assign ? true : undefined],
    ['ref', ref],
  ]);
}

function annotationJson(a: Annotations): Json {
  const raw = fromJS(a.raw);
  const o = raw instanceof ObjectValue ? raw.clone() : new ObjectValue();
  o.set('scope', a.scope);
  return o;
}

function ruleJson(r: Rule): Json {
  const annotations = r.annotations.filter((a) => a.scope === 'rule' || a.scope === 'document');
  return obj([
    ['annotations', annotations.length > 0 ? annotations.map(annotationJson) : undefined],
    ['body', bodyJson(r.body)],
    ['default', r.isDefault ? true : undefined],
    ['else', r.else ? ruleJson(r.else) : undefined],
    ['head', headJson(r.head)],
  ]);
}

function importJson(i: Import): Json {
  return obj([['path', termJson(i.path)], ['alias', i.alias]]);
}

export function moduleJson(m: Module): Json {
  const pkgPath = [typed('var', 'data'), ...m.package.path.map((p) => typed('string', p))];
  return obj([
    ['package', obj([['path', pkgPath]])],
    ['imports', m.imports.length > 0 ? m.imports.map(importJson) : undefined],
    ['annotations', m.annotations.length > 0 ? m.annotations.map(annotationJson) : undefined],
    ['rules', m.rules.length > 0 ? m.rules.map(ruleJson) : undefined],
  ]);
}
