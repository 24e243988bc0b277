// How every format words an accepted finding: who waived it, until when, and why.
import type { Waiver } from '../policy/finding.ts';

export function waiverNote(waiver: Waiver): string {
  return `waived by ${waiver.approvedBy ?? 'unknown'} until ${waiver.expires ?? 'unknown'}: ${waiver.reason ?? ''}`;
}
