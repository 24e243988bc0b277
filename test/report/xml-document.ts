// A small, strict XML 1.0 reader for tests: elements, attributes, text, character and the five
// predefined entity references. It throws on anything not well-formed, so a passing parse proves
// a report is well-formed; it returns the tree so tests can assert structure.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

const NAME = /[A-Za-z_:][\w.:-]*/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// The Char production of XML 1.0, checked on the raw document.
const NOT_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export function parseXml(input: string): XmlElement {
  if (NOT_CHAR.test(input)) throw new Error('document contains a character XML 1.0 does not allow');
  const text = input.replace(/\r\n?/g, '\n');
  let at = 0;

  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${at}: ${JSON.stringify(text.slice(at, at + 30))}`);
  };
  const skipSpace = () => {
    while (at < text.length && ' \t\n'.includes(text[at]!)) at += 1;
  };
  const name = (): string => {
    NAME.lastIndex = at;
    const match = NAME.exec(text);
    if (!match) fail('expected a name');
    at += match![0].length;
    return match![0];
  };
  const decode = (raw: string): string =>
    raw.replace(/&([^;&]*);|&/g, (whole, ref: string | undefined) => {
      if (ref === undefined) return fail(`bare "&" in ${JSON.stringify(raw)}`);
      if (ref in ENTITIES) return ENTITIES[ref]!;
      const code = /^#x([0-9A-Fa-f]+)$/.exec(ref)?.[1] ?? /^#(\d+)$/.exec(ref)?.[1];
      if (code === undefined) return fail(`unknown entity ${whole}`);
      const point = ref.startsWith('#x') ? parseInt(code, 16) : parseInt(code, 10);
      const char = String.fromCodePoint(point);
      if (NOT_CHAR.test(char)) fail(`reference to a forbidden character ${whole}`);
      return char;
    });

  const element = (): XmlElement => {
    if (text[at] !== '<') fail('expected "<"');
    at += 1;
    const node: XmlElement = { name: name(), attributes: {}, children: [] };
    for (;;) {
      const before = at;
      skipSpace();
      if (text.startsWith('/>', at)) {
        at += 2;
        return node;
      }
      if (text[at] === '>') {
        at += 1;
        break;
      }
      if (at === before) fail('expected whitespace before an attribute');
      const attribute = name();
      if (attribute in node.attributes) fail(`duplicate attribute ${attribute}`);
      skipSpace();
      if (text[at] !== '=') fail('expected "="');
      at += 1;
      skipSpace();
      const quote = text[at];
      if (quote !== '"' && quote !== "'") fail('expected a quoted value');
      const end = text.indexOf(quote!, at + 1);
      if (end < 0) fail('unterminated attribute value');
      const raw = text.slice(at + 1, end);
      if (raw.includes('<')) fail('"<" in an attribute value');
      // Literal white space in attribute values is normalised to spaces, as parsers do.
      node.attributes[attribute] = decode(raw.replace(/[\t\n]/g, ' '));
      at = end + 1;
    }
    for (;;) {
      if (at >= text.length) fail(`unclosed <${node.name}>`);
      if (text.startsWith('</', at)) {
        at += 2;
        const closing = name();
        if (closing !== node.name) fail(`</${closing}> closes <${node.name}>`);
        skipSpace();
        if (text[at] !== '>') fail('expected ">"');
        at += 1;
        return node;
      }
      if (text.startsWith('<!--', at)) {
        const end = text.indexOf('-->', at + 4);
        if (end < 0) fail('unterminated comment');
        at = end + 3;
        continue;
      }
      if (text[at] === '<') {
        node.children.push(element());
        continue;
      }
      const next = text.indexOf('<', at);
      const raw = text.slice(at, next < 0 ? text.length : next);
      if (raw.includes(']]>')) fail('"]]>" in text');
      node.children.push(decode(raw));
      at += raw.length;
    }
  };

  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end < 0) fail('unterminated XML declaration');
    at = end + 2;
  }
  skipSpace();
  const root = element();
  skipSpace();
  if (at !== text.length) fail('content after the root element');
  return root;
}

export function childElements(node: XmlElement, name?: string): XmlElement[] {
  return node.children.filter((child): child is XmlElement => typeof child !== 'string' && (name === undefined || child.name === name));
}

export function textOf(node: XmlElement): string {
  return node.children.map((child) => (typeof child === 'string' ? child : textOf(child))).join('');
}
