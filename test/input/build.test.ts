import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPolicyInput } from '../../src/input/build.ts';
import type { PolicyInput } from '../../src/input/policy-input.ts';
import { loadDocument } from '../../src/load/load-document.ts';
import type { Manifest } from '../../src/manifest/manifest.ts';
import { validateManifest } from '../../src/validate/validate-manifest.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'manifests');
const today = '2026-11-27';

function manifestFrom(text: string): Manifest {
  const doc = loadDocument('routewise.yaml', new TextEncoder().encode(text));
  if (!doc.ok) throw new Error(JSON.stringify(doc.problems));
  const result = validateManifest(doc.value);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

function fixture(name: string): string {
  return readFileSync(join(fixtures, name), 'utf8');
}

function build(text: string, knownRuleIds: string[] = []): PolicyInput {
  return buildPolicyInput(manifestFrom(text), { today, knownRuleIds });
}

/** Reaches as compact strings: `workload/dataClass -> target (via route)`. */
function reachList(input: PolicyInput): string[] {
  return input.reaches.map((r) => `${r.workload}/${r.dataClass} -> ${r.target} (${r.via}${r.route === null ? '' : ` ${r.route}`})`);
}

const minimal = fixture('cloud-api-minimal.yaml');

describe('defaults', () => {
  const input = build(fixture('routing/shadowed-rules.yaml'));
  const dataClass = (id: string) => input.dataClasses.find((d) => d.id === id)!;
  const target = (id: string) => input.targets.find((t) => t.id === id)!;

  it('regulates health, financial and payment-card data unless declared otherwise', () => {
    expect(dataClass('card-numbers').regulated).toBe(true);
    expect(dataClass('statements').regulated).toBe(false);
    expect(dataClass('marketing').regulated).toBe(false);
    expect(build(fixture('hybrid-claims.yaml')).dataClasses.map((d) => [d.id, d.regulated])).toEqual([
      ['patient-records', true],
      ['public-docs', false],
    ]);
  });

  it('gives open weights to self-hosted targets and not to cloud APIs, unless declared', () => {
    expect(target('vault').openWeights).toBe(true);
    expect(target('rented').openWeights).toBe(false);
    expect(target('api').openWeights).toBe(true);
    expect(build(minimal).targets[0]!.openWeights).toBe(false);
  });

  it('treats undeclared agreements as not signed', () => {
    expect(target('api').agreements).toEqual({ baa: true, dpa: false, zeroDataRetention: false, trainingOptOut: false });
    expect(target('vault').agreements).toEqual({ baa: false, dpa: false, zeroDataRetention: false, trainingOptOut: false });
  });

  it('reads regulations as the settings name them, so HIPAA meets the same rules as hipaa', () => {
    const text = minimal.replace(/(\n  - id: [^\n]+\n)/, '$1    regulations: [HIPAA, PCI DSS, pci_dss, hipaa]\n');
    expect(build(text).dataClasses[0]!.regulations).toEqual(['hipaa', 'pci-dss']);
  });

  it('reads an Azure region display name as its code, so residency and offers find it', () => {
    const named = (region: string) => build(minimal.replace('      provider: anthropic\n', `      provider: anthropic\n      region: ${region}\n`)).targets[0]!.region;
    expect(named('Sweden Central')).toBe('swedencentral');
    expect(named('East US 2')).toBe('eastus2');
    expect(named('eu-central-1')).toBe('eu-central-1');
  });

  it('fills absent optional values with null, empty lists or 1', () => {
    expect(dataClass('marketing')).toMatchObject({ regulations: [], residency: null });
    expect(target('vault')).toMatchObject({ provider: null, region: null, hardware: null, monitored: false });
    expect(input.workloads[0]!.volume.peakToAverage).toBe(1);
    expect(input.workloads[1]!.volume.peakToAverage).toBe(4);
    expect(input.team).toEqual({ mlopsEngineers: 0, skills: [], path: ['team'] });
    expect(input.budget).toBeNull();
    expect(input.waivers).toEqual([]);
  });

  it('lists hardware fields, null where not declared', () => {
    expect(build(fixture('hybrid-claims.yaml')).targets[0]!.hardware).toEqual({
      gpus: 8,
      gpuType: 'h100',
      gpuFamily: 'h100',
      capexUsd: 280000,
      hourlyUsd: null,
      autoscaling: null,
    });
  });

  it('records which workloads use each data class', () => {
    expect(input.dataClasses.map((d) => [d.id, d.usedBy])).toEqual([
      ['card-numbers', ['card-support']],
      ['statements', ['statement-qa']],
      ['marketing', ['card-support']],
      ['never-used', []],
    ]);
  });

  it('keeps the manifest, today, the strategy and the known rule ids', () => {
    const withRules = build(minimal, ['RW-DATA-001', 'RW-HYB-001']);
    expect(withRules.manifest.apiVersion).toBe('routewise/v1');
    expect(withRules.today).toBe(today);
    expect(withRules.strategy).toBe('cloud-api');
    expect(withRules.knownRuleIds).toEqual(['RW-DATA-001', 'RW-HYB-001']);
  });

  it('adds up the tokens of every workload', () => {
    expect(input.totals.tokensPerMonth).toBe(500_000_000);
  });
});

describe('routing', () => {
  const input = build(fixture('routing/shadowed-rules.yaml'));

  it('sends each request to the first matching rule, and adds burst reaches', () => {
    // A card-support request may carry card numbers and marketing text at once: rule 0 takes it
    // to the vault, so marketing reaches the vault too.
    expect(reachList(input)).toEqual([
      'card-support/card-numbers -> vault (route 0)',
      'card-support/marketing -> vault (route 0)',
      'card-support/marketing -> api (route 4)',
      'card-support/marketing -> api (burst)',
      'statement-qa/statements -> rented (route 1)',
      'statement-qa/statements -> api (burst)',
    ]);
  });

  it('points each reach at where it is declared', () => {
    expect(input.reaches[0]!.path).toEqual(['deployment', 'routing', 0, 'to']);
    expect(input.reaches.find((r) => r.via === 'burst')!.path).toEqual(['deployment', 'burst', 'to']);
    expect(input.reaches[1]!.with).toEqual(['card-numbers']);
    expect(input.reaches[0]!.with).toBeNull();
  });

  it('lists targets per workload with and without burst, and workloads per target', () => {
    expect(input.workloads.map((w) => [w.id, w.targets, w.routedTargets])).toEqual([
      ['card-support', ['api', 'vault'], ['api', 'vault']],
      ['statement-qa', ['api', 'rented'], ['rented']],
    ]);
    expect(input.targets.map((t) => [t.id, t.reachedBy])).toEqual([
      ['vault', ['card-support']],
      ['rented', ['statement-qa']],
      ['api', ['card-support', 'statement-qa']],
    ]);
  });

  it('marks rules whose every pair is taken by earlier rules as shadowed, naming those rules', () => {
    expect(input.routing.map((r) => r.shadowedBy)).toEqual([null, null, [0, 1], null, null, [0, 1, 4]]);
  });

  it('does not mark a rule that matches no declared pair as shadowed', () => {
    expect(input.routing[3]!.when.dataClasses).toEqual(['never-used']);
    expect(input.routing[3]!.shadowedBy).toBeNull();
  });

  it('normalises each rule', () => {
    expect(input.routing[4]).toEqual({
      index: 4,
      when: { dataClasses: ['marketing'], workloads: ['card-support'], default: false },
      to: 'api',
      shadowedBy: null,
      path: ['deployment', 'routing', 4],
    });
    expect(input.routingDeclared).toBe(true);
    expect(input.burst).toEqual({ to: 'api', excludeDataClasses: ['card-numbers'], path: ['deployment', 'burst'] });
  });

  it('uses the default rule for pairs no earlier rule matches', () => {
    const hybrid = build(fixture('hybrid-claims.yaml'));
    expect(reachList(hybrid)).toEqual([
      'claim-summaries/patient-records -> onprem-llama (route 0)',
      'faq-bot/public-docs -> openai-gpt (default 1)',
      'faq-bot/public-docs -> openai-gpt (burst)',
    ]);
    expect(hybrid.routing.map((r) => r.shadowedBy)).toEqual([null, null]);
  });

  it('lists pairs no rule matches as unrouted', () => {
    const partial = build(fixture('routing/unrouted.yaml'));
    // docs alone has no route; carried with records it lands where records go.
    expect(reachList(partial)).toEqual(['summaries/records -> onprem (route 0)', 'summaries/docs -> onprem (route 0)']);
    expect(partial.unrouted).toEqual([{ workload: 'summaries', dataClass: 'docs', path: ['workloads', 0, 'dataClasses', 1] }]);
    expect(partial.targets.map((t) => [t.id, t.reachedBy])).toEqual([
      ['onprem', ['summaries']],
      ['api', []],
    ]);
  });

  it('lets every workload reach every target when no routing is declared', () => {
    const text = fixture('routing/unrouted.yaml').replace(/  routing:[\s\S]*$/, '');
    const open = build(text);
    expect(open.routingDeclared).toBe(false);
    expect(open.routing).toEqual([]);
    expect(open.unrouted).toEqual([]);
    expect(reachList(open)).toEqual([
      'summaries/records -> onprem (unrestricted)',
      'summaries/records -> api (unrestricted)',
      'summaries/docs -> onprem (unrestricted)',
      'summaries/docs -> api (unrestricted)',
    ]);
    expect(open.reaches[1]!.path).toEqual(['deployment', 'targets', 1]);
  });

  it('treats an empty routing list like an absent one, but says it was declared', () => {
    const text = fixture('routing/unrouted.yaml').replace(/  routing:[\s\S]*$/, '  routing: []\n');
    const empty = build(text);
    expect(empty.routingDeclared).toBe(true);
    expect(empty.reaches.every((r) => r.via === 'unrestricted')).toBe(true);
  });

  it('reaches the single target of a cloud-api manifest without routing', () => {
    expect(reachList(build(minimal))).toEqual(['reply-drafts/tickets -> claude (unrestricted)']);
  });
});

describe('timeline and waivers', () => {
  it('counts weeks until launchBy from today, fractions included', () => {
    const input = build(fixture('hybrid-claims.yaml'));
    expect(input.timeline).toEqual({
      launchBy: '2027-03-01',
      weeksToLaunch: null,
      weeksUntilLaunch: 94 / 7,
      path: ['timeline'],
    });
  });

  it('gives negative weeks for a launch date in the past', () => {
    const input = build(minimal.replace('  weeksToLaunch: 3', '  launchBy: 2026-11-13'));
    expect(input.timeline.weeksUntilLaunch).toBe(-2);
  });

  it('takes weeksToLaunch as it is', () => {
    expect(build(minimal).timeline).toMatchObject({ launchBy: null, weeksToLaunch: 3, weeksUntilLaunch: 3 });
  });

  it('has no weeks when there is no timeline', () => {
    expect(build(minimal.replace(/timeline:[\s\S]*$/, '')).timeline.weeksUntilLaunch).toBeNull();
  });

  it('marks waivers that expired before today, and fills missing fields with null', () => {
    const text = `${minimal}waivers:\n  - rule: RW-DATA-004\n    expires: 2026-11-26\n  - rule: RW-DATA-004\n    target: claude\n    reason: ok\n    approvedBy: dpo\n    expires: 2026-11-27\n  - rule: RW-CUST-003\n`;
    expect(build(text).waivers).toEqual([
      { index: 0, rule: 'RW-DATA-004', target: null, reason: null, approvedBy: null, expires: '2026-11-26', expired: true, path: ['waivers', 0] },
      { index: 1, rule: 'RW-DATA-004', target: 'claude', reason: 'ok', approvedBy: 'dpo', expires: '2026-11-27', expired: false, path: ['waivers', 1] },
      { index: 2, rule: 'RW-CUST-003', target: null, reason: null, approvedBy: null, expires: null, expired: false, path: ['waivers', 2] },
    ]);
  });

  it('copies the budget, with null for what is not declared', () => {
    expect(build(`${minimal}budget:\n  monthlyUsd: 900\n`).budget).toEqual({ monthlyUsd: 900, capexUsd: null, path: ['budget'] });
  });
});

describe('the input is plain data', () => {
  it('survives a JSON round trip unchanged', () => {
    const input = build(fixture('hybrid-claims.yaml'));
    expect(JSON.parse(JSON.stringify(input))).toEqual(input);
  });
});
