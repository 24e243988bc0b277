import { describe, expect, it } from 'vitest';
import { runOptions, type SettingWords } from '../../src/runner/options.ts';

const words: SettingWords = {
  code: 'usage',
  wrong: (setting, value, advice) => `${setting}=${value}: ${advice}`,
  bundleNeeded: 'bundle needed',
  engineDeprecated: (value) => `engine ${value} deprecated`,
};
const clock = new Date('2026-03-04T23:00:00Z');

describe('the run options shared by check, audit and the Action', () => {
  it('defaults to the built-in rego rules, the error threshold and the clock\'s UTC day', () => {
    expect(runOptions({ policy: [], data: [] }, words, clock)).toEqual({
      ok: true,
      value: { engine: { policy: [], builtin: true, data: [], bundle: [] }, notes: [], failOn: 'error', today: '2026-03-04' },
    });
  });

  it('reports every wrong setting at once, in the words of the shell that gave it', () => {
    const result = runOptions({ policy: [], data: [], failOn: 'sometimes', engine: 'opa', now: '2026-02-30' }, words, clock);
    expect(result.ok ? [] : result.problems).toEqual([
      { code: 'usage', message: 'fail-on=sometimes: use one of error, warning, info, never' },
      { code: 'usage', message: 'engine=opa: use rego or wasm' },
      { code: 'usage', message: 'now=2026-02-30: write a date as YYYY-MM-DD, e.g. 2026-11-27' },
    ]);
  });

  it('takes bundles without any engine, keeps the engine setting as a deprecated alias, and the wasm engine only with a bundle', () => {
    const outcome = (given: { engine?: string; bundle?: string[] }) => {
      const result = runOptions({ policy: [], data: [], ...given }, words, clock);
      return result.ok ? { bundle: result.value.engine.bundle, notes: result.value.notes } : result.problems.map((p) => p.message);
    };
    expect(outcome({ bundle: ['a.tar.gz', 'b.tar.gz'] })).toEqual({ bundle: ['a.tar.gz', 'b.tar.gz'], notes: [] });
    expect(outcome({ engine: 'wasm' })).toEqual(['bundle needed']);
    expect(outcome({ engine: 'wasm', bundle: ['b.tar.gz'] })).toEqual({ bundle: ['b.tar.gz'], notes: ['engine wasm deprecated'] });
    expect(outcome({ engine: 'rego' })).toEqual({ bundle: [], notes: ['engine rego deprecated'] });
  });
});
