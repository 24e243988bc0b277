import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsedPolicies, writeParsedPolicies } from '../../src/policy/parsed-policies.ts';
import { readPolicyFiles } from '../../src/policy/policy-files.ts';
import { compile, compileParsed, parseModule } from '../../src/rego/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const POLICIES = join(ROOT, 'policies');

let dir: string;
let store: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parsed-policies-'));
  store = join(dir, 'builtin-policies.v8');
  writeParsedPolicies(POLICIES, store);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function builtinSources(cwd: string) {
  return readPolicyFiles([POLICIES], { tests: false, data: false, cwd }).modules;
}

describe('built-in policies parsed at build time', () => {
  it.each([
    ['the repository', ROOT],
    ['another folder', tmpdir()],
  ])('are the modules a fresh parse gives, located as a run from %s shows them', (_name, cwd) => {
    const sources = builtinSources(cwd);
    expect(sources.length).toBeGreaterThan(5);
    const stored = parsedPolicies(sources, POLICIES, cwd, store);
    expect(stored).toBeDefined();
    const fresh = sources.map((s) => parseModule(s.file, s.text, { regoVersion: 'v1' }));
    expect(stored).toEqual(fresh);
    expect(stored!.map((m) => m.file)).toEqual(sources.map((s) => s.file));
    expect(stored![0]!.rules[0]!.loc.file).toBe(sources[0]!.file);
  });

  it('compile to the same policy, with each METADATA block listed once', () => {
    const sources = builtinSources(ROOT);
    const fromStore = compileParsed(parsedPolicies(sources, POLICIES, ROOT, store)!, { regoVersion: 'v1' });
    const fromText = compile(sources, { regoVersion: 'v1' });
    expect(fromStore.ok && fromText.ok).toBe(true);
    if (!fromStore.ok || !fromText.ok) return;
    expect(fromStore.policy.packages()).toEqual(fromText.policy.packages());
    expect(fromStore.policy.annotations()).toEqual(fromText.policy.annotations());
  });

  it('parse a policy afresh when its text differs from the stored one', () => {
    const sources = builtinSources(ROOT);
    const edited = sources.map((s, i) => (i === 0 ? { ...s, text: `${s.text}\nadded_by_edit := true\n` } : s));
    const modules = parsedPolicies(edited, POLICIES, ROOT, store)!;
    expect(modules[0]!.rules.map((r) => r.head.ref[0].name)).toContain('added_by_edit');
    expect(modules[1]).toEqual(parseModule(sources[1]!.file, sources[1]!.text, { regoVersion: 'v1' }));
  });

  it('parse other folders given with them, in the order given', () => {
    const extra = { file: 'org/extra.rego', text: 'package org.extra\n\ndeny contains "x" if input.bad\n' };
    const sources = [...builtinSources(ROOT), extra];
    const modules = parsedPolicies(sources, POLICIES, ROOT, store)!;
    expect(modules).toHaveLength(sources.length);
    expect(modules.at(-1)!.package.path).toEqual(['org', 'extra']);
  });

  it('give nothing when a source does not parse, so compiling reports it as usual', () => {
    const sources = [...builtinSources(ROOT), { file: 'org/broken.rego', text: 'package org.broken\n\ndeny contains if {\n' }];
    expect(parsedPolicies(sources, POLICIES, ROOT, store)).toBeUndefined();
  });

  it('give nothing when none of the sources is stored', () => {
    const sources = [{ file: 'org/only.rego', text: 'package org.only\n\nallow := true\n' }];
    expect(parsedPolicies(sources, POLICIES, ROOT, store)).toBeUndefined();
  });

  it.each([
    ['missing', (file: string) => rmSync(file, { force: true })],
    ['corrupt', (file: string) => writeFileSync(file, Buffer.from([0xff, 0x0d, 0x6f, 0x00, 0x13, 0x37]))],
    ['of another format', (file: string) => writeFileSync(file, 'not a v8 value at all')],
    ['from another V8', (file: string) => writeFileSync(file, serialize({ ...deserialize(readFileSync(file)), v8: '0.0.0' }))],
  ])('give nothing, without throwing, when the stored file is %s', (_name, spoil) => {
    const file = join(dir, `spoiled-${Math.random().toString(36).slice(2)}.v8`);
    writeParsedPolicies(POLICIES, file);
    spoil(file);
    expect(parsedPolicies(builtinSources(ROOT), POLICIES, ROOT, file)).toBeUndefined();
  });

  it('are written beside the bundle by the build', () => {
    expect(existsSync(join(ROOT, 'dist/cli/builtin-policies.v8'))).toBe(true);
  });

  it('hand out new module objects on every call', () => {
    const sources = builtinSources(ROOT);
    const a = parsedPolicies(sources, POLICIES, ROOT, store)!;
    const b = parsedPolicies(sources, POLICIES, ROOT, store)!;
    expect(a[0]).not.toBe(b[0]);
    expect(a).toEqual(b);
  });
});
