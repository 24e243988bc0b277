// `routewise audit` at organisation scale: synthetic organisations of 1,000 and 10,000
// repositories audited by the built command, against the floor of merely reading and parsing the
// same manifests in one process. Prints wall time, manifests per second, peak memory and ratios.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { ratio, verdict } from './stats.ts';
import { writeOrganisation } from './synthetic-organisation.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/routewise.mjs');
const TIME = '/usr/bin/time';
const SIZES = [1_000, 10_000];

/** Targets on a 2-core machine. */
const TARGET_10K_SECONDS = 10;
const TARGET_PEAK_MB = 500;
const TARGET_GROWTH = 12;
const TARGET_FLOOR_RATIO = 3;

interface Measured {
  repositories: number;
  manifests: number;
  invalid: number;
  wallMs: number;
  peakKb: number | undefined;
  floorMs: number;
  statuses: string;
}

function auditRun(dir: string): { wallMs: number; peakKb: number | undefined; statuses: string } {
  const report = join(dir, '..', `${dir.split('/').pop()}-report.json`);
  const args = [BIN, 'audit', dir, '--now', '2026-11-27', '--format', `json=${report}`];
  const useTime = existsSync(TIME);
  const start = performance.now();
  const r = useTime
    ? spawnSync(TIME, ['-v', process.execPath, ...args], { encoding: 'utf8' })
    : spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ROUTEWISE_PRINT_MAX_RSS: '1' } });
  const wallMs = performance.now() - start;
  if (r.status !== 0 && r.status !== 1) throw new Error(`audit exited ${r.status}: ${r.stderr}`);
  const peak = useTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr) : /max RSS (\d+) kB/.exec(r.stderr);
  const totals = (JSON.parse(readFileSync(report, 'utf8')) as { totals: { byStatus: Record<string, number> } }).totals;
  rmSync(report, { force: true });
  const statuses = Object.entries(totals.byStatus).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`).join(', ');
  return { wallMs, peakKb: peak ? Number(peak[1]) : undefined, statuses };
}

/** What any tool must do at least: read each manifest and parse its YAML, in one process. */
function readAndParse(files: readonly string[]): number {
  const start = performance.now();
  for (const file of files) {
    try {
      parseYaml(readFileSync(file, 'utf8'));
    } catch {
      // Broken manifests cost their parse all the same.
    }
  }
  return performance.now() - start;
}

function measure(size: number): Measured {
  const dir = mkdtempSync(join(tmpdir(), `rw-audit-bench-${size}-`));
  try {
    const org = writeOrganisation(dir, size);
    const run = auditRun(dir);
    const floorMs = readAndParse(org.manifests);
    return { repositories: size, manifests: org.manifests.length, invalid: org.invalid, floorMs, ...run };
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
    console.log(
      `  ${m.repositories} repositories, ${m.manifests} manifests (${m.invalid} invalid): audit ${seconds(m.wallMs)}, ` +
        `${Math.round(m.manifests / (m.wallMs / 1000))} manifests/s, peak ${m.peakKb === undefined ? 'unknown' : megabytes(m.peakKb / 1024)}; ` +
        `read-and-parse floor ${seconds(m.floorMs)}; audit/floor ${ratio(m.wallMs, m.floorMs)}`,
    );
    console.log(`    statuses: ${m.statuses}`);
  }
  const [small, large] = results as [Measured, Measured];
  console.log(`  ${verdict('10,000-repository audit', large.wallMs, TARGET_10K_SECONDS * 1000, seconds)}`);
  if (large.peakKb !== undefined) console.log(`  ${verdict('peak memory', large.peakKb / 1024, TARGET_PEAK_MB, megabytes)}`);
  console.log(`  ${verdict('10,000 / 1,000 time ratio', large.wallMs / small.wallMs, TARGET_GROWTH, times)}`);
  console.log(`  ${verdict('audit / read-and-parse floor (10,000)', large.wallMs / large.floorMs, TARGET_FLOOR_RATIO, times)}`);
}

// Run directly with `npx tsx bench/audit.ts`, or through bench/run.ts.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
