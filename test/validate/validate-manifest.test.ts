import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/load/load-document.ts';
import type { Problem } from '../../src/problems/problem.ts';
import { validateManifest } from '../../src/validate/validate-manifest.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'manifests');

function validateText(text: string, file = 'routewise.yaml') {
  const doc = loadDocument(file, new TextEncoder().encode(text));
  if (!doc.ok) throw new Error(`load failed: ${JSON.stringify(doc.problems)}`);
  return validateManifest(doc.value);
}

function validateFixture(name: string) {
  return validateText(readFileSync(join(fixtures, name), 'utf8'), name);
}

function problemsOf(result: ReturnType<typeof validateManifest>): Problem[] {
  if (result.ok) throw new Error('expected problems, the manifest was accepted');
  return result.problems;
}

const minimal = readFileSync(join(fixtures, 'cloud-api-minimal.yaml'), 'utf8');

describe('valid manifests', () => {
  it.each(['hybrid-claims.yaml', 'cloud-api-minimal.yaml', 'cloud-api-minimal.json'])('accepts %s', (name) => {
    const result = validateFixture(name);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('returns the manifest data', () => {
    const result = validateFixture('hybrid-claims.yaml');
    expect(result.ok && result.value.deployment.routing?.[1]?.when.default).toBe(true);
  });

  it('accepts regulations and skills outside the known lists', () => {
    const text = minimal
      .replace('category: personal', 'category: personal\n    regulations: [lgpd, gdpr]')
      .replace('timeline:', 'team:\n  skills: [rust, ml]\ntimeline:');
    expect(validateText(text).ok).toBe(true);
  });
});

describe('schema problems', () => {
  const problems = problemsOf(validateFixture('invalid/schema-errors.yaml'));
  const at = (code: string, line: number) => problems.find((p) => p.code === code && p.position?.line === line);

  it('reports every problem with its file, line and column, in source order', () => {
    expect(problems.map((p) => [p.code, p.position?.line, p.position?.column])).toEqual([
      ['schema-const', 1, 13],
      ['schema-required', 3, 1],
      ['schema-pattern', 4, 9],
      ['schema-enum', 7, 15],
      ['schema-type', 8, 26],
      ['schema-unique-items', 8, 29],
      ['schema-type', 9, 16],
      ['schema-additional-property', 12, 5],
      ['schema-type', 15, 23],
      ['schema-minimum', 17, 22],
      ['schema-required', 21, 7],
      ['schema-min-properties', 25, 7],
      ['schema-one-of', 27, 1],
      ['schema-format', 28, 13],
      ['schema-pattern', 32, 14],
    ]);
    expect(problems.every((p) => p.position?.file === 'invalid/schema-errors.yaml')).toBe(true);
  });

  it('names an unknown property and suggests the closest known one', () => {
    const problem = at('schema-additional-property', 12)!;
    expect(problem.message).toBe('unknown property `dataClass` in workloads[0]');
    expect(problem.hint).toBe('did you mean `dataClasses`?');
    expect(problem.path).toEqual(['workloads', 0, 'dataClass']);
  });

  it('reports a misspelt required property once, as the unknown key, not also as missing', () => {
    expect(problems.filter((p) => p.code === 'schema-required' && p.message.includes('`dataClasses`'))).toEqual([]);
  });

  it('lists the allowed values of an enum and suggests the closest', () => {
    const problem = at('schema-enum', 7)!;
    expect(problem.message).toBe(
      '`category` in dataClasses[0] must be one of health, financial, payment-card, personal, confidential, internal, public; got `helth`',
    );
    expect(problem.hint).toBe('did you mean `health`?');
  });

  it('names a missing required property and where it belongs', () => {
    const problem = at('schema-required', 3)!;
    expect(problem.message).toBe('missing required property `owner` in metadata');
    expect(problem.hint).toContain('a team, a person or an address');
  });

  it('explains a conditionally required property', () => {
    expect(at('schema-required', 21)!.message).toBe(
      'missing required property `provider` in deployment.targets[0] (required for `type: cloud-api`)',
    );
  });

  it('reduces the alternatives of an open list to one type message', () => {
    expect(problems.filter((p) => p.position?.line === 8 && p.position.column === 26)).toHaveLength(1);
    expect(at('schema-type', 8)!.message).toBe('`regulations[1]` in dataClasses[0] must be text; got the number 5');
  });

  it('explains a timeline with both launchBy and weeksToLaunch', () => {
    expect(at('schema-one-of', 27)!.message).toBe('`timeline` must give only one of `launchBy` or `weeksToLaunch`, not both');
  });

  it('suggests unquoting numbers and booleans written as text', () => {
    expect(at('schema-type', 15)!.hint).toContain('remove the quotes');
    expect(at('schema-type', 9)!.hint).toContain('`true` or `false`');
  });

  it('writes out a number given with a unit or thousands separators, and leaves other text alone', () => {
    const hintFor = (written: string) => {
      const problems = problemsOf(validateText(minimal.replace(/tokensPerMonth: \d+/, `tokensPerMonth: ${written}`)));
      return problems.find((p) => p.code === 'schema-type')?.hint;
    };
    expect(hintFor('20M')).toBe('write the number in full, `20000000`: YAML reads `20M` as text');
    expect(hintFor('1.2B')).toBe('write the number in full, `1200000000`: YAML reads `1.2B` as text');
    expect(hintFor('1,500,000')).toBe('write the number in full, `1500000`: YAML reads `1,500,000` as text');
    expect(hintFor('500k')).toContain('`500000`');
    expect(hintFor('lots')).toBeUndefined();
    expect(hintFor('20X')).toBeUndefined();
  });

  it('names the allowed value a domain word means: PHI is health, PII personal', () => {
    const hintFor = (category: string) =>
      problemsOf(validateText(minimal.replace('category: personal', `category: ${category}`))).find((p) => p.code === 'schema-enum')?.hint;
    expect(hintFor('PHI')).toBe('did you mean `health`?');
    expect(hintFor('PII')).toBe('did you mean `personal`?');
    expect(hintFor('cardholder')).toBe('did you mean `payment-card`?');
    expect(hintFor('Health')).toBe('did you mean `health`?');
    expect(hintFor('astrology')).toBeUndefined();
  });

  it('suggests a slug for an id that is not one', () => {
    expect(at('schema-pattern', 4)!.hint).toBe('for example `claims-assistant`');
  });

  it('reports an impossible date once, and a malformed one by its pattern', () => {
    expect(problems.filter((p) => p.path?.join('.') === 'timeline.launchBy')).toHaveLength(1);
    expect(at('schema-pattern', 32)!.message).toBe('`expires` in waivers[0] must be a date written YYYY-MM-DD; got `31/01/2027`');
  });

  it('asks for one of launchBy or weeksToLaunch when the timeline has neither', () => {
    const result = problemsOf(validateText(minimal.replace('  weeksToLaunch: 3', '  {}').replace('timeline:\n  {}', 'timeline: {}')));
    expect(result.map((p) => [p.code, p.message, p.position?.line, p.position?.column])).toEqual([
      ['schema-one-of', '`timeline` must give one of `launchBy` or `weeksToLaunch`', 23, 1],
    ]);
  });

  it('reports an unknown top-level property at its key', () => {
    const result = problemsOf(validateText(`${minimal}deploymnet: {}\n`));
    expect(result.map((p) => [p.message, p.hint, p.position?.line, p.position?.column])).toEqual([
      ['unknown property `deploymnet` at the top level', 'did you mean `deployment`?', 25, 1],
    ]);
  });

  it('lists the known properties when no name is close', () => {
    const result = problemsOf(validateText(minimal.replace('      provider: anthropic', '      provider: anthropic\n      zzz: 1')));
    expect(result[0]!.hint).toBe('known properties: id, type, model, openWeights, provider, region, processingScope, dataZone, gatewayModels, agreements, hardware, pricing, modelParamsB, precision');
  });

  it('reports a mapping where a list belongs', () => {
    const result = problemsOf(validateText(minimal.replace('    dataClasses: [tickets]', '    dataClasses: tickets')));
    expect(result.map((p) => [p.code, p.message, p.hint, p.position?.line, p.position?.column])).toEqual([
      ['schema-type', '`dataClasses` in workloads[0] must be a list; got text `tickets`', 'write a list: [tickets]', 11, 18],
    ]);
  });

  it('reports an empty required list', () => {
    const result = problemsOf(validateText(minimal.replace(/workloads:[\s\S]*?deployment:/, 'workloads: []\ndeployment:')));
    expect(result.map((p) => [p.code, p.message, p.position?.line])).toEqual([
      ['schema-min-items', '`workloads` must list at least one item', 9],
    ]);
  });

  it('reports problems in a JSON manifest with JSON positions', () => {
    const json = readFileSync(join(fixtures, 'cloud-api-minimal.json'), 'utf8').replace('"pattern": "unpredictable"', '"pattern": "bursty"');
    const result = problemsOf(validateText(json, 'routewise.json'));
    expect(result.map((p) => [p.code, p.position?.line, p.position?.column])).toEqual([['schema-enum', 11, 57]]);
  });
});

describe('cross-reference problems', () => {
  const problems = problemsOf(validateFixture('invalid/cross-references.yaml'));

  it('reports every broken reference, duplicate id and strategy conflict at its value', () => {
    expect(problems.map((p) => [p.code, p.path?.join('.'), p.position?.line, p.position?.column])).toEqual([
      ['manifest-duplicate-id', 'dataClasses.1.id', 9, 9],
      ['manifest-unknown-reference', 'workloads.0.dataClasses.0', 13, 19],
      ['manifest-strategy-mismatch', 'deployment.targets.1.type', 23, 13],
      ['manifest-unknown-reference', 'deployment.routing.0.when.workloads.0', 27, 59],
      ['manifest-unknown-reference', 'deployment.routing.0.to', 28, 11],
      ['manifest-unknown-reference', 'deployment.burst.to', 30, 9],
      ['manifest-unknown-reference', 'deployment.burst.excludeDataClasses.0', 31, 26],
      ['manifest-unknown-reference', 'deployment.monitoring.0.target', 33, 15],
      ['manifest-unknown-reference', 'waivers.0.target', 36, 13],
    ]);
  });

  it('says where a duplicate id was first declared', () => {
    expect(problems[0]!.message).toBe('duplicate data class id `patient-records` (first declared at line 7)');
  });

  it('suggests the closest declared id', () => {
    expect(problems[1]!.message).toBe('workloads[0].dataClasses[0] names data class `patient-record`, which is not declared');
    expect(problems[1]!.hint).toBe('did you mean `patient-records`?');
    expect(problems[4]!.hint).toBe('did you mean `onprem-llama`?');
  });

  it('checks the targets and data classes a fallback names', () => {
    const text = readFileSync(join(fixtures, 'routing/fallbacks.yaml'), 'utf8').replace(
      '    - from: gpus\n      to: api\n      excludeDataClasses: [records]',
      '    - from: gpu\n      to: apii\n      excludeDataClasses: [record]',
    );
    const found = problemsOf(validateText(text));
    expect(found.map((p) => [p.code, p.path?.join('.'), p.hint])).toEqual([
      ['manifest-unknown-reference', 'deployment.fallbacks.1.from', 'did you mean `gpus`?'],
      ['manifest-unknown-reference', 'deployment.fallbacks.1.to', 'did you mean `api`?'],
      ['manifest-unknown-reference', 'deployment.fallbacks.1.excludeDataClasses.0', 'did you mean `records`?'],
    ]);
    expect(found[0]!.position?.line).toBe(43);
  });

  it('accepts a waiver naming a data class or a workload', () => {
    const text = `${minimal}waivers:\n  - rule: RW-DATA-004\n    target: tickets\n  - rule: RW-DATA-004\n    target: reply-drafts\n`;
    expect(validateText(text).ok).toBe(true);
  });

  it('requires a hybrid strategy to mix target types', () => {
    const result = problemsOf(validateText(minimal.replace('strategy: cloud-api', 'strategy: hybrid')));
    expect(result.map((p) => [p.code, p.message, p.position?.line, p.position?.column])).toEqual([
      ['manifest-strategy-mismatch', 'strategy `hybrid` needs targets of at least two types; all targets are cloud-api', 17, 13],
    ]);
  });

  it('reports duplicate target ids', () => {
    const text = minimal.replace(
      '      provider: anthropic',
      '      provider: anthropic\n    - id: claude\n      type: cloud-api\n      model: other\n      provider: anthropic',
    );
    expect(problemsOf(validateText(text)).map((p) => [p.code, p.position?.line, p.position?.column])).toEqual([
      ['manifest-duplicate-id', 23, 11],
    ]);
  });
});
