// `with` modifiers: the evaluation state one expression runs in, with input, data or
// functions replaced. Caches start empty there, since every value may depend on what changed.
import type { CWith, RuleNode } from '../compiler/ir.ts';
import type { Value } from '../value.ts';
import type { EvalState, Evaluator } from './evaluator.ts';
import { ENUM, type Frame } from './frame.ts';
import { setPath } from './lookup.ts';

function nodeAt(root: RuleNode, path: string[]): RuleNode | undefined {
  let n: RuleNode | undefined = root;
  for (const p of path) {
    n = n.children.get(p);
    if (!n) return undefined;
  }
  return n;
}

function descendants(n: RuleNode, out: RuleNode[] = []): RuleNode[] {
  for (const c of n.children.values()) {
    out.push(c);
    descendants(c, out);
  }
  return out;
}

/** The state for an expression's `with` modifiers, or undefined when a replacement value is undefined. */
export function withState(ev: Evaluator, withs: CWith[], f: Frame): EvalState | undefined {
  const outer = ev.state;
  let { input, data, overrides, mocks } = outer;
  for (const w of withs) {
    let value: Value | undefined;
    if (w.value) {
      const v = ev.evalDirect(w.value, f);
      if (v === undefined || v === ENUM) return undefined;
      value = v;
    }
    const t = w.target;
    if (t.kind === 'input') {
      input = t.path.length === 0 ? value : setPath(input, t.path, value!);
    } else if (t.kind === 'data') {
      data = setPath(data, t.path, value!);
      const node = nodeAt(ev.root, t.path);
      if (node) {
        // Rules at or below the path are replaced by the value.
        overrides = new Map(overrides);
        overrides.set(node, value!);
        for (const d of descendants(node)) overrides.delete(d);
      }
    } else {
      mocks = new Map(mocks);
      mocks.set(t.id, w.fn ? { fn: w.fn } : { value });
    }
  }
  return { input, data, overrides, mocks, ...ev.freshValues() };
}
