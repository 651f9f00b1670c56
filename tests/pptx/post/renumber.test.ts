import { describe, expect, it } from 'vitest';
import { applyRenames, chartRenames, relsSource, renumberCharts } from '../../../src/pptx/post/renumber.js';
import type { PartMap } from '../../../src/pptx/post/types.js';

const T = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${T}${type}" Target="${target}"/>`;
const rels = (...items: string[]) => `<Relationships xmlns="urn:r">${items.join('')}</Relationships>`;
const CHART_CT = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

/**
 * A second deck of one process, as pptxgenjs 4.0.1 writes it: the counter is
 * at 3, and the charts were created in the order slide 2, slide 1, slide 1.
 * Slide 1 references chart5 and chart6, slide 2 chart4.
 */
function secondDeck(): PartMap {
  const xml = new Map<string, string>([
    ['_rels/.rels', rels(rel('rId1', 'officeDocument', 'ppt/presentation.xml'))],
    ['ppt/presentation.xml', '<p:presentation><p:sldIdLst><p:sldId id="256" r:id="rId2"/><p:sldId id="257" r:id="rId3"/></p:sldIdLst></p:presentation>'],
    ['ppt/_rels/presentation.xml.rels', rels(rel('rId2', 'slide', 'slides/slide1.xml'), rel('rId3', 'slide', 'slides/slide2.xml'))],
    ['ppt/slides/slide1.xml', '<p:sld><c:chart r:id="rId1"/><c:chart r:id="rId2"/></p:sld>'],
    ['ppt/slides/_rels/slide1.xml.rels', rels(rel('rId1', 'chart', '/ppt/charts/chart5.xml'), rel('rId2', 'chart', '/ppt/charts/chart6.xml'))],
    ['ppt/slides/slide2.xml', '<p:sld><c:chart r:id="rId1"/></p:sld>'],
    ['ppt/slides/_rels/slide2.xml.rels', rels(rel('rId1', 'chart', '/ppt/charts/chart4.xml'))],
    [
      '[Content_Types].xml',
      `<Types><Override PartName="/ppt/charts/chart4.xml" ContentType="${CHART_CT}"/><Override PartName="/ppt/charts/chart5.xml" ContentType="${CHART_CT}"/><Override PartName="/ppt/charts/chart6.xml" ContentType="${CHART_CT}"/></Types>`,
    ],
  ]);
  for (const n of [4, 5, 6]) {
    xml.set(`ppt/charts/chart${n}.xml`, `<c:chartSpace>chart created ${n}</c:chartSpace>`);
    xml.set(`ppt/charts/_rels/chart${n}.xml.rels`, rels(rel('rId1', 'package', `../embeddings/Microsoft_Excel_Worksheet${n}.xlsx`)));
  }
  const bin = new Map<string, Uint8Array>([4, 5, 6].map((n) => [`ppt/embeddings/Microsoft_Excel_Worksheet${n}.xlsx`, new Uint8Array([n])]));
  return { xml, bin };
}

describe('chartRenames', () => {
  it('numbers charts in slide order, then their workbooks in the same order', () => {
    expect(Object.fromEntries(chartRenames(secondDeck()))).toEqual({
      'ppt/charts/chart5.xml': 'ppt/charts/chart1.xml',
      'ppt/charts/chart6.xml': 'ppt/charts/chart2.xml',
      'ppt/charts/chart4.xml': 'ppt/charts/chart3.xml',
      'ppt/embeddings/Microsoft_Excel_Worksheet5.xlsx': 'ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx',
      'ppt/embeddings/Microsoft_Excel_Worksheet6.xlsx': 'ppt/embeddings/Microsoft_Excel_Worksheet2.xlsx',
      'ppt/embeddings/Microsoft_Excel_Worksheet4.xlsx': 'ppt/embeddings/Microsoft_Excel_Worksheet3.xlsx',
    });
  });

  it('is empty for a deck that is already numbered in reading order', () => {
    expect(chartRenames(renumberCharts(secondDeck())).size).toBe(0);
  });
});

describe('renumberCharts', () => {
  const out = renumberCharts(secondDeck());

  it('moves the parts with their content and their .rels', () => {
    expect(out.xml.get('ppt/charts/chart1.xml')).toContain('chart created 5');
    expect(out.xml.get('ppt/charts/chart3.xml')).toContain('chart created 4');
    expect([...out.xml.keys()].filter((n) => /chart[456]/.test(n))).toEqual([]);
    expect(out.bin.get('ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx')).toEqual(new Uint8Array([5]));
  });

  it('rewrites every reference: slide rels, chart rels, content types', () => {
    expect(out.xml.get('ppt/slides/_rels/slide1.xml.rels')).toContain('Target="/ppt/charts/chart1.xml"');
    expect(out.xml.get('ppt/slides/_rels/slide1.xml.rels')).toContain('Target="/ppt/charts/chart2.xml"');
    expect(out.xml.get('ppt/slides/_rels/slide2.xml.rels')).toContain('Target="/ppt/charts/chart3.xml"');
    expect(out.xml.get('ppt/charts/_rels/chart1.xml.rels')).toContain('Target="../embeddings/Microsoft_Excel_Worksheet1.xlsx"');
    expect(out.xml.get('ppt/charts/_rels/chart3.xml.rels')).toContain('Target="../embeddings/Microsoft_Excel_Worksheet3.xlsx"');
    const types = out.xml.get('[Content_Types].xml') ?? '';
    expect([...types.matchAll(/PartName="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual([
      '/ppt/charts/chart1.xml',
      '/ppt/charts/chart2.xml',
      '/ppt/charts/chart3.xml',
    ]);
  });

  it('swaps names without losing a part', () => {
    const deck = secondDeck();
    const swapped = applyRenames(deck, new Map([
      ['ppt/charts/chart4.xml', 'ppt/charts/chart5.xml'],
      ['ppt/charts/chart5.xml', 'ppt/charts/chart4.xml'],
    ]));
    expect(swapped.xml.get('ppt/charts/chart4.xml')).toContain('chart created 5');
    expect(swapped.xml.get('ppt/charts/chart5.xml')).toContain('chart created 4');
    expect(swapped.xml.size).toBe(deck.xml.size);
  });
});

describe('applyRenames on relationships', () => {
  it('retargets a relationship whose target is percent-encoded', () => {
    const deck = secondDeck();
    deck.xml.set('ppt/slides/_rels/slide1.xml.rels', rels(rel('rId1', 'chart', '/ppt/charts/chart%35.xml'), rel('rId2', 'chart', '/ppt/charts/%63hart6.xml')));
    const out = renumberCharts(deck).xml.get('ppt/slides/_rels/slide1.xml.rels');
    expect(out).toContain('Target="/ppt/charts/chart1.xml"');
    expect(out).toContain('Target="/ppt/charts/chart2.xml"');
  });
});

describe('relsSource', () => {
  it('names the part a .rels part belongs to', () => {
    expect(relsSource('ppt/slides/_rels/slide1.xml.rels')).toBe('ppt/slides/slide1.xml');
    expect(relsSource('_rels/.rels')).toBe('');
  });
});
