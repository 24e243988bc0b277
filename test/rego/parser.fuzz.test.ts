import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RegoError } from '../../src/rego/errors.ts';
import { parseModule, parseQuery, parseTerm } from '../../src/rego/parser.ts';

const POLICIES = [
  `package routewise.deny
import rego.v1

# METADATA
# title: Regulated data stays in region
# custom:
#   severity: high
deny contains msg if {
	some route in input.routes
	route.data_class == "regulated"
	not route.target.region in {"eu-west-1", "eu-central-1"}
	msg := sprintf("route %v leaves the region", [route.name])
}

default allow := false

allow if count(deny) == 0

limits[name] := v if {
	some name, v in input.limits
	v > 0
}

f(x, y) := z if z := x * 2 + y % 3 else := -1

every_ok if {
	every t in input.targets { t.enabled == true }
	xs := [x | x := input.items[_].size; x >= 1.5e2]
	ys := {k: v | some k, v in input.map}
	zs := {s | s := \`raw\`}
	input.a.b["c"] != null
	data.lib.check(input) with input.x as {"a": [1, 2, 3]} with time.now_ns as 1
}`,
  `package legacy

import future.keywords.in

p[x] { x := input.xs[_] }
q = 1 { true } else = 2 { false }
r { 1 in [1, 2] }
default s = {"a": set()}
t(x) = y { y := x + 1 }`,
];

const TOKENS = [
  '{', '}', '[', ']', '(', ')', '.', ',', ';', ':', ':=', '=', '==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/',
  '%', '&', '|', 'if', 'else', 'contains', 'in', 'every', 'some', 'not', 'with', 'as', 'default', 'import', 'package',
  'true', 'false', 'null', 'x', '_', '1', '-1', '1e5', '"s"', '"\\u00e9"', '`r`', '\n', ' ', '# c\n', '# METADATA\n# title: [\n',
  '"', '`', '\\', '\u00e9', '@', '1.', '0x1', '"\\ud800"',
];

/** Edits a valid policy: cuts, token insertions, duplications. */
const mutated = fc
  .record({
    base: fc.constantFrom(...POLICIES),
    edits: fc.array(
      fc.record({ at: fc.nat(), len: fc.nat({ max: 12 }), kind: fc.nat({ max: 2 }), token: fc.constantFrom(...TOKENS) }),
      { minLength: 1, maxLength: 6 },
    ),
  })
  .map(({ base, edits }) => {
    let s = base;
    for (const e of edits) {
      const at = e.at % (s.length + 1);
      if (e.kind === 0) s = s.slice(0, at) + s.slice(at + e.len);
      else if (e.kind === 1) s = s.slice(0, at) + e.token + s.slice(at);
      else s = s.slice(0, at) + s.slice(at, at + e.len) + s.slice(at);
    }
    return s;
  });

const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((ts) => ts.join(' '));
const randomText = fc.string({ maxLength: 200 });

/** Passes if parsing succeeds or fails with a located parse error; anything else is a bug. */
function onlyParseErrors(run: () => unknown): void {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(RegoError);
    const err = e as RegoError;
    expect(err.code).toBe('rego_parse_error');
    expect(err.location?.row).toBeGreaterThanOrEqual(1);
    expect(err.location?.col).toBeGreaterThanOrEqual(1);
  }
}

function allEntryPoints(text: string): void {
  onlyParseErrors(() => parseModule('f.rego', text));
  onlyParseErrors(() => parseModule('f.rego', text, { regoVersion: 'v0' }));
  onlyParseErrors(() => parseModule('f.rego', `package p\n${text}`));
  onlyParseErrors(() => parseModule('f.rego', `package p\n${text}`, { regoVersion: 'v0' }));
  onlyParseErrors(() => parseQuery(text));
  onlyParseErrors(() => parseTerm(text));
}

describe('parser robustness', () => {
  it('parses the seed policies, so mutations start from valid input', () => {
    expect(parseModule('a.rego', POLICIES[0]!).rules.length).toBeGreaterThan(5);
    expect(parseModule('b.rego', POLICIES[1]!, { regoVersion: 'v0' }).rules.length).toBe(5);
  });

  it('fails only with rego_parse_error on mutated policies', () => {
    fc.assert(fc.property(mutated, allEntryPoints), { numRuns: 400 });
  });

  it('fails only with rego_parse_error on token soup', () => {
    fc.assert(fc.property(tokenSoup, allEntryPoints), { numRuns: 400 });
  });

  it('fails only with rego_parse_error on arbitrary text', () => {
    fc.assert(fc.property(randomText, allEntryPoints), { numRuns: 300 });
  });

  it('fails with a parse error, not a stack overflow, on deep nesting of any bracket mix', () => {
    const opener = fc.constantFrom('[', '{', '(', 'f(', '[x | ', '{x | ', 'not ', '-', 'x.y[', 'every x in y { ');
    fc.assert(
      fc.property(fc.array(opener, { minLength: 1, maxLength: 8 }), fc.integer({ min: 200, max: 3000 }), (openers, n) => {
        let text = '';
        for (let i = 0; i < n; i++) text += openers[i % openers.length];
        allEntryPoints(text);
      }),
      { numRuns: 30 },
    );
  });
});
