// Writes a synthetic organisation for the audit benchmark: repositories (most with a .git, some
// grouped, some without a manifest) holding varied, realistic manifests, a few of them invalid.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SyntheticOrganisation {
  repositories: number;
  /** Absolute paths of every manifest written, for the read-and-parse floor. */
  manifests: string[];
  invalid: number;
}

/** A small seeded generator (mulberry32), so a size always gives the same organisation. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = ['health', 'financial', 'payment-card', 'personal', 'confidential', 'internal', 'public'] as const;
const REGULATED = new Set(['health', 'financial', 'payment-card']);
const PROVIDERS = ['openai', 'anthropic', 'azure-openai', 'bedrock', 'vertex', 'mistral'];
const MODELS = ['gpt-4o', 'gpt-4o-mini', 'claude-sonnet-4', 'mistral-large', 'gemini-1.5-pro'];
const OPEN_MODELS = ['llama-3.1-70b-instruct', 'llama-3.1-8b-instruct', 'mixtral-8x22b', 'qwen2.5-72b'];
const SKILLS = ['ml', 'containers', 'kubernetes', 'cloud-infra', 'hardware', 'integration'];

function manifestYaml(name: string, rnd: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const roll = rnd();
  const strategy = roll < 0.4 ? 'cloud-api' : roll < 0.65 ? 'hybrid' : roll < 0.85 ? 'cloud-self-hosted' : 'on-premises';
  const classes = Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, i) => ({ id: `data-${i}`, category: pick(CATEGORIES) }));
  const workloads = Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, i) => ({
    id: `feature-${i}`,
    classes: classes.filter((_, k) => k === i % classes.length || rnd() < 0.3).map((c) => c.id),
    customization: pick(['prompting', 'rag', 'rag', 'fine-tuning']),
    tokens: Math.floor(1 + rnd() * 2000) * 1_000_000,
    pattern: pick(['steady', 'spiky', 'unpredictable']),
  }));
  const cloud = { id: 'cloud-llm', type: 'cloud-api', model: pick(MODELS), provider: pick(PROVIDERS) };
  const own = strategy === 'on-premises' || strategy === 'hybrid'
    ? { id: 'own-llm', type: 'on-premises', model: pick(OPEN_MODELS), provider: 'self' }
    : { id: 'own-llm', type: 'cloud-self-hosted', model: pick(OPEN_MODELS), provider: pick(['aws', 'gcp', 'azure']) };
  const targets = strategy === 'cloud-api' ? [cloud] : strategy === 'hybrid' ? [own, cloud] : [own];

  const lines = [
    `# ${name}: LLM features of this service, reviewed by the platform team.`,
    'apiVersion: routewise/v1',
    'kind: LLMDeployment',
    'metadata:',
    `  name: ${name}`,
    `  owner: ${pick(['payments', 'support', 'growth', 'platform', 'risk'])}-team`,
    `  description: Generated service number ${name.replace(/\D/g, '') || '0'}`,
    '',
    'dataClasses:',
    ...classes.flatMap((c) => [`  - id: ${c.id}`, `    category: ${c.category}`, ...(rnd() < 0.3 ? ['    residency: [eu]'] : [])]),
    '',
    'workloads:',
    ...workloads.flatMap((w) => [
      `  - id: ${w.id}`,
      `    dataClasses: [${w.classes.join(', ')}]`,
      `    customization: ${w.customization}`,
      '    volume:',
      `      tokensPerMonth: ${w.tokens}`,
      `      pattern: ${w.pattern}`,
      ...(w.pattern === 'spiky' ? [`      peakToAverage: ${(1 + rnd() * 5).toFixed(1)}`] : []),
    ]),
    '',
    'deployment:',
    `  strategy: ${strategy}`,
    '  targets:',
    ...targets.flatMap((t) => [
      `    - id: ${t.id}`,
      `      type: ${t.type}`,
      `      model: ${t.model}`,
      ...(t.type === 'on-premises' ? [] : [`      provider: ${t.provider}`]),
      ...(rnd() < 0.5 ? [`      region: ${pick(['us', 'eu'])}`] : []),
      ...(t.type === 'cloud-api'
        ? ['      agreements:', `        dpa: ${rnd() < 0.7}`, `        baa: ${rnd() < 0.3}`, `        zeroDataRetention: ${rnd() < 0.5}`, `        trainingOptOut: ${rnd() < 0.8}`]
        : ['      hardware:', `        gpus: ${pick([2, 4, 8])}`, '        gpuType: h100', ...(t.type === 'on-premises' ? [`        capexUsd: ${pick([90000, 180000, 280000])}`] : ['        hourlyUsd: 12'])]),
    ]),
  ];
  if (strategy === 'hybrid') {
    const regulated = classes.filter((c) => REGULATED.has(c.category)).map((c) => c.id);
    lines.push('  routing:                        # first match wins');
    if (regulated.length > 0) lines.push(`    - when: { dataClasses: [${regulated.join(', ')}] }`, '      to: own-llm');
    lines.push('    - when: { default: true }', '      to: cloud-llm');
  }
  lines.push('  monitoring:', ...targets.filter(() => rnd() < 0.8).map((t) => `    - target: ${t.id}`));
  if (lines.at(-1) === '  monitoring:') lines.pop();
  lines.push('', 'team:', `  mlopsEngineers: ${Math.floor(rnd() * 4)}`, `  skills: [${SKILLS.filter(() => rnd() < 0.6).join(', ')}]`);
  lines.push('', 'timeline:', rnd() < 0.5 ? `  weeksToLaunch: ${4 + Math.floor(rnd() * 40)}` : `  launchBy: 2027-0${1 + Math.floor(rnd() * 9)}-15`);
  if (rnd() < 0.4) lines.push('', 'budget:', `  monthlyUsd: ${Math.floor(rnd() * 50) * 1000 + 500}`);
  if (rnd() < 0.25) {
    lines.push('', 'waivers:', '  - rule: RW-VOL-001', '    reason: Volume reviewed by finance, ticket FIN-12', '    approvedBy: platform-lead', `    expires: 2026-${pick(['10', '12'])}-${pick(['05', '20'])}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Ways real manifests go wrong: a YAML syntax error, a misspelt field, a dangling reference. */
