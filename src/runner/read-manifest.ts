// Reads a manifest file's bytes for the pure loader, capped just over the size limit so a huge
// file costs nothing; directories and unreadable files become located problems.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Result } from '../problems/problem.ts';
import { MAX_MANIFEST_BYTES } from '../load/decode-text.ts';

export function readManifestBytes(path: string, display: string): Result<Uint8Array> {
  try {
    const st = statSync(path);
    if (st.isDirectory()) {
      return {
        ok: false,
        problems: [{
          code: 'not-a-file',
          message: `${display} is a directory, not a manifest file`,
          position: { file: display, line: 1, column: 1 },
          hint: 'pass the directory itself to search it, or rename it',
        }],
      };
    }
    const buf = Buffer.alloc(Math.min(st.size, MAX_MANIFEST_BYTES + 1));
    const fd = openSync(path, 'r');
    try {
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
    return {
      ok: false,
      problems: [{
        code: 'unreadable',
        message: `${display}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'cannot be read'}`,
        position: { file: display, line: 1, column: 1 },
        hint: code === 'EACCES' ? 'make the file readable' : 'check the path',
      }],
    };
  }
}
