import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, INVALID_MANIFEST, organisation, type Organisation } from '../audit/organisation.ts';
import { runAudit } from './run-audit.ts';

const NOW = ['--now', '2026-11-27'];
const KINDS = ['bank-hybrid', 'startup-cloud-api', 'hospital-on-prem', 'saas-self-hosted', 'violations/data', 'violations/waivers', 'violations/hybrid'] as const;
let org: Organisation;

beforeAll(() => {
  org = organisation();
  for (let i = 0; i < 48; i++) {
    const team = `team-${i % 5}`;
    if (i % 11 === 0) org.repo(`org/${team}-svc-${i}`, INVALID_MANIFEST);
    else if (i % 13 === 0) org.repo(`org/${team}-svc-${i}`);
    else org.repo(`org/${team}-svc-${i}`, example(KINDS[i % KINDS.length]!));
  }
});
afterAll(() => org.cleanup());

describe('routewise audit --shard and audit merge', () => {
  it('merges four shard reports into exactly the one-shot report', () => {
    const oneShot = runAudit(['org', ...NOW, '--expect-manifest', '--format', 'json'], org.dir);
    expect(oneShot.code).toBe(1);
    const shardSizes: number[] = [];
    for (let i = 1; i <= 4; i++) {
      const r = runAudit(['org', ...NOW, '--expect-manifest', '--shard', `${i}/4`, '--format', `json=shard-${i}.json`], org.dir);
      expect([0, 1]).toContain(r.code);
      shardSizes.push((JSON.parse(readFileSync(join(org.dir, `shard-${i}.json`), 'utf8')) as { repositories: unknown[] }).repositories.length);
    }
    // Every shard holds some repositories, and together they hold each once.
    expect(shardSizes.every((n) => n > 0)).toBe(true);
    expect(shardSizes.reduce((a, b) => a + b, 0)).toBe(48);

    const shards = readdirSync(org.dir).filter((f) => f.startsWith('shard-')).sort();
    const merged = runAudit(['merge', ...shards, '--format', 'json'], org.dir);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(oneShot.code);
    expect(JSON.parse(merged.stdout)).toEqual(JSON.parse(oneShot.stdout));
    expect(merged.stdout).toBe(oneShot.stdout);

    const html = runAudit(['merge', ...shards, '--format', 'html'], org.dir);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/);
    const text = runAudit(['merge', ...shards], org.dir);
    expect(text.stdout).toContain('48 repositories');
  });

  it('refuses to merge a shard twice, or a file that is not a report', () => {
    runAudit(['org', ...NOW, '--shard', '1/2', '--format', 'json=half.json'], org.dir);
    const twice = runAudit(['merge', 'half.json', 'half.json'], org.dir);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('is in both half.json and half.json');
    const notJson = runAudit(['merge', 'org/team-1-svc-1/routewise.yaml'], org.dir);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('is not JSON');
  });

  it('refuses a partial set of shards, and shards of different runs, naming what is wrong', () => {
    for (const i of [1, 2, 3]) runAudit(['org', ...NOW, '--shard', `${i}/3`, '--format', `json=part-${i}.json`], org.dir);
    const partial = runAudit(['merge', 'part-1.json', 'part-3.json', '--format', 'json'], org.dir);
    expect(partial.code).toBe(2);
    expect(partial.stdout).toBe('');
    expect(partial.stderr).toMatch(/missing-shards: shard 2\/3 of run [0-9a-f]{16} is missing/);
    // Another day is another run: its shard does not complete this one.
    runAudit(['org', '--now', '2026-12-01', '--shard', '2/3', '--format', 'json=other-2.json'], org.dir);
    const mixed = runAudit(['merge', 'part-1.json', 'other-2.json', 'part-3.json'], org.dir);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('mixed-shard-runs');
    const whole = runAudit(['merge', 'part-1.json', 'part-2.json', 'part-3.json', '--format', 'json'], org.dir);
    expect(whole.code === 0 || whole.code === 1).toBe(true);
    expect(JSON.parse(whole.stdout).shard).toBeUndefined();
  });
});
