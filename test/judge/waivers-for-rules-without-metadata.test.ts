// A waiver for an organisation rule without METADATA applies, and the waiver rule knows the rule:
// its id comes from its findings (`id`) or from its name (`<package>.<rule name>`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judgeManifest } from '../../src/judge/judge-manifest.ts';
import { loadEngine } from '../../src/policy/load-engine.ts';

const FIXTURE = 'test/fixtures/conftest-org';

describe('waivers for rules without METADATA', () => {
  it('applies both waivers and reports neither as naming an unknown rule', async () => {
    const engine = await loadEngine({ policy: [`${FIXTURE}/policy`] }, process.cwd());
    if (!engine.ok) throw new Error(JSON.stringify(engine.problems));
    const file = `${FIXTURE}/routewise.yaml`;
    const judged = judgeManifest(file, readFileSync(file), { engine: engine.value, today: '2026-11-27' });
    expect(judged.problems).toEqual([]);
    const org = judged.findings.filter((f) => f.id === 'ORG-NAME-1' || f.id === 'org.naming.warn_owner');
    expect(org.map((f) => [f.id, f.severity, f.waived?.approvedBy])).toEqual([
      ['ORG-NAME-1', 'error', 'platform-team'],
      ['org.naming.warn_owner', 'warning', 'platform-team'],
    ]);
    expect(judged.findings.filter((f) => f.id === 'RW-WAIVE-001').map((f) => f.message)).toEqual([]);
    expect(judged.rulesEvaluated).toEqual(expect.arrayContaining(['ORG-NAME-1', 'org.naming.warn_owner', 'RW-WAIVE-001']));
  });
});
