// The evaluator: runs compiled bodies by backtracking in continuation-passing style over one
// frame of slots per rule, resolving data refs through the rule tree (lazily, memoized) and
// applying `with` by swapping the evaluation state for the span of one expression.
import type { Location } from '../ast.ts';
import { BuiltinFailure, BuiltinLimitError, BuiltinTypeError } from '../builtins/builtin.ts';
import { CallContext } from './call-context.ts';
import type { CExpr, CompiledRule, CTerm, DataPrefix, FnTarget, RuleNode } from '../compiler/ir.ts';
import { metadataChain, ruleMetadata } from './metadata.ts';
import { RegoError } from '../errors.ts';
import { ObjectValue, SetValue, compare, equals, type Value } from '../value.ts';
import { ENUM, UNDEFINED, type Cont, type Enum, type Frame, type Undefined, type ValueCont } from './frame.ts';
import { Limits } from './limits.ts';
import { isItems, itemAt, lengthOf, lookup, lookupData, stepInto, valueOf, type Cursor, type Lookup } from './lookup.ts';
import { printLine } from './print.ts';
import { functionValue, ruleValue } from './rules.ts';
import { withState } from './with.ts';
import { sharedValues, type SharedValues } from './shared-values.ts';
import { unifyEvaluated, unifyTerms, unifyValue, type TermEvaluator } from './unify.ts';

export interface EvalState {
  input: Value | undefined;
  data: Value;
  /** `with data.x as v` on paths that have nodes in the rule tree. */
  overrides: Map<RuleNode, Value> | undefined;
  /** `with f as g`: function id -> replacement function or value. */
  mocks: Map<string, { fn?: FnTarget; value?: Value }> | undefined;
  /** Values of rule and package nodes by node id, valid for this state only. */
  values: (Value | Undefined | undefined)[];
  /** Function results by node id, then by argument (see functionValue). */
  fnValues: (Map<unknown, unknown> | undefined)[];
}

export interface EvaluatorOptions {
  root: RuleNode;
  input?: Value;
  data: Value;
  strictBuiltinErrors: boolean;
  limits: Limits;
  nowNs: bigint;
  print: (line: string) => void;
  cover?: { hit(loc: Location): void };
}

export class Evaluator implements TermEvaluator {
  readonly root: RuleNode;
  state: EvalState;
  readonly strict: boolean;
  readonly limits: Limits;
  private readonly ctx: CallContext;
  /** Rules being evaluated, innermost last (for rego.metadata). */
  readonly ruleStack: CompiledRule[] = [];
  readonly cover: { hit(loc: Location): void } | undefined;
  /** The state the evaluation starts in: only there do values come from, and go to, `shared`. */
  readonly base: EvalState;
  /** Values kept between evaluations of input-independent rules (shared-values.ts). */
  readonly shared: SharedValues | undefined;

  constructor(o: EvaluatorOptions) {
    this.root = o.root;
    const fresh = this.freshValues();
    this.state = { input: o.input, data: o.data, overrides: undefined, mocks: undefined, values: fresh.values, fnValues: fresh.fnValues };
    this.base = this.state;
    // Coverage needs every rule evaluated where it runs, so a measured run shares nothing.
    this.shared = o.cover ? undefined : sharedValues(o.root, o.data, o.strictBuiltinErrors);
    this.strict = o.strictBuiltinErrors;
    this.limits = o.limits;
    this.cover = o.cover;
    this.ctx = new CallContext(o.nowNs, String(o.nowNs), this, o.print, o.limits);
  }

  /** Empty memos for a new state: one slot per node of the rule tree. */
  freshValues(): Pick<EvalState, 'values' | 'fnValues'> {
    const n = nodeCount(this.root);
    return { values: new Array(n), fnValues: new Array(n) };
  }

  // ------------------------------------------------------------ bodies and expressions

  /**
   * Runs a body from expression `i`, then `k` for each solution. Expressions that decide without
   * enumerating (a test, an assignment of one value) run in a loop, without a continuation of
   * their own; variables they bind are unbound when the call returns, as backtracking would.
   */
  evalBody(body: CExpr[], i: number, f: Frame, k: Cont): boolean {
    let bound: number[] | undefined;
    let r: boolean;
    for (;;) {
      if (i === body.length) {
        // Each solution counts too, so enumerations that produce many bindings stay bounded.
        if (i > 0) this.limits.step(body[i - 1]!.loc);
        r = k();
        break;
      }
      const e = body[i]!;
      this.limits.step(e.loc);
      this.cover?.hit(e.loc);
      const d = e.with.length > 0 ? (this.evalWith(e, f, this.rest(body, i + 1, f, k)) ? SUCCEEDED : FAILED) : this.evalExprAt(e, f, body, i, k);
      if (d === PASSED) {
        i++;
      } else if (d >= 0) {
        if (bound === undefined) bound = [d];
        else bound.push(d);
        i++;
      } else {
        r = d === SUCCEEDED;
        break;
      }
    }
    if (bound !== undefined) for (let j = 0; j < bound.length; j++) f[bound[j]!] = undefined;
    return r;
  }

