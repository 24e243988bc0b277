// The Action's inputs, read and checked in one place: a pure function over a getter, so tests
// need no environment, and every mistake is reported as a problem before anything runs.
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Problem, Result } from '../problems/problem.ts';
import { runOptions, type RunOptions, type SettingWords } from '../runner/options.ts';

export interface ActionInputs extends RunOptions {
  /** Manifest files, directories or globs, relative to the workspace. */
  paths: string[];
  /** Absolute path the SARIF report is written to. */
  sarifFile: string;
  annotations: boolean;
  summary: boolean;
}

/** Returns the raw value of an input; '' when it is not set, as the runner does. */
export type InputGetter = (name: string) => string;

export interface InputContext {
  workspace: string;
  /** The runner's scratch folder, where the SARIF report goes unless `sarif-file` says otherwise. */
  runnerTemp?: string;
  clock?: Date;
}

/** "a, b" or one per line: workflow authors write lists both ways. Commas inside a glob's
 * braces (`{api,web}/routewise.yaml`) belong to the glob. */
export function splitList(value: string): string[] {
  const items: string[] = [];
  let current = '';
  let depth = 0;
  for (const char of value) {
    if (char === '{') depth += 1;
    else if (char === '}' && depth > 0) depth -= 1;
    if (char === '\n' || (char === ',' && depth === 0)) {
      items.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  items.push(current);
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);

const INPUT_WORDS: SettingWords = {
  code: 'action-input',
  wrong: (setting, value, advice) => `input ${setting} is \`${value}\`; ${advice}`,
  bundleNeeded: 'input engine is wasm, which needs the input bundle (a bundle .tar.gz or a policy.wasm)',
  engineDeprecated: (value) =>
    `input engine is deprecated and will be removed in the next minor version; ${value === 'wasm' ? 'the bundle input alone runs a bundle next to the Rego rules' : 'the Rego rules always run'}, so leave engine out`,
};

export function readInputs(get: InputGetter, context: InputContext): Result<ActionInputs> {
  const problems: Problem[] = [];
  const input = (name: string): string => get(name).trim();
  const given = (name: string): string | undefined => input(name) || undefined;
  const fromWorkspace = (path: string): string => (isAbsolute(path) ? path : resolve(context.workspace, path));
  // Files the run reads are named as annotations name them: relative to the workspace when inside it.
  const inWorkspace = (path: string): string => {
    const shown = relative(context.workspace, resolve(context.workspace, path));
    return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? fromWorkspace(path) : shown.split(sep).join('/');
  };

  const flag = (name: string, fallback: boolean): boolean => {
    const value = input(name);
    if (value === '') return fallback;
    if (TRUE.has(value)) return true;
    if (FALSE.has(value)) return false;
    problems.push({ code: 'action-input', message: `input ${name} is \`${value}\`; use true or false` });
    return fallback;
  };

  const options = runOptions(
    {
      policy: splitList(get('policy')).map(inWorkspace),
      data: splitList(get('data')).map(inWorkspace),
      ...optional('failOn', given('fail-on')),
      ...optional('engine', given('engine')),
      bundle: splitList(get('bundle')).map(inWorkspace),
      v0Compatible: flag('v0-compatible', false),
      ...optional('now', given('now')),
    },
    INPUT_WORDS,
    context.clock,
  );
  if (!options.ok) problems.push(...options.problems);

  const sarif = input('sarif-file');
  const annotations = flag('annotations', true);
  const summary = flag('summary', true);
  if (!options.ok || problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      ...options.value,
      paths: splitList(get('paths')),
      sarifFile: sarif !== '' ? fromWorkspace(sarif) : join(context.runnerTemp ?? context.workspace, 'routewise.sarif'),
      annotations,
      summary,
    },
  };
}

/** A setting left out when its input is empty, as if the flag were not given. */
function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
