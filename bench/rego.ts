// Speed of routewise's own Rego engine through its public API: compiling a policy set, evaluating
// a prepared query on a small document, growth with input size, and the built-in policies.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CompiledPolicy, ModuleSource, PreparedQuery } from '../src/rego/index.ts';
import { loadBundledEngine } from './engine-bundle.ts';
import { readPolicyFiles } from '../src/policy/policy-files.ts';
import { PARSED_POLICIES_FILE, parsedPolicies } from '../src/policy/parsed-policies.ts';
import { createRegoEngine } from '../src/policy/rego-engine.ts';
import { POLICY_INPUT_SCHEMA } from '../src/input/policy-input-schema.ts';
import { judgeManifest } from '../src/judge/judge-manifest.ts';
import { loadDocument } from '../src/load/load-document.ts';
import { validateManifest } from '../src/validate/validate-manifest.ts';
import { buildPolicyInput } from '../src/input/build.ts';
import { describe, ms, ratio, timeSync, verdict } from './stats.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
// Timed code runs from the same kind of bundle the CLI ships.
const { compile, prepare, toJS } = await loadBundledEngine();
const TODAY = '2026-11-27';

/** Five rule shapes policy authors write, cycled to make `count` rules in modules of five. */
export function generatedPolicySet(count: number): ModuleSource[] {
  const modules: ModuleSource[] = [];
  for (let m = 0; m * 5 < count; m++) {
    const rules: string[] = [];
    for (let i = m * 5; i < Math.min(count, m * 5 + 5); i++) {
      const meta = `# METADATA\n# title: generated rule ${i}\n# custom:\n#   id: BENCH-${String(i).padStart(3, '0')}\n#   severity: error\n`;
      switch (i % 5) {
        case 0:
          rules.push(`${meta}deny contains msg if {
  some w in input.workloads
  w.volume.tokensPerMonth > ${1000 * (i + 1)}
  msg := sprintf("workload %s sends %d tokens a month, over ${1000 * (i + 1)}", [w.id, w.volume.tokensPerMonth])
}`);
          break;
        case 1:
          rules.push(`${meta}deny contains msg if {
  some t in input.targets
  t.type == "cloud-api"
  not every_agreement_${i}(t)
  msg := sprintf("target %s lacks agreements (rule %d)", [t.id, ${i}])
}

every_agreement_${i}(t) if {
  every k in ["dpa", "zeroDataRetention", "trainingOptOut"] { t.agreements[k] == true }
}`);
          break;
        case 2:
          rules.push(`${meta}warn contains msg if {
  rag := {w.id | some w in input.workloads; w.customization == "rag"}
  count(rag) > ${i % 3}
  names := concat(", ", sort([n | some n in rag]))
  msg := sprintf("%d retrieval workloads: %s", [count(rag), names])
}`);
          break;
        case 3:
          rules.push(`${meta}deny contains msg if {
  per_target := {r.to: n | some r in input.routing; n := count([w | some w in input.workloads; w.target == r.to])}
  some target, n in per_target
  n > ${(i % 4) + 1}
  msg := sprintf("target %s serves %d workloads", [target, n])
}`);
          break;
        default:
          rules.push(`level_${i}(x) := "high" if {
  x > ${500 * i}
} else := "medium" if {
  x > ${50 * i}
} else := "low"

${meta}info contains msg if {
  some w in input.workloads
  level_${i}(w.volume.tokensPerMonth) != "low"
  startswith(w.id, "w")
  msg := sprintf("%s runs at %s volume", [w.id, level_${i}(w.volume.tokensPerMonth)])
}`);
      }
    }
    modules.push({ file: `bench/generated_${m}.rego`, text: `package bench.generated.m${m}\n\n${rules.join('\n\n')}\n` });
  }
  return modules;
}

