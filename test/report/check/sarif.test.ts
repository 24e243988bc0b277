import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { reporters } from '../../../src/report/check/index.ts';
import { createRunReport, INVALID_MANIFEST_RULE, type RunReport } from '../../../src/report/run-report.ts';
import { pascalCase, sarifReporter } from '../../../src/report/check/sarif.ts';
import { AWKWARD_MESSAGE, awkwardReport, batchManifest, brokenManifest, claimsManifest, rules, sampleReport } from '../sample-report.ts';

const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
// The official schema has a pattern (language tags) that is invalid in unicode mode.
// Both packages are CommonJS: Node hands over `module.exports`, whose `default` is the export.
const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

const sarif = (report: RunReport) => JSON.parse(sarifReporter.render(report, { color: false }));

const reports: [string, () => RunReport][] = [
  ['findings, waivers, a problem and an unlocated finding', () => sampleReport([claimsManifest(), brokenManifest(), batchManifest()])],
  ['a clean run with no manifests', () => sampleReport([])],
  ['awkward characters in file names and messages', () => awkwardReport()],
  [
    'a finding of a rule missing from the catalogue, on a development build',
    () =>
      createRunReport({
        tool: { name: 'routewise', version: 'dev' },
        failOn: 'warning',
        rules: [],
        manifests: [{ file: 'routewise.yaml', problems: [], rulesEvaluated: ['ORG-COST-001'], findings: [{ id: 'ORG-COST-001', severity: 'warning', message: 'Over budget.', path: [] }] }],
      }),
  ],
];

