// End to end: the bundled Action run as a child process on fixture repositories, with the files
// and environment a GitHub runner provides, checked against what `routewise check` reports.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';
import { buildActionCheckout, makeWorkspace, removeScratch, runAction, type ActionRun } from './run-action.ts';

const NOW = '2026-11-27';
let bundle: string;

beforeAll(() => {
  bundle = buildActionCheckout();
}, 60000);

afterAll(removeScratch);

interface JsonFinding {
  id: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  waived: unknown;
}

/** What the command line finds in the same workspace, as the annotations should show it. */
function cliAnnotations(workspace: string): string[] {
  const cli = runCli(['check', '.', '--now', NOW, '--format', 'json'], { cwd: workspace });
  const report = JSON.parse(cli.stdout) as { manifests: { findings: JsonFinding[] }[] };
  const level: Record<string, string> = { error: 'error', warning: 'warning', info: 'notice' };
  return report.manifests
    .flatMap((m) => m.findings)
    .map((f) => `${f.waived ? 'notice' : level[f.severity]} ${f.file}:${f.line}:${f.column} ${f.waived ? `${f.id} (waived)` : f.id}`)
    .sort();
}

function shown(run: ActionRun): string[] {
  return run.annotations
    .filter((a) => a.properties.file !== undefined)
    .map((a) => `${a.level} ${a.properties.file}:${a.properties.line}:${a.properties.col} ${a.properties.title}`)
    .sort();
}

function sarifResults(run: ActionRun): { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] {
  const sarif = JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8'));
  expect(sarif.version).toBe('2.1.0');
  return sarif.runs[0].results;
}

describe('the GitHub Action on a repository whose manifests pass', () => {
  let run: ActionRun;
  beforeAll(() => {
    const workspace = makeWorkspace({
      'routewise.yaml': 'examples/startup-cloud-api/routewise.yaml',
      'services/search/routewise.yaml': 'examples/startup-cloud-api/routewise.yaml',
    });
    run = runAction(bundle, workspace, { now: NOW });
  });

  it('succeeds without annotations', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.annotations).toEqual([]);
    expect(run.stdout).toContain('routewise: 2 manifests, 0 errors, 0 warnings: passed');
  });

  it('searches the whole workspace by default and summarises every manifest', () => {
    expect(run.summary).toContain('## routewise check passed');
    expect(run.summary).toContain('### routewise.yaml: pass');
    expect(run.summary).toContain('### services/search/routewise.yaml: pass');
  });

  it('gives each manifest its monthly cost in the job summary', () => {
    const lines = run.summary.split('\n').filter((line) => line.startsWith('Cost: '));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Cost: &#36;[\d,]+\.\d\d a month \(APIs &#36;[\d,]+\.\d\d\)/);
  });

  it('sets the outputs and writes an empty SARIF report to the runner temp folder', () => {
    expect(run.outputs).toEqual({ errors: '0', warnings: '0', 'sarif-file': join(run.runnerTemp, 'routewise.sarif') });
    expect(sarifResults(run)).toEqual([]);
  });
});

