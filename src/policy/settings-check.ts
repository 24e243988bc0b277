// Checks --data files against the settings schema (schemas/data.v1.schema.json, the one
// description of policies/data.yaml) and against the settings organisation policy folders add
// to `routewise.config`. A misspelt, misplaced or mistyped setting, at any depth, would otherwise
// be ignored without a word and the rule it meant to change would silently keep its default.
import { readFileSync } from 'node:fs';
import type { ErrorObject } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import type { Problem } from '../problems/problem.ts';
import { SourcePositions } from '../load/source-positions.ts';
import { closestName } from '../validate/did-you-mean.ts';
import { DATA_SCHEMA } from './assets.ts';
import validateSettings from './generated/settings-validator.js';

type Doc = Record<string, unknown>;
type SchemaNode = Record<string, unknown>;

/** The settings schema, compiled: validates one `routewise.config` mapping. */
export interface SettingsSchema {
  /** The `config` definition of the schema, for names, descriptions and retired settings. */
  config: SchemaNode;
  validate(config: unknown): ErrorObject[];
  /** The schema node of the setting at a path below `routewise.config`. */
  nodeAt(path: readonly (string | number)[]): SchemaNode | undefined;
}

/** The settings schema and its validator, precompiled from the same file by scripts/generate-validator.mjs. */
export function settingsSchema(file: string = DATA_SCHEMA): SettingsSchema {
  const schema = JSON.parse(readFileSync(file, 'utf8')) as SchemaNode;
  const definitions = schema.$defs as Record<string, SchemaNode>;
  const config = definitions.config!;
  return {
    config,
    validate: (value) => (validateSettings(value) ? [] : [...(validateSettings.errors ?? [])]),
    nodeAt: (path) => nodeAt(config, path, definitions),
  };
}

/** The schema node describing the setting at `path` below `routewise.config`, `$ref`s followed. */
function nodeAt(config: SchemaNode, path: readonly (string | number)[], definitions: Record<string, SchemaNode>): SchemaNode | undefined {
  const follow = (node: SchemaNode | undefined): SchemaNode | undefined => {
    let n = node;
    for (let hops = 0; n && typeof n.$ref === 'string' && hops < 10; hops++) n = definitions[n.$ref.replace('#/$defs/', '')];
    return n;
  };
  let node = follow(config);
  for (const key of path) {
    if (!node) return undefined;
    const named = typeof key === 'string' ? properties(node)[key] : undefined;
    const free = typeof node.additionalProperties === 'object' ? (node.additionalProperties as SchemaNode) : undefined;
    node = follow(typeof key === 'number' ? (node.items as SchemaNode | undefined) : (named ?? free));
  }
  return node;
}

