// One annotation per finding and per problem, placed on the manifest's file and line in the pull
// request. Built as plain values here; main.ts hands them to @actions/core.
import type { Severity } from '../policy/finding.ts';
import type { Problem } from '../problems/problem.ts';
import { findingLocation, formatLocation, problemLocation, type Location } from '../report/location.ts';
import type { RunReport } from '../report/run-report.ts';
import { waiverNote } from '../report/waiver-note.ts';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  /** The shape @actions/core takes for annotation properties. */
  properties: { title: string; file: string; startLine?: number; startColumn?: number };
}

const LEVEL: Record<Severity, AnnotationLevel> = { error: 'error', warning: 'warning', info: 'notice' };

function properties(location: Location, title: string): Annotation['properties'] {
  return {
    title,
    file: location.file,
    ...(location.line !== undefined ? { startLine: location.line } : {}),
    ...(location.line !== undefined && location.column !== undefined ? { startColumn: location.column } : {}),
  };
}

function problemMessage(problem: Problem): string {
  return problem.hint ? `${problem.message}\nhint: ${problem.hint}` : problem.message;
}

/** A problem outside any manifest (a policy that does not compile), at its own place. */
export function problemAnnotation(problem: Problem): Annotation {
  const position = problem.position;
  const location: Location = position ? { file: position.file, line: position.line, column: position.column } : { file: '' };
  return { level: 'error', message: problemMessage(problem), properties: properties(location, problem.code) };
}

/** Waived findings become notices: they are shown, but never fail the check. */
export function annotationsFor(report: RunReport): Annotation[] {
  const annotations: Annotation[] = [];
  for (const manifest of report.manifests) {
    for (const problem of manifest.problems) {
      annotations.push({ level: 'error', message: problemMessage(problem), properties: properties(problemLocation(manifest, problem), problem.code) });
    }
    for (const finding of manifest.findings) {
      const location = findingLocation(manifest, finding);
      if (finding.waived) {
        const message = `${finding.message}\n${waiverNote(finding.waived)}`;
        annotations.push({ level: 'notice', message, properties: properties(location, `${finding.id} (waived)`) });
      } else {
        const related = (finding.related ?? []).map((r) => `\nrelated: ${formatLocation(r)} ${r.message}`).join('');
        const message = `${finding.message}${related}${finding.remediation ? `\nremediation: ${finding.remediation}` : ''}`;
        annotations.push({ level: LEVEL[finding.severity], message, properties: properties(location, finding.id) });
      }
    }
  }
  return annotations;
}

/** GitHub shows at most this many annotations of each level (error, warning, notice) per step. */
export const ANNOTATIONS_PER_LEVEL = 10;

export interface CappedAnnotations {
  shown: Annotation[];
  /** Annotations left out, by level. */
  leftOut: Record<AnnotationLevel, number>;
}

/**
 * At most `limits[level]` annotations of each level, in report order; where some are left out,
 * the last one shown of that level says how many and where the full report is (`where`), since
 * the runner would drop the rest without a word.
 */
export function capAnnotations(
  annotations: readonly Annotation[],
  where: string,
  limits: Record<AnnotationLevel, number> = { error: ANNOTATIONS_PER_LEVEL, warning: ANNOTATIONS_PER_LEVEL, notice: ANNOTATIONS_PER_LEVEL },
): CappedAnnotations {
  const total: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  for (const annotation of annotations) total[annotation.level] += 1;
  const leftOut: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const shown: Annotation[] = [];
  const taken: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  for (const annotation of annotations) {
    const level = annotation.level;
    // One place of each overflowing level is kept for the note.
    const room = total[level] > limits[level] ? limits[level] - 1 : limits[level];
    if (taken[level] < room) {
      shown.push(annotation);
      taken[level] += 1;
    } else leftOut[level] += 1;
  }
  for (const level of ['error', 'warning', 'notice'] as const) {
    if (leftOut[level] === 0) continue;
    shown.push({
      level,
      message: `${leftOut[level]} more ${level} annotation${leftOut[level] === 1 ? ' was' : 's were'} left out: GitHub shows ${ANNOTATIONS_PER_LEVEL} of each level per step. The full report is in ${where}.`,
      properties: { title: `routewise: ${leftOut[level]} more ${level}${leftOut[level] === 1 ? '' : 's'}`, file: '' },
    });
  }
  return { shown, leftOut };
}
