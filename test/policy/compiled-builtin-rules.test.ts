// The build compiles the built-in policies once and stores them; a run given only those reads them
// back instead of compiling. The stored rules must judge every manifest exactly as freshly compiled
// ones, show the run's file names, and never stand in for policies that differ in any way.
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeManifest } from '../../src/judge/judge-manifest.ts';
import { compiledBuiltinRules, writeParsedPolicies } from '../../src/policy/parsed-policies.ts';
import { readPolicyFiles } from '../../src/policy/policy-files.ts';
import { createRegoEngine } from '../../src/policy/rego-engine.ts';
import type { Engine } from '../../src/policy/engine.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const POLICIES = join(ROOT, 'policies');

let dir: string;
let store: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'compiled-rules-'));
  store = join(dir, 'builtin-policies.v8');
  writeParsedPolicies(POLICIES, store);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function files(cwd: string) {
  return readPolicyFiles([POLICIES], { tests: false, data: true, cwd });
}

function engine(cwd: string, stored: boolean): Engine {
  const f = files(cwd);
  const compiled = stored ? compiledBuiltinRules(f.modules, POLICIES, cwd, store) : undefined;
  if (stored && !compiled) throw new Error('the stored rules were not used');
  const e = createRegoEngine({ sources: f.modules, data: f.data, ...(compiled ? { compiled } : {}) });
  if (!e.ok) throw new Error(JSON.stringify(e.problems));
  return e.value;
}

/** Every manifest the repository ships: the examples and the realistic corpus. */
function manifests(): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name === 'routewise.yaml') found.push(join(d, e.name));
    }
  };
  walk(join(ROOT, 'examples'));
  return found.sort();
}

describe('built-in policies compiled at build time', () => {
  it.each([
    ['the repository', ROOT],
    ['another folder', tmpdir()],
  ])('judge every shipped manifest as freshly compiled ones do, run from %s', (_name, cwd) => {
    const stored = engine(cwd, true);
    const fresh = engine(cwd, false);
    expect(stored.rules()).toEqual(fresh.rules());
    const all = manifests();
    expect(all.length).toBeGreaterThan(20);
    let findings = 0;
    for (const file of all) {
      const bytes = readFileSync(file);
      const a = judgeManifest(file, bytes, { engine: stored, today: '2026-11-27' });
      const b = judgeManifest(file, bytes, { engine: fresh, today: '2026-11-27' });
      expect({ findings: a.findings, problems: a.problems }).toEqual({ findings: b.findings, problems: b.problems });
      findings += a.findings.length;
    }
    expect(findings).toBeGreaterThan(20);
  });

  it('name the policy files as the run shows them', () => {
    const cwd = tmpdir();
    const f = files(cwd);
    const compiled = compiledBuiltinRules(f.modules, POLICIES, cwd, store)!;
    expect(compiled.policy.modules.map((m) => m.file)).toEqual(f.modules.map((m) => m.file));
    const where = compiled.policy.annotations().map((a) => a.location.file);
    expect(new Set(where)).toEqual(new Set(f.modules.filter((m) => where.includes(m.file)).map((m) => m.file)));
    expect(where.every((w) => w.startsWith('..') || w.startsWith('/'))).toBe(true);
  });

  it('are not used for policies that differ in text, in number, or when nothing is stored', () => {
    const f = files(ROOT);
    const edited = f.modules.map((m, i) => (i === 0 ? { ...m, text: `${m.text}\n# edited\n` } : m));
    expect(compiledBuiltinRules(edited, POLICIES, ROOT, store)).toBeUndefined();
    expect(compiledBuiltinRules(f.modules.slice(1), POLICIES, ROOT, store)).toBeUndefined();
    const extra = [...f.modules, { file: 'org/extra.rego', text: 'package org\n' }];
    expect(compiledBuiltinRules(extra, POLICIES, ROOT, store)).toBeUndefined();
    expect(compiledBuiltinRules(f.modules, POLICIES, ROOT, join(dir, 'nothing-here', 'builtin-policies.v8'))).toBeUndefined();
  });

  it('are written beside the bundle by the build', () => {
    expect(existsSync(join(ROOT, 'dist/cli/builtin-rules.v8'))).toBe(true);
  });
});
