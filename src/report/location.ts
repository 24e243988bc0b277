// Where a finding or problem sits, as `file:line:col` and as parts, relative to the manifest it
// belongs to. A finding concerns its manifest or a source it names (a gateway config); a problem may
// point elsewhere (a policy file).
import type { Finding } from '../policy/finding.ts';
import type { Problem } from '../problems/problem.ts';
import type { ManifestReport } from './run-report.ts';

export interface Location {
  file: string;
  line?: number;
  column?: number;
}

export function findingLocation(manifest: ManifestReport, finding: Finding): Location {
  // A finding about a gateway or cluster file is located there, where the change is needed.
  if (finding.location) return { file: finding.location.file, line: finding.location.line, column: finding.location.column };
  const position = finding.position;
  return position ? { file: manifest.file, line: position.line, column: position.column } : { file: manifest.file };
}

export function problemLocation(manifest: ManifestReport, problem: Problem): Location {
  const position = problem.position;
  if (!position) return { file: manifest.file };
  return { file: position.file || manifest.file, line: position.line, column: position.column };
}

export function formatLocation(location: Location): string {
  if (location.line === undefined) return location.file;
  return location.column === undefined ? `${location.file}:${location.line}` : `${location.file}:${location.line}:${location.column}`;
}
