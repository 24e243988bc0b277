// The corpus of realistic deployments (examples/corpus/<name>/) gives exactly the findings each
// README recorded before the rules were run: ids and subjects, as of 2026-11-27. A folder's
// org.yaml holds the organisation's settings, merged over policies/data.yaml as --data would.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { judgeManifest } from '../../src/judge/judge-manifest.ts';
import { createRegoEngine } from '../../src/policy/rego-engine.ts';
import { mergeData } from '../../src/policy/merge-data.ts';
import { readPolicyFiles } from '../../src/policy/policy-files.ts';

const corpus = 'examples/corpus';
const files = readPolicyFiles(['policies'], { tests: false, data: true, cwd: process.cwd() });
const names = readdirSync(corpus, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** The lines of the README's ```findings block: `ID key=value ...`, keys sorted. */
function recorded(name: string): string[] {
  const readme = readFileSync(join(corpus, name, 'README.md'), 'utf8');
  const block = /```findings\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error(`${name}/README.md has no findings block`);
  return block[1]!.split('\n').map((l) => l.trim()).filter(Boolean).sort();
}

function found(name: string): string[] {
  const orgFile = join(corpus, name, 'org.yaml');
  const data = existsSync(orgFile) ? mergeData(files.data, parse(readFileSync(orgFile, 'utf8'))) : files.data;
  const engine = createRegoEngine({ sources: files.modules, data });
  if (!engine.ok) throw new Error(JSON.stringify(engine.problems));
  const file = join(corpus, name, 'routewise.yaml');
  const report = judgeManifest(file, readFileSync(file), { engine: engine.value, today: '2026-11-27' });
  expect(report.problems).toEqual([]);
  return report.findings
    .map((f) => {
      const subject = Object.entries(f.subject ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`);
      return [f.waived ? `${f.id}(waived)` : f.id, ...subject].join(' ');
    })
    .sort();
}

describe('corpus of realistic deployments', () => {
  it('holds at least 15 deployments, each citing its source and recording its findings', () => {
    expect(names.length).toBeGreaterThanOrEqual(15);
    for (const name of names) {
      const readme = readFileSync(join(corpus, name, 'README.md'), 'utf8');
      expect(readme, name).toMatch(/Modelled on/);
      expect(readme, name).toMatch(/## Expected findings \(written before running\)/);
    }
  });

  it.each(names)('%s gives exactly its recorded findings', (name) => {
    expect(found(name)).toEqual(recorded(name));
  });
});
