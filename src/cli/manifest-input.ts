// The policy input `check` builds from a manifest, for `routewise eval --manifest`: rules are
// written against this normalised document, not against the manifest as written.
import type { CompiledPolicy } from '../rego/index.ts';
import type { PolicyInput } from '../input/policy-input.ts';
import type { Result } from '../problems/problem.ts';
import { buildPolicyInput } from '../input/build.ts';
import { loadDocument } from '../load/load-document.ts';
import { validateManifest } from '../validate/validate-manifest.ts';
import { readManifestBytes } from './read-manifest.ts';

export function manifestPolicyInput(path: string, display: string, options: { today: string; knownRuleIds: string[] }): Result<PolicyInput> {
  const bytes = readManifestBytes(path, display);
  if (!bytes.ok) return { ok: false, problems: [bytes.problem] };
  const loaded = loadDocument(display, bytes.value);
  if (!loaded.ok) return loaded;
  const valid = validateManifest(loaded.value);
  if (!valid.ok) return valid;
  return { ok: true, value: buildPolicyInput(valid.value, options) };
}

/** Rule ids named by `custom.id` in the loaded modules' METADATA, as waivers are judged by. */
export function ruleIdsOf(policy: CompiledPolicy): string[] {
  const ids = new Set<string>();
  for (const entry of policy.annotations()) {
    const id = entry.annotations.custom?.id;
    if (typeof id === 'string') ids.add(id);
  }
  return [...ids].sort();
}

/** Whether a parsed input document is a routewise manifest rather than a policy input. */
export function looksLikeManifest(doc: unknown): boolean {
  const o = doc as Record<string, unknown> | null;
  return typeof o === 'object' && o !== null && o.apiVersion === 'routewise/v1' && o.kind === 'LLMDeployment';
}
