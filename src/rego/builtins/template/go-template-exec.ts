// Runs a parsed Go template over Rego data as OPA's Go runtime does: data reaches the template as
// decoded JSON (numbers as json.Number, so they print as written and count as text for fmt).
import { ObjectValue, SetValue, compare, compareStrings, isNumber, keyText, stringify } from '../../value.ts';
import type { Value } from '../../value.ts';
import { formatFloat } from '../strings/format-float.ts';
import type { BranchNode, Command, Operand, Pipe, Span, TemplateNode } from './go-template-parse.ts';
import { goSprintf, toGoArg } from '../strings/sprintf.ts';

/** A value made inside the template (literal, range index, len): a Go int or float64, not data. */
export class GoNumber {
  constructor(
    readonly value: bigint | number,
    readonly float: boolean,
  ) {}
}

/** What a template expression yields: data, a Go number, or undefined for Go's "no value". */
type TemplateValue = Value | GoNumber | undefined;

/**
 * What a missing key or a null prints as. Go prints `<no value>`; OPA shows `<undefined>`
 * instead, and policies are written against OPA.
 */
export const NO_VALUE = '<undefined>';

/** A template that fails while running; the message reads as Go's `template: NAME:L:C: executing ...`. */
export class TemplateExecError extends Error {}

/** Thrown through the walk to end a range iteration early. */
class LoopControl {
  constructor(readonly kind: 'break' | 'continue') {}
}

/** Marks that no earlier pipeline stage passes a final argument. */
const NO_FINAL = Symbol('no final argument');
type Final = TemplateValue | typeof NO_FINAL;

interface Variable {
  name: string;
  value: TemplateValue;
}

class FunctionError extends Error {}

/** Renders `nodes` (parsed from `src`) with `data` as dot and `$`. */
export function executeTemplate(src: string, nodes: TemplateNode[], data: Value, name = 'template', work?: (units: number) => void): string {
  return new Execution(src, name, data, work).run(nodes, data);
}

class Execution {
  private out = '';
  private readonly vars: Variable[];
  private at: Span | undefined;

  constructor(
    private readonly src: string,
    private readonly name: string,
    data: Value,
    /** Charged per node rendered: nested ranges multiply, so the time limit must hold inside. */
    private readonly work?: (units: number) => void,
  ) {
    this.vars = [{ name: '$', value: data }];
  }

  run(nodes: TemplateNode[], dot: TemplateValue): string {
    this.walk(nodes, dot);
    return this.out;
  }

  private fail(message: string): never {
    const at = this.at;
    if (!at) throw new TemplateExecError(`template: ${this.name}: ${message}`);
    // Go counts the column in bytes from the start of the line, starting at 0.
    const before = this.src.slice(0, at.pos);
    const lineStart = before.lastIndexOf('\n') + 1;
    const line = before.split('\n').length;
    const col = Buffer.byteLength(before.slice(lineStart), 'utf8');
    const context = at.text.length > 20 ? at.text.slice(0, 20) + '...' : at.text;
    throw new TemplateExecError(`template: ${this.name}:${line}:${col}: executing "${this.name}" at <${context}>: ${message}`);
  }

  private walk(nodes: TemplateNode[], dot: TemplateValue): void {
    for (const node of nodes) {
      this.work?.(1);
      switch (node.kind) {
        case 'text':
          this.out += node.text;
          break;
        case 'action': {
          const v = this.pipeline(dot, node.pipe);
          if (node.pipe.decl.length === 0) this.out += display(v);
          break;
        }
        case 'if':
        case 'with': {
          const mark = this.vars.length;
          const v = this.pipeline(dot, node.pipe);
          if (truthy(v)) this.walk(node.list, node.kind === 'with' ? v : dot);
          else if (node.elseList) this.walk(node.elseList, dot);
          this.vars.length = mark;
          break;
        }
        case 'range':
          this.range(node, dot);
          break;
        case 'break':
        case 'continue':
          throw new LoopControl(node.kind);
      }
    }
  }

