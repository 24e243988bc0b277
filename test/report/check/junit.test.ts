import { describe, expect, it } from 'vitest';
import { reporters } from '../../../src/report/check/index.ts';
import { junitReporter } from '../../../src/report/check/junit.ts';
import { INVALID_MANIFEST_RULE } from '../../../src/report/run-report.ts';
import { xmlAttribute, xmlText } from '../../../src/report/xml.ts';
import { AWKWARD_MESSAGE, awkwardReport, batchManifest, brokenManifest, claimsManifest, rules, sampleReport } from '../sample-report.ts';
import { childElements, parseXml, textOf, type XmlElement } from '../xml-document.ts';

const render = (failOn: 'error' | 'warning' | 'info' | 'never' = 'error') =>
  parseXml(junitReporter.render(sampleReport([claimsManifest(), brokenManifest(), batchManifest()], failOn), { color: false }));

const testcase = (suite: XmlElement, name: string) => childElements(suite, 'testcase').find((c) => c.attributes.name === name)!;

describe('junit format', () => {
  it('is the registered "junit" reporter', () => {
    expect(reporters.get('junit')).toBe(junitReporter);
  });

  it('has one suite per manifest and one test case per rule evaluated, with counts', () => {
    const root = render();
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toEqual({ name: 'routewise', tests: '11', failures: '2', errors: '1' });
    const suites = childElements(root, 'testsuite');
    expect(suites.map((s) => [s.attributes.name, s.attributes.tests, s.attributes.failures, s.attributes.errors])).toEqual([
      ['services/claims/routewise.yaml', '5', '2', '0'],
      ['services/search/routewise.yaml', '1', '0', '1'],
      ['services/batch/routewise.yaml', '5', '0', '0'],
    ]);
    expect(childElements(suites[0]!, 'testcase').map((c) => c.attributes.name)).toEqual(rules.map((r) => r.id));
    expect(testcase(suites[0]!, 'RW-CUST-003')).toEqual({
      name: 'testcase',
      attributes: { name: 'RW-CUST-003', classname: 'services/claims/routewise.yaml', file: 'services/claims/routewise.yaml' },
      children: [],
    });
  });

  it('fails a rule with the finding message and its location', () => {
    const claims = childElements(render(), 'testsuite')[0]!;
    const [failure] = childElements(testcase(claims, 'RW-DATA-001'), 'failure');
    expect(failure!.attributes).toEqual({
      message: 'Regulated data class "patient-records" (hipaa) reaches cloud-api target "openai-gpt", which has no BAA.',
      type: 'error',
    });
    expect(textOf(failure!)).toBe(
      'services/claims/routewise.yaml:28:7  error  RW-DATA-001  Regulated data class "patient-records" (hipaa) reaches cloud-api target "openai-gpt", which has no BAA.\n' +
        '  remediation: Route the data class to a self-hosted target, or sign the agreement (HIPAA: BAA).',
    );
  });

  it('fails only at or above the threshold and never for a waived finding', () => {
    const atError = childElements(render('error'), 'testsuite')[0]!;
    expect(childElements(testcase(atError, 'RW-TEAM-001'), 'failure')).toEqual([]);
    expect(textOf(childElements(testcase(atError, 'RW-TEAM-001'), 'system-out')[0]!)).toContain('RW-TEAM-001  Strategy hybrid');

    const atWarning = childElements(render('warning'), 'testsuite')[0]!;
    expect(childElements(testcase(atWarning, 'RW-TEAM-001'), 'failure')).toHaveLength(1);
    const waived = testcase(atWarning, 'RW-DATA-004');
    expect(childElements(waived, 'failure')).toEqual([]);
    expect(textOf(childElements(waived, 'system-out')[0]!)).toContain('waived by privacy-office until 2027-01-31');

    const never = render('never');
    expect(never.attributes.failures).toBe('0');
  });

  it('gathers several failing findings of one rule into one failure', () => {
    const manifest = claimsManifest();
    const extra = { ...manifest.findings[0]!, message: 'Regulated data class "claims-history" reaches cloud-api target "openai-gpt".' };
    manifest.findings = [manifest.findings[0]!, extra];
    const root = parseXml(junitReporter.render(sampleReport([manifest]), { color: false }));
    const failures = childElements(testcase(childElements(root, 'testsuite')[0]!, 'RW-DATA-001'), 'failure');
    expect(failures).toHaveLength(1);
    expect(failures[0]!.attributes.message).toBe(`2 findings: ${manifest.findings[0]!.message}`);
    expect(textOf(failures[0]!).split('\n').filter((line) => line.includes('RW-DATA-001'))).toHaveLength(2);
  });

  it('reports an invalid manifest as a test case in error', () => {
    const broken = childElements(render(), 'testsuite')[1]!;
    const [only] = childElements(broken, 'testcase');
    expect(only!.attributes.name).toBe(INVALID_MANIFEST_RULE);
    const [error] = childElements(only!, 'error');
    expect(error!.attributes).toEqual({ message: 'Unknown field "dataClass" in the manifest.', type: 'schema-additional-property' });
    expect(textOf(error!)).toBe(
      'services/search/routewise.yaml:6:1  schema-additional-property  Unknown field "dataClass" in the manifest.\n  hint: did you mean `dataClasses`?',
    );
  });

  it('escapes awkward text so it parses back exactly, except what XML cannot hold', () => {
    const xml = junitReporter.render(awkwardReport(), { color: false });
    const root = parseXml(xml);
    const suite = childElements(root, 'testsuite')[0]!;
    expect(suite.attributes.name).toBe('teams/a,b: c%/route wise.yaml');
    const [failure] = childElements(testcase(suite, 'RW-DATA-001'), 'failure');
    const expected = AWKWARD_MESSAGE.replace('\u0007', '\uFFFD');
    expect(failure!.attributes.message).toBe(expected);
    expect(textOf(failure!)).toContain(`RW-DATA-001  ${expected}\n  remediation: Use \`self-hosted\` | <on-prem>\nthen re-run`);
  });

  it('escapes the XML specials in text and attributes', () => {
    expect(xmlText('a < b && c > "d"')).toBe('a &lt; b &amp;&amp; c &gt; "d"');
    expect(xmlAttribute('say "hi"\n\tthere')).toBe('say &quot;hi&quot;&#10;&#9;there');
    expect(xmlText('bell\u0007 lone\uD800 pair😀')).toBe('bell\uFFFD lone\uFFFD pair😀');
  });

  it('is a well-formed empty report when there are no manifests', () => {
    const root = parseXml(junitReporter.render(sampleReport([]), { color: false }));
    expect(root.attributes).toMatchObject({ tests: '0', failures: '0', errors: '0' });
    expect(childElements(root)).toEqual([]);
  });
});
