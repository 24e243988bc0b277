// Compiles an ad-hoc query (`data.p.allow`, `x := input.a; x > 1`) against a compiled policy:
// names resolve to input, data and locals only; term expressions keep their values for results.
import type { Location, Query } from '../ast.ts';
import type { BuiltinDef } from '../builtins/builtin.ts';
import type { RegoErrorData } from '../errors.ts';
import { newStandInUses, standInErrors } from './functions.ts';
import { queryNameScope } from './imports.ts';
import type { CExpr, RuleNode } from './ir.ts';
import { Rewriter, Scope, SlotTable, collectSeen } from './rewrite.ts';
import { hoistNegated } from './negation.ts';
import { SafetyChecker } from './safety.ts';

export interface CompiledQuery {
  body: CExpr[];
  nslots: number;
  /** The query's named variables, reported in each result's bindings. */
  vars: { name: string; slot: number }[];
  /** Source-ordered expressions: the slot holding a term expression's value, its text and place. */
  exprs: { out?: number; text: string; loc: Location }[];
}

export function compileQuery(
  query: Query,
  text: string,
  root: RuleNode,
  builtins: ReadonlyMap<string, BuiltinDef>,
): { ok: true; query: CompiledQuery } | { ok: false; errors: RegoErrorData[] } {
  const errors: RegoErrorData[] = [];
  const slots = new SlotTable();
  const scope = new Scope(undefined, collectSeen(query.body));
  const standIns = newStandInUses();
  const rw = new Rewriter({ names: queryNameScope(), root, builtins, regoVersion: 'v1', standIns }, slots, errors);
  const body = rw.body(query.body, scope);
  errors.push(...standInErrors(standIns));
  const exprs = body.map((e, i) => {
    if (e.kind.type === 'term' && !e.negated) e.out = slots.alloc('', true);
    return { out: e.out, text: exprText(text, query.body.map((x) => x.loc), i), loc: e.loc };
  });
  // As OPA does, a single expression that does not iterate captures its value even when false.
  if (body.length === 1 && body[0]!.out !== undefined && slots.size === 1) body[0]!.keepFalse = true;
  // A query keeps `==` a call, so its operands leave a negation like any call's arguments.
  const ordered = hoistNegated(new SafetyChecker(slots, errors).order(body, new Set()), slots, { equalIsUnify: false });
  if (errors.length > 0) return { ok: false, errors };
  const vars = [...scope.vars].filter(([name]) => !name.startsWith('_') && name !== '').map(([name, slot]) => ({ name, slot }));
  return { ok: true, query: { body: ordered, nslots: slots.size, vars, exprs } };
}

function offsetOf(text: string, loc: Location): number {
  let row = 1;
  let i = 0;
  while (row < loc.row && i < text.length) {
    if (text.charCodeAt(i) === 10) row++;
    i++;
  }
  return i + loc.col - 1;
}

/** The source text of the i-th expression: up to the next one, without separators. */
function exprText(text: string, locs: Location[], i: number): string {
  const start = offsetOf(text, locs[i]!);
  const end = i + 1 < locs.length ? offsetOf(text, locs[i + 1]!) : text.length;
  return text
    .slice(start, end)
    .trim()
    .replace(/;$/, '')
    .trim();
}
