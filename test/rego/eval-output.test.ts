// `routewise eval` output has the shape and layout of `opa eval`.
import { describe, expect, it } from 'vitest';
import { compile, evaluate } from '../../src/rego/index.ts';
import { formatEvalErrors, formatEvalOutput } from '../../src/rego/eval-output.ts';

function run(query: string) {
  const c = compile([]);
  if (!c.ok) throw new Error('empty policy must compile');
  const out = evaluate(c.policy, query);
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.results;
}

describe('eval output', () => {
  it('prints expressions before bindings, indented two spaces, keys of values sorted', () => {
    expect(formatEvalOutput(run('x := {"b": 1, "a": {2, 1}}'), 'json')).toBe(
      [
        '{',
        '  "result": [',
        '    {',
        '      "expressions": [',
        '        {',
        '          "value": true,',
        '          "text": "x := {\\"b\\": 1, \\"a\\": {2, 1}}",',
        '          "location": {',
        '            "row": 1,',
        '            "col": 1',
        '          }',
        '        }',
        '      ],',
        '      "bindings": {',
        '        "x": {',
        '          "a": [',
        '            1,',
        '            2',
        '          ],',
        '          "b": 1',
        '        }',
        '      }',
        '    }',
        '  ]',
        '}',
      ].join('\n'),
    );
  });

  it('prints {} for an undefined query and keeps big integers exact', () => {
    expect(formatEvalOutput(run('x := [1][5]'), 'json')).toBe('{}');
    expect(JSON.parse(formatEvalOutput(run('1 == 2'), 'json')).result[0].expressions[0].value).toBe(false);
    expect(JSON.parse(formatEvalOutput(run('x := 1 + 1'), 'json')).result[0].bindings).toEqual({ x: 2 });
    expect(formatEvalOutput(run('x := 9007199254740993 + 0'), 'values')).toContain('true');
  });
});

// OPA's presentation package (v1/cmd/eval.go, internal/presentation): Values writes one indented
// JSON array of expression values per result; Pretty writes a lone value as indented JSON and
// anything else as a tablewriter table; Go's encoder escapes <, > and & in JSON text.
describe('eval --format values', () => {
  it('prints one array of expression values per result, nothing when undefined', () => {
    expect(formatEvalOutput(run('x := [1, 2][_]'), 'values')).toBe('[\n  true\n]\n[\n  true\n]');
    expect(formatEvalOutput(run('[1, 2][_]'), 'values')).toBe('[\n  1\n]\n[\n  2\n]');
    expect(formatEvalOutput(run('x := [][0]'), 'values')).toBe('');
  });

  it('escapes <, > and & as Go does', () => {
    expect(formatEvalOutput(run('"<a&b>"'), 'values')).toBe('[\n  "\\u003ca\\u0026b\\u003e"\n]');
  });
});

describe('eval --format pretty', () => {
  it('prints a lone value as indented JSON and undefined as "undefined"', () => {
    expect(formatEvalOutput(run('{"b": [1]}'), 'pretty')).toBe('{\n  "b": [\n    1\n  ]\n}');
    expect(formatEvalOutput(run('1 == 1'), 'pretty')).toBe('true');
    expect(formatEvalOutput(run('x := [][0]'), 'pretty')).toBe('undefined');
  });

  it('tables bindings (by name) and non-boolean expressions, headers centred', () => {
    expect(formatEvalOutput(run('x := ["a", "b"][i]'), 'pretty')).toBe(
      ['+---+-----+', '| i |  x  |', '+---+-----+', '| 0 | "a" |', '| 1 | "b" |', '+---+-----+'].join('\n'),
    );
    expect(formatEvalOutput(run('[10, 20][i]'), 'pretty')).toBe(
      ['+---+-------------+', '| i | [10, 20][i] |', '+---+-------------+', '| 0 | 10          |', '| 1 | 20          |', '+---+-------------+'].join('\n'),
    );
  });

  it('wraps cells wider than 30 columns between words', () => {
    const out = formatEvalOutput(run('x := "one two three four five six seven eight"'), 'pretty').split('\n');
    // Breaks where the lines are least ragged: 28 columns then 12, the column as wide as the longest.
    expect(out[3]).toBe('| "one two three four five six |');
    expect(out[4]).toBe('| seven eight"                 |');
  });
});

describe('eval --format json errors', () => {
  it("prints OPA's errors document: message, code, location", () => {
    expect(JSON.parse(formatEvalErrors([{ code: 'eval_conflict_error', message: 'complete rules must not produce multiple outputs', location: { file: 'p.rego', row: 3, col: 1 } }]))).toEqual({
      errors: [{ message: 'complete rules must not produce multiple outputs', code: 'eval_conflict_error', location: { file: 'p.rego', row: 3, col: 1 } }],
    });
    expect(formatEvalErrors([{ code: 'rego_parse_error', message: 'x' }]).split('\n')[3]).toBe('      "message": "x",');
  });
});