  /** The rest of a body, as a continuation. */
  private rest(body: CExpr[], i: number, f: Frame, k: Cont): Cont {
    return () => this.evalBody(body, i, f, k);
  }

  /**
   * Evaluates expression `i` of a body: PASSED when it holds once without binding, a slot number
   * when it holds by binding that one variable, or else the outcome of running the rest of the
   * body through it as a continuation (SUCCEEDED: a solution stopped the search; FAILED).
   */
  private evalExprAt(e: CExpr, f: Frame, body: CExpr[], i: number, k: Cont): number {
    if (!e.negated) return this.decide(e, f, undefined, body, i, k);
    // `not`: the expression must have no solution; a variable it bound is unbound at once.
    const d = this.decide(e, f, ALWAYS, body, i, k);
    if (d >= 0) {
      f[d] = undefined;
      return FAILED;
    }
    return d === FAILED ? PASSED : FAILED;
  }

  /**
   * An expression without its negation, as evalExprAt: `next` continues after it (undefined: the
   * rest of the body, made only when the expression enumerates).
   */
  private decide(e: CExpr, f: Frame, next: Cont | undefined, body: CExpr[], i: number, k: Cont): number {
    const x = e.kind;
    switch (x.type) {
      case 'nop':
        return PASSED;
      case 'unify': {
        const a = x.left;
        const b = x.right;
        const da = a.k === 'const' ? a.v : this.evalDirect(a, f);
        if (da === undefined) return FAILED;
        const db = b.k === 'const' ? b.v : this.evalDirect(b, f);
        if (db === undefined) return FAILED;
        if (da !== ENUM) {
          if (db !== ENUM) return equals(da, db) ? PASSED : FAILED;
          if (b.k === 'var') {
            f[b.slot] = da;
            return b.slot;
          }
        } else if (db !== ENUM && a.k === 'var') {
          f[a.slot] = db;
          return a.slot;
        }
        return unifyEvaluated(this, a, b, da, db, f, (next ?? this.rest(body, i + 1, f, k))) ? SUCCEEDED : FAILED;
      }
      case 'term': {
        if (e.out !== undefined) break;
        const keepFalse = e.keepFalse === true;
        const t = x.term;
        if (t.k === 'call') return this.callAt(t, keepFalse, f, next, body, i, k);
        const v = this.evalDirect(t, f);
        if (v === undefined) return FAILED;
        if (v !== ENUM) return v === false && !keepFalse ? FAILED : PASSED;
        return this.evalEnum(t, f, accepting(keepFalse, (next ?? this.rest(body, i + 1, f, k)))) ? SUCCEEDED : FAILED;
      }
    }
    return this.evalPlain(e, f, (next ?? this.rest(body, i + 1, f, k))) ? SUCCEEDED : FAILED;
  }

  /** A call as a body's expression `i` (see evalExprAt): evalTermExpr's call, without continuations when it can. */
  private callAt(t: Extract<CTerm, { k: 'call' }>, keepFalse: boolean, f: Frame, next: Cont | undefined, body: CExpr[], i: number, k: Cont): number {
    if (t.fn.kind === 'print' && !this.state.mocks?.has('print')) {
      this.evalPrint(t.args, f);
      return PASSED;
    }
    const n = this.inputArity(t.fn, t.args.length);
    const args: Value[] = new Array(n);
    for (let j = 0; j < n; j++) {
      const at = t.args[j]!;
      const v = at.k === 'const' ? at.v : this.evalDirect(at, f);
      if (v === undefined) return FAILED;
      if (v === ENUM) {
        const accept = accepting(keepFalse, (next ?? this.rest(body, i + 1, f, k)));
        return this.itemsEnum(t.args.slice(0, n), 0, new Array(n), f, (vals) => this.finishCall(t, n, vals.slice(), f, accept, true)) ? SUCCEEDED : FAILED;
      }
      args[j] = v;
    }
    const r = this.callFunction(t.fn, args, t.loc);
    if (r === undefined) return FAILED;
    if (!(r instanceof Multi)) {
      if (n === t.args.length) return r === false && !keepFalse ? FAILED : PASSED;
      const out = t.args[n]!;
      if (out.k === 'var') {
        const cur = f[out.slot];
        if (cur === undefined) {
          f[out.slot] = r;
          return out.slot;
        }
        return equals(cur, r) ? PASSED : FAILED;
      }
    }
    return this.passResult(t, n, r, f, accepting(keepFalse, (next ?? this.rest(body, i + 1, f, k))), true) ? SUCCEEDED : FAILED;
  }

