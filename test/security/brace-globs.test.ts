// `{api,web}/routewise.yaml`, the Action's own example, must check both manifests rather than
// look for a folder literally named `{api,web}`.
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';

const examples = join(import.meta.dirname, '..', '..', 'examples');

it('expands brace globs into every manifest they name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rw-braces-'));
  for (const [folder, example] of [['api', 'startup-cloud-api'], ['web', 'bank-hybrid'], ['other', 'hospital-on-prem']]) {
    mkdirSync(join(dir, folder));
    cpSync(join(examples, example, 'routewise.yaml'), join(dir, folder, 'routewise.yaml'));
  }
  const run = runCli(['check', '--format', 'json', '{api,web}/routewise.yaml'], { cwd: dir });
  expect(run.stderr).toBe('');
  const files = (JSON.parse(run.stdout) as { manifests: { file: string }[] }).manifests.map((m) => m.file).sort();
  expect(files).toEqual(['api/routewise.yaml', 'web/routewise.yaml']);
});
