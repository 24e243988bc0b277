// One unit of audit work, the same in a worker thread and in process: read one manifest file and
// judge it. Whatever goes wrong becomes that manifest's problem, never the run's.
import { auditManifest, type AuditSettings, type ManifestVerdict } from '../audit/verdict.ts';
import type { ProblemCode } from '../problems/problem.ts';
import { readManifestBytes } from './read-manifest.ts';
import { observeSources, type SourceCache } from '../sources/read-sources.ts';

export interface AuditTask {
  /** Absolute path to read. */
  file: string;
  /** The path shown in messages. */
  shown: string;
  /** The real path of the audited folder: a manifest leading outside it is refused, not read. */
  within: string;
  /** The file's real path when the search already knows it (a plain file, not a link). */
  real?: string | undefined;
}

/** `sources`: what the run has read of sources so far (one per run, or per worker thread). */
export function runAuditTask(task: AuditTask, settings: AuditSettings, sources?: SourceCache): ManifestVerdict {
  const bytes = readManifestBytes(task.file, task.shown, { within: task.within, withinName: 'the audited folder', real: task.real });
  if (!bytes.ok) return failedVerdict(bytes.problems[0]!.code, bytes.problems[0]!.message);
  try {
    // The manifest's own `sources` are read as `check` reads them (no command-line sources here).
    const observe = settings.observe ?? ((manifest, doc) => observeSources(manifest, doc, task.file, [], sources));
    return auditManifest(task.shown, bytes.value, { ...settings, observe });
  } catch (error) {
    // An engine bug on one manifest must not end the audit of the others.
    return failedVerdict('internal-error', `${task.shown}: ${(error as Error)?.message ?? String(error)}`);
  }
}

/** The verdict on a manifest that could not be judged at all. */
export function failedVerdict(code: ProblemCode, message: string): ManifestVerdict {
  return {
    strategy: null,
    status: 'invalid',
    counts: { errors: 0, warnings: 0, infos: 0, waived: 0, problems: 1 },
    findings: [],
    problems: [{ code, message, line: null, column: null }],
    waivers: [],
    dataFlows: [],
    cost: null,
  };
}
