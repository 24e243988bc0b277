// Several engines run as one: the Rego rules (built-in and organisation) next to each OPA wasm
// bundle. A bundle adds rules, it never replaces the others, and no two engines may report a
// rule under the same id.
import type { Engine, EngineFindings, RuleInfo } from './engine.ts';
import type { Problem, Result } from '../problems/problem.ts';

export function combineEngines(engines: readonly Engine[]): Result<Engine> {
  if (engines.length === 1) return { ok: true, value: engines[0]! };
  const problems: Problem[] = [];
  const seen = new Map<string, RuleInfo>();
  for (const engine of engines) {
    for (const rule of engine.rules()) {
      const earlier = seen.get(rule.id);
      if (earlier) {
        problems.push({
          code: 'duplicate-rule-id',
          message: `rule id ${rule.id} is defined twice: in ${earlier.source ?? 'one policy set'} and in ${rule.source ?? 'another'}`,
          hint: 'give each rule its own custom.id (a bundle adds rules, it cannot take over one)',
        });
      } else {
        seen.set(rule.id, rule);
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      name: engines.map((e) => e.name).join('+'),
      rules: () => engines.flatMap((e) => e.rules()).sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)),
      evaluate(input: unknown): Result<EngineFindings> {
        const findings: EngineFindings['findings'] = [];
        const failed: Problem[] = [];
        for (const engine of engines) {
          const out = engine.evaluate(input);
          if (out.ok) findings.push(...out.value.findings);
          else failed.push(...out.problems);
        }
        return failed.length > 0 ? { ok: false, problems: failed } : { ok: true, value: { findings } };
      },
    },
  };
}
