// The policy input JSON Schema against what buildPolicyInput really produces: every example's
// input validates, and the schema's objects have exactly the keys the built input has.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { globSync } from 'glob';
import { describe, expect, it } from 'vitest';
import { buildPolicyInput } from '../../src/input/build.ts';
import type { PolicyInput } from '../../src/input/policy-input.ts';
import { loadDocument } from '../../src/load/load-document.ts';
import { validateManifest } from '../../src/validate/validate-manifest.ts';
import { loadDocuments } from '../../src/load/load-documents.ts';
import { readKubernetes } from '../../src/sources/kubernetes.ts';
import { readLitellm } from '../../src/sources/litellm.ts';
import type { SourceFacts } from '../../src/sources/observed.ts';
import { PRICE_TABLE } from '../../src/cost/generated/price-table.ts';
import { SETTINGS } from '../cost/settings.ts';

interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean;
  items?: SchemaNode;
  [keyword: string]: unknown;
}

const root = join(import.meta.dirname, '..', '..');
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as SchemaNode & { $id: string; $defs: Record<string, SchemaNode> };
const inputSchema = readJson('schemas/policy-input.v1.schema.json');
const manifestSchema = readJson('schemas/manifest.v1.schema.json');
const today = '2026-11-27';
const knownRuleIds = ['RW-DATA-001', 'RW-WAIVE-001'];

// The manifest schema lists `required` names inside if/then without their properties, which
// strict mode refuses; the manifest validator's generator relaxes that check too.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true });
ajvFormats.default(ajv, ['date']);
ajv.addSchema(manifestSchema);
const validateInput = ajv.compile<PolicyInput>(inputSchema);

/** The policy input of a manifest file, or undefined when the file is not a valid manifest. */
function inputOf(path: string): PolicyInput | undefined {
  const loaded = loadDocument(path, readFileSync(path));
  if (!loaded.ok) return undefined;
  const valid = validateManifest(loaded.value);
  if (!valid.ok) return undefined;
  return buildPolicyInput(valid.value, { today, knownRuleIds, cost: { settings: SETTINGS, table: PRICE_TABLE } });
}

/** The drift fixtures' input, with facts from gateway and cluster files (every observed object set). */
function inputWithSources(): PolicyInput {
  const load = (file: string) => {
    const loaded = loadDocuments(file, readFileSync(join(root, file)));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    return loaded.value;
  };
  const gateway = (file: string): SourceFacts => {
    const read = readLitellm(load(file));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    return { type: 'litellm', facts: read.value };
  };
  const cluster = ['kserve-mistral.yaml', 'tgi-qwen.yaml', 'vllm-llama.yaml'].map((f) => load(`test/fixtures/drift/kubernetes/cluster/${f}`));
  const doc = loadDocument('m.yaml', readFileSync(join(root, 'test/fixtures/drift/litellm/routewise.yaml')));
  if (!doc.ok) throw new Error('drift manifest does not load');
  const manifest = validateManifest(doc.value);
  if (!manifest.ok) throw new Error('drift manifest is invalid');
  const observed: SourceFacts[] = [
    gateway('test/fixtures/drift/litellm/guardrails.yaml'),
    gateway('test/fixtures/drift/litellm/database.yaml'),
    gateway('test/fixtures/drift/litellm/fallbacks.yaml'),
    { type: 'kubernetes', facts: readKubernetes('cluster', cluster) },
  ];
  return buildPolicyInput(manifest.value, { today, knownRuleIds, observed, cost: { settings: SETTINGS, table: PRICE_TABLE } });
}

function inputOfValid(path: string): PolicyInput {
  const input = inputOf(join(root, path));
  if (!input) throw new Error(`${path} is not a valid manifest`);
  return input;
}

/** Follows local `$ref`s; the manifest schema's own `$ref` is left as is. */
function resolve(node: SchemaNode): SchemaNode {
  let current = node;
  while (current.$ref?.startsWith('#/$defs/')) {
    const target = inputSchema.$defs[current.$ref.slice('#/$defs/'.length)];
    if (!target) throw new Error(`dangling ${current.$ref}`);
    current = target;
  }
  return current;
}

