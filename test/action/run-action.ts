// Runs the bundled Action as the runner does: a fresh build laid out like the Action's checkout,
// started as a child process with the runner's environment, its files read back afterwards.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

const scratch: string[] = [];

function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

/** Removes every folder the helpers below created. */
export function removeScratch(): void {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Builds dist/action/index.mjs into a temporary checkout (policies beside it, as in the repository). */
export function buildActionCheckout(): string {
  const checkout = scratchDir('routewise-action-checkout-');
  const outfile = join(checkout, 'dist', 'action', 'index.mjs');
  const build = spawnSync(process.execPath, [join(REPO, 'scripts', 'build-action.mjs'), '--outfile', outfile], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the Action bundle did not build:\n${build.stderr}`);
  symlinkSync(join(REPO, 'policies'), join(checkout, 'policies'));
  symlinkSync(join(REPO, 'schemas'), join(checkout, 'schemas'));
  return outfile;
}

/** A git-less workspace holding copies of example manifests: { 'svc/routewise.yaml': 'examples/violations/data/routewise.yaml' }. */
export function makeWorkspace(files: Record<string, string | { text: string }>): string {
  const workspace = scratchDir('routewise-workspace-');
  for (const [target, source] of Object.entries(files)) {
    const path = join(workspace, target);
    mkdirSync(join(path, '..'), { recursive: true });
    if (typeof source === 'string') cpSync(join(REPO, source), path);
    else writeFileSync(path, source.text);
  }
  return workspace;
}

export interface Annotation {
  level: string;
  properties: Record<string, string>;
  message: string;
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  annotations: Annotation[];
  outputs: Record<string, string>;
  summary: string;
  runnerTemp: string;
}

function unescape(text: string): string {
  return text.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

/** Workflow commands on stdout: `::error title=...,file=...::message`; properties in any order. */
export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const pair of (m[2] ?? '').split(',').filter((p) => p !== '')) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
    }
    annotations.push({ level: m[1]!, properties, message: unescape(m[3]!) });
  }
  return annotations;
}

/** The GITHUB_OUTPUT file: `name<<DELIMITER`, the value's lines, `DELIMITER`. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    outputs[m[1]!] = value.join('\n');
  }
  return outputs;
}

/** Inputs by their names in action.yml; the runner passes them as INPUT_<NAME> with dashes kept. */
export function runAction(bundle: string, workspace: string, inputs: Record<string, string> = {}): ActionRun {
  const runnerTemp = scratchDir('routewise-runner-');
  const summaryFile = join(runnerTemp, 'step-summary.md');
  const outputFile = join(runnerTemp, 'output');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  // Only what the runner sets: nothing from the environment the tests happen to run in.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: runnerTemp,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    RUNNER_TEMP: runnerTemp,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const r = spawnSync(process.execPath, [bundle], { cwd: workspace, env, encoding: 'utf8', timeout: 30000 });
  return {
    code: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr,
    annotations: parseAnnotations(r.stdout),
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    runnerTemp,
  };
}
