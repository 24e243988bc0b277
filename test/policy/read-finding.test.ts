// A finding's optional location in another file and its related places, as a policy writes them.
import { describe, expect, it } from 'vitest';
import { readFinding } from '../../src/policy/read-finding.ts';

describe('reading a finding with a location and related places', () => {
  it('keeps a {file, line, column} location and both kinds of related place', () => {
    const read = readFinding(
      {
        id: 'RW-DRIFT-002',
        message: 'm',
        location: { file: 'gw.yaml', line: 3, column: 5, extra: true },
        related: [{ file: 'gw.yaml', line: 1, column: 1, message: 'a' }, { path: ['dataClasses', 0], message: 'b' }],
      },
      'rule x',
    );
    expect(read).toEqual({
      ok: true,
      value: {
        id: 'RW-DRIFT-002',
        message: 'm',
        location: { file: 'gw.yaml', line: 3, column: 5 },
        related: [{ file: 'gw.yaml', line: 1, column: 1, message: 'a' }, { path: ['dataClasses', 0], message: 'b' }],
      },
    });
  });

  it.each([
    [{ location: { file: 'gw.yaml', line: '3', column: 5 } }, '`location` is not {file, line, column}'],
    [{ related: { file: 'gw.yaml' } }, '`related` is not a list'],
    [{ related: [{ message: 'no place' }] }, 'neither {file, line, column, message} nor {path, message}'],
  ])('refuses %j as a policy problem', (extra, says) => {
    const read = readFinding({ id: 'X-1', message: 'm', ...extra }, 'rule x');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]!.message).toContain(says);
  });
});
