// The Action's inputs, read and checked in one place: a pure function over a getter, so tests
// need no environment, and every mistake is reported as a problem before anything runs.
import { isAbsolute, join, resolve } from 'node:path';
import { FAIL_ON_VALUES, parseFailOn, type FailOn } from '../findings/threshold.ts';
import type { Problem, Result } from '../problems/problem.ts';
import { resolveToday } from '../cli/today.ts';

export interface ActionInputs {
  /** Manifest files, directories or globs, relative to the workspace. */
  paths: string[];
  /** Absolute policy folders and data files. */
  policy: string[];
  data: string[];
  failOn: FailOn;
  /** Absolute path the SARIF report is written to. */
  sarifFile: string;
  annotations: boolean;
  summary: boolean;
  engine: 'rego' | 'wasm';
  bundle?: string;
  /** The day dates are judged on: the `now` input, else the clock's UTC date. */
  today: string;
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

export function readInputs(get: InputGetter, context: InputContext): Result<ActionInputs> {
  const problems: Problem[] = [];
  const input = (name: string): string => get(name).trim();
  const fromWorkspace = (path: string): string => (isAbsolute(path) ? path : resolve(context.workspace, path));

  const flag = (name: string, fallback: boolean): boolean => {
    const value = input(name);
    if (value === '') return fallback;
    if (TRUE.has(value)) return true;
    if (FALSE.has(value)) return false;
    problems.push({ code: 'action-input', message: `input ${name} is \`${value}\`; use true or false` });
    return fallback;
  };

  const failOnText = input('fail-on') || 'error';
  const failOn = parseFailOn(failOnText);
  if (!failOn) problems.push({ code: 'action-input', message: `input fail-on is \`${failOnText}\`; use one of ${FAIL_ON_VALUES.join(', ')}` });

  const engine = input('engine') || 'rego';
  if (engine !== 'rego' && engine !== 'wasm') problems.push({ code: 'action-input', message: `input engine is \`${engine}\`; use rego or wasm` });

  const bundle = input('bundle');
  if (engine === 'wasm' && bundle === '') problems.push({ code: 'action-input', message: 'input engine is wasm, which needs the input bundle (a bundle .tar.gz or a policy.wasm)' });

  const now = input('now');
  let today = '';
  try {
    today = resolveToday(now === '' ? undefined : now, context.clock);
  } catch {
    problems.push({ code: 'action-input', message: `input now is \`${now}\`; write a date as YYYY-MM-DD, e.g. 2026-11-27` });
  }

  const sarif = input('sarif-file');
  const inputs: ActionInputs = {
    paths: splitList(get('paths')),
    policy: splitList(get('policy')).map(fromWorkspace),
    data: splitList(get('data')).map(fromWorkspace),
    failOn: failOn ?? 'error',
    sarifFile: sarif !== '' ? fromWorkspace(sarif) : join(context.runnerTemp ?? context.workspace, 'routewise.sarif'),
    annotations: flag('annotations', true),
    summary: flag('summary', true),
    engine: engine === 'wasm' ? 'wasm' : 'rego',
    ...(bundle !== '' ? { bundle: fromWorkspace(bundle) } : {}),
    today,
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: inputs };
}
