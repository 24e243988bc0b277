import { describe, expect, it } from 'vitest';
import { failureReason } from '../../src/action/verdict.ts';
import type { Finding } from '../../src/policy/finding.ts';
import type { FailOn } from '../../src/findings/threshold.ts';
import { createRunReport, type ManifestInput } from '../../src/report/run-report.ts';

const finding = (id: string, severity: Finding['severity'], waived = false): Finding => ({
  id,
  severity,
  message: id,
  path: [],
  ...(waived ? { waived: { rule: id } } : {}),
});

const manifest = (file: string, findings: Finding[], problems: ManifestInput['problems'] = []): ManifestInput => ({
  file,
  findings,
  problems,
  rulesEvaluated: [],
});

const reasonFor = (failOn: FailOn, manifests: ManifestInput[]) =>
  failureReason(createRunReport({ tool: { name: 'routewise', version: '0' }, failOn, manifests, rules: [] }));

describe('failureReason', () => {
  it('is undefined when nothing reaches the threshold', () => {
    expect(reasonFor('error', [manifest('a.yaml', [finding('RW-A', 'warning'), finding('RW-B', 'error', true)])])).toBeUndefined();
    expect(reasonFor('never', [manifest('a.yaml', [finding('RW-A', 'error')])])).toBeUndefined();
  });

  it('counts the findings at or above the threshold and the manifests holding them', () => {
    const manifests = [
      manifest('a.yaml', [finding('RW-A', 'error'), finding('RW-B', 'warning'), finding('RW-C', 'info')]),
      manifest('b.yaml', [finding('RW-D', 'warning', true)]),
      manifest('c.yaml', [finding('RW-E', 'warning')]),
    ];
    expect(reasonFor('error', manifests)).toBe('routewise: 1 finding at or above fail-on error in 1 manifest');
    expect(reasonFor('warning', manifests)).toBe('routewise: 3 findings at or above fail-on warning in 2 manifests');
  });

  it('names the first problem of a manifest that could not be judged, ahead of the findings', () => {
    const reason = reasonFor('error', [
      manifest('a.yaml', [finding('RW-A', 'error')]),
      manifest('b.yaml', [], [
        { code: 'yaml-syntax', message: 'bad indentation', position: { file: 'b.yaml', line: 3, column: 2 } },
        { code: 'yaml-syntax', message: 'more' },
      ]),
    ]);
    expect(reason).toBe('routewise: 1 manifest could not be judged (b.yaml:3:2: bad indentation, and 1 more problem); 1 finding at or above fail-on error in 1 manifest');
  });
});
