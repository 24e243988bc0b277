// `routewise schema`: prints the manifest JSON Schema (for editors and other tools).
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CommandContext } from '../context.ts';
import { MANIFEST_SCHEMA } from '../assets.ts';

export function registerSchema(program: Command, ctx: CommandContext): void {
  program
    .command('schema')
    .description('print the manifest JSON Schema')
    .action(() => {
      ctx.stdout.write(readFileSync(MANIFEST_SCHEMA, 'utf8'));
    });
}
