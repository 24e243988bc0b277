// Free-text names in a manifest (regulations, skills, providers) as the settings spell them:
// teams copy `HIPAA`, `PCI DSS` or `Cloud Infra` from contracts and job titles, while the rules
// and data.yaml name each once, in lower case with hyphens.

/** Lower case, trimmed, runs of spaces and underscores as one hyphen. */
export function settingName(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_]+/g, '-');
}