  private range(node: BranchNode, dot: TemplateValue): void {
    const outer = this.vars.length;
    this.at = node;
    const v = this.pipeline(dot, node.pipe);
    const mark = this.vars.length;
    const items = this.iteration(v);
    const { decl, assign } = node.pipe;
    try {
      for (const [index, elem] of items) {
        if (decl.length > 0) {
          if (assign) {
            this.setVar(decl[0]!, decl.length > 1 ? index : elem);
            if (decl.length > 1) this.setVar(decl[1]!, elem);
          } else {
            // Declared variables are the last ones pushed: the element on top, the index below it.
            this.vars[mark - 1]!.value = elem;
            if (decl.length > 1) this.vars[mark - 2]!.value = index;
          }
        }
        try {
          this.walk(node.list, elem);
        } catch (e) {
          if (!(e instanceof LoopControl)) throw e;
          if (e.kind === 'break') break;
        } finally {
          this.vars.length = mark;
        }
      }
      if (items.length === 0 && node.elseList) this.walk(node.elseList, dot);
    } finally {
      this.vars.length = outer;
    }
  }

  /** Index and element pairs to range over: arrays by position, objects by sorted key. */
  private iteration(v: TemplateValue): [TemplateValue, TemplateValue][] {
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) return v.map((x, i) => [new GoNumber(BigInt(i), false), x]);
    if (v instanceof SetValue) return v.sorted().map((x, i) => [new GoNumber(BigInt(i), false), x]);
    if (v instanceof ObjectValue) {
      return v
        .sortedEntries()
        .map(([k, x]) => [keyText(k), x] as [string, Value])
        .sort((a, b) => compareStrings(a[0], b[0]));
    }
    if (v instanceof GoNumber && !v.float) {
      const n = Number(v.value);
      return Array.from({ length: Math.max(n, 0) }, (_, i) => [new GoNumber(BigInt(i), false), new GoNumber(BigInt(i), false)]);
    }
    return this.fail(`range can't iterate over ${display(v)}`);
  }

  private setVar(name: string, value: TemplateValue): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = value;
        return;
      }
    }
    this.fail(`undefined variable: ${name}`);
  }

  private varValue(name: string): TemplateValue {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i]!.name === name) return this.vars[i]!.value;
    return this.fail(`undefined variable: ${name}`);
  }

  private pipeline(dot: TemplateValue, pipe: Pipe): TemplateValue {
    this.at = pipe;
    let value: Final = NO_FINAL;
    for (const cmd of pipe.cmds) value = this.command(dot, cmd, value);
    const result = value === NO_FINAL ? undefined : value;
    for (const name of pipe.decl) {
      if (pipe.assign) this.setVar(name, result);
      else this.vars.push({ name, value: result });
    }
    return result;
  }

  private command(dot: TemplateValue, cmd: Command, final: Final): TemplateValue {
    const first = cmd.args[0]!;
    switch (first.kind) {
      case 'field':
        return this.fieldChain(dot, first, first.path, cmd.args, final);
      case 'var': {
        const v = this.varValue(first.name);
        if (first.path.length === 0) {
          this.notAFunction(first, cmd.args, final);
          return v;
        }
        return this.fieldChain(v, first, first.path, cmd.args, final);
      }
      case 'pipe': {
        if (first.path.length === 0) {
          this.notAFunction(first, cmd.args, final);
          return this.pipeline(dot, first.pipe);
        }
        const v = this.pipeline(dot, first.pipe);
        return this.fieldChain(v, first, first.path, cmd.args, final);
      }
      case 'func':
        return this.call(dot, first.name, cmd, cmd.args.slice(1), final);
    }
    this.at = first;
    this.notAFunction(first, cmd.args, final);
    return this.literal(dot, first);
  }

  private literal(dot: TemplateValue, op: Operand): TemplateValue {
    switch (op.kind) {
      case 'dot':
        return dot;
      case 'bool':
        return op.value;
      case 'string':
        return op.value;
      case 'number':
        return new GoNumber(op.value, op.float);
      case 'nil':
        this.at = op;
        return this.fail('nil is not a command');
    }
    return undefined;
  }

  private notAFunction(op: Operand, args: Operand[], final: Final): void {
    if (args.length > 1 || final !== NO_FINAL) {
      this.at = op;
      this.fail(`can't give argument to non-function ${op.text}`);
    }
  }

  /** `.a.b` on `receiver`; the last field gets the command's arguments, which fields refuse. */
  private fieldChain(receiver: TemplateValue, node: Operand, path: string[], args: Operand[], final: Final): TemplateValue {
    let v = receiver;
    for (let i = 0; i < path.length; i++) {
      const last = i === path.length - 1;
      v = this.field(v, path[i]!, node, last && (args.length > 1 || final !== NO_FINAL));
    }
    return v;
  }

  private field(receiver: TemplateValue, name: string, node: Operand, hasArgs: boolean): TemplateValue {
    this.at = node;
    // A missing value has no fields, and asking is not an error in Go's default mode.
    if (receiver === undefined) return undefined;
    // Decoded data sits in interface{} slots, which is the type Go names.
    const typeName = receiver instanceof GoNumber ? goTypeName(receiver) : 'interface {}';
    if (receiver === null) return this.fail(`nil pointer evaluating ${typeName}.${name}`);
    if (receiver instanceof ObjectValue) {
      if (hasArgs) return this.fail(`${name} is not a method but has arguments`);
      return receiver.get(name);
    }
    return this.fail(`can't evaluate field ${name} in type ${typeName}`);
  }

  /** An argument to a function: a whole operand, evaluated on its own. */
  private arg(dot: TemplateValue, op: Operand): TemplateValue {
    switch (op.kind) {
      case 'field':
        return this.fieldChain(dot, op, op.path, [op], NO_FINAL);
      case 'var': {
        const v = this.varValue(op.name);
        return op.path.length === 0 ? v : this.fieldChain(v, op, op.path, [op], NO_FINAL);
      }
      case 'pipe': {
        const v = this.pipeline(dot, op.pipe);
        return op.path.length === 0 ? v : this.fieldChain(v, op, op.path, [op], NO_FINAL);
      }
      case 'func':
        return this.call(dot, op.name, { pos: op.pos, text: op.text, args: [op] }, [], NO_FINAL);
      case 'nil':
        return null;
    }
    return this.literal(dot, op);
  }

  private call(dot: TemplateValue, name: string, cmd: Command, argNodes: Operand[], final: Final): TemplateValue {
    this.at = cmd;
    const given = argNodes.length + (final === NO_FINAL ? 0 : 1);
    const [min, max] = ARITY[name]!;
    if (given < min || given > max) {
      const want = max === Infinity ? `at least ${min}` : String(min);
      this.fail(`wrong number of args for ${name}: want ${want} got ${given}`);
    }
    if (name === 'and' || name === 'or') {
      // Both stop at the first argument that decides the result, and return that argument.
      let v: TemplateValue;
      for (const node of argNodes) {
        v = this.arg(dot, node);
        if (truthy(v) === (name === 'or')) return v;
      }
      return final === NO_FINAL ? v : final;
    }
    const args = argNodes.map((node) => this.arg(dot, node));
    if (final !== NO_FINAL) args.push(final);
    this.at = cmd;
    try {
      return FUNCTIONS[name]!(args);
    } catch (e) {
      if (e instanceof FunctionError) this.fail(`error calling ${name}: ${e.message}`);
      throw e;
    }
  }
}

