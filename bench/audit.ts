// `routewise audit` at organisation scale: synthetic organisations of 1,000 and 10,000
// repositories audited by the built command, against the floor of merely reading and parsing the
// same manifests in one process. Prints wall time, manifests per second, peak memory and ratios.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median, ratio, verdict } from './stats.ts';
import { writeOrganisation } from './synthetic-organisation.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/routewise.mjs');
const TIME = '/usr/bin/time';
const SIZES = [1_000, 10_000];

/** Targets on a 2-core machine. */
const TARGET_10K_SECONDS = 5;
const TARGET_PEAK_MB = 300;
const TARGET_GROWTH = 12;
const TARGET_FLOOR_RATIO = 3;

interface Run {
  wallMs: number;
  /** User + system CPU time, which a busy machine inflates far less than wall time. */
  cpuMs: number | undefined;
  peakKb: number | undefined;
}

interface Measured {
  repositories: number;
  manifests: number;
  invalid: number;
  audit: Run;
  floor: Run;
  statuses: string;
}

/** Shared machines are noisy: each figure is the median of this many runs. */
const RUNS = 3;

/** Runs a node process under /usr/bin/time -v when present (peak memory, CPU time), else plainly. */
function timedNode(args: string[], env: NodeJS.ProcessEnv = {}): Run & { status: number | null; stderr: string } {
  const useTime = existsSync(TIME);
  const start = performance.now();
  const r = useTime
    ? spawnSync(TIME, ['-v', process.execPath, ...args], { encoding: 'utf8', env: { ...process.env, ...env } })
    : spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ROUTEWISE_PRINT_MAX_RSS: '1', ...env } });
  const wallMs = performance.now() - start;
  const field = (name: string) => new RegExp(`${name}: ([\\d.]+)`).exec(r.stderr)?.[1];
  const user = field('User time \\(seconds\\)');
  const system = field('System time \\(seconds\\)');
  const peak = useTime ? field('Maximum resident set size \\(kbytes\\)') : /max RSS (\d+) kB/.exec(r.stderr)?.[1];
  return {
    wallMs,
    cpuMs: user !== undefined && system !== undefined ? (Number(user) + Number(system)) * 1000 : undefined,
    peakKb: peak === undefined ? undefined : Number(peak),
    status: r.status,
    stderr: r.stderr,
  };
}

function medianRun(runs: Run[]): Run {
  const pick = (values: (number | undefined)[]) => (values.some((v) => v === undefined) ? undefined : median(values as number[]));
  return { wallMs: median(runs.map((r) => r.wallMs)), cpuMs: pick(runs.map((r) => r.cpuMs)), peakKb: pick(runs.map((r) => r.peakKb)) };
}

function auditRun(dir: string, report: string): Run {
  const r = timedNode([BIN, 'audit', dir, '--now', '2026-11-27', '--format', `json=${report}`]);
  if (r.status !== 0 && r.status !== 1) throw new Error(`audit exited ${r.status}: ${r.stderr}`);
  return r;
}

// What any tool must do at least: read each manifest and parse its YAML, in one fresh process.
const FLOOR_SCRIPT = `
import { readFileSync } from 'node:fs';
import { parse } from ${JSON.stringify(pathToFileURL(join(ROOT, 'node_modules/yaml/dist/index.js')).href)};
for (const file of readFileSync(process.argv[1], 'utf8').split('\\n')) {
  if (!file) continue;
  try { parse(readFileSync(file, 'utf8')); } catch { /* a broken manifest costs its parse all the same */ }
}
`;

function floorRun(listFile: string): Run {
  const r = timedNode(['--input-type=module', '-e', FLOOR_SCRIPT, listFile]);
  if (r.status !== 0) throw new Error(`read-and-parse floor failed: ${r.stderr}`);
  return r;
}

function measure(size: number): Measured {
  const dir = mkdtempSync(join(tmpdir(), `rw-audit-bench-${size}-`));
  const org = join(dir, 'org');
  try {
    const written = writeOrganisation(org, size);
    const listFile = join(dir, 'manifests.txt');
    writeFileSync(listFile, written.manifests.join('\n'));
    const report = join(dir, 'report.json');
    const audits: Run[] = [];
    const floors: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      audits.push(auditRun(org, report));
      floors.push(floorRun(listFile));
    }
    const totals = (JSON.parse(readFileSync(report, 'utf8')) as { totals: { byStatus: Record<string, number> } }).totals;
    const statuses = Object.entries(totals.byStatus).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`).join(', ');
    return { repositories: size, manifests: written.manifests.length, invalid: written.invalid, audit: medianRun(audits), floor: medianRun(floors), statuses };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const seconds = (n: number) => `${(n / 1000).toFixed(2)} s`;
const megabytes = (n: number) => `${n.toFixed(0)} MB`;
const times = (n: number) => `${n.toFixed(2)}x`;

export async function run(): Promise<void> {
  console.log(`audit: building the CLI, then synthetic organisations of ${SIZES.join(' and ')} repositories on ${availableParallelism()} cores`);
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
  const results: Measured[] = [];
  for (const size of SIZES) {
    const m = measure(size);
    results.push(m);
    const cpu = (r: Run) => (r.cpuMs === undefined ? '' : ` (CPU ${seconds(r.cpuMs)})`);
    console.log(`  ${m.repositories} repositories, ${m.manifests} manifests (${m.invalid} invalid; ${m.statuses})`);
    console.log(
      `    audit ${seconds(m.audit.wallMs)}${cpu(m.audit)}, ${Math.round(m.manifests / (m.audit.wallMs / 1000))} manifests/s, ` +
        `peak ${m.audit.peakKb === undefined ? 'unknown' : megabytes(m.audit.peakKb / 1024)}; ` +
        `read-and-parse floor ${seconds(m.floor.wallMs)}${cpu(m.floor)}; audit/floor ${ratio(m.audit.wallMs, m.floor.wallMs)} wall` +
        `${m.audit.cpuMs !== undefined && m.floor.cpuMs !== undefined ? `, ${ratio(m.audit.cpuMs, m.floor.cpuMs)} CPU` : ''}`,
    );
  }
  const [small, large] = results as [Measured, Measured];
  console.log(`  ${verdict('10,000-repository audit', large.audit.wallMs, TARGET_10K_SECONDS * 1000, seconds)}`);
  if (large.audit.peakKb !== undefined) console.log(`  ${verdict('peak memory', large.audit.peakKb / 1024, TARGET_PEAK_MB, megabytes)}`);
  console.log(`  ${verdict('10,000 / 1,000 time ratio', large.audit.wallMs / small.audit.wallMs, TARGET_GROWTH, times)}`);
  console.log(`  ${verdict('audit / read-and-parse floor (10,000)', large.audit.wallMs / large.floor.wallMs, TARGET_FLOOR_RATIO, times)}`);
}

// Run directly with `npx tsx bench/audit.ts`, or through bench/run.ts.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
