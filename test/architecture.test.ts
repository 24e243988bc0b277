// The folders of src/ are the stages of one pipeline, listed in order in docs/architecture.md.
// Dependencies point one way: a folder imports only folders listed above it, the Rego engine is
// a library that imports nothing of routewise and is entered through its index, and nothing
// imports the shells (cli/, action/).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = 'src';

/** The folder list of docs/architecture.md, in order: lines like ` load/       bytes -> ...`. */
function documentedOrder(): string[] {
  const doc = readFileSync('docs/architecture.md', 'utf8');
  const block = doc.slice(doc.indexOf('```'), doc.indexOf('```', doc.indexOf('```') + 3));
  return [...block.matchAll(/^ ([a-z]+)\/ /gm)].map((m) => m[1]!);
}

interface Edge {
  from: string;
  file: string;
  to: string;
  target: string;
}

/** Every relative import between files of different top-level folders. */
function crossFolderImports(): Edge[] {
  const edges: Edge[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (/\.(ts|js|mjs)$/.test(e.name)) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
          const target = normalize(join(dirname(path), m[1]!));
          const [from, to] = [relative(SRC, path).split('/')[0]!, relative(SRC, target).split('/')[0]!];
          if (from !== to && !target.startsWith('..')) edges.push({ from, file: path, to, target });
        }
      }
    }
  };
  walk(SRC);
  return edges;
}

describe('the layout of src/', () => {
  const order = documentedOrder();
  const edges = crossFolderImports();

  it('documents every folder of src/', () => {
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect([...order].sort()).toEqual([...folders].sort());
  });

  it('imports only from folders listed above (no cycles)', () => {
    const upward = edges.filter((e) => order.indexOf(e.to) >= order.indexOf(e.from));
    expect(upward.map((e) => `${e.file} -> ${e.target}`)).toEqual([]);
  });

  it('keeps the Rego engine free of routewise, and enters it only through rego/index.ts', () => {
    expect(edges.filter((e) => e.from === 'rego').map((e) => `${e.file} -> ${e.target}`)).toEqual([]);
    expect(edges.filter((e) => e.to === 'rego' && e.target !== join(SRC, 'rego', 'index.ts')).map((e) => `${e.file} -> ${e.target}`)).toEqual([]);
  });

  it('lets nothing import the shells', () => {
    expect(edges.filter((e) => e.to === 'cli' || e.to === 'action').map((e) => `${e.file} -> ${e.target}`)).toEqual([]);
  });
});
