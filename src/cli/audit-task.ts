// One unit of audit work, the same in a worker thread and in process: read one manifest file and
// judge it. Whatever goes wrong becomes that manifest's problem, never the run's.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { judgeManifest, type AuditSettings, type ManifestVerdict } from '../audit/judge-manifest.ts';
import { MAX_MANIFEST_BYTES } from '../load/decode-text.ts';
import { observeSources } from '../sources/read-sources.ts';

export interface AuditTask {
  /** Absolute path to read. */
  file: string;
  /** The path shown in messages. */
  shown: string;
}

export function runAuditTask(task: AuditTask, settings: AuditSettings): ManifestVerdict {
  let bytes: Uint8Array;
  try {
    bytes = readAtMost(task.file, MAX_MANIFEST_BYTES + 1);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot be read';
    return failedVerdict('unreadable', `${task.shown}: ${reason}`);
  }
  try {
    return judgeManifest(task.shown, bytes, settings, (manifest, doc) => observeSources(manifest, doc, task.file, []));
  } catch (error) {
    // An engine bug on one manifest must not end the audit of the others.
    return failedVerdict('internal-error', `${task.shown}: ${(error as Error)?.message ?? String(error)}`);
  }
}

/** The verdict on a manifest that could not be judged at all. */
export function failedVerdict(code: string, message: string): ManifestVerdict {
  return {
    strategy: null,
    status: 'invalid',
    counts: { errors: 0, warnings: 0, infos: 0, waived: 0, problems: 1 },
    findings: [],
    problems: [{ code, message, line: null, column: null }],
    waivers: [],
    dataFlows: [],
  };
}

/** Reads one byte over the size limit at most: the loader reports files that are too big. */
function readAtMost(path: string, limit: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const buffer = Buffer.alloc(Math.min(size, limit));
    let n = 0;
    while (n < buffer.length) {
      const got = readSync(fd, buffer, n, buffer.length - n, n);
      if (got === 0) break;
      n += got;
    }
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
