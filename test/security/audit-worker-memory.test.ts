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
});
