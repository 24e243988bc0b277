// Inline Markdown text for every Markdown format (check and audit): user-supplied text can
// neither break a table nor turn into markup.

// Character references render as the character itself and are never read as syntax, which
// covers table pipes, emphasis, code spans, links, and raw HTML alike.
const MARKUP = /[&<>|\\*_`[\]~#]/g;

/** Inline text safe in a table cell or heading; line breaks become <br>. */
export function markdownText(text: string): string {
  return text.replace(MARKUP, (char) => `&#${char.charCodeAt(0)};`).replace(/\r\n|\r|\n/g, '<br>');
}

// Messages and remediations write field names and values as `code`. Shown escaped they would be
// literal backticks; a Markdown code span would end at a table pipe. An HTML <code> element with
// escaped content renders as code and can break nothing.
const CODE_SPAN = /`([^`\r\n]+)`/g;

/** Like markdownText, but `code` spans written in rule messages render as code. */
export function markdownProse(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(CODE_SPAN)) {
    out += markdownText(text.slice(last, m.index)) + `<code>${markdownText(m[1]!)}</code>`;
    last = m.index + m[0].length;
  }
  return out + markdownText(text.slice(last));
}

/**
 * Text with amounts of money: escaped as markdownText, and its dollar signs written as references,
 * since two on one line would open a math span on GitHub.
 */
export function markdownMoney(text: string): string {
  return markdownText(text).replace(/\$/g, '&#36;');
}
