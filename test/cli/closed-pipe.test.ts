// `routewise ... | head`: a reader that closes the pipe early ends the command quietly, with no
// stack trace on standard error.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/routewise.mjs', import.meta.url));

describe('a closed output pipe', () => {
  it('ends quietly when the reader has closed the pipe', async () => {
    const child = spawn(process.execPath, [BIN, 'test', 'policies'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // The reader is gone before the first line is written: every write meets a closed pipe.
    child.stdout.destroy();
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(stderr).not.toMatch(/EPIPE|at .*\(node:|Error:/);
    expect(code).toBe(0);
  }, 60_000);
});
