// Which folders are repositories and which manifests each holds. A repository is a folder that
// holds a .git, or a direct subfolder of a root; the file system comes in through FolderReader so
// the rules are testable and the walk never stops on one bad folder.
import { posix } from 'node:path';
import type { ProblemCode } from '../problems/problem.ts';
import { compareText } from './compare-text.ts';

export type EntryKind = 'file' | 'directory' | 'symlink' | 'other';

export interface FolderEntry {
  name: string;
  kind: EntryKind;
}

/** The file system as discovery sees it; methods throw errors with a `code` (EACCES, ELOOP, ...). */
export interface FolderReader {
  list(path: string): FolderEntry[];
  /** What a symbolic link points to, following every link. */
  kindOf(path: string): 'file' | 'directory' | 'other';
  realpath(path: string): string;
}

export interface DiscoveryProblem {
  code: Extract<ProblemCode, 'unreadable' | 'symlink-loop' | 'path-not-found'>;
  message: string;
}

export interface FoundRepository {
  /** As shown in reports: the root as given joined with the relative path, forward slashes. */
  path: string;
  /** Absolute folder path for reading. */
  absolute: string;
  /** Manifest paths relative to the repository, forward slashes, sorted. */
  manifests: string[];
  problems: DiscoveryProblem[];
}

export interface DiscoveryOptions {
  manifestNames: readonly string[];
  skippedDirectories: ReadonlySet<string>;
  /** Told of each manifest as it is found, so a caller can get ready for a big run early. */
  onManifest?: () => void;
}

interface Walk {
  reader: FolderReader;
  options: DiscoveryOptions;
  found: FoundRepository[];
  /** Real paths already searched: a folder reached twice through links is searched once. */
  visited: Set<string>;
}

/** A folder to search: `absolute` and `real` (links resolved) for reading, `shown` for reports. */
export interface SearchFolder {
  absolute: string;
  shown: string;
  real: string;
}

type Folder = SearchFolder;

/**
 * Repositories under each root (`root` is a folder to search: repositories with a .git at any
 * depth, and each direct subfolder) and each listed path (a repository itself), sorted by path.
 */
export function discoverRepositories(
  input: { roots: readonly SearchFolder[]; listed: readonly SearchFolder[] },
  reader: FolderReader,
  options: DiscoveryOptions,
): FoundRepository[] {
  const walk: Walk = { reader, options, found: [], visited: new Set() };
  for (const root of input.roots) searchRoot(walk, root);
  for (const folder of input.listed) {
    const repository = newRepository(folder);
    walk.found.push(repository);
    if (!walk.visited.has(folder.real)) searchFolder(walk, folder, repository, [folder.real]);
  }
  const byPath = new Map<string, FoundRepository>();
  for (const repository of walk.found) {
    const same = byPath.get(repository.path);
    if (!same) byPath.set(repository.path, repository);
    else {
      same.manifests.push(...repository.manifests);
      same.problems.push(...repository.problems);
    }
  }
  return [...byPath.values()]
    .sort((a, b) => compareText(a.path, b.path))
    .map((r) => ({ path: r.path, absolute: r.absolute, manifests: [...new Set(r.manifests)].sort(compareText), problems: r.problems }));
}

/** A root that is not itself a repository only groups them: its direct subfolders are repositories. */
function searchRoot(walk: Walk, root: Folder): void {
  const rootRepository = newRepository(root);
  const entries = listFolder(walk, root, rootRepository);
  walk.visited.add(root.real);
  if (entries === undefined || entries.some((e) => e.name === '.git')) {
    walk.found.push(rootRepository);
    if (entries !== undefined) searchEntries(walk, root, entries, rootRepository, [root.real]);
    return;
  }
  for (const entry of entries) {
    const child = childFolder(walk, root, entry, rootRepository, [root.real]);
    if (child === 'file') {
      if (walk.options.manifestNames.includes(entry.name)) addManifest(walk, rootRepository, entry.name);
      continue;
    }
    if (child === undefined) continue;
    const repository = newRepository(child);
    const before = walk.found.length;
    walk.found.push(repository);
    searchFolder(walk, child, repository, [root.real, child.real]);
    const nested = walk.found.length - before - 1;
    // A grouping folder (no .git, nothing of its own, repositories below) is not a repository.
    const isGroup = nested > 0 && repository.manifests.length === 0 && repository.problems.length === 0 && !repository.hasGit;
    if (isGroup) walk.found.splice(before, 1);
  }
  if (rootRepository.manifests.length > 0 || rootRepository.problems.length > 0) walk.found.push(rootRepository);
}

