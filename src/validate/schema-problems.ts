// Turns ajv's validation errors into problems people can act on: plain messages, the position
// of the offending value (or key), did-you-mean hints, and no oneOf/anyOf noise.
import { synonymIn } from '../manifest/value-synonyms.ts';
import type { ErrorObject } from 'ajv';
import type { LoadedDocument } from '../load/loaded-document.ts';
import type { Problem, ProblemCode } from '../problems/problem.ts';
import { closestName } from './did-you-mean.ts';
import { foreignCharacterHint, withLatinLetters } from './look-alike.ts';
import { schemaAt, type JsonSchema } from '../manifest/json-schema.ts';
import { describeValue, inPath } from './manifest-path.ts';

const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

export function schemaProblems(errors: readonly ErrorObject[], doc: LoadedDocument, schema: JsonSchema): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const misspelt = misspeltRequired(errors, doc, schema);
  for (const error of reduceAlternatives(errors)) {
    // `dataClases` given, `dataClasses` missing: one mistake, reported once, as the unknown key.
    if (error.keyword === 'required' && misspelt.has(`${error.instancePath}\u0000${String((error.params as Record<string, unknown>).missingProperty)}`)) continue;
    const problem = toProblem(error, errors, doc, schema);
    if (!problem) continue;
    const key = `${problem.code}\u0000${JSON.stringify(problem.path)}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems.sort(
    (a, b) => (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.column ?? 0) - (b.position?.column ?? 0),
  );
}

/** `instancePath NUL name` of each missing property that an unknown sibling key is a typo of. */
function misspeltRequired(errors: readonly ErrorObject[], doc: LoadedDocument, schema: JsonSchema): Set<string> {
  const out = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue;
    const path = instancePath(error.instancePath, doc.data);
    const known = Object.keys(schemaAt(schema, path)?.properties ?? {});
    const suggestion = closestName(String((error.params as Record<string, unknown>).additionalProperty), known);
    if (suggestion) out.add(`${error.instancePath}\u0000${suggestion}`);
  }
  return out;
}

/**
 * ajv reports every failing branch of an anyOf/oneOf plus the combinator itself. Keep one useful
 * message: for anyOf the type mismatch if there is one (else the first branch); for oneOf the
 * combinator, phrased from its branches.
 */
function reduceAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  const combinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const branchOf = (e: ErrorObject) =>
    combinators.find((c) => c !== e && c.instancePath === e.instancePath && e.schemaPath.startsWith(`${c.schemaPath}/`));
  const kept: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    if (branchOf(error)) continue;
    if (error.keyword === 'anyOf') kept.push(...pickAnyOfBranch(error, errors));
    else kept.push(error);
  }
  return kept;
}

function pickAnyOfBranch(anyOf: ErrorObject, errors: readonly ErrorObject[]): ErrorObject[] {
  const branches = errors.filter((e) => e !== anyOf && e.instancePath === anyOf.instancePath && e.schemaPath.startsWith(`${anyOf.schemaPath}/`));
  const typeError = branches.find((e) => e.keyword === 'type');
  if (typeError) return [typeError];
  if (branches.length === 0) return [anyOf];
  const firstBranch = branches[0]!.schemaPath.slice(anyOf.schemaPath.length + 1).split('/')[0];
  return branches.filter((e) => e.schemaPath.startsWith(`${anyOf.schemaPath}/${firstBranch}/`));
}

function toProblem(error: ErrorObject, all: readonly ErrorObject[], doc: LoadedDocument, schema: JsonSchema): Problem | undefined {
  const path = instancePath(error.instancePath, doc.data);
  const value = valueAt(doc.data, path);
  const here = describeValue(path);
  const code = `schema-${error.keyword.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` as ProblemCode;
  const params = error.params as Record<string, unknown>;
  const atValue = () => doc.valuePositionOf(path);

  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const known = Object.keys(schemaAt(schema, path)?.properties ?? {});
      const suggestion = closestName(name, known);
      return {
        code: 'schema-additional-property',
        message: `unknown property \`${name}\` ${inPath(path)}`,
        position: doc.positionOf([...path, name]),
        path: [...path, name],
        hint: suggestion ? `did you mean \`${suggestion}\`?` : `known properties: ${known.join(', ')}`,
      };
    }
    case 'required': {
      const name = String(params.missingProperty);
      const description = schemaAt(schema, [...path, name])?.description;
      const conditional = error.schemaPath.includes('/then/') ? conditionText(value) : '';
      return {
        code: 'schema-required',
        message: `missing required property \`${name}\` ${inPath(path)}${conditional}`,
        position: doc.positionOf(path),
        path,
        ...(description ? { hint: `add \`${name}\`: ${description}` } : {}),
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const foreign = typeof value === 'string' ? foreignCharacterHint(value) : undefined;
      const suggestion = typeof value === 'string' ? (closestName(withLatinLetters(value), allowed) ?? synonymIn(value, allowed)) : undefined;
      const hint = [foreign, suggestion ? `did you mean \`${suggestion}\`?` : undefined].filter((h) => h !== undefined).join('; ');
      return {
        code,
        message: `${here} must be one of ${allowed.join(', ')}; got ${show(value)}`,
        position: atValue(),
        path,
        ...(hint ? { hint } : {}),
      };
    }
    case 'const':
      return {
        code,
        message: `${here} must be \`${String(params.allowedValue)}\`; got ${show(value)}`,
        position: atValue(),
        path,
      };
    case 'type': {
      const expected = String(params.type);
      return {
        code,
        message: `${here} must be ${typeName(expected)}; got ${kindOf(value)}`,
        position: atValue(),
        path,
        ...typeHint(expected, value),
      };
    }
    case 'pattern': {
      const pattern = String(params.pattern);
      if (pattern === SLUG_PATTERN) {
        // A look-alike letter is named, never turned into a hyphen (`clаude` is not `cl-ude`).
        const foreign = typeof value === 'string' ? foreignCharacterHint(value) : undefined;
        const slug = typeof value === 'string' ? toSlug(withLatinLetters(value)) : '';
        return {
          code,
          message: `${here} must be a lowercase slug (letters a-z, digits, single hyphens); got ${show(value)}`,
          position: atValue(),
          path,
          ...(foreign ? { hint: foreign } : slug ? { hint: `for example \`${slug}\`` } : {}),
        };
      }
      if (pattern === DATE_PATTERN) {
        return { code, message: `${here} must be a date written YYYY-MM-DD; got ${show(value)}`, position: atValue(), path };
      }
      return { code, message: `${here} must match the pattern ${pattern}; got ${show(value)}`, position: atValue(), path };
    }
    case 'format': {
      // The date pattern already explains a malformed date; format adds only impossible dates.
      if (all.some((e) => e.keyword === 'pattern' && e.instancePath === error.instancePath)) return undefined;
      return {
        code,
        message: `${here} must be a real calendar date (YYYY-MM-DD); got ${show(value)}`,
        position: atValue(),
        path,
      };
    }
    case 'minItems': {
      const limit = Number(params.limit);
      return {
        code: 'schema-min-items',
        message: limit === 1 ? `${here} must list at least one item` : `${here} must list at least ${limit} items`,
        position: atValue(),
        path,
      };
    }
    case 'uniqueItems': {
      const later = Number(params.i);
      const earlier = Number(params.j);
      const items = Array.isArray(value) ? value : [];
      return {
        code: 'schema-unique-items',
        message: `${here} lists ${show(items[later])} more than once`,
        position: doc.valuePositionOf([...path, later]),
        path: [...path, later],
        hint: `remove the repeated item (it is also item ${Math.min(earlier, later)})`,
      };
    }
    case 'minimum':
    case 'exclusiveMinimum':
      return {
        code,
        message: `${here} must be ${error.keyword === 'minimum' ? 'at least' : 'greater than'} ${String(params.limit)}; got ${show(value)}`,
        position: atValue(),
        path,
      };
    case 'minLength':
      return { code: 'schema-min-length', message: `${here} must not be empty`, position: atValue(), path };
    case 'maxLength':
      return {
        code: 'schema-max-length',
        message: `${here} must be at most ${String(params.limit)} characters long`,
        position: atValue(),
        path,
      };
    case 'minProperties': {
      const names = Object.keys(schemaAt(schema, path)?.properties ?? {});
      return {
        code: 'schema-min-properties',
        message: `${here} must not be empty: give ${names.map((n) => `\`${n}\``).join(', ')}`,
        position: doc.positionOf(path),
        path,
      };
    }
    case 'oneOf': {
      const names = (schemaAt(schema, path)?.oneOf ?? []).flatMap((b) => b.required ?? []);
      const both = Array.isArray(params.passingSchemas);
      const list = names.map((n) => `\`${n}\``).join(' or ');
      return {
        code: 'schema-one-of',
        message: both ? `${here} must give only one of ${list}, not both` : `${here} must give one of ${list}`,
        position: doc.positionOf(path),
        path,
      };
    }
    default:
      return { code, message: `${here} ${error.message ?? 'is invalid'}`, position: atValue(), path };
  }
}

