// `routewise audit --format name=path` writes its report files as `check` does: a missing folder
// is created, and a path that cannot be written is a one-line usage error (exit 2).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runAudit } from './run-audit.ts';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

describe('routewise audit report files', () => {
  it('creates the folders of a report path that does not exist yet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-audit-reports-'));
    const json = join(dir, 'missing', 'dir', 'x.json');
    const r = runAudit([EXAMPLES, '--now', '2026-11-27', '--jobs', '0', '--format', `json=${json}`], dir);
    expect(r.stderr).not.toMatch(/ENOENT|internal error/);
    expect(JSON.parse(readFileSync(json, 'utf8')).totals.repositories).toBeGreaterThan(0);
  });

  it('reports a path under a file as a usage error naming the path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-audit-reports-'));
    writeFileSync(join(dir, 'a-file'), 'x');
    const r = runAudit([EXAMPLES, '--now', '2026-11-27', '--jobs', '0', '--format', `json=${join(dir, 'a-file', 'x.json')}`], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^routewise: cannot write the report .*a-file\/x\.json \(part of the path is a file, not a folder\)/m);
  });
});
