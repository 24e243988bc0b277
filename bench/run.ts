// `npm run bench`: runs each benchmark module in turn and prints its figures. Pass names to run
// only some (`npm run bench -- rego startup`). Figures are medians; they are never asserted.

interface BenchModule {
  run(): Promise<void>;
}

const BENCHES: { name: string; load: () => Promise<BenchModule> }[] = [
  { name: 'startup', load: () => import('./check-startup.ts') },
  { name: 'rego', load: () => import('./rego.ts') },
  { name: 'conformance', load: () => import('./conformance-time.ts') },
  { name: 'audit', load: () => import('./audit.ts') },
  { name: 'drift', load: () => import('./drift.ts') },
  { name: 'cost', load: () => import('./cost.ts') },
  { name: 'input', load: () => import('./input.ts') },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !BENCHES.some((b) => b.name === w));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${BENCHES.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
for (const bench of BENCHES) {
  if (wanted.length > 0 && !wanted.includes(bench.name)) continue;
  const start = performance.now();
  await (await bench.load()).run();
  console.log(`(${bench.name}: ${((performance.now() - start) / 1000).toFixed(1)} s)\n`);
}
