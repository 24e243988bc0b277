// Go's quoted string and rune literals (strconv.Quote and friends), which OPA's messages and
// sprintf's %q verb produce, so quoted text reads exactly as OPA prints it.

function isPrint(ch: string): boolean {
  return ch === ' ' || /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch);
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

const SHORT_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

function escapeChar(ch: string, quote: string, asciiOnly: boolean): string {
  if (ch === quote || ch === '\\') return '\\' + ch;
  const cp = ch.codePointAt(0)!;
  if (asciiOnly ? cp < 0x80 && isPrint(ch) : isPrint(ch)) return ch;
  const short = SHORT_ESCAPES[ch];
  if (short) return short;
  if (cp < 0x20 || cp === 0x7f) return '\\x' + hex(cp, 2);
  if (cp < 0x10000) return '\\u' + hex(cp, 4);
  return '\\U' + hex(cp, 8);
}

/** strconv.Quote, or strconv.QuoteToASCII when `asciiOnly`. */
export function goQuote(s: string, asciiOnly = false): string {
  let out = '"';
  for (const ch of s) out += escapeChar(ch, '"', asciiOnly);
  return out + '"';
}

/** strconv.QuoteRune: a code point as a single-quoted Go rune literal. */
export function goQuoteRune(cp: number, asciiOnly = false): string {
  const ch = cp >= 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
  return "'" + escapeChar(ch, "'", asciiOnly) + "'";
}

/** strconv.CanBackquote: whether `s` can be written as a raw Go string literal. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    if (ch === '`' || ch === '\ufeff') return false;
    const cp = ch.codePointAt(0)!;
    if ((cp < 0x20 && ch !== '\t') || cp === 0x7f) return false;
  }
  return true;
}
