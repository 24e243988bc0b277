// Words teams use for the manifest's fixed values (data categories, patterns, target types),
// which no spelling distance finds: `PHI` means health, `PII` personal. Only ever a suggestion in
// a message; the manifest must still say the value itself.
import { settingName } from './setting-name.ts';

/** Words teams use for an allowed value that no spelling distance finds (`PHI` for health). */
const SYNONYMS: Record<string, string> = {
  phi: 'health',
  ephi: 'health',
  medical: 'health',
  clinical: 'health',
  patient: 'health',
  pii: 'personal',
  'personal-data': 'personal',
  gdpr: 'personal',
  pci: 'payment-card',
  'pci-dss': 'payment-card',
  card: 'payment-card',
  cardholder: 'payment-card',
  'credit-card': 'payment-card',
  finance: 'financial',
  banking: 'financial',
  secret: 'confidential',
  proprietary: 'confidential',
  restricted: 'confidential',
  bursty: 'spiky',
  constant: 'steady',
  variable: 'unpredictable',
  api: 'cloud-api',
  saas: 'cloud-api',
  'self-hosted': 'cloud-self-hosted',
  onprem: 'on-premises',
  'on-prem': 'on-premises',
  'fine-tune': 'fine-tuning',
  finetuning: 'fine-tuning',
};

/** The allowed value `value` is a domain word for, if any. */
export function synonymIn(value: string, allowed: readonly string[]): string | undefined {
  const meant = SYNONYMS[settingName(value)];
  return meant !== undefined && allowed.includes(meant) ? meant : undefined;
}
