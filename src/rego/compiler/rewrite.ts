// Turns bodies and terms into the compiled form: each `_` becomes a fresh variable, local
// variables get frame slots (closures share the frame of their rule), `:=` declarations are
// checked, and free names become input/data refs through the module's name scope.
import { checkConstantCall } from './constant-calls.ts';
import type { Body, Expr, Location, Term, VarTerm, With } from '../ast.ts';
import type { RegoErrorData } from '../errors.ts';
import { ObjectValue, SetValue, type Value } from '../value.ts';
import { dottedName, lookupFunction, resolveCall, type FnEnv } from './functions.ts';
import { resolveName } from './imports.ts';
import type { CExpr, CExprKind, CTerm, CWith, FnTarget } from './ir.ts';
import { checkSomeInLiterals, checkUnifyLiterals } from './literal-match.ts';

/** Slots of one frame: every variable of a rule (or query), closures included. */
export class SlotTable {
  names: string[] = [];
  wildcard: boolean[] = [];

  alloc(name: string, wildcard: boolean): number {
    this.names.push(name);
    this.wildcard.push(wildcard);
    return this.names.length - 1;
  }

  get size(): number {
    return this.names.length;
  }
}

/** A body's variables. Names seen anywhere in an enclosing body belong to that body. */
export class Scope {
  readonly vars = new Map<string, number>();
  readonly declared = new Set<string>();
  readonly own: number[] = [];

  constructor(
    readonly parent: Scope | undefined,
    readonly seen: Set<string>,
  ) {}
}

/**
 * Names used as variables in a body, outside its closures: a closure shares these with the body.
 * Names the body declares (`:=`, `some`) are left out: as in OPA, each comprehension has its own
 * scope, so a comprehension before `some value in xs` keeps a `value` of its own.
 */
export function collectSeen(body: Body, extra: Term[] = []): Set<string> {
  const seen = new Set<string>();
  const declared = new Set<string>();
  const pattern = (t: Term): void => {
    if (t.type === 'var') declared.add(t.name);
    else if (t.type === 'array') t.items.forEach(pattern);
    else if (t.type === 'object') for (const [, v] of t.items) pattern(v);
  };
  const term = (t: Term): void => {
    switch (t.type) {
      case 'var':
        if (t.name !== '_') seen.add(t.name);
        return;
      case 'ref':
        term(t.head);
        t.path.forEach(term);
        return;
      case 'array':
      case 'set':
        t.items.forEach(term);
        return;
      case 'object':
        for (const [k, v] of t.items) {
          term(k);
          term(v);
        }
        return;
      case 'call':
        t.args.forEach(term);
        return;
      default:
        return;
    }
  };
  for (const e of body) {
    const k = e.kind;
    switch (k.type) {
      case 'term':
        term(k.term);
        break;
      case 'unify':
        term(k.left);
        term(k.right);
        break;
      case 'assign':
        // Declared names are not the body's unification vars: closures before the
        // declaration keep their own variable of that name.
        term(k.right);
        pattern(k.left);
        break;
      case 'some':
        for (const v of k.vars) declared.add(v.name);
        break;
      case 'somein':
        term(k.collection);
        if (k.key) pattern(k.key);
        pattern(k.value);
        break;
      case 'every':
        term(k.domain);
        break;
    }
    for (const w of e.with) term(w.value);
  }
  extra.forEach(term);
  for (const d of declared) seen.delete(d);
  return seen;
}

export class Rewriter {
  constructor(
    readonly env: FnEnv,
    readonly slots: SlotTable,
    readonly errors: RegoErrorData[],
  ) {}

  private err(code: RegoErrorData['code'], message: string, location: Location): void {
    this.errors.push({ code, message, location });
  }

  declare(name: string, scope: Scope, loc: Location, how: 'assign' | 'some'): number {
    if (name === '_') {
      const slot = this.slots.alloc('_', true);
      scope.own.push(slot);
      return slot;
    }
    if (scope.declared.has(name)) {
      this.err('rego_compile_error', `var ${name} assigned above`, loc);
    } else if (scope.vars.has(name)) {
      this.err('rego_compile_error', `var ${name} referenced above`, loc);
    }
    if (how === 'assign' && this.env.regoVersion === 'v1' && (name === 'input' || name === 'data')) {
      this.err('rego_compile_error', `variables must not shadow ${name} (use a different variable name)`, loc);
    }
    const slot = this.slots.alloc(name, false);
    scope.vars.set(name, slot);
    scope.declared.add(name);
    scope.own.push(slot);
    return slot;
  }

