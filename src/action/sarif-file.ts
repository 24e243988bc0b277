// Writes the SARIF report for code scanning, where the workflow's upload step will find it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RunReport } from '../report/run-report.ts';
import { sarifReporter } from '../report/check/sarif.ts';

export function writeSarifFile(report: RunReport, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const text = sarifReporter.render(report, { color: false });
  writeFileSync(path, text.endsWith('\n') ? text : `${text}\n`);
}
