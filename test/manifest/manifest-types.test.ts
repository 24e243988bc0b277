// Keeps the hand-written Manifest types equal to the JSON Schema: the same properties per
// object, the same optionality, and the same literal values for enums and consts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { deref, schemaAt, type JsonSchema } from '../../src/manifest/json-schema.ts';

const root = join(import.meta.dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'manifest.v1.schema.json'), 'utf8')) as JsonSchema;

/** Which interface types which object of the schema (a path through the data, `0` for items). */
const INTERFACES: Record<string, (string | number)[]> = {
  Manifest: [],
  Metadata: ['metadata'],
  DataClass: ['dataClasses', 0],
  RegulatedExemption: ['dataClasses', 0, 'regulatedExemption'],
  Workload: ['workloads', 0],
  Volume: ['workloads', 0, 'volume'],
  Deployment: ['deployment'],
  Target: ['deployment', 'targets', 0],
  Agreements: ['deployment', 'targets', 0, 'agreements'],
  Hardware: ['deployment', 'targets', 0, 'hardware'],
  Autoscaling: ['deployment', 'targets', 0, 'hardware', 'autoscaling'],
  Pricing: ['deployment', 'targets', 0, 'pricing'],
  Route: ['deployment', 'routing', 0],
  RouteWhen: ['deployment', 'routing', 0, 'when'],
  Burst: ['deployment', 'burst'],
  Fallback: ['deployment', 'fallbacks', 0],
  Monitoring: ['deployment', 'monitoring', 0],
  Team: ['team'],
  Timeline: ['timeline'],
  Budget: ['budget'],
  Waiver: ['waivers', 0],
  Source: ['sources', 0],
};

interface Declared {
  properties: Map<string, { optional: boolean; type: ts.TypeNode | undefined }>;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.ES2022, true);
}

const sources = [parse('src/manifest/manifest.ts'), parse('src/input/policy-input.ts')];
const interfaces = new Map<string, Declared>();
const aliases = new Map<string, ts.TypeNode>();
for (const source of sources) {
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) {
      const properties = new Map<string, { optional: boolean; type: ts.TypeNode | undefined }>();
      for (const member of node.members) {
        if (ts.isPropertySignature(member) && ts.isIdentifier(member.name)) {
          properties.set(member.name.text, { optional: member.questionToken !== undefined, type: member.type });
        }
      }
      if (!interfaces.has(node.name.text)) interfaces.set(node.name.text, { properties });
    }
    if (ts.isTypeAliasDeclaration(node)) aliases.set(node.name.text, node.type);
  });
}

/** The string literals a type allows, following aliases, or undefined when it is not a literal union. */
function literals(type: ts.TypeNode | undefined): string[] | undefined {
  if (!type) return undefined;
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) return literals(aliases.get(type.typeName.text));
  if (ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal)) return [type.literal.text];
  if (ts.isUnionTypeNode(type)) {
    const parts = type.types.map(literals);
    return parts.every((p) => p !== undefined) ? parts.flat() : undefined;
  }
  return undefined;
}

/** Objects with named properties; a map keyed by ids (shareByTarget) is typed as a Record. */
function objectSchemaCount(): number {
  let count = 1;
  const visit = (node: JsonSchema) => {
    for (const child of Object.values(node.properties ?? {})) {
      const resolved = deref(schema, child);
      if (resolved.type === 'object' && resolved.properties) count++;
      visit(resolved);
    }
    if (node.items) {
      const resolved = deref(schema, node.items);
      if (resolved.type === 'object') count++;
      visit(resolved);
    }
  };
  visit(schema);
  return count;
}

describe('Manifest types', () => {
  it('cover every object of the schema', () => {
    expect(Object.keys(INTERFACES)).toHaveLength(objectSchemaCount());
  });

  describe.each(Object.entries(INTERFACES))('%s', (name, path) => {
    const objectSchema = schemaAt(schema, path)!;
    const declared = interfaces.get(name)!;

    it('has the properties of the schema', () => {
      expect([...declared.properties.keys()].sort()).toEqual(Object.keys(objectSchema.properties ?? {}).sort());
    });

    it('marks exactly the required properties as required', () => {
      const required = [...declared.properties].filter(([, p]) => !p.optional).map(([key]) => key);
      expect(required.sort()).toEqual([...(objectSchema.required ?? [])].sort());
    });

    it('allows exactly the enum and const values of the schema', () => {
      for (const [key, property] of declared.properties) {
        const propertySchema = schemaAt(schema, [...path, key])!;
        const expected = propertySchema.enum ?? (propertySchema.const !== undefined ? [propertySchema.const] : undefined);
        if (expected) expect([key, literals(property.type)?.sort()]).toEqual([key, [...expected].map(String).sort()]);
      }
    });
  });
});
