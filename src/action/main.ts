// Entry point of the GitHub Action: reads the inputs, runs the same check as `routewise check`
// on the workspace, then reports through annotations, the job summary, SARIF and step outputs.
import * as core from '@actions/core';
import { checkRun } from '../runner/check-run.ts';
import { discoverManifests, MANIFEST_NAMES } from '../runner/discover.ts';
import type { Problem } from '../problems/problem.ts';
import { summaryLine } from '../report/summary-line.ts';
import { annotationsFor, problemAnnotation, type Annotation } from './annotations.ts';
import { readInputs } from './inputs.ts';
import { outputsFor, setOutputs } from './outputs.ts';
import { writeSarifFile } from './sarif-file.ts';
import { writeJobSummary } from './summary.ts';
import { failureReason } from './verdict.ts';

function annotate(annotation: Annotation): void {
  core[annotation.level](annotation.message, annotation.properties);
}

/** Problems found before any manifest was judged: each at its place, then the one-line reason. */
function fail(lead: string, problems: Problem[]): void {
  for (const problem of problems) if (problem.position) annotate(problemAnnotation(problem));
  core.setFailed(`routewise: ${lead}${problems.map((problem) => problem.message).join('; ')}`);
}

export async function runAction(env: NodeJS.ProcessEnv): Promise<void> {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const inputs = readInputs((name) => core.getInput(name), { workspace, ...(env.RUNNER_TEMP ? { runnerTemp: env.RUNNER_TEMP } : {}) });
  if (!inputs.ok) return fail('', inputs.problems);
  const options = inputs.value;

  // With no paths, the whole repository is searched, as a reviewer would expect of a CI check.
  const paths = options.paths.length > 0 ? options.paths : ['.'];
  if (options.paths.length === 0) {
    const found = await discoverManifests(paths, workspace);
    if (found.files.length === 0 && found.problems.every((problem) => problem.code === 'manifest-not-found')) {
      return void core.setFailed(
        `routewise: no manifest (${MANIFEST_NAMES.join(', ')}) in the repository; add one with \`routewise init\`, or name them in the paths input`,
      );
    }
  }
  const run = await checkRun(paths, { ...options, cwd: workspace });
  if (!run.ok) {
    if (run.failure?.kind === 'no-manifests') return void core.setFailed(`routewise: ${run.failure.message}`);
    return fail('the policies could not be loaded: ', run.problems);
  }
  const report = run.value;

  if (options.annotations) for (const annotation of annotationsFor(report)) annotate(annotation);
  writeSarifFile(report, options.sarifFile);
  if (options.summary && !(await writeJobSummary(report, env))) core.info('routewise: no job summary file from the runner; summary skipped');
  setOutputs(outputsFor(report, options.sarifFile));

  const reason = failureReason(report);
  if (reason) core.setFailed(reason);
  else core.info(`routewise: ${summaryLine(report.summary)}`);
}

try {
  await runAction(process.env);
} catch (error) {
  core.setFailed(`routewise: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
}
