// The name a target's provider is known by in the settings. The manifest's `provider` is free
// text and teams write one provider several ways (`AWS Bedrock`, `aws-bedrock`, `bedrock`); the
// price book mapping and the batch list name each provider once. The built-in rules read it the
// same way (policies/lib/provider.rego).

import { settingName } from '../manifest/setting-name.ts';

/** Lower case, spaces and underscores as hyphens, then `providerAliases` of the settings. */
export function providerKey(name: string, aliases: Readonly<Record<string, string>>): string {
  const spelled = settingName(name);
  return Object.hasOwn(aliases, spelled) ? aliases[spelled]! : spelled;
}

/** A value of a settings table by provider, never one of the prototype's (`constructor`). */
export function byProvider<T>(table: Readonly<Record<string, T>>, name: string, aliases: Readonly<Record<string, string>>): T | undefined {
  const key = providerKey(name, aliases);
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
