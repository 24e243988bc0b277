// Writes one report file for check and audit alike: CI jobs often name a reports folder that
// does not exist yet, so it is created; anything else that stops the write is bad usage. A report
// never goes through a symbolic link at its own name, nor into a folder that leads outside the
// folders it may be written in: a repository can commit `reports -> /somewhere/else`.
import { lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { isInside, landingPath, realPathOf } from './real-path.ts';
import { UsageError } from './usage-error.ts';

export interface WriteScope {
  /** Folders the report must land in (their real paths are compared); any place when undefined. */
  within?: readonly string[];
  /** How those folders are named in messages: `the current folder`, `the workspace`. */
  withinName?: string;
  /** How the user names another file: `pass --format name=path with` (the default), `set sarif-file to`. */
  advice?: string;
}

/**
 * Where a report named on the command line may go: a relative name stays inside the current
 * folder; an absolute one is the user's own choice.
 */
export function reportScope(path: string, cwd: string): WriteScope {
  return isAbsolute(path) ? {} : { within: [cwd], withinName: 'the current folder' };
}

export function writeReportFile(absolute: string, shown: string, text: string, scope: WriteScope = {}): void {
  const advice = scope.advice ?? 'pass --format name=path with';
  const refuse = (why: string) => new UsageError(`cannot write the report ${shown} (${why}); ${advice} a file inside ${scope.withinName ?? 'a folder you own'}`);
  const folders = scope.within?.map((folder) => realPathOf(folder) ?? folder);
  const isAllowed = (real: string) => folders === undefined || folders.some((folder) => isInside(real, folder));
  const folder = dirname(absolute);
  // Where the folder leads before any of it is created: mkdir would follow a linked folder.
  if (!isAllowed(landingPath(folder))) throw refuse(`its folder leads outside ${scope.withinName ?? 'the allowed folders'}, through a symbolic link`);
  let temporary: string | undefined;
  try {
    mkdirSync(folder, { recursive: true });
    const realFolder = realPathOf(folder) ?? folder;
    if (!isAllowed(realFolder)) throw refuse(`its folder leads outside ${scope.withinName ?? 'the allowed folders'}, through a symbolic link`);
    const target = join(realFolder, basename(absolute));
    const existing = lstatOrUndefined(target);
    if (existing?.isSymbolicLink()) throw refuse('it is a symbolic link; routewise does not write through links');
    if (existing?.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    // Written aside (a new file, never an existing one or a link), then renamed over the name.
    temporary = join(realFolder, `.${basename(absolute)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, target);
    temporary = undefined;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`cannot write the report ${shown} (${WRITE_FAILURES[code] ?? code}); ${advice} a writable file`);
  } finally {
    if (temporary !== undefined) rmSync(temporary, { force: true });
  }
}

function lstatOrUndefined(path: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

const WRITE_FAILURES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'part of the path is a file, not a folder',
  EEXIST: 'part of the path is a file, not a folder',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  ELOOP: 'a symbolic link loop',
};
