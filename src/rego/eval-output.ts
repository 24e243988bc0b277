// Query results printed as `opa eval` prints them: json ({"result": [...]}, `{}` when undefined),
// pretty (values as indented JSON, "undefined" when undefined) and values (one array per result).
import type { QueryResult } from './index.ts';
import { stringify, type Value } from './value.ts';

export type EvalFormat = 'json' | 'pretty' | 'values';

export function formatEvalOutput(results: QueryResult[], format: EvalFormat): string {
  if (format === 'json') {
    if (results.length === 0) return '{}';
    // Field order follows `opa eval` (expressions before bindings; value, text, location);
    // values inside print with sorted keys and two-space indents, as OPA prints them.
    const rows = results.map((r) => {
      const exprs = r.expressions.map((e) =>
        object(
          [
            ['value', valueAt(e.value, 5)],
            ['text', JSON.stringify(e.text)],
            ['location', object([['row', String(e.location.row)], ['col', String(e.location.col)]], 5)],
          ],
          4,
        ),
      );
      const pairs: [string, string][] = [['expressions', array(exprs, 3)]];
      const names = Object.keys(r.bindings);
      if (names.length > 0) pairs.push(['bindings', object(names.map((n) => [n, valueAt(r.bindings[n]!, 4)]), 3)]);
      return object(pairs, 2);
    });
    return object([['result', array(rows, 1)]], 0);
  }
  if (format === 'values') {
    return stringify(results.map((r) => r.expressions.map((e) => e.value)), 2);
  }
  if (results.length === 0) return 'undefined';
  return results
    .map((r) => {
      const names = Object.keys(r.bindings);
      if (names.length === 0) return r.expressions.map((e) => stringify(e.value, 2)).join('\n');
      return names.map((n) => `${n}: ${stringify(r.bindings[n]!, 2)}`).join('\n');
    })
    .join('\n\n');
}

function indent(text: string, by: number): string {
  return text.replace(/\n/g, '\n' + ' '.repeat(by));
}

const pad = (depth: number) => '  '.repeat(depth);

/** An object whose own lines sit at `depth`, with its keys one level deeper, in the given order. */
function object(pairs: [string, string][], depth: number): string {
  if (pairs.length === 0) return '{}';
  return `{\n${pairs.map(([k, v]) => `${pad(depth + 1)}${JSON.stringify(k)}: ${v}`).join(',\n')}\n${pad(depth)}}`;
}

function array(items: string[], depth: number): string {
  if (items.length === 0) return '[]';
  return `[\n${items.map((i) => `${pad(depth + 1)}${i}`).join(',\n')}\n${pad(depth)}]`;
}

/** A value printed on a line indented `depth` levels. */
function valueAt(v: Value, depth: number): string {
  return indent(stringify(v, 2), 2 * depth);
}
