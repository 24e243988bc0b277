// Turns ajv's validation errors into the error objects json.match_schema returns: the
// `{error, type, field, desc}` shape, type names and wording of the Go validator OPA uses.
import type { ErrorObject } from 'ajv';
import { ObjectValue, fromJS } from '../../value.ts';
import { formatFloat } from '../strings/format-float.ts';
import { marshalJson } from './json-text.ts';

/**
 * Stands in for the members of an empty enum, which ajv refuses but OPA accepts as matching
 * nothing. No document holds this key, so the enum still matches nothing.
 */
export const EMPTY_ENUM_MEMBER: Readonly<Record<string, true>> = Object.freeze({ '\u0000an empty enum matches nothing': true });

/** One mismatch between a document and a schema, as json.match_schema reports it. */
export interface SchemaMismatch {
  type: string;
  field: string;
  desc: string;
}

export function mismatchValue(m: SchemaMismatch): ObjectValue {
  return ObjectValue.from([
    ['error', `${m.field}: ${m.desc}`],
    ['type', m.type],
    ['field', m.field],
    ['desc', m.desc],
  ]);
}

/** ajv's errors (collected with allErrors and verbose) in the order and shape OPA reports them. */
export function schemaMismatches(errors: readonly ErrorObject[]): SchemaMismatch[] {
  return arrangeCombinators(dropMaskedByType(errors)).map(mismatch);
}

