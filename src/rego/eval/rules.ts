// Values of virtual documents: complete rules (with defaults and else chains), multi-value
// (set) rules, partial objects built from ref heads, and functions memoized by arguments.
import type { Location } from '../ast.ts';
import type { CompiledRule, CTerm, RuleNode } from '../compiler/ir.ts';
import { dataPathText } from '../compiler/ir.ts';
import { RegoError } from '../errors.ts';
import { ObjectValue, SetValue, equals, type Value } from '../value.ts';
import type { Evaluator } from './evaluator.ts';
import { ENUM, UNDEFINED, newFrame, type Frame, type Undefined } from './frame.ts';
import { unifyValue } from './unify.ts';
import { keptOne, type SharedValues } from './shared-values.ts';

/** Passes on the value of a head term, or each of its values when it enumerates (`q := xs[_]`). */
function eachValue(ev: Evaluator, t: CTerm, f: Frame, k: (v: Value) => boolean): boolean {
  const v = ev.evalDirect(t, f);
  if (v === undefined) return false;
  if (v === ENUM) return ev.evalEnum(t, f, k);
  return k(v);
}

function conflict(message: string, loc: Location): RegoError {
  return new RegoError('eval_conflict_error', message, loc);
}

export function ruleValue(ev: Evaluator, node: RuleNode): Value | undefined {
  const values = ev.state.values;
  const cached = values[node.id];
  if (cached !== undefined) return cached === UNDEFINED ? undefined : cached;
  const shared = sharedFor(ev, node, NO_ARGS)?.values;
  if (shared !== undefined) {
    const known = shared[node.id];
    if (known !== undefined) {
      values[node.id] = known;
      return known === UNDEFINED ? undefined : known;
    }
  }
  let v: Value | undefined;
  switch (node.kind) {
    case 'complete':
      v = completeValue(ev, node);
      break;
    case 'multi':
    case 'object':
      v = partialValue(ev, node);
      break;
    case 'function':
      // `f()` with no arguments also reads as a document.
      v = node.arity === 0 ? functionValue(ev, node, [], node.rules[0]?.loc ?? node.defaultRule!.loc) : undefined;
      break;
    default:
      v = undefined;
  }
  // A `with` inside the rule may have swapped the state; the value belongs to the state we started in.
  values[node.id] = v === undefined ? UNDEFINED : v;
  if (shared !== undefined) shared[node.id] = v === undefined ? UNDEFINED : v;
  return v;
}

/** Runs one rule of an else chain: the first element with a solution gives the values. */
function chainValues(ev: Evaluator, rule: CompiledRule, args: Value[] | undefined, onValue: (v: Value, r: CompiledRule) => void): void {
  for (let r: CompiledRule | undefined = rule; r; r = r.else) {
    const f = newFrame(r.nslots);
    let found = false;
    const cur = r;
    // With a constant head one solution decides the value: stop at the first, as OPA does.
    const early = cur.value.k === 'const';
    const collect = (): boolean =>
      eachValue(ev, cur.value, f, (v) => {
        found = true;
        ev.cover?.hit(cur.ast.head.loc);
        onValue(v, cur);
        return early;
      });
    ev.ruleStack.push(cur);
    try {
      if (args && cur.args) {
        const bound = bindVars(cur.args, args, f);
        if (bound === true) ev.evalBody(cur.body, 0, f, collect);
        else if (bound === undefined) bindArgs(ev, cur, args, 0, f, () => ev.evalBody(cur.body, 0, f, collect));
      } else {
        ev.evalBody(cur.body, 0, f, collect);
      }
    } finally {
      ev.ruleStack.pop();
    }
    if (found) return;
  }
}

/**
 * Binds arguments to parameters that are plain variables, on a frame of the call's own: false
 * when a variable repeated across parameters gets unequal values, undefined when a parameter is
 * a pattern (then bindArgs unifies).
 */
function bindVars(params: CTerm[], args: Value[], f: Frame): boolean | undefined {
  for (let i = 0; i < args.length; i++) {
    const p = params[i]!;
    if (p.k !== 'var') return undefined;
    const cur = f[p.slot];
    if (cur === undefined) f[p.slot] = args[i]!;
    else if (!equals(cur, args[i]!)) return false;
  }
  return true;
}

