// The one seam every output format sits behind: a pure function from a run report to text.
import type { RunReport } from './run-report.ts';

export interface RenderOptions {
  /** ANSI colours; the command line decides from the terminal and NO_COLOR / FORCE_COLOR. */
  color: boolean;
}

export interface Reporter {
  /** The `--format` name. */
  name: string;
  render(report: RunReport, options: RenderOptions): string;
}
