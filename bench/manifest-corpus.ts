// Writes many varied manifests into a folder, for timing `routewise check` over a large
// repository: copies of the examples with their names, volumes and dates changed, some violating.
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Corpus {
  files: number;
  /** How many copies came from an example under examples/violations (they break rules). */
  violating: number;
}

/** The example manifests, as [relative path, text]. */
export function exampleManifests(examplesDir: string): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full, rel ? `${rel}/${name}` : name);
      else if (name === 'routewise.yaml') out.push([rel, readFileSync(full, 'utf8')]);
    }
  };
  walk(examplesDir, '');
  return out;
}

/**
 * Writes `count` manifests under `dir` (one folder each). Copy i varies its name, its monthly
 * volumes (scaled by a factor that cycles) and its launch date, so no two runs see the same text.
 */
export function writeCorpus(dir: string, examplesDir: string, count: number): Corpus {
  const examples = exampleManifests(examplesDir);
  const passing = examples.filter(([from]) => !from.startsWith('violations'));
  const failing = examples.filter(([from]) => from.startsWith('violations'));
  let violating = 0;
  for (let i = 0; i < count; i++) {
    // One copy in four breaks a rule, as in a repository where most teams pass.
    const breaks = failing.length > 0 && (i % 4 === 3 || passing.length === 0);
    const pool = breaks ? failing : passing;
    const [from, text] = pool[Math.floor(i / (breaks ? 4 : 1)) % pool.length]!;
    if (breaks) violating++;
    const scale = 1 + (i % 7) * 0.25;
    const varied = text
      .replace(/^(\s*name:\s*)([\w-]+)/m, (_m, lead: string, name: string) => `${lead}${name}-${i}`)
      .replace(/(tokensPerMonth:\s*)(\d+)/g, (_m, lead: string, n: string) => `${lead}${Math.round(Number(n) * scale)}`)
      .replace(/(launchBy:\s*)(\d{4})-(\d{2})-(\d{2})/, (_m, lead: string, y: string, mo: string, d: string) => {
        const day = 1 + ((Number(d) + i) % 28);
        return `${lead}${y}-${mo}-${String(day).padStart(2, '0')}`;
      });
    const folder = join(dir, `team-${String(i).padStart(4, '0')}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'routewise.yaml'), varied);
    // What the manifest reads beside itself (its `sources`: gateway and cluster files) comes along.
    for (const name of readdirSync(join(examplesDir, from))) {
      if (name !== 'routewise.yaml' && statSync(join(examplesDir, from, name)).isDirectory() && !hasManifest(join(examplesDir, from, name))) {
        cpSync(join(examplesDir, from, name), join(folder, name), { recursive: true });
      }
    }
  }
  return { files: count, violating };
}

/** Whether a folder holds a manifest anywhere below it (then it is an example of its own, not a source). */
function hasManifest(dir: string): boolean {
  return readdirSync(dir).some((name) => name === 'routewise.yaml' || (statSync(join(dir, name)).isDirectory() && hasManifest(join(dir, name))));
}
