// One hostile manifest must not flood a pull request: the job summary stays under GitHub's 1 MiB,
// annotations stay within what GitHub shows per step (saying how many were left out and where the
// full report is), and SARIF is written for any number of distinct rule ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capAnnotations, annotationsFor, ANNOTATIONS_PER_LEVEL } from '../../src/action/annotations.ts';
import { capSummary, MAX_SUMMARY_BYTES } from '../../src/action/summary.ts';
import type { Finding } from '../../src/policy/finding.ts';
import { markdownReporter } from '../../src/report/check/markdown.ts';
import { createRunReport, type RunReport } from '../../src/report/run-report.ts';
import { sarifLog, sarifReporter } from '../../src/report/check/sarif.ts';
import { buildActionCheckout, makeWorkspace, removeScratch, runAction } from '../action/run-action.ts';

function floodedReport(count: number, severity: (i: number) => Finding['severity'] = () => 'error'): RunReport {
  const findings: Finding[] = [];
  for (let i = 0; i < count; i++) {
    findings.push({ id: `ORG-${i}`, severity: severity(i), message: `Finding number ${i} about a long and winding subject`, path: ['dataClasses', i], position: { file: 'routewise.yaml', line: i + 1, column: 3 } });
  }
  return createRunReport({
    tool: { name: 'routewise', version: '0.1.0' },
    failOn: 'error',
    manifests: [{ file: 'routewise.yaml', strategy: 'cloud-api', problems: [], findings, rulesEvaluated: [] }],
    rules: [],
  });
}

describe('output of a run with very many findings', () => {
  it('writes SARIF for 300,000 distinct rule ids without overflowing the stack', () => {
    const report = floodedReport(300_000);
    const sarif = sarifLog(report);
    expect(sarif.runs[0]!.tool.driver.rules).toHaveLength(300_000);
    expect(sarif.runs[0]!.results).toHaveLength(300_000);
    // The log is written with JSON.stringify, whose depth is that of one result, whatever their number.
    expect(sarifReporter.render(floodedReport(3), { color: false })).toContain('"ORG-2"');
  }, 120_000);

  it('keeps the job summary under 1 MiB and says what was left out and where the rest is', () => {
    const markdown = markdownReporter.render(floodedReport(28_400), { color: false });
    expect(Buffer.byteLength(markdown)).toBeGreaterThan(1024 * 1024);
    const capped = capSummary(markdown, 'the step log');
    expect(Buffer.byteLength(capped.text)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
    expect(MAX_SUMMARY_BYTES).toBeLessThan(1024 * 1024);
    expect(capped.linesLeftOut).toBeGreaterThan(0);
    expect(capped.text).toContain(`${capped.linesLeftOut} more lines of this report were left out`);
    expect(capped.text).toContain('the step log');
    expect(markdown.startsWith(capped.text.slice(0, capped.text.indexOf('\n\n**')))).toBe(true);
    const small = markdownReporter.render(floodedReport(3), { color: false });
    expect(capSummary(small, 'the step log')).toEqual({ text: small, linesLeftOut: 0 });
  });

  it('annotates at most the number GitHub shows of each level, the last saying how many more and where', () => {
    const annotations = annotationsFor(floodedReport(28_400, (i) => (i % 3 === 0 ? 'warning' : i % 3 === 1 ? 'error' : 'info')));
    const { shown, leftOut } = capAnnotations(annotations, 'the step log');
    for (const level of ['error', 'warning', 'notice'] as const) {
      const ofLevel = shown.filter((a) => a.level === level);
      expect(ofLevel).toHaveLength(ANNOTATIONS_PER_LEVEL);
      expect(leftOut[level]).toBe(annotations.filter((a) => a.level === level).length - (ANNOTATIONS_PER_LEVEL - 1));
      expect(ofLevel.at(-1)!.message).toContain(`${leftOut[level]} more ${level} annotations were left out`);
      expect(ofLevel.at(-1)!.message).toContain('the step log');
    }
    const few = annotations.filter((a) => a.level === 'error').slice(0, ANNOTATIONS_PER_LEVEL);
    expect(capAnnotations(few, 'x').shown).toEqual(few);
  });
});

describe('the Action on a repository with more findings than GitHub shows', () => {
  let bundle: string;
  beforeAll(() => {
    bundle = buildActionCheckout();
  }, 60000);
  afterAll(removeScratch);

  it('caps the annotations and prints the full report in the log', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`svc-${i}/routewise.yaml`] = 'examples/violations/data/routewise.yaml';
    const run = runAction(bundle, makeWorkspace(files), { now: '2026-11-27' });
    // Nine findings, the note, and the run's one-line failure reason: ten, all shown.
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(ANNOTATIONS_PER_LEVEL);
    expect(errors.at(-1)!.message).toMatch(/^routewise: /);
    expect(errors.at(-2)!.message).toMatch(/^\d+ more error annotations were left out.*group "routewise report"/);
    expect(run.stdout).toContain('::group::routewise report');
    expect(run.stdout).toContain('svc-11/routewise.yaml');
  });
});
