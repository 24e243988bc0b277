// In CI the text output is printed to the log, where a line starting `::add-mask::` or holding
// `##[error]` is a command to the runner. Text from files (folder names, manifest lines, waiver
// reasons, policy titles and messages, print output) must never form such a line, nor carry raw
// control bytes to the terminal, in any command that prints text.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';

const root = join(import.meta.dirname, '..', '..');
const HOSTILE = '::add-mask::secret ##[error]forged ##vso[task.setvariable]x \u001b]0;title\u0007 \u001b[2J';
// No glob characters, so `check` can be given the path; the audit also sees one with brackets.
const FOLDER = '::stop-commands::token';
const BRACKETED = '##[warning]folder';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rw-inject-'));
  const repo = join(dir, 'org', FOLDER);
  mkdirSync(repo, { recursive: true });
  // A waived finding whose reason holds new lines that start runner commands.
  const waived = readFileSync(join(root, 'test', 'fixtures', 'manifests', 'hybrid-claims.yaml'), 'utf8')
    .replace('rule: RW-DATA-005\n    target: public-docs', 'rule: HOST-001\n    target: openai-gpt')
    .replace(
    'reason: Kept for the next release',
    `reason: "Kept\\n::add-mask::reason\\n##[error]reason \\e[31m"`,
  );
  writeFileSync(join(repo, 'routewise.yaml'), waived);
  // An invalid manifest whose code frame shows a hostile comment.
  writeFileSync(join(dir, 'broken.yaml'), `apiVersion: routewise/v1\nkind: LLMDeployment\n# ${HOSTILE}\nmetadata: [\n`);
  // An organisation policy whose title, message, test and print output are hostile.
  mkdirSync(join(dir, 'pol'));
  writeFileSync(
    join(dir, 'pol', 'hostile.rego'),
    `package hostile

# METADATA
# title: "Fine\\n::add-mask::title\\n##[error]title"
# description: "Looks fine\\n::set-output name=x::y"
# custom:
#   id: HOST-001
#   severity: warning
#   remediation: "Nothing\\n::add-mask::remedy"
deny contains finding if {
	some target in input.targets
	finding := {"id": "HOST-001", "message": sprintf("%s\\n::add-mask::message %s", [target.id, "##[error]m"]), "subject": {"target": target.id}}
}

shout if {
	print("::add-mask::printed\\n##[error]printed \\u001b[2J")
}
`,
  );
  writeFileSync(
    join(dir, 'pol', 'hostile_test.rego'),
    `package hostile_test

test_hostile if {
	print("::add-mask::test-print")
	false
}
`,
  );
  cpSync(join(root, 'examples', 'startup-cloud-api', 'routewise.yaml'), join(dir, 'cloud.yaml'));
  mkdirSync(join(dir, 'org', BRACKETED));
  cpSync(join(root, 'examples', 'startup-cloud-api', 'routewise.yaml'), join(dir, 'org', BRACKETED, 'routewise.yaml'));
});

/** Lines a GitHub or Azure runner would act on, and raw control bytes. */
function commandLines(output: string): string[] {
  return output.split('\n').filter((line) => /^\s*::/.test(line) || /##(vso)?\[/i.test(line) || /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(line));
}

function expectNoCommands(run: { stdout: string; stderr: string }) {
  expect(commandLines(run.stdout)).toEqual([]);
  expect(commandLines(run.stderr)).toEqual([]);
}

describe('text output in a CI log', () => {
  it('check: folder names, code frames, waiver reasons and policy messages stay inert', () => {
    const run = runCli(['check', '--policy', 'pol', join('org', FOLDER, 'routewise.yaml'), 'broken.yaml', 'cloud.yaml'], { cwd: dir });
    expect(run.stdout).toContain('add-mask::reason');
    expect(run.stdout).toContain('\\x1b]0;title\\x07');
    expect(run.stdout).toContain('add-mask::message');
    expectNoCommands(run);
  });

  it('audit: repository paths and problems stay inert', () => {
    const run = runCli(['audit', '--policy', 'pol', 'org'], { cwd: dir });
    expect(run.stdout).toContain('stop-commands::token');
    expect(run.stdout).toContain('[warning]folder');
    expectNoCommands(run);
  });

  it('test: failing test names, files and print output stay inert', () => {
    const run = runCli(['test', 'pol'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('add-mask::test-print');
    expectNoCommands(run);
  });

  it('eval: print output stays inert', () => {
    const run = runCli(['eval', '-d', 'pol', 'data.hostile.shout'], { cwd: dir });
    expect(run.stderr).toContain('add-mask::printed');
    expectNoCommands(run);
  });

  it('policies list and show: titles, descriptions and remediations stay inert', () => {
    const list = runCli(['policies', 'list', '--policy', 'pol'], { cwd: dir });
    expect(list.stdout).toContain('HOST-001');
    expectNoCommands(list);
    const show = runCli(['policies', 'show', 'HOST-001', '--policy', 'pol'], { cwd: dir });
    expect(show.stdout).toContain('set-output name=x::y');
    expectNoCommands(show);
  });
});