function conditionText(value: unknown): string {
  const type = value && typeof value === 'object' ? (value as Record<string, unknown>).type : undefined;
  return typeof type === 'string' ? ` (required for \`type: ${type}\`)` : '';
}

function instancePath(pointer: string, data: unknown): (string | number)[] {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let current: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key: string | number = Array.isArray(current) ? Number(segment) : segment;
    path.push(key);
    current = current && typeof current === 'object' ? (current as Record<string | number, unknown>)[key] : undefined;
  }
  return path;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let current = data;
  for (const key of path) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return `\`${value}\``;
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'a mapping';
  return `\`${String(value)}\``;
}

function typeName(type: string): string {
  switch (type) {
    case 'integer':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'string':
      return 'text';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'a mapping (key: value lines)';
    case 'array':
      return 'a list';
    default:
      return type;
  }
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text \`${value}\``;
  if (typeof value === 'number') return `the number ${value}`;
  return `\`${String(value)}\``;
}

function typeHint(expected: string, value: unknown): { hint?: string } {
  if (typeof value === 'string') {
    if ((expected === 'number' || expected === 'integer') && value.trim() !== '' && !Number.isNaN(Number(value.replace(/_/g, '')))) {
      return { hint: 'remove the quotes (and any separators) so YAML reads a number' };
    }
    const full = expected === 'number' || expected === 'integer' ? numberWritten(value) : undefined;
    if (full !== undefined) return { hint: `write the number in full, \`${full}\`: YAML reads \`${value.trim()}\` as text` };
    if (expected === 'boolean' && /^(yes|no|on|off|y|n|true|false)$/i.test(value)) {
      return { hint: 'write `true` or `false` without quotes (YAML 1.2 reads `yes`/`no` as text)' };
    }
  }
  if (expected === 'array' && (typeof value === 'string' || typeof value === 'number')) {
    return { hint: `write a list: [${String(value)}]` };
  }
  if (expected === 'integer' && typeof value === 'number') return { hint: 'drop the fractional part' };
  return {};
}

const SUFFIXES: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, b: 1e9, bn: 1e9, t: 1e12 };

/**
 * The number a person meant by `20M`, `1.2B`, `$70k` or `1,500,000`, or undefined. Only for the
 * hint: the manifest must still say the number itself, so nothing is read two ways.
 */
function numberWritten(text: string): number | undefined {
  const m = /^\s*[$\u20ac\u00a3]?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*([a-z]{0,2})\s*$/i.exec(text);
  if (!m) return undefined;
  const digits = Number(`${m[1]!.replace(/,/g, '')}${m[2] ?? ''}`);
  const unit = m[3]!.toLowerCase();
  const factor = unit === '' ? 1 : SUFFIXES[unit];
  if (factor === undefined || (unit === '' && !m[1]!.includes(',') && !/^\s*[$\u20ac\u00a3]/.test(text))) return undefined;
  return Math.round(digits * factor * 1e6) / 1e6;
}

function toSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
