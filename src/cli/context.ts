// What a command may touch: the process's streams, working directory and environment,
// passed in so commands can be driven from tests.
import type { Readable } from 'node:stream';

export interface CommandContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: Readable & { isTTY?: boolean };
  globals(): { color?: boolean; quiet?: boolean };
}

/** Collects a repeatable option's values. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
