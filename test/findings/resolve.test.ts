import { describe, expect, it } from 'vitest';
import type { RuleInfo } from '../../src/policy/engine.ts';
import { resolveFindings, type PositionOf, type TaggedFinding } from '../../src/findings/resolve.ts';

const rules: RuleInfo[] = [
  {
    id: 'RW-DATA-001',
    title: 'Regulated data on a cloud API',
    description: 'Regulated data classes must not reach cloud-api targets.',
    severity: 'error',
    remediation: 'Route the data class to a self-hosted target.',
  },
  {
    id: 'RW-DATA-004',
    title: 'Personal data without retention guarantees',
    description: 'Personal data needs zero data retention and training opt-out.',
    severity: 'warning',
    remediation: 'Sign a zero-retention agreement.',
  },
];

// Stands in for the loaded document: each top-level list item sits on its own line.
const positionOf: PositionOf = (path) => {
  if (path.length === 0) return undefined;
  const index = path.find((key): key is number => typeof key === 'number') ?? 0;
  const line = path[1] === 'targets' ? 30 + index * 5 : path[0] === 'dataClasses' ? 8 + index * 3 : 2;
  return { file: 'routewise.yaml', line, column: 7 };
};

describe('resolveFindings', () => {
  it('takes severity from the finding, then the rule metadata, then the rule set', () => {
    const raw: TaggedFinding[] = [
      { id: 'RW-DATA-001', message: 'a', ruleSet: 'warn', path: ['deployment', 'targets', 0] },
      { id: 'RW-DATA-004', message: 'b', ruleSet: 'deny', severity: 'info', path: ['deployment', 'targets', 1] },
      { id: 'ORG-CUSTOM-1', message: 'c', ruleSet: 'warn', path: ['deployment', 'targets', 2] },
      { id: 'ORG-CUSTOM-2', message: 'd', ruleSet: 'info', path: ['deployment', 'targets', 3] },
      { id: 'ORG-CUSTOM-3', message: 'e', ruleSet: 'deny', path: ['deployment', 'targets', 4] },
    ];
    const severities = resolveFindings(raw, rules, positionOf).map((f) => [f.id, f.severity]);
    expect(severities).toEqual([
      ['RW-DATA-001', 'error'],
      ['RW-DATA-004', 'info'],
      ['ORG-CUSTOM-1', 'warning'],
      ['ORG-CUSTOM-2', 'info'],
      ['ORG-CUSTOM-3', 'error'],
    ]);
  });

  it('fills title and remediation from the catalogue unless the finding brings its own', () => {
    const [own, fromCatalogue, unknown] = resolveFindings(
      [
        { id: 'RW-DATA-001', message: 'x', ruleSet: 'deny', path: ['dataClasses', 0], remediation: 'Sign a BAA with openai.' },
        { id: 'RW-DATA-004', message: 'y', ruleSet: 'warn', path: ['dataClasses', 1] },
        { id: 'ORG-X', message: 'z', ruleSet: 'warn', path: ['dataClasses', 2] },
      ],
      rules,
      positionOf,
    );
    expect(own).toMatchObject({ remediation: 'Sign a BAA with openai.', title: 'Regulated data on a cloud API' });
    expect(fromCatalogue).toMatchObject({ remediation: 'Sign a zero-retention agreement.', title: 'Personal data without retention guarantees' });
    expect(unknown?.remediation).toBeUndefined();
    expect(unknown?.title).toBeUndefined();
  });

  it('locates each finding through the document and keeps unlocated ones with an empty path', () => {
    const findings = resolveFindings(
      [
        { id: 'RW-DATA-001', message: 'located', ruleSet: 'deny', path: ['deployment', 'targets', 1] },
        { id: 'RW-DATA-003', message: 'whole manifest', ruleSet: 'deny' },
      ],
      rules,
      positionOf,
    );
    expect(findings[0]).toMatchObject({ path: ['deployment', 'targets', 1], position: { file: 'routewise.yaml', line: 35, column: 7 } });
    expect(findings[1]).toMatchObject({ id: 'RW-DATA-003', path: [] });
    expect(findings[1]?.position).toBeUndefined();
  });

  it('orders by position, then rule id, then message, whatever order the engine used', () => {
    const raw: TaggedFinding[] = [
      { id: 'RW-DATA-003', message: 'no route', ruleSet: 'deny' },
      { id: 'RW-DATA-004', message: 'b', ruleSet: 'warn', path: ['deployment', 'targets', 0] },
      { id: 'RW-DATA-001', message: 'second', ruleSet: 'deny', path: ['deployment', 'targets', 0] },
      { id: 'RW-DATA-001', message: 'first', ruleSet: 'deny', path: ['deployment', 'targets', 0] },
      { id: 'RW-DATA-002', message: 'early', ruleSet: 'deny', path: ['dataClasses', 0] },
    ];
    const order = (list: TaggedFinding[]) => resolveFindings(list, rules, positionOf).map((f) => `${f.id} ${f.message}`);
    const expected = ['RW-DATA-002 early', 'RW-DATA-001 first', 'RW-DATA-001 second', 'RW-DATA-004 b', 'RW-DATA-003 no route'];
    expect(order(raw)).toEqual(expected);
    expect(order([...raw].reverse())).toEqual(expected);
  });

  it('drops identical findings but keeps those about different subjects', () => {
    const base = { id: 'RW-DATA-001', message: 'same', ruleSet: 'deny' as const, path: ['deployment', 'targets', 0] };
    const findings = resolveFindings(
      [base, { ...base }, { ...base, subject: { target: 'openai' } }, { ...base, subject: { target: 'openai' } }, { ...base, subject: { target: 'azure' } }],
      rules,
      positionOf,
    );
    expect(findings).toHaveLength(3);
  });

  it('keeps findings with one message that differ in rule, severity, path or place', () => {
    const base = { id: 'RW-DATA-001', message: 'same', ruleSet: 'deny' as const, path: ['targets', 0] };
    const at = { file: 'gateway.yaml', line: 3, column: 1 };
    const variants: TaggedFinding[] = [
      base,
      { ...base, id: 'RW-DATA-007' },
      { ...base, severity: 'warning' },
      { ...base, path: ['targets', '0'] },
      { ...base, path: ['targets'] },
      { ...base, location: at },
      { ...base, location: { ...at, line: 4 } },
    ];
    expect(resolveFindings([...variants, ...variants.map((v) => ({ ...v }))], rules, positionOf)).toHaveLength(variants.length);
  });

  it('does not share path arrays with the raw findings', () => {
    const path = ['deployment', 'targets', 0];
    const [finding] = resolveFindings([{ id: 'RW-DATA-001', message: 'm', ruleSet: 'deny', path }], rules, positionOf);
    path.push('id');
    expect(finding?.path).toEqual(['deployment', 'targets', 0]);
  });
});
