// Realistic run reports for the format tests, built through the same pipeline `check` uses:
// raw policy findings -> resolveFindings -> applyWaivers -> createRunReport.
import { readFileSync } from 'node:fs';
import type { RuleInfo } from '../../src/policy/engine.ts';
import type { FailOn } from '../../src/findings/threshold.ts';
import { resolveFindings, type TaggedFinding } from '../../src/findings/resolve.ts';
import { applyWaivers } from '../../src/findings/waivers.ts';
import type { Problem, SourcePosition } from '../../src/problems/problem.ts';
import { createRunReport, type ManifestInput, type RunReport } from '../../src/report/run-report.ts';

export const TODAY = '2026-11-27';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}/routewise.yaml`, import.meta.url), 'utf8');

export const rules: RuleInfo[] = [
  {
    id: 'RW-DATA-001',
    title: 'Regulated data on a cloud API',
    description: 'A regulated data class reaches a cloud-api target without the agreements its regulations need.',
    severity: 'error',
    remediation: 'Route the data class to a self-hosted target, or sign the agreement (HIPAA: BAA).',
    guidance: 'Data requirements first.',
    source: 'policies/data/regulated.rego:14',
  },
  {
    id: 'RW-DATA-004',
    title: 'Personal data without retention guarantees',
    description: 'Personal or confidential data reaches a cloud API without zero data retention or training opt-out.',
    severity: 'warning',
    remediation: 'Enable zero data retention and training opt-out with the provider.',
  },
  {
    id: 'RW-HYB-002',
    title: 'Unmonitored target in a hybrid deployment',
    description: 'Hybrid deployments need monitoring at both ends.',
    severity: 'error',
    remediation: 'List every target under deployment.monitoring.',
  },
  {
    id: 'RW-TEAM-001',
    title: 'Missing skills for the strategy',
    description: 'The team lacks skills the deployment strategy needs.',
    severity: 'warning',
    remediation: 'Budget for hiring, or start with cloud APIs.',
  },
  {
    id: 'RW-CUST-003',
    title: 'Cloud APIs would likely suffice',
    description: 'Every workload only prompts or retrieves, yet the deployment self-hosts.',
    severity: 'info',
    remediation: 'Consider cloud APIs: faster to launch and cheaper at this volume.',
  },
];

const ruleIds = rules.map((rule) => rule.id);

// Where the paths used below sit in fixtures/claims/routewise.yaml.
const claimsPositions: Record<string, [number, number]> = {
  '["deployment","targets",1]': [28, 7],
  '["deployment","monitoring"]': [36, 5],
  '["team","skills"]': [41, 11],
};

function positionIn(file: string, table: Record<string, [number, number]>) {
  return (path: (string | number)[]): SourcePosition | undefined => {
    const at = table[JSON.stringify(path)];
    return at ? { file, line: at[0], column: at[1] } : undefined;
  };
}

const claimsRaw: TaggedFinding[] = [
  {
    id: 'RW-TEAM-001',
    ruleSet: 'warn',
    message: 'Strategy hybrid needs skills the team lacks: cloud-infra, integration; budget for hiring.',
    path: ['team', 'skills'],
  },
  {
    id: 'RW-DATA-001',
    ruleSet: 'deny',
    message: 'Regulated data class "patient-records" (hipaa) reaches cloud-api target "openai-gpt", which has no BAA.',
    path: ['deployment', 'targets', 1],
    subject: { target: 'openai-gpt', dataClass: 'patient-records' },
  },
  {
    id: 'RW-DATA-004',
    ruleSet: 'warn',
    message: 'Personal data class "adjuster-notes" reaches cloud-api target "openai-gpt" without zeroDataRetention.',
    path: ['deployment', 'targets', 1, 'agreements'],
    subject: { target: 'openai-gpt', dataClass: 'adjuster-notes' },
  },
  {
    id: 'RW-HYB-002',
    ruleSet: 'deny',
    message: 'Target "openai-gpt" is not listed in deployment.monitoring.',
    path: ['deployment', 'monitoring'],
    subject: { target: 'openai-gpt' },
  },
];

export function claimsManifest(): ManifestInput {
  const file = 'services/claims/routewise.yaml';
  const resolved = resolveFindings(claimsRaw, rules, (path) => {
    // Like the loaded document: the nearest existing node answers for a missing one.
    for (let length = path.length; length >= 0; length -= 1) {
      const found = positionIn(file, claimsPositions)(path.slice(0, length));
      if (found) return found;
    }
    return undefined;
  });
  return {
    file,
    strategy: 'hybrid',
    problems: [],
    findings: applyWaivers(
      resolved,
      [
        {
          rule: 'RW-DATA-004',
          target: 'adjuster-notes',
          reason: 'Notes are pseudonymised before leaving the network | ticket 100%',
          approvedBy: 'privacy-office',
          expires: '2027-01-31',
        },
      ],
      TODAY,
    ),
    rulesEvaluated: ruleIds,
    source: fixture('claims'),
  };
}

export const brokenProblem: Problem = {
  code: 'schema-additional-property',
  message: 'Unknown field "dataClass" in the manifest.',
  position: { file: 'services/search/routewise.yaml', line: 6, column: 1 },
  path: ['dataClass'],
  hint: 'did you mean `dataClasses`?',
};

export function brokenManifest(): ManifestInput {
  return {
    file: 'services/search/routewise.yaml',
    problems: [brokenProblem],
    findings: [],
    rulesEvaluated: [],
    source: fixture('broken'),
  };
}

/** A self-hosted manifest with only an unlocated info finding. */
export function batchManifest(): ManifestInput {
  return {
    file: 'services/batch/routewise.yaml',
    strategy: 'cloud-self-hosted',
    problems: [],
    findings: resolveFindings(
      [{ id: 'RW-CUST-003', ruleSet: 'info', message: 'Every workload is prompting or rag on cloud-self-hosted: cloud APIs would likely be faster and cheaper.' }],
      rules,
      () => undefined,
    ),
    rulesEvaluated: ruleIds,
  };
}

export function sampleReport(manifests: ManifestInput[], failOn: FailOn = 'error'): RunReport {
  return createRunReport({ tool: { name: 'routewise', version: '0.1.0' }, failOn, manifests, rules });
}

/** One finding whose texts carry every character a format must escape. */
export const AWKWARD_MESSAGE = 'Cost 100% over | budget,\r\nsee <details> & "quotes": naïve ✓ 数据\u0007';

export function awkwardReport(failOn: FailOn = 'error'): RunReport {
  const file = 'teams/a,b: c%/route wise.yaml';
  const manifest: ManifestInput = {
    file,
    strategy: 'hybrid',
    problems: [],
    findings: resolveFindings(
      [
        {
          id: 'RW-DATA-001',
          ruleSet: 'deny',
          message: AWKWARD_MESSAGE,
          path: ['deployment'],
          remediation: 'Use `self-hosted` | <on-prem>\nthen re-run',
        },
      ],
      rules,
      () => ({ file, line: 3, column: 2 }),
    ),
    rulesEvaluated: ['RW-DATA-001'],
  };
  return sampleReport([manifest], failOn);
}
