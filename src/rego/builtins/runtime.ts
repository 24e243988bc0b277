// Builtins that talk to the evaluation itself: print and trace send lines to the print
// hook, and rego.metadata.* return the annotations of the rule being evaluated.
import { SetValue, toRegoText } from '../value.ts';
import type { Value } from '../value.ts';
import type { BuiltinDef } from './builtin.ts';
import { stringOperand, wrongType } from './operands.ts';

/** Arity of builtins that take any number of operands (print). */
export const VARIADIC = -1;

/** One print operand as OPA shows it: strings bare, everything else as a Rego term. */
export function printText(v: Value): string {
  return typeof v === 'string' ? v : toRegoText(v);
}

/**
 * OPA's compiled form of print: each operand arrives as the set of its values, so an
 * operand without a value shows as <undefined> and one with several values prints a line each.
 */
function internalPrint(operands: Value[]): string[] {
  const lines: string[] = [];
  const go = (i: number, parts: string[]): void => {
    if (i === operands.length) {
      lines.push(parts.join(' '));
      return;
    }
    const candidates = operands[i]!;
    if (!(candidates instanceof SetValue)) throw wrongType('internal.print', 1, 'array of sets', candidates);
    if (candidates.size === 0) go(i + 1, [...parts, '<undefined>']);
    for (const v of candidates.sorted()) go(i + 1, [...parts, printText(v)]);
  };
  go(0, []);
  return lines;
}

export const builtins: BuiltinDef[] = [
  {
    name: 'print',
    perRun: true,
    arity: VARIADIC,
    fn: (args, ctx) => {
      ctx.print(args.map(printText).join(' '));
      return true;
    },
  },
  {
    name: 'internal.print',
    perRun: true,
    arity: 1,
    fn: ([a], ctx) => {
      if (!Array.isArray(a)) throw wrongType('internal.print', 1, 'array', a!);
      for (const line of internalPrint(a)) ctx.print(line);
      return true;
    },
  },
  {
    name: 'trace',
    arity: 1,
    perRun: true,
    fn: ([a], ctx) => {
      ctx.print(stringOperand('trace', 1, a!));
      return true;
    },
  },
  { name: 'rego.metadata.rule', arity: 0, fn: (_args, ctx) => ctx.metadataRule() },
  { name: 'rego.metadata.chain', arity: 0, fn: (_args, ctx) => ctx.metadataChain() },
];
