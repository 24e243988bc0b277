// SARIF 2.1.0 for code scanning (GitHub and others): one run, one rule descriptor per rule id,
// one result per finding. Invalid manifests become results of the rule
// `routewise/invalid-manifest` rather than tool notifications, because code scanning shows results
// as alerts on the file and line, while notifications are easily missed.
import { createHash } from 'node:crypto';
import type { RuleInfo } from '../../policy/engine.ts';
import type { Severity } from '../../policy/finding.ts';
import { findingLocation, problemLocation, type Location } from '../location.ts';
import type { Reporter } from '../reporter.ts';
import { INVALID_MANIFEST_RULE, type RunReport } from '../run-report.ts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://routewise.dev';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/** "Regulated data on a cloud API" -> "RegulatedDataOnACloudAPI". */
export function pascalCase(text: string): string {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

// Relative URI references: forward slashes, each segment percent-encoded (spaces, '%', '#', ...).
function artifactUri(file: string): string {
  return file.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}

function physicalLocation(location: Location) {
  const artifactLocation = { uri: artifactUri(location.file), uriBaseId: '%SRCROOT%' };
  if (location.line === undefined || location.line < 1) return { physicalLocation: { artifactLocation } };
  const region: { startLine: number; startColumn?: number } = { startLine: location.line };
  if (location.column !== undefined && location.column >= 1) region.startColumn = location.column;
  return { physicalLocation: { artifactLocation, region } };
}

function ruleTags(id: string): string[] {
  // RW-DATA-001 -> data: the concern a rule belongs to, for filtering in code scanning.
  const family = /^[A-Za-z]+-([A-Za-z]+)-/.exec(id)?.[1];
  return family ? ['routewise', family.toLowerCase()] : ['routewise'];
}

function ruleDescriptor(rule: RuleInfo) {
  const helpText = rule.guidance ? `${rule.remediation}\n\nGuidance: ${rule.guidance}` : rule.remediation;
  const helpMarkdown = rule.guidance
    ? `**Remediation:** ${rule.remediation}\n\n**Guidance:** ${rule.guidance}`
    : `**Remediation:** ${rule.remediation}`;
  return {
    id: rule.id,
    name: pascalCase(rule.title) || pascalCase(rule.id),
    shortDescription: { text: rule.title || rule.id },
    fullDescription: { text: rule.description || rule.title || rule.id },
    help: { text: helpText || rule.title || rule.id, markdown: helpMarkdown },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: ruleTags(rule.id) },
  };
}

const invalidManifestRule: RuleInfo = {
  id: INVALID_MANIFEST_RULE,
  title: 'Invalid manifest',
  description: 'The manifest could not be judged: it is unreadable, not valid YAML, breaks the schema, or a policy failed.',
  severity: 'error',
  remediation: 'Fix the problem reported at this location, then run routewise check again.',
};

/** Rule descriptors for the catalogue, plus any id a finding uses that the catalogue lacks. */
function descriptorRules(report: RunReport): RuleInfo[] {
  const rules = [...report.rules];
  const known = new Set(rules.map((rule) => rule.id));
  const extra = new Map<string, RuleInfo>();
  for (const manifest of report.manifests) {
    for (const finding of manifest.findings) {
      if (known.has(finding.id) || extra.has(finding.id)) continue;
      extra.set(finding.id, {
        id: finding.id,
        title: finding.title ?? finding.id,
        description: finding.title ?? finding.id,
        severity: finding.severity,
        remediation: finding.remediation ?? '',
      });
    }
  }
  // A loop, not a spread: hundreds of thousands of ids would overflow the call stack as arguments.
  for (const id of [...extra.keys()].sort()) rules.push(extra.get(id)!);
  if (report.manifests.some((manifest) => manifest.problems.length > 0) && !known.has(INVALID_MANIFEST_RULE)) {
    rules.push(invalidManifestRule);
  }
  return rules;
}

/**
 * A fingerprint that follows a finding across commits: the rule, the manifest and the ids the
 * finding is about (its subject), never the line, which moves with every edit above it. Without
 * a subject the manifest path stands in. Code scanning merges results that share a fingerprint,
 * so two findings that would share one are numbered apart.
 */
function fingerprinter(): (ruleId: string, file: string, subject: object | undefined, path: readonly (string | number)[]) => string {
  const used = new Map<string, number>();
  return (ruleId, file, subject, path) => {
    const about = subject && Object.keys(subject).length > 0 ? subject : { path };
    const key = createHash('sha256').update(JSON.stringify([ruleId, file, about])).digest('hex').slice(0, 32);
    const seen = used.get(key) ?? 0;
    used.set(key, seen + 1);
    return seen === 0 ? key : `${key}:${seen + 1}`;
  };
}

function sortedSubject(subject: Record<string, string | undefined> | undefined): object | undefined {
  if (!subject) return undefined;
  return Object.fromEntries(Object.keys(subject).sort().filter((k) => subject[k] !== undefined).map((k) => [k, subject[k]]));
}

/** The SARIF log, as a value. */
export function sarifLog(report: RunReport) {
  const rules = descriptorRules(report);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results: object[] = [];
  const fingerprint = fingerprinter();
  for (const manifest of report.manifests) {
    for (const problem of manifest.problems) {
      const text = problem.hint ? `${problem.message} (${problem.hint})` : problem.message;
      results.push({
        ruleId: INVALID_MANIFEST_RULE,
        ruleIndex: ruleIndex.get(INVALID_MANIFEST_RULE),
        level: 'error',
        message: { text: `${problem.code}: ${text}` },
        locations: [physicalLocation(problemLocation(manifest, problem))],
        partialFingerprints: { 'routewise/v1': fingerprint(INVALID_MANIFEST_RULE, manifest.file, { code: problem.code, message: problem.message }, []) },
        properties: { code: problem.code },
      });
    }
    for (const finding of manifest.findings) {
      const result: Record<string, unknown> = {
        ruleId: finding.id,
        ruleIndex: ruleIndex.get(finding.id),
        level: LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [physicalLocation(findingLocation(manifest, finding))],
        partialFingerprints: { 'routewise/v1': fingerprint(finding.id, manifest.file, sortedSubject(finding.subject), finding.path) },
      };
      if (finding.related && finding.related.length > 0) {
        result.relatedLocations = finding.related.map((r, id) => ({ id, ...physicalLocation(r), message: { text: r.message } }));
      }
      if (finding.waived) {
        result.suppressions = [
          {
            kind: 'external',
            status: 'accepted',
            justification: finding.waived.reason ?? '',
            properties: { approvedBy: finding.waived.approvedBy ?? null, expires: finding.waived.expires ?? null },
          },
        ];
      }
      result.properties = { path: finding.path };
      results.push(result);
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'routewise',
            version: report.tool.version,
            // SARIF wants semantic versions here; a development build's version may not be one.
            semanticVersion: /^\d+\.\d+\.\d+/.test(report.tool.version) ? report.tool.version : undefined,
            informationUri: INFORMATION_URI,
            rules: rules.map(ruleDescriptor),
          },
        },
        // Columns come from JavaScript string offsets.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export const sarifReporter: Reporter = {
  name: 'sarif',
  render(report: RunReport): string {
    return `${JSON.stringify(sarifLog(report), null, 2)}\n`;
  },
};
