// How many findings of each severity a manifest or a run has: waived findings are counted apart,
// never under their severity. One count for check's summary and audit's entries.
import type { Severity } from '../policy/finding.ts';

export interface SeverityCounts {
  errors: number;
  warnings: number;
  infos: number;
  waived: number;
}

/** `waived` is the waiver itself (check) or a flag (audit): either way, present means waived. */
export function countFindings(findings: Iterable<{ severity: Severity; waived?: unknown }>, into: SeverityCounts = { errors: 0, warnings: 0, infos: 0, waived: 0 }): SeverityCounts {
  for (const f of findings) {
    if (f.waived) into.waived += 1;
    else if (f.severity === 'error') into.errors += 1;
    else if (f.severity === 'warning') into.warnings += 1;
    else into.infos += 1;
  }
  return into;
}
