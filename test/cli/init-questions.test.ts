// `routewise init` on a terminal (run under `script` for a real TTY): each answer is checked as it
// is given and asked again with the reason, answers typed ahead are kept, and Ctrl+D cancels
// cleanly. Flags are checked before any question.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const BIN = fileURLToPath(new URL('../../bin/routewise.mjs', import.meta.url));

/** Runs `routewise init ARGS` on a pseudo-terminal, typing `keys`. */
function initOnTerminal(dir: string, args: string, keys: string): { code: number; screen: string } {
  const r = spawnSync('script', ['-q', '-e', '-c', `"${process.execPath}" "${BIN}" init ${args}`, '/dev/null'], {
    cwd: dir,
    input: keys,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 30000,
  });
  return { code: r.status ?? -1, screen: r.stdout };
}

/** Runs `routewise init` on a pseudo-terminal, answers the first question, then presses Ctrl+C at the second. */
function interruptOnTerminal(dir: string): Promise<{ code: number; screen: string }> {
  return new Promise((done) => {
    const child = spawn('script', ['-q', '-e', '-c', `"${process.execPath}" "${BIN}" init`, '/dev/null'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let screen = '';
    let answered = false;
    let pressed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString('utf8');
      if (screen.includes('Project name') && !answered) {
        answered = true;
        child.stdin.write('abc\n');
      }
      if (screen.includes('Owner') && !pressed) {
        pressed = true;
        child.stdin.write('\x03');
      }
    });
    const timer = setTimeout(() => child.kill(), 20000);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code: code ?? -1, screen });
    });
  });
}

describe('routewise init on a terminal', () => {
  it('ends on Ctrl+C at a question with exit 130 and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-init-tty-'));
    const r = await interruptOnTerminal(dir);
    expect(r.screen).toMatch(/routewise: init interrupted; nothing written/);
    expect(r.screen).not.toMatch(/internal error/);
    expect(r.code).toBe(130);
    expect(existsSync(join(dir, 'routewise.yaml'))).toBe(false);
  });

  it('asks again for a wrong answer, and keeps the answers typed ahead', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-init-tty-'));
    const r = initOnTerminal(dir, '', 'My Project\nmy-project\nclaims-team\nhlth\nHealth\ncloud\ncloud-api\nhyb\n');
    expect(r.screen).toMatch(/name "My Project" must be a lowercase slug .* such as my-project/);
    expect(r.screen).toMatch(/category "hlth" must be one of health, financial/);
    expect(r.screen).toMatch(/strategy "cloud" must be one of .*did you mean cloud-api or cloud-self-hosted\?/);
    expect(r.screen).toMatch(/health data is regulated and must not go to cloud LLM APIs \(RW-DATA-001\)/);
    expect(r.screen).not.toMatch(/internal error|at .*\.(js|mjs|ts):\d+/);
    expect(r.code).toBe(0);
    const written = readFileSync(join(dir, 'routewise.yaml'), 'utf8');
    expect(written).toMatch(/name: my-project\n\s+owner: claims-team/);
    expect(written).toMatch(/category: health/);
    expect(written).toMatch(/strategy: hybrid/);
    const check = runCli(['check', '--now', '2026-11-27'], { cwd: dir });
    expect(check.code).toBe(0);
  });

  it('offers hybrid first for regulated data, so Enter gives a manifest that passes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-init-tty-'));
    const r = initOnTerminal(dir, '--name claims --owner team', 'financial\n\n');
    expect(r.screen).toMatch(/Strategy \(.*\) \[hybrid\]/);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'routewise.yaml'), 'utf8')).toMatch(/strategy: hybrid/);
  });

  it('cancels on Ctrl+D with exit 2 and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-init-tty-'));
    const r = initOnTerminal(dir, '', 'abc\n\x04');
    expect(r.screen).toMatch(/routewise: init cancelled; nothing written/);
    expect(r.screen).not.toMatch(/internal error/);
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'routewise.yaml'))).toBe(false);
  });
});

describe('routewise init flags', () => {
  it('rejects a wrong flag value before asking anything, naming the flag and the close match', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-init-flags-'));
    const r = runCli(['init', '--strategy', 'Hybrid'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('routewise: --strategy "Hybrid" must be one of cloud-api, cloud-self-hosted, on-premises, hybrid (did you mean hybrid?)\n');
    expect(existsSync(join(dir, 'routewise.yaml'))).toBe(false);
  });

  it('without a terminal, picks a strategy that suits the data category', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-init-flags-'));
    const r = runCli(['init', '--category', 'health'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'routewise.yaml'), 'utf8')).toMatch(/strategy: hybrid/);
    expect(runCli(['check', '--now', '2026-11-27'], { cwd: dir }).code).toBe(0);
  });
});
