import { describe, expect, it } from 'vitest';
import { readInputs, splitList } from '../../src/action/inputs.ts';

const context = { workspace: '/ws', runnerTemp: '/runner/tmp', clock: new Date('2026-03-04T23:00:00Z') };
const from = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('splitList', () => {
  it('accepts one item per line, comma-separated items, or both, dropping blanks', () => {
    expect(splitList('a\nb, c,\n\n  d  ')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitList('')).toEqual([]);
  });

  it('keeps the commas of a glob alternative inside braces', () => {
    expect(splitList('{api,web}/routewise.yaml, other')).toEqual(['{api,web}/routewise.yaml', 'other']);
  });
});

describe('readInputs', () => {
  it('defaults to the whole workspace, error threshold, annotations, summary and SARIF in the runner temp folder', () => {
    expect(readInputs(from({}), context)).toEqual({
      ok: true,
      value: {
        paths: [],
        engine: { policy: [], builtin: true, data: [], engine: 'rego' },
        failOn: 'error',
        sarifFile: '/runner/tmp/routewise.sarif',
        annotations: true,
        summary: true,
        today: '2026-03-04',
      },
    });
  });

  it('resolves policy, data, bundle and SARIF paths from the workspace and keeps manifest paths relative', () => {
    const result = readInputs(
      from({
        paths: 'svc/routewise.yaml\nteam/**',
        policy: 'policies/org, /abs/policies',
        data: 'org.yaml',
        'sarif-file': 'out/r.sarif',
        engine: 'wasm',
        bundle: 'bundle.tar.gz',
        now: '2026-11-27',
        'fail-on': 'warning',
        annotations: 'false',
        summary: 'FALSE',
      }),
      context,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        paths: ['svc/routewise.yaml', 'team/**'],
        engine: { policy: ['/ws/policies/org', '/abs/policies'], builtin: true, data: ['/ws/org.yaml'], engine: 'wasm', bundle: '/ws/bundle.tar.gz' },
        failOn: 'warning',
        sarifFile: '/ws/out/r.sarif',
        annotations: false,
        summary: false,
        today: '2026-11-27',
      },
    });
  });

  it('writes SARIF into the workspace when the runner gives no temp folder', () => {
    const result = readInputs(from({}), { workspace: '/ws' });
    expect(result.ok && result.value.sarifFile).toBe('/ws/routewise.sarif');
  });

  it('reports every wrong input at once, naming the input', () => {
    const result = readInputs(from({ 'fail-on': 'sometimes', annotations: 'yes', engine: 'opa', now: '2026-02-30' }), context);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual([
      'input fail-on is `sometimes`; use one of error, warning, info, never',
      'input engine is `opa`; use rego or wasm',
      'input now is `2026-02-30`; write a date as YYYY-MM-DD, e.g. 2026-11-27',
      'input annotations is `yes`; use true or false',
    ]);
  });

  it('refuses a bundle the rego engine would not run, as check and audit refuse --bundle without --engine wasm', () => {
    const result = readInputs(from({ bundle: 'bundle.tar.gz' }), context);
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual([
      'input bundle is read only by the wasm engine; set engine to wasm, or leave bundle out',
    ]);
  });

  it('asks for a bundle when the engine is wasm', () => {
    const result = readInputs(from({ engine: 'wasm' }), context);
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual([
      'input engine is wasm, which needs the input bundle (a bundle .tar.gz or a policy.wasm)',
    ]);
  });
});
