// The cost report of a run: the price book used (and whether it is stale) and each manifest's
// numbers, version 1 of the JSON shape in spec/cost.md.
import type { Problem } from '../problems/problem.ts';
import type { CostSettings } from './cost-settings.ts';
import type { ManifestCost } from './manifest-cost.ts';
import type { PriceTable } from './price-table-types.ts';

export interface PriceBookState {
  package: string;
  version: string;
  date: string;
  stale: boolean;
}

export type ManifestCostEntry = ({ file: string } & Omit<ManifestCost, 'details' | 'capexUsd'>) | { file: string; problems: Problem[] };

export interface CostReport {
  version: 1;
  priceBook: PriceBookState;
  manifests: ManifestCostEntry[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from the book's date to today. */
export function priceBookAgeDays(bookDate: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${bookDate}T00:00:00Z`)) / DAY_MS);
}

export function priceBookState(table: PriceTable, settings: CostSettings, today: string): PriceBookState {
  return {
    package: table.package,
    version: settings.priceBook.version,
    date: settings.priceBook.date,
    stale: priceBookAgeDays(settings.priceBook.date, today) > settings.priceBookMaxAgeDays,
  };
}

/** A manifest's entry in the report: the figures people and machines read, without the rules' details. */
export function costEntry(file: string, cost: ManifestCost): ManifestCostEntry {
  return { file, workloads: cost.workloads, targets: cost.targets, totals: cost.totals };
}