const ARITY: Record<string, [number, number]> = {
  and: [1, Infinity],
  or: [1, Infinity],
  not: [1, 1],
  len: [1, 1],
  index: [1, Infinity],
  printf: [1, Infinity],
  print: [0, Infinity],
  println: [0, Infinity],
  eq: [1, Infinity],
  ne: [2, 2],
  lt: [2, 2],
  le: [2, 2],
  gt: [2, 2],
  ge: [2, 2],
};

const FUNCTIONS: Record<string, (args: TemplateValue[]) => TemplateValue> = {
  not: ([a]) => !truthy(a),
  len: ([a]) => new GoNumber(BigInt(length(a)), false),
  index: ([item, ...indexes]) => indexes.reduce<TemplateValue>((v, i) => indexOne(v, i), item),
  printf: ([format, ...rest]) => {
    if (typeof format !== 'string') throw new FunctionError(`wrong type for value; expected string; got ${goTypeName(format)}`);
    return goSprintf(format, rest.map(printfArg));
  },
  print: (args) => goPrint(args, false),
  println: (args) => goPrint(args, true),
  eq: ([a, ...rest]) => {
    if (rest.length === 0) throw new FunctionError('missing argument for comparison');
    return rest.some((b) => equal(a, b));
  },
  ne: ([a, b]) => !equal(a, b),
  lt: ([a, b]) => less(a, b),
  le: ([a, b]) => less(a, b) || equal(a, b),
  gt: ([a, b]) => !(less(a, b) || equal(a, b)),
  ge: ([a, b]) => !less(a, b),
};

