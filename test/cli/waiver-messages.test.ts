// RW-WAIVE-001 names a waiver as `waivers[i]`, the manifest path people can find, counted from 0
// like every other path in routewise's messages, and points at the waiver's own line.
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('RW-WAIVE-001 messages', () => {
  it('name each broken waiver by its path in the manifest', () => {
    const r = runCli(['check', 'examples/violations/waivers', '--now', '2026-11-27', '--format', 'json']);
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.stdout).manifests[0].findings as { id: string; message: string; line: number; path: (string | number)[] }[])
      .filter((f) => f.id === 'RW-WAIVE-001')
      .map((f) => [f.message, f.line, f.path.slice(0, 2)]);
    expect(findings).toEqual([
      ['waivers[0] for RW-DATA-004 expired on 2026-10-31 and no longer applies.', 53, ['waivers', 0]],
      ['waivers[2] names rule RW-DATA-010, which no loaded policy reports.', 59, ['waivers', 2]],
      ['waivers[3] for RW-VOL-002 lacks approvedBy.', 63, ['waivers', 3]],
    ]);
  });
});
