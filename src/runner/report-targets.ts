// Parses repeatable `--format name` / `--format name=path` flags: each format goes to stdout or to
// its own file, so one run can print text and write SARIF for code scanning.
import { UsageError } from './usage-error.ts';

export interface ReportTarget {
  format: string;
  /** Undefined means stdout. */
  path?: string;
}

export function parseReportTargets(values: string[], known: readonly string[], fallback = 'text'): ReportTarget[] {
  const targets = (values.length > 0 ? values : [fallback]).map((v) => {
    const eq = v.indexOf('=');
    const format = eq < 0 ? v : v.slice(0, eq);
    const path = eq < 0 ? undefined : v.slice(eq + 1);
    if (!known.includes(format)) throw new UsageError(`unknown --format ${format}; use one of ${known.join(', ')}`);
    if (path === '') throw new UsageError(`--format ${format}= needs a file name after =`);
    return path === undefined ? { format } : { format, path };
  });
  if (targets.filter((t) => t.path === undefined).length > 1) {
    throw new UsageError('only one --format may go to stdout; write the others to files with --format name=path');
  }
  return targets;
}
