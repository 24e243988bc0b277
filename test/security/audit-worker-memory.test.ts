// One manifest that takes all the memory must not end the audit. Workers run under a memory limit;
// a worker that dies is replaced, the manifests it held are judged again each alone, a manifest that
// stops a worker twice is its repository's problem, and every other manifest is judged.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ManifestVerdict } from '../../src/audit/verdict.ts';
import { failedVerdict, type AuditTask } from '../../src/runner/audit-task.ts';
import { startWorkerPool } from '../../src/runner/worker-pool.ts';

const DYING_WORKER = new URL('../fixtures/audit/dying-worker.mjs', import.meta.url);
const DATA = { mark: 'routewise-audit-worker', flags: {}, cwd: '.', today: '2026-01-15', failOn: 'error' as const, waiverHorizonDays: 30 };

function pool(workers: number) {
  return startWorkerPool<AuditTask, ManifestVerdict, typeof DATA>(DYING_WORKER, { workers, data: DATA, memoryLimitMb: 32, failed: (_task, code, message) => failedVerdict(code, message) });
}

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function tasks(names: string[], marker = '/nonexistent'): AuditTask[] {
  return names.map((name) => ({ file: `/org/${name}/routewise.yaml`, shown: `org/${name}/routewise.yaml`, within: marker }));
}

describe('audit workers that die', () => {
  it('judges every other manifest when one exhausts its worker memory, and reports that one', { timeout: 60_000 }, async () => {
    const names = Array.from({ length: 40 }, (_, i) => (i === 17 ? 'hog' : `repo${i}`));
    const result = await pool(2).judge(tasks(names));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.value).toHaveLength(40);
    expect(result.value.every((v) => v !== undefined)).toBe(true);
    const failed = result.value.flatMap((v, i) => (v.status === 'pass' ? [] : [[names[i], v.problems.map((p) => `${p.code}: ${p.message}`)]]));
    expect(failed).toEqual([['hog', ['worker-crashed: org/hog/routewise.yaml: judging it stopped the worker twice (the worker ran out of memory); not judged']]]);
  });

  it('retries the manifests of a worker that died once, and they pass', { timeout: 60_000 }, async () => {
    dir = mkdtempSync(join(tmpdir(), 'rw-flaky-'));
    const marker = join(dir, 'died');
    const result = await pool(1).judge(tasks(['a', 'flaky', 'b', 'c'], marker));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.value.map((v) => v.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
  });

  it('judges manifests submitted during the search, in the order asked for, and drops the unasked', { timeout: 60_000 }, async () => {
    const p = pool(2);
    const all = tasks(Array.from({ length: 100 }, (_, i) => `repo${String(i).padStart(3, '0')}`));
    for (const task of all) p.submit(task);
    // Asked for: every other one, backwards, and one never submitted.
    const asked = [...all.filter((_, i) => i % 2 === 0).reverse(), ...tasks(['late'])];
    const progress: number[] = [];
    const result = await p.judge(asked, (done) => progress.push(done));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.value).toHaveLength(51);
    expect(result.value.every((v) => v.status === 'pass')).toBe(true);
    expect(progress.at(-1)).toBe(51);
  });

  it('judges again, alone, the submitted manifests of a worker that died, and reports the one that killed it', { timeout: 60_000 }, async () => {
    const p = pool(2);
    const names = Array.from({ length: 70 }, (_, i) => (i === 40 ? 'hog' : `repo${i}`));
    for (const task of tasks(names)) p.submit(task);
    const result = await p.judge(tasks(names));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const failed = result.value.flatMap((v, i) => (v.status === 'pass' ? [] : [names[i]]));
    expect(failed).toEqual(['hog']);
  });
});
