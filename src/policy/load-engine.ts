// Builds the policy engine a run uses from the command's flags: the built-in rule set
// (unless --no-builtin), the organisation's --policy folders, each --bundle next to them, and
// settings from --data files. Nothing to run is an error, never a pass.
import { resolve, sep } from 'node:path';
import type { Engine } from './engine.ts';
import type { Problem, Result } from '../problems/problem.ts';
import { createRegoEngine } from './rego-engine.ts';
import { readPolicyFiles } from './policy-files.ts';
import { compiledBuiltinRules, parsedBuiltinData, parsedPolicies } from './parsed-policies.ts';
import { BUILTIN_POLICIES } from './assets.ts';
import { combineEngines } from './combined-engine.ts';

export interface EngineFlags {
  policy?: string[];
  builtin?: boolean;
  data?: string[];
  /** OPA wasm bundles whose rules run next to the Rego ones. */
  bundle?: string[];
  /** Organisation policies are written in Rego v0 (the built-in ones stay v1). */
  v0Compatible?: boolean;
}

/** The engine of a run, and what loading it found worth saying without failing (retired settings). */
export type LoadedEngine = Result<Engine> & { notes?: Problem[] };

export async function loadEngine(flags: EngineFlags, cwd: string): Promise<LoadedEngine> {
  // Paths from the command line or the Action are relative to the run's folder, unless absolute.
  const policyDirs = (flags.policy ?? []).map((dir) => ({ given: dir, path: resolve(cwd, dir) }));
  const bundles = (flags.bundle ?? []).map((file) => resolve(cwd, file));
  const dirs = [...(flags.builtin === false ? [] : [BUILTIN_POLICIES]), ...policyDirs.map((d) => d.path)];
  const files = readPolicyFiles(dirs, { tests: false, data: true, cwd, parsedData: parsedBuiltinData(BUILTIN_POLICIES) });
  const problems: Problem[] = [...files.problems];
  for (const dir of policyDirs) {
    const inside = (file: string) => {
      const at = resolve(cwd, file);
      return at === dir.path || at.startsWith(dir.path.endsWith(sep) ? dir.path : dir.path + sep);
    };
    if (files.problems.length === 0 && !files.modules.some((m) => inside(m.file))) {
      problems.push({ code: 'no-policies', message: `--policy ${dir.given}: no .rego files in it, so it adds no rule`, hint: 'point --policy at the folder that holds your .rego policies' });
    }
  }
  // The settings check (and its validator) is loaded only by a run given --data.
  const settings =
    (flags.data ?? []).length > 0
      ? (await import('./settings-files.ts')).mergeSettingsFiles(files.data, flags.data ?? [], cwd)
      : { data: files.data, problems: [], notes: [] as Problem[] };
  const { data, notes } = settings;
  problems.push(...settings.problems);
  if (problems.length > 0) return { ok: false, problems, ...(notes.length > 0 ? { notes } : {}) };
  if (files.modules.length === 0 && bundles.length === 0) {
    return { ok: false, problems: [{ code: 'no-policies', message: 'no rule could run: no policies to evaluate', hint: 'drop --no-builtin, or add --policy DIR with .rego files or --bundle FILE' }] };
  }
  const engines: Engine[] = [];
  if (files.modules.length > 0) {
    // The built-in rules are checked against the schema by the test suite; only the organisation's
    // rules need it at run time, so a plain check pays nothing for it, not even its loading.
    const builtin = new Set(files.modules.filter((m) => resolve(cwd, m.file).startsWith(BUILTIN_POLICIES)).map((m) => m.file));
    const organisation = files.modules.some((m) => !builtin.has(m.file));
    const inputSchema = organisation ? { ...(await import('../input/policy-input-schema.ts')).POLICY_INPUT_SCHEMA, trusted: builtin } : undefined;
    // The built-in policies alone come compiled by the build; beside others, at least parsed.
    const compiled = organisation || flags.v0Compatible ? undefined : compiledBuiltinRules(files.modules, BUILTIN_POLICIES, cwd);
    const rego = createRegoEngine({
      sources: files.modules,
      ...(compiled ? { compiled } : {}),
      ...(flags.v0Compatible
        ? { regoVersionOf: (file: string) => (builtin.has(file) ? ('v1' as const) : ('v0' as const)) }
        : compiled ? {} : { parsed: parsedPolicies(files.modules, BUILTIN_POLICIES, cwd) }),
      data,
      ...(inputSchema ? { inputSchema } : {}),
      allowNoRules: bundles.length > 0,
    });
    if (!rego.ok) return rego;
    engines.push(rego.value);
  }
  if (bundles.length > 0) {
    const { loadWasmEngine } = await import('./load-wasm-engine.ts');
    for (const [i, bundle] of bundles.entries()) {
      const wasm = await loadWasmEngine(bundle, data, flags.bundle![i]!);
      if (!wasm.ok) return wasm;
      engines.push(wasm.value);
    }
  }
  const combined = combineEngines(engines);
  return notes.length > 0 ? { ...combined, notes } : combined;
}
