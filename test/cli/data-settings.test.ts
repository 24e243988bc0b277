// `--data org.yaml` is checked against the settings the loaded rules read: a misspelt, misplaced
// or mistyped setting is an error at its line (exit 2) instead of silently leaving the default.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const NOW = ['--now', '2026-11-27'];

function orgFile(name: string, text: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rw-settings-'));
  writeFileSync(join(dir, name), text);
  return { dir, file: name };
}

describe('routewise check --data settings', () => {
  it('places a JSON syntax error at its line and column', () => {
    const { dir, file } = orgFile('org.json', '{\n  "routewise": {\n    "config": { "minMlopsForOnPrem": 2, }\n  }\n}\n');
    const r = runCli(['check', join(process.cwd(), 'examples/hospital-on-prem'), '--data', file, ...NOW], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^org\.json:3:41: invalid-data-file: /m);
    expect(r.stderr).not.toMatch(/at position/);
    const cut = orgFile('org.json', '{"routewise": {\n');
    const truncated = runCli(['check', join(process.cwd(), 'examples/hospital-on-prem'), '--data', cut.file, ...NOW], { cwd: cut.dir });
    expect(truncated.code).toBe(2);
    expect(truncated.stderr).toMatch(/^org\.json:2:1: invalid-data-file: /m);
  });

  it('names a misspelt setting at its line with the close match', () => {
    const { dir, file } = orgFile('org.yaml', 'routewise:\n  config:\n    minMlopsForOnPrm: 2\n');
    const r = runCli(['check', join(process.cwd(), 'examples/hospital-on-prem'), '--data', file, ...NOW], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^org\.yaml:3:5: unknown-setting: routewise\.config\.minMlopsForOnPrm is not a setting of the loaded rules/m);
    expect(r.stderr).toMatch(/hint: did you mean minMlopsForOnPrem\?/);
  });

  it('accepts settings retired in this version, and the new ones that replaced them', () => {
    const { dir, file } = orgFile(
      'org.yaml',
      'routewise:\n  config:\n    onPremCapexMin: 50000\n    fineTuningProviders: [openai]\n' +
        '    regionJurisdictions:\n      fra-dc-1: [de]\n    fineTuningOffers:\n      - { provider: openai, models: [gpt-4o] }\n',
    );
    const r = runCli(['check', join(process.cwd(), 'examples/hospital-on-prem'), '--data', file, ...NOW], { cwd: dir });
    // Retired settings are warned about, naming what replaced them; the new ones pass silently.
    expect(r.stderr).toMatch(/org\.yaml:3:5: retired-setting: routewise\.config\.onPremCapexMin is retired/);
    expect(r.stderr).toMatch(/fineTuningProviders is retired: fineTuningOffers replaces it/);
    expect(r.stderr).not.toMatch(/regionJurisdictions|fineTuningOffers:/);
    expect(r.code).toBe(0);
  });

  it('refuses a quoted number or boolean, and a text where a list belongs', () => {
    const { dir, file } = orgFile(
      'org.yaml',
      'routewise:\n  config:\n    allowRegulatedOnCloudApi: "yes"\n    minMlopsForOnPrem: "2"\n    regulationsNeverOnCloudApi: pci-dss\n',
    );
    const r = runCli(['check', join(process.cwd(), 'examples/hospital-on-prem'), '--data', file, ...NOW], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/org\.yaml:3:5: setting-type: routewise\.config\.allowRegulatedOnCloudApi must be true or false \(the default is false\); got string "yes"/);
    expect(r.stderr).toMatch(/org\.yaml:4:5: setting-type: routewise\.config\.minMlopsForOnPrem must be a number/);
    expect(r.stderr).toMatch(/org\.yaml:5:5: setting-type: routewise\.config\.regulationsNeverOnCloudApi must be a list/);
  });

  it('points a setting outside routewise.config to where it belongs, and leaves other namespaces alone', () => {
    const { dir, file } = orgFile('org.yaml', 'routewise:\n  minMlopsForOnPrem: 2\nacme:\n  approvedProviders: [bedrock]\n');
    const r = runCli(['check', join(process.cwd(), 'examples/hospital-on-prem'), '--data', file, ...NOW], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/org\.yaml:2:3: unknown-setting: routewise\.minMlopsForOnPrem is not read by any rule.*\n {2}hint: move it to routewise\.config\.minMlopsForOnPrem/);
    expect(r.stderr).not.toMatch(/acme/);
  });

  it('accepts correct overrides, new entries in a mapping setting, and JSON files', () => {
    const yaml = orgFile('org.yaml', 'routewise:\n  config:\n    minMlopsForOnPrem: 10\n    regulationAgreements:\n      ccpa: dpa\n');
    const r = runCli(['check', join(process.cwd(), 'examples/hospital-on-prem'), '--data', yaml.file, ...NOW], { cwd: yaml.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/RW-ONPREM-001/);
    const json = orgFile('org.json', '{"routewise": {"config": {"minMlopsForOnPrem": "10"}}}');
    const bad = runCli(['check', join(process.cwd(), 'examples/hospital-on-prem'), '--data', json.file, ...NOW], { cwd: json.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/org\.json:1:\d+: setting-type: routewise\.config\.minMlopsForOnPrem must be a number/);
  });

  it('refuses a nested typo and a text where a nested list belongs, at their lines (exit 2)', () => {
    const { dir, file } = orgFile('org.yaml', 'routewise:\n  config:\n    requiredSkills:\n      hybird: [integration]\n      on-premises: ml\n');
    const r = runCli(['check', join(process.cwd(), 'examples/hospital-on-prem'), '--data', file, ...NOW], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^org\.yaml:4:7: unknown-setting: routewise\.config\.requiredSkills\.hybird is not a setting of the loaded rules.*\n {2}hint: did you mean hybrid\?$/m);
    expect(r.stderr).toMatch(/^org\.yaml:5:7: setting-type: routewise\.config\.requiredSkills\.on-premises must be a list/m);
  });

  it('accepts a retired setting with a warning on stderr naming what replaced it', () => {
    const { dir, file } = orgFile('org.yaml', 'routewise:\n  config:\n    onPremCapexMin: 10\n');
    const r = runCli(['check', join(process.cwd(), 'examples/bank-hybrid'), '--data', file, ...NOW], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^org\.yaml:3:5: retired-setting: routewise\.config\.onPremCapexMin is retired: RW-COST-003 replaces it/m);
  });

  it('places a YAML syntax error in a data file at its line and column', () => {
    const { dir, file } = orgFile('org.yaml', 'routewise:\n  config:\n\tminMlopsForOnPrem: 2\n');
    const r = runCli(['check', join(process.cwd(), 'examples/hospital-on-prem'), '--data', file, ...NOW], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^org\.yaml:3:1: invalid-data-file: Tabs are not allowed as indentation\n {2}hint: fix the syntax of this data file$/m);
  });
});