function breakManifest(text: string, rnd: () => number): string {
  const how = Math.floor(rnd() * 3);
  if (how === 0) return text.replace('deployment:\n', 'deployment:\n strategy: [unclosed\n');
  if (how === 1) return text.replace('workloads:', 'workload:');
  return text.replace(/dataClasses: \[data-0/, 'dataClasses: [no-such-class');
}

export function writeOrganisation(dir: string, repositories: number, seed = 7): SyntheticOrganisation {
  const rnd = random(seed);
  const manifests: string[] = [];
  let invalid = 0;
  for (let i = 0; i < repositories; i++) {
    // One repository in ten sits in a group folder holding several repositories.
    const grouped = i % 10 === 0;
    const repo = grouped ? join(dir, `group-${i % 97}`, `service-${i}`) : join(dir, `service-${i}`);
    mkdirSync(join(repo, '.git'), { recursive: true });
    if (i % 7 === 0) {
      mkdirSync(join(repo, 'node_modules', 'dep'), { recursive: true });
      writeFileSync(join(repo, 'node_modules', 'dep', 'routewise.yaml'), 'not: ours\n');
    }
    if (rnd() < 0.05) continue; // no manifest
    let text = manifestYaml(`service-${i}`, rnd);
    if (rnd() < 0.03) {
      text = breakManifest(text, rnd);
      invalid += 1;
    }
    const file = join(repo, 'routewise.yaml');
    writeFileSync(file, text);
    manifests.push(file);
  }
  return { repositories, manifests, invalid };
}
