// Query results printed as `opa eval` prints them: json ({"result": [...]}, `{}` when undefined),
// pretty (values as indented JSON, "undefined" when undefined) and values (one array per result).
import type { QueryResult } from './index.ts';
import { stringify } from './value.ts';

export type EvalFormat = 'json' | 'pretty' | 'values';

export function formatEvalOutput(results: QueryResult[], format: EvalFormat): string {
  if (format === 'json') {
    if (results.length === 0) return '{}';
    // Field order follows `opa eval` (expressions before bindings; value, text, location);
    // values inside print with sorted keys, as OPA prints them.
    const rows = results.map((r) => {
      const exprs = r.expressions.map(
        (e) =>
          `{"value": ${indent(stringify(e.value, 2), 10)}, "text": ${JSON.stringify(e.text)}, ` +
          `"location": {"row": ${e.location.row}, "col": ${e.location.col}}}`,
      );
      const names = Object.keys(r.bindings);
      const bindings = names.length
        ? `,\n      "bindings": {${names.map((n) => `\n        ${JSON.stringify(n)}: ${indent(stringify(r.bindings[n]!, 2), 8)}`).join(',')}\n      }`
        : '';
      return `    {\n      "expressions": [\n        ${exprs.join(',\n        ')}\n      ]${bindings}\n    }`;
    });
    return `{\n  "result": [\n${rows.join(',\n')}\n  ]\n}`;
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
