// Line starts of a text as the full YAML parser records them (0, then just after every
// newline), for turning offsets into line:column without parsing.
import { LineCounter } from 'yaml';

export function lineStartsOf(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) lines.addNewLine(nl + 1);
  return lines;
}
