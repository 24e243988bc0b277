// JSON Schema builtins: json.verify_schema checks a schema, json.match_schema checks a document
// against one. Schemas and documents are objects or JSON text; each schema compiles once per evaluation.
import { createRequire } from 'node:module';
import type { Ajv, AnySchema, AnySchemaObject, ValidateFunction } from 'ajv';
import { ObjectValue, SetValue, keyOf, keyText, toJS } from '../../value.ts';
import type { Value } from '../../value.ts';
import type { BuiltinContext, BuiltinDef } from '../builtin.ts';
import { builtinError } from '../builtin.ts';
import { EMPTY_ENUM_MEMBER, mismatchValue, schemaMismatches } from './json-schema-errors.ts';
import { JsonSyntaxError, parseJson } from './json-text.ts';
import { wrongType } from '../operands.ts';
import { compileGoRegexp } from '../regex/go-regexp.ts';

type Compiled = { ok: true; validate: ValidateFunction } | { ok: false; message: string };

/** The invalid-JSON message OPA gives for both builtins. */
const INVALID_JSON = 'invalid JSON string';

/** A schema or document operand as plain JSON data, or the reason it is not JSON. */
function jsonOperand(name: string, pos: number, v: Value): { data: unknown } | { error: string } {
  if (typeof v === 'string') {
    try {
      return { data: plain(parseJson(v)) };
    } catch (e) {
      if (e instanceof JsonSyntaxError) return { error: INVALID_JSON };
      throw e;
    }
  }
  // OPA reads arrays too, though its type checker stops them where it can see them.
  if (v instanceof ObjectValue || Array.isArray(v)) return { data: plain(v) };
  throw wrongType(name, pos, 'one of {object, string}', v);
}

/** Plain JSON data for ajv: numbers as doubles, sets as arrays, every key an own property. */
function plain(v: Value): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(plain);
  if (v instanceof SetValue) return v.sorted().map(plain);
  if (v instanceof ObjectValue) return Object.fromEntries(v.sortedEntries().map(([k, x]) => [keyText(k), plain(x)]));
  // Any other number representation: ajv works on doubles.
  return toJS(v);
}

// Keywords whose values are instance data rather than schemas.
const DATA_KEYWORDS = new Set(['const', 'default', 'enum', 'examples']);

/** Gives empty enums a member that nothing equals (see EMPTY_ENUM_MEMBER); changes `schema` in place. */
function fillEmptyEnums(schema: unknown): void {
  if (schema === null || typeof schema !== 'object') return;
  if (Array.isArray(schema)) {
    schema.forEach(fillEmptyEnums);
    return;
  }
  const record = schema as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const v = record[key];
    if (key === 'enum' && Array.isArray(v) && v.length === 0) record[key] = [EMPTY_ENUM_MEMBER];
    else if (!DATA_KEYWORDS.has(key)) fillEmptyEnums(v);
  }
}

type Draft = 'draft-04' | 'draft-07' | '2019-09' | '2020-12';

/** The draft a schema declares with `$schema`; draft-07 (which reads draft-06 too) otherwise. */
function draftOf(schema: unknown): Draft {
  const id = schema !== null && typeof schema === 'object' ? (schema as Record<string, unknown>)['$schema'] : undefined;
  if (typeof id !== 'string') return 'draft-07';
  if (id.includes('draft-04')) return 'draft-04';
  if (id.includes('2019-09')) return '2019-09';
  if (id.includes('2020-12')) return '2020-12';
  return 'draft-07';
}

/** The validator classes, for the drafts routewise reads. */
interface AjvModules {
  Ajv: typeof import('ajv').Ajv;
  Ajv2019: typeof import('ajv/dist/2019.js').Ajv2019;
  Ajv2020: typeof import('ajv/dist/2020.js').Ajv2020;
  AjvDraft04: new (options: object) => Ajv;
  addFormats: (ajv: Ajv) => unknown;
  draft06: AnySchemaObject;
}

let modules: AjvModules | undefined;

/**
 * Loads ajv on the first schema a policy checks: evaluating its modules costs a tenth of the
 * CLI's start-up, which no policy without schemas should pay. A bundle turns the plain
 * \`require\` calls below into its own copies, evaluated only when reached; run from source,
 * where ESM has no \`require\`, the packages load from node_modules instead.
 */
function ajvModules(): AjvModules {
  if (modules) return modules;
  const load = typeof require === 'function' ? undefined : createRequire(import.meta.url);
  const m = load
    ? { ajv: load('ajv'), ajv2019: load('ajv/dist/2019.js'), ajv2020: load('ajv/dist/2020.js'), draft04: load('ajv-draft-04'), formats: load('ajv-formats'), draft06: load('ajv/dist/refs/json-schema-draft-06.json') }
    : { ajv: require('ajv'), ajv2019: require('ajv/dist/2019.js'), ajv2020: require('ajv/dist/2020.js'), draft04: require('ajv-draft-04'), formats: require('ajv-formats'), draft06: require('ajv/dist/refs/json-schema-draft-06.json') };
  // enum, const and uniqueItems compare through this module's function, which calls a document's
  // own `valueOf` or `toString` and trusts its `constructor`: `{"valueOf": 0}` would crash it.
  const equal = load ? load('ajv/dist/runtime/equal.js') : require('ajv/dist/runtime/equal.js');
  equal.default = Object.assign(jsonEqual, { code: equal.default.code });
  modules = { Ajv: m.ajv.Ajv, Ajv2019: m.ajv2019.Ajv2019, Ajv2020: m.ajv2020.Ajv2020, AjvDraft04: m.draft04.default, addFormats: m.formats.default, draft06: m.draft06 };
  return modules;
}

