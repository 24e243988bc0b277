import { describe, expect, it } from 'vitest';
import { reporters } from '../../../src/report/check/index.ts';
import { markdownReporter } from '../../../src/report/check/markdown.ts';
import { markdownProse, markdownText } from '../../../src/report/markdown-text.ts';
import { awkwardReport, batchManifest, brokenManifest, claimsManifest, sampleReport } from '../sample-report.ts';

const render = (failOn: 'error' | 'never' = 'error') =>
  markdownReporter.render(sampleReport([claimsManifest(), brokenManifest(), batchManifest()], failOn), { color: false });

// Splits a table row on its unescaped cell separators, as a GFM renderer would.
const cells = (line: string) => line.slice(2, -2).split(' | ');

describe('markdown format', () => {
  it('is the registered "markdown" reporter', () => {
    expect(reporters.get('markdown')).toBe(markdownReporter);
  });

  it('opens with a heading and ends with the verdict', () => {
    const output = render().trimEnd().split('\n');
    expect(output[0]).toBe('## routewise check failed');
    expect(output.at(-1)).toBe('**3 manifests, 2 errors, 1 warning, 1 info, 1 waived, 1 problem: failed**');
    expect(render('never').split('\n')[0]).toBe('## routewise check failed');
    expect(markdownReporter.render(sampleReport([batchManifest()]), { color: false }).split('\n')[0]).toBe('## routewise check passed');
  });

  it('gives each manifest a heading and a table of severity, rule, location and message', () => {
    const output = render();
    expect(output).toContain(
      [
        '### services/claims/routewise.yaml: fail (hybrid)',
        '',
        '| Severity | Rule | Location | Message |',
        '| --- | --- | --- | --- |',
        '| **error** | RW-DATA-001 | services/claims/routewise.yaml:28:7 | Regulated data class "patient-records" (hipaa) reaches cloud-api target "openai-gpt", which has no BAA.<br>Remediation: Route the data class to a self-hosted target, or sign the agreement (HIPAA: BAA). |',
      ].join('\n'),
    );
    expect(output).toContain('| **warning** | RW-TEAM-001 | services/claims/routewise.yaml:41:11 |');
    expect(output).toContain('| info | RW-CUST-003 | services/batch/routewise.yaml | Every workload');
  });

  it('marks waived findings and invalid manifests', () => {
    const output = render();
    expect(output).toContain(
      '| warning (waived) | RW-DATA-004 | services/claims/routewise.yaml:28:7 | Personal data class "adjuster-notes" reaches cloud-api target "openai-gpt" without zeroDataRetention.<br>waived by privacy-office until 2027-01-31: Notes are pseudonymised before leaving the network &#124; ticket 100% |',
    );
    expect(output).toContain('### services/search/routewise.yaml: invalid');
    expect(output).toContain(
      '| **invalid** | schema-additional-property | services/search/routewise.yaml:6:1 | Unknown field "dataClass" in the manifest.<br>Hint: did you mean <code>dataClasses</code>? |',
    );
  });

  it('says so when a manifest has nothing to report', () => {
    const output = markdownReporter.render(sampleReport([{ file: 'routewise.yaml', strategy: 'cloud-api', problems: [], findings: [], rulesEvaluated: [] }]), { color: false });
    expect(output).toContain('### routewise.yaml: pass (cloud-api)\n\nNo findings.');
  });

  it('keeps awkward messages inside their cell, on one line, without markup', () => {
    const output = markdownReporter.render(awkwardReport(), { color: false });
    const rows = output.split('\n').filter((line) => line.startsWith('| **error**'));
    expect(rows).toHaveLength(1);
    expect(cells(rows[0]!)).toEqual([
      '**error**',
      'RW-DATA-001',
      'teams/a,b: c%/route wise.yaml:3:2',
      'Cost 100% over &#124; budget,<br>see &#60;details&#62; &#38; "quotes": naïve ✓ 数据\u0007<br>Remediation: Use <code>self-hosted</code> &#124; &#60;on-prem&#62;<br>then re-run',
    ]);
  });

  it('escapes table, emphasis, code, link and HTML syntax', () => {
    expect(markdownText('a|b')).toBe('a&#124;b');
    expect(markdownText('*x* _y_ `z` [l](u) ~~s~~ #1 \\')).toBe('&#42;x&#42; &#95;y&#95; &#96;z&#96; &#91;l&#93;(u) &#126;&#126;s&#126;&#126; &#35;1 &#92;');
    expect(markdownText('<b>&amp;</b>')).toBe('&#60;b&#62;&#38;amp;&#60;/b&#62;');
    expect(markdownText('one\ntwo\r\nthree\rfour')).toBe('one<br>two<br>three<br>four');
  });

  it('shows code written in messages as code, never as literal backticks, and keeps it harmless', () => {
    expect(markdownProse('Set `agreements.baa` to `true`.')).toBe('Set <code>agreements.baa</code> to <code>true</code>.');
    expect(markdownProse('Use `a|b <i>` here')).toBe('Use <code>a&#124;b &#60;i&#62;</code> here');
    // An unpaired backtick is text.
    expect(markdownProse('one ` tick')).toBe('one &#96; tick');
  });

  it('puts a cost line under the heading of each manifest that has cost figures, with its dollar signs unable to open math', () => {
    const cost = { apiMonthlyUsd: 7000, selfHostedMonthlyUsd: 0, staffMonthlyUsd: 0, monthlyUsd: 7000, budgetMonthlyUsd: 5000, unpriced: ['odd|api'] };
    const output = markdownReporter.render(
      sampleReport([
        { file: 'a/routewise.yaml', strategy: 'cloud-api', problems: [], findings: [], rulesEvaluated: [], cost },
        { file: 'b/routewise.yaml', strategy: 'cloud-api', problems: [], findings: [], rulesEvaluated: [] },
      ]),
      { color: false },
    );
    // 7,000 - 5,000 = 2,000 over; the unpriced target id is escaped like any user text.
    expect(output).toContain(
      '### a/routewise.yaml: pass (cloud-api)\n\nCost: at least &#36;7,000.00 a month (APIs &#36;7,000.00), over the budget of &#36;5,000.00 by &#36;2,000.00; unpriced: odd&#124;api\n\nNo findings.',
    );
    expect(output).toContain('### b/routewise.yaml: pass (cloud-api)\n\nNo findings.');
    expect(output.match(/Cost: /g)).toHaveLength(1);
  });
});
