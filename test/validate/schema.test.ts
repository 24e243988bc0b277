import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { deref, type JsonSchema } from '../../src/manifest/json-schema.ts';

const schema = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'schemas', 'manifest.v1.schema.json'), 'utf8'),
) as JsonSchema;

/** Every property schema in the manifest schema, by a readable location. */
function properties(): [string, JsonSchema][] {
  const found: [string, JsonSchema][] = [];
  const visit = (node: JsonSchema, where: string) => {
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      found.push([`${where}.${name}`, deref(schema, child)]);
      visit(deref(schema, child), `${where}.${name}`);
    }
    if (node.items) visit(deref(schema, node.items), `${where}[]`);
  };
  visit(schema, '$');
  return found;
}

function objectSchemas(): [string, JsonSchema][] {
  const found: [string, JsonSchema][] = [['$', schema]];
  const visit = (node: JsonSchema, where: string) => {
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      const resolved = deref(schema, child);
      if (resolved.type === 'object') found.push([`${where}.${name}`, resolved]);
      visit(resolved, `${where}.${name}`);
    }
    if (node.items) {
      const resolved = deref(schema, node.items);
      if (resolved.type === 'object') found.push([`${where}[]`, resolved]);
      visit(resolved, `${where}[]`);
    }
  };
  visit(schema, '$');
  return found;
}

describe('manifest schema', () => {
  it('is a valid JSON Schema 2020-12 document', () => {
    const ajv = new Ajv2020({ strict: false });
    expect(ajv.validateSchema(schema)).toBe(true);
  });

  it('describes every property and gives examples', () => {
    const missing = properties()
      .filter(([, s]) => typeof s.description !== 'string' || !Array.isArray(s.examples) || s.examples.length === 0)
      .map(([where]) => where);
    expect(missing).toEqual([]);
  });

  it('rejects unknown fields in every object', () => {
    const open = objectSchemas()
      // A map keyed by ids (shareByTarget) constrains its values instead; its keys are checked as references.
      .filter(([, s]) => s.additionalProperties !== false && !(s.properties === undefined && typeof s.additionalProperties === 'object'))
      .map(([where]) => where);
    expect(open).toEqual([]);
  });

  it('keeps the names of the manifest contract', () => {
    const names = properties().map(([where]) => where);
    for (const name of [
      '$.apiVersion',
      '$.metadata.owner',
      '$.dataClasses[].regulations',
      '$.workloads[].volume.peakToAverage',
      '$.deployment.targets[].agreements.zeroDataRetention',
      '$.deployment.targets[].hardware.hourlyUsd',
      '$.deployment.routing[].when.default',
      '$.deployment.burst.excludeDataClasses',
      '$.deployment.monitoring[].tools',
      '$.team.mlopsEngineers',
      '$.timeline.weeksToLaunch',
      '$.budget.capexUsd',
      '$.waivers[].approvedBy',
    ]) {
      expect(names).toContain(name);
    }
  });
});
