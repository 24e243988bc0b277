// `routewise schema [manifest|policy-input]`: prints a JSON Schema, for editors and other tools:
// the manifest's, or that of the input rules see.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { type CommandContext } from '../context.ts';
import { UsageError } from '../../runner/usage-error.ts';
import { MANIFEST_SCHEMA, POLICY_INPUT_SCHEMA_FILE } from '../../policy/assets.ts';

const SCHEMAS: Record<string, string> = { manifest: MANIFEST_SCHEMA, 'policy-input': POLICY_INPUT_SCHEMA_FILE };

export function registerSchema(program: Command, ctx: CommandContext): void {
  program
    .command('schema')
    .description('print the manifest JSON Schema, or with `policy-input` the schema of the input rules see')
    .argument('[name]', 'manifest or policy-input', 'manifest')
    .action((name: string) => {
      const file = SCHEMAS[name];
      if (!file) throw new UsageError(`unknown schema ${name}; use manifest or policy-input`);
      ctx.stdout.write(readFileSync(file, 'utf8'));
    });
}