/** Problems with the settings `override` (the parsed text of `file`) gives; `defaults` holds what policy folders define. */
export function checkSettings(schema: SettingsSchema, defaults: unknown, override: unknown, file: string, text: string): Problem[] {
  if (!isObject(override)) return [];
  const described = Object.keys(properties(schema.config));
  const fromPolicies = Object.keys(objectAt(defaults, ['routewise', 'config']) ?? {}).filter((key) => !described.includes(key));
  const known = [...described, ...fromPolicies];
  const found: { path: (string | number)[]; problem: Omit<Problem, 'position'> }[] = [];

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
      // Settings that organisation policies add are theirs to describe: judged by their default's kind.
      const ownSettings = Object.fromEntries(Object.entries(given).filter(([key]) => !fromPolicies.includes(key)));
      for (const key of fromPolicies) {
        if (!(key in given)) continue;
        const wrong = typeProblem(`routewise.config.${key}`, objectAt(defaults, ['routewise', 'config'])![key], given[key]);
        if (wrong) found.push({ path: ['routewise', 'config', key], problem: wrong });
      }
      for (const e of schema.validate(ownSettings)) {
        const at = pathOf(e.instancePath);
        if (e.keyword === 'additionalProperties') {
          const key = String((e.params as { additionalProperty: string }).additionalProperty);
          const names = Object.keys(properties(schema.nodeAt(at)));
          const siblings = at.length === 0 ? known : names;
          found.push({ path: ['routewise', 'config', ...at, key], problem: unknown(nameOf([...at, key]), closestName(key, siblings), siblings) });
        } else if (e.keyword === 'type') {
          found.push({ path: ['routewise', 'config', ...at], problem: wrongType(nameOf(at), e, valueAt(defaults, ['routewise', 'config', ...at]), valueAt(given, at)) });
        } else {
          found.push({ path: ['routewise', 'config', ...at], problem: { code: 'setting-type', message: `${nameOf(at)} ${rangeText(e)}; got ${JSON.stringify(valueAt(given, at))}` } });
        }
      }
      for (const [key, setting] of Object.entries(properties(schema.config))) {
        if (key in given && setting.deprecated === true) found.push({ path: ['routewise', 'config', key], problem: retired(key, setting) });
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

/** What a value outside the schema's limits must be instead (the validator is built without messages). */
function rangeText(e: ErrorObject): string {
  const limit = (e.params as { limit?: number }).limit;
  switch (e.keyword) {
    case 'minimum':
      return `must be at least ${limit}`;
    case 'maximum':
      return `must be at most ${limit}`;
    case 'minLength':
      return 'must not be empty';
    case 'uniqueItems':
      return 'must not list an item twice';
    default:
      return `does not match the settings schema (${e.keyword})`;
  }
}

function nameOf(path: readonly (string | number)[]): string {
  return ['routewise', 'config', ...path].map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** `/requiredSkills/hybrid/0` -> ['requiredSkills', 'hybrid', 0]. */
function pathOf(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^(0|[1-9]\d*)$/.test(p) ? Number(p) : p));
}

function properties(node: SchemaNode | undefined): Record<string, SchemaNode> {
  return (node?.properties as Record<string, SchemaNode> | undefined) ?? {};
}

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

function retired(key: string, setting: SchemaNode): Omit<Problem, 'position'> {
  const by = typeof setting['x-replacedBy'] === 'string' ? setting['x-replacedBy'] : 'another setting';
  return {
    code: 'retired-setting',
    message: `routewise.config.${key} is retired: ${by} replaces it (the setting is still accepted until the next minor version)`,
    hint: `move to ${by} (docs/settings.md), then remove ${key}`,
  };
}

const SCHEMA_KIND: Record<string, string> = { boolean: 'boolean', integer: 'number', number: 'number', string: 'string', array: 'list', object: 'mapping', null: 'null' };

function wrongType(name: string, e: ErrorObject, fallback: unknown, value: unknown): Omit<Problem, 'position'> {
  const types = String((e.params as { type: string }).type).split(',');
  const want = types.map((t) => SCHEMA_KIND[t] ?? t).filter((k) => k !== 'null');
  const wanted = want.map((k) => ARTICLES[k] ?? k).join(' or ');
  const nullable = types.includes('null') ? ' or null' : '';
  const integer = types.includes('integer') && typeof value === 'number' ? ' (a whole number)' : '';
  return {
    code: 'setting-type',
    message: `${name} must be ${wanted}${integer}${nullable}${fallback === undefined ? '' : ` (the default is ${JSON.stringify(fallback)})`}; got ${kind(value)} ${JSON.stringify(value)}`,
    hint: want.includes('boolean') || want.includes('number') ? 'write the value without quotes' : `write it as ${wanted}`,
  };
}

function typeProblem(name: string, fallback: unknown, value: unknown): Omit<Problem, 'position'> | undefined {
  const want = kind(fallback);
  const got = kind(value);
  if (want === 'null' || want === got || got === 'null') return undefined;
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

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const key of path) {
    if (Array.isArray(node) && typeof key === 'number') node = node[key];
    else node = isObject(node) ? node[key] : undefined;
  }
  return node;
}

function objectAt(v: unknown, path: string[]): Doc | undefined {
  const node = valueAt(v, path);
  return isObject(node) ? node : undefined;
}

function isObject(v: unknown): v is Doc {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
