// Temporary git repositories for the hook tests: their own HOME, no user or system git config,
// manifests copied from examples/, and commands run with only the environment they need.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(REPO, 'bin', 'routewise.mjs');
export const NOW = '2026-11-27';

export interface Run {
  code: number;
  output: string;
}

const scratch: string[] = [];

/** Removes every repository (and its HOME) created so far. */
export function removeRepos(): void {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
}

// How this machine reaches the npm registry (proxies, an extra certificate authority): kept, or
// the hook's own npm install cannot download anything.
const NETWORK_VARIABLES = [
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'npm_config_registry',
];

function networkEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(NETWORK_VARIABLES.filter((name) => process.env[name] !== undefined).map((name) => [name, process.env[name]]));
}

export class GitRepo {
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;

  constructor(extraEnv: NodeJS.ProcessEnv = {}) {
    const home = mkdtempSync(join(tmpdir(), 'routewise-hook-home-'));
    this.dir = mkdtempSync(join(tmpdir(), 'routewise-hook-repo-'));
    scratch.push(home, this.dir);
    this.env = {
      PATH: process.env.PATH,
      HOME: home,
      LANG: 'C.UTF-8',
      NO_COLOR: '1',
      PRE_COMMIT_HOME: join(home, 'pre-commit-cache'),
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      // npm packages come from the registry; the developer's cache keeps repeated installs quick.
      npm_config_cache: process.env.npm_config_cache ?? join(homedir(), '.npm'),
      ...networkEnv(),
      ...extraEnv,
    };
    this.must('git', ['init', '-q', '-b', 'main']);
  }

  run(command: string, args: string[], timeout = 60000): Run {
    const r = spawnSync(command, args, { cwd: this.dir, env: this.env, encoding: 'utf8', timeout });
    if (r.error) throw r.error;
    return { code: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
  }

  must(command: string, args: string[], timeout?: number): string {
    const r = this.run(command, args, timeout);
    if (r.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.code}:\n${r.output}`);
    return r.output;
  }

  /** `{ 'svc/routewise.yaml': 'examples/violations/data/routewise.yaml' }`, or literal text. */
  write(files: Record<string, string | { text: string }>): void {
    for (const [target, source] of Object.entries(files)) {
      const path = join(this.dir, target);
      mkdirSync(dirname(path), { recursive: true });
      if (typeof source === 'string') cpSync(join(REPO, source), path);
      else writeFileSync(path, source.text);
    }
  }

  /** Writes the files (as `write` does), stages everything and tries to commit. */
  commit(files: Record<string, string | { text: string }>, message: string): Run {
    this.write(files);
    this.must('git', ['add', '.']);
    return this.run('git', ['commit', '-q', '-m', message]);
  }

  /** The commits on the current branch, newest first; empty before the first commit. */
  log(): string[] {
    const r = this.run('git', ['log', '--format=%s']);
    return r.code === 0 ? r.output.trim().split('\n').filter((line) => line !== '') : [];
  }
}

/**
 * A git repository holding this checkout's files as they are now (tracked and new, minus ignored
 * ones) in one commit: what a user's `repo:` + `rev:` would fetch, without the network.
 * Returns its folder and the commit.
 */
export function snapshotOfRouteWise(): { dir: string; rev: string } {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: REPO,
    encoding: 'utf8',
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  const snapshot = new GitRepo();
  for (const file of listed.stdout.split('\0')) {
    if (file === '' || !existsSync(join(REPO, file))) continue;
    mkdirSync(dirname(join(snapshot.dir, file)), { recursive: true });
    cpSync(join(REPO, file), join(snapshot.dir, file));
  }
  snapshot.must('git', ['add', '.']);
  snapshot.must('git', ['commit', '-q', '-m', 'routewise snapshot']);
  return { dir: snapshot.dir, rev: snapshot.must('git', ['rev-parse', 'HEAD']).trim() };
}

/** The README's plain git pre-commit script (the one husky and lefthook users keep in a file too). */
export function readmeHook(): string {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const start = readme.indexOf('\n### Git hooks\n');
  const section = start < 0 ? '' : readme.slice(start, readme.indexOf('\n## ', start));
  const m = /```sh\n(#!\/bin\/sh\n[\s\S]*?)```/.exec(section);
  if (!m) throw new Error('README: no #!/bin/sh pre-commit script under "Git hooks"');
  return m[1]!;
}

/**
 * Points the repository's $ROUTEWISE at this checkout's CLI through a wrapper that records each
 * call; returns a reader of the recorded calls (`check|file|`).
 */
export function recordRoutewiseCalls(repo: GitRepo): () => string[] {
  const calls = join(repo.env.HOME!, 'calls.log');
  const wrapper = join(repo.env.HOME!, 'routewise');
  writeFileSync(
    wrapper,
    `#!/bin/sh\nprintf '%s|' "$@" >> '${calls}'\necho >> '${calls}'\ncmd=$1; shift\nexec node '${BIN}' "$cmd" --now ${NOW} "$@"\n`,
  );
  chmodSync(wrapper, 0o755);
  repo.env.ROUTEWISE = wrapper;
  return () => (existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : []);
}
