import { describe, expect, it } from 'vitest';
import { childElements, parseXml, textOf } from './xml-document.ts';

// The reader that checks the JUnit output must itself reject what is not well-formed.
describe('the test XML reader', () => {
  it('reads elements, attributes and references', () => {
    const root = parseXml('<?xml version="1.0"?>\n<a x="1 &amp; &quot;2&quot;&#10;"><b/>t &lt;&#x263A;&gt;</a>\n');
    expect(root.attributes).toEqual({ x: '1 & "2"\n' });
    expect(childElements(root).map((e) => e.name)).toEqual(['b']);
    expect(textOf(root)).toBe('t <☺>');
  });

  it.each([
    ['a bare ampersand', '<a>x & y</a>'],
    ['a raw "<" in an attribute', '<a x="<"/>'],
    ['mismatched tags', '<a><b></a></b>'],
    ['an unclosed element', '<a><b/>'],
    ['two roots', '<a/><b/>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['a control character', '<a>\u0007</a>'],
    ['a reference to a control character', '<a>&#7;</a>'],
    ['an unquoted attribute', '<a x=1/>'],
  ])('rejects %s', (_why, xml) => {
    expect(() => parseXml(xml)).toThrow();
  });
});
