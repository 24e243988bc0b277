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
