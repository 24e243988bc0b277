// A manifest file after reading and parsing: plain data plus a way back from any path in the
// data to its line and column, so every later stage can point at the source.
import type { SourcePosition } from '../problems/problem.ts';

export type DocumentPath = readonly (string | number)[];

export interface LoadedDocument {
  /** The file name as given (used in positions). */
  file: string;
  /** The decoded text (UTF-8, without BOM). */
  text: string;
  /** The top-level mapping as plain JS values (objects, arrays, strings, numbers, booleans, null). */
  data: Record<string, unknown>;
  /**
   * Where a path is written: the nearest existing node for the path. When the path ends at a
   * mapping entry it points at the key (`owner:`), for a sequence item at the item.
   */
  positionOf(path: DocumentPath): SourcePosition;
  /** Like positionOf, but for a mapping entry it points at the value (`claims-team`) when there is one. */
  valuePositionOf(path: DocumentPath): SourcePosition;
}
