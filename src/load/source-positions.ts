// Maps paths in the data back to the YAML nodes that wrote them, so problems and findings about
// a value can name its line and column.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { SourcePosition } from '../problems/problem.ts';
import type { DocumentPath } from './loaded-document.ts';

interface Located {
  /** Offset of the node the path reaches (the key, for a mapping entry). */
  keyOffset: number;
  /** Offset of the value, or of the key when the entry has no value. */
  valueOffset: number;
}

export class SourcePositions {
  constructor(
    private readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  positionOf(path: DocumentPath): SourcePosition {
    return this.at(this.locate(path).keyOffset);
  }

  valuePositionOf(path: DocumentPath): SourcePosition {
    return this.at(this.locate(path).valueOffset);
  }

  private at(offset: number): SourcePosition {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, column: col };
  }

  /** Follows the path as far as it exists; stops at the nearest existing node. */
  private locate(path: DocumentPath): Located {
    let node: unknown = this.doc.contents;
    const start = startOf(node) ?? 0;
    let found: Located = { keyOffset: start, valueOffset: start };
    for (const segment of path) {
      node = this.resolve(node);
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        const keyOffset = startOf(pair.key) ?? found.keyOffset;
        found = { keyOffset, valueOffset: startOf(pair.value) ?? keyOffset };
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        const offset = startOf(item);
        if (offset === undefined) break;
        found = { keyOffset: offset, valueOffset: offset };
        node = item;
      } else {
        break;
      }
    }
    return found;
  }

  private resolve(node: unknown): unknown {
    // Aliases stand for their anchored node; a bounded loop guards against alias chains.
    for (let i = 0; i < 8 && isAlias(node); i++) node = node.resolve(this.doc);
    return node;
  }
}

function startOf(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}