  private evalExprInner(e: CExpr, f: Frame, k: Cont): boolean {
    if (e.negated) {
      if (this.evalPlain(e, f, ALWAYS)) return false;
      return k();
    }
    return this.evalPlain(e, f, k);
  }

  private evalPlain(e: CExpr, f: Frame, k: Cont): boolean {
    const x = e.kind;
    switch (x.type) {
      case 'term':
        return this.evalTermExpr(x.term, e.out, e.keepFalse === true, f, k);
      case 'unify':
        return unifyTerms(this, x.left, x.right, f, k);
      case 'somein':
        return this.evalSomeIn(x.key, x.value, x.collection, f, k);
      case 'every':
        return this.evalEvery(x.key, x.value, x.domain, x.body, f, k);
      case 'nop':
        return k();
    }
  }

  private evalTermExpr(t: CTerm, out: number | undefined, keepFalse: boolean, f: Frame, k: Cont): boolean {
    const accept = (v: Value): boolean => {
      if (v === false && !keepFalse) return false;
      if (out === undefined) return k();
      f[out] = v;
      const r = k();
      f[out] = undefined;
      return r;
    };
    if (t.k === 'call') return this.evalCall(t, f, accept, true);
    const v = this.evalDirect(t, f);
    if (v === undefined) return false;
    if (v === ENUM) return this.evalEnum(t, f, accept);
    return accept(v);
  }

  private evalSomeIn(key: CTerm | undefined, value: CTerm, coll: CTerm, f: Frame, k: Cont): boolean {
    const c = this.collectionDirect(coll, f);
    if (c === undefined) return false;
    if (c === ENUM) return this.evalEnum(coll, f, (v) => this.someIn(key, value, v, f, k));
    return this.someIn(key, value, c, f, k);
  }

  /** Each member of a collection in turn, unified with `some key, value in`. */
  private someIn(key: CTerm | undefined, value: CTerm, c: Cursor, f: Frame, k: Cont): boolean {
    if (isItems(c)) {
      for (let i = 0; i < lengthOf(c); i++) {
        const item = valueOf(itemAt(c, i));
        const r = key ? unifyValue(this, key, i, f, () => unifyValue(this, value, item, f, k)) : unifyValue(this, value, item, f, k);
        if (r) return true;
      }
    } else if (c instanceof ObjectValue) {
      const entries = c.entryList();
      for (let i = 0; i < entries.length; i++) {
        const ok = entries[i]![0];
        const ov = entries[i]![1];
        const r = key ? unifyValue(this, key, ok, f, () => unifyValue(this, value, ov, f, k)) : unifyValue(this, value, ov, f, k);
        if (r) return true;
      }
    } else if (c instanceof SetValue) {
      const members = c.members();
      for (let i = 0; i < members.length; i++) {
        const m = members[i]!;
        const r = key ? unifyValue(this, key, m, f, () => unifyValue(this, value, m, f, k)) : unifyValue(this, value, m, f, k);
        if (r) return true;
      }
    }
    return false;
  }

  private evalEvery(key: CTerm | undefined, value: CTerm, domain: CTerm, body: CExpr[], f: Frame, k: Cont): boolean {
    const d = this.collectionDirect(domain, f);
    if (d === undefined || d === ENUM) return false;
    const holds = (kv: Value, vv: Value): boolean => {
      const withBody: Cont = () => this.evalBody(body, 0, f, () => true);
      return key ? unifyValue(this, key, kv, f, () => unifyValue(this, value, vv, f, withBody)) : unifyValue(this, value, vv, f, withBody);
    };
    if (isItems(d)) {
      for (let i = 0; i < lengthOf(d); i++) if (!holds(i, valueOf(itemAt(d, i)))) return false;
    } else if (d instanceof ObjectValue) {
      for (const [ok, ov] of d.entries()) if (!holds(ok, ov)) return false;
    } else if (d instanceof SetValue) {
      for (const m of d.values()) if (!holds(m, m)) return false;
    } else {
      return false;
    }
    return k();
  }

  // ------------------------------------------------------------ with

