// The one seam every output format sits behind: a pure function from a report to text. Check
// formats render a run report, audit formats an audit report; both are registered by name.
import type { RunReport } from './run-report.ts';

export interface RenderOptions {
  /** ANSI colours; the command line decides from the terminal and NO_COLOR / FORCE_COLOR. */
  color: boolean;
}

export interface Reporter<R = RunReport> {
  /** The `--format` name. */
  name: string;
  render(report: R, options: RenderOptions): string;
}

/** Formats by `--format` name, in the order they were registered. */
export function registry<R>(...reporters: Reporter<R>[]): Map<string, Reporter<R>> {
  return new Map(reporters.map((reporter) => [reporter.name, reporter]));
}