/** An input the generated rules find things in. */
function generatedInput(workloads: number): unknown {
  return {
    workloads: Array.from({ length: workloads }, (_, i) => ({
      id: `w${i}`,
      customization: i % 3 === 0 ? 'rag' : 'prompting',
      target: `t${i % 4}`,
      volume: { tokensPerMonth: 1000 * i * i },
    })),
    targets: Array.from({ length: 4 }, (_, i) => ({
      id: `t${i}`,
      type: i % 2 === 0 ? 'cloud-api' : 'on-premises',
      agreements: { dpa: true, zeroDataRetention: i === 0, trainingOptOut: true },
    })),
    routing: Array.from({ length: 4 }, (_, i) => ({ to: `t${i}` })),
  };
}

function compiled(sources: ModuleSource[]): CompiledPolicy {
  const out = compile(sources, { regoVersion: 'v1' });
  if (!out.ok) throw new Error(`bench policy does not compile: ${out.errors.map((e) => e.message).join('; ')}`);
  return out.policy;
}

function prepared(policy: CompiledPolicy, query: string): PreparedQuery {
  const p = prepare(policy, query);
  if (!p.ok) throw new Error(`bench query does not compile: ${p.errors.map((e) => e.message).join('; ')}`);
  return p.query;
}

function evaluated(query: PreparedQuery, input: unknown): number {
  const out = query.evaluate({ input });
  if (!out.ok) throw new Error(`bench query failed: ${out.errors.map((e) => e.message).join('; ')}`);
  return out.results.length;
}

function compileFiftyRules(): void {
  const sources = generatedPolicySet(50);
  const policy = compiled(sources);
  // The rules must also run, or a compiler that drops them would look fast.
  const q = prepared(policy, 'd := data.bench.generated');
  evaluated(q, generatedInput(12));
  const s = timeSync(() => compiled(sources), { warmup: 3, runs: 15 });
  console.log(`compile 50 generated rules (10 modules)         ${describe(s)}`);
  console.log(verdict('  compile 50 rules', s.median, 20));
}

function simpleDeny(): void {
  const policy = compiled([
    {
      file: 'bench/simple.rego',
      text: `package bench.simple

deny contains "guests may not delete" if {
  input.user.role == "guest"
  input.action == "delete"
}

deny contains msg if {
  not input.user.mfa
  msg := sprintf("user %s has no second factor", [input.user.name])
}

deny contains "outside office hours" if input.hour < 7
`,
    },
  ]);
  const q = prepared(policy, 'x := data.bench.simple.deny');
  const input = { user: { name: 'ana', role: 'guest', mfa: false }, action: 'delete', hour: 6 };
  const out = q.evaluate({ input });
  const found = out.ok ? out.results[0]?.bindings.x : undefined;
  if (!found || (toJS(found) as unknown[]).length !== 3) throw new Error('the simple deny rules should find 3 messages');
  const s = timeSync(() => evaluated(q, input), { warmup: 200, runs: 25, batch: 200 });
  console.log(`evaluate 3 deny rules on a small document       ${describe(s)}`);
  console.log(verdict('  simple deny evaluation', s.median, 0.2));
}