describe('the GitHub Action on a repository with violations', () => {
  let workspace: string;
  let run: ActionRun;
  beforeAll(() => {
    workspace = makeWorkspace({
      'routewise.yaml': 'examples/startup-cloud-api/routewise.yaml',
      'svc/routewise.yaml': 'examples/violations/data/routewise.yaml',
      'team/waivers/routewise.yaml': 'examples/violations/waivers/routewise.yaml',
    });
    run = runAction(bundle, workspace, { now: NOW, 'fail-on': 'error' });
  });

  it('annotates every finding the command line reports, on its workspace-relative file, line and column', () => {
    const expected = cliAnnotations(workspace);
    expect(expected.length).toBeGreaterThan(0);
    expect(shown(run)).toEqual(expected);
    const regulated = run.annotations.find((a) => a.properties.title === 'RW-DATA-001');
    expect(regulated?.level).toBe('error');
    expect(regulated?.properties.file).toBe('svc/routewise.yaml');
    expect(run.stdout).toMatch(/^::error title=RW-DATA-001,file=svc\/routewise\.yaml,line=\d+,col=\d+::Regulated data class patient-notes/m);
  });

  it('shows waived findings as notices', () => {
    const waived = run.annotations.filter((a) => a.level === 'notice');
    expect(waived.length).toBeGreaterThan(0);
    for (const notice of waived) {
      expect(notice.properties.title).toMatch(/^RW-[A-Z]+-\d+ \(waived\)$/);
      expect(notice.message).toContain('waived by');
    }
  });

  it('fails with a one-line reason naming the count and the threshold', () => {
    expect(run.code).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error' && a.properties.file !== undefined).length;
    const failure = run.annotations.at(-1)!;
    expect(failure.properties).toEqual({});
    expect(failure.message).toBe(`routewise: ${errors} findings at or above fail-on error in 2 manifests`);
  });

  it('counts errors and warnings in the outputs as the annotations show them', () => {
    const count = (level: string) => String(run.annotations.filter((a) => a.level === level && a.properties.file !== undefined).length);
    expect(run.outputs.errors).toBe(count('error'));
    expect(run.outputs.warnings).toBe(count('warning'));
  });

  it('writes SARIF results with workspace-relative locations', () => {
    const results = sarifResults(run);
    const regulated = results.find((r) => r.ruleId === 'RW-DATA-001');
    expect(regulated?.level).toBe('error');
    expect(regulated?.locations[0]!.physicalLocation.artifactLocation.uri).toBe('svc/routewise.yaml');
    expect(new Set(results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri))).toEqual(
      new Set(['svc/routewise.yaml', 'team/waivers/routewise.yaml']),
    );
  });

  it('puts the markdown report in the job summary', () => {
    expect(run.summary).toContain('## routewise check failed');
    expect(run.summary).toContain('### svc/routewise.yaml: fail');
    expect(run.summary).toMatch(/\| \*\*error\*\* \| RW-DATA-001 \| svc\/routewise\.yaml:\d+:\d+ \|/);
  });

  it('passes with fail-on never, still annotating', () => {
    const lenient = runAction(bundle, workspace, { now: NOW, 'fail-on': 'never' });
    expect(lenient.code).toBe(0);
    expect(shown(lenient)).toEqual(shown(run));
  });

  it('checks only the given paths, and leaves out annotations and summary when asked', () => {
    const quiet = runAction(bundle, workspace, {
      now: NOW,
      paths: 'routewise.yaml,\nteam/**/routewise.yaml',
      annotations: 'false',
      summary: 'false',
      'sarif-file': 'reports/routewise.sarif',
    });
    expect(quiet.annotations.filter((a) => a.properties.file !== undefined)).toEqual([]);
    expect(quiet.summary).toBe('');
    expect(quiet.outputs['sarif-file']).toBe(join(workspace, 'reports', 'routewise.sarif'));
    const uris = new Set(sarifResults(quiet).map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri));
    expect(uris).toEqual(new Set(['team/waivers/routewise.yaml']));
    expect(quiet.code).toBe(1);
    expect(quiet.annotations.at(-1)!.message).toMatch(/^routewise: \d+ findings? at or above fail-on error in 1 manifest$/);
  });
});

