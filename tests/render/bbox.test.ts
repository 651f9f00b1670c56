import { describe, expect, it } from 'vitest';
import { decodeEntities, parseBboxLayout } from './bbox.js';

const SAMPLE = `<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body><doc>
  <page width="960.009449" height="540.000000">
    <flow>
      <block xMin="779.6" yMin="39.3" xMax="916.8" yMax="78.9">
        <line xMin="779.6" yMin="39.3" xMax="916.8" yMax="78.9">
          <word xMin="779.6" yMin="39.3" xMax="858.8" yMax="78.3">ةطاحإلا</word>
          <word xMin="867.4" yMin="39.3" xMax="916.8" yMax="78.9">رواحم</word>
        </line>
      </block>
      <block xMin="10" yMin="100" xMax="90" yMax="140">
        <line xMin="10" yMin="100" xMax="90" yMax="118"><word xMin="10" yMin="100" xMax="90" yMax="118">A&amp;B &lt;x&gt;</word></line>
        <line xMin="10" yMin="120" xMax="40" yMax="140"><word xMin="10" yMin="120" xMax="40" yMax="140">&#1575;&#x628;</word></line>
      </block>
    </flow>
  </page>
  <page width="960" height="540">
  </page>
</doc></body></html>`;

describe('parseBboxLayout', () => {
  it('reads pages, lines and words with their boxes, in document order', () => {
    const pages = parseBboxLayout(SAMPLE);
    expect(pages.map((p) => [p.number, Math.round(p.width), p.height, p.lines.length])).toEqual([
      [1, 960, 540, 3],
      [2, 960, 540, 0],
    ]);
    const [first, second, third] = pages[0]!.lines;
    expect(first!.words.map((w) => w.text)).toEqual(['ةطاحإلا', 'رواحم']);
    expect(first!.words[1]).toEqual({ xMin: 867.4, yMin: 39.3, xMax: 916.8, yMax: 78.9, text: 'رواحم' });
    expect([first!.block, second!.block, third!.block]).toEqual([0, 1, 1]);
    expect(second!.words[0]!.text).toBe('A&B <x>');
    expect(third!.words[0]!.text).toBe('اب');
  });

  it('returns no pages for a document without any', () => {
    expect(parseBboxLayout('<html><body><doc></doc></body></html>')).toEqual([]);
  });

  it('fails on a word without a number where a coordinate belongs', () => {
    expect(() => parseBboxLayout('<page width="1" height="1"><block><line xMin="0" yMin="0" xMax="1" yMax="1"><word xMin="a" yMin="0" xMax="1" yMax="1">x</word></line></block></page>')).toThrow(/xMin/);
  });
});

describe('decodeEntities', () => {
  it('decodes the XML entities and numeric references, and leaves unknown ones', () => {
    expect(decodeEntities('&quot;&apos;&amp;&#65;&#x42;&nbsp;')).toBe(`"'&AB&nbsp;`);
  });
});
