// Applies manifest waivers to findings: an accepted finding stays visible and counted but can
// no longer fail the check. Reporting bad waivers is a rule's job (RW-WAIVE-001), not this one's.
import type { Finding, Waiver } from '../policy/finding.ts';

/** A waiver counts only when complete and not expired on `today` (YYYY-MM-DD; it applies on its expiry day). */
export function isWaiverActive(waiver: Waiver, today: string): boolean {
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

/** Returns new findings; the first active waiver that matches (in manifest order) is recorded on each. */
export function applyWaivers(findings: readonly Finding[], waivers: readonly Waiver[], today: string): Finding[] {
  const active = waivers.filter((waiver) => isWaiverActive(waiver, today));
  return findings.map((finding) => {
    const waiver = active.find((candidate) => waiverMatches(candidate, finding));
    return waiver ? { ...finding, waived: { ...waiver } } : finding;
  });
}
