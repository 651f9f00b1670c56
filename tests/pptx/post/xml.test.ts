import { describe, expect, it } from 'vitest';
import {
  childElements,
  elementPattern,
  escapeAttr,
  getAttr,
  mapElements,
  removeAttr,
  setAttr,
  splitElement,
} from '../../../src/pptx/post/xml.js';

describe('elementPattern', () => {
  it('matches the element, not a longer name that starts the same', () => {
    const xml = '<a:p><a:pPr algn="r"/><a:r><a:t>x</a:t></a:r></a:p><a:p/>';
    expect(xml.match(elementPattern('a:p'))).toEqual(['<a:p><a:pPr algn="r"/><a:r><a:t>x</a:t></a:r></a:p>', '<a:p/>']);
    expect(xml.match(elementPattern('a:pPr'))).toEqual(['<a:pPr algn="r"/>']);
  });

  it('reads attribute values that contain > and /', () => {
    const xml = '<p:cNvPr id="2" descr="a > b / c"/><p:cNvPr id="3"/>';
    expect(xml.match(elementPattern('p:cNvPr'))).toEqual(['<p:cNvPr id="2" descr="a > b / c"/>', '<p:cNvPr id="3"/>']);
  });
});

describe('attributes', () => {
  it('gets an attribute by its exact name', () => {
    const tag = '<a:rPr altLang="en-US" lang="ar-SA">';
    expect(getAttr(tag, 'lang')).toBe('ar-SA');
    expect(getAttr(tag, 'altLang')).toBe('en-US');
    expect(getAttr(tag, 'sz')).toBeUndefined();
  });

  it('sets an existing attribute in place and appends a new one', () => {
    expect(setAttr('<a:rPr altLang="en-US" lang="en-US"/>', 'lang', 'ar-SA')).toBe('<a:rPr altLang="en-US" lang="ar-SA"/>');
    expect(setAttr('<a:pPr>', 'rtl', '1')).toBe('<a:pPr rtl="1">');
    expect(setAttr('<a:pPr/>', 'rtl', '1')).toBe('<a:pPr rtl="1"/>');
    expect(setAttr('<a:pPr algn="r" />', 'rtl', '1')).toBe('<a:pPr algn="r" rtl="1"/>');
  });

  it('only touches the start tag of an element', () => {
    const el = '<c:lang val="en-US"><x val="keep"/></c:lang>';
    expect(setAttr(el, 'val', 'ar-SA')).toBe('<c:lang val="ar-SA"><x val="keep"/></c:lang>');
  });

  it('writes values containing $ literally', () => {
    expect(setAttr('<a:latin/>', 'typeface', 'A$&B')).toBe('<a:latin typeface="A$&B"/>');
  });

  it('removes an attribute', () => {
    expect(removeAttr('<a:cs typeface="Amiri" charset="-120"/>', 'charset')).toBe('<a:cs typeface="Amiri"/>');
  });

  it('escapes attribute values', () => {
    expect(escapeAttr('a & "b" <c>')).toBe('a &amp; &quot;b&quot; &lt;c&gt;');
  });
});

describe('childElements', () => {
  it('splits content into depth-0 children, keeping text so the content round-trips', () => {
    const inner = ' <c:tx><c:v>a</c:v></c:tx><!-- <c:x> --><c:idx val="0"/>tail';
    const children = childElements(inner);
    expect(children.map((c) => c.name)).toEqual(['#text', 'c:tx', '#text', 'c:idx', '#text']);
    expect(children.map((c) => c.text).join('')).toBe(inner);
  });

  it('handles an element nested in one of the same name', () => {
    const children = childElements('<g><g><x/></g></g><y/>');
    expect(children.map((c) => c.text)).toEqual(['<g><g><x/></g></g>', '<y/>']);
  });

  it('rejects unbalanced content', () => {
    expect(() => childElements('<a><b></a>')).toThrow();
  });
});

describe('splitElement / mapElements', () => {
  it('splits an element into start tag, content and end tag', () => {
    expect(splitElement('<a:p x="1"><a:r/></a:p>')).toEqual({ start: '<a:p x="1">', inner: '<a:r/>', end: '</a:p>' });
    expect(splitElement('<a:p/>')).toEqual({ start: '<a:p/>', inner: '', end: '' });
  });

  it('maps every element of a name', () => {
    expect(mapElements('<a:t>1</a:t><a:t>2</a:t>', 'a:t', (e) => e.toUpperCase())).toBe('<A:T>1</A:T><A:T>2</A:T>');
  });
});
