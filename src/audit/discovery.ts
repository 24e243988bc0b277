// Which folders are repositories and which manifests each holds. A repository is a folder that
// holds a .git, or a direct subfolder of a root; the file system comes in through FolderReader so
// the rules are testable and the walk never stops on one bad folder.
import { posix } from 'node:path';
import type { ProblemCode } from '../problems/problem.ts';
import { compareText } from './compare-text.ts';

export type EntryKind = 'file' | 'directory' | 'symlink' | 'fifo' | 'socket' | 'device' | 'other';

export interface FolderEntry {
  name: string;
  kind: EntryKind;
}

/** The file system as discovery sees it; methods throw errors with a `code` (EACCES, ELOOP, ...). */
export interface FolderReader {
  list(path: string): FolderEntry[];
  /** What a symbolic link points to, following every link. */
  kindOf(path: string): Exclude<EntryKind, 'symlink'>;
  realpath(path: string): string;
}

export interface DiscoveryProblem {
  code: Extract<ProblemCode, 'unreadable' | 'path-not-found' | 'not-a-file' | 'outside-root'>;
  message: string;
}

export interface FoundRepository {
  /** As shown in reports: the root as given joined with the relative path, forward slashes. */
  path: string;
  /** Absolute folder path for reading. */
  absolute: string;
  /** The real path of the root (or listed folder) it was found in: nothing is read outside it. */
  within: string;
  /** Manifest paths relative to the repository, forward slashes, sorted. */
  manifests: string[];
  /** The real path of `absolute`. */
  real: string;
  /**
   * Manifests whose real path is not `real` joined with their path: links, and files reached
   * through a linked folder. Reading resolves these; the others need no second resolution.
   */
  linked: string[];
  problems: DiscoveryProblem[];
  /**
   * Links the walk did not follow (loops, folders outside the audited root): worth knowing, never
   * a failure of the repository.
   */
  notes: string[];
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
  /** The real path of the root (or listed repository) being searched: links never lead out of it. */
  within: string;
  /**
   * Links to folders, searched once every real folder of the root has been: a link can then never
   * take a folder (or a nested repository) away from where it really is.
   */
  links: { folder: Folder; repository: Repository; stack: string[] }[];
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
  const walk: Walk = { reader, options, found: [], visited: new Set(), within: '/', links: [] };
  for (const root of input.roots) {
    walk.within = root.real;
    searchRoot(walk, root);
    followLinks(walk);
  }
  for (const folder of input.listed) {
    walk.within = folder.real;
    const repository = newRepository(walk, folder);
    walk.found.push(repository);
    if (!walk.visited.has(folder.real)) searchFolder(walk, folder, repository, [folder.real]);
    followLinks(walk);
  }
  const byPath = new Map<string, FoundRepository>();
  for (const repository of walk.found) {
    const same = byPath.get(repository.path);
    if (!same) byPath.set(repository.path, repository);
    else {
      same.manifests.push(...repository.manifests);
      same.linked.push(...repository.linked);
      same.problems.push(...repository.problems);
      same.notes.push(...repository.notes);
    }
  }
  return [...byPath.values()]
    .sort((a, b) => compareText(a.path, b.path))
    .map((r) => ({
      path: r.path,
      absolute: r.absolute,
      within: r.within,
      manifests: [...new Set(r.manifests)].sort(compareText),
      real: r.real,
      linked: [...new Set(r.linked)].sort(compareText),
      problems: r.problems,
      notes: r.notes,
    }));
}

/** A root that is not itself a repository only groups them: its direct subfolders are repositories. */
function searchRoot(walk: Walk, root: Folder): void {
  const rootRepository = newRepository(walk, root);
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
      if (walk.options.manifestNames.includes(entry.name)) addManifest(walk, rootRepository, entry.name, realFile(root, entry));
      continue;
    }
    if (child === undefined) continue;
    const repository = newRepository(walk, child);
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

/** `real`: the repository folder's real path; links to folders are followed only inside it. */
type Repository = FoundRepository & { hasGit?: boolean; real: string };

function followLinks(walk: Walk): void {
  for (let link = walk.links.shift(); link !== undefined; link = walk.links.shift()) {
    if (!walk.visited.has(link.folder.real)) searchFolder(walk, link.folder, link.repository, link.stack);
  }
}

function newRepository(walk: Walk, folder: Folder): Repository {
  return { path: folder.shown, absolute: folder.absolute, within: walk.within, real: folder.real, manifests: [], linked: [], problems: [], notes: [] };
}