describe('sarif format', () => {
  it('is the registered "sarif" reporter', () => {
    expect(reporters.get('sarif')).toBe(sarifReporter);
  });

  it.each(reports)('validates against the SARIF 2.1.0 schema: %s', (_name, build) => {
    const log = sarif(build());
    const valid = validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check does catch a broken log', () => {
    const log = sarif(sampleReport([claimsManifest()]));
    log.runs[0].results[0].level = 'fatal';
    expect(validateSarif(log)).toBe(false);
  });

  it('describes one rule per catalogue id with its metadata', () => {
    const driver = sarif(sampleReport([claimsManifest()])).runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'routewise', version: '0.1.0', informationUri: 'https://routewise.dev' });
    expect(driver.rules.map((rule: { id: string }) => rule.id)).toEqual(rules.map((rule) => rule.id));
    expect(driver.rules[0]).toEqual({
      id: 'RW-DATA-001',
      name: 'RegulatedDataOnACloudAPI',
      shortDescription: { text: 'Regulated data on a cloud API' },
      fullDescription: { text: 'A regulated data class reaches a cloud-api target without the agreements its regulations need.' },
      help: {
        text: 'Route the data class to a self-hosted target, or sign the agreement (HIPAA: BAA).\n\nGuidance: Data requirements first.',
        markdown: '**Remediation:** Route the data class to a self-hosted target, or sign the agreement (HIPAA: BAA).\n\n**Guidance:** Data requirements first.',
      },
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['routewise', 'data'] },
    });
    expect(driver.rules.map((rule: { defaultConfiguration: { level: string } }) => rule.defaultConfiguration.level)).toEqual([
      'error', 'warning', 'error', 'warning', 'note',
    ]);
  });

  it('reports each finding with its rule index, level and physical location', () => {
    const run = sarif(sampleReport([claimsManifest(), batchManifest()])).runs[0];
    const [first] = run.results;
    expect(first).toEqual({
      ruleId: 'RW-DATA-001',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'Regulated data class "patient-records" (hipaa) reaches cloud-api target "openai-gpt", which has no BAA.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'services/claims/routewise.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 28, startColumn: 7 },
          },
        },
      ],
      partialFingerprints: { 'routewise/v1': expect.stringMatching(/^[0-9a-f]{32}$/) },
      properties: { path: ['deployment', 'targets', 1] },
    });
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    const info = run.results.find((result: { ruleId: string }) => result.ruleId === 'RW-CUST-003');
    expect(info.level).toBe('note');
    expect(info.locations[0].physicalLocation.region).toBeUndefined();
  });

  it('keeps waived findings as suppressed results with the justification', () => {
    const results = sarif(sampleReport([claimsManifest()])).runs[0].results;
    const waived = results.filter((result: { suppressions?: unknown }) => result.suppressions);
    expect(waived).toHaveLength(1);
    expect(waived[0].ruleId).toBe('RW-DATA-004');
    expect(waived[0].suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: 'Notes are pseudonymised before leaving the network | ticket 100%',
        properties: { approvedBy: 'privacy-office', expires: '2027-01-31' },
      },
    ]);
  });

  it('reports an invalid manifest as a result of the invalid-manifest rule', () => {
    const run = sarif(sampleReport([brokenManifest()])).runs[0];
    expect(run.tool.driver.rules.at(-1).id).toBe(INVALID_MANIFEST_RULE);
    expect(run.results).toEqual([
      {
        ruleId: INVALID_MANIFEST_RULE,
        ruleIndex: rules.length,
        level: 'error',
        message: { text: 'schema-additional-property: Unknown field "dataClass" in the manifest. (did you mean `dataClasses`?)' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'services/search/routewise.yaml', uriBaseId: '%SRCROOT%' },
              region: { startLine: 6, startColumn: 1 },
            },
          },
        ],
        partialFingerprints: { 'routewise/v1': expect.stringMatching(/^[0-9a-f]{32}$/) },
        properties: { code: 'schema-additional-property' },
      },
    ]);
    expect(sarif(sampleReport([claimsManifest()])).runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).not.toContain(INVALID_MANIFEST_RULE);
  });

  it('adds a descriptor for a rule the catalogue lacks so every result has a rule', () => {
    const run = sarif(reports[3]![1]()).runs[0];
    expect(run.tool.driver.rules).toHaveLength(1);
    expect(run.tool.driver.rules[0]).toMatchObject({ id: 'ORG-COST-001', name: 'ORGCOST001', defaultConfiguration: { level: 'warning' } });
    expect(run.results[0].ruleIndex).toBe(0);
    expect(run.tool.driver.semanticVersion).toBeUndefined();
  });

  it('percent-encodes artifact URIs and keeps messages verbatim', () => {
    const result = sarif(awkwardReport()).runs[0].results[0];
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('teams/a%2Cb%3A%20c%25/route%20wise.yaml');
    expect(result.message.text).toBe(AWKWARD_MESSAGE);
  });

  it('turns titles into PascalCase names', () => {
    expect(pascalCase('Unmonitored target in a hybrid deployment')).toBe('UnmonitoredTargetInAHybridDeployment');
    expect(pascalCase('weeks-to-launch: too short!')).toBe('WeeksToLaunchTooShort');
    expect(pascalCase('données réglementées')).toBe('DonnéesRéglementées');
  });

  describe('partial fingerprints', () => {
    const position = { file: 'svc/routewise.yaml', line: 48, column: 11 };
    const twoOnOneLine = (subjects: [string, string], lineShift = 0) =>
      createRunReport({
        tool: { name: 'routewise', version: '1.0.0' },
        failOn: 'error',
        rules: [],
        manifests: [
          {
            file: 'svc/routewise.yaml',
            problems: [],
            rulesEvaluated: ['RW-DATA-001'],
            findings: subjects.map((dataClass) => ({
              id: 'RW-DATA-001',
              severity: 'error' as const,
              message: `Regulated data class ${dataClass} reaches cloud API target openai-gpt.`,
              path: ['deployment', 'routing', 0, 'to'],
              position: { ...position, line: position.line + lineShift },
              subject: { dataClass, target: 'openai-gpt' },
            })),
          },
        ],
      });
    const prints = (report: RunReport) =>
      (sarif(report).runs[0].results as { partialFingerprints: Record<string, string> }[]).map((r) => r.partialFingerprints['routewise/v1']);

    it('keeps two findings of one rule on one line apart', () => {
      const [a, b] = prints(twoOnOneLine(['patient-notes', 'claims']));
      expect(a).toMatch(/^[0-9a-f]{32}$/);
      expect(a).not.toBe(b);
    });

    it('stays the same when the finding moves to another line', () => {
      expect(prints(twoOnOneLine(['patient-notes', 'claims'], 7))).toEqual(prints(twoOnOneLine(['patient-notes', 'claims'])));
    });

    it('numbers findings that would share one, so none merge', () => {
      const [a, b] = prints(twoOnOneLine(['patient-notes', 'patient-notes']));
      expect(b).toBe(`${a}:2`);
    });

    it('is written for every result, findings and problems alike', () => {
      const log = sarif(sampleReport([claimsManifest(), brokenManifest(), batchManifest()]));
      for (const result of log.runs[0].results) expect(Object.keys(result.partialFingerprints)).toEqual(['routewise/v1']);
    });
  });
});
