// Bad usage reads like every other routewise error: `routewise: ...` on one line (with the close
// match for a typo), a hint naming the help to read, exit 2; help lists no `(default: [])` noise.
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('usage errors', () => {
  it('a mistyped flag names the close match and the command help', () => {
    const r = runCli(['check', '--fial-on', 'warning']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("routewise: unknown option '--fial-on' (did you mean --fail-on?)\n  hint: see `routewise check --help`\n");
  });

  it('a mistyped command names the close match and the top-level help', () => {
    const r = runCli(['chek', 'routewise.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("routewise: unknown command 'chek' (did you mean check?)\n  hint: see `routewise --help`\n");
  });

  it('a missing argument or option value is one line and a hint', () => {
    const query = runCli(['eval']);
    expect(query.code).toBe(2);
    expect(query.stderr).toBe("routewise: missing required argument 'query'\n  hint: see `routewise eval --help`\n");
    const format = runCli(['check', '--format']);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/^routewise: option '--format <format>' argument missing\n {2}hint: see `routewise check --help`\n$/);
  });

  it('help for repeatable options does not print an empty default', () => {
    for (const command of ['check', 'eval', 'policies']) {
      const r = runCli([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/\(repeatable\)/);
      expect(r.stdout).not.toContain('(default: [])');
    }
  });
});
