// Which rules produce findings, by name, as conftest names them: `deny`, `violation` and any
// `deny_*` or `violation_*` rule report errors, `warn` and `warn_*` warnings, and routewise's own
// `info` notes. Every engine reads rule names through this one table.
import type { Severity } from './finding.ts';

export type RuleSet = 'deny' | 'warn' | 'info';

export const RULE_SET_SEVERITY: Record<RuleSet, Severity> = { deny: 'error', warn: 'warning', info: 'info' };

/** The rule set a rule name belongs to, or undefined for a helper rule. */
export function ruleSetOf(name: string): RuleSet | undefined {
  if (name === 'deny' || name === 'violation' || /^(deny|violation)_./.test(name)) return 'deny';
  if (name === 'warn' || /^warn_./.test(name)) return 'warn';
  if (name === 'info') return 'info';
  return undefined;
}
