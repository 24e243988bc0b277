// Organisation rules that would hang a backtracking engine, or go past routewise's builtin caps,
// run through `routewise check` end to end: the run finishes (the test's own timeout is the bound)
// and a cap is exit 2 with eval_limit_error, never a quiet pass.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/routewise.mjs', import.meta.url));
const MANIFEST = 'examples/startup-cloud-api';
const dirs: string[] = [];

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function checkWithRule(body: string): { code: number; stdout: string } {
  const dir = mkdtempSync(join(tmpdir(), 'routewise-org-'));
  dirs.push(dir);
  const rule = `package org.hostile

# METADATA
# title: Hostile rule
# custom:
#   id: ORG-HOSTILE-001
#   severity: error
deny contains finding if {
	some t in input.targets
	${body}
	finding := {"id": "ORG-HOSTILE-001", "message": "found", "path": t.path, "subject": {"target": t.id}}
}
`;
  writeFileSync(join(dir, 'hostile.rego'), rule);
  const r = spawnSync(process.execPath, [BIN, 'check', '--policy', dir, MANIFEST, '--now', '2026-11-27'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout };
}

describe('hostile organisation rules in check', () => {
  it('finishes a nested-repetition regex over a 31-character name at once (RE2, linear time)', () => {
    const r = checkWithRule('regex.match("^([a-z0-9]+-?)+$", concat("", [t.id, "-", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"]))');
    expect(r.code).toBe(0);
  }, 20_000);

  it('finishes a many-star glob over long text at once', () => {
    const r = checkWithRule('glob.match("*a*a*a*a*a*a*a*a*b", [], concat("", [t.id, replace(sprintf("%0500d", [0]), "0", "a")]))');
    expect(r.code).toBe(0);
  }, 20_000);

  it('ends with exit 2 and eval_limit_error past a builtin cap, instead of passing', () => {
    const r = checkWithRule('some ip in net.cidr_expand("10.0.0.0/8")\n\tip == "10.0.0.1"');
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/eval_limit_error {2}net.cidr_expand: CIDR 10.0.0.0\/8 has more than 1048576 addresses/);
  }, 20_000);
});
