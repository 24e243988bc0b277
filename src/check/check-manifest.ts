// The whole judgement of one manifest, pure: bytes -> document with positions -> validated
// manifest -> policy input -> findings (resolved, located, waived). Problems at any stage stop
// that manifest only, and are reported with their place.
import type { Engine } from '../engine/engine.ts';
import { applyWaivers } from '../findings/waivers.ts';
import { resolveFindings } from '../findings/resolve.ts';
import { buildPolicyInput } from '../input/build.ts';
import { decodeText } from '../load/decode-text.ts';
import { loadDocument } from '../load/load-document.ts';
import type { ManifestInput } from '../report/run-report.ts';
import type { LoadedDocument } from '../load/loaded-document.ts';
import type { Result } from '../problems/problem.ts';
import type { ObservedSources } from '../sources/observed.ts';
import type { Manifest } from '../validate/manifest.ts';
import { validateManifest } from '../validate/validate-manifest.ts';

export interface CheckSettings {
  engine: Engine;
  /** YYYY-MM-DD: expiry of waivers and weeks until launch are judged against it. */
  today: string;
  /** Reads the configuration the manifest is checked against (its `sources`); none when absent. */
  observe?: (manifest: Manifest, doc: LoadedDocument) => Result<ObservedSources>;
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
  const observed = settings.observe?.(manifest, doc) ?? { ok: true, value: { facts: [], texts: {} } };
  if (!observed.ok) return { ...empty, problems: observed.problems, source: doc.text };
  const rules = settings.engine.rules();
  const input = buildPolicyInput(manifest, { today: settings.today, knownRuleIds: rules.map((r) => r.id), observed: observed.value.facts });
  const evaluated = settings.engine.evaluate(input);
  const base = { ...empty, strategy: manifest.deployment.strategy, source: doc.text, sourceTexts: observed.value.texts };
  if (!evaluated.ok) return { ...base, problems: evaluated.problems };
  const located = resolveFindings(evaluated.value.findings, rules, (path) => doc.valuePositionOf(path));
  return {
    ...base,
    findings: applyWaivers(located, manifest.waivers ?? [], settings.today),
    rulesEvaluated: rules.map((r) => r.id),
  };
}