/** `(root)` for the document itself, else the JSON pointer's tokens joined by dots. */
export function fieldName(instancePath: string): string {
  if (instancePath === '') return '(root)';
  return instancePath
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

/**
 * A value of the wrong type is reported once: the Go validator stops at the type check, while
 * ajv goes on with keywords that apply to any type (enum, const, combinators).
 */
function dropMaskedByType(errors: readonly ErrorObject[]): ErrorObject[] {
  const masks = errors
    .filter((e) => e.keyword === 'type')
    .map((e) => ({ at: e.instancePath, under: e.schemaPath.slice(0, -'/type'.length) + '/', by: e }));
  if (masks.length === 0) return [...errors];
  return errors.filter((e) => !masks.some((m) => m.by !== e && e.instancePath === m.at && e.schemaPath.startsWith(m.under)));
}

/** Where the errors a combinator explains live in the schema, or undefined for plain keywords. */
function branchesPrefix(e: ErrorObject): string | undefined {
  switch (e.keyword) {
    case 'anyOf':
    case 'oneOf':
    case 'contains':
    case 'propertyNames':
      return e.schemaPath + '/';
    case 'if': {
      const failing = (e.params as { failingKeyword?: string }).failingKeyword ?? 'then';
      return e.schemaPath.slice(0, -'if'.length) + failing + '/';
    }
    default:
      return undefined;
  }
}

/**
 * ajv reports a combinator after the errors of all its branches; OPA reports it first, followed
 * by the errors of the one branch that came closest to matching (here: the one with fewest errors,
 * the first of those on a tie).
 */
function arrangeCombinators(errors: readonly ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  for (const e of errors) {
    const prefix = branchesPrefix(e);
    if (prefix === undefined) {
      out.push(e);
      continue;
    }
    let start = out.length;
    while (start > 0 && out[start - 1]!.schemaPath.startsWith(prefix)) start--;
    const explained = out.splice(start);
    out.push(e, ...closestBranch(e, prefix, explained));
  }
  return out;
}

function closestBranch(e: ErrorObject, prefix: string, explained: ErrorObject[]): ErrorObject[] {
  if (e.keyword === 'oneOf') {
    // Several branches matching is the whole problem; the failing ones explain nothing.
    if ((e.params as { passingSchemas?: unknown }).passingSchemas != null) return [];
  } else if (e.keyword !== 'anyOf' && e.keyword !== 'contains') {
    return explained;
  }
  // Branches of anyOf and oneOf are subschemas; those of contains are the array's items.
  const groups = new Map<string, ErrorObject[]>();
  for (const x of explained) {
    const branch = e.keyword === 'contains' ? x.instancePath : x.schemaPath.slice(prefix.length).split('/', 1)[0]!;
    let g = groups.get(branch);
    if (!g) groups.set(branch, (g = []));
    g.push(x);
  }
  let best: ErrorObject[] = [];
  for (const g of groups.values()) if (best.length === 0 || g.length < best.length) best = g;
  return best;
}

function mismatch(e: ErrorObject): SchemaMismatch {
  const field = fieldName(e.instancePath);
  const p = e.params as Record<string, unknown>;
  const at = (type: string, desc: string): SchemaMismatch => ({ type, field, desc });
  switch (e.keyword) {
    case 'type':
      return at('invalid_type', `Invalid type. Expected: ${expectedTypes(p.type)}, given: ${jsonType(e.data)}`);
    case 'required':
      return at('required', `${String(p.missingProperty)} is required`);
    case 'additionalProperties':
      return at('additional_property_not_allowed', `Additional property ${String(p.additionalProperty)} is not allowed`);
    case 'unevaluatedProperties':
      return at('additional_property_not_allowed', `Additional property ${String(p.unevaluatedProperty)} is not allowed`);
    case 'enum': {
      const allowed = ((p.allowedValues as unknown[]) ?? []).filter((x) => x !== EMPTY_ENUM_MEMBER);
      const list = allowed.length === 0 ? '(none)' : allowed.map(goJson).join(', ');
      return at('enum', `${field} must be one of the following: ${list}`);
    }
    case 'const':
      return at('const', `${field} does not match: ${goJson(p.allowedValue)}`);
    case 'minLength':
      return at('string_gte', `String length must be greater than or equal to ${String(p.limit)}`);
    case 'maxLength':
      return at('string_lte', `String length must be less than or equal to ${String(p.limit)}`);
    case 'pattern':
      return at('pattern', `Does not match pattern '${String(p.pattern)}'`);
    case 'format':
      return at('format', `Does not match format '${String(p.format)}'`);
    case 'multipleOf':
      return at('multiple_of', `Must be a multiple of ${number(p.multipleOf)}`);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return numberBound(field, String(p.comparison), number(p.limit));
    case 'minItems':
      return at('array_min_items', `Array must have at least ${String(p.limit)} items`);
    case 'maxItems':
      return at('array_max_items', `Array must have at most ${String(p.limit)} items`);
    case 'uniqueItems': {
      const [i, j] = [Number(p.i), Number(p.j)].sort((a, b) => a - b);
      return at('unique', `array items[${i},${j}] must be unique`);
    }
    case 'contains':
      return at('contains', 'At least one of the items must match');
    case 'additionalItems':
    case 'unevaluatedItems':
      return at('array_no_additional_items', 'No additional items allowed on array');
    case 'items':
      if ('limit' in p) return at('array_no_additional_items', 'No additional items allowed on array');
      break;
    case 'minProperties':
      return at('array_min_properties', `Must have at least ${String(p.limit)} properties`);
    case 'maxProperties':
      return at('array_max_properties', `Must have at most ${String(p.limit)} properties`);
    case 'dependencies':
    case 'dependentRequired':
      return at('missing_dependency', `Has a dependency on ${String(p.missingProperty)}`);
    case 'propertyNames':
      return at('invalid_property_name', `Property name of "${String(p.propertyName)}" does not match`);
    case 'anyOf':
      return at('number_any_of', 'Must validate at least one schema (anyOf)');
    case 'oneOf':
      return at('number_one_of', 'Must validate one and only one schema (oneOf)');
    case 'not':
      return at('number_not', 'Must not validate the schema (not)');
    case 'if':
      return p.failingKeyword === 'else'
        ? at('condition_else', 'Must validate "else" as "if" was not valid')
        : at('condition_then', 'Must validate "then" as "if" was valid');
    case 'false schema':
      return at('false', 'False always fails validation');
  }
  // Keywords the Go validator does not know (discriminator, dependentSchemas...): ajv's own words.
  const message = e.message ?? 'is invalid';
  return at(e.keyword, message.charAt(0).toUpperCase() + message.slice(1));
}

function numberBound(field: string, comparison: string, limit: string): SchemaMismatch {
  switch (comparison) {
    case '>=':
      return { type: 'number_gte', field, desc: `Must be greater than or equal to ${limit}` };
    case '>':
      return { type: 'number_gt', field, desc: `Must be greater than ${limit}` };
    case '<':
      return { type: 'number_lt', field, desc: `Must be less than ${limit}` };
    default:
      return { type: 'number_lte', field, desc: `Must be less than or equal to ${limit}` };
  }
}

/** One type by name, several as `[string,null]`. */
function expectedTypes(t: unknown): string {
  if (Array.isArray(t)) return t.length === 1 ? String(t[0]) : `[${t.join(',')}]`;
  const s = String(t);
  return s.includes(',') ? `[${s}]` : s;
}

function jsonType(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'number':
      return Number.isInteger(v) ? 'integer' : 'number';
    case 'bigint':
      return 'integer';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    default:
      return 'object';
  }
}

/** Bounds as Go prints its big floats (%v): shortest digits, exponent form from 1e+06 on. */
function number(v: unknown): string {
  return typeof v === 'number' ? formatFloat(v, 'g', -1) : String(v);
}

function goJson(v: unknown): string {
  return marshalJson(fromJS(v));
}