function bindArgs(ev: Evaluator, r: CompiledRule, args: Value[], i: number, f: (Value | undefined)[], k: () => boolean): boolean {
  if (i === args.length) return k();
  return unifyValue(ev, r.args![i]!, args[i]!, f, () => bindArgs(ev, r, args, i + 1, f, k));
}

function completeValue(ev: Evaluator, node: RuleNode): Value | undefined {
  let result: Value | undefined;
  for (let ri = 0; ri < node.rules.length; ri++) {
    const rule = node.rules[ri]!;
    chainValues(ev, rule, undefined, (v, r) => {
      if (result === undefined) result = v;
      else if (!equals(result, v)) {
        throw conflict(
          `complete rules must not produce multiple outputs (rule ${dataPathText(node.path)} produced conflicting values)`,
          r.loc,
        );
      }
    });
  }
  if (result === undefined && node.defaultRule) {
    const f = newFrame(node.defaultRule.nslots);
    const v = ev.evalDirect(node.defaultRule.value, f);
    if (v !== undefined && v !== ENUM) {
      result = v;
      ev.cover?.hit(node.defaultRule.ast.head.loc);
    }
  }
  return result;
}

/** Multi-value rules and ref-head rules with variable parts: one document built from all bodies. */
function partialValue(ev: Evaluator, node: RuleNode): Value | undefined {
  const multi = node.kind === 'multi';
  if (multi && !hasDynamicPath(node)) return setValue(ev, node);
  const built = new Set<ObjectValue | SetValue>();
  let root: ObjectValue | SetValue = multi && node.rules.every((r) => r.dynPath.length === 0) ? new SetValue() : new ObjectValue();
  built.add(root);
  for (let ri = 0; ri < node.rules.length; ri++) {
    const rule = node.rules[ri]!;
    const f = newFrame(rule.nslots);
    ev.ruleStack.push(rule);
    try {
      const keys: Value[] = [];
      const leafTerm = multi ? rule.key! : rule.value;
      // Constant key and value: one solution is all the rule can contribute.
      const early = leafTerm.k === 'const' && rule.dynPath.every((t) => t.k === 'const');
      const withKeys = (i: number): boolean => {
        if (i === rule.dynPath.length) {
          return eachValue(ev, leafTerm, f, (leaf) => {
            ev.cover?.hit(rule.ast.head.loc);
            root = insert(root, keys, leaf, multi, built, rule, node);
            return early;
          });
        }
        return eachValue(ev, rule.dynPath[i]!, f, (k) => {
          keys[i] = k;
          return withKeys(i + 1);
        });
      };
      ev.evalBody(rule.body, 0, f, () => withKeys(0));
    } finally {
      ev.ruleStack.pop();
    }
  }
  if (node.children.size > 0 && root instanceof ObjectValue) {
    for (const [key, child] of node.children) {
      if (child.kind === 'function' || root.has(key)) continue;
      const v = ev.nodeValue(child);
      if (v !== undefined) root.set(key, v);
    }
  }
  return root;
}

function hasDynamicPath(node: RuleNode): boolean {
  for (let i = 0; i < node.rules.length; i++) if (node.rules[i]!.dynPath.length > 0) return true;
  return false;
}

/** A multi-value rule without ref-head parts: the set of every body's members. */
function setValue(ev: Evaluator, node: RuleNode): SetValue {
  const out = new SetValue();
  for (let ri = 0; ri < node.rules.length; ri++) {
    const rule = node.rules[ri]!;
    const f = newFrame(rule.nslots);
    const member = rule.key!;
    // A constant member: one solution is all the rule can contribute.
    const early = member.k === 'const';
    const add = (v: Value): boolean => {
      ev.cover?.hit(rule.ast.head.loc);
      out.add(v);
      return early;
    };
    ev.ruleStack.push(rule);
    try {
      ev.evalBody(rule.body, 0, f, () => eachValue(ev, member, f, add));
    } finally {
      ev.ruleStack.pop();
    }
  }
  return out;
}

