// Checks an organisation's `routewise.config.cost` against the defaults: its own keys are a closed
// set (a misspelt `pue2` would otherwise change nothing), while its tables (GPU types, providers,
// open models) are open for new entries whose values must have the defaults' kind.
import { closestName } from '../validate/did-you-mean.ts';

export interface SettingProblem {
  /** Keys below `routewise.config.cost`. */
  path: string[];
  code: 'unknown-setting' | 'setting-type';
  message: string;
  hint: string;
}

export function costSettingProblems(defaults: unknown, given: unknown): SettingProblem[] {
  if (!isMapping(defaults) || !isMapping(given)) return [];
  const known = Object.keys(defaults);
  const out: SettingProblem[] = [];
  for (const [key, value] of Object.entries(given)) {
    const name = `routewise.config.cost.${key}`;
    if (!(key in defaults)) {
      const suggestion = closestName(key, known);
      out.push({ path: [key], code: 'unknown-setting', message: `${name} is not a cost setting, so it would change nothing`, hint: suggestion ? `did you mean ${suggestion}?` : `known cost settings: ${known.join(', ')}` });
      continue;
    }
    out.push(...kindProblems(defaults[key], value, [key], name));
  }
  return out;
}

/** Same kind as the default, all the way down; a table's new entries take the kind of its existing ones. */
function kindProblems(fallback: unknown, value: unknown, path: string[], name: string): SettingProblem[] {
  const want = kind(fallback);
  const got = kind(value);
  if (want !== got) {
    return [{ path, code: 'setting-type', message: `${name} must be ${ARTICLES[want]} (the default is ${JSON.stringify(fallback)}); got ${got} ${JSON.stringify(value)}`, hint: want === 'number' ? 'write the value without quotes' : `write it as ${ARTICLES[want]}` }];
  }
  if (want !== 'mapping' || !isMapping(fallback) || !isMapping(value)) return [];
  const sample = Object.values(fallback)[0];
  return Object.entries(value).flatMap(([k, v]) => kindProblems(k in fallback ? fallback[k] : sample, v, [...path, k], `${name}.${k}`));
}

const ARTICLES: Record<string, string> = { boolean: 'true or false', number: 'a number', string: 'text', list: 'a list', mapping: 'a mapping', null: 'empty' };

function kind(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'list';
  if (v instanceof Date) return 'string';
  if (typeof v === 'object') return 'mapping';
  return typeof v === 'string' ? 'string' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'other';
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
