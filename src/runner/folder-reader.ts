// The file system as audit discovery reads it: synchronous, because a walk of many small folders
// is faster without a promise per entry.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import type { EntryKind, FolderEntry, FolderReader } from '../audit/discovery.ts';

export const nodeFolderReader: FolderReader = {
  list(path: string): FolderEntry[] {
    return readdirSync(path, { withFileTypes: true }).map((d) => {
      const kind: EntryKind = d.isFile() ? 'file' : d.isDirectory() ? 'directory' : d.isSymbolicLink() ? 'symlink' : 'other';
      return { name: d.name, kind };
    });
  },
  kindOf(path: string) {
    const st = statSync(path);
    return st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other';
  },
  realpath(path: string): string {
    return realpathSync.native(path);
  },
};
