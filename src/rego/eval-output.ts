// Query results printed as `opa eval` prints them: json ({"result": [...]}, `{}` when undefined),
// pretty (values as indented JSON, "undefined" when undefined) and values (one array per result).
import type { QueryResult } from './index.ts';
import { ObjectValue, stringify, type Value } from './value.ts';

export type EvalFormat = 'json' | 'pretty' | 'values';

export function formatEvalOutput(results: QueryResult[], format: EvalFormat): string {
  if (format === 'json') {
    if (results.length === 0) return '{}';
    const rows: Value[] = results.map((r) => {
      const row = new ObjectValue();
      row.set(
        'expressions',
        r.expressions.map((e) =>
          ObjectValue.from([
            ['value', e.value],
            ['text', e.text],
            ['location', ObjectValue.from([['row', e.location.row], ['col', e.location.col]])],
          ]),
        ),
      );
      if (Object.keys(r.bindings).length > 0) row.set('bindings', ObjectValue.from(Object.entries(r.bindings)));
      return row;
    });
    return stringify(ObjectValue.from([['result', rows]]), 2);
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
