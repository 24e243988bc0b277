// Characters from other scripts that look like Latin letters or digits (a Cyrillic `а` in
// `clаude`). Ids, names and enum values are ASCII; a look-alike is invisible in an editor, so the
// hint names the character, its code point and the letter it imitates instead of guessing a slug.

interface LookAlike {
  name: string;
  latin: string;
}

// The confusable letters people meet in practice: pasted from documents, keyboard layouts,
// homoglyph attacks. Not exhaustive; other non-ASCII characters are still named by code point.
const LOOK_ALIKES: ReadonlyMap<string, LookAlike> = new Map([
  ['\u0430', { name: 'Cyrillic small letter a', latin: 'a' }],
  ['\u0435', { name: 'Cyrillic small letter ie', latin: 'e' }],
  ['\u043e', { name: 'Cyrillic small letter o', latin: 'o' }],
  ['\u0440', { name: 'Cyrillic small letter er', latin: 'p' }],
  ['\u0441', { name: 'Cyrillic small letter es', latin: 'c' }],
  ['\u0443', { name: 'Cyrillic small letter u', latin: 'y' }],
  ['\u0445', { name: 'Cyrillic small letter ha', latin: 'x' }],
  ['\u0456', { name: 'Cyrillic small letter Byelorussian-Ukrainian i', latin: 'i' }],
  ['\u0458', { name: 'Cyrillic small letter je', latin: 'j' }],
  ['\u0455', { name: 'Cyrillic small letter dze', latin: 's' }],
  ['\u0501', { name: 'Cyrillic small letter komi de', latin: 'd' }],
  ['\u04bb', { name: 'Cyrillic small letter shha', latin: 'h' }],
  ['\u0410', { name: 'Cyrillic capital letter a', latin: 'A' }],
  ['\u0412', { name: 'Cyrillic capital letter ve', latin: 'B' }],
  ['\u0415', { name: 'Cyrillic capital letter ie', latin: 'E' }],
  ['\u041a', { name: 'Cyrillic capital letter ka', latin: 'K' }],
  ['\u041c', { name: 'Cyrillic capital letter em', latin: 'M' }],
  ['\u041d', { name: 'Cyrillic capital letter en', latin: 'H' }],
  ['\u041e', { name: 'Cyrillic capital letter o', latin: 'O' }],
  ['\u0420', { name: 'Cyrillic capital letter er', latin: 'P' }],
  ['\u0421', { name: 'Cyrillic capital letter es', latin: 'C' }],
  ['\u0422', { name: 'Cyrillic capital letter te', latin: 'T' }],
  ['\u0425', { name: 'Cyrillic capital letter ha', latin: 'X' }],
  ['\u03b1', { name: 'Greek small letter alpha', latin: 'a' }],
  ['\u03bf', { name: 'Greek small letter omicron', latin: 'o' }],
  ['\u03b9', { name: 'Greek small letter iota', latin: 'i' }],
  ['\u03ba', { name: 'Greek small letter kappa', latin: 'k' }],
  ['\u03bd', { name: 'Greek small letter nu', latin: 'v' }],
  ['\u03c1', { name: 'Greek small letter rho', latin: 'p' }],
  ['\u03c4', { name: 'Greek small letter tau', latin: 't' }],
  ['\u03c5', { name: 'Greek small letter upsilon', latin: 'u' }],
  ['\u0391', { name: 'Greek capital letter alpha', latin: 'A' }],
  ['\u0392', { name: 'Greek capital letter beta', latin: 'B' }],
  ['\u0395', { name: 'Greek capital letter epsilon', latin: 'E' }],
  ['\u0397', { name: 'Greek capital letter eta', latin: 'H' }],
  ['\u0399', { name: 'Greek capital letter iota', latin: 'I' }],
  ['\u039a', { name: 'Greek capital letter kappa', latin: 'K' }],
  ['\u039c', { name: 'Greek capital letter mu', latin: 'M' }],
  ['\u039d', { name: 'Greek capital letter nu', latin: 'N' }],
  ['\u039f', { name: 'Greek capital letter omicron', latin: 'O' }],
  ['\u03a1', { name: 'Greek capital letter rho', latin: 'P' }],
  ['\u03a4', { name: 'Greek capital letter tau', latin: 'T' }],
  ['\u03a7', { name: 'Greek capital letter chi', latin: 'X' }],
  ['\u0131', { name: 'Latin small letter dotless i', latin: 'i' }],
  ['\u2010', { name: 'hyphen', latin: '-' }],
  ['\u2011', { name: 'non-breaking hyphen', latin: '-' }],
  ['\u2012', { name: 'figure dash', latin: '-' }],
  ['\u2013', { name: 'en dash', latin: '-' }],
  ['\u2212', { name: 'minus sign', latin: '-' }],
]);

export interface ForeignCharacter {
  /** The character as written. */
  char: string;
  /** `U+0430`. */
  codePoint: string;
  name?: string;
  /** The ASCII character it imitates, when it is a known look-alike. */
  latin?: string;
}

function codePointOf(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The non-ASCII characters of `text`, each once, in order of appearance. */
export function foreignCharacters(text: string): ForeignCharacter[] {
  const seen = new Set<string>();
  const found: ForeignCharacter[] = [];
  for (const char of text) {
    if (char.codePointAt(0)! < 0x80 || seen.has(char)) continue;
    seen.add(char);
    const known = LOOK_ALIKES.get(char) ?? LOOK_ALIKES.get(char.normalize('NFKC'));
    const fullwidth = char.normalize('NFKC');
    const latin = known?.latin ?? (fullwidth.length === 1 && fullwidth.codePointAt(0)! < 0x80 ? fullwidth : undefined);
    found.push({ char, codePoint: codePointOf(char), ...(known ? { name: known.name } : {}), ...(latin ? { latin } : {}) });
  }
  return found;
}

/** `text` with every known look-alike replaced by the ASCII character it imitates. */
export function withLatinLetters(text: string): string {
  return [...text].map((char) => foreignCharacters(char)[0]?.latin ?? char).join('');
}

/**
 * A hint for a value holding characters outside ASCII: names each, says which Latin character a
 * look-alike imitates. Undefined when the text is plain ASCII.
 */
export function foreignCharacterHint(text: string): string | undefined {
  const foreign = foreignCharacters(text);
  if (foreign.length === 0) return undefined;
  const described = foreign.map((f) => {
    const what = `\`${f.char}\` (${f.codePoint}${f.name ? `, ${f.name}` : ''})`;
    return f.latin ? `${what} looks like the Latin \`${f.latin}\` but is not it` : `${what} is not ASCII`;
  });
  const retyped = withLatinLetters(text);
  const suggestion = retyped !== text && foreignCharacters(retyped).length === 0 ? `; retype it as \`${retyped}\`` : '';
  return `${described.join('; ')}${suggestion}`;
}
