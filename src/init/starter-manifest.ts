// The commented starter manifest `routewise init` writes: a complete, valid routewise.yaml for the
// chosen strategy, whose comments teach the fields a team must fill in.

export type StarterStrategy = 'cloud-api' | 'cloud-self-hosted' | 'on-premises' | 'hybrid';

export interface StarterAnswers {
  name: string;
  owner: string;
  strategy: StarterStrategy;
  /** The category of the main data class. */
  category: 'health' | 'financial' | 'payment-card' | 'personal' | 'confidential' | 'internal' | 'public';
}

export const STARTER_STRATEGIES: readonly StarterStrategy[] = ['cloud-api', 'cloud-self-hosted', 'on-premises', 'hybrid'];
export const STARTER_CATEGORIES: readonly StarterAnswers['category'][] = ['health', 'financial', 'payment-card', 'personal', 'confidential', 'internal', 'public'];

const SLUG = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** Returns a problem sentence, or undefined when the answers can be written. */
export function checkAnswers(a: StarterAnswers): string | undefined {
  if (!SLUG.test(a.name)) return `name "${a.name}" must be a lowercase slug such as claims-assistant`;
  if (a.owner.trim() === '') return 'owner must name a team, a person or an address';
  if (!STARTER_STRATEGIES.includes(a.strategy)) return `strategy must be one of ${STARTER_STRATEGIES.join(', ')}`;
  if (!STARTER_CATEGORIES.includes(a.category)) return `category must be one of ${STARTER_CATEGORIES.join(', ')}`;
  if (a.strategy === 'cloud-api' && REGULATED.has(a.category)) {
    return `${a.category} data is regulated and must not go to cloud LLM APIs (RW-DATA-001); choose --strategy hybrid to keep it on your own models, or cloud-self-hosted / on-premises`;
  }
  return undefined;
}

const REGULATED = new Set(['health', 'financial', 'payment-card']);
const REGULATION: Record<string, string> = { health: 'hipaa', financial: 'glba', 'payment-card': 'pci-dss', personal: 'gdpr' };

export function starterManifest(a: StarterAnswers): string {
  const regulation = REGULATION[a.category];
  const sensitive = REGULATED.has(a.category) || a.category === 'personal' || a.category === 'confidential';
  const lines: string[] = [
    '# routewise manifest: where this project\'s LLM features run and where their data goes.',
    '# Check it with `routewise check`; the schema is printed by `routewise schema`.',
    'apiVersion: routewise/v1',
    'kind: LLMDeployment',
    'metadata:',
    `  name: ${a.name}`,
    `  owner: ${yamlString(a.owner)}`,
    '  description: Describe what the LLM features do for users',
    '',
    '# What data the LLM features touch. Health, financial and payment-card data count as regulated.',
    'dataClasses:',
    `  - id: main-data`,
    `    category: ${a.category}`,
    ...(regulation ? [`    regulations: [${regulation}]`] : []),
    ...(a.strategy === 'hybrid'
      ? ['  - id: public-content', '    category: public             # general traffic: fine on a cloud API']
      : []),
    '',
    '# The LLM features, the data they carry and how much traffic they make.',
    'workloads:',
    '  - id: assistant',
    `    dataClasses: [${a.strategy === 'hybrid' ? 'main-data, public-content' : 'main-data'}]`,
    '    customization: rag            # prompting | rag | fine-tuning | deep-modification',
    '    volume:',
    '      tokensPerMonth: 100000000   # input + output tokens',
    '      pattern: steady             # steady | spiky | unpredictable',
    '',
    '# Where models run.',
    'deployment:',
    `  strategy: ${a.strategy}`,
    '  targets:',
  ];
  const api = [
    '    - id: cloud-api',
    '      type: cloud-api',
    '      model: gpt-4o',
    '      provider: openai',
    '      agreements:',
    '        zeroDataRetention: true',
    '        trainingOptOut: true',
  ];
  const selfHosted = [
    '    - id: own-gpus',
    '      type: cloud-self-hosted',
    '      model: llama-3.1-70b-instruct',
    '      provider: aws',
    '      hardware:',
    '        gpus: 4',
    '        gpuType: a100',
    '        hourlyUsd: 16',
  ];
  const onPrem = [
    '    - id: own-servers',
    '      type: on-premises',
    '      model: llama-3.1-70b-instruct',
    '      hardware:',
    '        gpus: 8',
    '        gpuType: h100',
    '        capexUsd: 250000',
  ];
  let skills = ['ml', 'integration'];
  let mlops = 0;
  let weeks = 4;
  switch (a.strategy) {
    case 'cloud-api':
      lines.push(...api);
      break;
    case 'cloud-self-hosted':
      lines.push(...selfHosted);
      skills = ['ml', 'containers', 'cloud-infra'];
      mlops = 1;
      weeks = 8;
      break;
    case 'on-premises':
      lines.push(...onPrem);
      skills = ['ml', 'hardware'];
      mlops = 2;
      weeks = 16;
      break;
    case 'hybrid':
      lines.push(...selfHosted, ...api);
      skills = ['ml', 'containers', 'cloud-infra', 'integration'];
      mlops = 1;
      weeks = 8;
      break;
  }
  if (a.strategy === 'hybrid') {
    lines.push(
      '  # Ordered; the first matching rule decides where a (workload, data class) pair goes.',
      '  routing:',
      '    - when: { dataClasses: [main-data] }    # the project\'s own data stays on its own models',
      '      to: own-gpus',
      '    - when: { default: true }               # everything else goes to the cloud API',
      '      to: cloud-api',
      '  # Hybrid deployments need monitoring at both ends.',
      '  monitoring:',
      '    - target: own-gpus',
      '      tools: [prometheus]',
      '    - target: cloud-api',
    );
  }
  if (a.strategy === 'cloud-api' && sensitive) {
    lines.push(
      '',
      `# ${a.category} data on a cloud API: keep zeroDataRetention and trainingOptOut signed with the`,
      '# provider (RW-DATA-004), or route this data to a model you run.',
    );
  }
  lines.push(
    '',
    'team:',
    `  mlopsEngineers: ${mlops}              # dedicated MLOps / ML infrastructure staff`,
    `  skills: [${skills.join(', ')}]`,
    '',
    'timeline:',
    `  weeksToLaunch: ${weeks}               # or launchBy: YYYY-MM-DD`,
    '',
    '# Accepted, justified exceptions to a rule (each expires):',
    '# waivers:',
    '#   - rule: RW-DATA-004',
    '#     reason: Vendor contract forbids retention, ticket LGL-42',
    '#     approvedBy: privacy-office',
    '#     expires: 2027-06-30',
    '',
  );
  return lines.join('\n');
}

function yamlString(s: string): string {
  return /^[A-Za-z0-9 ._@/-]+$/.test(s) && !/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) ? s : JSON.stringify(s);
}
