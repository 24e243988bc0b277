import { describe, expect, it } from 'vitest';
import { reporters } from '../../../src/report/check/index.ts';
import { jsonReporter } from '../../../src/report/check/json.ts';
import { AWKWARD_MESSAGE, awkwardReport, batchManifest, brokenManifest, claimsManifest, sampleReport } from '../sample-report.ts';

const report = () => sampleReport([claimsManifest(), brokenManifest(), batchManifest()]);
const parsed = () => JSON.parse(jsonReporter.render(report(), { color: false }));

describe('json format', () => {
  it('is the registered "json" reporter', () => {
    expect(reporters.get('json')).toBe(jsonReporter);
  });

  it('is versioned, with keys in a fixed order', () => {
    const doc = parsed();
    expect(Object.keys(doc)).toEqual(['version', 'tool', 'failOn', 'manifests', 'rules', 'summary']);
    expect(doc.version).toBe(1);
    expect(doc.tool).toEqual({ name: 'routewise', version: '0.1.0' });
    expect(Object.keys(doc.manifests[0])).toEqual(['file', 'status', 'strategy', 'problems', 'findings', 'rulesEvaluated']);
    expect(Object.keys(doc.manifests[0].findings[0])).toEqual([
      'id', 'severity', 'title', 'message', 'file', 'line', 'column', 'path', 'remediation', 'subject', 'waived', 'related',
    ]);
  });

  it('gives every finding its id, severity, message, location, path, remediation and waiver', () => {
    const [dataFinding, waivedFinding] = parsed().manifests[0].findings;
    expect(dataFinding).toEqual({
      id: 'RW-DATA-001',
      severity: 'error',
      title: 'Regulated data on a cloud API',
      message: 'Regulated data class "patient-records" (hipaa) reaches cloud-api target "openai-gpt", which has no BAA.',
      file: 'services/claims/routewise.yaml',
      line: 28,
      column: 7,
      path: ['deployment', 'targets', 1],
      remediation: 'Route the data class to a self-hosted target, or sign the agreement (HIPAA: BAA).',
      subject: { target: 'openai-gpt', dataClass: 'patient-records', workload: null },
      waived: false,
      related: [],
    });
    expect(waivedFinding.waived).toEqual({
      rule: 'RW-DATA-004',
      target: 'adjuster-notes',
      reason: 'Notes are pseudonymised before leaving the network | ticket 100%',
      approvedBy: 'privacy-office',
      expires: '2027-01-31',
    });
    expect(waivedFinding.path).toEqual(['deployment', 'targets', 1, 'agreements']);
  });

  it('keeps every key of an unlocated finding, as null', () => {
    const [finding] = parsed().manifests[2].findings;
    expect(finding).toMatchObject({ id: 'RW-CUST-003', severity: 'info', file: 'services/batch/routewise.yaml', line: null, column: null, path: [], subject: null });
  });

  it('reports an invalid manifest with its problems and leaves the source text out', () => {
    const doc = parsed();
    expect(doc.manifests[1]).toEqual({
      file: 'services/search/routewise.yaml',
      status: 'invalid',
      strategy: null,
      problems: [
        {
          code: 'schema-additional-property',
          message: 'Unknown field "dataClass" in the manifest.',
          file: 'services/search/routewise.yaml',
          line: 6,
          column: 1,
          path: ['dataClass'],
          hint: 'did you mean `dataClasses`?',
        },
      ],
      findings: [],
      rulesEvaluated: [],
    });
    expect(JSON.stringify(doc)).not.toContain('apiVersion');
  });

  it('summarises the run as the report does', () => {
    expect(parsed().summary).toEqual({ manifests: 3, errors: 2, warnings: 1, infos: 1, waived: 1, problems: 1, failed: true });
    const passing = JSON.parse(jsonReporter.render(sampleReport([batchManifest()]), { color: false }));
    expect(passing.summary.failed).toBe(false);
    expect(passing.manifests[0].status).toBe('pass');
  });

  it('round-trips awkward text exactly', () => {
    const doc = JSON.parse(jsonReporter.render(awkwardReport(), { color: false }));
    expect(doc.manifests[0].findings[0].message).toBe(AWKWARD_MESSAGE);
    expect(doc.manifests[0].file).toBe('teams/a,b: c%/route wise.yaml');
  });

  it('renders the same report to the same bytes', () => {
    expect(jsonReporter.render(report(), { color: true })).toBe(jsonReporter.render(report(), { color: false }));
  });
});
