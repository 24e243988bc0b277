// The file system as audit discovery reads it: synchronous, because a walk of many small folders
// is faster without a promise per entry.
import { type Dirent, readdirSync, realpathSync, type Stats, statSync } from 'node:fs';
import type { EntryKind, FolderEntry, FolderReader } from '../audit/discovery.ts';

export const nodeFolderReader: FolderReader = {
  list(path: string): FolderEntry[] {
    return readdirSync(path, { withFileTypes: true }).map((d) => ({ name: d.name, kind: d.isSymbolicLink() ? 'symlink' : kindOf(d) }));
  },
  kindOf(path: string) {
    return kindOf(statSync(path));
  },
  realpath(path: string): string {
    return realpathSync.native(path);
  },
};

function kindOf(d: Dirent | Stats): Exclude<EntryKind, 'symlink'> {
  if (d.isFile()) return 'file';
  if (d.isDirectory()) return 'directory';
  if (d.isFIFO()) return 'fifo';
  if (d.isSocket()) return 'socket';
  if (d.isBlockDevice() || d.isCharacterDevice()) return 'device';
  return 'other';
}
