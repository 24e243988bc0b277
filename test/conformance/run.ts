// Conformance runner: evaluates every case of the OPA and regorus corpora in-process and
// reports pass counts per category; --ratchet fails when a count drops below the baseline.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusRoot, loadCases } from './load-cases.ts';
import { formatJson, formatTable } from './print-scores.ts';
import { runCase } from './run-case.ts';
import { regressions, score, toBaseline, type Baseline } from './score.ts';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const filterAt = args.indexOf('--filter');
const filter = filterAt >= 0 && args[filterAt + 1] ? new RegExp(args[filterAt + 1]!) : undefined;
const baselinePath = join(dirname(fileURLToPath(import.meta.url)), 'baseline.json');

const root = corpusRoot();
if (!existsSync(root)) {
  console.log(`no conformance corpus found at ${root}; skipping`);
  process.exit(0);
}

const cases = loadCases(root).filter((c) => !filter || filter.test(`${c.corpus}/${c.category}/${c.file}: ${c.note}`));
const results = cases.map((c) => ({ c, o: runCase(c) }));
const scores = score(results);

if (flag('--verbose') || filter) {
  for (const { c, o } of results) {
    if (o.status === 'fail') console.log(`FAIL ${c.corpus}/${c.file}: ${c.note}\n     ${o.reason}`);
    if (o.status === 'skip') console.log(`SKIP ${c.corpus}/${c.file}: ${c.note} (${o.reason})`);
  }
}

if (flag('--json')) console.log(formatJson(scores));
else console.log(formatTable(scores));

if (flag('--update-baseline')) {
  writeFileSync(baselinePath, JSON.stringify(toBaseline(scores), null, 2) + '\n');
  console.log(`baseline written to ${baselinePath}`);
}

if (flag('--ratchet')) {
  if (!existsSync(baselinePath)) {
    console.error('no baseline to ratchet against; run with --update-baseline first');
    process.exit(1);
  }
  const drops = regressions(scores, JSON.parse(readFileSync(baselinePath, 'utf8')) as Baseline);
  if (drops.length > 0) {
    console.error('conformance dropped below the baseline:\n  ' + drops.join('\n  '));
    process.exit(1);
  }
  console.error('conformance at or above the baseline');
}
