// Finds the conformance corpora next to the repository and loads their YAML cases.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export type CorpusName = 'opa-v1' | 'regorus';
export const CORPORA: CorpusName[] = ['opa-v1', 'regorus'];

export interface Case {
  corpus: CorpusName;
  category: string;
  file: string;
  note: string;
  raw: Record<string, unknown>;
}

/** `CONFORMANCE_DIR` points elsewhere when the repository is not checked out beside `shared`. */
export function corpusRoot(): string {
  if (process.env.CONFORMANCE_DIR) return resolve(process.env.CONFORMANCE_DIR);
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  return resolve(repo, '..', 'shared', 'conformance');
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

export function loadCases(root: string): Case[] {
  const cases: Case[] = [];
  for (const corpus of CORPORA) {
    const dir = join(root, corpus);
    if (!existsSync(dir)) continue;
    for (const path of yamlFiles(dir)) {
      const rel = relative(dir, path);
      const category = rel.includes(sep) ? rel.split(sep)[0]! : '(top)';
      let doc: { cases?: Record<string, unknown>[] } | null;
      try {
        doc = parse(readFileSync(path, 'utf8'), { intAsBigInt: true, strict: false, uniqueKeys: false }) as typeof doc;
      } catch (e) {
        // A file our YAML reader rejects counts as one skipped case, so it stays visible.
        cases.push({ corpus, category, file: rel, note: '(unreadable YAML)', raw: { skip: true, unreadable: String(e) } });
        continue;
      }
      for (const raw of doc?.cases ?? []) {
        cases.push({ corpus, category, file: rel, note: String(raw.note ?? ''), raw });
      }
    }
  }
  return cases;
}

export { existsSync };