  private evalWith(e: CExpr, f: Frame, k: Cont): boolean {
    const outer = this.state;
    const inner = withState(this, e.with, f);
    if (!inner) return false;
    this.state = inner;
    try {
      return this.evalExprInner(e, f, () => {
        this.state = outer;
        try {
          return k();
        } finally {
          this.state = inner;
        }
      });
    } finally {
      this.state = outer;
    }
  }

  // ------------------------------------------------------------ terms

  evalDirect(t: CTerm, f: Frame): Value | undefined | Enum {
    switch (t.k) {
      // Cases in order of how often policies reach them.
      case 'var': {
        const v = f[t.slot];
        return v === undefined ? ENUM : v;
      }
      case 'const':
        return t.v;
      case 'ref': {
        const h = t.head.k === 'var' ? f[t.head.slot] : this.evalDirect(t.head, f);
        // An unbound head variable is undefined here: enumerate it.
        if (h === undefined) return t.head.k === 'var' ? ENUM : undefined;
        if (h === ENUM) return h;
        return this.walkDirect(h, t.path, 0, f);
      }
      case 'data':
        return this.dataDirect(t, f);
      case 'call': {
        const n = this.inputArity(t.fn, t.args.length);
        if (n < t.args.length) return ENUM;
        const args: Value[] = new Array(n);
        for (let i = 0; i < n; i++) {
          const v = this.evalDirect(t.args[i]!, f);
          if (v === undefined || v === ENUM) return v;
          args[i] = v;
        }
        const r = this.callFunction(t.fn, args, t.loc);
        if (r === undefined) return undefined;
        if (r instanceof Multi) return ENUM;
        return r;
      }
      case 'input': {
        const input = this.state.input;
        if (input === undefined) return undefined;
        return this.walkDirect(input, t.path, 0, f);
      }
      case 'array': {
        const out: Value[] = new Array(t.items.length);
        for (let i = 0; i < t.items.length; i++) {
          const v = this.evalDirect(t.items[i]!, f);
          if (v === undefined || v === ENUM) return v;
          out[i] = v;
        }
        return out;
      }
      case 'set': {
        const s = new SetValue();
        for (let i = 0; i < t.items.length; i++) {
          const v = this.evalDirect(t.items[i]!, f);
          if (v === undefined || v === ENUM) return v;
          s.add(v);
        }
        return s;
      }
      case 'object': {
        const o = new ObjectValue();
        for (let i = 0; i < t.items.length; i++) {
          const item = t.items[i]!;
          const kv = this.evalDirect(item[0], f);
          if (kv === undefined || kv === ENUM) return kv;
          const vv = this.evalDirect(item[1], f);
          if (vv === undefined || vv === ENUM) return vv;
          o.set(kv, vv);
        }
        return o;
      }
      case 'arraycompr': {
        const out: Value[] = [];
        this.evalBody(t.body, 0, f, () =>
          this.termEnum(t.term, f, (v) => {
            out.push(v);
            return false;
          }),
        );
        return out;
      }
      case 'setcompr': {
        const out = new SetValue();
        this.evalBody(t.body, 0, f, () =>
          this.termEnum(t.term, f, (v) => {
            out.add(v);
            return false;
          }),
        );
        return out;
      }
      case 'objectcompr': {
        const out = new ObjectValue();
        this.evalBody(t.body, 0, f, () =>
          this.termEnum(t.key, f, (kv) =>
            this.termEnum(t.value, f, (vv) => {
              const prev = out.get(kv);
              if (prev !== undefined && !equals(prev, vv)) {
                throw new RegoError('eval_conflict_error', 'object keys must be unique', t.loc);
              }
              out.set(kv, vv);
              return false;
            }),
          ),
        );
        return out;
      }
    }
  }

  /** Evaluates a term, enumerating the bindings of variables in its refs. */
  evalEnum(t: CTerm, f: Frame, k: ValueCont): boolean {
    switch (t.k) {
      case 'input': {
        const input = this.state.input;
        if (input === undefined) return false;
        return this.walkEnum(input, t.path, 0, f, k);
      }
      case 'data': {
        if (this.state.overrides !== undefined) return this.dataEnum(this.root, t.path, 0, f, k);
        const at = staticPrefix(this.root, t);
        return this.dataEnum(at.node, t.path, at.length, f, k);
      }
      case 'ref':
        return this.termEnum(t.head, f, (h) => this.walkEnum(h, t.path, 0, f, k));
      case 'array':
        return this.itemsEnum(t.items, 0, new Array(t.items.length), f, (items) => k(items.slice()));
      case 'set':
        return this.itemsEnum(t.items, 0, new Array(t.items.length), f, (items) => k(SetValue.from(items)));
      case 'object': {
        const flat = t.items.flat();
        return this.itemsEnum(flat, 0, new Array(flat.length), f, (vals) => {
          const o = new ObjectValue();
          for (let i = 0; i < vals.length; i += 2) o.set(vals[i]!, vals[i + 1]!);
          return k(o);
        });
      }
      case 'call':
        return this.evalCall(t, f, k, false);
      default: {
        const v = this.evalDirect(t, f);
        if (v === undefined || v === ENUM) return false;
        return k(v);
      }
    }
  }

