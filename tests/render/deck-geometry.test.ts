/** Reading the boxes of the built briefing deck (no LibreOffice needed). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, formatDiagnostics, type DeckSpec } from '../../src/index.js';
import { readDeckGeometry, type SlideGeometry } from './deck-geometry.js';
import { dropTitleGeometry } from './mutate.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('readDeckGeometry on the briefing deck', () => {
  let bytes: Uint8Array;
  let spec: DeckSpec;
  let slides: SlideGeometry[];

  beforeAll(async () => {
    const result = await buildDeck({ root: ROOT, audience: 'briefing' });
    if (!result.bytes || !result.spec) throw new Error(formatDiagnostics(result.diagnostics));
    bytes = result.bytes;
    spec = result.spec;
    slides = await readDeckGeometry(bytes);
  });

  it('reads one geometry per slide, in presentation order', () => {
    expect(slides.map((s) => s.number)).toEqual(spec.slides.map((_, i) => i + 1));
    slides.forEach((s, i) => {
      const title = s.shapes.find((b) => b.placeholder === 'title');
      expect(title?.text, `slide ${i + 1}`).toBe(spec.slides[i]!.title);
    });
  });

  it('gives boxes in points on the 960 × 540 pt slide', () => {
    for (const s of slides) {
      for (const b of s.shapes) {
        expect(b.box.x, `${s.number} ${b.name}`).toBeGreaterThanOrEqual(0);
        expect(b.box.x + b.box.w, `${s.number} ${b.name}`).toBeLessThanOrEqual(960.1);
        expect(b.box.y + b.box.h, `${s.number} ${b.name}`).toBeLessThanOrEqual(540.1);
      }
    }
    // The content title placeholder: x 0.6 in, y 0.3 in.
    const title = slides[1]!.shapes.find((b) => b.placeholder === 'title')!;
    expect(title.box.x).toBeCloseTo(43.2, 1);
    expect(title.box.y).toBeCloseTo(21.6, 1);
  });

  it('includes the layout’s footer and the slide number as text', () => {
    const content = slides[1]!;
    expect(content.shapes.some((b) => b.name.startsWith('layout:') && b.box.y > 480)).toBe(true);
    expect(content.shapes.some((b) => b.placeholder === 'sldNum' && b.text === '2')).toBe(true);
  });

  it('reads paragraph alignment: titles and bullets right, stats figures centred', () => {
    const bullets = slides[spec.slides.findIndex((s) => s.kind === 'bullets')]!;
    expect(bullets.shapes.flatMap((b) => b.paragraphs).filter((p) => p.align === 'r').length).toBeGreaterThan(2);
    const stats = slides[spec.slides.findIndex((s) => s.kind === 'stats')]!;
    expect(stats.shapes.some((b) => b.paragraphs.every((p) => p.align === 'ctr'))).toBe(true);
  });

  it('reads tables: grid columns left to right and every cell', () => {
    const i = spec.slides.findIndex((s) => s.kind === 'table');
    const tableSpec = spec.slides[i]!;
    if (tableSpec.kind !== 'table') throw new Error('unreachable');
    const [table] = slides[i]!.tables;
    expect(table!.columns).toHaveLength(tableSpec.columns.length);
    expect(table!.cells).toHaveLength(tableSpec.columns.length * (tableSpec.rows.length + 1));
    const header = table!.cells.find((c) => c.row === 0 && c.text === tableSpec.columns[0]);
    expect(header?.col).toBe(tableSpec.columns.length - 1);
  });

  it('reads charts: type, direction, axis orientation and categories', () => {
    spec.slides.forEach((s, i) => {
      if (s.kind !== 'chart') return;
      const [chart] = slides[i]!.charts;
      expect(chart?.categories).toEqual(s.chart.categories);
      if (s.chart.type === 'column') expect(chart).toMatchObject({ type: 'barChart', barDir: 'col', catOrientation: 'maxMin' });
      if (s.chart.type === 'bar') expect(chart).toMatchObject({ type: 'barChart', barDir: 'bar', valOrientation: 'maxMin' });
    });
  });

  it('takes a title placeholder’s box from the layout when the slide gives none', async () => {
    const zip = await JSZip.loadAsync(bytes);
    await dropTitleGeometry(zip, 3);
    const xml = await zip.file('ppt/slides/slide3.xml')!.async('string');
    const titleShape = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*type="title"(?:(?!<\/p:sp>)[\s\S])*<\/p:sp>/.exec(xml)?.[0];
    expect(titleShape).toBeDefined();
    expect(titleShape).not.toContain('<a:xfrm>');
    const mutated = await readDeckGeometry(await zip.generateAsync({ type: 'uint8array' }));
    const title = (g: SlideGeometry[]) => g[2]!.shapes.find((b) => b.placeholder === 'title')!.box;
    expect(title(mutated)).toEqual(title(slides));
  });
});
