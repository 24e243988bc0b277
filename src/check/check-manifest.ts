// The whole judgement of one manifest, pure: bytes -> document with positions -> validated
// manifest -> policy input -> findings (resolved, located, waived). Problems at any stage stop
// that manifest only, and are reported with their place.
import type { Engine } from '../engine/engine.ts';
import { applyWaivers } from '../findings/waivers.ts';
import { resolveFindings } from '../findings/resolve.ts';
import { buildPolicyInput } from '../input/build.ts';
import { costSettingsFrom } from '../cost/cost-settings.ts';
import { PRICE_TABLE } from '../cost/generated/price-table.ts';
import { decodeText } from '../load/decode-text.ts';
import { loadDocument } from '../load/load-document.ts';
import type { ManifestInput } from '../report/run-report.ts';
import { validateManifest } from '../validate/validate-manifest.ts';

export interface CheckSettings {
  engine: Engine;
  /** YYYY-MM-DD: expiry of waivers and weeks until launch are judged against it. */
  today: string;
}

export function checkManifest(file: string, bytes: Uint8Array, settings: CheckSettings): ManifestInput {
  const empty = { file, problems: [], findings: [], rulesEvaluated: [] };
  const loaded = loadDocument(file, bytes);
  if (!loaded.ok) {
    // Keep the text when it decodes, so the report can show a code frame at the problem.
    const text = decodeText(file, bytes);
    return { ...empty, problems: loaded.problems, ...(text.ok ? { source: text.value } : {}) };
  }
  const doc = loaded.value;
  const valid = validateManifest(doc);
  if (!valid.ok) return { ...empty, problems: valid.problems, source: doc.text };
  const manifest = valid.value;
  const rules = settings.engine.rules();
  const costSettings = costSettingsFrom(settings.engine.data);
  const cost = costSettings ? { cost: { settings: costSettings, table: PRICE_TABLE } } : {};
  const input = buildPolicyInput(manifest, { today: settings.today, knownRuleIds: rules.map((r) => r.id), ...cost });
  const evaluated = settings.engine.evaluate(input);
  const base = { ...empty, strategy: manifest.deployment.strategy, source: doc.text };
  if (!evaluated.ok) return { ...base, problems: evaluated.problems };
  const located = resolveFindings(evaluated.value.findings, rules, (path) => doc.valuePositionOf(path));
  return {
    ...base,
    findings: applyWaivers(located, manifest.waivers ?? [], settings.today),
    rulesEvaluated: rules.map((r) => r.id),
  };
}
