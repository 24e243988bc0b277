import { describe, expect, it } from 'vitest';
import { annotationsFor, problemAnnotation } from '../../src/action/annotations.ts';
import type { Finding } from '../../src/policy/finding.ts';
import { createRunReport, type ManifestInput } from '../../src/report/run-report.ts';

const tool = { name: 'routewise', version: '0.0.0' };

function report(manifests: ManifestInput[]) {
  return createRunReport({ tool, failOn: 'error', manifests, rules: [] });
}

const finding = (over: Partial<Finding>): Finding => ({
  id: 'RW-DATA-001',
  severity: 'error',
  message: 'Regulated data reaches a cloud API.',
  path: ['deployment', 'targets', 0],
  position: { file: 'svc/routewise.yaml', line: 12, column: 7 },
  ...over,
});

describe('annotationsFor', () => {
  it('places each finding on its file, line and column with the rule id as title and the remediation below', () => {
    const annotations = annotationsFor(
      report([
        {
          file: 'svc/routewise.yaml',
          problems: [],
          rulesEvaluated: [],
          findings: [
            finding({ remediation: 'Route it elsewhere.' }),
            finding({ id: 'RW-TEAM-001', severity: 'warning', message: 'Skills missing.', position: { file: 'svc/routewise.yaml', line: 30, column: 3 } }),
            finding({ id: 'RW-CUST-003', severity: 'info', message: 'Cloud APIs would do.', position: undefined }),
          ],
        },
      ]),
    );
    expect(annotations).toEqual([
      {
        level: 'error',
        message: 'Regulated data reaches a cloud API.\nremediation: Route it elsewhere.',
        properties: { title: 'RW-DATA-001', file: 'svc/routewise.yaml', startLine: 12, startColumn: 7 },
      },
      { level: 'warning', message: 'Skills missing.', properties: { title: 'RW-TEAM-001', file: 'svc/routewise.yaml', startLine: 30, startColumn: 3 } },
      { level: 'notice', message: 'Cloud APIs would do.', properties: { title: 'RW-CUST-003', file: 'svc/routewise.yaml' } },
    ]);
  });

  it('turns a waived finding into a notice that says who accepted it', () => {
    const [annotation] = annotationsFor(
      report([
        {
          file: 'routewise.yaml',
          problems: [],
          rulesEvaluated: [],
          findings: [finding({ waived: { rule: 'RW-DATA-001', approvedBy: 'ciso@example.com', expires: '2027-01-01', reason: 'pilot' } })],
        },
      ]),
    );
    expect(annotation).toEqual({
      level: 'notice',
      message: 'Regulated data reaches a cloud API.\nwaived by ciso@example.com until 2027-01-01: pilot',
      properties: { title: 'RW-DATA-001 (waived)', file: 'routewise.yaml', startLine: 12, startColumn: 7 },
    });
  });

  it('reports problems as errors titled with their code, before the findings', () => {
    const annotations = annotationsFor(
      report([
        {
          file: 'broken/routewise.yaml',
          problems: [
            { code: 'yaml-duplicate-key', message: 'duplicate key', hint: 'keep one', position: { file: 'broken/routewise.yaml', line: 2, column: 1 } },
            { code: 'unreadable', message: 'cannot read' },
          ],
          rulesEvaluated: [],
          findings: [],
        },
      ]),
    );
    expect(annotations).toEqual([
      { level: 'error', message: 'duplicate key\nhint: keep one', properties: { title: 'yaml-duplicate-key', file: 'broken/routewise.yaml', startLine: 2, startColumn: 1 } },
      { level: 'error', message: 'cannot read', properties: { title: 'unreadable', file: 'broken/routewise.yaml' } },
    ]);
  });

  it('places a problem outside any manifest, such as a policy that does not compile, at its own file', () => {
    expect(
      problemAnnotation({ code: 'rego_parse_error', message: 'unexpected end of file', hint: 'fix the policy', position: { file: 'org/p.rego', line: 4, column: 1 } }),
    ).toEqual({
      level: 'error',
      message: 'unexpected end of file\nhint: fix the policy',
      properties: { title: 'rego_parse_error', file: 'org/p.rego', startLine: 4, startColumn: 1 },
    });
  });
});