  termEnum(t: CTerm, f: Frame, k: ValueCont): boolean {
    const v = this.evalDirect(t, f);
    if (v === undefined) return false;
    if (v === ENUM) return this.evalEnum(t, f, k);
    return k(v);
  }

  private itemsEnum(items: CTerm[], i: number, acc: Value[], f: Frame, k: (vals: Value[]) => boolean): boolean {
    if (i === items.length) return k(acc);
    return this.termEnum(items[i]!, f, (v) => {
      acc[i] = v;
      return this.itemsEnum(items, i + 1, acc, f, k);
    });
  }

  private walkDirect(v: Value, path: CTerm[], from: number, f: Frame, get: Lookup = lookup): Value | undefined | Enum {
    // walkCursor, written out: most refs are read whole, and this runs for each of them.
    let cur: Cursor = v;
    for (let i = from; i < path.length; i++) {
      const kt = path[i]!;
      const key = kt.k === 'const' ? kt.v : this.evalDirect(kt, f);
      if (key === undefined || key === ENUM) return key;
      const next = stepInto(cur, key, get);
      if (next === undefined) return undefined;
      cur = next;
    }
    return valueOf(cur);
  }

  /** Follows a ref's path from a value; an input array at the end is handed over unconverted. */
  private walkCursor(v: Value, path: CTerm[], from: number, f: Frame, get: Lookup = lookup): Cursor | undefined | Enum {
    let cur: Cursor | undefined = v;
    for (let i = from; i < path.length; i++) {
      const kt = path[i]!;
      const key = kt.k === 'const' ? kt.v : this.evalDirect(kt, f);
      if (key === undefined || key === ENUM) return key;
      cur = stepInto(cur, key, get);
      if (cur === undefined) return undefined;
    }
    return cur;
  }

  private walkEnum(v: Cursor, path: CTerm[], i: number, f: Frame, k: ValueCont, get: Lookup = lookup): boolean {
    if (i === path.length) return k(valueOf(v));
    const kt = path[i]!;
    const key = this.evalDirect(kt, f);
    if (key === undefined) return false;
    if (key !== ENUM) {
      const next = stepInto(v, key, get);
      return next === undefined ? false : this.walkEnum(next, path, i + 1, f, k, get);
    }
    if (kt.k === 'ref' || kt.k === 'input' || kt.k === 'data' || kt.k === 'call') {
      return this.evalEnum(kt, f, (kv) => {
        const next = stepInto(v, kv, get);
        return next === undefined ? false : this.walkEnum(next, path, i + 1, f, k, get);
      });
    }
    if (isItems(v)) {
      for (let j = 0; j < lengthOf(v); j++) {
        const item = itemAt(v, j);
        if (unifyValue(this, kt, j, f, () => this.walkEnum(item, path, i + 1, f, k, get))) return true;
      }
    } else if (v instanceof ObjectValue) {
      const entries = v.entryList();
      for (let j = 0; j < entries.length; j++) {
        const ok = entries[j]![0];
        const ov = entries[j]![1];
        if (unifyValue(this, kt, ok, f, () => this.walkEnum(ov, path, i + 1, f, k, get))) return true;
      }
    } else if (v instanceof SetValue) {
      const members = v.members();
      for (let j = 0; j < members.length; j++) {
        const m = members[j]!;
        if (unifyValue(this, kt, m, f, () => this.walkEnum(m, path, i + 1, f, k, get))) return true;
      }
    }
    return false;
  }

  /**
   * A collection to iterate (`some x in c`, `every x in c`): as evalDirect, except that an input
   * array is handed over unconverted, to be converted one element at a time.
   */
  private collectionDirect(t: CTerm, f: Frame): Cursor | undefined | Enum {
    if (t.k === 'input') {
      const input = this.state.input;
      return input === undefined ? undefined : this.walkCursor(input, t.path, 0, f);
    }
    if (t.k === 'ref' && t.head.k === 'var') {
      const h = f[t.head.slot];
      return h === undefined ? ENUM : this.walkCursor(h, t.path, 0, f);
    }
    return this.evalDirect(t, f);
  }

