import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandsFor } from '../../src/cli/command-modules.ts';
import type { CommandContext } from '../../src/cli/context.ts';
import { runCli } from './run-cli.ts';

const ALL = ['check', 'audit', 'cost', 'eval', 'test', 'schema', 'policies', 'init'];

/** The command names the registrations for these arguments add to a fresh program. */
async function registered(args: string[]): Promise<string[]> {
  const program = new Command('routewise');
  const ctx = { cwd: process.cwd(), env: {}, globals: () => ({}) } as unknown as CommandContext;
  for (const register of await commandsFor(args)) register(program, ctx);
  return program.commands.map((c) => c.name());
}

describe('loading command modules on demand', () => {
  it.each([
    [['check', 'examples'], ['check']],
    [['--no-color', '--quiet', 'eval', 'data.x'], ['eval']],
    [['audit', 'merge', 'a.json'], ['audit']],
    [['check', '--help'], ['check']],
  ])('loads only the command named in %j', async (args, names) => {
    expect(await registered(args)).toEqual(names);
  });

  it.each([[[]], [['--help']], [['-h', 'check']], [['chekc']], [['help', 'check']]])(
    'loads every command, in help order, for %j',
    async (args) => {
      expect(await registered(args)).toEqual(ALL);
    },
  );

  it('loads none for --version alone', async () => {
    expect(await registered(['--version'])).toEqual([]);
  });
});

describe('the built command line', () => {
  it('lists every command in its help', () => {
    const run = runCli(['--help']);
    expect(run.code).toBe(0);
    for (const name of ALL) expect(run.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('suggests the command meant by a misspelt one', () => {
    const run = runCli(['chekc']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('check');
  });
});
