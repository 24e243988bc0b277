// The step outputs later steps read: counts to branch on and the SARIF file to upload.
import * as core from '@actions/core';
import type { RunReport } from '../report/run-report.ts';

export interface ActionOutputs {
  errors: number;
  warnings: number;
  'sarif-file': string;
}

export function outputsFor(report: RunReport, sarifFile: string): ActionOutputs {
  return { errors: report.summary.errors, warnings: report.summary.warnings, 'sarif-file': sarifFile };
}

export function setOutputs(outputs: ActionOutputs): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}
