// Graph builtins: walk (a relation yielding every [path, value] of a document, parents
// first) and reachability over adjacency objects whose edges are arrays or sets.
import { ObjectValue, SetValue } from '../value.ts';
import type { Value } from '../value.ts';
import type { BuiltinContext, BuiltinDef } from './builtin.ts';
import { objectOperand, wrongType } from './operands.ts';

/** Every [path, value] pair of `root`, pre-order; object keys and set members in sorted order. */
export function walk(root: Value, ctx?: BuiltinContext): Value[] {
  const out: Value[] = [];
  const visit = (path: Value[], v: Value): void => {
    // Each pair copies its path: the work grows with the depth too.
    ctx?.work?.(1 + path.length);
    out.push([path, v]);
    if (Array.isArray(v)) v.forEach((x, i) => visit([...path, i], x));
    else if (v instanceof ObjectValue) for (const [k, x] of v.sortedEntries()) visit([...path, k], x);
    else if (v instanceof SetValue) for (const x of v.sorted()) visit([...path, x], x);
  };
  visit([], root);
  return out;
}

/** Neighbours listed by an edge value; anything but an array or set lists none. */
function neighbours(edges: Value | undefined): Value[] {
  if (Array.isArray(edges)) return edges;
  if (edges instanceof SetValue) return edges.sorted();
  return [];
}

function initialNodes(name: string, v: Value): Value[] {
  if (Array.isArray(v)) return v;
  if (v instanceof SetValue) return v.sorted();
  throw wrongType(name, 2, '{array, set}', v);
}

function reachable(graphValue: Value, initial: Value, ctx: BuiltinContext): SetValue {
  const graph = objectOperand('graph.reachable', 1, graphValue);
  const queue = initialNodes('graph.reachable', initial);
  const reached = new SetValue();
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    // Nodes missing from the graph are not reached.
    if (!graph.has(node) || reached.has(node)) continue;
    reached.add(node);
    const next = neighbours(graph.get(node));
    ctx.work?.(1 + next.length);
    for (const n of next) if (!reached.has(n)) queue.push(n);
  }
  return reached;
}

/** Every path can be many more than the graph's size (one per route through it): work is charged per step. */
function reachablePaths(graphValue: Value, initial: Value, ctx: BuiltinContext): SetValue {
  const graph = objectOperand('graph.reachable_paths', 1, graphValue);
  const paths = new SetValue();
  // Extends `path` from `node`; a path ends at a leaf, at a node outside the graph, or before a cycle.
  const extend = (node: Value, path: Value[], onPath: SetValue): void => {
    ctx.work?.(1 + path.length);
    if (!graph.has(node)) {
      paths.add(path);
      return;
    }
    const here = [...path, node];
    const next = neighbours(graph.get(node));
    if (next.length === 0) {
      paths.add(here);
      return;
    }
    const seen = SetValue.from([...onPath.values(), node]);
    for (const n of next) {
      if (seen.has(n)) paths.add(here);
      else extend(n, here, seen);
    }
  };
  for (const start of initialNodes('graph.reachable_paths', initial)) {
    if (!graph.has(start)) continue;
    const next = neighbours(graph.get(start));
    if (next.length === 0) paths.add([start]);
    for (const n of next) extend(n, [start], SetValue.from([start]));
  }
  return paths;
}

export const builtins: BuiltinDef[] = [
  { name: 'walk', arity: 1, relation: true, fn: ([a], ctx) => walk(a!, ctx) },
  { name: 'graph.reachable', arity: 2, fn: ([g, i], ctx) => reachable(g!, i!, ctx) },
  { name: 'graph.reachable_paths', arity: 2, fn: ([g, i], ctx) => reachablePaths(g!, i!, ctx) },
];
