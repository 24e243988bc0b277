import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8 } from '../../src/load/decode-text.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('firstInvalidUtf8', () => {
  it('accepts multi-byte characters', () => {
    const text = new TextEncoder().encode('café ☕ 𝄞');
    expect(firstInvalidUtf8(text)).toBe(text.length);
  });

  it.each([
    ['a lone continuation byte', bytes(0x61, 0x80), 1],
    ['a truncated sequence', bytes(0x61, 0xe2, 0x82), 1],
    ['an overlong encoding', bytes(0xc0, 0xaf), 0],
    ['an overlong three-byte form', bytes(0xe0, 0x80, 0xaf), 0],
    ['an encoded surrogate', bytes(0xed, 0xa0, 0x80), 0],
    ['a code point above U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
  ])('finds %s', (_name, input, offset) => {
    expect(firstInvalidUtf8(input)).toBe(offset);
    expect(decodeText('m.yaml', input).ok).toBe(false);
  });
});

describe('decodeText', () => {
  it('counts columns in characters, not bytes', () => {
    const input = new Uint8Array([...new TextEncoder().encode('a: ☕'), 0xff]);
    const result = decodeText('m.yaml', input);
    expect(result.ok ? undefined : result.problems[0]!.position).toEqual({ file: 'm.yaml', line: 1, column: 5 });
  });
});