function searchFolder(walk: Walk, folder: Folder, repository: Repository, stack: string[]): void {
  walk.visited.add(folder.real);
  const entries = listFolder(walk, folder, repository);
  if (entries === undefined) return;
  let owner = repository;
  if (entries.some((e) => e.name === '.git')) {
    if (folder.absolute === repository.absolute) repository.hasGit = true;
    else {
      owner = newRepository(walk, folder);
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
      if (walk.options.manifestNames.includes(entry.name)) addManifest(walk, repository, relativeTo(repository, folder, entry.name), realFile(folder, entry));
    } else if (child !== undefined && entry.kind === 'symlink') {
      walk.links.push({ folder: child, repository, stack: [...stack, child.real] });
    } else if (child !== undefined && !walk.visited.has(child.real)) {
      searchFolder(walk, child, repository, [...stack, child.real]);
    }
  }
}

/**
 * The subfolder an entry leads to, 'file' for files (links to files inside the root included),
 * undefined to pass it by. An entry with a manifest's name that is no readable file inside the root
 * (a folder, a FIFO or device, a dangling link, a link out of the root) is the repository's problem.
 */
function childFolder(walk: Walk, folder: Folder, entry: FolderEntry, repository: Repository, stack: string[]): Folder | 'file' | undefined {
  const absolute = posix.join(folder.absolute, entry.name);
  const shown = posix.join(folder.shown, entry.name);
  const isManifest = walk.options.manifestNames.includes(entry.name);
  const notAFile = (reason: string) => {
    repository.problems.push({ code: 'not-a-file', message: `${shown} ${reason}, not a manifest file` });
  };
  if (entry.kind === 'file') return 'file';
  if (entry.kind === 'directory') {
    if (isManifest) notAFile('is a folder');
    if (walk.options.skippedDirectories.has(entry.name)) return undefined;
    return { absolute, shown, real: posix.join(folder.real, entry.name) };
  }
  if (entry.kind !== 'symlink') {
    if (isManifest) notAFile(`is ${KIND_NAMES[entry.kind]}`);
    return undefined;
  }
  let kind: Exclude<EntryKind, 'symlink'>;
  let real: string;
  try {
    real = walk.reader.realpath(absolute);
    kind = walk.reader.kindOf(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') {
      if (isManifest) notAFile('is a symbolic link that leads back to itself');
      else repository.notes.push(`${shown} is a symbolic link that leads back to itself; not followed`);
    } else if (isManifest) notAFile(code === 'ENOENT' ? 'is a symbolic link to nothing (its target does not exist)' : `is a symbolic link that cannot be followed (${code ?? 'error'})`);
    // A dangling link by any other name is common and harmless: there is nothing behind it to search.
    return undefined;
  }
  if (!isInside(real, walk.within)) {
    // Never read, never followed: the audit stays inside what it was asked to audit.
    if (isManifest) repository.problems.push({ code: 'outside-root', message: `${shown} is a symbolic link that leads outside the audited folder; not read` });
    else if (kind === 'directory') repository.notes.push(`${shown} is a symbolic link to a folder outside the audited folder; not followed`);
    return undefined;
  }
  if (kind === 'file') return 'file';
  if (kind !== 'directory') {
    if (isManifest) notAFile(`is a symbolic link to ${KIND_NAMES[kind]}`);
    return undefined;
  }
  if (isManifest) notAFile('is a symbolic link to a folder');
  if (walk.options.skippedDirectories.has(entry.name)) return undefined;
  // A link to a folder that encloses this one would make the walk endless.
  if (stack.includes(real) || isInside(folder.real, real)) {
    repository.notes.push(`${shown} is a symbolic link to a folder that encloses it; not followed`);
    return undefined;
  }
  // Another repository is judged where it is: a link into it would count its manifests twice.
  if (!isInside(real, repository.real)) {
    repository.notes.push(`${shown} is a symbolic link to a folder outside its repository; not followed`);
    return undefined;
  }
  return { absolute, shown, real };
}

const KIND_NAMES: Record<Exclude<EntryKind, 'symlink' | 'file' | 'directory'>, string> = {
  fifo: 'a named pipe (FIFO)',
  socket: 'a socket',
  device: 'a device',
  other: 'something other than a regular file',
};

/** Whether `path` is `folder` or below it (both real paths). */
function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
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

function addManifest(walk: Walk, repository: Repository, path: string, real: string | undefined): void {
  repository.manifests.push(path);
  if (real === undefined || real !== posix.join(repository.real, path)) repository.linked.push(path);
  walk.options.onManifest?.();
}

/** A plain file's real path is its folder's joined with its name; a link's must be resolved when read. */
function realFile(folder: Folder, entry: FolderEntry): string | undefined {
  return entry.kind === 'file' ? posix.join(folder.real, entry.name) : undefined;
}

function relativeTo(repository: Repository, folder: Folder, name: string): string {
  const inside = posix.relative(repository.absolute, folder.absolute);
  return inside === '' ? name : `${inside}/${name}`;
}
