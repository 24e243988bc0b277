// Spawns the built `routewise audit` as a user would, for end-to-end tests of the audit command.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/routewise.mjs', import.meta.url));

export interface AuditRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runAudit(args: string[], cwd: string, env: Record<string, string> = {}): AuditRun {
  const r = spawnSync(process.execPath, [BIN, 'audit', ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...env } as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 60000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
