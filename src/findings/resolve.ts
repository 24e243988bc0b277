// Turns what policies produced into located, complete findings: severity and texts from the
// rule catalogue, a source position for each path, one stable order and no duplicates.
import type { EngineFindings, RuleInfo } from '../policy/engine.ts';
import type { SourcePosition } from '../problems/problem.ts';
import type { Finding, Severity } from '../policy/finding.ts';

export type TaggedFinding = EngineFindings['findings'][number];

/** Maps a manifest path to the nearest existing node's position (the loaded document offers it). */
export type PositionOf = (path: (string | number)[]) => SourcePosition | undefined;

const RULE_SET_SEVERITY: Record<TaggedFinding['ruleSet'], Severity> = {
  deny: 'error',
  warn: 'warning',
  info: 'info',
};

export function resolveFindings(
  raw: readonly TaggedFinding[],
  rules: readonly RuleInfo[],
  positionOf: PositionOf,
): Finding[] {
  const catalogue = catalogueOf(rules);
  // Findings are grouped by message, which nearly always tells them apart, and compared in full
  // only within a group: serialising every finding into a key took two fifths of this function's time.
  const byMessage = new Map<string, Finding[]>();
  const findings: Finding[] = [];
  for (const item of raw) {
    const finding = resolveFinding(item, catalogue.get(item.id), positionOf);
    const same = byMessage.get(finding.message);
    if (same === undefined) byMessage.set(finding.message, [finding]);
    else if (same.some((other) => sameFinding(other, finding))) continue;
    else same.push(finding);
    findings.push(finding);
  }
  return findings.sort(compareFindings);
}

/** A run resolves the findings of every manifest against one catalogue: indexed once. */
const CATALOGUES = new WeakMap<readonly RuleInfo[], Map<string, RuleInfo>>();

function catalogueOf(rules: readonly RuleInfo[]): Map<string, RuleInfo> {
  let catalogue = CATALOGUES.get(rules);
  if (!catalogue) CATALOGUES.set(rules, (catalogue = new Map(rules.map((rule) => [rule.id, rule]))));
  return catalogue;
}

function resolveFinding(item: TaggedFinding, rule: RuleInfo | undefined, positionOf: PositionOf): Finding {
  const path = item.path ?? [];
  const finding: Finding = {
    id: item.id,
    severity: item.severity ?? rule?.severity ?? RULE_SET_SEVERITY[item.ruleSet],
    message: item.message,
    path: [...path],
  };
  const position = positionOf(path);
  if (position) finding.position = position;
  const remediation = item.remediation ?? rule?.remediation;
  if (remediation) finding.remediation = remediation;
  if (rule?.title) finding.title = rule.title;
  if (item.subject) finding.subject = { ...item.subject };
  if (item.location) finding.location = { ...item.location };
  if (item.related && item.related.length > 0) {
    finding.related = item.related.flatMap((r) => {
      const at = 'path' in r ? positionOf(r.path) : r;
      return at ? [{ file: at.file, line: at.line, column: at.column, message: r.message }] : [];
    });
  }
  return finding;
}

/** Two findings are the same when they say the same thing about the same place and subject. */
function sameFinding(a: Finding, b: Finding): boolean {
  return (
    a.id === b.id &&
    a.severity === b.severity &&
    a.message === b.message &&
    a.path.length === b.path.length &&
    a.path.every((step, i) => step === b.path[i]) &&
    (a.subject?.target ?? null) === (b.subject?.target ?? null) &&
    (a.subject?.dataClass ?? null) === (b.subject?.dataClass ?? null) &&
    (a.subject?.workload ?? null) === (b.subject?.workload ?? null) &&
    samePlace(a.location, b.location)
  );
}

function samePlace(a: SourcePosition | undefined, b: SourcePosition | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.file === b.file && a.line === b.line && a.column === b.column;
}

/** By file, line and column (unlocated findings last), then rule id, then message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    comparePositions(a.location ?? a.position, b.location ?? b.position) ||
    compareText(a.id, b.id) ||
    compareText(a.message, b.message) ||
    compareText(JSON.stringify(a.path), JSON.stringify(b.path))
  );
}

function comparePositions(a: SourcePosition | undefined, b: SourcePosition | undefined): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column;
}

// Code-unit order, not locale order: the same on every machine.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