/**
 * Walks a built input beside its schema, comparing each object's keys with the schema's
 * properties; records in `seen` each schema object (by identity) that met a non-null object.
 */
function compareKeys(value: unknown, node: SchemaNode, where: string, seen: Set<SchemaNode>, mismatches: string[]): void {
  const schema = resolve(node);
  if (schema.$ref === manifestSchema.$id) return;
  if (Array.isArray(value)) {
    if (schema.items) value.forEach((item, i) => compareKeys(item, schema.items!, `${where}[${i}]`, seen, mismatches));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  seen.add(schema);
  const actual = Object.keys(value).sort();
  const declared = Object.keys(schema.properties ?? {}).sort();
  if (JSON.stringify(actual) !== JSON.stringify(declared)) mismatches.push(`${where}: built ${actual.join(',')} / schema ${declared.join(',')}`);
  for (const [key, child] of Object.entries(value)) {
    const property = schema.properties?.[key];
    if (property) compareKeys(child, property, `${where}.${key}`, seen, mismatches);
  }
}

/** Every object-typed schema node of the policy input schema, by a readable location. */
function objectSchemas(): [SchemaNode, string][] {
  const found = new Map<SchemaNode, string>();
  const visit = (node: SchemaNode, where: string) => {
    const types = [node.type].flat();
    if (types.includes('object')) found.set(node, where);
    for (const [name, child] of Object.entries(node.properties ?? {})) visit(child, `${where}.${name}`);
    if (node.items) visit(node.items, `${where}[]`);
  };
  visit(inputSchema, '$');
  for (const [name, def] of Object.entries(inputSchema.$defs)) visit(def, `$defs.${name}`);
  return [...found];
}

/** Every schema node with its location, including those under $defs. */
function allNodes(): [string, SchemaNode][] {
  const found: [string, SchemaNode][] = [];
  const visit = (node: SchemaNode, where: string) => {
    found.push([where, node]);
    for (const [name, child] of Object.entries(node.properties ?? {})) visit(child, `${where}.properties.${name}`);
    if (node.items) visit(node.items, `${where}.items`);
    for (const [name, def] of Object.entries((node.$defs as Record<string, SchemaNode> | undefined) ?? {})) visit(def, `${where}.$defs.${name}`);
  };
  visit(inputSchema, '$');
  return found;
}

function errorsOf(input: unknown): string[] {
  validateInput(input);
  return (validateInput.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('policy input schema', () => {
  it('compiles in strict mode together with the manifest schema it refers to', () => {
    expect(inputSchema.properties?.manifest?.$ref).toBe(manifestSchema.$id);
    expect(inputSchema.$id).toBe(manifestSchema.$id.replace('manifest.v1', 'policy-input.v1'));
    expect(typeof validateInput).toBe('function');
  });

  it('is itself clean under every strict-mode check', () => {
    // The manifest schema stands in as an empty schema here, so that only this one is judged.
    const strictest = new Ajv2020({ strict: true, allowUnionTypes: true });
    strictest.addSchema({ $id: manifestSchema.$id });
    expect(() => strictest.compile(inputSchema)).not.toThrow();
  });

  it('accepts the policy input of every valid example manifest', () => {
    const files = globSync('examples/**/*.{yaml,yml,json}', { cwd: root, absolute: true }).sort();
    const checked: string[] = [];
    for (const file of files) {
      const input = inputOf(file);
      // Policy data files sit beside the manifests; every manifest itself must be valid.
      if (!input && !file.endsWith('routewise.yaml')) continue;
      checked.push(relative(root, file));
      expect(input, relative(root, file)).toBeDefined();
      expect(errorsOf(input), relative(root, file)).toEqual([]);
    }
    expect(checked.length).toBeGreaterThanOrEqual(10);
  });

  it('names exactly the keys the built input has, down to every nested object', () => {
    // hybrid-claims has budget, burst, hardware, waivers and routing; unrouted adds an unrouted pair;
    // fallbacks adds fallbacks and autoscaling; the cost violations add an unpriced target.
    const inputs = {
      'hybrid-claims': inputOfValid('test/fixtures/manifests/hybrid-claims.yaml'),
      unrouted: inputOfValid('test/fixtures/manifests/routing/unrouted.yaml'),
      fallbacks: inputOfValid('test/fixtures/manifests/routing/fallbacks.yaml'),
      drift: inputWithSources(),
      cost: inputOfValid('examples/violations/cost/routewise.yaml'),
    };
    const seen = new Set<SchemaNode>();
    const mismatches: string[] = [];
    for (const [name, input] of Object.entries(inputs)) {
      expect(errorsOf(input), name).toEqual([]);
      compareKeys(input, inputSchema, name, seen, mismatches);
    }
    expect(mismatches).toEqual([]);
    const unvisited = objectSchemas().filter(([node]) => !seen.has(node)).map(([, where]) => where);
    expect(unvisited).toEqual([]);
  });

  it('closes every object and requires each of its properties, as the builder always sets them', () => {
    for (const [node, where] of objectSchemas()) {
      expect(node.additionalProperties, where).toBe(false);
      expect([...(node.required ?? [])].sort(), where).toEqual(Object.keys(node.properties ?? {}).sort());
    }
  });

  it('gives every property and shared shape a title and a description', () => {
    const missing = allNodes()
      .filter(([where]) => /\.(properties|\$defs)\.[^.]+$/.test(where))
      .filter(([, node]) => typeof node.title !== 'string' || typeof node.description !== 'string')
      .map(([where]) => where);
    expect(missing).toEqual([]);
  });

  it('uses only the keywords a simple schema walker understands', () => {
    const allowed = new Set([
      '$schema', '$id', '$defs', '$ref', 'type', 'properties', 'required', 'additionalProperties',
      'items', 'enum', 'description', 'title', 'examples', 'minimum',
    ]);
    const unknown = allNodes().flatMap(([where, node]) =>
      Object.keys(node).filter((k) => !allowed.has(k)).map((k) => `${where}: ${k}`),
    );
    expect(unknown).toEqual([]);
  });

  describe('rejects an input that a typo or a wrong value would produce', () => {
    const good = () => structuredClone(inputOfValid('test/fixtures/manifests/hybrid-claims.yaml')) as unknown as Record<string, any>;

    it('starts from an input that validates', () => {
      expect(errorsOf(good())).toEqual([]);
    });

    it('an unknown top-level key', () => {
      const input = good();
      input.reach = [];
      expect(errorsOf(input)).toContain(' must NOT have additional properties');
    });

    it('an unknown key in a nested object', () => {
      const input = good();
      input.workloads[0].volume.volme = 1;
      expect(errorsOf(input)).toContain('/workloads/0/volume must NOT have additional properties');
    });

    it('an unknown key inside the manifest as written', () => {
      const input = good();
      input.manifest.deployment.stratgy = 'hybrid';
      expect(errorsOf(input)).toContain('/manifest/deployment must NOT have additional properties');
    });

    it('a value outside a closed set', () => {
      const input = good();
      input.reaches[0].via = 'routed';
      input.dataClasses[0].category = 'medical';
      input.strategy = 'multi-cloud';
      const errors = errorsOf(input);
      expect(errors).toContain('/reaches/0/via must be equal to one of the allowed values');
      expect(errors).toContain('/dataClasses/0/category must be equal to one of the allowed values');
      expect(errors).toContain('/strategy must be equal to one of the allowed values');
    });

    it('null where the builder always gives a value, and a missing key', () => {
      const input = good();
      input.targets[0].model = null;
      delete input.timeline.weeksUntilLaunch;
      const errors = errorsOf(input);
      expect(errors).toContain('/targets/0/model must be string');
      expect(errors).toContain("/timeline must have required property 'weeksUntilLaunch'");
    });

    it('accepts null where the builder gives null for an absent part', () => {
      const input = good();
      input.burst = null;
      input.budget = null;
      input.targets[0].hardware = null;
      input.timeline.launchBy = null;
      input.timeline.weeksUntilLaunch = null;
      expect(errorsOf(input)).toEqual([]);
    });
  });
});
