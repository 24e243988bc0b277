// Text that came from a file (a manifest line, a folder name, a waiver reason, a policy title),
// made safe to print in CI logs and terminals: control characters are shown as escapes (`\x1b`,
// `\r`), and no printed line can be read by a CI runner as a workflow command (`::add-mask::`,
// `::stop-commands::`, `##[error]`, `##vso[`). Every text output goes through here.

// C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional
// overrides and isolates that can make a line read differently from what it holds.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeControl(c: string): string {
  const named = NAMED[c];
  if (named !== undefined) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One value on one line: every control character, line breaks included, shown as an escape. */
export function printable(value: string): string {
  return neutralizeCommands(value.replace(CONTROL, escapeControl));
}

/**
 * Text that may span lines (a policy's message): each line escaped as `printable`, continuation
 * lines indented by `indent` so they stay under what they continue.
 */
export function printableLines(text: string, indent: string): string {
  return text
    .split(/\r\n|\n/)
    .map((line) => printable(line))
    .join(`\n${indent}`);
}

/**
 * A whole rendered text output, line by line: a line that a runner would read as a command is
 * defused. Renderers escape each value with `printable`; this is the guard for what they join.
 * Only colour sequences (SGR) of routewise's own survive; other escape bytes are shown escaped.
 */
export function safeOutput(text: string): string {
  return text
    .split('\n')
    .map((line) => neutralizeCommands(line.replace(/\u001b(?!\[[0-9;]*m)|[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f-\u009f\u2028\u2029]/g, escapeControl)))
    .join('\n');
}

// The GitHub runner reads `::name ...::` at the start of a line (leading spaces ignored) and
// `##[name]` anywhere in it; Azure Pipelines reads `##vso[` anywhere.
function neutralizeCommands(line: string): string {
  return line.replace(/^(\s*):(?=:)/, '$1\\x3a').replace(/#(?=#(?:vso)?\[)/gi, '\\x23');
}
