// The job summary: the markdown report, appended to the file the runner shows on the run's page.
import * as core from '@actions/core';
import { markdownReporter } from '../report/check/markdown.ts';
import type { RunReport } from '../report/run-report.ts';

/** False when the runner gave no summary file (an old runner, or a run outside Actions). */
export async function writeJobSummary(report: RunReport, env: NodeJS.ProcessEnv): Promise<boolean> {
  if (!env.GITHUB_STEP_SUMMARY) return false;
  await core.summary.addRaw(markdownReporter.render(report, { color: false }), true).write();
  return true;
}
