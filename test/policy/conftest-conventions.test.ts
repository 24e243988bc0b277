// Policies written for conftest run as they are: its rule names and message forms are findings,
// a rule without METADATA is named after its package and rule, and nothing is silently ignored.
import { describe, expect, it } from 'vitest';
import { createRegoEngine } from '../../src/policy/rego-engine.ts';
import { readPolicyFiles } from '../../src/policy/policy-files.ts';

const builtin = readPolicyFiles(['policies'], { tests: false, data: true, cwd: process.cwd() });

function engineOf(text: string, options: { withBuiltin?: boolean; file?: string } = {}) {
  const sources = [...(options.withBuiltin ? builtin.modules : []), { file: options.file ?? 'org/conftest.rego', text }];
  return createRegoEngine({ sources, data: builtin.data });
}

function findingsOf(text: string, input: unknown = {}) {
  const engine = engineOf(text);
  if (!engine.ok) throw new Error(JSON.stringify(engine.problems));
  const out = engine.value.evaluate(input);
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  return out.value.findings.map((f) => [f.ruleSet, f.id, f.message]).sort();
}

describe("conftest's rule names and message forms", () => {
  it('reads deny, violation, deny_*, violation_* as errors and warn, warn_* as warnings, messages as strings or msg objects', () => {
    const policy = `package org.style
deny contains "plain deny"
violation contains {"msg": "a violation object"}
deny_latest contains msg if { msg := "deny with a suffix" }
violation_owner contains "violation with a suffix"
warn contains {"msg": "a warning", "details": {"why": "kept out"}}
warn_cost contains "warn with a suffix"
info contains "a note"
denied_helper := "not a finding rule"
`;
    expect(findingsOf(policy)).toEqual([
      ['deny', 'org.style.deny', 'plain deny'],
      ['deny', 'org.style.deny_latest', 'deny with a suffix'],
      ['deny', 'org.style.violation', 'a violation object'],
      ['deny', 'org.style.violation_owner', 'violation with a suffix'],
      ['info', 'org.style.info', 'a note'],
      ['warn', 'org.style.warn', 'a warning'],
      ['warn', 'org.style.warn_cost', 'warn with a suffix'],
    ]);
  });

  it("keeps a finding's own id, and gives a METADATA rule's findings without one its custom.id", () => {
    const policy = `package org.ids
deny contains {"id": "ORG-7", "msg": "with its own id"}

# METADATA
# title: Named by metadata
# custom:
#   id: ORG-8
warn_named contains "named by metadata"
`;
    expect(findingsOf(policy)).toEqual([
      ['deny', 'ORG-7', 'with its own id'],
      ['warn', 'ORG-8', 'named by metadata'],
    ]);
  });

  it('lists rules without METADATA in the catalogue by <package>.<rule name>', () => {
    const engine = engineOf('package org.cat\nviolation_x contains "v"\nwarn contains "w"\n');
    if (!engine.ok) throw new Error(JSON.stringify(engine.problems));
    expect(engine.value.rules().map((r) => [r.id, r.severity])).toEqual([
      ['org.cat.violation_x', 'error'],
      ['org.cat.warn', 'warning'],
    ]);
  });

  it('refuses at run time a finding that claims the id of a built-in rule', () => {
    const engine = engineOf('package org.sneaky\ndeny contains {"id": "RW-DATA-001", "msg": "not mine", "severity": "info"}\n', { withBuiltin: true });
    if (!engine.ok) throw new Error(JSON.stringify(engine.problems));
    const out = engine.value.evaluate({});
    expect(out.ok).toBe(false);
    if (out.ok) return;
    const claimed = out.problems.filter((p) => p.code === 'rule-id-claimed');
    expect(claimed).toHaveLength(1);
    expect(claimed[0]!.message).toMatch(/^data\.org\.sneaky\.deny reported a finding as RW-DATA-001, a rule defined in policies\/dataflow\/dataflow\.rego:\d+$/);
    expect(claimed[0]!.position?.file).toBe('org/conftest.rego');
  });

  it('makes policies without any finding rule an error, never a pass', () => {
    const engine = engineOf('package org.helpers\nallowed := {"a", "b"}\n');
    expect(engine.ok).toBe(false);
    if (!engine.ok) expect(engine.problems.map((p) => p.code)).toEqual(['no-policies']);
  });
});

describe('rule ids across policy sets', () => {
  it('refuses a custom.id defined in two files at load, naming both files', () => {
    const takeover = `package org.takeover

# METADATA
# title: Looks like the built-in rule
# custom:
#   id: RW-DATA-001
#   severity: info
deny contains {"id": "RW-DATA-001", "msg": "harmless"}
`;
    const engine = engineOf(takeover, { withBuiltin: true, file: 'org/takeover.rego' });
    expect(engine.ok).toBe(false);
    if (engine.ok) return;
    expect(engine.problems).toHaveLength(1);
    expect(engine.problems[0]!.code).toBe('duplicate-rule-id');
    expect(engine.problems[0]!.message).toMatch(/^rule id RW-DATA-001 is defined twice: in policies\/dataflow\/dataflow\.rego:\d+ and in org\/takeover\.rego:3$/);
  });
});
