import { describe, expect, it } from 'vitest';
import { RegoError } from '../../src/rego/errors.ts';
import { parseModule } from '../../src/rego/parser.ts';

function parseError(src: string): RegoError {
  try {
    parseModule('t.rego', src);
  } catch (e) {
    if (e instanceof RegoError) return e;
    throw e;
  }
  throw new Error('expected a parse error');
}

describe('METADATA annotations', () => {
  it('attaches a block before a rule to that rule with scope rule', () => {
    const m = parseModule(
      't.rego',
      [
        'package t',
        '',
        '# METADATA',
        '# title: Deny public endpoints',
        '# description: Regulated data never leaves the region.',
        '# entrypoint: true',
        '# custom:',
        '#   severity: high',
        'deny contains msg if msg := "x"',
        'other := 1',
      ].join('\n'),
    );
    const [rule, other] = m.rules;
    expect(rule!.annotations).toHaveLength(1);
    const a = rule!.annotations[0]!;
    expect(a).toMatchObject({
      scope: 'rule',
      title: 'Deny public endpoints',
      description: 'Regulated data never leaves the region.',
      entrypoint: true,
      custom: { severity: 'high' },
      loc: { file: 't.rego', row: 3, col: 1 },
    });
    expect(a.raw).toMatchObject({ title: 'Deny public endpoints', custom: { severity: 'high' } });
    expect(other!.annotations).toEqual([]);
    expect(m.annotations).toEqual([a]);
  });

  it('gives a block before the package the package scope', () => {
    const m = parseModule('t.rego', '# METADATA\n# title: Routing policy\npackage t\n\np := 1');
    expect(m.annotations).toHaveLength(1);
    expect(m.annotations[0]).toMatchObject({ scope: 'package', title: 'Routing policy' });
    expect(m.rules[0]!.annotations).toEqual([]);
  });

  it('attaches document scope to the rule it precedes and package scopes to the module only', () => {
    const m = parseModule(
      't.rego',
      '# METADATA\n# scope: subpackages\n# organizations: [acme]\npackage t\n\n# METADATA\n# scope: document\n# title: doc\np := 1',
    );
    expect(m.annotations.map((a) => [a.scope, a.title ?? a.organizations])).toEqual([
      ['subpackages', ['acme']],
      ['document', 'doc'],
    ]);
    expect(m.rules[0]!.annotations.map((a) => a.scope)).toEqual(['document']);
  });

  it('normalises authors and related resources', () => {
    const m = parseModule(
      't.rego',
      [
        'package t',
        '# METADATA',
        '# authors:',
        '# - Jane Doe <jane@example.com>',
        '# - name: John',
        '# related_resources:',
        '# - https://example.com/a',
        '# - ref: https://example.com/b',
        '#   description: spec',
        '# schemas:',
        '# - input: schema.input',
        'p := 1',
      ].join('\n'),
    );
    const a = m.rules[0]!.annotations[0]!;
    expect(a.authors).toEqual([{ name: 'Jane Doe', email: 'jane@example.com' }, { name: 'John' }]);
    expect(a.relatedResources).toEqual([{ ref: 'https://example.com/a' }, { ref: 'https://example.com/b', description: 'spec' }]);
    expect(a.schemas).toEqual([{ input: 'schema.input' }]);
  });

  it('ends a block at the first line that is not a comment', () => {
    const m = parseModule('t.rego', 'package t\n# METADATA\n# title: a\n\n# title: not part of it\np := 1');
    expect(m.rules[0]!.annotations[0]!.title).toBe('a');
  });

  it('ignores ordinary comments and trailing METADATA comments', () => {
    const m = parseModule('t.rego', 'package t\n# just a note\np := 1 # METADATA\n# title: x\nq := 2');
    expect(m.annotations).toEqual([]);
  });

  it('reports bad YAML at the block', () => {
    const e = parseError('package t\n\n# METADATA\n# title: [unclosed\np := 1');
    expect(e.code).toBe('rego_parse_error');
    expect(e.message).toMatch(/^invalid METADATA block/);
    expect(e.location).toEqual({ file: 't.rego', row: 3, col: 1 });
  });

  it('rejects unknown scopes and scopes in the wrong place', () => {
    expect(parseError('package t\n# METADATA\n# scope: everything\np := 1').message).toMatch(/invalid annotation scope 'everything'/);
    expect(parseError('# METADATA\n# scope: rule\npackage t').message).toMatch(/scope 'rule' must be applied to a rule/);
    expect(parseError('package t\n# METADATA\n# scope: package\np := 1').message).toMatch(/must be applied to the package/);
    expect(parseError('package t\np := 1\n# METADATA\n# title: dangling').message).toMatch(/must be followed by a rule/);
  });

  it('rejects fields of the wrong type', () => {
    expect(parseError('package t\n# METADATA\n# title: [1]\np := 1').message).toMatch(/`title` must be a string/);
    expect(parseError('package t\n# METADATA\n# entrypoint: yes please\np := 1').message).toMatch(/`entrypoint`/);
  });
});
