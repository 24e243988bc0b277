// Builds the policy engine a run uses from the command's flags: the built-in rule set
// (unless --no-builtin), the organisation's --policy folders, and settings from --data files.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Engine } from './engine.ts';
import type { Problem, Result } from '../problems/problem.ts';
import { createRegoEngine } from './rego-engine.ts';
import { POLICY_INPUT_SCHEMA } from '../input/policy-input-schema.ts';
import { mergeData } from './merge-data.ts';
import { dataSyntaxProblem, readPolicyFiles } from './policy-files.ts';
import { checkSettings } from './settings-check.ts';
import { parsedPolicies } from './parsed-policies.ts';
import { BUILTIN_POLICIES } from './assets.ts';

export interface EngineFlags {
  policy?: string[];
  builtin?: boolean;
  data?: string[];
  engine?: string;
  bundle?: string;
}

export async function loadEngine(flags: EngineFlags, cwd: string): Promise<Result<Engine>> {
  const dirs = [...(flags.builtin === false ? [] : [BUILTIN_POLICIES]), ...(flags.policy ?? [])];
  const files = readPolicyFiles(dirs, { tests: false, data: true, cwd });
  const problems: Problem[] = [...files.problems];
  let data = files.data;
  for (const file of flags.data ?? []) {
    const doc = readDataFile(file);
    if (!doc.ok) {
      problems.push(...doc.problems);
      continue;
    }
    problems.push(...checkSettings(files.data, doc.value.data, file, doc.value.text));
    data = mergeData(data, doc.value.data);
  }
  if (problems.length > 0) return { ok: false, problems };
  if ((flags.engine ?? 'rego') === 'wasm') {
    if (!flags.bundle) return { ok: false, problems: [{ code: 'usage', message: '--engine wasm needs --bundle FILE (a bundle .tar.gz or a policy.wasm)' }] };
    const { loadWasmEngine } = await import('./load-wasm-engine.ts');
    return loadWasmEngine(flags.bundle, data);
  }
  if (files.modules.length === 0) {
    return { ok: false, problems: [{ code: 'no-policies', message: 'no policies to evaluate', hint: 'drop --no-builtin or add --policy DIR with .rego files' }] };
  }
  // The built-in rules are checked against the schema by the test suite; only the organisation's
  // rules need it at run time, so a plain check pays nothing for it.
  const builtin = new Set(files.modules.filter((m) => resolve(cwd, m.file).startsWith(BUILTIN_POLICIES)).map((m) => m.file));
  const inputSchema = { ...POLICY_INPUT_SCHEMA, trusted: builtin };
  return createRegoEngine({ sources: files.modules, parsed: parsedPolicies(files.modules, BUILTIN_POLICIES, cwd), data, inputSchema });
}

export function readDataFile(file: string): Result<{ data: unknown; text: string }> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { ok: false, problems: [{ code: 'path-not-found', message: `${file}: cannot read the data file`, hint: 'check the path given to --data' }] };
  }
  try {
    const doc = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text);
    return { ok: true, value: { data: doc ?? {}, text } };
  } catch (e) {
    return { ok: false, problems: [dataSyntaxProblem(file, e, text)] };
  }
}
