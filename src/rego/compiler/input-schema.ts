// Refs into `input` checked against a JSON Schema of the input, as OPA's type checker does when
// given one: a key the schema rules out is a compile error, so a rule with a misspelt path
// (`input.workloads[_].volme`) fails loudly instead of never matching. Locals bound to parts of
// the input (`some w in input.workloads`, `x := input.a`) carry their schema into later refs.
// Comparisons of such a value with a literal it can never equal (`t.type == "cloud_api"` where
// the schema's enum says "cloud-api") are errors for the same reason.
import type { Location } from '../ast.ts';
import type { RegoErrorData } from '../errors.ts';
import { ObjectValue, SetValue, fromJS, stringify, toJS, type Value } from '../value.ts';
import { probeable, typeMismatch } from './constant-calls.ts';
import type { CExpr, CompiledRule, CTerm, RuleNode } from './ir.ts';
import { walkTerm } from './walk.ts';

/** The part of JSON Schema this check reads; any other keyword makes a node "unknown". */
export interface SchemaNode {
  $id?: string;
  $ref?: string;
  $defs?: Record<string, SchemaNode>;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode | boolean;
  enum?: unknown[];
  const?: unknown;
  oneOf?: unknown;
  anyOf?: unknown;
  allOf?: unknown;
}

/** The input's schema and the documents its `$ref`s may name by `$id`. */
export interface InputSchema {
  root: SchemaNode;
  documents?: SchemaNode[];
  /** Modules (by file) whose rules need no check, e.g. rules a test suite already checked. */
  trusted?: ReadonlySet<string>;
}

/** A place in a schema document (the document resolves the place's `#/...` refs). */
interface Shape {
  node: SchemaNode;
  doc: SchemaNode;
  /** The ref as the policy writes it, for messages: `w.volume`. */
  text: string;
  /** The same place from the input's root: `input.workloads[_].volume`. */
  where: string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

class Checker {
  private readonly byId = new Map<string, SchemaNode>();
  private readonly shapes = new Map<number, Shape>();

  constructor(
    private readonly schema: InputSchema,
    private readonly errors: RegoErrorData[],
  ) {
    for (const d of [schema.root, ...(schema.documents ?? [])]) if (d.$id) this.byId.set(d.$id, d);
  }

  rule(r: CompiledRule): void {
    for (let x: CompiledRule | undefined = r; x; x = x.else) {
      // Each rule (and each else) has slots of its own.
      this.shapes.clear();
      this.body(x.body);
      this.term(x.value);
      if (x.key) this.term(x.key);
      for (const t of x.dynPath) this.term(t);
    }
  }

  body(body: readonly CExpr[]): void {
    for (const e of body) this.expr(e);
  }

  private expr(e: CExpr): void {
    for (const w of e.with) if (w.value) this.term(w.value);
    const k = e.kind;
    switch (k.type) {
      case 'term':
        this.term(k.term);
        return;
      case 'unify': {
        const left = this.term(k.left);
        const right = this.term(k.right);
        this.compare(left, k.right.k === 'const' ? k.right.v : undefined, e.loc, '==');
        this.compare(right, k.left.k === 'const' ? k.left.v : undefined, e.loc, '==');
        // `x := input.a` and `input.a = x`: the local takes the schema of what it equals.
        if (k.left.k === 'var' && right) this.bind(k.left.slot, { ...right, text: k.left.name });
        if (k.right.k === 'var' && left) this.bind(k.right.slot, { ...left, text: k.right.name });
        return;
      }
      case 'somein': {
        const coll = this.term(k.collection);
        if (k.key) this.term(k.key);
        if (k.value.k === 'var' && coll) this.bindElement(k.value.slot, coll, k.value.name);
        else this.term(k.value);
        return;
      }
      case 'every': {
        const domain = this.term(k.domain);
        if (k.value.k === 'var' && domain) this.bindElement(k.value.slot, domain, k.value.name);
        this.body(k.body);
        return;
      }
      case 'nop':
        return;
    }
  }

  private bind(slot: number, shape: Shape): void {
    if (!this.shapes.has(slot)) this.shapes.set(slot, shape);
  }

  private bindElement(slot: number, coll: Shape, name: string): void {
    const element = this.element(coll);
    if (element) this.bind(slot, { ...element, text: name });
  }

