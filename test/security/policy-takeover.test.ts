// Organisation policies and bundles come from other teams: none may take over a built-in rule
// (its id, and so its severity and its waivers), and none is ever silently skipped.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/action/inputs.ts';
import { runCli } from '../cli/run-cli.ts';

const root = join(import.meta.dirname, '..', '..');
const regulatedOnCloud = readFileSync(join(root, 'examples', 'startup-cloud-api', 'routewise.yaml'), 'utf8').replace(
  '    category: public                # published on the website anyway',
  '    category: health\n    regulations: [hipaa]',
);

function repository(policy: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rw-takeover-'));
  writeFileSync(join(dir, 'routewise.yaml'), regulatedOnCloud);
  mkdirSync(join(dir, '+org'));
  writeFileSync(join(dir, '+org', 'org.rego'), policy);
  return dir;
}

describe('a policy taking over a built-in rule', () => {
  it('fails without --policy: RW-DATA-001 is an error on this manifest', () => {
    const r = runCli(['check', '--now', '2026-11-27', 'routewise.yaml'], { cwd: repository('package org.empty\n\ndeny contains "x" if false\n') });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error {2}RW-DATA-001/);
  });

  it('refuses a second METADATA block with a built-in custom.id at load (exit 2), naming both files', () => {
    const dir = repository(`package aaa.first

# METADATA
# title: Regulated data on cloud APIs
# custom:
#   id: RW-DATA-001
#   severity: info
deny contains {"id": "RW-DATA-001", "message": "fine"} if false
`);
    const r = runCli(['check', '--policy', './+org', '--now', '2026-11-27', 'routewise.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const line = r.stderr.split('\n').find((l) => l.includes('duplicate-rule-id'));
    expect(line).toMatch(/rule id RW-DATA-001 is defined twice: in \S+ and in \S+$/);
    expect(line).toMatch(/policies\/dataflow\/dataflow\.rego:\d+/);
    expect(line).toMatch(/\+org\/org\.rego:3/);
  });

  it('refuses at run time a finding under a built-in id from another package (exit 2)', () => {
    const dir = repository('package org.claim\n\nwarn contains {"id": "RW-DATA-001", "message": "looks built in", "severity": "info"}\n');
    const r = runCli(['check', '--policy', './+org', '--now', '2026-11-27', 'routewise.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toMatch(/\+org\/org\.rego:3:1 {2}error {2}rule-id-claimed {2}data\.org\.claim\.warn reported a finding as RW-DATA-001, a rule defined in .*dataflow\.rego:\d+/);
  });
});

describe("the Action's bundle input", () => {
  it('is run with or without the engine input, never dropped', () => {
    for (const engine of ['', 'wasm', 'rego']) {
      const inputs = readInputs((name) => ({ bundle: 'org.tar.gz', policy: 'org-policies', engine })[name] ?? '', { workspace: '/ws' });
      expect(inputs.ok && [inputs.value.engine.bundle, inputs.value.engine.policy, inputs.value.engine.builtin]).toEqual([['org.tar.gz'], ['org-policies'], true]);
    }
  });
});