/** Equality of JSON data, reading only own keys: a key named like an object method is just a key. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  const keys = Object.keys(a);
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(y, k) && jsonEqual(x[k], y[k]));
}

// Validators are built on first use; compiled schemas are removed from them again right away
// (see compileSchema), so schemas from one evaluation never collide with or pile up in the next.
const validators = new Map<Draft, Ajv>();

/**
 * What ajv needs of a pattern engine: a test of a string per pattern. ajv keeps one per distinct
 * `toString()`, so that gives the pattern; `code` names the engine in generated code.
 */
const goPatternRegExp = Object.assign(
  (pattern: string): { test: (s: string) => boolean; toString: () => string } => {
    const re = compileGoRegexp(pattern).re;
    return { test: (s: string) => re.matcher(s).find(0), toString: () => `go-pattern:${pattern}` };
  },
  { code: 'go-pattern' },
);

function validator(draft: Draft): Ajv {
  let ajv = validators.get(draft);
  if (ajv) return ajv;
  // allErrors: OPA reports every mismatch. strict off: unknown keywords and formats are ignored
  // as OPA's validator ignores them. ownProperties: `required: [constructor]` is not met by what
  // every object inherits. Patterns (`pattern`, `patternProperties`) are Go patterns,
  // as OPA's validator reads them, run on the linear-time matcher.
  const options = { allErrors: true, strict: false, verbose: true, ownProperties: true, logger: false as const, unicodeRegExp: false, code: { regExp: goPatternRegExp } };
  const m = ajvModules();
  switch (draft) {
    case 'draft-04':
      ajv = new m.AjvDraft04(options);
      break;
    case '2019-09':
      ajv = new m.Ajv2019(options);
      break;
    case '2020-12':
      ajv = new m.Ajv2020(options);
      break;
    default:
      ajv = new m.Ajv(options);
      ajv.addMetaSchema(m.draft06);
  }
  m.addFormats(ajv);
  validators.set(draft, ajv);
  return ajv;
}

function compileSchema(schema: unknown): Compiled {
  fillEmptyEnums(schema);
  const ajv = validator(draftOf(schema));
  try {
    return { ok: true, validate: ajv.compile(schema as AnySchema) };
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    return { ok: false, message: schemaProblem(ajv, schema) ?? e.message };
  } finally {
    if (schema !== null && typeof schema === 'object') ajv.removeSchema(schema as AnySchema);
  }
}

// The type names a schema may use, listed as OPA lists them when one is wrong.
const TYPE_NAMES = '[array boolean integer number null object string]';

/** An unknown type name, worded as OPA words it; other meta-schema failures keep ajv's words. */
function schemaProblem(ajv: Ajv, schema: unknown): string | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  if (ajv.validateSchema(schema as AnySchema) !== false) return undefined;
  const badType = ajv.errors?.find(
    (e) => e.keyword === 'enum' && /\/type(\/\d+)?$/.test(e.instancePath) && typeof e.data === 'string',
  );
  if (badType) return `has a primitive type that is NOT VALID -- given: /${String(badType.data)}/ Expected valid values are:${TYPE_NAMES}`;
  return undefined;
}

/** The compiled schema for this operand, compiled at most once per evaluation. */
function cachedSchema(ctx: BuiltinContext, operand: Value, schema: unknown): Compiled {
  const key = 'json-schema\0' + keyOf(operand);
  let compiled = ctx.cache.get(key) as Compiled | undefined;
  if (!compiled) {
    compiled = compileSchema(schema);
    ctx.cache.set(key, compiled);
  }
  return compiled;
}

function verifySchema(args: Value[], ctx: BuiltinContext): Value {
  const name = 'json.verify_schema';
  const schema = jsonOperand(name, 1, args[0]!);
  if ('error' in schema) return [false, `jsonschema: ${schema.error}`];
  const compiled = cachedSchema(ctx, args[0]!, schema.data);
  return compiled.ok ? [true, null] : [false, `jsonschema: ${compiled.message}`];
}

function matchSchema(args: Value[], ctx: BuiltinContext): Value {
  const name = 'json.match_schema';
  const doc = jsonOperand(name, 1, args[0]!);
  const schema = jsonOperand(name, 2, args[1]!);
  if ('error' in doc) throw builtinError(name, doc.error);
  if ('error' in schema) throw builtinError(name, schema.error);
  const compiled = cachedSchema(ctx, args[1]!, schema.data);
  if (!compiled.ok) throw builtinError(name, compiled.message);
  if (compiled.validate(doc.data)) return [true, []];
  return [false, schemaMismatches(compiled.validate.errors ?? []).map(mismatchValue)];
}

export const builtins: BuiltinDef[] = [
  { name: 'json.verify_schema', arity: 1, fn: verifySchema },
  { name: 'json.match_schema', arity: 2, fn: matchSchema },
];
