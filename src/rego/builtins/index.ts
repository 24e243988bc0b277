// The builtin registry: every builtin family registers its array here, and the evaluator
// finds functions (operators included) only through this map.
import type { BuiltinDef } from './builtin.ts';

const families: BuiltinDef[][] = [];

export const registry: Map<string, BuiltinDef> = new Map(families.flat().map((b) => [b.name, b]));
