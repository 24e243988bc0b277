import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/load/load-document.ts';
import { MAX_NESTING_DEPTH, tooDeepAt } from '../../src/load/nesting-depth.ts';

describe('tooDeepAt', () => {
  it('finds the bracket that opens one level too many', () => {
    const text = `a: ${'['.repeat(MAX_NESTING_DEPTH + 5)}`;
    // `a:` is one block level, so the bracket at index MAX_NESTING_DEPTH - 1 is one too many.
    expect(tooDeepAt(text)).toBe(3 + MAX_NESTING_DEPTH - 1);
  });

  it('counts compact list items and indentation as levels', () => {
    expect(tooDeepAt(`a:\n${'- '.repeat(MAX_NESTING_DEPTH + 1)}x\n`)).toBeGreaterThan(0);
    const stairs = Array.from({ length: MAX_NESTING_DEPTH + 1 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(tooDeepAt(stairs)).toBe(stairs.lastIndexOf('k:'));
  });

  it('lets closed brackets, comments and ordinary manifests pass', () => {
    expect(tooDeepAt(`a: ${'[]'.repeat(1000)}\n`)).toBeUndefined();
    expect(tooDeepAt(`a: 1 # ${'['.repeat(1000)}\n`)).toBeUndefined();
    expect(tooDeepAt('metadata:\n  name: x\nlist:\n  - id: a\n    when: { dataClasses: [x, y] }\n')).toBeUndefined();
  });
});

describe('deeply nested files', () => {
  it.each([
    ['flow brackets', `a: ${'['.repeat(100_000)}`],
    ['compact list items', `a:\n${'- '.repeat(100_000)}x\n`],
    ['indentation', Array.from({ length: 1400 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')],
  ])('are refused as too deep, however many are read in one process (%s)', (_name, text) => {
    // The parser's recursion used to end the whole process after a few such files.
    for (let i = 0; i < 8; i++) {
      const result = loadDocument('m.yaml', new TextEncoder().encode(text));
      expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['yaml-too-deep']);
    }
  });
});
