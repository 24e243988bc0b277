// Reads a manifest file's bytes for the pure loader, capped just over the size limit so a huge
// file costs nothing; directories, pipes, devices and unreadable files become located problems,
// and so does a file that leads outside the folder the run may read (`within`).
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Problem, ProblemCode, Result } from '../problems/problem.ts';
import { MAX_MANIFEST_BYTES } from '../load/decode-text.ts';
import { isInside, realPathOf } from './real-path.ts';

export interface ReadOptions {
  /** A real folder path: a manifest that resolves outside it (through a link) is refused, not read. */
  within?: string;
  /** How the folder is named in the problem: `the workspace`, `the audited folder`. */
  withinName?: string;
  /**
   * The file's real path, when the caller resolved every link on the way to it (an audit's search
   * does): resolving each file again took about 3% of an audit worker's time. The open below
   * still refuses a link put there since.
   */
  real?: string | undefined;
}

export function readManifestBytes(path: string, display: string, options: ReadOptions = {}): Result<Uint8Array> {
  let target = path;
  if (options.within !== undefined) {
    const real = options.real ?? realPathOf(path);
    if (real === undefined) return failure('unreadable', `${display}: no such file (or a symbolic link to nothing)`, display, 'check the path');
    if (!isInside(real, options.within)) {
      return failure('outside-root', `${display} is a symbolic link that leads outside ${options.withinName ?? 'the folder being checked'}; not read`, display, 'commit the manifest itself, not a link to a file elsewhere');
    }
    target = real;
  }
  try {
    // Non-blocking, so a named pipe cannot hold the run; no link is followed once resolved.
    const fd = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK | (options.within !== undefined ? constants.O_NOFOLLOW : 0));
    try {
      const st = fstatSync(fd);
      if (st.isDirectory()) return failure('not-a-file', `${display} is a directory, not a manifest file`, display, 'pass the directory itself to search it, or rename it');
      if (!st.isFile()) {
        const what = st.isFIFO() ? 'a named pipe (FIFO)' : st.isSocket() ? 'a socket' : st.isBlockDevice() || st.isCharacterDevice() ? 'a device' : 'not a regular file';
        return failure('not-a-file', `${display} is ${what}, not a manifest file`, display, 'a manifest is a regular file');
      }
      // Only the bytes read are handed on, so the buffer need not be zeroed first.
      const buf = Buffer.allocUnsafe(Math.min(st.size, MAX_MANIFEST_BYTES + 1));
      let n = 0;
      while (n < buf.length) {
        const got = readSync(fd, buf, n, buf.length - n, n);
        if (got === 0) break;
        n += got;
      }
      return { ok: true, value: buf.subarray(0, n) };
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return failure('not-a-file', `${display} is a directory, not a manifest file`, display, 'pass the directory itself to search it, or rename it');
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'ELOOP' ? 'a symbolic link loop' : 'cannot be read';
    return failure('unreadable', `${display}: ${reason}`, display, code === 'EACCES' ? 'make the file readable' : 'check the path');
  }
}

function failure(code: ProblemCode, message: string, display: string, hint: string): Result<Uint8Array> {
  const problem: Problem = { code, message, position: { file: display, line: 1, column: 1 }, hint };
  return { ok: false, problems: [problem] };
}
