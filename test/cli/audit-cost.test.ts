// `routewise audit` end to end: each manifest's monthly cost is the one `routewise cost` gives,
// repositories add up their manifests, the organisation adds up its repositories, and shards
// merge into the same figures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, INVALID_MANIFEST, organisation, type Organisation } from '../audit/organisation.ts';
import type { CostFigures } from '../../src/audit/audit-report.ts';
import { runAudit } from './run-audit.ts';
import { runCli } from './run-cli.ts';

const NOW = ['--now', '2026-11-27'];
let org: Organisation;

interface Report {
  repositories: { path: string; manifest: string | null; cost: (Omit<CostFigures, 'manifests' | 'unpricedManifests'> & { unpriced: string[] }) | null }[];
  totals: { cost: CostFigures & { byRepository: Record<string, CostFigures> } };
}

beforeAll(() => {
  org = organisation();
  org.repo('bank', example('bank-hybrid'));
  org.repo('docs', example('startup-cloud-api'));
  org.repo('mono');
  org.write('mono/chat/routewise.yaml', example('startup-cloud-api'));
  org.write('mono/gpu/routewise.yaml', example('saas-self-hosted'));
  org.repo('hospital', example('hospital-on-prem'));
  org.repo('broken', INVALID_MANIFEST);
  org.repo('empty');
});
afterAll(() => org.cleanup());

const KEYS = ['apiMonthlyUsd', 'selfHostedMonthlyUsd', 'staffMonthlyUsd', 'monthlyUsd'] as const;

describe('routewise audit cost totals', () => {
  let report: Report;
  beforeAll(() => {
    // Two worker threads, so the figures also cross from the workers to the main thread.
    const run = runAudit(['.', ...NOW, '--jobs', '2', '--format', 'json'], org.dir);
    expect(run.stderr).toBe('');
    report = JSON.parse(run.stdout) as Report;
  });

  it('gives each judged manifest the totals routewise cost prints for it, and none to the rest', () => {
    const costed = report.repositories.filter((e) => e.cost !== null);
    expect(costed.map((e) => `${e.path}/${e.manifest}`)).toEqual(['bank/routewise.yaml', 'docs/routewise.yaml', 'hospital/routewise.yaml', 'mono/chat/routewise.yaml', 'mono/gpu/routewise.yaml']);
    expect(report.repositories.filter((e) => e.cost === null).map((e) => e.path)).toEqual(['broken', 'empty']);
    const files = costed.map((e) => `${e.path}/${e.manifest}`);
    const cost = runCli(['cost', ...files, ...NOW, '--format', 'json'], { cwd: org.dir });
    expect(cost.code).toBe(0);
    const byFile = new Map((JSON.parse(cost.stdout) as { manifests: { file: string; totals: Record<string, number> }[] }).manifests.map((m) => [m.file, m.totals]));
    for (const e of costed) {
      const totals = byFile.get(`${e.path}/${e.manifest}`)!;
      for (const key of KEYS) expect(e.cost![key]).toBe(totals[key]);
    }
  });

  it('adds up each repository from its manifests, and the organisation from its repositories', () => {
    const { byRepository, ...organisationFigures } = report.totals.cost;
    expect(Object.keys(byRepository)).toEqual(['bank', 'docs', 'hospital', 'mono']);
    for (const [path, figures] of Object.entries(byRepository)) {
      const entries = report.repositories.filter((e) => e.path === path && e.cost !== null);
      expect(figures.manifests).toBe(entries.length);
      for (const key of KEYS) expect(figures[key]).toBeCloseTo(entries.reduce((sum, e) => sum + e.cost![key], 0), 6);
    }
    expect(organisationFigures.manifests).toBe(5);
    for (const key of KEYS) expect(organisationFigures[key]).toBeCloseTo(Object.values(byRepository).reduce((sum, f) => sum + f[key], 0), 6);
    // The parts make the whole.
    expect(organisationFigures.monthlyUsd).toBeCloseTo(organisationFigures.apiMonthlyUsd + organisationFigures.selfHostedMonthlyUsd + organisationFigures.staffMonthlyUsd, 6);
    expect(organisationFigures.apiMonthlyUsd).toBeGreaterThan(0);
    expect(organisationFigures.selfHostedMonthlyUsd).toBeGreaterThan(0);
  });

  it('merges shards into exactly the one-shot figures', () => {
    for (const i of [1, 2, 3]) {
      const r = runAudit(['.', ...NOW, '--shard', `${i}/3`, '--format', `json=shard-${i}.json`], org.dir);
      expect(r.stderr).toBe('');
    }
    const merged = runAudit(['merge', 'shard-3.json', 'shard-1.json', 'shard-2.json', '--format', 'json'], org.dir);
    expect(merged.stderr).toBe('');
    expect((JSON.parse(merged.stdout) as Report).totals.cost).toEqual(report.totals.cost);
    // Each shard on its own holds only its repositories' figures.
    const shards = [1, 2, 3].map((i) => JSON.parse(readFileSync(join(org.dir, `shard-${i}.json`), 'utf8')) as Report);
    expect(shards.reduce((n, s) => n + s.totals.cost.manifests, 0)).toBe(5);
  });
});