function scaling(): void {
  const policy = compiled([
    {
      file: 'bench/scale.rego',
      text: `package bench.scale

deny contains item.id if {
  some item in input.items
  item.size > 900
  item.kind != "archive"
}

owners contains owner if {
  some item in input.items
  item.meta.labels[_] == "hot"
  owner := item.meta.owner
}
`,
    },
  ]);
  const shapes = [
    { name: 'flat objects', query: prepared(policy, 'x := data.bench.scale.deny'), input: (n: number) => ({ items: Array.from({ length: n }, (_, i) => ({ id: `item-${i}`, size: (i * 7919) % 1000, kind: i % 5 === 0 ? 'archive' : 'file' })) }) },
    {
      name: 'nested objects',
      query: prepared(policy, 'x := data.bench.scale.owners'),
      input: (n: number) => ({ items: Array.from({ length: n }, (_, i) => ({ id: `item-${i}`, meta: { owner: `team-${i % 50}`, labels: i % 7 === 0 ? ['hot', 'new'] : ['cold'] } })) }),
    },
  ];
  for (const shape of shapes) {
    const medians: number[] = [];
    for (const n of [1_000, 10_000, 100_000]) {
      const input = shape.input(n);
      const runs = n >= 100_000 ? 7 : 11;
      // Each evaluation takes the plain JS input, as callers pass it.
      const s = timeSync(() => evaluated(shape.query, input), { warmup: 2, runs });
      medians.push(s.median);
      console.log(`iterate ${String(n).padStart(7)} ${shape.name.padEnd(15)}              ${describe(s)}`);
    }
    console.log(`  growth (${shape.name}) 10k/1k ${ratio(medians[1]!, medians[0]!)}, 100k/10k ${ratio(medians[2]!, medians[1]!)} (linear is about 10x)`);
    // Timer noise and fixed costs move a ratio by a little either way; 12x allows for that.
    const worst = Math.max(medians[1]! / medians[0]!, medians[2]! / medians[1]!);
    console.log(verdict(`  worst growth per 10x objects (${shape.name})`, worst, 12, (r) => `${r.toFixed(2)}x`));
  }
}

function builtinPolicies(): void {
  const files = readPolicyFiles([ROOT + 'policies'], { tests: false, data: true, cwd: ROOT });
  let t0 = performance.now();
  const first = createRegoEngine({ sources: files.modules, data: files.data, inputSchema: POLICY_INPUT_SCHEMA });
  const cold = performance.now() - t0;
  if (!first.ok) throw new Error(`built-in policies do not compile: ${first.problems.map((p) => p.message).join('; ')}`);
  const engine = first.value;
  const build = timeSync(() => createRegoEngine({ sources: files.modules, data: files.data, inputSchema: POLICY_INPUT_SCHEMA }), { warmup: 2, runs: 9 });
  console.log(`built-in policies (${files.modules.length} modules): compile + prepare first ${ms(cold)}, then ${describe(build)}`);
  const store = `${ROOT}dist/cli/${PARSED_POLICIES_FILE}`;
  if (existsSync(store)) {
    const policies = ROOT + 'policies';
    const fromStore = () => createRegoEngine({ sources: files.modules, parsed: parsedPolicies(files.modules, policies, ROOT, store), data: files.data, inputSchema: POLICY_INPUT_SCHEMA });
    if (!parsedPolicies(files.modules, policies, ROOT, store)) throw new Error(`${store} holds none of the built-in policies`);
    console.log(`  from the modules parsed at build time (as the CLI does)  ${describe(timeSync(fromStore, { warmup: 2, runs: 9 }))}`);
  } else {
    console.log(`  (no ${store}: run the build to time the CLI's path, which reuses modules parsed at build time)`);
  }

  const file = 'examples/bank-hybrid/routewise.yaml';
  const bytes = readFileSync(ROOT + file);
  const doc = loadDocument(file, bytes);
  if (!doc.ok) throw new Error(`${file} does not load`);
  const manifest = validateManifest(doc.value);
  if (!manifest.ok) throw new Error(`${file} is not valid`);
  const input = buildPolicyInput(manifest.value, { today: TODAY, knownRuleIds: engine.rules().map((r) => r.id) });
  t0 = performance.now();
  engine.evaluate(input);
  const firstEval = performance.now() - t0;
  const evaluation = timeSync(() => engine.evaluate(input), { warmup: 10, runs: 25 });
  console.log(`built-in policies on ${file}: first evaluation ${ms(firstEval)}, then ${describe(evaluation)}`);
  const whole = timeSync(() => judgeManifest(file, bytes, { engine, today: TODAY }), { warmup: 10, runs: 25 });
  console.log(`  whole judgement (load, validate, input, evaluate, locate)  ${describe(whole)}`);
}

export async function run(): Promise<void> {
  console.log('## Rego engine');
  compileFiftyRules();
  simpleDeny();
  scaling();
  builtinPolicies();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
