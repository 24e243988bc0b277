// The compiled form of rules and queries that the evaluator runs: names resolved (locals to
// frame slots, rule names and imports to data refs, calls to their targets), wildcards made fresh.
import type { Location, Rule, Annotations } from '../ast.ts';
import type { BuiltinDef } from '../builtins/builtin.ts';
import type { Value } from '../value.ts';

export type CTerm =
  | { k: 'const'; v: Value; loc: Location }
  | { k: 'var'; slot: number; name: string; loc: Location }
  /** A ref whose head is a local value (a var, a literal, a call result). */
  | { k: 'ref'; head: CTerm; path: CTerm[]; loc: Location }
  | { k: 'input'; path: CTerm[]; loc: Location }
  /** `prefix`: where the path's constant keys lead in the rule tree, noted by the evaluator on first use. */
  | { k: 'data'; path: CTerm[]; loc: Location; prefix?: DataPrefix }
  | { k: 'array'; items: CTerm[]; loc: Location }
  | { k: 'object'; items: [CTerm, CTerm][]; loc: Location }
  | { k: 'set'; items: CTerm[]; loc: Location }
  | { k: 'arraycompr'; term: CTerm; body: CExpr[]; own: number[]; loc: Location }
  | { k: 'setcompr'; term: CTerm; body: CExpr[]; own: number[]; loc: Location }
  | { k: 'objectcompr'; key: CTerm; value: CTerm; body: CExpr[]; own: number[]; loc: Location }
  | { k: 'call'; fn: FnTarget; args: CTerm[]; loc: Location };

export interface DataPrefix {
  root: RuleNode;
  node: RuleNode;
  length: number;
}

/** What a call runs: a builtin from the registry, a user function in the rule tree, or print. */
export type FnTarget =
  | { kind: 'builtin'; id: string; def: BuiltinDef }
  | { kind: 'user'; id: string; node: RuleNode; arity: number }
  | { kind: 'print'; id: 'print' };

export type CWithTarget =
  | { kind: 'input'; path: string[] }
  | { kind: 'data'; path: string[] }
  | { kind: 'fn'; id: string };

export interface CWith {
  target: CWithTarget;
  /** A function that replaces the target function, or a value. */
  fn?: FnTarget;
  value?: CTerm;
  loc: Location;
}

export type CExprKind =
  | { type: 'term'; term: CTerm }
  | { type: 'unify'; left: CTerm; right: CTerm }
  | { type: 'somein'; key?: CTerm; value: CTerm; collection: CTerm }
  /** `own`: the slots declared inside the every (its key, value and body locals). */
  | { type: 'every'; key?: CTerm; value: CTerm; domain: CTerm; body: CExpr[]; own: number[] }
  /** `some x` leaves nothing to do at run time. */
  | { type: 'nop' };

export interface CExpr {
  kind: CExprKind;
  negated: boolean;
  with: CWith[];
  loc: Location;
  /** Position in the source body (queries report expression values in source order). */
  index: number;
  /** For query term expressions: the slot receiving the expression's value. */
  out?: number;
  /** A lone query expression without iteration reports false as its value rather than failing. */
  keepFalse?: boolean;
}

export type RuleKind = 'complete' | 'multi' | 'object' | 'function';

export interface CompiledRule {
  kind: RuleKind;
  node: RuleNode;
  /** Ref parts after the node's static path (partial objects / ref heads). */
  dynPath: CTerm[];
  /** The member of a multi-value rule. */
  key?: CTerm;
  value: CTerm;
  args?: CTerm[];
  body: CExpr[];
  nslots: number;
  isDefault: boolean;
  else?: CompiledRule;
  ast: Rule;
  annotations: Annotations[];
  /** Path of the package that defines the rule. */
  pkg: string[];
  loc: Location;
}

/** A node of the data tree: a package, a rule path, or an intermediate key of either. */
export interface RuleNode {
  key: string;
  path: string[];
  children: Map<string, RuleNode>;
  kind?: RuleKind;
  rules: CompiledRule[];
  defaultRule?: CompiledRule;
  /** METADATA of package and subpackages scope, on package nodes. */
  annotations?: Annotations[];
  /** Arity of a function node. */
  arity?: number;
  id: number;
}

export function dataPathText(path: readonly string[]): string {
  let s = 'data';
  for (const p of path) s += /^[A-Za-z_][A-Za-z0-9_]*$/.test(p) ? '.' + p : '[' + JSON.stringify(p) + ']';
  return s;
}
