import { describe, expect, it } from 'vitest';
import { reporters } from '../../../src/report/check/index.ts';
import { textReporter } from '../../../src/report/check/text.ts';
import { AWKWARD_MESSAGE, awkwardReport, batchManifest, brokenManifest, claimsManifest, sampleReport } from '../sample-report.ts';

const ESC = '\u001b';
const render = (color = false) => textReporter.render(sampleReport([claimsManifest(), brokenManifest(), batchManifest()]), { color });

describe('text format', () => {
  it('is the registered "text" reporter', () => {
    expect(reporters.get('text')).toBe(textReporter);
  });

  it('groups findings under their manifest, one file:line:col line each, in order', () => {
    const lines = render().split('\n');
    const findingLines = lines.filter((line) => /^ {2}\S/.test(line));
    expect(findingLines).toEqual([
      '  services/claims/routewise.yaml:28:7  error  RW-DATA-001  Regulated data class "patient-records" (hipaa) reaches cloud-api target "openai-gpt", which has no BAA.',
      '  services/claims/routewise.yaml:28:7  warning (waived)  RW-DATA-004  Personal data class "adjuster-notes" reaches cloud-api target "openai-gpt" without zeroDataRetention.',
      '  services/claims/routewise.yaml:36:5  error  RW-HYB-002  Target "openai-gpt" is not listed in deployment.monitoring.',
      '  services/claims/routewise.yaml:41:11  warning  RW-TEAM-001  Strategy hybrid needs skills the team lacks: cloud-infra, integration; budget for hiring.',
      '  services/search/routewise.yaml:6:1  error  schema-additional-property  Unknown field "dataClass" in the manifest.',
      '  services/batch/routewise.yaml  info  RW-CUST-003  Every workload is prompting or rag on cloud-self-hosted: cloud APIs would likely be faster and cheaper.',
    ]);
    expect(lines.filter((line) => /^\S/.test(line))).toEqual([
      'services/claims/routewise.yaml  fail, hybrid',
      'services/search/routewise.yaml  invalid',
      'services/batch/routewise.yaml  pass, cloud-self-hosted',
      '3 manifests, 2 errors, 1 warning, 1 info, 1 waived, 1 problem: failed',
    ]);
  });

  it('puts a code frame with a caret and then the remediation under an error', () => {
    const output = render();
    const start = output.indexOf('RW-DATA-001  Regulated');
    const block = output.slice(output.indexOf('\n', start) + 1).split('\n').slice(0, 7);
    expect(block).toEqual([
      '      26 |       type: on-premises',
      '      27 |       model: llama-3.1-70b-instruct',
      '    > 28 |     - id: openai-gpt',
      '         |       ^',
      '      29 |       type: cloud-api',
      '      30 |       model: gpt-4o',
      '    remediation: Route the data class to a self-hosted target, or sign the agreement (HIPAA: BAA).',
    ]);
  });

  it('gives warnings their remediation but no code frame', () => {
    const output = render();
    const start = output.indexOf('RW-TEAM-001  Strategy');
    const next = output.slice(output.indexOf('\n', start) + 1).split('\n')[0];
    expect(next).toBe('    remediation: Budget for hiring, or start with cloud APIs.');
  });

  it('shows who waived a finding, until when and why, instead of a remediation', () => {
    const output = render();
    const start = output.indexOf('RW-DATA-004');
    const next = output.slice(output.indexOf('\n', start) + 1).split('\n')[0];
    expect(next).toBe('    waived by privacy-office until 2027-01-31: Notes are pseudonymised before leaving the network | ticket 100%');
  });

  it('shows an invalid manifest with its problem, a code frame and the hint', () => {
    const output = render();
    expect(output).toContain(
      [
        '    > 6 | dataClass:',
        '        | ^',
        '      7 |   - id: queries',
        '      8 |     category: internal',
        '    hint: did you mean `dataClasses`?',
      ].join('\n'),
    );
  });

  it('says passed when nothing reaches the threshold', () => {
    const output = textReporter.render(sampleReport([claimsManifest(), batchManifest()], 'never'), { color: false });
    expect(output.trimEnd().split('\n').at(-1)).toBe('2 manifests, 2 errors, 1 warning, 1 info, 1 waived: passed');
    expect(output).toContain('services/claims/routewise.yaml  pass, hybrid');
  });

  it('uses no escape sequences without colour and colours severities with it', () => {
    expect(render(false)).not.toContain(ESC);
    const coloured = render(true);
    expect(coloured).toContain(`${ESC}[31merror${ESC}[39m`);
    expect(coloured).toContain(`${ESC}[33mwarning${ESC}[39m`);
    expect(coloured).toContain(`${ESC}[34minfo${ESC}[39m`);
    // Without the escape sequences the coloured output says exactly the same.
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(render(false));
  });

  it('keeps multi-line messages indented and shows control characters escaped', () => {
    const output = textReporter.render(awkwardReport(), { color: false });
    const [first] = AWKWARD_MESSAGE.split('\r\n');
    expect(output).toContain(`  teams/a,b: c%/route wise.yaml:3:2  error  RW-DATA-001  ${first}\n    see <details> & "quotes": naïve ✓ 数据\\x07\n`);
    expect(output).toContain('    remediation: Use `self-hosted` | <on-prem>\n    then re-run');
    expect(output).not.toContain('\u0007');
    expect(output).not.toContain('\r');
  });
});
