import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/policy/engine.ts';
import { auditManifest, type AuditSettings } from '../../src/audit/verdict.ts';
import { loadEngine } from '../../src/policy/load-engine.ts';
import { example, INVALID_MANIFEST } from './organisation.ts';
import { resolve } from 'node:path';
import { observeSources } from '../../src/sources/read-sources.ts';

let engine: Engine;
beforeAll(async () => {
  const loaded = await loadEngine({}, process.cwd());
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  engine = loaded.value;
});

const settings = (over: Partial<AuditSettings> = {}): AuditSettings => ({ engine, today: '2026-11-27', failOn: 'error', waiverHorizonDays: 30, ...over });
const bytes = (text: string) => new TextEncoder().encode(text);

describe('judging one manifest for an audit', () => {
  it('passes a sound deployment and records where each data category goes', () => {
    const verdict = auditManifest('bank/routewise.yaml', bytes(example('bank-hybrid')), settings());
    expect(verdict.status).toBe('pass');
    expect(verdict.strategy).toBe('hybrid');
    expect(verdict.counts.errors).toBe(0);
    expect(verdict.dataFlows).toContainEqual({ category: 'financial', targetType: 'on-premises' });
    expect(verdict.dataFlows.some((f) => f.category === 'financial' && f.targetType === 'cloud-api')).toBe(false);
  });

  it('fails at the threshold with the findings of check, located in the file', () => {
    const verdict = auditManifest('x/routewise.yaml', bytes(example('violations/data')), settings());
    expect(verdict.status).toBe('fail');
    const errors = verdict.findings.filter((f) => f.severity === 'error' && !f.waived);
    expect(errors.length).toBe(verdict.counts.errors);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((f) => typeof f.line === 'number' && f.line > 0)).toBe(true);
    expect(auditManifest('x/routewise.yaml', bytes(example('violations/data')), settings({ failOn: 'never' })).status).toBe('pass');
  });

  it('places a gateway finding at its gateway line, naming that file, and a manifest finding in the manifest', () => {
    const file = 'examples/violations/gateway/routewise.yaml';
    const observe: AuditSettings['observe'] = (manifest, doc) => observeSources(manifest, doc, resolve(file), []);
    const verdict = auditManifest(file, readFileSync(file), settings({ observe }));
    const byRule = new Map(verdict.findings.map((f) => [f.rule, f]));
    expect(byRule.get('RW-DRIFT-002')).toMatchObject({ file: 'examples/violations/gateway/deploy/litellm/config.yaml', line: 13, column: 24 });
    expect(byRule.get('RW-COST-002')!.file).toBeUndefined();
    expect(byRule.get('RW-COST-002')!.line).toBeGreaterThan(1);
  });

  it('keeps the monthly cost of the manifest, and none for one that is not valid', () => {
    const verdict = auditManifest('x/routewise.yaml', bytes(readFileSync('test/cost/fixtures/worked-example.yaml', 'utf8')), settings());
    // spec/cost.md: $7,000 of API, 8 x $2.99 x 730 = $17,461.60 of GPUs, 2 x $200,000 / 12 of staff.
    expect(verdict.cost).toMatchObject({ apiMonthlyUsd: 7000, unpriced: [] });
    expect(verdict.cost!.selfHostedMonthlyUsd).toBeCloseTo(17461.6, 6);
    expect(verdict.cost!.monthlyUsd).toBeCloseTo(57794.93, 2);
    expect(auditManifest('x/routewise.yaml', bytes(INVALID_MANIFEST), settings()).cost).toBeNull();
  });

  it('marks a manifest that is not valid as invalid, with its problems', () => {
    const verdict = auditManifest('x/routewise.yaml', bytes(INVALID_MANIFEST), settings());
    expect(verdict.status).toBe('invalid');
    expect(verdict.strategy).toBeNull();
    expect(verdict.problems.length).toBe(verdict.counts.problems);
    expect(verdict.problems[0]!.code).toMatch(/^schema-/);
  });

  it('sorts waivers into expired, expiring within the horizon, active and incomplete', () => {
    const text = example('violations/waivers');
    const states = (today: string, horizon: number) =>
      auditManifest('w/routewise.yaml', bytes(text), settings({ today, waiverHorizonDays: horizon })).waivers.map((w) => [w.expires, w.state, w.daysLeft]);
    expect(states('2026-11-27', 30)).toEqual([
      ['2026-10-31', 'expired', -27],
      ['2027-03-31', 'active', 124],
      ['2027-06-30', 'active', 215],
      ['2027-06-30', 'incomplete', 215],
    ]);
    expect(states('2027-03-01', 30)[1]).toEqual(['2027-03-31', 'expiring', 30]);
  });

  it('turns a policy evaluation error into a problem of that manifest', () => {
    const broken: Engine = { name: 'broken', rules: () => engine.rules(), evaluate: () => ({ ok: false, problems: [{ code: 'eval_internal_error', message: 'boom' }] }) };
    const verdict = auditManifest('x/routewise.yaml', bytes(example('bank-hybrid')), settings({ engine: broken }));
    expect(verdict.status).toBe('invalid');
    expect(verdict.problems).toEqual([{ code: 'eval_internal_error', message: 'boom', line: null, column: null }]);
  });
});
