// A finding located in a gateway file with related places (the drift rules' findings): every
// format puts it on the gateway line and carries the related places its own way.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { resolveFindings } from '../../src/findings/resolve.ts';
import { githubReporter } from '../../src/report/check/github.ts';
import { jsonReporter } from '../../src/report/check/json.ts';
import { createRunReport, type RunReport } from '../../src/report/run-report.ts';
import { sarifReporter } from '../../src/report/check/sarif.ts';
import { textReporter } from '../../src/report/check/text.ts';

const require = createRequire(import.meta.url);
const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')));

const MANIFEST = 'routewise.yaml';
const GATEWAY = 'deploy/litellm/config.yaml';
const manifestText = 'apiVersion: routewise/v1\nkind: LLMDeployment\ndataClasses:\n  - id: patient-records\n    category: health\n';
const gatewayText = 'model_list:\n  - model_name: gpt-4o\n    litellm_params:\n      model: openai/gpt-4o\nrouter_settings:\n  fallbacks:\n    - llama: [gpt-4o]\n';

function report(): RunReport {
  const findings = resolveFindings(
    [
      {
        id: 'RW-DRIFT-002',
        ruleSet: 'deny',
        message: 'Gateway fallbacks send patient-records from llama to gpt-4o.',
        location: { file: GATEWAY, line: 7, column: 15 },
        related: [
          { file: GATEWAY, line: 2, column: 17, message: 'gpt-4o calls openai/gpt-4o' },
          { path: ['dataClasses', 0], message: 'data class patient-records is declared here' },
        ],
      },
    ],
    [],
    (path) => (JSON.stringify(path) === '["dataClasses",0]' ? { file: MANIFEST, line: 4, column: 5 } : undefined),
  );
  return createRunReport({
    tool: { name: 'routewise', version: '0.1.0' },
    failOn: 'error',
    rules: [],
    manifests: [{ file: MANIFEST, problems: [], findings, rulesEvaluated: ['RW-DRIFT-002'], source: manifestText, sourceTexts: { [GATEWAY]: gatewayText } }],
  });
}

describe('findings located in another file, with related places', () => {
  it('resolve a manifest path in `related` to its line, and keep the gateway location', () => {
    const [finding] = report().manifests[0]!.findings;
    expect(finding!.location).toEqual({ file: GATEWAY, line: 7, column: 15 });
    expect(finding!.related).toEqual([
      { file: GATEWAY, line: 2, column: 17, message: 'gpt-4o calls openai/gpt-4o' },
      { file: MANIFEST, line: 4, column: 5, message: 'data class patient-records is declared here' },
    ]);
  });

  it('text shows the gateway frame and a frame for each related place', () => {
    const text = textReporter.render(report(), { color: false });
    expect(text).toContain(`${GATEWAY}:7:15  error  RW-DRIFT-002`);
    expect(text).toContain('> 7 |     - llama: [gpt-4o]');
    expect(text).toContain(`related: ${GATEWAY}:2:17  gpt-4o calls openai/gpt-4o`);
    expect(text).toContain('> 2 |   - model_name: gpt-4o');
    expect(text).toContain(`related: ${MANIFEST}:4:5  data class patient-records is declared here`);
    expect(text).toContain('> 4 |   - id: patient-records');
  });

  it('JSON gives the gateway file and line, and the related list', () => {
    const finding = JSON.parse(jsonReporter.render(report(), { color: false })).manifests[0].findings[0];
    expect([finding.file, finding.line, finding.column]).toEqual([GATEWAY, 7, 15]);
    expect(finding.related[1]).toEqual({ file: MANIFEST, line: 4, column: 5, message: 'data class patient-records is declared here' });
  });

  it('SARIF writes relatedLocations and stays valid against the SARIF schema', () => {
    const log = JSON.parse(sarifReporter.render(report(), { color: false }));
    expect(validateSarif(log)).toBe(true);
    const result = log.runs[0].results[0];
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('deploy/litellm/config.yaml');
    expect(result.relatedLocations.map((r: { id: number; message: { text: string } }) => [r.id, r.message.text])).toEqual([
      [0, 'gpt-4o calls openai/gpt-4o'],
      [1, 'data class patient-records is declared here'],
    ]);
  });

  it('the GitHub annotation goes on the gateway line and names the related places', () => {
    const line = githubReporter.render(report(), { color: false }).trim();
    expect(line.startsWith(`::error file=${GATEWAY},line=7,col=15,title=RW-DRIFT-002::`)).toBe(true);
    expect(line).toContain('%0Arelated: routewise.yaml:4:5 data class patient-records is declared here');
  });
});
