// One manifest's cost entry from its bytes: load, validate, then run the numbers. Pure; a
// manifest that does not load or validate becomes an entry with its problems.
import { loadDocument } from '../load/load-document.ts';
import { validateManifest } from '../validate/validate-manifest.ts';
import { costEntry, type ManifestCostEntry } from './cost-report.ts';
import type { CostSettings } from './cost-settings.ts';
import { manifestCost } from './manifest-cost.ts';
import type { PriceTable } from './price-table-types.ts';

export function costOfManifest(file: string, bytes: Uint8Array, settings: CostSettings, table: PriceTable, today: string): ManifestCostEntry {
  const loaded = loadDocument(file, bytes);
  if (!loaded.ok) return { file, problems: loaded.problems };
  const valid = validateManifest(loaded.value);
  if (!valid.ok) return { file, problems: valid.problems };
  return costEntry(file, manifestCost(valid.value, settings, table, today));
}
