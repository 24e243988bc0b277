import { describe, expect, it } from 'vitest';
import { BuiltinFailure, BuiltinTypeError } from '../../../../src/rego/builtins/builtin.ts';
import { builtins } from '../../../../src/rego/builtins/json/json-schema.ts';
import { SetValue, toJS } from '../../../../src/rego/value.ts';
import { caller, makeContext } from '../call-builtin.ts';

const call = caller(builtins);
/** The result as plain data, so expectations read like the JSON OPA prints. */
const plain = (name: string, ...args: unknown[]) => toJS(call(name, ...args)!);

const idSchema = { properties: { id: { type: 'integer' } }, required: ['id'] };

interface Mismatch {
  error: string;
  type: string;
  field: string;
  desc: string;
}

/** Documents other than objects and arrays go in as JSON text, the only way a policy can pass them. */
function mismatches(doc: unknown, schema: unknown): Mismatch[] {
  const operand = doc !== null && typeof doc === 'object' ? doc : JSON.stringify(doc);
  const [ok, errors] = plain('json.match_schema', operand, schema) as [boolean, Mismatch[]];
  expect(ok).toBe(errors.length === 0);
  return errors;
}

describe('json.verify_schema', () => {
  it('accepts valid schemas given as objects or as JSON text', () => {
    expect(plain('json.verify_schema', idSchema)).toEqual([true, null]);
    expect(plain('json.verify_schema', JSON.stringify(idSchema))).toEqual([true, null]);
    expect(plain('json.verify_schema', '{}')).toEqual([true, null]);
  });

  it('names an unknown type as OPA does', () => {
    expect(plain('json.verify_schema', { properties: { id: { type: 'UNKNOWN' } } })).toEqual([
      false,
      'jsonschema: has a primitive type that is NOT VALID -- given: /UNKNOWN/ Expected valid values are:[array boolean integer number null object string]',
    ]);
  });

  it('reports text that is not JSON in the result, not as an error', () => {
    expect(plain('json.verify_schema', '{ "a": "')).toEqual([false, 'jsonschema: invalid JSON string']);
  });

  it('reports other schema problems with a jsonschema prefix', () => {
    const [ok, message] = plain('json.verify_schema', { minimum: 'ten' }) as [boolean, string];
    expect(ok).toBe(false);
    expect(message).toMatch(/^jsonschema: .*minimum/);
    const [refOk, refMessage] = plain('json.verify_schema', { $ref: '#/definitions/missing' }) as [boolean, string];
    expect(refOk).toBe(false);
    expect(refMessage).toContain('#/definitions/missing');
  });

  it('reads the draft a schema declares', () => {
    // Boolean exclusiveMaximum is draft-04 only; draft-07 wants a number there.
    const bounded = { properties: { n: { maximum: 3, exclusiveMaximum: true } } };
    expect(plain('json.verify_schema', { $schema: 'http://json-schema.org/draft-04/schema#', ...bounded })).toEqual([true, null]);
    expect((plain('json.verify_schema', bounded) as [boolean])[0]).toBe(false);
    const prefixItems = { $schema: 'https://json-schema.org/draft/2020-12/schema', prefixItems: [{ type: 'string' }] };
    expect(plain('json.verify_schema', prefixItems)).toEqual([true, null]);
    const dependentRequired = { $schema: 'https://json-schema.org/draft/2019-09/schema', dependentRequired: { a: ['b'] } };
    expect(plain('json.verify_schema', dependentRequired)).toEqual([true, null]);
  });

  it('refuses operands that are neither objects nor strings', () => {
    expect(() => call('json.verify_schema', 1)).toThrow(BuiltinTypeError);
    expect(() => call('json.verify_schema', true)).toThrow('json.verify_schema: operand 1 must be one of {object, string} but got boolean');
  });
});