  /** The slot of a local name, creating it in the outermost body that uses the name. */
  private local(name: string, scope: Scope): number | undefined {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      const slot = s.vars.get(name);
      if (slot !== undefined) return slot;
    }
    return undefined;
  }

  private createLocal(name: string, scope: Scope): number {
    let owner = scope;
    for (let s: Scope | undefined = scope.parent; s; s = s.parent) if (s.seen.has(name)) owner = s;
    const slot = this.slots.alloc(name, false);
    owner.vars.set(name, slot);
    owner.own.push(slot);
    return slot;
  }

  variable(v: VarTerm, scope: Scope): CTerm {
    if (v.name === '_') {
      const slot = this.slots.alloc('_', true);
      scope.own.push(slot);
      return { k: 'var', slot, name: '_', loc: v.loc };
    }
    const slot = this.local(v.name, scope);
    if (slot !== undefined) return { k: 'var', slot, name: v.name, loc: v.loc };
    const g = resolveName(this.env.names, v.name);
    if (g) {
      const path = g.path.map((p): CTerm => ({ k: 'const', v: p, loc: v.loc }));
      return g.root === 'input' ? { k: 'input', path, loc: v.loc } : { k: 'data', path, loc: v.loc };
    }
    return { k: 'var', slot: this.createLocal(v.name, scope), name: v.name, loc: v.loc };
  }

  term(t: Term, scope: Scope, topLevel = false): CTerm {
    switch (t.type) {
      case 'scalar':
        return { k: 'const', v: t.value, loc: t.loc };
      case 'var':
        return this.variable(t, scope);
      case 'ref': {
        const head = this.term(t.head, scope);
        const path = t.path.map((p) => this.term(p, scope));
        if (head.k === 'input' || head.k === 'data') return { k: head.k, path: [...head.path, ...path], loc: t.loc };
        return { k: 'ref', head, path, loc: t.loc };
      }
      case 'array': {
        const items = t.items.map((i) => this.term(i, scope));
        if (items.every(isConst)) return { k: 'const', v: items.map(constOf), loc: t.loc };
        return { k: 'array', items, loc: t.loc };
      }
      case 'set': {
        const items = t.items.map((i) => this.term(i, scope));
        if (items.every(isConst)) return { k: 'const', v: SetValue.from(items.map(constOf)), loc: t.loc };
        return { k: 'set', items, loc: t.loc };
      }
      case 'object': {
        const items = t.items.map(([k, v]): [CTerm, CTerm] => [this.term(k, scope), this.term(v, scope)]);
        if (items.every(([k, v]) => isConst(k) && isConst(v))) {
          return { k: 'const', v: ObjectValue.from(items.map(([k, v]) => [constOf(k), constOf(v)] as const)), loc: t.loc };
        }
        return { k: 'object', items, loc: t.loc };
      }
      case 'arraycompr':
      case 'setcompr': {
        const inner = new Scope(scope, collectSeen(t.body, [t.term]));
        const body = this.body(t.body, inner);
        const term = this.term(t.term, inner);
        return { k: t.type, term, body, own: inner.own, loc: t.loc };
      }
      case 'objectcompr': {
        const inner = new Scope(scope, collectSeen(t.body, [t.key, t.value]));
        const body = this.body(t.body, inner);
        const key = this.term(t.key, inner);
        const value = this.term(t.value, inner);
        return { k: 'objectcompr', key, value, body, own: inner.own, loc: t.loc };
      }
      case 'call': {
        const args = t.args.map((a) => this.term(a, scope));
        const fn = resolveCall(t.fn, t.args.length, this.env, t.loc, this.errors, topLevel);
        if (!fn) return { k: 'const', v: null, loc: t.loc };
        checkConstantCall(fn, args, t.loc, this.errors);
        return { k: 'call', fn, args, loc: t.loc };
      }
    }
  }

  /** Function arguments: their variables are locals of the body, bound by the call. */
  argument(t: Term, scope: Scope): CTerm {
    if (t.type === 'var' && t.name !== '_') {
      const existing = scope.vars.get(t.name);
      if (existing !== undefined) return { k: 'var', slot: existing, name: t.name, loc: t.loc };
      const slot = this.slots.alloc(t.name, false);
      scope.vars.set(t.name, slot);
      scope.own.push(slot);
      return { k: 'var', slot, name: t.name, loc: t.loc };
    }
    if (t.type === 'array') return { k: 'array', items: t.items.map((i) => this.argument(i, scope)), loc: t.loc };
    if (t.type === 'object') {
      return { k: 'object', items: t.items.map(([k, v]): [CTerm, CTerm] => [this.term(k, scope), this.argument(v, scope)]), loc: t.loc };
    }
    return this.term(t, scope);
  }

  /** Declares the variables of an assignment or `some ... in` pattern as new locals. */
  pattern(t: Term, scope: Scope, how: 'assign' | 'some'): CTerm {
    switch (t.type) {
      case 'var': {
        const slot = this.declare(t.name, scope, t.loc, how);
        return { k: 'var', slot, name: t.name, loc: t.loc };
      }
      case 'array': {
        const items = t.items.map((i) => this.pattern(i, scope, how));
        return { k: 'array', items, loc: t.loc };
      }
      case 'object': {
        const items = t.items.map(([k, v]): [CTerm, CTerm] => [this.term(k, scope), this.pattern(v, scope, how)]);
        return { k: 'object', items, loc: t.loc };
      }
      default:
        return this.term(t, scope);
    }
  }

  body(body: Body, scope: Scope): CExpr[] {
    return body.map((e, i) => this.expr(e, scope, i));
  }

  expr(e: Expr, scope: Scope, index: number): CExpr {
    const withs = e.with.map((w) => this.withModifier(w, scope)).filter((w): w is CWith => w !== undefined);
    return { kind: this.exprKind(e, scope), negated: e.negated, with: withs, loc: e.loc, index };
  }

  private exprKind(e: Expr, scope: Scope): CExprKind {
    const k = e.kind;
    switch (k.type) {
      case 'term':
        return { type: 'term', term: this.term(k.term, scope, true) };
      case 'unify': {
        const left = this.term(k.left, scope);
        const right = this.term(k.right, scope);
        checkUnifyLiterals(left, right, e.loc, this.errors);
        return { type: 'unify', left, right };
      }
      case 'assign': {
        const right = this.term(k.right, scope);
        if (k.left.type !== 'var' && k.left.type !== 'array' && k.left.type !== 'object') {
          this.err('rego_compile_error', 'cannot assign to ' + describeTerm(k.left), e.loc);
        }
        const left = this.pattern(k.left, scope, 'assign');
        checkUnifyLiterals(left, right, e.loc, this.errors);
        return { type: 'unify', left, right };
      }
      case 'some':
        for (const v of k.vars) this.declare(v.name, scope, v.loc, 'some');
        return { type: 'nop' };
      case 'somein': {
        const collection = this.term(k.collection, scope);
        const key = k.key ? this.pattern(k.key, scope, 'some') : undefined;
        const value = this.pattern(k.value, scope, 'some');
        checkSomeInLiterals(value, collection, e.loc, this.errors);
        return { type: 'somein', key, value, collection };
      }
      case 'every': {
        const domain = this.term(k.domain, scope);
        const inner = new Scope(scope, collectSeen(k.body));
        const key = k.key ? this.pattern(k.key, inner, 'some') : undefined;
        const value = this.pattern(k.value, inner, 'some');
        const body = this.body(k.body, inner);
        return { type: 'every', key, value, domain, body, own: inner.own };
      }
    }
  }

  private withModifier(w: With, scope: Scope): CWith | undefined {
    const parts = dottedName(w.target);
    if (!parts) {
      this.err('rego_type_error', 'with keyword target must reference an existing input, data, or function', w.loc);
      return undefined;
    }
    const value = (): { fn?: FnTarget; value?: CTerm } => {
      const v = w.value;
      if (v.type === 'var' || v.type === 'ref') {
        const vp = dottedName(v);
        if (vp && !(v.type === 'var' && this.local(v.name, scope) !== undefined)) {
          const fn = lookupFunction(vp, this.env);
          if (fn) return { fn };
        }
      }
      return { value: this.term(v, scope) };
    };
    const g = resolveName(this.env.names, parts[0]!);
    if (g && this.local(parts[0]!, scope) === undefined) {
      const path = [...g.path, ...parts.slice(1)];
      if (g.root === 'input') return { target: { kind: 'input', path }, ...value(), loc: w.loc };
      const fn = lookupFunction(parts, this.env);
      if (fn) return this.functionReplaced(fn, value(), w.loc);
      return { target: { kind: 'data', path }, ...value(), loc: w.loc };
    }
    const fn = lookupFunction(parts, this.env);
    if (fn) return this.functionReplaced(fn, value(), w.loc);
    this.err('rego_type_error', 'with keyword target must reference an existing input, data, or function', w.loc);
    return undefined;
  }

  private functionReplaced(fn: FnTarget, value: { fn?: FnTarget; value?: CTerm }, loc: Location): CWith {
    if (fn.kind === 'builtin' && fn.def.standIn) this.env.standIns.replaced.add(fn.id);
    return { target: { kind: 'fn', id: fn.id }, ...value, loc };
  }
}

function isConst(t: CTerm): t is { k: 'const'; v: Value; loc: Location } {
  return t.k === 'const';
}

function constOf(t: CTerm): Value {
  return (t as { v: Value }).v;
}

function describeTerm(t: Term): string {
  switch (t.type) {
    case 'scalar':
      return t.value === null ? 'null' : typeof t.value;
    case 'ref':
      return 'ref';
    case 'call':
      return 'call';
    default:
      return t.type;
  }
}
