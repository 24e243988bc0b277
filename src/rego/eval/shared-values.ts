// Values that every evaluation of one policy over one data document shares. A rule that reads
// neither `input` nor the clock, prints nothing and replaces nothing with `with` has the same
// value in each evaluation: tables built from data (settings, aliases, price lists) are computed
// for the first input and kept for the next, instead of once per manifest.
import type { CompiledRule, CTerm, RuleNode } from '../compiler/ir.ts';
import { walkBody, walkTerm, type Visitor } from '../compiler/walk.ts';
import type { Value } from '../value.ts';
import type { Undefined } from './frame.ts';

type Memo = (Value | Undefined | undefined)[];
/** Function results by node id, then by argument, as rules.ts keys them. */
type FnMemo = (Map<unknown, unknown> | undefined)[];

export interface SharedValues {
  values: Memo;
  /** Only for calls whose arguments are all scalars: those are equal by identity across evaluations. */
  fnValues: FnMemo;
  /** Function results kept since fnValues was last emptied. */
  kept: number;
  independent: Uint8Array;
}

/**
 * Arguments taken from inputs (names, amounts) differ from one input to the next, so a long run
 * would keep adding results that are never asked for again; past this many the memo starts over.
 */
const MAX_KEPT_RESULTS = 50_000;

/** Notes one function result added to `shared.fnValues`, emptying it when it has grown too big. */
export function keptOne(shared: SharedValues): void {
  if (++shared.kept <= MAX_KEPT_RESULTS) return;
  shared.fnValues = [];
  shared.kept = 0;
}

/** Per rule tree: which node ids have input-independent values (1) and which do not (0). */
const INDEPENDENT = new WeakMap<RuleNode, Uint8Array>();
/** Per rule tree, data document and strictness: the values found so far (null: evaluated once). */
const SHARED = new WeakMap<RuleNode, WeakMap<Value & object, { strict: SharedValues; lax: SharedValues } | null>>();

/**
 * The memo that evaluations over `root` and `data` share, with the nodes it may hold; undefined
 * for the first evaluation, and when data is not an object (nothing to key the values on).
 */
export function sharedValues(root: RuleNode, data: Value, strict: boolean): SharedValues | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  // A single evaluation (one `check`) has nothing to share: the rule tree is read from the second.
  let byData = SHARED.get(root);
  if (byData === undefined) {
    byData = new WeakMap();
    SHARED.set(root, byData);
  }
  let memos = byData.get(data);
  if (memos === undefined) {
    byData.set(data, null);
    return undefined;
  }
  let independent = INDEPENDENT.get(root);
  if (independent === undefined) {
    independent = independentNodes(root);
    INDEPENDENT.set(root, independent);
  }
  if (memos === null) {
    memos = { strict: { values: [], fnValues: [], kept: 0, independent }, lax: { values: [], fnValues: [], kept: 0, independent } };
    byData.set(data, memos);
  }
  return strict ? memos.strict : memos.lax;
}

/**
 * Marks each rule node whose value depends only on data: no `input` ref, no `with`, no builtin
 * whose result varies by run or that has an effect, and no dependency (rule, function, or a data
 * ref that may reach rules) on a node that is not marked. Rego forbids recursion, but a cycle
 * is treated as dependent, to be safe.
 */
export function independentNodes(root: RuleNode): Uint8Array {
  const nodes: RuleNode[] = [];
  const stack = [root];
  let size = 0;
  while (stack.length > 0) {
    const n = stack.pop()!;
    nodes.push(n);
    if (n.id >= size) size = n.id + 1;
    for (const c of n.children.values()) stack.push(c);
  }
  // 0: not yet known, 1: independent, 2: dependent, 3: being decided.
  const state = new Uint8Array(size);

  const decide = (node: RuleNode): boolean => {
    const s = state[node.id];
    if (s === 1) return true;
    if (s === 2 || s === 3) return false;
    state[node.id] = 3;
    const ok = node.kind ? rulesIndependent(node) : subtreeIndependent(node);
    state[node.id] = ok ? 1 : 2;
    return ok;
  };

  const subtreeIndependent = (node: RuleNode): boolean => {
    for (const c of node.children.values()) if (!decide(c)) return false;
    return true;
  };

  /** The nodes a data ref may read: where its constant keys lead, and all below when a key varies. */
  const dataRefIndependent = (t: Extract<CTerm, { k: 'data' }>): boolean => {
    let node = root;
    let i = 0;
    while (!node.kind && i < t.path.length) {
      const p = t.path[i]!;
      if (p.k !== 'const') return subtreeIndependent(node);
      const child = typeof p.v === 'string' ? node.children.get(p.v) : undefined;
      // A key no rule defines leads into base data alone.
      if (child === undefined) return true;
      node = child;
      i++;
    }
    return node.kind ? decide(node) : subtreeIndependent(node);
  };

  const rulesIndependent = (node: RuleNode): boolean => {
    let ok = true;
    const visitor: Visitor = {
      term(t) {
        if (!ok) return false;
        switch (t.k) {
          case 'input':
            ok = false;
            return false;
          case 'data':
            if (!dataRefIndependent(t)) ok = false;
            return ok;
          case 'call': {
            const fn = t.fn;
            if (fn.kind === 'print') ok = false;
            else if (fn.kind === 'user') ok = decide(fn.node);
            else ok = !(fn.def.nondeterministic || fn.def.standIn || fn.def.perRun);
            return ok;
          }
          default:
            return true;
        }
      },
      with() {
        ok = false;
      },
    };
    const visit = (r: CompiledRule): void => {
      for (let rule: CompiledRule | undefined = r; rule && ok; rule = rule.else) {
        for (const t of rule.dynPath) walkTerm(t, visitor);
        if (rule.key) walkTerm(rule.key, visitor);
        walkTerm(rule.value, visitor);
        if (rule.args) for (const a of rule.args) walkTerm(a, visitor);
        walkBody(rule.body, visitor);
      }
    };
    for (const r of node.rules) if (ok) visit(r);
    if (ok && node.defaultRule) visit(node.defaultRule);
    return ok;
  };

  const out = new Uint8Array(size);
  for (const n of nodes) if (n.kind && decide(n)) out[n.id] = 1;
  return out;
}
