// Test coverage as `opa test --coverage` reports it: a line is covered when an expression on it
// was evaluated or a rule whose head is on it produced a value; the lines of rules and expressions
// never reached are not covered. Ranges join consecutive lines; percentages are rounded the way
// OPA's cover package rounds them.
import type { Body, Location, Module, Rule, Term } from './ast.ts';
import { renderTable } from './text-table.ts';

export class CoverageTracker {
  private readonly hits = new Map<string, Set<number>>();

  hit(loc: Location): void {
    if (!loc.file) return;
    let rows = this.hits.get(loc.file);
    if (!rows) this.hits.set(loc.file, (rows = new Set()));
    rows.add(loc.row);
  }

  rows(file: string): ReadonlySet<number> {
    return this.hits.get(file) ?? new Set();
  }

  files(): string[] {
    return [...this.hits.keys()];
  }
}

export interface LineRange {
  start: { row: number };
  end: { row: number };
}

export interface FileCoverage {
  covered: LineRange[];
  notCovered: LineRange[];
  coveredLines: number;
  notCoveredLines: number;
  coverage: number;
}

export interface CoverageReport {
  files: Map<string, FileCoverage>;
  coveredLines: number;
  notCoveredLines: number;
  coverage: number;
}

/** OPA's cover package rounds with a factor of 10 * precision (so to 1/20 for two digits). */
function round(n: number): number {
  return Math.round(n * 20) / 20;
}

function ranges(rows: Iterable<number>): LineRange[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: LineRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r === last.end.row + 1) last.end = { row: r };
    else out.push({ start: { row: r }, end: { row: r } });
  }
  return out;
}

const lines = (rs: LineRange[]): number => rs.reduce((n, r) => n + r.end.row - r.start.row + 1, 0);

/** Every expression of a body, those inside comprehensions and `every` included. */
function* bodyExprs(body: Body): Generator<Body[number]> {
  for (const e of body) {
    yield e;
    const k = e.kind;
    switch (k.type) {
      case 'term':
        yield* termExprs(k.term);
        break;
      case 'unify':
      case 'assign':
        yield* termExprs(k.left);
        yield* termExprs(k.right);
        break;
      case 'somein':
        yield* termExprs(k.collection);
        break;
      case 'every':
        yield* termExprs(k.domain);
        yield* bodyExprs(k.body);
        break;
      case 'some':
        break;
    }
  }
}

function* termExprs(t: Term): Generator<Body[number]> {
  switch (t.type) {
    case 'ref':
      yield* termExprs(t.head);
      for (const p of t.path) yield* termExprs(p);
      return;
    case 'array':
    case 'set':
      for (const i of t.items) yield* termExprs(i);
      return;
    case 'object':
      for (const [k, v] of t.items) {
        yield* termExprs(k);
        yield* termExprs(v);
      }
      return;
    case 'call':
      for (const a of t.args) yield* termExprs(a);
      return;
    case 'arraycompr':
    case 'setcompr':
      yield* termExprs(t.term);
      yield* bodyExprs(t.body);
      return;
    case 'objectcompr':
      yield* termExprs(t.key);
      yield* termExprs(t.value);
      yield* bodyExprs(t.body);
      return;
    default:
      return;
  }
}

function* chain(rule: Rule): Generator<Rule> {
  for (let r: Rule | undefined = rule; r; r = r.else) yield r;
}

export function coverageReport(modules: readonly Module[], tracker: CoverageTracker): CoverageReport {
  const files = new Map<string, FileCoverage>();
  const notCoveredRows = new Map<string, number[]>();
  for (const m of modules) {
    const hit = tracker.rows(m.file);
    const missed = notCoveredRows.get(m.file) ?? [];
    notCoveredRows.set(m.file, missed);
    for (const rule of m.rules) {
      for (const r of chain(rule)) {
        if (!hit.has(r.loc.row)) missed.push(r.head.loc.row);
        const headTerms = [r.head.key, r.head.value, ...(r.head.args ?? []), ...r.head.ref.slice(1)].filter((t): t is Term => t !== undefined);
        const exprs = [...bodyExprs(r.body), ...headTerms.flatMap((t) => [...termExprs(t)])];
        // `some x` declares and is not counted, as OPA leaves SomeDecl out.
        for (const e of exprs) if (e.kind.type !== 'some' && e.kind.type !== 'somein' && !hit.has(e.loc.row)) missed.push(e.loc.row);
      }
    }
  }
  const names = new Set([...tracker.files(), ...notCoveredRows.keys()]);
  let covered = 0;
  let notCovered = 0;
  for (const file of [...names].sort()) {
    const c = ranges(tracker.rows(file));
    const n = ranges(notCoveredRows.get(file) ?? []);
    const cl = lines(c);
    const nl = lines(n);
    files.set(file, { covered: c, notCovered: n, coveredLines: cl, notCoveredLines: nl, coverage: cl + nl === 0 ? 0 : round((100 * cl) / (cl + nl)) });
    covered += cl;
    notCovered += nl;
  }
  const total = covered + notCovered;
  return { files, coveredLines: covered, notCoveredLines: notCovered, coverage: total === 0 ? 0 : round((100 * covered) / total) };
}

/** The report as OPA's JSON document, indented two spaces, empty per-file fields left out. */
export function coverageJson(report: CoverageReport): string {
  const files: Record<string, Record<string, unknown>> = {};
  for (const [file, f] of report.files) {
    const o: Record<string, unknown> = {};
    if (f.covered.length > 0) o.covered = f.covered;
    if (f.notCovered.length > 0) o.not_covered = f.notCovered;
    if (f.coveredLines > 0) o.covered_lines = f.coveredLines;
    if (f.notCoveredLines > 0) o.not_covered_lines = f.notCoveredLines;
    if (f.coverage !== 0) o.coverage = f.coverage;
    files[file] = o;
  }
  return JSON.stringify(
    { files, covered_lines: report.coveredLines, not_covered_lines: report.notCoveredLines, coverage: report.coverage },
    null,
    2,
  );
}

/** The overall figure as OPA's pretty coverage output shows it, a one-row table. */
export function coverageSummary(report: CoverageReport): string {
  return renderTable([], [['Overall Coverage', report.coverage.toFixed(2)]]);
}

/** What `opa test --threshold` says when coverage falls short. */
export function thresholdMessage(coverage: number, threshold: number): string {
  return `Code coverage threshold not met: got ${coverage.toFixed(2)} instead of ${threshold.toFixed(2)}`;
}
