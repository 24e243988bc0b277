import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress-bar.ts';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (s: string) => written.push(s) > 0 } as unknown as NodeJS.WriteStream };
}

describe('the audit progress bar', () => {
  it('draws on a terminal, finishes at the total and erases itself', () => {
    const tty = stream(true);
    const bar = progressBar(tty.stream, 10, 'manifests', true);
    bar.update(1);
    bar.update(2); // within the redraw interval: skipped
    bar.update(10);
    bar.done();
    expect(tty.written.length).toBe(3);
    expect(tty.written[0]).toMatch(/^\r\[#{3}-{27}\] 1\/10 manifests \d+\.\ds$/);
    expect(tty.written[1]).toMatch(/^\r\[#{30}\] 10\/10 manifests/);
    expect(tty.written[2]).toBe('\r\u001b[K');
  });

  it('writes nothing when stderr is not a terminal, or when asked to be quiet', () => {
    for (const [isTTY, enabled] of [[false, true], [true, false]] as const) {
      const s = stream(isTTY);
      const bar = progressBar(s.stream, 10, 'manifests', enabled);
      bar.update(5);
      bar.update(10);
      bar.done();
      expect(s.written).toEqual([]);
    }
  });
});