  /** Checks a term's refs into the input; returns the schema of its value when known. */
  term(t: CTerm): Shape | undefined {
    switch (t.k) {
      case 'input':
        return this.walk({ node: this.schema.root, doc: this.schema.root, text: 'input', where: 'input' }, t.path, t.loc);
      case 'ref': {
        const head = t.head.k === 'var' ? this.shapes.get(t.head.slot) : this.term(t.head);
        if (!head) {
          for (const p of t.path) this.term(p);
          return undefined;
        }
        const named = t.head.k === 'var' ? { ...head, text: t.head.name } : head;
        return this.walk(named, t.path, t.loc);
      }
      case 'var': {
        const shape = this.shapes.get(t.slot);
        return shape && { ...shape, text: t.name };
      }
      case 'arraycompr':
      case 'setcompr':
        this.body(t.body);
        this.term(t.term);
        return undefined;
      case 'objectcompr':
        this.body(t.body);
        this.term(t.key);
        this.term(t.value);
        return undefined;
      case 'call':
        if (t.fn.kind === 'builtin' && t.fn.id in COMPARISONS && t.args.length === 2) {
          const [a, b] = t.args as [CTerm, CTerm];
          const sa = this.term(a);
          const sb = this.term(b);
          const op = COMPARISONS[t.fn.id]!;
          if (op === 'in') {
            // `x in {"a", "b"}`: every literal member must be one x can be.
            for (const item of literalMembers(b)) this.compare(sa, item, t.loc, op);
            // `"x" in input.list`: the literal must be one the list's elements can be.
            const element = sb && this.element(sb);
            if (element && a.k === 'const') this.compare(element, a.v, t.loc, op);
          } else {
            this.compare(sa, b.k === 'const' ? b.v : undefined, t.loc, op);
            this.compare(sb, a.k === 'const' ? a.v : undefined, t.loc, FLIPPED[op]);
          }
          return undefined;
        }
        this.builtinCall(t, t.args.map((a) => this.term(a)));
        return undefined;
      default:
        // Literals: check the refs inside them, without a schema for the whole.
        walkTerm(t, {
          term: (x) => {
            if (x === t) return;
            this.term(x);
            return false;
          },
        });
        return undefined;
    }
  }

  private walk(start: Shape, path: readonly CTerm[], loc: Location): Shape | undefined {
    let cur: Shape | undefined = start;
    for (const p of path) {
      this.term(p);
      if (!cur) continue;
      cur = this.step(cur, p, loc);
    }
    return cur;
  }

  private step(shape: Shape, key: CTerm, loc: Location): Shape | undefined {
    const node = this.resolve(shape);
    if (!node) return undefined;
    const { doc } = node;
    const n = node.node;
    // Combinators can make a node's keys depend on its value; a closed node still rules out
    // every key it does not list, whatever they say.
    const closed = n.additionalProperties === false && n.properties !== undefined;
    if (!closed && (n.oneOf !== undefined || n.anyOf !== undefined || n.allOf !== undefined)) return undefined;
    const types = n.type === undefined ? undefined : Array.isArray(n.type) ? n.type : [n.type];
    const isObject = types === undefined ? n.properties !== undefined : types.includes('object');
    const isArray = types === undefined ? n.items !== undefined : types.includes('array');
    if (key.k === 'const' && typeof key.v === 'string') {
      const step = IDENTIFIER.test(key.v) ? '.' + key.v : `[${JSON.stringify(key.v)}]`;
      const text = shape.text + step;
      const where = shape.where + step;
      if (isObject) {
        const prop = n.properties?.[key.v];
        if (prop !== undefined) return { node: prop, doc, text, where };
        if (n.additionalProperties === false) {
          const known = Object.keys(n.properties ?? {}).sort();
          this.fail(loc, text, `${shape.where} has no key ${JSON.stringify(key.v)}; it has ${known.length > 0 ? known.join(', ') : 'none'}`);
          return undefined;
        }
        return typeof n.additionalProperties === 'object' ? { node: n.additionalProperties, doc, text, where } : undefined;
      }
      if (types !== undefined && !types.includes('null')) {
        const what = isArray ? 'an array: index it with a number, or iterate it with [_]' : `a ${types.join(' or ')}, which has no keys`;
        this.fail(loc, text, `${shape.where} is ${what}`);
      }
      return undefined;
    }
    if (key.k === 'const' && typeof key.v !== 'number') return undefined;
    // A number or a variable: an array's element, or an object's value of unknown key.
    const step = key.k === 'const' ? `[${String(key.v)}]` : key.k === 'var' && !key.name.startsWith('$') && key.name !== '_' ? `[${key.name}]` : '[_]';
    const member = memberNode(n, isArray, isObject && key.k !== 'const');
    return member && { node: member, doc, text: shape.text + step, where: shape.where + '[_]' };
  }

