// Query results printed as `opa eval` prints them (OPA's presentation package): json
// ({"result": [...]}, `{}` when undefined), values (one indented JSON array of expression values
// per result, nothing when undefined) and pretty (a lone value as indented JSON, otherwise a
// table of bindings and expression values, "undefined" when undefined). JSON text is escaped as
// Go's encoder escapes it (<, >, & and the line separators as \u escapes).
import type { RegoErrorData } from './errors.ts';
import type { QueryResult } from './index.ts';
import { renderTable } from './text-table.ts';
import { stringify, type Value } from './value.ts';

export type EvalFormat = 'json' | 'pretty' | 'values';

/** Go's json.Encoder escapes these even inside strings; nothing else in JSON text can hold them. */
export function goJsonEscape(text: string): string {
  return text.replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** Output of a query, without a trailing newline; empty when nothing is printed. */
export function formatEvalOutput(results: QueryResult[], format: EvalFormat): string {
  return format === 'pretty' ? pretty(results) : goJsonEscape(formatUnescaped(results, format));
}

/** Errors of a query with --format json: OPA's {"errors": [{message, code, location}]}. */
export function formatEvalErrors(errors: RegoErrorData[]): string {
  const items = errors.map((e) => {
    const pairs: [string, string][] = [
      ['message', JSON.stringify(e.message)],
      ['code', JSON.stringify(e.code)],
    ];
    if (e.location) {
      const l = e.location;
      pairs.push(['location', object([['file', JSON.stringify(l.file)], ['row', String(l.row)], ['col', String(l.col)]], 3)]);
    }
    return object(pairs, 2);
  });
  return goJsonEscape(object([['errors', array(items, 1)]], 0));
}

function formatUnescaped(results: QueryResult[], format: 'json' | 'values'): string {
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
  return results.map((r) => stringify(r.expressions.map((e) => e.value), 2)).join('\n');
}

function pretty(results: QueryResult[]): string {
  if (results.length === 0) return 'undefined';
  const first = results[0]!;
  const names = Object.keys(first.bindings);
  if (results.length === 1 && names.length === 0) {
    if (first.expressions.length === 1 || first.expressions.every((e) => typeof e.value === 'boolean')) {
      return goJsonEscape(stringify(first.expressions[0]!.value, 2));
    }
  }
  // Columns: the bound variables by name, then expressions by position (those with a boolean
  // value only when nothing is bound), as the first result has them.
  const columns: { title: string; cell: (r: QueryResult) => Value | undefined }[] = [...names]
    .sort()
    .map((n) => ({ title: n, cell: (r: QueryResult) => r.bindings[n] }));
  first.expressions.forEach((e, i) => {
    if (typeof e.value !== 'boolean' || names.length === 0) columns.push({ title: e.text, cell: (r) => r.expressions[i]?.value });
  });
  const rows = results.map((r) => columns.map((c) => {
    const v = c.cell(r);
    return v === undefined ? 'null' : goJsonEscape(stringify(v));
  }));
  return renderTable(columns.map((c) => c.title), rows).replace(/\n$/, '');
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
