// The one seam every audit output format sits behind: a pure function from an audit report to text.
import type { RenderOptions } from '../../report/reporter.ts';
import type { AuditReport } from '../audit-report.ts';

export type { RenderOptions } from '../../report/reporter.ts';

export interface AuditReporter {
  /** The `--format` name. */
  name: string;
  render(report: AuditReport, options: RenderOptions): string;
}
