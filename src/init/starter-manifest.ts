// The commented starter manifest `routewise init` writes: a complete, valid routewise.yaml for the
// chosen strategy, whose comments teach the fields a team must fill in.
import { synonymIn } from '../manifest/value-synonyms.ts';

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

/** Each answer alone, so a prompt can ask again for just the one that is wrong. */
export type AnswerField = keyof StarterAnswers;

/** The answer to use, or a problem sentence naming what was given and what is accepted. */
export type AnswerCheck = { ok: true; value: string } | { ok: false; problem: string };

/**
 * Reads one answer. Typed answers are forgiving (spaces, capitals, a unique start such as `hyb`);
 * flags are exact (`lenient: false`), as a script should say what it means. `label` names the
 * answer in the problem (`--strategy` for a flag).
 */
export function checkAnswer(field: AnswerField, given: string, lenient = false, label: string = field): AnswerCheck {
  const v = lenient ? given.trim() : given;
  switch (field) {
    case 'name':
      if (SLUG.test(v)) return { ok: true, value: v };
      return { ok: false, problem: `${label} "${given}" must be a lowercase slug (letters, digits, dashes), such as ${toSlug(given) || 'claims-assistant'}` };
    case 'owner':
      return v.trim() === '' ? { ok: false, problem: `${label} must name a team, a person or an address` } : { ok: true, value: v };
    case 'strategy':
      return oneOf(label, given, STARTER_STRATEGIES, lenient);
    case 'category':
      return oneOf(label, given, STARTER_CATEGORIES, lenient);
  }
}

/** Returns a problem sentence, or undefined when the answers can be written. */
export function checkAnswers(a: StarterAnswers): string | undefined {
  for (const field of ['name', 'owner', 'strategy', 'category'] as const) {
    const c = checkAnswer(field, a[field]);
    if (!c.ok) return c.problem;
  }
  return checkCombination(a);
}

/** Answers that are each fine but together make a manifest that fails its own check. */
export function checkCombination(a: StarterAnswers): string | undefined {
  if (a.strategy === 'cloud-api' && REGULATED.has(a.category)) {
    return `${a.category} data is regulated and must not go to cloud LLM APIs (RW-DATA-001); choose strategy hybrid to keep it on your own models, or cloud-self-hosted / on-premises`;
  }
  return undefined;
}

/** The strategy to offer first for a data category: regulated data stays on models you run. */
export function defaultStrategy(category: StarterAnswers['category']): StarterStrategy {
  return REGULATED.has(category) ? 'hybrid' : 'cloud-api';
}

/** A folder or project title as a manifest name: `My Project` becomes `my-project`. */
export function toSlug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

function oneOf(label: string, given: string, allowed: readonly string[], lenient: boolean): AnswerCheck {
  if (allowed.includes(given)) return { ok: true, value: given };
  const v = given.trim().toLowerCase();
  const similar = v === '' ? [] : allowed.filter((a) => a === v || a.startsWith(v) || a.replace(/-/g, '').startsWith(v.replace(/[^a-z0-9]/g, '')));
  const meant = similar.length === 0 && v !== '' ? synonymIn(v, allowed) : undefined;
  const close = meant === undefined ? similar : [meant];
  if (lenient && close.length === 1) return { ok: true, value: close[0]! };
  const hint = close.length > 0 ? ` (did you mean ${close.join(' or ')}?)` : '';
  return { ok: false, problem: `${label} "${given}" must be one of ${allowed.join(', ')}${hint}` };
}

const REGULATED = new Set(['health', 'financial', 'payment-card']);
const REGULATION: Record<string, string> = { health: 'hipaa', financial: 'glba', 'payment-card': 'pci-dss', personal: 'gdpr' };
/** The agreement each regulation needs from every host not on premises (RW-DATA-007). */
const AGREEMENT: Record<string, string> = { hipaa: 'baa', glba: 'dpa', gdpr: 'dpa' };

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
  // A host that is not yours must have signed what the data's regulation needs; on hybrid the
  // regulated data stays on the rented GPUs, so only they need it.
  const agreement = regulation ? AGREEMENT[regulation] : undefined;
  const signed = agreement ? [`        ${agreement}: true${' '.repeat(Math.max(1, 21 - agreement.length))}# ${regulation} needs it of every host not on premises`] : [];
  const api = [
    '    - id: cloud-api',
    '      type: cloud-api',
    '      model: gpt-4o',
    '      provider: openai',
    '      agreements:',
    ...(a.strategy === 'cloud-api' ? signed : []),
    '        zeroDataRetention: true',
    '        trainingOptOut: true',
  ];
  const selfHosted = [
    '    - id: own-gpus',
    '      type: cloud-self-hosted',
    '      model: llama-3.1-70b-instruct',
    '      provider: aws',
    ...(signed.length > 0 ? ['      agreements:', ...signed] : []),
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
      '  # Ordered; the first matching rule decides where a request goes. A request may carry both',
      '  # classes, so the rule for the project\'s own data comes first.',
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
      '      tools: [provider-dashboard]',
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
