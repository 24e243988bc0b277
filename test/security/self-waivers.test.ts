// The author of a pull request writes routewise.yaml, waivers included. Any approver name, an
// expiry in 9999, a waiver of RW-WAIVE-001 itself or `regulated: false` must not turn a failing
// check into a passing one.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';

const root = join(import.meta.dirname, '..', '..');
// The startup example with its public documents turned into patient records on a cloud API.
const base = readFileSync(join(root, 'examples', 'startup-cloud-api', 'routewise.yaml'), 'utf8').replace(
  '    category: public                # published on the website anyway',
  '    category: health\n    regulations: [hipaa]',
);

interface Run {
  code: number;
  findings: { id: string; severity: string; waived?: unknown; path: (string | number)[] }[];
}

function check(manifest: string, org?: string): Run {
  const dir = mkdtempSync(join(tmpdir(), 'rw-waive-'));
  writeFileSync(join(dir, 'routewise.yaml'), manifest);
  const args = ['check', '--now', '2026-12-01', '--format', 'json', 'routewise.yaml'];
  if (org !== undefined) {
    writeFileSync(join(dir, 'org.yaml'), org);
    args.push('--data', 'org.yaml');
  }
  const run = runCli(args, { cwd: dir });
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as { manifests: { findings: Run['findings'] }[] };
  return { code: run.code, findings: report.manifests[0]!.findings };
}

const waiver = (fields: string) => `\nwaivers:\n  - rule: RW-DATA-001\n    target: openai-mini\n    reason: Reviewed\n${fields}`;
const ORG = 'routewise:\n  config:\n    allowedApprovers: [privacy-office]\n';

describe('waivers written by the pull request author', () => {
  it('a waiver by an approver the organisation allows still applies', () => {
    const run = check(base + waiver('    approvedBy: privacy-office\n    expires: 2027-03-01\n'), ORG);
    expect(run.code).toBe(0);
    expect(run.findings.find((f) => f.id === 'RW-DATA-001')?.waived).toBeTruthy();
  });

  it('an approver outside allowedApprovers waives nothing and is RW-WAIVE-001', () => {
    const run = check(base + waiver('    approvedBy: pr-author\n    expires: 2027-03-01\n'), ORG);
    expect(run.code).toBe(1);
    expect(run.findings.find((f) => f.id === 'RW-DATA-001')?.waived).toBeFalsy();
    expect(run.findings).toContainEqual(expect.objectContaining({ id: 'RW-WAIVE-001', severity: 'error', path: ['waivers', 0, 'approvedBy'] }));
  });

  it('an expiry beyond maxWaiverDays (default 365) waives nothing', () => {
    const run = check(base + waiver('    approvedBy: privacy-office\n    expires: 9999-12-31\n'));
    expect(run.code).toBe(1);
    expect(run.findings).toContainEqual(expect.objectContaining({ id: 'RW-WAIVE-001', severity: 'error', path: ['waivers', 0, 'expires'] }));
    const shorter = check(base + waiver('    approvedBy: privacy-office\n    expires: 2027-03-01\n'), 'routewise:\n  config:\n    maxWaiverDays: 30\n');
    expect(shorter.code).toBe(1);
  });

  it('RW-WAIVE-001 cannot waive itself', () => {
    const selfWaiver = '  - rule: RW-WAIVE-001\n    reason: Ours\n    approvedBy: privacy-office\n    expires: 2027-03-01\n';
    const run = check(base + waiver('    approvedBy: pr-author\n    expires: 2027-03-01\n') + selfWaiver, ORG);
    expect(run.code).toBe(1);
    expect(run.findings.filter((f) => f.id === 'RW-WAIVE-001').every((f) => !f.waived)).toBe(true);
  });

  it('an expired waiver of a present error is an error; of a finding no longer present, a warning', () => {
    const present = check(base + waiver('    approvedBy: privacy-office\n    expires: 2026-11-01\n'));
    expect(present.findings).toContainEqual(expect.objectContaining({ id: 'RW-WAIVE-001', severity: 'error', path: ['waivers', 0, 'expires'] }));
    const gone = check(base.replace('    category: health\n    regulations: [hipaa]', '    category: public') + waiver('    approvedBy: privacy-office\n    expires: 2026-11-01\n'));
    expect(gone.findings).toContainEqual(expect.objectContaining({ id: 'RW-WAIVE-001', severity: 'warning', path: ['waivers', 0, 'expires'] }));
    expect(gone.code).toBe(0);
  });
});

describe('regulated: false on health data', () => {
  const unregulated = base.replace('    category: health\n', '    category: health\n    regulated: false\n');
  const exemption = (fields: string) => unregulated.replace('    regulated: false\n', `    regulated: false\n    regulatedExemption:\n      reason: Synthetic test records only\n${fields}`);

  it('needs a regulatedExemption (RW-DATA-006), which no waiver can replace', () => {
    const waived = '\nwaivers:\n  - rule: RW-DATA-006\n    reason: Ours\n    approvedBy: privacy-office\n    expires: 2027-03-01\n';
    const run = check(unregulated + waived);
    expect(run.code).toBe(1);
    expect(run.findings).toContainEqual(expect.objectContaining({ id: 'RW-DATA-006', severity: 'error', path: ['dataClasses', 0, 'regulated'] }));
    expect(run.findings.find((f) => f.id === 'RW-DATA-006')?.waived).toBeFalsy();
  });

  it('accepts a complete exemption by an allowed approver, and no other', () => {
    const good = check(exemption('      approvedBy: privacy-office\n      expires: 2027-03-01\n'), ORG);
    expect(good.findings.map((f) => f.id)).not.toContain('RW-DATA-006');
    const self = check(exemption('      approvedBy: pr-author\n      expires: 2027-03-01\n'), ORG);
    expect(self.code).toBe(1);
    expect(self.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['RW-DATA-006', 'RW-WAIVE-001']));
    const forever = check(exemption('      approvedBy: privacy-office\n      expires: 9999-12-31\n'), ORG);
    expect(forever.findings.map((f) => f.id)).toContain('RW-DATA-006');
  });

  it('accepts allowedApprovers and maxWaiverDays as organisation settings, and refuses a mistyped one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-settings-'));
    writeFileSync(join(dir, 'routewise.yaml'), base);
    writeFileSync(join(dir, 'org.yaml'), 'routewise:\n  config:\n    allowedApprovers: privacy-office\n');
    const run = runCli(['check', '--data', 'org.yaml', 'routewise.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toContain('allowedApprovers must be a list');
  });
});
