// The organisation's settings files (--data) over the settings the policies bring: each file read
// as YAML or JSON, checked against the settings schema (a typo is an error, a retired setting a
// note), then merged in the order given. One path for check, audit, the Action and cost.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Problem, Result } from '../problems/problem.ts';
import { BUILTIN_POLICIES } from './assets.ts';
import { mergeData } from './merge-data.ts';
import { parsedBuiltinData } from './parsed-policies.ts';
import { dataSyntaxProblem, readPolicyFiles } from './policy-files.ts';
import { checkSettings, settingsSchema } from './settings-check.ts';

export interface MergedSettings {
  data: unknown;
  /** Files that could not be read or parsed, and settings that are wrong: the run cannot go on. */
  problems: Problem[];
  /** Retired settings, still accepted: worth saying, never a failure. */
  notes: Problem[];
}

/** `files` as given (relative to `cwd` unless absolute); `base` is what the policies' own data says. */
export function mergeSettingsFiles(base: unknown, files: readonly string[], cwd: string): MergedSettings {
  const out: MergedSettings = { data: base, problems: [], notes: [] };
  const schema = files.length > 0 ? settingsSchema() : undefined;
  for (const file of files) {
    const doc = readDataFile(resolve(cwd, file), file);
    if (!doc.ok) {
      out.problems.push(...doc.problems);
      continue;
    }
    for (const p of checkSettings(schema!, base, doc.value.data, file, doc.value.text)) (p.code === 'retired-setting' ? out.notes : out.problems).push(p);
    out.data = mergeData(out.data, doc.value.data);
  }
  return out;
}

/** The built-in settings (policies/data.yaml) with the --data files over them, for a run that needs no rules. */
export function builtinSettings(files: readonly string[], cwd: string): MergedSettings {
  // Parsed by the build, as for a check: parsing data.yaml's YAML would cost more than the rest of the run.
  const builtin = readPolicyFiles([join(BUILTIN_POLICIES, 'data.yaml')], { tests: false, data: true, cwd, parsedData: parsedBuiltinData(BUILTIN_POLICIES) });
  if (builtin.problems.length > 0) return { data: undefined, problems: builtin.problems, notes: [] };
  return mergeSettingsFiles(builtin.data, files, cwd);
}

export function readDataFile(path: string, file: string): Result<{ data: unknown; text: string }> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
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
