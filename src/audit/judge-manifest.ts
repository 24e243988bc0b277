// One manifest's part of an audit: the same judgement as `check` (checkManifest), reduced to the
// compact, serialisable verdict the audit report keeps, plus the waivers and data flows it totals.
import { checkManifest, type CheckSettings } from '../check/check-manifest.ts';
import type { Engine } from '../engine/engine.ts';
import type { FailOn } from '../findings/threshold.ts';
import type { PolicyInput } from '../input/policy-input.ts';
import { manifestStatus } from '../report/run-report.ts';
import { compareText } from './compare-text.ts';
import type { AuditCounts, AuditFinding, AuditProblem, AuditWaiver, DataFlow, RepositoryEntry } from './audit-report.ts';

export interface AuditSettings {
  engine: Engine;
  /** YYYY-MM-DD. */
  today: string;
  failOn: FailOn;
  /** Waivers ending within this many days count as expiring. */
  waiverHorizonDays: number;
}

export type ManifestVerdict = Omit<RepositoryEntry, 'path' | 'manifest'>;

const DAY_MS = 24 * 60 * 60 * 1000;

export function judgeManifest(file: string, bytes: Uint8Array, settings: AuditSettings, observe?: CheckSettings['observe']): ManifestVerdict {
  // The policy input is built inside checkManifest; watching what the engine receives gives the
  // resolved waivers and reaches without building it twice.
  let input: PolicyInput | undefined;
  const engine: Engine = {
    name: settings.engine.name,
    rules: () => settings.engine.rules(),
    evaluate: (value) => {
      input = value as PolicyInput;
      return settings.engine.evaluate(value);
    },
  };
  const checked = checkManifest(file, bytes, { engine, today: settings.today, ...(observe ? { observe } : {}) });
  const findings: AuditFinding[] = checked.findings.map((f) => ({
    rule: f.id,
    severity: f.severity,
    message: f.message,
    line: f.position?.line ?? null,
    column: f.position?.column ?? null,
    waived: f.waived !== undefined,
  }));
  const problems: AuditProblem[] = checked.problems.map((p) => ({
    code: p.code,
    message: p.message,
    line: p.position?.line ?? null,
    column: p.position?.column ?? null,
  }));
  return {
    strategy: checked.strategy ?? null,
    status: manifestStatus(checked, settings.failOn),
    counts: countOf(findings, problems.length),
    findings,
    problems,
    waivers: input ? waiversOf(input, settings) : [],
    dataFlows: input ? dataFlowsOf(input) : [],
  };
}

export function countOf(findings: readonly AuditFinding[], problems: number): AuditCounts {
  const counts: AuditCounts = { errors: 0, warnings: 0, infos: 0, waived: 0, problems };
  for (const f of findings) {
    if (f.waived) counts.waived += 1;
    else if (f.severity === 'error') counts.errors += 1;
    else if (f.severity === 'warning') counts.warnings += 1;
    else counts.infos += 1;
  }
  return counts;
}

function waiversOf(input: PolicyInput, settings: AuditSettings): AuditWaiver[] {
  return input.waivers.map((w) => {
    const expires = w.expires !== null && /^\d{4}-\d{2}-\d{2}$/.test(w.expires) ? w.expires : null;
    const daysLeft = expires === null ? null : Math.round((Date.parse(expires) - Date.parse(settings.today)) / DAY_MS);
    // The same completeness rule as waiver application: without a reason and an approver it never applies.
    const complete = Boolean(w.reason?.trim() && w.approvedBy?.trim());
    let state: AuditWaiver['state'];
    if (!complete || daysLeft === null) state = 'incomplete';
    else if (daysLeft < 0) state = 'expired';
    else if (daysLeft <= settings.waiverHorizonDays) state = 'expiring';
    else state = 'active';
    return { rule: w.rule, target: w.target, expires: w.expires, daysLeft, state };
  });
}

function dataFlowsOf(input: PolicyInput): DataFlow[] {
  const categories = new Map(input.dataClasses.map((d) => [d.id, d.category]));
  const types = new Map(input.targets.map((t) => [t.id, t.type]));
  const seen = new Map<string, DataFlow>();
  for (const reach of input.reaches) {
    const category = categories.get(reach.dataClass);
    const targetType = types.get(reach.target);
    if (category === undefined || targetType === undefined) continue;
    seen.set(`${category}\u0000${targetType}`, { category, targetType });
  }
  return [...seen.values()].sort((a, b) => compareText(a.category, b.category) || compareText(a.targetType, b.targetType));
}