describe('the GitHub Action on a repository with an invalid manifest', () => {
  let run: ActionRun;
  beforeAll(() => {
    const workspace = makeWorkspace({
      'routewise.yaml': 'examples/startup-cloud-api/routewise.yaml',
      'broken/routewise.yaml': { text: 'version: 1\nversion: 2\n' },
    });
    run = runAction(bundle, workspace, { now: NOW });
  });

  it('annotates the problem at its place and fails, saying the manifest could not be judged', () => {
    expect(run.code).toBe(1);
    const problem = run.annotations.find((a) => a.properties.file === 'broken/routewise.yaml');
    expect(problem).toMatchObject({ level: 'error', properties: { title: 'yaml-duplicate-key', line: '2', col: '1' } });
    expect(run.annotations.at(-1)!.message).toMatch(/^routewise: 1 manifest could not be judged \(broken\/routewise\.yaml:2:1: duplicate key `version`/);
  });

  it('reports the invalid manifest in SARIF and the summary', () => {
    const results = sarifResults(run);
    expect(results.some((r) => r.ruleId === 'routewise/invalid-manifest' && r.locations[0]!.physicalLocation.artifactLocation.uri === 'broken/routewise.yaml')).toBe(true);
    expect(run.summary).toContain('### broken/routewise.yaml: invalid');
  });
});

describe('the GitHub Action with wrong inputs or nothing to check', () => {
  it('fails on an unknown fail-on before checking anything', () => {
    const workspace = makeWorkspace({ 'routewise.yaml': 'examples/startup-cloud-api/routewise.yaml' });
    const run = runAction(bundle, workspace, { 'fail-on': 'sometimes' });
    expect(run.code).toBe(1);
    expect(run.annotations.at(-1)!.message).toBe('routewise: input fail-on is `sometimes`; use one of error, warning, info, never');
    expect(existsSync(join(run.runnerTemp, 'routewise.sarif'))).toBe(false);
  });

  it('fails when the repository holds no manifest', () => {
    const workspace = makeWorkspace({ 'README.md': { text: 'nothing here\n' } });
    const run = runAction(bundle, workspace, {});
    expect(run.code).toBe(1);
    expect(run.annotations).toHaveLength(1);
    expect(run.annotations[0]!.message).toMatch(/^routewise: no manifest \(routewise\.yaml, .*\) in the repository; add one with `routewise init`, or name them in the paths input$/);
    expect(existsSync(join(run.runnerTemp, 'routewise.sarif'))).toBe(false);
  });

  it('fails, naming the file, when a policy folder does not compile', () => {
    const workspace = makeWorkspace({
      'routewise.yaml': 'examples/startup-cloud-api/routewise.yaml',
      'org-policies/broken.rego': { text: 'package routewise.org\n\ndeny contains x if {\n' },
    });
    const run = runAction(bundle, workspace, { policy: 'org-policies', now: NOW });
    expect(run.code).toBe(1);
    expect(run.annotations.at(-1)!.message).toMatch(/^routewise: the policies could not be loaded: /);
    expect(run.annotations.some((a) => a.level === 'error' && (a.properties.file ?? '').endsWith('broken.rego'))).toBe(true);
  });

  it('writes a job summary saying why when the policies fail to load', () => {
    const workspace = makeWorkspace({
      'routewise.yaml': 'examples/startup-cloud-api/routewise.yaml',
      'org-policies/broken.rego': { text: 'package routewise.org\n\ndeny contains x if {\n' },
    });
    const run = runAction(bundle, workspace, { policy: 'org-policies', now: NOW });
    expect(run.code).toBe(1);
    expect(run.summary).toMatch(/^## routewise could not judge the manifests$/m);
    expect(run.summary).toMatch(/^- org-policies\/broken\.rego:\d+:\d+: \*\*rego&#95;parse&#95;error\*\*: /m);
  });

  it('annotates a --data settings error at its workspace-relative file, line and column', () => {
    const workspace = makeWorkspace({
      'routewise.yaml': 'examples/startup-cloud-api/routewise.yaml',
      'config/org.yaml': { text: 'routewise:\n  config:\n    requiredSkills:\n      hybird: [integration]\n' },
    });
    const run = runAction(bundle, workspace, { data: 'config/org.yaml', now: NOW });
    expect(run.code).toBe(1);
    const placed = run.annotations.find((a) => a.properties.title === 'unknown-setting');
    expect(placed?.properties).toMatchObject({ file: 'config/org.yaml', line: '4', col: '7' });
  });
});

describe('the GitHub Action with a bundle input', () => {
  it('runs the bundle without the engine input, next to the built-in and organisation rules', async () => {
    const { abiModule, packBundle } = await import('../policy/wasm/abi-modules.ts');
    const workspace = makeWorkspace({
      'routewise.yaml': 'examples/violations/data/routewise.yaml',
      'org-policies/naming.rego': { text: 'package org.naming\n\nwarn_name contains "org rule ran"\n' },
    });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(workspace, 'org.tar.gz'), await packBundle({ '/policy.wasm': await abiModule('findings') }));
    const run = runAction(bundle, workspace, { bundle: 'org.tar.gz', policy: 'org-policies', now: NOW });
    const titles = new Set(run.annotations.map((a) => a.properties.title));
    expect(titles.has('ABI-001')).toBe(true);
    expect(titles.has('org.naming.warn_name')).toBe(true);
    expect([...titles].some((t) => t?.startsWith('RW-DATA-'))).toBe(true);
    expect(run.annotations.some((a) => a.level === 'warning' && /deprecated/.test(a.message))).toBe(false);
  });
});