describe('json.match_schema', () => {
  it('matches documents given as objects or JSON text against either kind of schema', () => {
    expect(plain('json.match_schema', { id: 5 }, idSchema)).toEqual([true, []]);
    expect(plain('json.match_schema', '{"id": 5}', idSchema)).toEqual([true, []]);
    expect(plain('json.match_schema', { id: 5 }, JSON.stringify(idSchema))).toEqual([true, []]);
  });

  it('describes a wrong type with field, type and text as OPA does', () => {
    expect(plain('json.match_schema', { id: 'foo' }, idSchema)).toEqual([
      false,
      [
        {
          desc: 'Invalid type. Expected: integer, given: string',
          error: 'id: Invalid type. Expected: integer, given: string',
          field: 'id',
          type: 'invalid_type',
        },
      ],
    ]);
  });

  it('names fields by their path from the root, joined with dots', () => {
    const schema = {
      properties: {
        routes: { type: 'array', items: { properties: { target: { type: 'string' } } } },
        'a/b~c': { type: ['string', 'null'] },
      },
    };
    const errors = mismatches({ routes: [{ target: 'x' }, { target: 1 }], 'a/b~c': 2 }, schema);
    expect(errors.map((e) => [e.field, e.desc])).toEqual([
      ['a/b~c', 'Invalid type. Expected: [string,null], given: integer'],
      ['routes.1.target', 'Invalid type. Expected: string, given: integer'],
    ]);
  });

  it('reports problems of the object itself at its own field, (root) at the top', () => {
    const schema = { required: ['id', 'name'], additionalProperties: false, properties: { id: {}, name: {} } };
    expect(mismatches({ id: 1, extra: true }, schema).map((e) => e.error)).toEqual([
      '(root): name is required',
      '(root): Additional property extra is not allowed',
    ]);
  });

  it('words each kind of mismatch as OPA does', () => {
    const cases: [unknown, unknown, string, string][] = [
      ['ab', { minLength: 3 }, 'string_gte', 'String length must be greater than or equal to 3'],
      ['abcd', { maxLength: 3 }, 'string_lte', 'String length must be less than or equal to 3'],
      ['b', { pattern: '^a' }, 'pattern', "Does not match pattern '^a'"],
      ['nope', { format: 'email' }, 'format', "Does not match format 'email'"],
      [7, { multipleOf: 2 }, 'multiple_of', 'Must be a multiple of 2'],
      [1, { minimum: 2 }, 'number_gte', 'Must be greater than or equal to 2'],
      [2, { exclusiveMinimum: 2 }, 'number_gt', 'Must be greater than 2'],
      [2000000, { maximum: 1000000 }, 'number_lte', 'Must be less than or equal to 1e+06'],
      [3, { exclusiveMaximum: 2.5 }, 'number_lt', 'Must be less than 2.5'],
      [[], { minItems: 1 }, 'array_min_items', 'Array must have at least 1 items'],
      [[1, 2], { maxItems: 1 }, 'array_max_items', 'Array must have at most 1 items'],
      [['a', 'b', 'a'], { uniqueItems: true }, 'unique', 'array items[0,2] must be unique'],
      [{}, { minProperties: 1 }, 'array_min_properties', 'Must have at least 1 properties'],
      [{ a: 1, b: 2 }, { maxProperties: 1 }, 'array_max_properties', 'Must have at most 1 properties'],
      [{ a: 1 }, { dependencies: { a: ['b'] } }, 'missing_dependency', 'Has a dependency on b'],
      ['x', { enum: ['a', 'b<'] }, 'enum', '(root) must be one of the following: "a", "b\\u003c"'],
      ['x', { const: 'a' }, 'const', '(root) does not match: "a"'],
      [1, { not: { type: 'integer' } }, 'number_not', 'Must not validate the schema (not)'],
      [1, 'false', 'false', 'False always fails validation'],
    ];
    for (const [doc, schema, type, desc] of cases) {
      expect(mismatches(doc, schema).map((e) => [e.type, e.desc]), JSON.stringify(schema)).toEqual([[type, desc]]);
    }
  });

  it('treats an empty enum as matching nothing, as OPA does', () => {
    expect(mismatches({ value: 'allow' }, { enum: [] }).map((e) => e.desc)).toEqual(['(root) must be one of the following: (none)']);
    // A const whose value merely looks like an empty enum is data, left as it is.
    expect(plain('json.match_schema', { enum: [] }, { const: { enum: [] } })).toEqual([true, []]);
  });

  it('compares documents whose keys are names of object methods, without crashing', () => {
    // Found by the text-input fuzz test (seeds 960178539 and -1479666574).
    expect(mismatches({ valueOf: 0 }, { enum: [] }).map((m) => m.type)).toEqual(['enum']);
    expect(mismatches({ valueOf: 0 }, { enum: [{ valueOf: 0 }] })).toEqual([]);
    expect(mismatches({ toString: 'x' }, { const: { toString: 'y' } }).map((m) => m.type)).toEqual(['const']);
    expect(mismatches({ constructor: {} }, { const: { constructor: {} } })).toEqual([]);
    expect(mismatches({ constructor: { a: 1 } }, { enum: [{ constructor: { a: 2 } }] }).map((m) => m.type)).toEqual(['enum']);
    expect(mismatches([{ valueOf: 1 }, { valueOf: 1 }], { uniqueItems: true }).map((m) => m.type)).toEqual(['unique']);
  });

  it('looks only at the properties a document has, never at those every object inherits', () => {
    expect(mismatches({}, { required: ['constructor', 'toString'] }).map((m) => m.desc)).toEqual([
      'constructor is required',
      'toString is required',
    ]);
    expect(mismatches({}, { properties: { toString: { type: 'string' } } })).toEqual([]);
  });

  it('reports a wrong type once, without the checks the type check stops', () => {
    expect(mismatches('x', { type: 'integer', enum: [1, 2], anyOf: [{ minimum: 1 }] }).map((e) => e.type)).toEqual(['invalid_type']);
  });

  it('puts a combinator first, followed by the branch that came closest', () => {
    const anyOf = { anyOf: [{ type: 'string', minLength: 5 }, { type: 'integer' }, { type: 'object', required: ['a', 'b'] }] };
    expect(mismatches('abc', anyOf).map((e) => e.type)).toEqual(['number_any_of', 'string_gte']);
    const oneOf = { oneOf: [{ type: 'string' }, { type: 'integer', maximum: 2 }] };
    expect(mismatches(5, oneOf).map((e) => e.type)).toEqual(['number_one_of', 'invalid_type']);
    // Matching two branches is the whole problem: no branch has errors to show.
    expect(mismatches(1, { oneOf: [{ type: 'integer' }, { minimum: 0 }] }).map((e) => e.type)).toEqual(['number_one_of']);
    const cond = { if: { type: 'string' }, then: { minLength: 3 }, else: { minimum: 10 } };
    expect(mismatches('ab', cond).map((e) => e.type)).toEqual(['condition_then', 'string_gte']);
    expect(mismatches(5, cond).map((e) => e.type)).toEqual(['condition_else', 'number_gte']);
    const contains = { contains: { type: 'string', minLength: 2 } };
    expect(mismatches([1, 'a'], contains).map((e) => [e.field, e.desc])).toEqual([
      ['(root)', 'At least one of the items must match'],
      ['0', 'Invalid type. Expected: string, given: integer'],
    ]);
    expect(mismatches({ b: 1 }, { propertyNames: { pattern: '^a' } }).map((e) => e.desc)).toEqual([
      'Property name of "b" does not match',
      "Does not match pattern '^a'",
    ]);
  });

  it('follows the draft a schema declares', () => {
    const draft04 = { $schema: 'http://json-schema.org/draft-04/schema#', maximum: 3, exclusiveMaximum: true };
    expect(mismatches(3, draft04).map((e) => [e.type, e.desc])).toEqual([['number_lt', 'Must be less than 3']]);
    const draft2020 = { $schema: 'https://json-schema.org/draft/2020-12/schema', prefixItems: [{ type: 'string' }], items: false };
    expect(mismatches(['a', 'b'], draft2020).map((e) => e.type)).toEqual(['array_no_additional_items']);
  });

  it('reads sets as arrays and big integers as numbers', () => {
    expect(plain('json.match_schema', { tags: SetValue.from(['a', 'b']) }, { properties: { tags: { type: 'array' } } })).toEqual([true, []]);
    expect(plain('json.match_schema', { n: 2n ** 70n }, { properties: { n: { type: 'integer', minimum: 0 } } })).toEqual([true, []]);
  });

  it('fails on schemas and documents that cannot be read', () => {
    expect(() => call('json.match_schema', '{ "a": "', {})).toThrow(new BuiltinFailure('json.match_schema: invalid JSON string'));
    expect(() => call('json.match_schema', {}, '{ "a": "')).toThrow(new BuiltinFailure('json.match_schema: invalid JSON string'));
    expect(() => call('json.match_schema', { id: 'foo' }, { properties: { id: { type: 'unknown' } } })).toThrow(
      new BuiltinFailure(
        'json.match_schema: has a primitive type that is NOT VALID -- given: /unknown/ Expected valid values are:[array boolean integer number null object string]',
      ),
    );
  });

  it('ignores keywords and formats it does not know, checks the formats it does', () => {
    expect(plain('json.match_schema', { x: 'a' }, { properties: { x: { format: 'routewise-id', 'x-note': 1 } } })).toEqual([true, []]);
    expect(mismatches({ at: 'yesterday' }, { properties: { at: { format: 'date-time' } } }).map((e) => e.type)).toEqual(['format']);
  });

  it('never fetches remote references', () => {
    expect(() => call('json.match_schema', {}, { $ref: 'http://169.254.169.254/schema.json' })).toThrow(
      "json.match_schema: can't resolve reference http://169.254.169.254/schema.json",
    );
  });

  it('refuses operands that are neither objects nor strings', () => {
    expect(() => call('json.match_schema', 1, {})).toThrow('json.match_schema: operand 1 must be one of {object, string} but got number');
    expect(() => call('json.match_schema', {}, null)).toThrow(BuiltinTypeError);
    expect(() => call('json.match_schema', SetValue.from([1]), {})).toThrow(BuiltinTypeError);
    // Arrays pass, as OPA's runtime takes them.
    expect(plain('json.match_schema', [1, 2], { type: 'array', items: { type: 'integer' } })).toEqual([true, []]);
  });

  it('compiles a schema once per evaluation, and again in the next', () => {
    const ctx = makeContext();
    const inCtx = caller(builtins, ctx);
    const schema = { $id: 'https://example.com/once', type: 'integer' };
    expect(toJS(inCtx('json.match_schema', '1', schema)!)).toEqual([true, []]);
    const cached = [...ctx.cache.keys()].filter((k) => k.startsWith('json-schema'));
    expect(cached).toHaveLength(1);
    expect(toJS(inCtx('json.match_schema', '"x"', schema)!)).toEqual([false, [expect.objectContaining({ type: 'invalid_type' })]]);
    expect([...ctx.cache.keys()].filter((k) => k.startsWith('json-schema'))).toEqual(cached);
    // A later evaluation may compile a different schema under the same $id.
    const next = caller(builtins, makeContext());
    expect(toJS(next('json.match_schema', '"x"', { $id: 'https://example.com/once', type: 'string' })!)).toEqual([true, []]);
  });
});

describe('patterns in schemas', () => {
  it('reads them as Go patterns, as OPA does, matched in linear time', () => {
    const schema = { properties: { s: { type: 'string', pattern: '^(a+)+$' } } };
    expect(mismatches({ s: 'a'.repeat(40) + '!' }, schema).map((m) => m.field)).toEqual(['s']);
    expect(mismatches({ s: 'a'.repeat(40) }, schema)).toEqual([]);
    expect(mismatches({ s: 'x' }, { properties: { s: { pattern: '\\Ax\\z' } } })).toEqual([]);
  });

  it('rejects what Go rejects (lookahead), as a schema error', () => {
    const [ok, errors] = plain('json.verify_schema', { pattern: '(?=a)' }) as [boolean, string];
    expect(ok).toBe(false);
    expect(errors).toMatch(/error parsing regexp/);
  });
});
