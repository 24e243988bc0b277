// Where a cloud API may process a request, as its model id says: Amazon Bedrock's cross-Region
// inference profiles prefix the model with a geography (`eu.anthropic...`, processed in that
// geography's Regions) or `global.` (processed in any commercial Region), whatever the Region
// the request is sent to.

export type ProcessingScope = 'regional' | 'data-zone' | 'global';

const PROFILE_SCOPES: Record<string, ProcessingScope> = { global: 'global', eu: 'data-zone', us: 'data-zone', apac: 'data-zone', jp: 'data-zone', au: 'data-zone', ca: 'data-zone' };

/** The scope and zone a profile id names (`eu.anthropic.claude...`), or undefined for a plain model id. */
export function inferenceProfileOf(model: string): { scope: ProcessingScope; zone: string | null; model: string } | undefined {
  const match = /^([a-z]+)\.(?=[a-z0-9-]+\.)/.exec(model.trim().toLowerCase());
  const scope = match ? PROFILE_SCOPES[match[1]!] : undefined;
  if (!match || scope === undefined) return undefined;
  return { scope, zone: scope === 'data-zone' ? match[1]! : null, model: model.trim().slice(match[0].length) };
}
