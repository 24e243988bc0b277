// The bundled examples produce exactly the findings examples/README.md promises (as of 2026-11-27).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../../src/check/check-manifest.ts';
import { createRegoEngine } from '../../src/engine/rego-engine.ts';
import { readPolicyFiles } from '../../src/cli/policy-files.ts';

const files = readPolicyFiles(['policies'], { tests: false, data: true, cwd: process.cwd() });
const engine = createRegoEngine({ sources: files.modules, data: files.data });
if (!engine.ok) throw new Error(JSON.stringify(engine.problems));

/** id -> count, with waived findings counted separately as `id (waived)`. */
function idsOf(example: string): Record<string, number> {
  const file = `examples/${example}/routewise.yaml`;
  const report = checkManifest(file, readFileSync(file), { engine: engine.ok ? engine.value : (undefined as never), today: '2026-11-27' });
  expect(report.problems).toEqual([]);
  const counts: Record<string, number> = {};
  for (const f of report.findings) {
    const key = f.waived ? `${f.id} (waived)` : f.id;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('bundled examples', () => {
  it.each(['startup-cloud-api', 'saas-self-hosted', 'hospital-on-prem', 'bank-hybrid'])('%s passes with no findings', (name) => {
    expect(idsOf(name)).toEqual({});
  });

  it.each([
    ['violations/data', { 'RW-DATA-001': 1, 'RW-DATA-003': 1, 'RW-DATA-004': 1, 'RW-DATA-005': 2 }],
    ['violations/residency', { 'RW-DATA-002': 2 }],
    ['violations/hybrid', { 'RW-HYB-002': 1, 'RW-HYB-003': 1, 'RW-HYB-004': 1, 'RW-DATA-001': 1 }],
    ['violations/onprem', { 'RW-ONPREM-001': 1, 'RW-ONPREM-002': 2, 'RW-COST-003': 1 }],
    ['violations/selfhosted', { 'RW-SELF-001': 1, 'RW-COST-002': 1 }],
    ['violations/customization', { 'RW-CUST-001': 2, 'RW-CUST-002': 1 }],
    ['violations/volume', { 'RW-VOL-002': 1, 'RW-COST-002': 1 }],
    ['violations/cost', { 'RW-COST-001': 1, 'RW-COST-003': 1, 'RW-COST-004': 1, 'RW-CAP-001': 1, 'RW-CAP-002': 1 }],
    ['violations/team', { 'RW-TEAM-001': 1 }],
    ['violations/timeline', { 'RW-TIME-001': 1 }],
    ['violations/waivers', { 'RW-WAIVE-001': 3, 'RW-DATA-004': 1, 'RW-DATA-004 (waived)': 1 }],
  ] as const)('%s produces exactly its documented findings', (name, expected) => {
    expect(idsOf(name)).toEqual(expected);
  });
});
