import { describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../../src/policy/finding.ts';
import { exitCodeFor, failsThreshold, findingsFail, isAtOrAbove, parseFailOn, type FailOn } from '../../src/findings/threshold.ts';
import type { Problem } from '../../src/problems/problem.ts';

const finding = (severity: Severity, waived = false): Finding => ({
  id: 'RW-TEST-001',
  severity,
  message: `a ${severity}`,
  path: [],
  ...(waived ? { waived: { rule: 'RW-TEST-001', reason: 'accepted', approvedBy: 'cto', expires: '2027-01-01' } } : {}),
});

const problem: Problem = { code: 'yaml-duplicate-key', message: 'Duplicate key "targets".' };

describe('fail threshold', () => {
  it('fails on severities at or above the threshold only', () => {
    const table: [FailOn, Severity[]][] = [
      ['error', ['error']],
      ['warning', ['error', 'warning']],
      ['info', ['error', 'warning', 'info']],
      ['never', []],
    ];
    for (const [failOn, failing] of table) {
      for (const severity of ['error', 'warning', 'info'] as const) {
        expect(isAtOrAbove(severity, failOn), `${severity} at --fail-on ${failOn}`).toBe(failing.includes(severity));
      }
    }
  });

  it('never fails on a waived finding', () => {
    expect(failsThreshold(finding('error', true), 'info')).toBe(false);
    expect(findingsFail([finding('error', true), finding('info')], 'warning')).toBe(false);
    expect(findingsFail([finding('error', true), finding('warning')], 'warning')).toBe(true);
  });

  it('accepts exactly the documented --fail-on values', () => {
    expect(['error', 'warning', 'info', 'never'].map(parseFailOn)).toEqual(['error', 'warning', 'info', 'never']);
    expect(parseFailOn('Error')).toBeUndefined();
    expect(parseFailOn('critical')).toBeUndefined();
  });
});

describe('exitCodeFor', () => {
  it('is 0 when nothing reaches the threshold, even with findings below it', () => {
    expect(exitCodeFor([{ problems: [], findings: [finding('warning'), finding('info')] }], 'error')).toBe(0);
    expect(exitCodeFor([], 'error')).toBe(0);
  });

  it('is 1 when some manifest has a finding at or above the threshold', () => {
    expect(exitCodeFor([{ problems: [], findings: [] }, { problems: [], findings: [finding('warning')] }], 'warning')).toBe(1);
  });

  it('is 2 when any manifest could not be judged, whatever else was found', () => {
    const manifests = [{ problems: [], findings: [finding('error')] }, { problems: [problem], findings: [] }];
    expect(exitCodeFor(manifests, 'error')).toBe(2);
    expect(exitCodeFor(manifests, 'never')).toBe(2);
  });
});