/** Go's truth: empty text and collections, zero Go numbers, false and nil are false; data numbers are text, so true. */
export function truthy(v: TemplateValue): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return v.length > 0;
  if (v instanceof GoNumber) return v.float ? v.value !== 0 : v.value !== 0n;
  if (isNumber(v)) return true;
  if (Array.isArray(v)) return v.length > 0;
  return v.size > 0;
}

/** The Go type OPA's decoded data has, for error messages. */
function goTypeName(v: TemplateValue): string {
  if (v instanceof GoNumber) return v.float ? 'float64' : 'int';
  if (v === undefined || v === null) return '<nil>';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return isNumber(v) ? 'json.Number' : 'interface {}';
}

/** A value as an action prints it (fmt's %v over decoded JSON); nil and missing values print NO_VALUE. */
export function display(v: TemplateValue): string {
  return v === undefined || v === null ? NO_VALUE : formatValue(v);
}

function formatValue(v: TemplateValue): string {
  if (v === undefined || v === null) return '<nil>';
  if (v instanceof GoNumber) return v.float ? formatFloat(v.value as number, 'g', -1) : v.value.toString();
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  // Numbers print as their JSON text, as json.Number does.
  if (isNumber(v)) return stringify(v);
  if (Array.isArray(v)) return '[' + v.map(formatValue).join(' ') + ']';
  if (v instanceof SetValue) return '[' + v.sorted().map(formatValue).join(' ') + ']';
  const entries = v
    .sortedEntries()
    .map(([k, x]) => [keyText(k), x] as const)
    .sort((a, b) => compareStrings(a[0], b[0]));
  return 'map[' + entries.map(([k, x]) => `${k}:${formatValue(x)}`).join(' ') + ']';
}

/** Whether fmt treats the value as a string operand (json.Number included). */
function isTextual(v: TemplateValue): boolean {
  return typeof v === 'string' || (v !== undefined && !(v instanceof GoNumber) && isNumber(v));
}

/** fmt.Sprint / Sprintln: Sprint puts spaces only between operands that are both non-text. */
function goPrint(args: TemplateValue[], line: boolean): string {
  let s = '';
  args.forEach((a, i) => {
    if (i > 0 && (line || (!isTextual(a) && !isTextual(args[i - 1])))) s += ' ';
    s += formatValue(a);
  });
  return line ? s + '\n' : s;
}

function printfArg(v: TemplateValue): ReturnType<typeof toGoArg> {
  if (v instanceof GoNumber) return v.float ? { kind: 'float', v: v.value as number } : toGoArg(v.value);
  // Data numbers are json.Number, which fmt formats as the text it is.
  return { kind: 'string', v: formatValue(v) };
}

