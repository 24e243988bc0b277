// action.yml is what workflows see: its inputs and outputs must be the ones the code reads and sets.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/action/inputs.ts';
import { outputsFor } from '../../src/action/outputs.ts';
import { createRunReport } from '../../src/report/run-report.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const metadata = parse(readFileSync(`${ROOT}action.yml`, 'utf8')) as {
  name: string;
  description: string;
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};

describe('action.yml', () => {
  it('runs the committed bundle on a current node runtime', () => {
    expect(metadata.runs).toEqual({ using: 'node24', main: 'dist/action/index.mjs' });
    expect(existsSync(`${ROOT}${metadata.runs.main}`)).toBe(true);
  });

  it('declares exactly the inputs the Action reads, each described', () => {
    const read = new Set<string>();
    readInputs((name) => (read.add(name), ''), { workspace: '/ws' });
    expect(Object.keys(metadata.inputs).sort()).toEqual([...read].sort());
    for (const input of Object.values(metadata.inputs)) expect(input.description.length).toBeGreaterThan(10);
  });

  it('declares defaults the Action accepts', () => {
    const defaults = (name: string) => metadata.inputs[name]?.default ?? '';
    expect(readInputs(defaults, { workspace: '/ws' }).ok).toBe(true);
  });

  it('declares exactly the outputs the Action sets', () => {
    const report = createRunReport({ tool: { name: 'routewise', version: '0' }, failOn: 'error', manifests: [], rules: [] });
    expect(Object.keys(metadata.outputs).sort()).toEqual(Object.keys(outputsFor(report, '/x.sarif')).sort());
  });
});