  private element(coll: Shape): Shape | undefined {
    const node = this.resolve(coll);
    if (!node) return undefined;
    const n = node.node;
    const types = n.type === undefined ? [] : Array.isArray(n.type) ? n.type : [n.type];
    const member = memberNode(n, types.includes('array'), types.includes('object'));
    return member && { node: member, doc: node.doc, text: coll.text + '[_]', where: coll.where + '[_]' };
  }

  /** Follows `$ref`s: `#/$defs/x` within the document, or another document by its `$id`. */
  private resolve(shape: Shape): { node: SchemaNode; doc: SchemaNode } | undefined {
    let { node, doc } = shape;
    for (let hops = 0; node.$ref !== undefined; hops++) {
      if (hops > 32) return undefined;
      const [base, fragment = ''] = node.$ref.split('#');
      if (base) {
        const other = this.byId.get(base);
        if (!other) return undefined;
        doc = other;
      }
      const target = pointer(doc, fragment);
      if (!target) return undefined;
      node = target;
    }
    return { node, doc };
  }

  /**
   * A builtin called on parts of the input whose type the schema fixes (`contains(w.dataClasses,
   * "x")` on an array): run once on a sample of each type, it says whether the types fit, as
   * calls on literals are checked. Operands of unknown type leave the call alone.
   */
  private builtinCall(t: Extract<CTerm, { k: 'call' }>, shapes: (Shape | undefined)[]): void {
    if (!probeable(t.fn) || !shapes.some((s) => s !== undefined)) return;
    const values: Value[] = [];
    for (let i = 0; i < t.fn.def.arity; i++) {
      const arg = t.args[i]!;
      const shape = shapes[i];
      const v = arg.k === 'const' ? arg.v : shape ? this.sample(shape) : undefined;
      if (v === undefined) return;
      values.push(v);
    }
    const mismatch = typeMismatch(t.fn, values, t.loc);
    if (!mismatch) return;
    // The operand at fault is a part of the input, or a literal that does not fit beside one.
    const from = shapes[mismatch.operand - 1];
    const where = from ? ` (${from.text} is ${from.where} in the policy input)` : '';
    this.errors.push({ code: 'rego_type_error', message: mismatch.message + where, location: t.loc });
  }

  /** A value of the one type a schema node allows; undefined when it allows several or any. */
  private sample(shape: Shape, depth = 0): Value | undefined {
    const node = this.resolve(shape);
    if (!node || depth > 8) return undefined;
    const allowed = possibleValues(node.node);
    if (allowed.values !== undefined) return allowed.values.length > 0 ? fromJS(allowed.values[0]) : undefined;
    if (allowed.types?.length !== 1) return undefined;
    switch (allowed.types[0]) {
      case 'string':
        return 'a';
      case 'number':
      case 'integer':
        return 1;
      case 'boolean':
        return true;
      case 'object':
        return new ObjectValue();
      case 'array': {
        const items = node.node.items;
        if (typeof items !== 'object') return [];
        const item = this.sample({ ...shape, node: items, doc: node.doc }, depth + 1);
        return item === undefined ? undefined : [item];
      }
      default:
        return undefined;
    }
  }

  /**
   * A literal compared with a value of known schema: equal to none of the values the schema
   * allows, or (for < and friends) of another type, the comparison's outcome is fixed.
   */
  private compare(shape: Shape | undefined, literal: Value | undefined, loc: Location, op: Operator): void {
    if (!shape || literal === undefined) return;
    const node = this.resolve(shape);
    if (!node) return;
    const allowed = possibleValues(node.node);
    const plain = toJS(literal);
    const ordering = op !== '==' && op !== '!=' && op !== 'in';
    let why: string | undefined;
    if (!ordering && allowed.values !== undefined) {
      if (!allowed.values.some((v) => sameJson(v, plain))) why = `is one of ${allowed.values.map((v) => JSON.stringify(v)).join(', ')}`;
    } else {
      let types = allowed.types ?? (allowed.values ? [...new Set(allowed.values.map(jsonType))] : undefined);
      // An integer orders against any number.
      if (ordering) types = types?.map((t) => (t === 'integer' ? 'number' : t));
      if (types !== undefined && !types.some((t) => hasType(plain, t))) why = `is ${types.map(article).join(' or ')}`;
    }
    if (why === undefined) return;
    const text = stringify(literal);
    const verdict =
      op === 'in'
        ? `${text} can never be ${shape.text}`
        : `${shape.text} ${op} ${text} ${op === '!=' ? 'always holds' : op === '==' ? 'never holds' : 'compares values of different types'}`;
    this.errors.push({ code: 'rego_type_error', message: `${verdict}: ${shape.where} ${why}`, location: loc });
  }

