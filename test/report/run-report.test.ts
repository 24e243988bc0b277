import { describe, expect, it } from 'vitest';
import { manifestStatus } from '../../src/findings/threshold.ts';
import { createRunReport } from '../../src/report/run-report.ts';
import { summaryLine } from '../../src/report/summary-line.ts';
import { batchManifest, brokenManifest, claimsManifest, rules, sampleReport } from './sample-report.ts';

describe('run report', () => {
  it('derives each manifest status from its problems and the threshold', () => {
    expect(manifestStatus(brokenManifest(), 'never')).toBe('invalid');
    expect(manifestStatus(claimsManifest(), 'error')).toBe('fail');
    expect(manifestStatus(claimsManifest(), 'never')).toBe('pass');
    expect(manifestStatus(batchManifest(), 'warning')).toBe('pass');
    expect(manifestStatus(batchManifest(), 'info')).toBe('fail');
  });

  it('counts waived findings apart from the severities they carry', () => {
    expect(sampleReport([claimsManifest()]).summary).toEqual({
      manifests: 1, errors: 2, warnings: 1, infos: 0, waived: 1, problems: 0, failed: true,
    });
  });

  it('fails the run for problems even when findings would never fail it', () => {
    const report = createRunReport({ tool: { name: 'routewise', version: '1.2.3' }, failOn: 'never', manifests: [batchManifest(), brokenManifest()], rules });
    expect(report.summary.failed).toBe(true);
    expect(report.manifests.map((m) => m.status)).toEqual(['pass', 'invalid']);
    expect(report.version).toBe(1);
  });
});

describe('summaryLine', () => {
  const base = { manifests: 1, errors: 0, warnings: 0, infos: 0, waived: 0, problems: 0, failed: false };

  it('always names manifests, errors and warnings, in singular or plural', () => {
    expect(summaryLine(base)).toBe('1 manifest, 0 errors, 0 warnings: passed');
    expect(summaryLine({ ...base, manifests: 2, errors: 3, warnings: 1, waived: 1, failed: true })).toBe('2 manifests, 3 errors, 1 warning, 1 waived: failed');
  });

  it('adds infos, waived and problems only when there are some', () => {
    expect(summaryLine({ ...base, infos: 2, problems: 1, failed: true })).toBe('1 manifest, 0 errors, 0 warnings, 2 infos, 1 problem: failed');
  });
});
