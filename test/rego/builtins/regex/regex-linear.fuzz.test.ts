// Every Go pattern runs in time linear in its input (as on OPA, whose regexp is RE2): patterns
// built to make a backtracking engine explode are matched against inputs of growing length, and
// the matcher's reads of the input must grow with the length, not faster. Work is counted, not
// timed, so a busy machine cannot make the test pass or fail.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGoRegexp, GoRegexpError } from '../../../../src/rego/builtins/regex/go-regexp.ts';

/** How many bytes of the input the matcher reads while searching it once. */
function reads(pattern: string, input: string): number {
  const bytes = Array.from(new TextEncoder().encode(input));
  let n = 0;
  const counted = new Proxy(bytes, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) n++;
      return Reflect.get(target, key, receiver);
    },
  });
  compileGoRegexp(pattern).re.matcher(counted).find(0);
  return n;
}

const atom = fc.constantFrom('a', 'b', '-', '.', '[a-z]', '\\w', '[a-z0-9]', 'a?', '(?:a|ab)', '(a|a)');
const quant = fc.constantFrom('', '*', '+', '?', '{1,5}', '*?', '+?');

/** Nested repetitions and alternations of overlapping atoms: the classic catastrophic shapes. */
const pattern: fc.Arbitrary<string> = fc.letrec<{ p: string }>((tie) => ({
  p: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(atom, quant).map(([a, q]) => a + q),
    fc.tuple(fc.array(tie('p'), { minLength: 1, maxLength: 3 }), quant).map(([xs, q]) => `(${xs.join('')})${q || '+'}`),
    fc.tuple(tie('p'), tie('p')).map(([x, y]) => `(?:${x}|${y})+`),
  ),
})).p.map((p) => `^${p}$`);

/** Input that almost matches: a run of what the pattern repeats, then a character it refuses. */
const adversarial = fc.tuple(fc.constantFrom('a', 'ab', 'a-', 'aab', 'b'), fc.constantFrom('!', '\n', 'é', ''));

describe('regex matching time', () => {
  it('grows linearly with the input for every pattern', () => {
    fc.assert(
      fc.property(pattern, adversarial, (p, [unit, end]) => {
        try {
          compileGoRegexp(p);
        } catch (e) {
          if (e instanceof GoRegexpError) return;
          throw e;
        }
        const small = unit.repeat(512) + end;
        const large = unit.repeat(4096) + end;
        const readsLarge = reads(p, large);
        // Eight times the input: linear work reads about eight times as much (up to three times
        // that where the matcher changes strategy with size); quadratic work would read 64 times.
        expect(readsLarge).toBeLessThanOrEqual(24 * reads(p, small) + 64);
        // And never more than a bounded number of reads per byte, set by the pattern's size.
        const perByte = readsLarge / new TextEncoder().encode(large).length;
        expect(perByte).toBeLessThanOrEqual(compileGoRegexp(p).re.programSize() + 2);
      }),
      { numRuns: 80 },
    );
  }, 60_000);

  it('matches the shapes that hang backtracking engines in work proportional to the input', () => {
    for (const p of ['^(a+)+$', '^(a|a)*$', '^([a-z0-9]+-?)+$', '^(a*)*b$', '^(?:a|ab)*c$', '^(\\w+\\s?)+$']) {
      const at = (n: number) => reads(p, 'a'.repeat(n) + '!');
      expect(at(4096)).toBeLessThanOrEqual(10 * at(512));
    }
  });
});
