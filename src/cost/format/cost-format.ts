// One interface for every format of the cost report; a new format is one file and one line in
// the registry (index.ts).
import type { CostReport } from '../cost-report.ts';

export interface CostFormat {
  render(report: CostReport): string;
}
