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
        engine: { policy: [], builtin: true, data: [], bundle: [] },
        notes: [],
        failOn: 'error',
        sarifFile: '/runner/tmp/routewise.sarif',
        annotations: true,
        summary: true,
        today: '2026-03-04',
      },
    });
  });

  it('names policy, data and bundle paths relative to the workspace (as annotations do), SARIF absolute, manifest paths as given', () => {
    const result = readInputs(
      from({
        paths: 'svc/routewise.yaml\nteam/**',
        policy: 'policies/org, /abs/policies, /ws/inside',
        data: 'org.yaml, /ws/conf/org.yaml',
        'sarif-file': 'out/r.sarif',
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
        engine: { policy: ['policies/org', '/abs/policies', 'inside'], builtin: true, data: ['org.yaml', 'conf/org.yaml'], bundle: ['bundle.tar.gz'] },
        notes: [],
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

  it('runs bundles with or without the engine input, which stays accepted with a deprecation note', () => {
    const alone = readInputs(from({ bundle: 'a.tar.gz\nb.tar.gz' }), context);
    expect(alone.ok && [alone.value.engine.bundle, alone.value.notes]).toEqual([['a.tar.gz', 'b.tar.gz'], []]);
    const withEngine = readInputs(from({ bundle: 'a.tar.gz', engine: 'wasm' }), context);
    expect(withEngine.ok && [withEngine.value.engine.bundle, withEngine.value.notes]).toEqual([
      ['a.tar.gz'],
      ['input engine is deprecated and will be removed in the next minor version; the bundle input alone runs a bundle next to the Rego rules, so leave engine out'],
    ]);
  });

  it('reads organisation policies as Rego v0 when v0-compatible is true', () => {
    const result = readInputs(from({ 'v0-compatible': 'true' }), context);
    expect(result.ok && result.value.engine.v0Compatible).toBe(true);
    const plain = readInputs(from({}), context);
    expect(plain.ok && plain.value.engine.v0Compatible).toBeUndefined();
  });

  it('asks for a bundle when the engine is wasm', () => {
    const result = readInputs(from({ engine: 'wasm' }), context);
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual([
      'input engine is wasm, which needs the input bundle (a bundle .tar.gz or a policy.wasm)',
    ]);
  });
});
