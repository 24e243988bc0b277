// Broken manifests and broken policies: every case exits 1 or 2 as cli.md says, names the place,
// and never prints a stack trace or passes.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const GOOD = readFileSync('examples/startup-cloud-api/routewise.yaml', 'utf8');
let dir = '';

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rw-bad-'));
});

function write(name: string, content: string | Uint8Array): string {
  const file = join(dir, name);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, content);
  return file;
}

function expectNoStack(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+\)?/);
  expect(text).not.toMatch(/internal error/);
}

describe('check on broken manifests', () => {
  const cases: [string, string | Uint8Array, RegExp, string][] = [
    ['duplicate-key/routewise.yaml', GOOD.replace('kind: LLMDeployment', 'kind: LLMDeployment\nkind: LLMDeployment'), /duplicate/i, `:${lineOf(GOOD, 'kind: LLMDeployment') + 1}:1`],
    ['two-docs/routewise.yaml', GOOD + '\n---\nfoo: 1\n', /documents?/i, ':'],
    ['empty/routewise.yaml', '', /empty/i, ':1:1'],
    ['binary/routewise.yaml', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3]), /binary|NUL|UTF-8/i, ':1:'],
    ['latin1/routewise.yaml', Buffer.concat([Buffer.from('apiVersion: routewise/v1\n# caf'), Buffer.from([0xe9]), Buffer.from('\n')]), /UTF-8/i, ':2:'],
    ['huge/routewise.yaml', GOOD + '#' + 'x'.repeat(1024 * 1024) + '\n', /1 ?MB|too (big|large)/i, ':'],
    ['aliases/routewise.yaml', 'a: &a [1,2]\n' + Array.from({ length: 200 }, (_, i) => `k${i}: *a`).join('\n') + '\n', /alias/i, ':'],
    ['unknown-prop/routewise.yaml', GOOD.replace('dataClasses:', 'dataClass:'), /dataClasses/, ':'],
    ['bad-enum/routewise.yaml', GOOD.replace(/category: \w+/, 'category: secret'), /category/, ':'],
    ['wrong-type/routewise.yaml', GOOD.replace(/tokensPerMonth: [\d_]+/, 'tokensPerMonth: lots'), /tokensPerMonth|integer|number/, ':'],
    ['huge-number/routewise.yaml', GOOD.replace(/tokensPerMonth: [\d_]+/, 'tokensPerMonth: 1e400'), /tokensPerMonth|number|integer|finite/i, ':'],
    ['unknown-id/routewise.yaml', GOOD.replace(/dataClasses: \[([a-z-]+)/, 'dataClasses: [no-such-class'), /no-such-class/, ':'],
    ['deep-junk/routewise.yaml', 'apiVersion: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n', /./, ':'],
    ['not-a-mapping/routewise.yaml', '- 1\n- 2\n', /mapping|object/i, ':1:1'],
  ];

  it.each(cases)('%s exits 2 with its place', (name, content, message, where) => {
    const file = write(name, content);
    const r = runCli(['check', file, '--now', '2026-11-27']);
    expect(r.code).toBe(2);
    const out = r.stdout + r.stderr;
    expect(out).toMatch(message);
    expect(out).toContain(`routewise.yaml${where}`);
    expectNoStack(out);
  });

  it('a directory named like a manifest is reported, and the other manifests are still checked', () => {
    mkdirSync(join(dir, 'dir-as-file', 'routewise.yaml'), { recursive: true });
    const good = write('dir-as-file/ok/routewise.yaml', GOOD);
    const r = runCli(['check', join(dir, 'dir-as-file', 'routewise.yaml'), good, '--now', '2026-11-27']);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toMatch(/is a directory/);
    expect(r.stdout).toMatch(/ok\/routewise\.yaml\s+pass/);
  });

  it('a missing file is exit 2 and names it', () => {
    const r = runCli(['check', join(dir, 'nope', 'routewise.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toMatch(/nope\/routewise\.yaml/);
    expectNoStack(r.stdout + r.stderr);
  });
});

describe('check with broken custom policies', () => {
  const manifest = () => write('m/routewise.yaml', GOOD);
  const cases: [string, string, RegExp][] = [
    ['parse-error', 'package org\n\ndeny contains f if {\n  f := {"id": "X"\n}\n', /rego_parse_error/],
    ['unsafe-var', 'package org\n\ndeny contains f if {\n  f := {"id": "X", "message": y}\n}\n', /rego_unsafe_var_error/],
    ['conflict', 'package org\n\nx := 1\nx := 2 if true\n\ndeny contains {"id": "X", "message": sprintf("%v", [x])} if true\n', /eval_conflict_error/],
    // A misspelt input field would make the rule never fire: the policy input's schema catches it.
    [
      'input-typo',
      'package org\n\ndeny contains {"id": "X", "message": w.id} if {\n  some w in input.workloads\n  w.volume.tokensPerMonht > 1\n}\n',
      /rego_type_error: undefined ref: w\.volume\.tokensPerMonht \(input\.workloads\[_\]\.volume has no key "tokensPerMonht"; it has .*tokensPerMonth/,
    ],
  ];
  it.each(cases)('%s exits 2 with the policy file and line', (name, rego, code) => {
    const policyDir = join(dir, 'policies', name);
    write(`policies/${name}/org.rego`, rego);
    const r = runCli(['check', '--policy', policyDir, manifest(), '--now', '2026-11-27']);
    expect(r.code).toBe(2);
    const out = r.stdout + r.stderr;
    expect(out).toMatch(code);
    expect(out).toMatch(/org\.rego:\d+/);
    expectNoStack(out);
  });

  it('a finding without a message is a policy problem, not a pass', () => {
    const policyDir = join(dir, 'policies', 'shape');
    write('policies/shape/org.rego', 'package org\n\ndeny contains {"id": "ORG-1"} if true\n');
    const r = runCli(['check', '--policy', policyDir, manifest(), '--now', '2026-11-27']);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toMatch(/ORG-1 without a string `message`/);
    expect(r.stdout + r.stderr).toMatch(/org\.rego:3:1/);
  });

  it('a finding with `msg` (the conftest form) is read as its message', () => {
    const policyDir = join(dir, 'policies', 'msg');
    write('policies/msg/org.rego', 'package org\n\ndeny contains {"id": "ORG-2", "msg": "no"} if true\n');
    const r = runCli(['check', '--policy', policyDir, manifest(), '--now', '2026-11-27']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error  ORG-2  no/);
  });
});

describe('usage errors', () => {
  it.each([
    [['check', '--fail-on', 'sometimes'], /--fail-on/],
    [['check', '--now', '2026-13-45'], /--now/],
    [['check', '--format', 'yaml'], /--format/],
    [['check', '--no-such-flag'], /unknown option/],
    [['frobnicate'], /unknown command/],
  ])('%j exits 2', (args, message) => {
    const r = runCli(args as string[], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expectNoStack(r.stderr);
  });
});
