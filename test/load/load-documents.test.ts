// Multi-document YAML for gateway and cluster configs: the fast plain reader and the full parser
// agree on every value and every line:column, documents keep the file's own line numbers, and
// the manifest guards (aliases, duplicate keys) hold.
import { readFileSync } from 'node:fs';
import { globSync } from 'glob';
import { LineCounter, parseAllDocuments, isMap } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadDocuments } from '../../src/load/load-documents.ts';
import { SourcePositions } from '../../src/load/source-positions.ts';

type Path = (string | number)[];

function pathsOf(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (typeof value === 'object' && value !== null) return [at, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  return [at];
}

// A file of template actions is not YAML until rendered (test/sources/kubernetes.test.ts refuses it).
const fixtures = globSync('test/fixtures/drift/**/*.yaml')
  .filter((f) => !f.endsWith('routewise.yaml') && !f.includes('/templated/'))
  .sort();

describe('loading gateway and cluster YAML', () => {
  it.each(fixtures)('%s: same values and positions as the full parser', (file) => {
    const text = readFileSync(file, 'utf8');
    const loaded = loadDocuments(file, readFileSync(file));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const lines = new LineCounter();
    const docs = parseAllDocuments(text, { lineCounter: lines }).filter((d) => isMap(d.contents));
    expect(loaded.value.parts.map((p) => p.data)).toEqual(docs.map((d) => d.toJS()));
    loaded.value.parts.forEach((part, i) => {
      const full = new SourcePositions(file, docs[i]!, lines);
      for (const path of pathsOf(part.data)) {
        expect([path, part.positionOf(path)]).toEqual([path, full.positionOf(path)]);
        expect([path, part.valuePositionOf(path)]).toEqual([path, full.valuePositionOf(path)]);
      }
    });
  });

  it('keeps the file line numbers of later documents, and leaves out empty ones', () => {
    const text = '---\n# first\na: 1\n---\n---\nkind: Service\nmetadata:\n  name: x\n...\n';
    const loaded = loadDocuments('k.yaml', new TextEncoder().encode(text));
    if (!loaded.ok) throw new Error('did not load');
    expect(loaded.value.parts.map((p) => p.data)).toEqual([{ a: 1 }, { kind: 'Service', metadata: { name: 'x' } }]);
    expect(loaded.value.parts[1]!.valuePositionOf(['metadata', 'name'])).toEqual({ file: 'k.yaml', line: 8, column: 9 });
  });

  it('refuses duplicate keys and alias bombs at their place, in any document', () => {
    const dup = loadDocuments('k.yaml', new TextEncoder().encode('a: 1\n---\nb: 1\nb: 2\n'));
    expect(dup.ok ? [] : dup.problems.map((p) => [p.code, p.position?.line])).toEqual([['yaml-duplicate-key', 4]]);
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const bomb = loadDocuments('k.yaml', new TextEncoder().encode(`ok: 1\n---\n${levels.join('\n')}\n`));
    expect(bomb.ok ? [] : bomb.problems.map((p) => p.code)).toEqual(['yaml-too-many-aliases']);
  });
});
