// `routewise eval` output has the shape and layout of `opa eval`.
import { describe, expect, it } from 'vitest';
import { compile, evaluate } from '../../src/rego/index.ts';
import { formatEvalOutput } from '../../src/rego/eval-output.ts';

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
    expect(formatEvalOutput(run('x := 9007199254740993 + 0'), 'pretty')).toBe('x: 9007199254740993');
  });
});