function insert(
  root: ObjectValue | SetValue,
  keys: Value[],
  leaf: Value,
  multi: boolean,
  built: Set<ObjectValue | SetValue>,
  rule: CompiledRule,
  node: RuleNode,
): ObjectValue | SetValue {
  if (keys.length === 0) {
    if (root instanceof SetValue) root.add(leaf);
    return root;
  }
  let obj = root as ObjectValue;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const last = i === keys.length - 1;
    const existing = obj.get(key);
    if (last) {
      if (multi) {
        let s = existing;
        if (s === undefined) {
          s = new SetValue();
          built.add(s);
          obj.set(key, s);
        } else if (!(s instanceof SetValue) || !built.has(s)) {
          throw conflict('object keys must be unique', rule.loc);
        }
        s.add(leaf);
      } else if (existing === undefined) {
        obj.set(key, leaf);
      } else if (!equals(existing, leaf) || built.has(existing as ObjectValue)) {
        throw conflict(
          `object keys must be unique (rule ${dataPathText(node.path)} produced conflicting values)`,
          rule.loc,
        );
      }
      return root;
    }
    if (existing === undefined) {
      const next = new ObjectValue();
      built.add(next);
      obj.set(key, next);
      obj = next;
    } else if (existing instanceof ObjectValue && built.has(existing)) {
      obj = existing;
    } else {
      throw conflict('object keys must be unique', rule.loc);
    }
  }
  return root;
}

/**
 * Memoised results of a function by its arguments, one map level per argument. Scalars are keyed
 * by value; objects, sets and arrays by identity, since writing out a large object (a target, a
 * data class) on every call costs more than the rare second evaluation of a call with an equal
 * copy, which gives the same value.
 */
type Memo = Map<unknown, unknown>;

function memoOf(memos: (Memo | undefined)[], node: RuleNode, args: Value[]): Memo {
  let memo = memos[node.id];
  if (memo === undefined) {
    memo = new Map();
    memos[node.id] = memo;
  }
  for (let i = 0; i < args.length - 1; i++) {
    let next = memo.get(args[i]) as Memo | undefined;
    if (next === undefined) {
      next = new Map();
      memo.set(args[i], next);
    }
    memo = next;
  }
  return memo;
}

const NO_ARGS: Value[] = [];

/**
 * The values shared between evaluations, for a rule or function whose value depends only on its
 * arguments and data, evaluated in the evaluation's own state, and called with scalars only:
 * other arguments are new objects in each evaluation, and would only fill the memo.
 */
function sharedFor(ev: Evaluator, node: RuleNode, args: Value[]): SharedValues | undefined {
  const shared = ev.shared;
  if (shared === undefined || ev.state !== ev.base || shared.independent[node.id] !== 1) return undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a !== null && typeof a === 'object') return undefined;
  }
  return shared;
}

export function functionValue(ev: Evaluator, node: RuleNode, args: Value[], loc: Location): Value | undefined {
  const shared = sharedFor(ev, node, args);
  const memo = memoOf(shared !== undefined ? shared.fnValues : ev.state.fnValues, node, args);
  // The last argument keys the result (none: undefined).
  const key = args.length > 0 ? args[args.length - 1] : undefined;
  const cached = memo.get(key) as Value | Undefined | undefined;
  if (cached !== undefined) return cached === UNDEFINED ? undefined : cached;
  let result: Value | undefined;
  for (let ri = 0; ri < node.rules.length; ri++) {
    const rule = node.rules[ri]!;
    chainValues(ev, rule, args, (v, r) => {
      if (result === undefined) result = v;
      else if (!equals(result, v)) throw conflict('functions must not produce multiple outputs for same inputs', r.loc);
    });
  }
  if (result === undefined && node.defaultRule) {
    const f = newFrame(node.defaultRule.nslots);
    const v = ev.evalDirect(node.defaultRule.value, f);
    if (v !== undefined && v !== ENUM) {
      result = v;
      ev.cover?.hit(node.defaultRule.ast.head.loc);
    }
  }
  void loc;
  memo.set(key, result === undefined ? UNDEFINED : result);
  if (shared !== undefined) keptOne(shared);
  return result;
}
