// Where a path really leads: the checks that keep reads and writes inside the folder a run was
// given (the workspace, the audited root), whatever symbolic links a repository commits.
import { realpathSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** Whether `path` is `folder` or below it; both absolute and already resolved. */
export function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`);
}

/** The real path, or undefined when some part of it does not exist (or is a loop). */
export function realPathOf(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/**
 * The real path the nearest existing ancestor of `path` leads to, with the missing rest joined on:
 * where a file written at `path` would land once its folders are created.
 */
export function landingPath(path: string): string {
  let existing = path;
  for (;;) {
    const real = realPathOf(existing);
    if (real !== undefined) return join(real, relative(existing, path));
    const up = dirname(existing);
    if (up === existing) return path;
    existing = up;
  }
}
