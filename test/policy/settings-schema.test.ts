// The settings schema (schemas/data.v1.schema.json) is the one description of policies/data.yaml:
// every default it holds is described and valid, every setting is documented, and --data files
// are checked against it at any depth, with file:line:col.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkSettings, settingsSchema, type SettingsSchema } from '../../src/policy/settings-check.ts';

type Node = Record<string, unknown>;
const schemaDoc = JSON.parse(readFileSync('schemas/data.v1.schema.json', 'utf8')) as Node;
const defaults = parse(readFileSync('policies/data.yaml', 'utf8')) as Node;
let schema: SettingsSchema;
beforeAll(() => {
  schema = settingsSchema();
});

/** Follows `$ref`s inside the schema document. */
function resolved(node: Node): Node {
  let n = node;
  while (typeof n.$ref === 'string') n = n.$ref.slice(2).split('/').reduce<Node>((at, key) => at[key] as Node, schemaDoc);
  return { ...n, ...Object.fromEntries(Object.entries(node).filter(([k]) => k !== '$ref')) };
}

/** Paths of data.yaml keys no `properties` entry (or a described map of free names) covers. */
function undescribed(value: unknown, node: Node, path: string[]): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const n = resolved(node);
  const props = (n.properties ?? {}) as Record<string, Node>;
  const free = typeof n.additionalProperties === 'object' ? (n.additionalProperties as Node) : undefined;
  return Object.entries(value).flatMap(([key, v]) => {
    const child = props[key] ?? free;
    return child ? undescribed(v, child, [...path, key]) : [[...path, key].join('.')];
  });
}

describe('the settings schema', () => {
  it('describes every key of policies/data.yaml', () => {
    expect(undescribed(defaults, schemaDoc, [])).toEqual([]);
  });

  it('accepts every default in policies/data.yaml', () => {
    expect(schema.validate((defaults.routewise as Node).config)).toEqual([]);
  });

  it('documents every setting, with its schema description, in docs/settings.md', () => {
    const doc = readFileSync('docs/settings.md', 'utf8').replace(/\s+/g, ' ');
    const missing: string[] = [];
    const visit = (node: Node, path: string[]) => {
      for (const [key, child] of Object.entries((resolved(node).properties ?? {}) as Record<string, Node>)) {
        const name = [...path, key].join('.');
        const description = String(resolved(child).description ?? '');
        if (!doc.includes(`\`${name}\``) || !doc.includes(description.replace(/\s+/g, ' '))) missing.push(name);
        visit(child, [...path, key]);
      }
    };
    visit((schemaDoc.$defs as Record<string, Node>).config!, []);
    expect(missing).toEqual([]);
  });
});

describe('checkSettings', () => {
  const check = (text: string, file = 'org.yaml') => checkSettings(schema, defaults, parse(text), file, text).map((p) => [`${p.position?.line}:${p.position?.column}`, p.code, p.message, p.hint]);

  it('finds a misspelt key inside a mapping setting, with the close match', () => {
    expect(check('routewise:\n  config:\n    requiredSkills:\n      hybird: [integration]\n')).toEqual([
      ['4:7', 'unknown-setting', 'routewise.config.requiredSkills.hybird is not a setting of the loaded rules, so it would change nothing', 'did you mean hybrid?'],
    ]);
  });

  it('refuses text where a list belongs, at any depth, and a list item of the wrong type', () => {
    expect(check('routewise:\n  config:\n    requiredSkills:\n      on-premises: ml\n    regulationsNeverOnCloudApi: [pci-dss, 3]\n')).toEqual([
      ['4:7', 'setting-type', 'routewise.config.requiredSkills.on-premises must be a list (the default is ["ml","hardware"]); got string "ml"', 'write it as a list'],
      ['5:43', 'setting-type', 'routewise.config.regulationsNeverOnCloudApi[1] must be text; got number 3', 'write it as text'],
    ]);
  });

  it('accepts a list or null for allowedApprovers and new entries in a free mapping, and refuses a number out of range', () => {
    expect(check('routewise:\n  config:\n    allowedApprovers: [ciso]\n    regulationAgreements:\n      ccpa: dpa\n')).toEqual([]);
    expect(check('routewise:\n  config:\n    allowedApprovers: null\n')).toEqual([]);
    expect(check('routewise:\n  config:\n    maxWaiverDays: 0\n').map((p) => [p[0], p[1], p[2]])).toEqual([['3:5', 'setting-type', 'routewise.config.maxWaiverDays must be at least 1; got 0']]);
  });

  it('notes a retired setting, naming what replaced it, without refusing it', () => {
    const found = check('routewise:\n  config:\n    lowVolumeTokensPerMonth: 1000\n    onPremCapexMin: 1\n    highSteadyTokensPerMonth: 5\n    fineTuningProviders: [openai]\n');
    expect(found.map((p) => [p[0], p[1], p[2]])).toEqual([
      ['3:5', 'retired-setting', 'routewise.config.lowVolumeTokensPerMonth is retired: RW-COST-002 replaces it (the setting is still accepted until the next minor version)'],
      ['4:5', 'retired-setting', 'routewise.config.onPremCapexMin is retired: RW-COST-003 replaces it (the setting is still accepted until the next minor version)'],
      ['5:5', 'retired-setting', 'routewise.config.highSteadyTokensPerMonth is retired: RW-COST-001 replaces it (the setting is still accepted until the next minor version)'],
      ['6:5', 'retired-setting', 'routewise.config.fineTuningProviders is retired: fineTuningOffers replaces it (the setting is still accepted until the next minor version)'],
    ]);
  });

  it('judges a setting an organisation policy folder adds by its default, not as unknown', () => {
    const withOrg = { routewise: { config: { ...(defaults.routewise as { config: Node }).config, approvedProviders: ['bedrock'] } } };
    const text = 'routewise:\n  config:\n    approvedProviders: [openai]\n';
    expect(checkSettings(schema, withOrg, parse(text), 'org.yaml', text)).toEqual([]);
    const wrong = 'routewise:\n  config:\n    approvedProviders: openai\n';
    expect(checkSettings(schema, withOrg, parse(wrong), 'org.yaml', wrong).map((p) => p.code)).toEqual(['setting-type']);
  });
});
