// One manifest of a `check` run, the same in a worker thread and in process: read the file, judge
// it, and keep what the report shows. Whatever goes wrong becomes that manifest's problem.
import { judgeManifest, type Judgement } from '../judge/judge-manifest.ts';
import type { Engine } from '../policy/engine.ts';
import type { ProblemCode } from '../problems/problem.ts';
import type { ManifestInput } from '../report/run-report.ts';
import { observeSources, type SourceCache, type SourceRequest } from '../sources/read-sources.ts';
import { readManifestBytes, type ReadOptions } from './read-manifest.ts';

export interface CheckTask {
  /** Absolute path to read. */
  file: string;
  /** The path shown in the report and messages. */
  shown: string;
}

export interface CheckTaskSettings {
  engine: Engine;
  today: string;
  /** Sources from `--source TYPE=PATH`, read for every manifest besides its own. */
  sources: readonly SourceRequest[];
  /** Where manifests must stay (the Action refuses links out of the workspace). */
  within?: ReadOptions;
  /** What the run (or this worker thread) has read of sources so far. */
  sourceCache: SourceCache;
}

export function runCheckTask(task: CheckTask, settings: CheckTaskSettings): ManifestInput {
  const bytes = readManifestBytes(task.file, task.shown, settings.within ?? {});
  if (!bytes.ok) return { file: task.shown, problems: bytes.problems, findings: [], rulesEvaluated: [] };
  try {
    return withoutInput(
      judgeManifest(task.shown, bytes.value, {
        engine: settings.engine,
        today: settings.today,
        observe: (manifest, doc) => observeSources(manifest, doc, task.file, settings.sources, settings.sourceCache),
      }),
    );
  } catch (error) {
    // An engine bug on one manifest must not end the check of the others, in process or on a thread.
    return failedCheck(task, 'internal-error', `${task.shown}: ${(error as Error)?.message ?? String(error)}`);
  }
}

/** The report keeps what it shows; the policy input of every manifest would only hold memory. */
export function withoutInput({ input: _input, ...judged }: Judgement): ManifestInput {
  return judged;
}

/** A manifest whose worker thread died judging it. */
export function failedCheck(task: CheckTask, code: ProblemCode, message: string): ManifestInput {
  return { file: task.shown, problems: [{ code, message }], findings: [], rulesEvaluated: [] };
}
