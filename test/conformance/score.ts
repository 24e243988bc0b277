// Tallies outcomes per corpus and category, and compares passed counts with the baseline.
import type { Case, CorpusName } from './load-cases.ts';
import type { Outcome } from './run-case.ts';

export interface Tally {
  run: number;
  passed: number;
  failed: number;
  skipped: number;
}

export interface CorpusScore {
  total: Tally;
  categories: Record<string, Tally>;
}

export type Scores = Partial<Record<CorpusName, CorpusScore>>;

const empty = (): Tally => ({ run: 0, passed: 0, failed: 0, skipped: 0 });

function add(t: Tally, o: Outcome): void {
  if (o.status === 'skip') {
    t.skipped++;
    return;
  }
  t.run++;
  if (o.status === 'pass') t.passed++;
  else t.failed++;
}

export function score(results: { c: Case; o: Outcome }[]): Scores {
  const out: Scores = {};
  for (const { c, o } of results) {
    const corpus = (out[c.corpus] ??= { total: empty(), categories: {} });
    add(corpus.total, o);
    add((corpus.categories[c.category] ??= empty()), o);
  }
  for (const s of Object.values(out)) {
    s.categories = Object.fromEntries(Object.entries(s.categories).sort(([a], [b]) => (a < b ? -1 : 1)));
  }
  return out;
}

/** Baseline: passed counts per corpus, in total and per category. */
export type Baseline = Record<string, { total: number; categories: Record<string, number> }>;

export function toBaseline(scores: Scores): Baseline {
  const b: Baseline = {};
  for (const [corpus, s] of Object.entries(scores)) {
    b[corpus] = { total: s.total.passed, categories: Object.fromEntries(Object.entries(s.categories).map(([k, t]) => [k, t.passed])) };
  }
  return b;
}

/** Every place where the passed count fell below the baseline. */
export function regressions(scores: Scores, baseline: Baseline): string[] {
  const out: string[] = [];
  for (const [corpus, b] of Object.entries(baseline)) {
    const s = scores[corpus as CorpusName];
    const total = s?.total.passed ?? 0;
    if (total < b.total) out.push(`${corpus}: ${total} passed, baseline ${b.total}`);
    for (const [cat, n] of Object.entries(b.categories)) {
      const got = s?.categories[cat]?.passed ?? 0;
      if (got < n) out.push(`${corpus}/${cat}: ${got} passed, baseline ${n}`);
    }
  }
  return out;
}
