// Finds the manifests a command should read from its path arguments: files as given,
// directories searched for the manifest names, globs expanded. Missing paths are problems.
// Folders are read synchronously: a run has nothing else to do meanwhile, and awaiting each of a
// thousand folders in turn left the process idle for a fifth of a 1,000-manifest check.
import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Problem, SourcePosition } from '../problems/problem.ts';

/** File names that hold a manifest, in order of preference (manifest-v1). */
export const MANIFEST_NAMES: readonly string[] = ['routewise.yaml', 'routewise.yml', '.routewise.yaml', 'routewise.json'];

/** Directories that hold other people's code or tool state, never a project's own manifest. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set([
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  'vendor',
  'bower_components',
  '.venv',
  'venv',
]);

export interface Discovery {
  files: string[];
  problems: Problem[];
}

export async function discoverManifests(args: string[], cwd: string): Promise<Discovery> {
  const files: string[] = [];
  const problems: Problem[] = [];

  if (args.length === 0) {
    for (const name of MANIFEST_NAMES) {
      if (isFile(join(cwd, name))) files.push(name);
    }
    if (files.length === 0) {
      problems.push({
        code: 'manifest-not-found',
        message: `no manifest (${MANIFEST_NAMES.join(', ')}) in the current directory`,
        hint: 'pass the manifest path, or create one with `routewise init`',
      });
    }
    return finish(files, problems, cwd);
  }

  for (const arg of args) {
    if (await isGlob(arg)) {
      const { glob } = await import('glob');
      const matches = await glob(arg, {
        cwd,
        dot: true,
        ignore: [...SKIPPED_DIRECTORIES].map((d) => `**/${d}/**`),
        windowsPathsNoEscape: true,
      });
      if (matches.length === 0) {
        problems.push({ code: 'glob-no-match', message: `no files match \`${arg}\``, hint: 'check the pattern, or quote it so the shell does not expand it' });
      }
      for (const match of matches.sort()) await addPath(match, arg, cwd, files, problems, true);
      continue;
    }
    await addPath(arg, arg, cwd, files, problems, false);
  }
  return finish(files, problems, cwd);
}

/** A pattern needs one of these characters; plain paths, the usual case, never load glob. */
const GLOB_CHARACTERS = /[*?[\]{}()]/;

async function isGlob(arg: string): Promise<boolean> {
  if (!GLOB_CHARACTERS.test(arg)) return false;
  const { hasMagic } = await import('glob');
  // Braces alone are a pattern too (`{api,web}/routewise.yaml`); glob expands them.
  return hasMagic(arg, { windowsPathsNoEscape: true, magicalBraces: true });
}

async function addPath(path: string, arg: string, cwd: string, files: string[], problems: Problem[], fromGlob: boolean): Promise<void> {
  const absolute = resolve(cwd, path);
  let info;
  try {
    info = statSync(absolute);
  } catch {
    problems.push({ code: 'path-not-found', message: `no such file or directory: ${arg}`, position: at(arg) });
    return;
  }
  if (info.isFile()) {
    files.push(path);
    return;
  }
  if (!info.isDirectory()) {
    problems.push({ code: 'not-a-file', message: `not a file or directory: ${path}`, position: at(path) });
    return;
  }
  const found: string[] = [];
  searchDirectory(absolute, path, found, problems);
  if (found.length === 0 && !fromGlob && MANIFEST_NAMES.includes(basename(absolute))) {
    problems.push({
      code: 'not-a-file',
      message: `${path} is a directory, not a manifest file`,
      position: at(path),
      hint: 'rename the directory, or pass the manifest file inside it',
    });
  } else if (found.length === 0 && !fromGlob) {
    problems.push({
      position: at(path),
      code: 'manifest-not-found',
      message: `no manifest (${MANIFEST_NAMES.join(', ')}) under ${path}`,
      hint: 'pass the manifest file itself, or create one with `routewise init`',
    });
  }
  files.push(...found);
}

function searchDirectory(absolute: string, shown: string, found: string[], problems: Problem[]): void {
  let entries;
  try {
    entries = readdirSync(absolute, { withFileTypes: true });
  } catch (error) {
    problems.push({ code: 'unreadable', message: `cannot read directory ${shown}: ${(error as NodeJS.ErrnoException).code ?? 'error'}` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const childAbsolute = join(absolute, entry.name);
    const childShown = join(shown, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) searchDirectory(childAbsolute, childShown, found, problems);
    } else if (MANIFEST_NAMES.includes(entry.name)) {
      // Symlinked manifests count; symlinked directories are not followed (no cycles).
      if (entry.isFile() || (entry.isSymbolicLink() && isFile(childAbsolute))) found.push(childShown);
    }
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** One entry per file (by absolute path), sorted, so output does not depend on argument order. */
function finish(files: string[], problems: Problem[], cwd: string): Discovery {
  const seen = new Set<string>();
  const unique = files.filter((file) => {
    const key = resolve(cwd, file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  unique.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files: unique, problems };
}

/** Problems about a path given on the command line point at that path. */
function at(file: string): SourcePosition {
  return { file, line: 1, column: 1 };
}
