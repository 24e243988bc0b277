// Rule ids named by `custom.id` in compiled modules' METADATA, as waivers are judged by.
import type { CompiledPolicy } from '../rego/index.ts';

export function ruleIdsOf(policy: CompiledPolicy): string[] {
  const ids = new Set<string>();
  for (const entry of policy.annotations()) {
    const id = entry.annotations.custom?.id;
    if (typeof id === 'string') ids.add(id);
  }
  return [...ids].sort();
}