function length(v: TemplateValue): number {
  if (v === undefined || v === null) throw new FunctionError('len of nil pointer');
  if (typeof v === 'string') return Buffer.byteLength(v, 'utf8');
  if (!(v instanceof GoNumber) && isNumber(v)) return stringify(v).length;
  if (Array.isArray(v)) return v.length;
  if (v instanceof ObjectValue || v instanceof SetValue) return v.size;
  throw new FunctionError(`len of type ${goTypeName(v)}`);
}

function indexOne(item: TemplateValue, index: TemplateValue): TemplateValue {
  if (item === undefined || item === null) throw new FunctionError('index of untyped nil');
  if (item instanceof ObjectValue) {
    if (typeof index !== 'string') throw new FunctionError(`value has type ${goTypeName(index)}; should be string`);
    return item.get(index);
  }
  const list = Array.isArray(item) ? item : item instanceof SetValue ? item.sorted() : undefined;
  if (list === undefined && typeof item !== 'string') throw new FunctionError(`can't index item of type ${goTypeName(item)}`);
  const n = integerIndex(index, list ? 'slice/array' : 'string');
  const size = list ? list.length : Buffer.byteLength(item as string, 'utf8');
  if (n < 0 || n >= size) throw new FunctionError(`index out of range: ${n}`);
  return list ? list[n] : new GoNumber(BigInt(Buffer.from(item as string, 'utf8')[n]!), false);
}

function integerIndex(index: TemplateValue, what: string): number {
  if (index instanceof GoNumber && !index.float) return Number(index.value);
  if (index === undefined || index === null) throw new FunctionError(`cannot index ${what} with nil`);
  // Integral data numbers index too; in OPA they are json.Number and would be refused.
  if (!(index instanceof GoNumber) && isNumber(index)) {
    const n = Number(stringify(index));
    if (Number.isInteger(n)) return n;
  }
  throw new FunctionError(`cannot index ${what} with type ${goTypeName(index)}`);
}

type Kind = 'bool' | 'string' | 'number' | 'data-number' | 'other';

function kindOf(v: Value | GoNumber): Kind {
  if (v instanceof GoNumber) return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  return isNumber(v) ? 'data-number' : 'other';
}

const numeric = (k: Kind): boolean => k === 'number' || k === 'data-number';
const numberOf = (v: Value | GoNumber): Value => (v instanceof GoNumber ? v.value : v);

/** Data numbers compare with strings as the text they are (json.Number), and with numbers by value. */
function equal(a: TemplateValue, b: TemplateValue): boolean {
  const aNil = a === undefined || a === null;
  const bNil = b === undefined || b === null;
  if (aNil || bNil) return aNil && bNil;
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (numeric(ka) && numeric(kb)) return compare(numberOf(a), numberOf(b)) === 0;
  if ((ka === 'data-number' && kb === 'string') || (ka === 'string' && kb === 'data-number')) return formatValue(a) === formatValue(b);
  if (ka !== kb) throw new FunctionError('incompatible types for comparison');
  if (ka === 'other') throw new FunctionError(`non-comparable type ${formatValue(b)}: ${goTypeName(b)}`);
  return a === b;
}

function less(a: TemplateValue, b: TemplateValue): boolean {
  if (a === undefined || a === null || b === undefined || b === null) throw new FunctionError('invalid type for comparison');
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === 'other' || kb === 'other' || ka === 'bool' || kb === 'bool') {
    if (ka === kb || ka === 'other' || kb === 'other') throw new FunctionError('invalid type for comparison');
    throw new FunctionError('incompatible types for comparison');
  }
  if (numeric(ka) && numeric(kb)) return compare(numberOf(a), numberOf(b)) < 0;
  if ((ka === 'string' || ka === 'data-number') && (kb === 'string' || kb === 'data-number') && !(ka === 'string' && kb === 'string')) {
    return compareStrings(formatValue(a), formatValue(b)) < 0;
  }
  if (ka !== kb) throw new FunctionError('incompatible types for comparison');
  return compareStrings(a as string, b as string) < 0;
}
