import { describe, expect, it } from 'vitest';
import { printable, printableLines, safeOutput } from '../../src/report/printable.ts';

describe('printable text from files', () => {
  it('shows control characters, line breaks and bidirectional overrides as escapes', () => {
    expect(printable('a\u001b[2Jb\r\nc\td\u0007\u0085\u2028\u202e')).toBe('a\\x1b[2Jb\\r\\nc\\td\\x07\\x85\\u2028\\u202e');
  });

  it('never lets a value begin a runner command or carry one anywhere', () => {
    expect(printable('::add-mask::x')).toBe('\\x3a:add-mask::x');
    expect(printable('  ::stop-commands::t')).toBe('  \\x3a:stop-commands::t');
    expect(printable('ok ##[error]x ##vso[task.x]')).toBe('ok \\x23#[error]x \\x23#vso[task.x]');
    expect(printable('a::b: c')).toBe('a::b: c');
  });

  it('keeps the lines of a multi-line message, each escaped and indented', () => {
    expect(printableLines('one\n::add-mask::two\r\nthree\rfour', '  ')).toBe('one\n  \\x3a:add-mask::two\n  three\\rfour');
  });

  it('keeps colour of its own in a whole output but defuses any line a runner would read', () => {
    const out = safeOutput('\u001b[31mred\u001b[39m\n   ::error::x\nfine ##[group]y\n\u001b]0;title\u0007');
    expect(out).toBe('\u001b[31mred\u001b[39m\n   \\x3a:error::x\nfine \\x23#[group]y\n\\x1b]0;title\\x07');
  });
});
