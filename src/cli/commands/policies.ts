// `routewise policies [list|show ID]`: the rule catalogue, read from the policies' metadata.
import type { Command } from 'commander';
import { collect, type CommandContext } from '../context.ts';
import { UsageError } from '../../runner/usage-error.ts';
import { loadEngine } from '../../policy/load-engine.ts';
import { printProblems } from '../problem-text.ts';
import type { RuleInfo } from '../../policy/engine.ts';
import { printable, printableLines, safeOutput } from '../../report/printable.ts';

export function registerPolicies(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command('policies')
    .description('the rule catalogue: `policies list`, `policies show ID`')
    .argument('[action]', 'list or show', 'list')
    .argument('[id]', 'the rule id for show')
    .option('--policy <dir>', 'add the rules of a policy folder (repeatable)', collect, [])
    .option('--no-builtin', 'leave out the built-in rules')
    .option('--format <format>', 'text or json', 'text')
    .action(async (action: string, id: string | undefined, opts: { policy: string[]; builtin: boolean; format: string }) => {
      if (action !== 'list' && action !== 'show') throw new UsageError(`unknown policies action ${action}; use list or show ID`);
      if (!['text', 'json'].includes(opts.format)) throw new UsageError(`unknown --format ${opts.format}; use text or json`);
      const engine = await loadEngine({ policy: opts.policy, builtin: opts.builtin }, ctx.cwd);
      if (!engine.ok) {
        printProblems(ctx.stderr, engine.problems);
        process.exitCode = 2;
        return;
      }
      const rules = engine.value.rules();
      if (action === 'list') {
        ctx.stdout.write((opts.format === 'json' ? JSON.stringify(rules, null, 2) : listText(rules)) + '\n');
        return;
      }
      if (!id) throw new UsageError('policies show needs a rule id, e.g. `routewise policies show RW-DATA-001`');
      const rule = rules.find((r) => r.id.toLowerCase() === id.toLowerCase());
      if (!rule) {
        const known = rules.map((r) => r.id).join(', ');
        throw new UsageError(`no rule ${id}; known rules: ${known}`);
      }
      ctx.stdout.write((opts.format === 'json' ? JSON.stringify(rule, null, 2) : showText(rule)) + '\n');
    });
  void cmd;
}

function listText(rules: RuleInfo[]): string {
  const w = Math.max(2, ...rules.map((r) => r.id.length));
  const lines = [`${'ID'.padEnd(w)}  ${'SEVERITY'.padEnd(8)}  TITLE`];
  for (const r of rules) lines.push(`${printable(r.id).padEnd(w)}  ${printable(r.severity).padEnd(8)}  ${printable(r.title)}`);
  lines.push('', `${rules.length} rules. Details: routewise policies show <ID>`);
  return safeOutput(lines.join('\n'));
}

function showText(r: RuleInfo): string {
  const lines = [`${printable(r.id)}  ${printable(r.title)}`, '', `severity:     ${printable(r.severity)}`];
  if (r.source) lines.push(`defined in:   ${printable(r.source)}`);
  lines.push('', printableLines(r.description, ''));
  if (r.remediation) lines.push('', 'remediation:', `  ${printableLines(r.remediation, '  ')}`);
  if (r.guidance) lines.push('', 'guidance:', `  ${printableLines(r.guidance, '  ')}`);
  return safeOutput(lines.join('\n'));
}
