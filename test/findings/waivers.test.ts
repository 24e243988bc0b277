import { describe, expect, it } from 'vitest';
import type { Finding, Waiver } from '../../src/policy/finding.ts';
import { applyWaivers, isWaiverActive, waiverMatches } from '../../src/findings/waivers.ts';

const finding = (id: string, subject?: Finding['subject']): Finding => ({
  id,
  severity: 'error',
  message: `${id} fired`,
  path: ['deployment', 'targets', 1],
  ...(subject ? { subject } : {}),
});

const complete: Waiver = {
  rule: 'RW-DATA-001',
  reason: 'De-identified under HIPAA Safe Harbor, LGL-1234',
  approvedBy: 'privacy-office',
  expires: '2027-01-31',
};

describe('isWaiverActive', () => {
  it('applies up to and including its expiry day', () => {
    expect(isWaiverActive(complete, '2027-01-30')).toBe(true);
    expect(isWaiverActive(complete, '2027-01-31')).toBe(true);
    expect(isWaiverActive(complete, '2027-02-01')).toBe(false);
  });

  it('does not apply without a reason, an approver or an expiry', () => {
    expect(isWaiverActive({ ...complete, reason: undefined }, '2026-11-27')).toBe(false);
    expect(isWaiverActive({ ...complete, reason: '  ' }, '2026-11-27')).toBe(false);
    expect(isWaiverActive({ ...complete, approvedBy: undefined }, '2026-11-27')).toBe(false);
    expect(isWaiverActive({ ...complete, expires: undefined }, '2026-11-27')).toBe(false);
    expect(isWaiverActive({ ...complete, expires: 'next year' }, '2026-11-27')).toBe(false);
  });
});

describe('waiverMatches', () => {
  it('matches every finding of its rule when it names no target', () => {
    expect(waiverMatches(complete, finding('RW-DATA-001'))).toBe(true);
    expect(waiverMatches(complete, finding('RW-DATA-001', { target: 'openai' }))).toBe(true);
    expect(waiverMatches(complete, finding('RW-DATA-002'))).toBe(false);
  });

  it('matches a named target against the target, data class or workload of the finding', () => {
    const waiver = { ...complete, target: 'openai-gpt' };
    expect(waiverMatches(waiver, finding('RW-DATA-001', { target: 'openai-gpt', dataClass: 'phi' }))).toBe(true);
    expect(waiverMatches(waiver, finding('RW-DATA-001', { dataClass: 'openai-gpt' }))).toBe(true);
    expect(waiverMatches(waiver, finding('RW-DATA-001', { workload: 'openai-gpt' }))).toBe(true);
    expect(waiverMatches(waiver, finding('RW-DATA-001', { target: 'onprem-llama', dataClass: 'phi' }))).toBe(false);
    expect(waiverMatches(waiver, finding('RW-DATA-001'))).toBe(false);
  });
});

describe('applyWaivers', () => {
  it('marks matching findings with the waiver and leaves the others untouched', () => {
    const findings = [finding('RW-DATA-001', { target: 'openai-gpt' }), finding('RW-DATA-001', { target: 'azure' }), finding('RW-HYB-002')];
    const result = applyWaivers(findings, [{ ...complete, target: 'openai-gpt' }], '2026-11-27');
    expect(result.map((f) => f.waived?.approvedBy ?? null)).toEqual(['privacy-office', null, null]);
    expect(result[1]).toBe(findings[1]);
    expect(findings[0]?.waived).toBeUndefined();
  });

  it('ignores expired and incomplete waivers', () => {
    const findings = [finding('RW-DATA-001'), finding('RW-HYB-002')];
    const result = applyWaivers(
      findings,
      [
        { ...complete, expires: '2026-11-26' },
        { rule: 'RW-HYB-002', reason: 'monitoring rollout in Q1', expires: '2027-03-01' },
      ],
      '2026-11-27',
    );
    expect(result.every((f) => f.waived === undefined)).toBe(true);
  });

  it('records the first active waiver in manifest order', () => {
    const expired = { ...complete, approvedBy: 'old-board', expires: '2025-01-01' };
    const first = { ...complete, approvedBy: 'privacy-office' };
    const second = { ...complete, approvedBy: 'ciso' };
    const [result] = applyWaivers([finding('RW-DATA-001')], [expired, first, second], '2026-11-27');
    expect(result?.waived).toEqual(first);
  });
});

describe('applyWaivers and RW-WAIVE-001', () => {
  const objection = (index: number, field: string, severity: Finding['severity'] = 'error'): Finding => ({
    id: 'RW-WAIVE-001',
    severity,
    message: `waivers[${index}] is not accepted`,
    path: ['waivers', index, field],
  });

  it('applies no waiver that RW-WAIVE-001 objects to (approver, expiry limit: settings only the rule sees)', () => {
    const [data] = applyWaivers([finding('RW-DATA-001'), objection(0, 'approvedBy')], [complete], '2026-11-27');
    expect(data!.waived).toBeUndefined();
    const [accepted] = applyWaivers([finding('RW-DATA-001'), objection(1, 'approvedBy')], [complete], '2026-11-27');
    expect(accepted!.waived).toEqual(complete);
  });

  it('never waives RW-WAIVE-001 or RW-DATA-006', () => {
    const waivers = [{ ...complete, rule: 'RW-WAIVE-001' }, { ...complete, rule: 'RW-DATA-006' }];
    const out = applyWaivers([objection(3, 'rule'), finding('RW-DATA-006')], waivers, '2026-11-27');
    expect(out.every((f) => f.waived === undefined)).toBe(true);
    expect(isWaiverActive(waivers[0]!, '2026-11-27')).toBe(false);
  });

  it('gives an expired waiver the severity of the finding it named, when present', () => {
    const expired = { ...complete, expires: '2026-01-31' };
    const warningFinding = { ...finding('RW-DATA-001'), severity: 'warning' as const };
    const [, withError] = applyWaivers([finding('RW-DATA-001'), objection(0, 'expires', 'warning')], [expired], '2026-11-27');
    expect(withError!.severity).toBe('error');
    const [, withWarning] = applyWaivers([warningFinding, objection(0, 'expires', 'warning')], [expired], '2026-11-27');
    expect(withWarning!.severity).toBe('warning');
    const [alone] = applyWaivers([objection(0, 'expires', 'warning')], [expired], '2026-11-27');
    expect(alone!.severity).toBe('warning');
  });
});
