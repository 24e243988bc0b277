// The drift check end to end: the hospital whose gateway falls back to OpenAI fails at the
// gateway's fallback line, and sources that are missing, hostile or outside the repository are
// refused with their place and exit 2.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const NOW = ['--now', '2026-11-27'];
const scratch: string[] = [];

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A git repository holding the hospital manifest and its LiteLLM config. */
function hospitalRepo(): string {
  const parent = mkdtempSync(join(tmpdir(), 'rw-drift-'));
  scratch.push(parent);
  const dir = join(parent, 'repo');
  cpSync('test/fixtures/drift/hospital', dir, { recursive: true });
  spawnSync('git', ['init', '-q', dir]);
  return dir;
}

function setSources(dir: string, sources: string): void {
  const manifest = join(dir, 'routewise.yaml');
  const text = spawnSync('cat', [manifest], { encoding: 'utf8' }).stdout;
  writeFileSync(manifest, text.replace(/sources:\n(  .*\n)+/, `sources:\n${sources}`));
}

const SOURCE_PATH_LINE = 51;

describe('the hospital whose gateway falls back to OpenAI', () => {
  it('fails with RW-DRIFT-002 at the fallback line of the gateway config', () => {
    const dir = hospitalRepo();
    const r = runCli(['check', ...NOW], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('deploy/litellm/config.yaml:16:24  error  RW-DRIFT-002  Gateway fallbacks (router_settings) send patient-records from clinical-llama to gpt-4o');
    expect(r.stdout).toContain('deploy/litellm/config.yaml:18:24  error  RW-DRIFT-002  Gateway context_window_fallbacks');
    // Both places in code frames: the gateway line and the manifest's data class.
    expect(r.stdout).toContain('> 16 |     - clinical-llama: [gpt-4o]');
    expect(r.stdout).toContain('related: routewise.yaml:11:5  data class patient-records is declared here');
    expect(r.stdout).toContain('> 11 |   - id: patient-records');
  });

  it('carries the related places into JSON, SARIF and GitHub annotations', () => {
    const dir = hospitalRepo();
    const json = JSON.parse(runCli(['check', ...NOW, '--format', 'json'], { cwd: dir }).stdout);
    const finding = json.manifests[0].findings.find((f: { id: string }) => f.id === 'RW-DRIFT-002');
    expect(finding).toMatchObject({ file: 'deploy/litellm/config.yaml', line: 16, column: 24, path: [] });
    expect(finding.related).toEqual([
      { file: 'deploy/litellm/config.yaml', line: 9, column: 17, message: 'gpt-4o calls openai/gpt-4o' },
      { file: 'routewise.yaml', line: 11, column: 5, message: 'data class patient-records is declared here' },
    ]);
    const sarif = JSON.parse(runCli(['check', ...NOW, '--format', 'sarif'], { cwd: dir }).stdout);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'RW-DRIFT-002');
    expect(result.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'deploy/litellm/config.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 16, startColumn: 24 } });
    expect(result.relatedLocations[1]).toEqual({
      id: 1,
      physicalLocation: { artifactLocation: { uri: 'routewise.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 11, startColumn: 5 } },
      message: { text: 'data class patient-records is declared here' },
    });
    const github = runCli(['check', ...NOW, '--format', 'github'], { cwd: dir }).stdout;
    expect(github).toContain('::error file=deploy/litellm/config.yaml,line=16,col=24,title=RW-DRIFT-002::');
    expect(github).toContain('%0Arelated: routewise.yaml:11:5 data class patient-records is declared here');
  });

  it('fails the same way in an audit of the repositories around it', () => {
    const dir = hospitalRepo();
    const r = runCli(['audit', join(dir, '..'), ...NOW]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/RW-DRIFT-002 +2 +0 +1/);
  });

  it('passes once the fallbacks are gone, and --source adds a config the manifest does not name', () => {
    const dir = hospitalRepo();
    writeFileSync(join(dir, 'deploy/litellm/safe.yaml'), 'model_list:\n  - model_name: clinical-llama\n    litellm_params:\n      model: hosted_vllm/meta-llama/Llama-3.1-70B-Instruct\n      api_base: http://llama.inference.svc:8000/v1\n');
    setSources(dir, '  - type: litellm\n    path: deploy/litellm/safe.yaml\n');
    expect(runCli(['check', ...NOW], { cwd: dir }).code).toBe(0);
    const r = runCli(['check', ...NOW, '--source', 'litellm=deploy/litellm/config.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('deploy/litellm/config.yaml:16:24  error  RW-DRIFT-002');
  });
});

describe('bad sources', () => {
  function expectRefused(dir: string, code: string, where: string) {
    const r = runCli(['check', ...NOW], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`${where}  error  ${code}`);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?/);
  }

  it('a path that does not exist is refused at the line of its path', () => {
    const dir = hospitalRepo();
    setSources(dir, '  - type: litellm\n    path: deploy/litellm/missing.yaml\n');
    expectRefused(dir, 'path-not-found', `routewise.yaml:${SOURCE_PATH_LINE}:11`);
  });

  it('a path leaving the repository with .. is refused', () => {
    const dir = hospitalRepo();
    writeFileSync(join(dir, '..', 'outside.yaml'), 'model_list: []\n');
    setSources(dir, '  - type: litellm\n    path: ../outside.yaml\n');
    expectRefused(dir, 'source-outside-repository', `routewise.yaml:${SOURCE_PATH_LINE}:11`);
  });

  it('a symbolic link inside the repository that points out of it is refused', () => {
    const dir = hospitalRepo();
    writeFileSync(join(dir, '..', 'outside.yaml'), 'model_list: []\n');
    symlinkSync(join(dir, '..', 'outside.yaml'), join(dir, 'deploy', 'link.yaml'));
    setSources(dir, '  - type: litellm\n    path: deploy/link.yaml\n');
    expectRefused(dir, 'source-outside-repository', `routewise.yaml:${SOURCE_PATH_LINE}:11`);
  });

  it('a YAML alias bomb is refused in the gateway file', () => {
    const dir = hospitalRepo();
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    writeFileSync(join(dir, 'deploy/litellm/config.yaml'), `${levels.join('\n')}\nmodel_list: []\n`);
    const r = runCli(['check', ...NOW], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/deploy\/litellm\/config\.yaml:\d+:\d+ {2}error {2}yaml-too-many-aliases/);
  });

  it('a file over 1 MB is refused without being parsed', () => {
    const dir = hospitalRepo();
    writeFileSync(join(dir, 'deploy/litellm/config.yaml'), `model_list: []\n# ${'x'.repeat(2 * 1024 * 1024)}\n`);
    expectRefused(dir, 'file-too-large', 'deploy/litellm/config.yaml:1:1');
  });

  it('invalid YAML is reported at its own line in the gateway file', () => {
    const dir = hospitalRepo();
    writeFileSync(join(dir, 'deploy/litellm/config.yaml'), 'model_list:\n  - model_name: a\n    litellm_params: {model: openai/x\n');
    const r = runCli(['check', ...NOW], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/deploy\/litellm\/config\.yaml:\d+:\d+ {2}error {2}yaml-syntax/);
  });

  it('a folder of more than 10,000 entries is reported, not walked to the end', () => {
    const dir = hospitalRepo();
    const many = join(dir, 'deploy', 'k8s');
    mkdirSync(many);
    for (let i = 0; i < 10_001; i++) writeFileSync(join(many, `f${i}.txt`), '');
    setSources(dir, '  - type: kubernetes\n    path: deploy/k8s\n');
    const r = runCli(['check', ...NOW], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`routewise.yaml:${SOURCE_PATH_LINE}:11  error  source-too-many-files  source folder deploy/k8s holds more than 10000 entries`);
  });

  it('--source with an unknown type is a usage error', () => {
    const r = runCli(['check', 'test/fixtures/drift/hospital', ...NOW, '--source', 'nginx=conf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--source nginx=conf: expected TYPE=PATH with TYPE one of litellm, kubernetes');
  });

  it('--source naming a path that does not exist is a usage error said once', () => {
    const r = runCli(['check', 'test/fixtures/drift/hospital', ...NOW, '--source', 'litellm=no/such/config.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--source litellm=no/such/config.yaml: no such file or folder');
  });
});
