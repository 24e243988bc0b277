// Refs into `input` checked against a JSON Schema of the input, as OPA's type checker does when
// given one: a key the schema rules out is a compile error, so a rule with a misspelt path
// (`input.workloads[_].volme`) fails loudly instead of never matching. Locals bound to parts of
// the input (`some w in input.workloads`, `x := input.a`) carry their schema into later refs.
import type { Location } from '../ast.ts';
import type { RegoErrorData } from '../errors.ts';
import type { CExpr, CompiledRule, CTerm } from './ir.ts';
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
  oneOf?: unknown;
  anyOf?: unknown;
  allOf?: unknown;
}

/** The input's schema and the documents its `$ref`s may name by `$id`. */
export interface InputSchema {
  root: SchemaNode;
  documents?: SchemaNode[];
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
        // `x := input.a` and `input.a = x`: the local takes the schema of what it equals.
        if (k.left.k === 'var' && right) this.bind(k.left.slot, right);
        if (k.right.k === 'var' && left) this.bind(k.right.slot, left);
        return;
      }
      case 'somein': {
        const coll = this.term(k.collection);
        if (k.key) this.term(k.key);
        if (k.value.k === 'var' && coll) this.bindElement(k.value.slot, coll);
        else this.term(k.value);
        return;
      }
      case 'every': {
        const domain = this.term(k.domain);
        if (k.value.k === 'var' && domain) this.bindElement(k.value.slot, domain);
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

  private bindElement(slot: number, coll: Shape): void {
    const element = this.element(coll);
    if (element) this.bind(slot, element);
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
      case 'var':
        return this.shapes.get(t.slot);
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
      default:
        // Literals and calls: check the refs inside them, without a schema for the whole.
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
    const text = shape.text + step;
    const where = shape.where + '[_]';
    if (isArray && typeof n.items === 'object') return { node: n.items, doc, text, where };
    if (isObject && key.k !== 'const' && typeof n.additionalProperties === 'object' && n.properties === undefined) {
      return { node: n.additionalProperties, doc, text, where };
    }
    return undefined;
  }

  private element(coll: Shape): Shape | undefined {
    const node = this.resolve(coll);
    if (!node) return undefined;
    const n = node.node;
    const types = n.type === undefined ? [] : Array.isArray(n.type) ? n.type : [n.type];
    const at = { doc: node.doc, text: coll.text + '[_]', where: coll.where + '[_]' };
    if (types.includes('array') && typeof n.items === 'object') return { node: n.items, ...at };
    if (types.includes('object') && typeof n.additionalProperties === 'object' && n.properties === undefined) {
      return { node: n.additionalProperties, ...at };
    }
    return undefined;
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

  private fail(loc: Location, ref: string, why: string): void {
    this.errors.push({ code: 'rego_type_error', message: `undefined ref: ${ref} (${why})`, location: loc });
  }
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

/** Checks every rule's refs into the input against the schema. */
export function checkInputRefs(rules: Iterable<CompiledRule>, schema: InputSchema, errors: RegoErrorData[]): void {
  const checker = new Checker(schema, errors);
  for (const r of rules) checker.rule(r);
}
