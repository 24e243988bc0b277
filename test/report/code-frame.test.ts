import { describe, expect, it } from 'vitest';
import { codeFrame } from '../../src/report/code-frame.ts';

const source = ['apiVersion: routewise/v1', 'kind: LLMDeployment', 'metadata:', '  name: demo', '  owner: team', 'team:', '  mlopsEngineers: 0', ''].join('\n');

describe('codeFrame', () => {
  it('shows two lines either side with numbers and a caret at the column', () => {
    expect(codeFrame(source, 4, 9, { color: false })).toBe(
      ['  2 | kind: LLMDeployment', '  3 | metadata:', '> 4 |   name: demo', '    |         ^', '  5 |   owner: team', '  6 | team:'].join('\n'),
    );
  });

  it('clips the context at the start of the file and widens the gutter for longer numbers', () => {
    expect(codeFrame(source, 1, 1, { color: false }).split('\n')).toEqual([
      '> 1 | apiVersion: routewise/v1',
      '    | ^',
      '  2 | kind: LLMDeployment',
      '  3 | metadata:',
    ]);
    const long = Array.from({ length: 12 }, (_, i) => `line${i + 1}: x`).join('\n');
    expect(codeFrame(long, 10, 3, { color: false }).split('\n')).toEqual([
      '   8 | line8: x',
      '   9 | line9: x',
      '> 10 | line10: x',
      '     |   ^',
      '  11 | line11: x',
      '  12 | line12: x',
    ]);
  });

  it('keeps tabs in front of the caret so it lines up', () => {
    expect(codeFrame('a:\n\tb: 1', 2, 5, { color: false, context: 0 })).toBe('> 2 | \tb: 1\n    | \t   ^');
  });

  it('handles CRLF files and clamps a column past the end of the line', () => {
    expect(codeFrame('a: 1\r\nbb: 2\r\n', 2, 99, { color: false, context: 0 })).toBe('> 2 | bb: 2\n    |      ^');
  });

  it('is empty for a line outside the source', () => {
    expect(codeFrame(source, 0, 1, { color: false })).toBe('');
    expect(codeFrame(source, 40, 1, { color: false })).toBe('');
  });

  it('indents every line and colours only on request', () => {
    const frame = codeFrame(source, 7, 3, { color: true, context: 0, indent: '    ' });
    expect(frame.split('\n').every((line) => line.startsWith('    '))).toBe(true);
    expect(frame).toContain('\u001b[31m');
    expect(frame.replace(/\u001b\[\d+m/g, '')).toBe(codeFrame(source, 7, 3, { color: false, context: 0, indent: '    ' }));
  });
});
