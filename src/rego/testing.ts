// Runs Rego unit tests as `opa test` does: every rule named test_* in every package passes when
// it is defined and not false; todo_* rules are reported as skipped.
import type { CompiledPolicy } from './compiler/policy.ts';
import type { RuleNode } from './compiler/ir.ts';
import { formatRegoError } from './errors.ts';
import { asRegoError, newEvaluator, type EvalOptions } from './eval/run-query.ts';
import { ruleValue } from './eval/rules.ts';

export interface TestResult {
  name: string;
  package: string;
  file: string;
  row: number;
  status: 'pass' | 'fail' | 'error' | 'skip';
  durationMs: number;
  message?: string;
  printed: string[];
}

export interface TestOptions extends EvalOptions {
  /** Only tests whose `data.<package>.<name>` matches. */
  run?: RegExp;
}

function nodeAt(root: RuleNode, path: string[]): RuleNode | undefined {
  let n: RuleNode | undefined = root;
  for (const p of path) n = n?.children.get(p);
  return n;
}

export function runTests(policy: CompiledPolicy, options: TestOptions = {}): TestResult[] {
  const results: TestResult[] = [];
  const seen = new Set<RuleNode>();
  for (const m of policy.modules) {
    const pkg = m.package.path.join('.');
    for (const rule of m.rules) {
      const name = rule.head.ref[0].name;
      const isTest = name.startsWith('test_');
      if ((!isTest && !name.startsWith('todo_')) || rule.head.args) continue;
      const node = nodeAt(policy.root, [...m.package.path, name]);
      if (!node || seen.has(node)) continue;
      seen.add(node);
      if (options.run && !options.run.test(`data.${pkg}.${name}`)) continue;
      const base = { name, package: pkg, file: m.file, row: rule.loc.row };
      if (!isTest) {
        results.push({ ...base, status: 'skip', durationMs: 0, printed: [] });
        continue;
      }
      const printed: string[] = [];
      const start = performance.now();
      const ev = newEvaluator(policy, {
        ...options,
        print: (line) => {
          printed.push(line);
          options.print?.(line);
        },
      });
      try {
        const v = ruleValue(ev, node);
        const durationMs = performance.now() - start;
        if (v === undefined || v === false) {
          results.push({ ...base, status: 'fail', durationMs, message: v === undefined ? 'test is undefined' : 'test is false', printed });
        } else {
          results.push({ ...base, status: 'pass', durationMs, printed });
        }
      } catch (e) {
        const err = asRegoError(e, rule.loc);
        results.push({ ...base, status: 'error', durationMs: performance.now() - start, message: formatRegoError(err), printed });
      }
    }
  }
  return results;
}