  private fail(loc: Location, ref: string, why: string): void {
    this.errors.push({ code: 'rego_type_error', message: `undefined ref: ${ref} (${why})`, location: loc });
  }
}

type Operator = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in';

/** What an array's elements are, or the values of an object keyed only by `additionalProperties`. */
function memberNode(n: SchemaNode, isArray: boolean, isObject: boolean): SchemaNode | undefined {
  if (isArray && typeof n.items === 'object') return n.items;
  if (isObject && typeof n.additionalProperties === 'object' && n.properties === undefined) return n.additionalProperties;
  return undefined;
}

const COMPARISONS: Record<string, Operator> = {
  equal: '==',
  neq: '!=',
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
  'internal.member_2': 'in',
};

/** The operator with its operands swapped: `1 < x` is `x > 1`. */
const FLIPPED: Record<Operator, Operator> = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=', in: 'in' };

/** The literal members of a collection written out in the policy (`{"a", "b"}`, `["a"]`). */
function literalMembers(t: CTerm): Value[] {
  if (t.k === 'set' || t.k === 'array') return t.items.flatMap((i) => (i.k === 'const' ? [i.v] : []));
  if (t.k === 'const') {
    if (t.v instanceof SetValue) return [...t.v.values()];
    if (Array.isArray(t.v)) return t.v;
  }
  return [];
}

function jsonType(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v;
}

/** What a schema node allows: a closed list of values, or a list of JSON types, or anything. */
function possibleValues(n: SchemaNode): { values?: unknown[]; types?: string[] } {
  if (n.oneOf !== undefined || n.anyOf !== undefined || n.allOf !== undefined) return {};
  if ('const' in n) return { values: [n.const] };
  if (Array.isArray(n.enum)) return { values: n.enum };
  if (n.type !== undefined) return { types: Array.isArray(n.type) ? n.type : [n.type] };
  return {};
}

function hasType(v: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return v === null;
    case 'boolean':
      return typeof v === 'boolean';
    case 'number':
      return typeof v === 'number' || typeof v === 'bigint';
    case 'integer':
      return typeof v === 'bigint' || Number.isInteger(v);
    case 'string':
      return typeof v === 'string';
    case 'array':
      return Array.isArray(v);
    case 'object':
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    default:
      return true;
  }
}

function article(type: string): string {
  return type === 'null' ? 'null' : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function sameJson(a: unknown, b: unknown): boolean {
  const text = (x: unknown): string => JSON.stringify(x, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return text(a) === text(b);
}

/** A JSON Pointer fragment (`/$defs/reach`) into a schema document. */
function pointer(doc: SchemaNode, fragment: string): SchemaNode | undefined {
  let cur: unknown = doc;
  for (const raw of fragment.split('/').slice(1)) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur !== null && typeof cur === 'object' ? (cur as SchemaNode) : undefined;
}

/** Whether an error is one of this check's, for callers that explain them differently. */
export function isInputSchemaError(e: RegoErrorData): boolean {
  return e.code === 'rego_type_error' && SCHEMA_MESSAGE.test(e.message);
}

const SCHEMA_MESSAGE = /^undefined ref: .* \(.* (has no key|is an array|which has no keys)|^.* (never holds|always holds|compares values of different types|can never be .*): input/;

/**
 * Checks every rule's refs into the input against the schema, except rules that declare an input
 * schema of their own in METADATA (`schemas: [{input: ...}]`, on the rule or its package), as
 * OPA lets them: their author has said what input they read.
 */
export function checkInputRefs(rules: Iterable<CompiledRule>, root: RuleNode, schema: InputSchema, errors: RegoErrorData[]): void {
  const checker = new Checker(schema, errors);
  for (const r of rules) {
    if (schema.trusted?.has(r.loc.file) || declaresOwnInput(r, root)) continue;
    checker.rule(r);
  }
}

function declaresOwnInput(rule: CompiledRule, root: RuleNode): boolean {
  const scopes = [...rule.annotations];
  let node: RuleNode | undefined = root;
  for (const key of rule.pkg) {
    node = node.children.get(key);
    if (!node) break;
    // Package scope applies to the package itself; subpackages scope also to those below.
    for (const a of node.annotations ?? []) if (a.scope === 'subpackages' || node.path.length === rule.pkg.length) scopes.push(a);
  }
  return scopes.some((a) => a.schemas?.some((s) => s !== null && typeof s === 'object' && 'input' in s));
}
