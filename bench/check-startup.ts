// Start-up cost of the `routewise` command as a user meets it: a whole `check` process compared
// with an empty Node process timed in the same loop, where its time goes (module loading, the
// policy engine with its parse cache, the manifest with schema and first evaluation), then one
// run over 1,000 manifests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './manifest-corpus.ts';
import { describe, median, ms, ratio, summarize } from './stats.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/routewise.mjs');
const NOW = '2026-11-27';
/** A `check` may take at most this many times as long as `node -e 0`. */
const STARTUP_RATIO_TARGET = 2;

interface Timed {
  ms: number;
  /** CPU time (user + system) of the process, where the system tells it. */
  cpuMs?: number;
  status: number | null;
  stderr: string;
}

/**
 * CPU time of this process's finished children, in ms (Linux only). Waiting on a busy machine
 * inflates wall time but hardly CPU time, so the two together tell load from real cost.
 */
function childrenCpuMs(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(fields[13]) + Number(fields[14]); // cutime, cstime
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

function timeProcess(args: string[], cwd = ROOT): Timed {
  const cpuBefore = childrenCpuMs();
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - start;
  const cpuAfter = childrenCpuMs();
  return { ms, status: r.status, stderr: r.stderr, ...(cpuBefore !== undefined && cpuAfter !== undefined ? { cpuMs: cpuAfter - cpuBefore } : {}) };
}

function cpuNote(cpu: number[], base?: number): string {
  if (cpu.length === 0) return '';
  const m = median(cpu);
  return `; CPU median ${ms(m)}${base === undefined ? '' : ` (${ratio(m, base)})`}`;
}

function expectStatus(what: string, t: Timed, allowed: number[]): void {
  if (t.status === null || !allowed.includes(t.status)) {
    throw new Error(`${what} exited with ${t.status}, so its timing means nothing:\n${t.stderr.slice(0, 2000)}`);
  }
}

export async function run(): Promise<void> {
  const runs = Number(process.env.BENCH_STARTUP_RUNS ?? 20);
  console.log('## routewise start-up');
  if (!process.env.BENCH_NO_BUILD) {
    const built = timeProcess([join(ROOT, 'scripts/build.mjs')]);
    expectStatus('the build', built, [0]);
  }

  const check = [BIN, 'check', 'examples/bank-hybrid', '--now', NOW];
  // One warm-up of each, so the first timed run does not pay for a cold disk cache.
  expectStatus('routewise check', timeProcess(check), [0]);
  timeProcess(['-e', '0']);

  // Another build of routewise (say, the last release's bin/routewise.mjs) to compare with.
  const other = process.env.BENCH_COMPARE_BIN;
  const otherCheck = other ? [other, ...check.slice(1)] : undefined;
  const empty: Timed[] = [];
  const version: Timed[] = [];
  const policies: Timed[] = [];
  const checks: Timed[] = [];
  const otherChecks: Timed[] = [];
  for (let i = 0; i < runs; i++) {
    // Interleaved, so a burst of load elsewhere on the machine hits all three alike.
    empty.push(timeProcess(['-e', '0']));
    const v = timeProcess([BIN, '--version']);
    expectStatus('routewise --version', v, [0]);
    version.push(v);
    // Loads the engine (policy files, data, the parse cache) and lists the rules: no manifest.
    const p = timeProcess([BIN, 'policies', 'list']);
    expectStatus('routewise policies list', p, [0]);
    policies.push(p);
    const c = timeProcess(check);
    expectStatus('routewise check', c, [0]);
    checks.push(c);
    if (otherCheck) {
      const o = timeProcess(otherCheck);
      expectStatus(`${other} check`, o, [0]);
      otherChecks.push(o);
    }
  }
  const wall = (ts: Timed[]) => summarize(ts.map((t) => t.ms));
  const cpu = (ts: Timed[]) => ts.flatMap((t) => (t.cpuMs === undefined ? [] : [t.cpuMs]));
  const e = wall(empty);
  const c = wall(checks);
  const v = wall(version);
  const emptyCpu = cpu(empty).length > 0 ? median(cpu(empty)) : undefined;
  console.log(`node -e 0                                      ${describe(e)}${cpuNote(cpu(empty))}`);
  console.log(`routewise --version                            ${describe(v)}  ${ratio(v.median, e.median)}${cpuNote(cpu(version), emptyCpu)}`);
  const p = wall(policies);
  console.log(`routewise policies list                        ${describe(p)}  ${ratio(p.median, e.median)}${cpuNote(cpu(policies), emptyCpu)}`);
  console.log(`routewise check examples/bank-hybrid           ${describe(c)}  ${ratio(c.median, e.median)}${cpuNote(cpu(checks), emptyCpu)}`);
  // Each step is the difference of two medians: what the next command does beyond the one before.
  console.log('where the time of one check goes (differences of wall medians):');
  console.log(`  node itself                                  ${ms(e.median)}`);
  console.log(`  module loading and command set-up            ${ms(v.median - e.median)}  (--version minus node -e 0)`);
  console.log(`  policy files, data and parse cache           ${ms(p.median - v.median)}  (policies list minus --version)`);
  console.log(`  manifest, schema and first evaluation        ${ms(c.median - p.median)}  (check minus policies list)`);
  if (otherChecks.length > 0) {
    const o = wall(otherChecks);
    console.log(`compared build: ${other} check             ${describe(o)}  ${ratio(o.median, e.median)}${cpuNote(cpu(otherChecks), emptyCpu)}`);
  }
  const r = c.median / e.median;
  console.log(`start-up ratio check / node -e 0 (wall medians): ${r.toFixed(2)} (target at most ${STARTUP_RATIO_TARGET}: ${r <= STARTUP_RATIO_TARGET ? 'met' : 'NOT met'})`);
  if (emptyCpu !== undefined) {
    const rc = median(cpu(checks)) / emptyCpu;
    console.log(`start-up ratio check / node -e 0 (CPU medians, less sensitive to load): ${rc.toFixed(2)}`);
  }

  const count = Number(process.env.BENCH_CORPUS_SIZE ?? 1000);
  const dir = mkdtempSync(join(tmpdir(), 'routewise-bench-'));
  try {
    const corpus = writeCorpus(dir, join(ROOT, 'examples'), count);
    const many: number[] = [];
    for (let i = 0; i < 3; i++) {
      // Exit 1 is expected: some copies violate the rules on purpose.
      const t = timeProcess([BIN, 'check', dir, '--now', NOW, '--format', 'json']);
      expectStatus(`routewise check over ${count} manifests`, t, [0, 1]);
      many.push(t.ms);
    }
    const m = median(many);
    console.log(
      `routewise check over ${corpus.files} manifests (${corpus.violating} violating)  ${describe(summarize(many))}; ` +
        `${ms((m - c.median) / corpus.files)} per manifest beyond one check`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
