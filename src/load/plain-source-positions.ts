// Maps paths in the data back to where the plain YAML reader found them, the same way
// SourcePositions does for the full parser's nodes, so both paths report the same line:column.
import type { LineCounter } from 'yaml';
import type { SourcePosition } from '../problems/problem.ts';
import { lineStartsOf } from './line-starts.ts';
import type { DocumentPath } from './loaded-document.ts';
import type { PlainMap, PlainNode } from './plain-yaml.ts';

export class PlainSourcePositions {
  /** Built on the first question: most documents are never asked where anything is. */
  private lines: LineCounter | undefined;

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly root: PlainMap,
  ) {}

  positionOf(path: DocumentPath): SourcePosition {
    return this.at(this.locate(path, false));
  }

  valuePositionOf(path: DocumentPath): SourcePosition {
    return this.at(this.locate(path, true));
  }

  private at(offset: number): SourcePosition {
    const { line, col } = this.lineCounter().linePos(offset);
    return { file: this.file, line, column: col };
  }

  private lineCounter(): LineCounter {
    this.lines ??= lineStartsOf(this.text);
    return this.lines;
  }

  /** Follows the path as far as it exists; the offset of the nearest existing node. */
  private locate(path: DocumentPath, atValue: boolean): number {
    let node: PlainNode = this.root;
    let keyOffset = node.offset;
    let valueOffset = node.offset;
    for (const segment of path) {
      if (node.kind === 'map') {
        const index = node.keys.indexOf(String(segment));
        if (index === -1) break;
        keyOffset = node.keyOffsets[index]!;
        node = node.values[index]!;
        valueOffset = node.offset;
      } else if (node.kind === 'seq' && typeof segment === 'number') {
        const item: PlainNode | undefined = node.items[segment];
        if (item === undefined) break;
        node = item;
        keyOffset = valueOffset = item.offset;
      } else {
        break;
      }
    }
    return atValue ? valueOffset : keyOffset;
  }
}
