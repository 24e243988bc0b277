// Machines: the report as JSON version 1, money unrounded.
import type { CostFormat } from './cost-format.ts';

export const jsonFormat: CostFormat = {
  render: (report) => JSON.stringify(report, null, 2) + '\n',
};