  // ------------------------------------------------------------ the data tree

  private dataDirect(t: Extract<CTerm, { k: 'data' }>, f: Frame): Value | undefined | Enum {
    const path = t.path;
    let node = this.root;
    let i = 0;
    if (this.state.overrides === undefined) {
      const at = staticPrefix(this.root, t);
      node = at.node;
      i = at.length;
    }
    for (; ; i++) {
      const ov = this.state.overrides?.get(node);
      if (ov !== undefined) return this.walkDirect(ov, path, i, f);
      if (node.kind) {
        // A base document at a rule's path wins over the rule.
        const base = this.baseAt(node);
        if (base !== undefined) return this.walkDirect(base, path, i, f, lookupData);
        const v = ruleValue(this, node);
        return v === undefined ? undefined : this.walkDirect(v, path, i, f);
      }
      if (i === path.length) return this.nodeValue(node);
      const key = this.evalDirect(path[i]!, f);
      if (key === undefined || key === ENUM) return key;
      const child = typeof key === 'string' ? node.children.get(key) : undefined;
      if (child) {
        node = child;
        continue;
      }
      const base = this.baseAt(node);
      if (base === undefined) return undefined;
      const next = lookupData(base, key);
      return next === undefined ? undefined : this.walkDirect(next, path, i + 1, f, lookupData);
    }
  }

  private dataEnum(node: RuleNode, path: CTerm[], i: number, f: Frame, k: ValueCont): boolean {
    const ov = this.state.overrides?.get(node);
    if (ov !== undefined) return this.walkEnum(ov, path, i, f, k);
    if (node.kind) {
      const base = this.baseAt(node);
      if (base !== undefined) return this.walkEnum(base, path, i, f, k, lookupData);
      const v = ruleValue(this, node);
      return v === undefined ? false : this.walkEnum(v, path, i, f, k);
    }
    if (i === path.length) {
      const v = this.nodeValue(node);
      return v === undefined ? false : k(v);
    }
    const key = this.evalDirect(path[i]!, f);
    if (key === undefined) return false;
    if (key === ENUM) return this.dataKeysEnum(node, path, i, f, k);
    return this.dataChild(node, key, path, i, f, k);
  }

  /** The document below `node` at `key`: a child node (package or rule) or base data. */
  private dataChild(node: RuleNode, key: Value, path: CTerm[], i: number, f: Frame, k: ValueCont): boolean {
    const child = typeof key === 'string' ? node.children.get(key) : undefined;
    if (child) return this.dataEnum(child, path, i + 1, f, k);
    const base = this.baseAt(node);
    if (base === undefined) return false;
    const next = lookupData(base, key);
    return next === undefined ? false : this.walkEnum(next, path, i + 1, f, k, lookupData);
  }

  /**
   * `data.a[_].deny`: each key below a package node in turn, descending into that child only, so
   * only the rules the rest of the ref names are evaluated (not every rule of every package).
   */
  private dataKeysEnum(node: RuleNode, path: CTerm[], i: number, f: Frame, k: ValueCont): boolean {
    const kt = path[i]!;
    if (kt.k === 'ref' || kt.k === 'input' || kt.k === 'data' || kt.k === 'call') {
      return this.evalEnum(kt, f, (kv) => this.dataChild(node, kv, path, i, f, k));
    }
    const keys: Value[] = [];
    for (const [key, child] of node.children) if (!(child.kind === 'function' && child.arity !== 0)) keys.push(key);
    const base = this.baseAt(node);
    if (base instanceof ObjectValue) for (const key of base.keys()) if (!(typeof key === 'string' && node.children.has(key))) keys.push(key);
    keys.sort(compare);
    for (const key of keys) {
      if (unifyValue(this, kt, key, f, () => this.dataChild(node, key, path, i, f, k))) return true;
    }
    return false;
  }

  /** The base document at a node's path. */
  baseAt(node: RuleNode): Value | undefined {
    const data = this.state.data;
    if (data !== this.basesOf) {
      this.basesOf = data;
      this.bases = basesFor(this.root, data);
    }
    const known = this.bases[node.id];
    if (known !== undefined) return known === UNDEFINED ? undefined : known;
    let v: Value | undefined = data;
    for (const p of node.path) {
      if (v === undefined) break;
      v = lookup(v, p);
    }
    this.bases[node.id] = v === undefined ? UNDEFINED : v;
    return v;
  }

