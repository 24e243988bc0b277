// Rego unit test results printed like `opa test`: text for people, JSON and JUnit for machines.
import type { TestResult } from '../rego/index.ts';
import { printable, printableLines, safeOutput } from './printable.ts';

export type TestFormat = 'text' | 'json' | 'junit';

export interface TestSummary {
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
}

export function summarize(results: TestResult[]): TestSummary {
  const s: TestSummary = { passed: 0, failed: 0, errors: 0, skipped: 0 };
  for (const r of results) {
    if (r.status === 'pass') s.passed++;
    else if (r.status === 'fail') s.failed++;
    else if (r.status === 'error') s.errors++;
    else s.skipped++;
  }
  return s;
}

export function formatTestResults(results: TestResult[], format: TestFormat, options: { verbose?: boolean; color?: boolean } = {}): string {
  if (format === 'json') return formatJson(results);
  if (format === 'junit') return formatJunit(results);
  return formatText(results, options);
}

function formatJson(results: TestResult[]): string {
  return JSON.stringify(
    {
      version: 1,
      tests: results.map((r) => ({
        name: r.name,
        package: r.package,
        file: r.file,
        line: r.row,
        status: r.status,
        durationMs: Math.round(r.durationMs * 1000) / 1000,
        ...(r.message ? { message: r.message } : {}),
        ...(r.printed.length > 0 ? { printed: r.printed } : {}),
      })),
      summary: summarize(results),
    },
    null,
    2,
  );
}

function paint(on: boolean | undefined, code: string, s: string): string {
  return on ? `\u001b[${code}m${s}\u001b[0m` : s;
}

function formatText(results: TestResult[], options: { verbose?: boolean; color?: boolean }): string {
  const lines: string[] = [];
  let lastFile = '';
  for (const r of results) {
    const interesting = r.status === 'fail' || r.status === 'error';
    if (!options.verbose && !interesting) continue;
    if (r.file !== lastFile) {
      if (lines.length > 0) lines.push('');
      lines.push(`${printable(r.file)}:`);
      lastFile = r.file;
    }
    const label =
      r.status === 'pass'
        ? paint(options.color, '32', 'PASS')
        : r.status === 'fail'
          ? paint(options.color, '31', 'FAIL')
          : r.status === 'error'
            ? paint(options.color, '31', 'ERROR')
            : paint(options.color, '33', 'SKIPPED');
    lines.push(`data.${printable(r.package)}.${printable(r.name)}: ${label} (${formatDuration(r.durationMs)})  ${printable(r.file)}:${r.row}`);
    if (r.message) lines.push(`  ${printableLines(r.message, '  ')}`);
    if (interesting || options.verbose) for (const p of r.printed) lines.push(`  ${printable(p)}`);
  }
  const s = summarize(results);
  const total = results.length;
  lines.push('-'.repeat(80));
  if (s.passed > 0) lines.push(paint(options.color, '32', `PASS: ${s.passed}/${total}`));
  if (s.failed > 0) lines.push(paint(options.color, '31', `FAIL: ${s.failed}/${total}`));
  if (s.errors > 0) lines.push(paint(options.color, '31', `ERROR: ${s.errors}/${total}`));
  if (s.skipped > 0) lines.push(paint(options.color, '33', `SKIPPED: ${s.skipped}/${total}`));
  if (total === 0) lines.push('no tests found (test rules are named test_* in *_test.rego files)');
  return safeOutput(lines.join('\n'));
}

function formatDuration(ms: number): string {
  return ms < 1 ? `${Math.round(ms * 1000)}µs` : `${ms.toFixed(1)}ms`;
}

function xml(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function formatJunit(results: TestResult[]): string {
  const byPackage = new Map<string, TestResult[]>();
  for (const r of results) {
    const list = byPackage.get(r.package) ?? [];
    list.push(r);
    byPackage.set(r.package, list);
  }
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites name="routewise test">'];
  for (const [pkg, tests] of byPackage) {
    const s = summarize(tests);
    const time = tests.reduce((t, r) => t + r.durationMs, 0) / 1000;
    out.push(
      `  <testsuite name="${xml(`data.${pkg}`)}" tests="${tests.length}" failures="${s.failed}" errors="${s.errors}" skipped="${s.skipped}" time="${time.toFixed(6)}">`,
    );
    for (const r of tests) {
      const open = `    <testcase name="${xml(r.name)}" classname="${xml(`data.${pkg}`)}" file="${xml(r.file)}" line="${r.row}" time="${(r.durationMs / 1000).toFixed(6)}"`;
      if (r.status === 'pass') {
        out.push(`${open}/>`);
        continue;
      }
      out.push(`${open}>`);
      if (r.status === 'fail') out.push(`      <failure message="${xml(r.message ?? 'test failed')}">${xml(`${r.file}:${r.row}`)}</failure>`);
      else if (r.status === 'error') out.push(`      <error message="${xml(r.message ?? 'error')}">${xml(`${r.file}:${r.row}`)}</error>`);
      else out.push('      <skipped/>');
      if (r.printed.length > 0) out.push(`      <system-out>${xml(r.printed.join('\n'))}</system-out>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n');
}
