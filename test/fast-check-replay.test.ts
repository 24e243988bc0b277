// The shared fast-check set-up: a failing property names how to replay it, and FC_SEED replays it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from './fast-check.ts';

const HELPER = fileURLToPath(new URL('./fast-check.ts', import.meta.url));

describe('property test failures', () => {
  it('name the seed and path that replay them', () => {
    const failing = () => fc.assert(fc.property(fc.integer(), (n) => n < 1000));
    expect(failing).toThrow(/replay: FC_SEED=-?\d+ FC_PATH=[\d:]+/);
  });

  it('replay from FC_SEED and FC_PATH, starting at the same counterexample', () => {
    let message = '';
    try {
      fc.assert(fc.property(fc.integer(), (n) => n < 1000));
    } catch (e) {
      message = (e as Error).message;
    }
    const [, seed, path] = /FC_SEED=(-?\d+) FC_PATH=([\d:]+)/.exec(message)!;
    const counterexample = /Counterexample: \[(-?\d+)\]/.exec(message)![1];
    const dir = mkdtempSync(join(tmpdir(), 'rw-fc-'));
    const script = join(dir, 'replay.ts');
    writeFileSync(
      script,
      `import fc from ${JSON.stringify(HELPER)};\nconst seen: number[] = [];\ntry { fc.assert(fc.property(fc.integer(), (n) => { seen.push(n); return n < 1000; })); } catch {}\nconsole.log(seen[0]);\n`,
    );
    const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
    const r = spawnSync(tsx, [script], { env: { ...process.env, FC_SEED: seed, FC_PATH: path }, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe(counterexample);
  });
});
