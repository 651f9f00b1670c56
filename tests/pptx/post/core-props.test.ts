import { describe, expect, it } from 'vitest';
import { setCoreDates, setCoreTitle } from '../../../src/pptx/post/core-props.js';

const NS = 'xmlns:cp="urn:cp" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
// pptxgenjs 4.0.1 docProps/core.xml (deck) and the embedded workbook's (with milliseconds).
const DECK = `<cp:coreProperties ${NS}>\n\t\t<dc:title>PptxGenJS Presentation</dc:title>\n\t\t<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-29T01:18:35Z</dcterms:created>\n\t\t<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-29T01:18:35Z</dcterms:modified>\n\t</cp:coreProperties>`;
const WORKBOOK = `<cp:coreProperties ${NS}><dc:creator>PptxGenJS</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2026-11-29T01:18:35.759Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-29T01:18:35.759Z</dcterms:modified></cp:coreProperties>`;

describe('setCoreDates', () => {
  it('replaces the wall-clock dates', () => {
    for (const xml of [DECK, WORKBOOK]) {
      const out = setCoreDates(xml, '2024-03-01T09:30:00Z');
      expect(out.match(/2024-03-01T09:30:00Z/g)).toHaveLength(2);
      expect(out).not.toContain('2026');
    }
  });

  it('adds missing dates, with the namespaces they need', () => {
    const out = setCoreDates('<cp:coreProperties xmlns:cp="urn:cp"></cp:coreProperties>', '2024-03-01T09:30:00Z');
    expect(out).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-01T09:30:00Z</dcterms:created>');
    expect(out).toContain('xmlns:dcterms="http://purl.org/dc/terms/"');
    expect(out).toContain('xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"');
  });
});

describe('setCoreTitle', () => {
  it('sets dc:title, escaped', () => {
    expect(setCoreTitle(DECK, 'موجز <1> & $&')).toContain('<dc:title>موجز &lt;1&gt; &amp; $&amp;</dc:title>');
  });

  it('adds dc:title when missing', () => {
    expect(setCoreTitle(WORKBOOK, 'x')).toContain('<dc:title>x</dc:title></cp:coreProperties>');
  });
});
