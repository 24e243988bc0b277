// The README's worked custom rule (examples/custom-policies/acme) runs next to the built-in set,
// and its own Rego tests pass.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judgeManifest } from '../../src/judge/judge-manifest.ts';
import { createRegoEngine } from '../../src/policy/rego-engine.ts';
import { readPolicyFiles } from '../../src/policy/policy-files.ts';
import { compile } from '../../src/rego/index.ts';
import { runTests } from '../../src/rego/testing.ts';

const CUSTOM = 'examples/custom-policies/acme';

describe('custom policies', () => {
  it('reports ACME-001 for a cloud API provider that is not approved, at the provider value', () => {
    const files = readPolicyFiles(['policies', CUSTOM], { tests: false, data: true, cwd: process.cwd() });
    const engine = createRegoEngine({ sources: files.modules, data: files.data });
    if (!engine.ok) throw new Error(JSON.stringify(engine.problems));
    expect(engine.value.rules().map((r) => r.id)).toContain('ACME-001');
    const file = 'examples/startup-cloud-api/routewise.yaml';
    const report = judgeManifest(file, readFileSync(file), { engine: engine.value, today: '2026-11-27' });
    const acme = report.findings.filter((f) => f.id === 'ACME-001');
    expect(acme).toHaveLength(1);
    expect(acme[0]!.severity).toBe('error');
    expect(acme[0]!.message).toContain('openai-mini uses provider openai');
    expect(acme[0]!.remediation).toMatch(/approved provider/);
    expect(acme[0]!.position).toEqual({ file, line: 38, column: 17 });
  });

  it('passes its own Rego unit tests', () => {
    const files = readPolicyFiles([CUSTOM], { tests: true, data: true, cwd: process.cwd() });
    const compiled = compile(files.modules);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    const results = runTests(compiled.policy, { data: files.data });
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['test_unapproved_provider_is_denied', 'pass'],
      ['test_approved_provider_passes', 'pass'],
      ['test_self_hosted_targets_are_not_judged', 'pass'],
    ]);
  });

  it('passes the built-in rule library tests', () => {
    const files = readPolicyFiles(['policies'], { tests: true, data: true, cwd: process.cwd() });
    const compiled = compile(files.modules);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    const results = runTests(compiled.policy, { data: files.data });
    expect(results.length).toBeGreaterThan(40);
    expect(results.filter((r) => r.status !== 'pass').map((r) => `${r.package}.${r.name}: ${r.message ?? r.status}`)).toEqual([]);
  });
});
