// The cost report's formats, by name.
import type { CostFormat } from './cost-format.ts';
import { jsonFormat } from './json.ts';
import { markdownFormat } from './markdown.ts';
import { textFormat } from './text.ts';

export const costFormats: ReadonlyMap<string, CostFormat> = new Map([
  ['text', textFormat],
  ['json', jsonFormat],
  ['markdown', markdownFormat],
]);
