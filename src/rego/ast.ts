// The Rego syntax tree: what the parser produces and the compiler and evaluator consume.
// Every node carries its source location (file, 1-based row and column).
import type { Decimal } from './decimal.ts';

export interface Location {
  file: string;
  row: number;
  col: number;
}

export type RegoVersion = 'v0' | 'v1';

// ---------------------------------------------------------------- terms

export interface ScalarTerm {
  type: 'scalar';
  /** Integers outside the safe range are bigint; decimals no float64 holds are Decimal; other numbers JS numbers. */
  value: null | boolean | number | bigint | Decimal | string;
  loc: Location;
}

/** `_` is parsed as a Var named `_`; the compiler renames each occurrence to a fresh wildcard. */
export interface VarTerm {
  type: 'var';
  name: string;
  loc: Location;
}

/**
 * `head.a[x]["b"]`: head is usually a Var (`input`, `data`, a local or a rule name) but may be
 * any term (`[1,2][0]`, `f(x).y`). Path elements: `.a` becomes a string ScalarTerm.
 */
export interface RefTerm {
  type: 'ref';
  head: Term;
  path: Term[];
  loc: Location;
}

export interface ArrayTerm {
  type: 'array';
  items: Term[];
  loc: Location;
}

export interface ObjectTerm {
  type: 'object';
  items: [Term, Term][];
  loc: Location;
}

export interface SetTerm {
  type: 'set';
  items: Term[];
  loc: Location;
}

export interface ArrayComprehension {
  type: 'arraycompr';
  term: Term;
  body: Body;
  loc: Location;
}

export interface SetComprehension {
  type: 'setcompr';
  term: Term;
  body: Body;
  loc: Location;
}

export interface ObjectComprehension {
  type: 'objectcompr';
  key: Term;
  value: Term;
  body: Body;
  loc: Location;
}

/**
 * A call of a function or builtin. Infix operators are calls with OPA's internal names:
 * `+` plus, `-` minus, `*` mul, `/` div, `%` rem, `&` and, `|` or,
 * `==` equal, `!=` neq, `<` lt, `<=` lte, `>` gt, `>=` gte,
 * `x in xs` internal.member_2, `k, v in xs` internal.member_3.
 * `fn` is the dotted name as a ref (`data.lib.f`, `count`, `strings.replace_n`).
 */
export interface CallTerm {
  type: 'call';
  fn: RefTerm | VarTerm;
  args: Term[];
  loc: Location;
}

export type Term =
  | ScalarTerm
  | VarTerm
  | RefTerm
  | ArrayTerm
  | ObjectTerm
  | SetTerm
  | ArrayComprehension
  | SetComprehension
  | ObjectComprehension
  | CallTerm;

// ---------------------------------------------------------------- expressions

export interface With {
  /** `input`, `input.x`, `data.a.b`, or a function/builtin name such as `time.now_ns`. */
  target: RefTerm | VarTerm;
  value: Term;
  loc: Location;
}

export type ExprKind =
  /** A bare term: true unless false or undefined (calls included). */
  | { type: 'term'; term: Term }
  /** `a = b`: unification, binding variables on either side. */
  | { type: 'unify'; left: Term; right: Term }
  /** `a := b`: declares the variables of `a` (a var, or an array/object pattern) locally. */
  | { type: 'assign'; left: Term; right: Term }
  /** `some x, y`: declares local variables. */
  | { type: 'some'; vars: VarTerm[] }
  /** `some v in xs` / `some k, v in xs`. */
  | { type: 'somein'; key?: Term; value: Term; collection: Term }
  /** `every v in xs { ... }` / `every k, v in xs { ... }`. */
  | { type: 'every'; key?: Term; value: Term; domain: Term; body: Body };

export interface Expr {
  kind: ExprKind;
  negated: boolean;
  with: With[];
  loc: Location;
}

export type Body = Expr[];

// ---------------------------------------------------------------- rules and modules

export interface RuleHead {
  /**
   * The rule's reference: the first element is the rule name (a Var), the rest are `.x`
   * (string scalars) or `[t]` terms. `p`, `a.b.c`, `a.b[x]`.
   */
  ref: [VarTerm, ...Term[]];
  /** Function arguments (patterns); present only for functions. */
  args?: Term[];
  /** For `p contains x` (and v0 `p[x]` with no value): the member term of a multi-value rule. */
  key?: Term;
  /** The value; absent means `true`. */
  value?: Term;
  /** `:=` rather than `=` (or no value). */
  assign: boolean;
  /** True for `contains` rules (and v0 `p[x] { }`): the rule builds a set. */
  multiValue: boolean;
  loc: Location;
}

export interface Rule {
  head: RuleHead;
  body: Body;
  isDefault: boolean;
  /** The next `else` of the chain, if any. Its head shares the rule's ref and args. */
  else?: Rule;
  annotations: Annotations[];
  loc: Location;
}

export interface Import {
  /** `data.x.y`, `input.x`, `future.keywords.in`, `rego.v1`. */
  path: RefTerm | VarTerm;
  alias?: string;
  loc: Location;
}

export interface Package {
  /** Path without the leading `data`: `package a.b` is ['a', 'b']. */
  path: string[];
  loc: Location;
}

export interface Module {
  file: string;
  package: Package;
  imports: Import[];
  rules: Rule[];
  /** Every METADATA block in the file, whatever its scope. */
  annotations: Annotations[];
  regoVersion: RegoVersion;
}

export type AnnotationScope = 'rule' | 'document' | 'package' | 'subpackages';

/** A `# METADATA` block, its YAML parsed. Unknown keys are kept in `raw`. */
export interface Annotations {
  scope: AnnotationScope;
  title?: string;
  description?: string;
  entrypoint?: boolean;
  custom?: Record<string, unknown>;
  authors?: unknown[];
  organizations?: string[];
  relatedResources?: unknown[];
  schemas?: unknown[];
  raw: Record<string, unknown>;
  loc: Location;
}

/** A parsed query: a body, with the location of its first expression. */
export interface Query {
  body: Body;
  loc: Location;
}
