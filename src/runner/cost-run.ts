// One `routewise cost` run: the settings as check loads them (policies/data.yaml with the --data
// files over it, checked), the manifests check would find, each read through the bounded reader
// and priced, gathered into one cost report.
import { relative, resolve, sep } from 'node:path';
import { costOfManifest } from '../cost/cost-of-manifest.ts';
import { priceBookState, type CostReport } from '../cost/cost-report.ts';
import { costSettingsFrom } from '../cost/cost-settings.ts';
import { PRICE_TABLE } from '../cost/generated/price-table.ts';
import { builtinSettings } from '../policy/settings-files.ts';
import type { Problem, Result } from '../problems/problem.ts';
import { discoverManifests, MANIFEST_NAMES } from './discover.ts';
import { readManifestBytes } from './read-manifest.ts';

export interface CostRunOptions {
  /** Paths are resolved from here; manifest names in the report are relative to it. */
  cwd: string;
  /** Organisation settings files merged over policies/data.yaml. */
  data: string[];
  /** YYYY-MM-DD: the price book's age and dated prices are judged as of this day. */
  today: string;
}

export type CostRunFailure = { kind: 'settings'; problems: Problem[] } | { kind: 'no-manifests'; message: string };

/** `notes` are warnings the run still priced through (retired settings in --data files). */
export type CostRunResult = Result<CostReport> & { failure?: CostRunFailure; notes?: Problem[] };

export async function costRun(paths: string[], options: CostRunOptions): Promise<CostRunResult> {
  const settings = builtinSettings(options.data, options.cwd);
  const notes = settings.notes.length > 0 ? { notes: settings.notes } : {};
  const cost = settings.problems.length === 0 ? costSettingsFrom(settings.data) : undefined;
  if (!cost) {
    const problems: Problem[] =
      settings.problems.length > 0 ? settings.problems : [{ code: 'invalid-data-file', message: 'policies/data.yaml has no routewise.config.cost settings' }];
    return { ok: false, problems, failure: { kind: 'settings', problems }, ...notes };
  }

  const found = await discoverManifests(paths, options.cwd);
  if (found.files.length === 0) {
    const message = found.problems.length > 0 ? found.problems.map((p) => p.message).join('; ') : `no manifest (${MANIFEST_NAMES.join(', ')}) found in ${paths.join(', ') || '.'}`;
    const problems: Problem[] = found.problems.length > 0 ? found.problems : [{ code: 'no-manifests', message }];
    return { ok: false, problems, failure: { kind: 'no-manifests', message }, ...notes };
  }
  const report: CostReport = { version: 1, priceBook: priceBookState(PRICE_TABLE, cost, options.today), manifests: [] };
  for (const p of found.problems) report.manifests.push({ file: p.position?.file ?? '(arguments)', problems: [p] });
  for (const file of found.files) {
    const absolute = resolve(options.cwd, file);
    const display = relative(options.cwd, absolute).split(sep).join('/') || file;
    const bytes = readManifestBytes(absolute, display);
    report.manifests.push(bytes.ok ? costOfManifest(display, bytes.value, cost, PRICE_TABLE, options.today) : { file: display, problems: bytes.problems });
  }
  return { ok: true, value: report, ...notes };
}
