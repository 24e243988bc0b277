import { describe, expect, it } from 'vitest';
import { escapeCommandData, escapeCommandProperty, githubReporter } from '../../../src/report/check/github.ts';
import { reporters } from '../../../src/report/check/index.ts';
import { awkwardReport, batchManifest, brokenManifest, claimsManifest, sampleReport } from '../sample-report.ts';

const lines = () => githubReporter.render(sampleReport([claimsManifest(), brokenManifest(), batchManifest()]), { color: false }).split('\n');

describe('github format', () => {
  it('is the registered "github" reporter', () => {
    expect(reporters.get('github')).toBe(githubReporter);
  });

  it('writes one workflow command per finding and problem, by severity', () => {
    expect(lines()).toEqual([
      '::error file=services/claims/routewise.yaml,line=28,col=7,title=RW-DATA-001::Regulated data class "patient-records" (hipaa) reaches cloud-api target "openai-gpt", which has no BAA.',
      '::notice file=services/claims/routewise.yaml,line=28,col=7,title=RW-DATA-004 (waived)::Personal data class "adjuster-notes" reaches cloud-api target "openai-gpt" without zeroDataRetention.%0Awaived by privacy-office until 2027-01-31: Notes are pseudonymised before leaving the network | ticket 100%25',
      '::error file=services/claims/routewise.yaml,line=36,col=5,title=RW-HYB-002::Target "openai-gpt" is not listed in deployment.monitoring.',
      '::warning file=services/claims/routewise.yaml,line=41,col=11,title=RW-TEAM-001::Strategy hybrid needs skills the team lacks: cloud-infra, integration; budget for hiring.',
      '::error file=services/search/routewise.yaml,line=6,col=1,title=schema-additional-property::Unknown field "dataClass" in the manifest.%0Ahint: did you mean `dataClasses`?',
      '::notice file=services/batch/routewise.yaml,title=RW-CUST-003::Every workload is prompting or rag on cloud-self-hosted: cloud APIs would likely be faster and cheaper.',
      '',
    ]);
  });

  it('escapes data and property values as the runner requires', () => {
    const [line] = githubReporter.render(awkwardReport(), { color: false }).split('\n');
    expect(line).toBe('::error file=teams/a%2Cb%3A c%25/route wise.yaml,line=3,col=2,title=RW-DATA-001::Cost 100%25 over | budget,%0D%0Asee <details> & "quotes": naïve ✓ 数据\u0007');
    expect(escapeCommandData('50% a:b,c\r\nd')).toBe('50%25 a:b,c%0D%0Ad');
    expect(escapeCommandProperty('50% a:b,c\r\nd')).toBe('50%25 a%3Ab%2Cc%0D%0Ad');
    // '%' first, so an existing escape is not decoded by the runner.
    expect(escapeCommandData('%0A')).toBe('%250A');
  });

  it('prints nothing for a clean run', () => {
    expect(githubReporter.render(sampleReport([{ file: 'routewise.yaml', problems: [], findings: [], rulesEvaluated: ['RW-DATA-001'] }]), { color: false })).toBe('');
  });
});