  /** The data `bases` belongs to, and the base documents found in it by node id. */
  private basesOf: Value | undefined = undefined;
  private bases: (Value | Undefined | undefined)[] = [];

  /** The document at a node: its base data overlaid with the values of the rules below it. */
  nodeValue(node: RuleNode): Value | undefined {
    const ov = this.state.overrides?.get(node);
    if (ov !== undefined) return ov;
    if (node.kind) return ruleValue(this, node);
    const cached = this.state.values[node.id];
    if (cached !== undefined) return cached === UNDEFINED ? undefined : cached;
    const base = this.baseAt(node);
    let out: Value | undefined;
    if (node.children.size === 0) {
      // A package without rules is an empty document.
      out = base === undefined ? new ObjectValue() : base;
    } else {
      const obj = base instanceof ObjectValue ? base.clone() : new ObjectValue();
      for (const [key, child] of node.children) {
        // A base document wins over a rule at the same key; packages merge with base data below them.
        if ((child.kind === 'function' && child.arity !== 0) || (child.kind && obj.has(key))) continue;
        const v = this.nodeValue(child);
        if (v !== undefined) obj.set(key, v);
      }
      out = obj;
    }
    this.state.values[node.id] = out === undefined ? UNDEFINED : out;
    return out;
  }

  // ------------------------------------------------------------ calls

  private inputArity(fn: FnTarget, nargs: number): number {
    if (fn.kind === 'user') return fn.arity;
    if (fn.kind === 'builtin') return fn.def.arity;
    return nargs;
  }

  /**
   * Evaluates a call and passes its result on; with an extra output argument the result is
   * unified with it (and `truthy` does not apply).
   */
  private evalCall(t: Extract<CTerm, { k: 'call' }>, f: Frame, k: ValueCont, truthy: boolean): boolean {
    if (t.fn.kind === 'print' && !this.state.mocks?.has('print')) return this.evalPrint(t.args, f) && k(true);
    const n = this.inputArity(t.fn, t.args.length);
    const args: Value[] = new Array(n);
    let direct = true;
    for (let i = 0; i < n; i++) {
      const v = this.evalDirect(t.args[i]!, f);
      if (v === undefined) return false;
      if (v === ENUM) {
        direct = false;
        break;
      }
      args[i] = v;
    }
    if (direct) return this.finishCall(t, n, args, f, k, truthy);
    return this.itemsEnum(t.args.slice(0, n), 0, new Array(n), f, (vals) => this.finishCall(t, n, vals.slice(), f, k, truthy));
  }

  private finishCall(t: Extract<CTerm, { k: 'call' }>, n: number, vals: Value[], f: Frame, k: ValueCont, truthy: boolean): boolean {
    return this.passResult(t, n, this.callFunction(t.fn, vals, t.loc), f, k, truthy);
  }

  /** Passes on each output of a call, unified with its output argument when it has one. */
  private passResult(t: Extract<CTerm, { k: 'call' }>, n: number, r: Value | Multi | undefined, f: Frame, k: ValueCont, truthy: boolean): boolean {
    if (r === undefined) return false;
    if (!(r instanceof Multi)) return this.passOne(t, n, r, f, k, truthy);
    for (const v of r.values) if (this.passOne(t, n, v, f, k, truthy)) return true;
    return false;
  }

  private passOne(t: Extract<CTerm, { k: 'call' }>, n: number, v: Value, f: Frame, k: ValueCont, truthy: boolean): boolean {
    if (n < t.args.length) return unifyValue(this, t.args[n]!, v, f, () => k(truthy ? true : v));
    return k(v);
  }

  /** `print` never fails: an operand without a value prints as <undefined>. */
  private evalPrint(args: CTerm[], f: Frame): boolean {
    const vals: (Value | undefined)[] = args.map((a) => {
      const v = this.evalDirect(a, f);
      if (v !== ENUM) return v;
      let first: Value | undefined;
      this.evalEnum(a, f, (x) => {
        first = x;
        return true;
      });
      return first;
    });
    this.ctx.print(printLine(vals));
    return true;
  }

  callFunction(fn: FnTarget, args: Value[], loc: Location): Value | Multi | undefined {
    const mocks = this.state.mocks;
    if (mocks !== undefined) {
      const m = mocks.get(fn.id);
      if (m) {
        if (m.fn) {
          // A replacement runs with no mocks in force, so it can call the original.
          const saved = this.state;
          this.state = { ...saved, mocks: undefined, ...this.freshValues() };
          try {
            return this.callUnmocked(m.fn, args, loc);
          } finally {
            this.state = saved;
          }
        }
        return m.value;
      }
    }
    return this.callUnmocked(fn, args, loc);
  }

