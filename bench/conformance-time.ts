// How long the Rego conformance suite takes: the whole `npm run conformance` as CI runs it, then
// the same cases in-process, with the slowest cases named so engine work can aim at them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { corpusRoot, loadCases } from '../test/conformance/load-cases.ts';
import { runCase } from '../test/conformance/run-case.ts';
import { ms } from './stats.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export async function run(): Promise<void> {
  console.log('## conformance suite time');
  const root = corpusRoot();
  if (!existsSync(root)) {
    console.log(`no conformance corpus at ${root} (the shared folder beside the repository is absent); nothing to time`);
    return;
  }

  const start = performance.now();
  const whole = spawnSync('npm', ['run', '--silent', 'conformance', '--', '--json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = performance.now() - start;
  console.log(`npm run conformance -- --json (whole process)   ${ms(wall)}, exit ${whole.status}`);

  const loadStart = performance.now();
  const cases = loadCases(root);
  const loadMs = performance.now() - loadStart;
  const timed: { name: string; status: string; ms: number }[] = [];
  for (const c of cases) {
    const t0 = performance.now();
    const outcome = runCase(c);
    timed.push({ name: `${c.corpus}/${c.file}: ${c.note}`, status: outcome.status, ms: performance.now() - t0 });
  }
  const runMs = timed.reduce((sum, t) => sum + t.ms, 0);
  const passed = timed.filter((t) => t.status === 'pass').length;
  console.log(`in-process: loading ${cases.length} cases ${ms(loadMs)}, running them ${ms(runMs)} (${passed} pass)`);
  console.log('slowest cases:');
  for (const t of [...timed].sort((a, b) => b.ms - a.ms).slice(0, 10)) {
    console.log(`  ${ms(t.ms).padStart(10)}  ${t.status.padEnd(4)}  ${t.name.slice(0, 110)}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
