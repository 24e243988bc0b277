// What the README shows about the rules holds: its example manifest passes `check`, and its rule
// table names every rule of the built-in catalogue (ranges such as RW-DATA-001..005 included).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judgeManifest } from '../../src/judge/judge-manifest.ts';
import { createRegoEngine } from '../../src/policy/rego-engine.ts';
import { readPolicyFiles } from '../../src/policy/policy-files.ts';

const readme = readFileSync('README.md', 'utf8');
const files = readPolicyFiles(['policies'], { tests: false, data: true, cwd: process.cwd() });
const engine = createRegoEngine({ sources: files.modules, data: files.data });
if (!engine.ok) throw new Error(JSON.stringify(engine.problems));

/** The README section under `## title`, up to the next `## `. */
function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README: no section "${title}"`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** Rule ids a table cell names: `RW-DATA-001..005, 007`, `RW-ONPREM-001/002`, `RW-TEAM-001`. */
function idsIn(cell: string): string[] {
  const m = /^(RW-[A-Z]+)-(.*)$/.exec(cell.trim());
  if (!m) return [];
  const ids: string[] = [];
  for (const part of m[2]!.split(/,\s*|\//)) {
    const [from, to] = part.split('..').map(Number);
    for (let n = from!; n <= (to ?? from!); n++) ids.push(`${m[1]}-${String(n).padStart(3, '0')}`);
  }
  return ids;
}

describe('the README', () => {
  it('shows a manifest that passes check with no error or warning', () => {
    const block = /```yaml\n(apiVersion: routewise\/v1\n[\s\S]*?)```/.exec(section('The manifest'));
    expect(block).not.toBeNull();
    const report = judgeManifest('routewise.yaml', Buffer.from(block![1]!), {
      engine: engine.ok ? engine.value : (undefined as never),
      today: '2026-11-27',
    });
    expect(report.problems).toEqual([]);
    expect(report.findings.filter((f) => f.severity !== 'info').map((f) => f.id)).toEqual([]);
  });

  it('lists every built-in rule in its rule table, and no other', () => {
    const rows = section('The rules')
      .split('\n')
      .filter((l) => l.startsWith('| RW-'))
      .map((l) => l.split('|')[1]!);
    const listed = rows.flatMap(idsIn).sort();
    const catalogue = (engine.ok ? engine.value.rules() : []).map((r) => r.id).sort();
    expect(catalogue.length).toBeGreaterThan(30);
    expect(listed).toEqual(catalogue);
  });
});
