// Applies manifest waivers to findings: an accepted finding stays visible and counted but can
// no longer fail the check. Judging waivers is a rule's job (RW-WAIVE-001, which alone knows the
// organisation's allowedApprovers and maxWaiverDays); a waiver it objects to applies to nothing.
import type { Finding, Severity, Waiver } from '../policy/finding.ts';

export const WAIVER_RULE = 'RW-WAIVE-001';

/** Findings no waiver may accept (rules.md, RW-WAIVE-001 severity). */
export const UNWAIVABLE_RULES: ReadonlySet<string> = new Set([WAIVER_RULE, 'RW-DATA-006']);

/** A waiver counts only when complete and not expired on `today` (YYYY-MM-DD; it applies on its expiry day). */
export function isWaiverActive(waiver: Waiver, today: string): boolean {
  if (UNWAIVABLE_RULES.has(waiver.rule)) return false;
  if (!isWaiverComplete(waiver) || !waiver.expires) return false;
  // ISO dates compare correctly as text; a malformed date never applies.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(waiver.expires)) return false;
  return waiver.expires >= today;
}

/** Without a reason and an approver a waiver never applies, whatever its dates. */
export function isWaiverComplete(waiver: { reason?: string | null; approvedBy?: string | null }): boolean {
  return Boolean(waiver.reason?.trim() && waiver.approvedBy?.trim());
}

export function waiverMatches(waiver: Waiver, finding: Finding): boolean {
  if (waiver.rule !== finding.id) return false;
  if (waiver.target === undefined) return true;
  const subject = finding.subject;
  if (!subject) return false;
  return subject.target === waiver.target || subject.dataClass === waiver.target || subject.workload === waiver.target;
}

/**
 * Returns new findings; the first active waiver that matches (in manifest order) is recorded on
 * each. A waiver that RW-WAIVE-001 reports applies to nothing, and an expired waiver's
 * RW-WAIVE-001 takes the severity of the finding it named, when that finding is present.
 */
export function applyWaivers(findings: readonly Finding[], waivers: readonly Waiver[], today: string): Finding[] {
  const objected = new Set(findings.filter((f) => f.id === WAIVER_RULE).map(waiverIndexOf));
  const active = waivers.filter((waiver, index) => !objected.has(index) && isWaiverActive(waiver, today));
  return findings.map((finding) => {
    if (finding.id === WAIVER_RULE) return expiredWaiverSeverity(finding, findings, waivers, today);
    if (UNWAIVABLE_RULES.has(finding.id)) return finding;
    const waiver = active.find((candidate) => waiverMatches(candidate, finding));
    return waiver ? { ...finding, waived: { ...waiver } } : finding;
  });
}

/** The waiver an RW-WAIVE-001 finding is about (`path` ['waivers', index, ...]), if any. */
function waiverIndexOf(finding: Finding): number | undefined {
  const [root, index] = finding.path;
  return root === 'waivers' && typeof index === 'number' ? index : undefined;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function expiredWaiverSeverity(finding: Finding, findings: readonly Finding[], waivers: readonly Waiver[], today: string): Finding {
  const index = waiverIndexOf(finding);
  const waiver = index === undefined ? undefined : waivers[index];
  if (!waiver?.expires || waiver.expires >= today || finding.path[2] !== 'expires' || finding.severity === 'error') return finding;
  const named = findings.filter((f) => f.id !== WAIVER_RULE && waiverMatches(waiver, f));
  if (named.length === 0) return finding;
  const severity = named.map((f) => f.severity).reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
  return { ...finding, severity };
}
