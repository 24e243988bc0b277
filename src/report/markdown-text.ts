// Inline Markdown text for every Markdown format (check and audit): user-supplied text can
// neither break a table nor turn into markup.

// Character references render as the character itself and are never read as syntax, which
// covers table pipes, emphasis, code spans, links, and raw HTML alike.
const MARKUP = /[&<>|\\*_`[\]~#]/g;

/** Inline text safe in a table cell or heading; line breaks become <br>. */
export function markdownText(text: string): string {
  return text.replace(MARKUP, (char) => `&#${char.charCodeAt(0)};`).replace(/\r\n|\r|\n/g, '<br>');
}
