// Entry point of the GitHub Action: reads the inputs, runs the same check as `routewise check`
// on the workspace, then reports through annotations, the job summary, SARIF and step outputs.
import { isMainThread } from 'node:worker_threads';
import * as core from '@actions/core';
import { checkRun } from '../runner/check-run.ts';
import { UsageError } from '../runner/usage-error.ts';
import { discoverManifests, MANIFEST_NAMES } from '../runner/discover.ts';
import type { Problem } from '../problems/problem.ts';
import { summaryLine } from '../report/summary-line.ts';
import { textReporter } from '../report/check/text.ts';
import { ANNOTATIONS_PER_LEVEL, annotationsFor, capAnnotations, problemAnnotation, type Annotation } from './annotations.ts';
import { readInputs } from './inputs.ts';
import { outputsFor, setOutputs } from './outputs.ts';
import { writeSarifFile } from './sarif-file.ts';
import { writeJobSummary, writeProblemSummary } from './summary.ts';
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
  for (const note of options.notes) core.warning(`routewise: ${note}`);
  // The pull request controls the repository's links: none may lead a read outside the workspace.
  const run = await checkRun(paths, { ...options, cwd: workspace, refuseLinksOut: true });
  for (const note of run.notes ?? []) annotate({ ...problemAnnotation(note), level: 'warning' });
  if (!run.ok) {
    if (run.failure?.kind === 'no-manifests') return void core.setFailed(`routewise: ${run.failure.message}`);
    if (options.summary) await writeProblemSummary('The policies could not be loaded; nothing was judged.', run.problems, env);
    return fail('the policies could not be loaded: ', run.problems);
  }
  const report = run.value;

  // Annotations and the job summary have size limits; what they leave out is in the step's log.
  const where = `the log of this step (group "routewise report")${options.sarifFile ? ` and the SARIF file ${options.sarifFile}` : ''}`;
  let leftOut = 0;
  if (options.annotations) {
    // A failing run's reason is an error annotation too: keep a place for it.
    const errors = ANNOTATIONS_PER_LEVEL - (failureReason(report) ? 1 : 0);
    const capped = capAnnotations(annotationsFor(report), where, { error: errors, warning: ANNOTATIONS_PER_LEVEL, notice: ANNOTATIONS_PER_LEVEL });
    for (const annotation of capped.shown) annotate(annotation);
    leftOut += capped.leftOut.error + capped.leftOut.warning + capped.leftOut.notice;
  }
  try {
    writeSarifFile(report, options.sarifFile, [workspace, ...(env.RUNNER_TEMP ? [env.RUNNER_TEMP] : [])]);
  } catch (error) {
    if (error instanceof UsageError) return void core.setFailed(`routewise: ${error.message}`);
    throw error;
  }
  if (options.summary) {
    const written = await writeJobSummary(report, env, where);
    if (written === undefined) core.info('routewise: no job summary file from the runner; summary skipped');
    else leftOut += written.linesLeftOut;
  }
  if (leftOut > 0) {
    core.startGroup('routewise report');
    core.info(textReporter.render(report, { color: false }));
    core.endGroup();
  }
  setOutputs(outputsFor(report, options.sarifFile));

  const reason = failureReason(report);
  if (reason) core.setFailed(reason);
  else core.info(`routewise: ${summaryLine(report.summary)}`);
}

// The bundle is one file, so the wasm engine's evaluation thread starts on it too: there, it serves
// the evaluations (that module acts on its worker data); only the main thread runs the Action.
if (!isMainThread) await import('../policy/wasm/wasm-thread-worker.ts');
else {
  try {
    await runAction(process.env);
  } catch (error) {
    core.setFailed(`routewise: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  }
}