  private callUnmocked(fn: FnTarget, args: Value[], loc: Location): Value | Multi | undefined {
    switch (fn.kind) {
      case 'user':
        return functionValue(this, fn.node, args, loc);
      case 'print':
        this.ctx.print(printLine(args));
        return true;
      case 'builtin': {
        this.ctx.location = loc;
        // A builtin's work grows with its operands: counting it keeps the time limit in force
        // across many calls over large values; builtins that do more count more themselves.
        this.limits.charge(operandSize(args), loc);
        try {
          const r = fn.def.fn(args, this.ctx);
          if (fn.def.relation && Array.isArray(r)) return new Multi(r);
          return r;
        } catch (e) {
          if (e instanceof RegoError || e instanceof RangeError) throw e;
          if (e instanceof BuiltinLimitError) throw new RegoError('eval_limit_error', e.message, loc);
          if (!this.strict) return undefined;
          if (e instanceof BuiltinTypeError) throw new RegoError('eval_type_error', e.message, loc);
          if (e instanceof BuiltinFailure) throw new RegoError('eval_builtin_error', e.message, loc);
          throw new RegoError('eval_builtin_error', `${fn.id}: ${(e as Error).message}`, loc);
        }
      }
    }
  }

  // ------------------------------------------------------------ metadata

  metadataRule(): Value {
    const top = this.ruleStack[this.ruleStack.length - 1];
    return top ? ruleMetadata(top) : new ObjectValue();
  }

  metadataChain(): Value {
    const top = this.ruleStack[this.ruleStack.length - 1];
    return top ? metadataChain(top, this.root) : [];
  }
}

const NODE_COUNTS = new WeakMap<RuleNode, number>();

/**
 * Base documents at the nodes of a rule tree, by node id, per data value: the data of a prepared
 * query is converted once and never changed, so each path is looked up once for all evaluations.
 */
const BASES = new WeakMap<RuleNode, WeakMap<object, (Value | Undefined | undefined)[]>>();

function basesFor(root: RuleNode, data: Value): (Value | Undefined | undefined)[] {
  if (data === null || typeof data !== 'object') return new Array(nodeCount(root));
  let byData = BASES.get(root);
  if (byData === undefined) BASES.set(root, (byData = new WeakMap()));
  let bases = byData.get(data);
  if (bases === undefined) byData.set(data, (bases = new Array(nodeCount(root))));
  return bases;
}

/** One more than the highest node id of a rule tree (ids are numbered from 0 as nodes are made). */
function nodeCount(root: RuleNode): number {
  let n = NODE_COUNTS.get(root);
  if (n === undefined) {
    n = 0;
    const stack = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.id >= n) n = node.id + 1;
      for (const child of node.children.values()) stack.push(child);
    }
    NODE_COUNTS.set(root, n);
  }
  return n;
}

/** Outcomes of evalExprAt besides a bound slot (slots are never negative). */
const PASSED = -1;
const FAILED = -2;
const SUCCEEDED = -3;

const ALWAYS: Cont = () => true;

/** What a term expression passes on: anything but false (unless false is kept), to `k`. */
function accepting(keepFalse: boolean, k: Cont): ValueCont {
  return (v) => (v === false && !keepFalse ? false : k());
}

/**
 * Where `data.<path>` gets to by constant keys alone: the rule tree is fixed once compiled, so
 * each ref resolves its package and rule once (noted on the term) rather than on every
 * evaluation. Only valid while no `with` replaces a document on the way.
 */
function staticPrefix(root: RuleNode, t: Extract<CTerm, { k: 'data' }>): DataPrefix {
  const known = t.prefix;
  if (known !== undefined && known.root === root) return known;
  const path = t.path;
  let node = root;
  let length = 0;
  while (!node.kind && length < path.length) {
    const p = path[length]!;
    const child = p.k === 'const' && typeof p.v === 'string' ? node.children.get(p.v) : undefined;
    if (child === undefined) break;
    node = child;
    length++;
  }
  const at = { root, node, length };
  t.prefix = at;
  return at;
}

/** About how many elements or characters a builtin's operands hold (top level only). */
function operandSize(args: Value[]): number {
  let n = 1;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (typeof a === 'string' || Array.isArray(a)) n += a.length;
    else if (a instanceof ObjectValue || a instanceof SetValue) n += a.size;
  }
  return n;
}

/** Several outputs of a relation builtin. */
export class Multi {
  constructor(readonly values: Value[]) {}
}
