// Coverage as OPA's cover package computes it (open-policy-agent/opa cover/cover.go): hits are the
// rows of evaluated expressions and of the heads of rules that produced a value; rules and
// expressions on rows never hit are not covered; percentages round to a twentieth.
import { describe, expect, it } from 'vitest';
import { CoverageTracker, compile, coverageJson, coverageReport, runTests, thresholdMessage } from '../../src/rego/index.ts';

const LIB = `package lib

allow if {
  input.user == "admin"
}

deny contains "nobody" if {
  not input.user
}

size(xs) := n if {
  n := count(xs)
}
`;

const TESTS = `package lib_test

import data.lib

test_admin if lib.allow with input as {"user": "admin"}
`;

function report() {
  const c = compile([
    { file: 'lib.rego', text: LIB },
    { file: 'lib_test.rego', text: TESTS },
  ]);
  if (!c.ok) throw new Error(c.errors[0]!.message);
  const tracker = new CoverageTracker();
  const results = runTests(c.policy, { cover: tracker });
  expect(results.map((r) => r.status)).toEqual(['pass']);
  return coverageReport(c.policy.modules, tracker);
}

describe('test coverage', () => {
  it('covers the rows a test reached and lists the rest as not covered', () => {
    const lib = report().files.get('lib.rego')!;
    expect(lib.covered).toEqual([{ start: { row: 3 }, end: { row: 4 } }]);
    expect(lib.notCovered).toEqual([
      { start: { row: 7 }, end: { row: 8 } },
      { start: { row: 11 }, end: { row: 12 } },
    ]);
    expect([lib.coveredLines, lib.notCoveredLines, lib.coverage]).toEqual([2, 4, 33.35]);
  });

  it("totals every file and prints OPA's JSON document", () => {
    const r = report();
    expect([r.coveredLines, r.notCoveredLines]).toEqual([3, 4]);
    const json = JSON.parse(coverageJson(r));
    expect(Object.keys(json)).toEqual(['files', 'covered_lines', 'not_covered_lines', 'coverage']);
    expect(json.files['lib_test.rego']).toEqual({ covered: [{ start: { row: 5 }, end: { row: 5 } }], covered_lines: 1, coverage: 100 });
    expect(json.coverage).toBe(42.85);
  });

  it('words a missed threshold as OPA does', () => {
    expect(thresholdMessage(42.85, 80)).toBe('Code coverage threshold not met: got 42.85 instead of 80.00');
  });
});
