// JUnit XML for CI test reports: a test suite per manifest and a test case per rule evaluated on
// it. A rule fails when it found something at or above the fail threshold; an invalid manifest is
// one test case in error. Waived and below-threshold findings appear as the test case's output.
import type { Finding } from '../../policy/finding.ts';
import { failsThreshold, type FailOn } from '../../findings/threshold.ts';
import { findingLocation, formatLocation, problemLocation } from '../location.ts';
import type { Reporter } from '../reporter.ts';
import { INVALID_MANIFEST_RULE, type ManifestReport, type RunReport } from '../run-report.ts';
import { waiverNote } from '../waiver-note.ts';
import { xmlAttribute, xmlText } from '../xml.ts';

function attributes(pairs: Record<string, string | number>): string {
  return Object.entries(pairs)
    .map(([name, value]) => ` ${name}="${xmlAttribute(String(value))}"`)
    .join('');
}

function describeFinding(manifest: ManifestReport, finding: Finding): string {
  const head = `${formatLocation(findingLocation(manifest, finding))}  ${finding.severity}  ${finding.id}  ${finding.message}`;
  if (finding.waived) return `${head}\n  ${waiverNote(finding.waived)}`;
  return finding.remediation ? `${head}\n  remediation: ${finding.remediation}` : head;
}

interface TestCase {
  xml: string[];
  failed: boolean;
  errored: boolean;
}

// Rules in the order evaluated; a finding of a rule not listed still gets its test case.
function ruleIds(manifest: ManifestReport): string[] {
  const ids = [...manifest.rulesEvaluated];
  const extra = new Set(manifest.findings.map((finding) => finding.id).filter((id) => !ids.includes(id)));
  return [...ids, ...[...extra].sort()];
}

function ruleCase(manifest: ManifestReport, id: string, failOn: FailOn): TestCase {
  const findings = manifest.findings.filter((finding) => finding.id === id);
  const failing = findings.filter((finding) => failsThreshold(finding, failOn));
  const others = findings.filter((finding) => !failsThreshold(finding, failOn));
  const open = `<testcase${attributes({ name: id, classname: manifest.file, file: manifest.file })}`;
  if (findings.length === 0) return { xml: [`    ${open}/>`], failed: false, errored: false };
  const xml = [`    ${open}>`];
  if (failing.length > 0) {
    const first = failing[0]!;
    const message = failing.length === 1 ? first.message : `${failing.length} findings: ${first.message}`;
    const body = failing.map((finding) => describeFinding(manifest, finding)).join('\n');
    xml.push(`      <failure${attributes({ message, type: first.severity })}>${xmlText(body)}</failure>`);
  }
  if (others.length > 0) {
    const body = others.map((finding) => describeFinding(manifest, finding)).join('\n');
    xml.push(`      <system-out>${xmlText(body)}</system-out>`);
  }
  xml.push('    </testcase>');
  return { xml, failed: failing.length > 0, errored: false };
}

function invalidCase(manifest: ManifestReport): TestCase {
  const [first] = manifest.problems;
  const body = manifest.problems
    .map((problem) => {
      const line = `${formatLocation(problemLocation(manifest, problem))}  ${problem.code}  ${problem.message}`;
      return problem.hint ? `${line}\n  hint: ${problem.hint}` : line;
    })
    .join('\n');
  return {
    xml: [
      `    <testcase${attributes({ name: INVALID_MANIFEST_RULE, classname: manifest.file, file: manifest.file })}>`,
      `      <error${attributes({ message: first!.message, type: first!.code })}>${xmlText(body)}</error>`,
      '    </testcase>',
    ],
    failed: false,
    errored: true,
  };
}

function suite(manifest: ManifestReport, failOn: FailOn) {
  const cases = manifest.problems.length > 0 ? [invalidCase(manifest)] : [];
  cases.push(...ruleIds(manifest).map((id) => ruleCase(manifest, id, failOn)));
  const counts = {
    tests: cases.length,
    failures: cases.filter((c) => c.failed).length,
    errors: cases.filter((c) => c.errored).length,
  };
  const xml = [
    `  <testsuite${attributes({ name: manifest.file, ...counts, skipped: 0 })}>`,
    ...cases.flatMap((c) => c.xml),
    '  </testsuite>',
  ];
  return { xml, counts };
}

export const junitReporter: Reporter = {
  name: 'junit',
  render(report: RunReport): string {
    const suites = report.manifests.map((manifest) => suite(manifest, report.failOn));
    const total = (key: 'tests' | 'failures' | 'errors') => suites.reduce((sum, s) => sum + s.counts[key], 0);
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites${attributes({ name: report.tool.name, tests: total('tests'), failures: total('failures'), errors: total('errors') })}>`,
      ...suites.flatMap((s) => s.xml),
      '</testsuites>',
      '',
    ].join('\n');
  },
};