type Repository = FoundRepository & { hasGit?: boolean };

function newRepository(folder: Folder): Repository {
  return { path: folder.shown, absolute: folder.absolute, manifests: [], problems: [] };
}

function searchFolder(walk: Walk, folder: Folder, repository: Repository, stack: string[]): void {
  walk.visited.add(folder.real);
  const entries = listFolder(walk, folder, repository);
  if (entries === undefined) return;
  let owner = repository;
  if (entries.some((e) => e.name === '.git')) {
    if (folder.absolute === repository.absolute) repository.hasGit = true;
    else {
      owner = newRepository(folder);
      owner.hasGit = true;
      walk.found.push(owner);
    }
  }
  searchEntries(walk, folder, entries, owner, stack);
}

function searchEntries(walk: Walk, folder: Folder, entries: FolderEntry[], repository: Repository, stack: string[]): void {
  for (const entry of entries) {
    const child = childFolder(walk, folder, entry, repository, stack);
    if (child === 'file') {
      if (walk.options.manifestNames.includes(entry.name)) addManifest(walk, repository, relativeTo(repository, folder, entry.name));
    } else if (child !== undefined && !walk.visited.has(child.real)) {
      searchFolder(walk, child, repository, [...stack, child.real]);
    }
  }
}

/** The subfolder an entry leads to, 'file' for files (links to files included), undefined to pass it by. */
function childFolder(walk: Walk, folder: Folder, entry: FolderEntry, repository: Repository, stack: string[]): Folder | 'file' | undefined {
  const absolute = posix.join(folder.absolute, entry.name);
  const shown = posix.join(folder.shown, entry.name);
  if (entry.kind === 'file') return 'file';
  if (entry.kind === 'directory') {
    if (walk.options.skippedDirectories.has(entry.name)) return undefined;
    return { absolute, shown, real: posix.join(folder.real, entry.name) };
  }
  if (entry.kind !== 'symlink') return undefined;
  let kind: 'file' | 'directory' | 'other';
  let real: string;
  try {
    kind = walk.reader.kindOf(absolute);
    real = walk.reader.realpath(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') repository.problems.push({ code: 'symlink-loop', message: `${shown} is a symbolic link that leads back to itself` });
    // A dangling link is common and harmless: there is nothing behind it to search.
    return undefined;
  }
  if (kind === 'file') return 'file';
  if (kind !== 'directory' || walk.options.skippedDirectories.has(entry.name)) return undefined;
  // A link to a folder that encloses this one would make the walk endless.
  const inside = real.endsWith('/') ? real : `${real}/`;
  if (stack.includes(real) || folder.real.startsWith(inside)) {
    repository.problems.push({ code: 'symlink-loop', message: `${shown} is a symbolic link to a folder that encloses it (${real}); not followed` });
    return undefined;
  }
  return { absolute, shown, real };
}

function listFolder(walk: Walk, folder: Folder, repository: Repository): FolderEntry[] | undefined {
  try {
    return walk.reader.list(folder.absolute).sort((a, b) => compareText(a.name, b.name));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'no such folder' : code;
    repository.problems.push({
      code: code === 'ENOENT' ? 'path-not-found' : 'unreadable',
      message: `cannot read folder ${folder.shown}: ${reason}`,
    });
    return undefined;
  }
}

function addManifest(walk: Walk, repository: Repository, path: string): void {
  repository.manifests.push(path);
  walk.options.onManifest?.();
}

function relativeTo(repository: Repository, folder: Folder, name: string): string {
  const inside = posix.relative(repository.absolute, folder.absolute);
  return inside === '' ? name : `${inside}/${name}`;
}
