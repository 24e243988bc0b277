// Checks --data files against the settings the loaded policies define (`routewise.config` in
// policies/data.yaml and in --policy folders). A misspelt or mistyped setting would otherwise be
// ignored without a word, and the rule it meant to change would silently keep its default.
import { LineCounter, parseDocument } from 'yaml';
import type { Problem } from '../problems/problem.ts';
import { SourcePositions } from '../load/source-positions.ts';
import { closestName } from '../validate/did-you-mean.ts';
import { costSettingProblems } from '../cost/cost-settings-check.ts';

type Doc = Record<string, unknown>;

/** Problems with the settings `override` (the parsed text of `file`) gives, judged by `defaults`. */
export function checkSettings(defaults: unknown, override: unknown, file: string, text: string): Problem[] {
  const config = objectAt(defaults, ['routewise', 'config']);
  if (!config || !isObject(override)) return [];
  const known = Object.keys(config);
  const found: { path: string[]; problem: Omit<Problem, 'position'> }[] = [];

  // Org data may hold other namespaces for custom rules; only a built-in setting's own name at
  // the top is a sure sign of a missing `routewise: config:` around it.
  for (const key of Object.keys(override)) {
    if (known.includes(key)) found.push({ path: [key], problem: misplaced(key, key) });
  }
  const routewise = override.routewise;
  if (isObject(routewise)) {
    for (const key of Object.keys(routewise)) {
      if (key === 'config') continue;
      found.push({
        path: ['routewise', key],
        problem: known.includes(key) ? misplaced(`routewise.${key}`, key) : unknown(`routewise.${key}`, undefined, ['config']),
      });
    }
    const given = routewise.config;
    if (isObject(given)) {
      for (const [key, value] of Object.entries(given)) {
        const name = `routewise.config.${key}`;
        if (key in RETIRED_SETTINGS) continue;
        if (!(key in config)) found.push({ path: ['routewise', 'config', key], problem: unknown(name, closestName(key, known), known) });
        else {
          const wrong = typeProblem(name, config[key], value);
          if (wrong) found.push({ path: ['routewise', 'config', key], problem: wrong });
          else if (key === 'cost') found.push(...costSettingProblems(config[key], value).map(({ path, ...problem }) => ({ path: ['routewise', 'config', 'cost', ...path], problem })));
        }
      }
    } else if (given !== undefined && given !== null) {
      found.push({ path: ['routewise', 'config'], problem: { code: 'setting-type', message: 'routewise.config must be a mapping of settings' } });
    }
  }
  if (found.length === 0) return [];

  const lines = new LineCounter();
  const positions = new SourcePositions(file, parseDocument(text, { lineCounter: lines }), lines);
  return found
    .map(({ path, problem }) => ({ ...problem, position: positions.positionOf(path) }))
    .sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
}

/**
 * Settings no rule reads any more, still accepted for one minor version (rules.md): the setting
 * that replaced each one.
 */
export const RETIRED_SETTINGS: Record<string, string> = {
  onPremCapexMin: 'no price floor any more; RW-COST-003 compares capex with budget.capexUsd',
  fineTuningProviders: 'fineTuningOffers (provider x model family x regions)',
};

function misplaced(name: string, key: string): Omit<Problem, 'position'> {
  return {
    code: 'unknown-setting',
    message: `${name} is not read by any rule; settings go under routewise.config`,
    hint: `move it to routewise.config.${key}`,
  };
}

function unknown(name: string, suggestion: string | undefined, known: string[]): Omit<Problem, 'position'> {
  return {
    code: 'unknown-setting',
    message: `${name} is not a setting of the loaded rules, so it would change nothing`,
    hint: suggestion ? `did you mean ${suggestion}?` : `known settings: ${known.join(', ')}`,
  };
}

/** Settings whose default is null (unset) and the kind a value must have when given. */
const KIND_WHEN_SET: Record<string, string> = { 'routewise.config.allowedApprovers': 'list' };

function typeProblem(name: string, fallback: unknown, value: unknown): Omit<Problem, 'position'> | undefined {
  const want = kind(fallback) === 'null' ? (KIND_WHEN_SET[name] ?? 'null') : kind(fallback);
  const got = kind(value);
  if (want === 'null' || want === got || (got === 'null' && fallback === null)) return undefined;
  return {
    code: 'setting-type',
    message: `${name} must be ${ARTICLES[want]} (the default is ${JSON.stringify(fallback)}); got ${got} ${JSON.stringify(value)}`,
    hint: want === 'boolean' || want === 'number' ? 'write the value without quotes' : `write it as ${ARTICLES[want]}`,
  };
}

const ARTICLES: Record<string, string> = { boolean: 'true or false', number: 'a number', string: 'text', list: 'a list', mapping: 'a mapping' };

function kind(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'mapping';
  if (typeof v === 'bigint') return 'number';
  return typeof v === 'string' ? 'string' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'other';
}

function objectAt(v: unknown, path: string[]): Doc | undefined {
  let node = v;
  for (const key of path) node = isObject(node) ? node[key] : undefined;
  return isObject(node) ? node : undefined;
}

function isObject(v: unknown): v is Doc {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
