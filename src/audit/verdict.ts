// One manifest's part of an audit: the judgement `check` makes (judge/), reduced to the compact,
// serialisable verdict the audit report keeps, plus the waivers and data flows it totals.
import { countFindings } from '../findings/counts.ts';
import { manifestStatus, type FailOn } from '../findings/threshold.ts';
import { isWaiverComplete } from '../findings/waivers.ts';
import type { PolicyInput } from '../input/policy-input.ts';
import { judgeManifest, type JudgeSettings, type Judgement } from '../judge/judge-manifest.ts';
import { compareText } from './compare-text.ts';
import type { AuditCounts, AuditFinding, AuditProblem, AuditWaiver, DataFlow, RepositoryEntry } from './audit-report.ts';

export interface VerdictSettings {
  /** YYYY-MM-DD. */
  today: string;
  failOn: FailOn;
  /** Waivers ending within this many days count as expiring. */
  waiverHorizonDays: number;
}

export type AuditSettings = JudgeSettings & VerdictSettings;

export type ManifestVerdict = Omit<RepositoryEntry, 'path' | 'manifest'>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Judges one manifest and keeps what the audit report needs. */
export function auditManifest(file: string, bytes: Uint8Array, settings: AuditSettings): ManifestVerdict {
  return verdictOf(judgeManifest(file, bytes, settings), settings);
}

export function verdictOf(judged: Judgement, settings: VerdictSettings): ManifestVerdict {
  // A line in a gateway or cluster file names that file: the manifest's lines alone are implied.
  const elsewhere = (file: string | undefined) => (file !== undefined && file !== judged.file ? { file } : {});
  const findings: AuditFinding[] = judged.findings.map((f) => {
    // A drift finding's place is its gateway or cluster line (`location`), as check shows it.
    const at = f.location ?? f.position;
    return {
      rule: f.id,
      severity: f.severity,
      message: f.message,
      line: at?.line ?? null,
      column: at?.column ?? null,
      ...elsewhere(at?.file),
      waived: f.waived !== undefined,
    };
  });
  const problems: AuditProblem[] = judged.problems.map((p) => ({
    code: p.code,
    message: p.message,
    line: p.position?.line ?? null,
    column: p.position?.column ?? null,
    ...elsewhere(p.position?.file),
  }));
  return {
    strategy: judged.strategy ?? null,
    status: manifestStatus(judged, settings.failOn),
    counts: countOf(findings, problems.length),
    findings,
    problems,
    waivers: judged.input ? waiversOf(judged.input, settings) : [],
    dataFlows: judged.input ? dataFlowsOf(judged.input) : [],
    cost: judged.cost ?? null,
  };
}

export function countOf(findings: readonly AuditFinding[], problems: number): AuditCounts {
  return { ...countFindings(findings), problems };
}

function waiversOf(input: PolicyInput, settings: VerdictSettings): AuditWaiver[] {
  return input.waivers.map((w) => {
    const expires = w.expires !== null && /^\d{4}-\d{2}-\d{2}$/.test(w.expires) ? w.expires : null;
    const daysLeft = expires === null ? null : Math.round((Date.parse(expires) - Date.parse(settings.today)) / DAY_MS);
    let state: AuditWaiver['state'];
    if (!isWaiverComplete(w) || daysLeft === null) state = 'incomplete';
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
