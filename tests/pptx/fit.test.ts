/**
 * Text that fits its box whatever the theme's fonts: a long title takes two lines at a smaller
 * size instead of running into the accent bar, a figure in a callout stays on one line, the
 * pages of one list of sources share a size, and a face wider than Amiri is fitted as wider.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/index.js';
import { sourceItemText, type SourceItem } from '../../src/spec/schema.js';
import { sourcesSize } from '../../src/pptx/slides/sources.js';
import type { Theme } from '../../src/audience/theme.js';
import { TITLE_BOX, estimateLines, faceWidth, fitHeading, fitSize, headingLine, oneLineSize } from '../../src/pptx/layout.js';
import { slideNames, unzipXml, validatePptx, type Parts } from '../helpers/pptx.js';
import { REPO } from '../helpers/project.js';
import { LONG_TITLE, wideFontProject } from '../helpers/wide-fonts.js';


/** The exact line spacings (in points) of the paragraphs of the shape whose text includes `text`. */
function lineSpacings(xml: string, text: string): number[] {
  const shape = xml.split('<p:sp>').find((s) => s.includes(text));
  return shape ? [...shape.matchAll(/<a:lnSpc><a:spcPts val="(\d+)"\/><\/a:lnSpc>/g)].map((m) => Number(m[1]) / 100) : [];
}

/** The sizes (in points) of the runs of the shape whose text includes `text`. */
function runSizes(xml: string, text: string): number[] {
  const shape = xml.split('<p:sp>').find((s) => s.includes(text));
  return shape ? [...shape.matchAll(/<a:rPr[^>]*\bsz="(\d+)"/g)].map((m) => Number(m[1]) / 100) : [];
}

describe('a list of sources', () => {
  it('keeps room for the taller lines LibreOffice gives linked entries: a smaller size for the same list linked', () => {
    const theme = { sizes: { body: 20 }, fonts: { heading: 'Amiri', body: 'Amiri' } } as unknown as Theme;
    const texts = Array.from({ length: 14 }, (_, i) => `R${i + 1}: تقرير عن أثر الانضمام في المنطقة`);
    const slide = (items: SourceItem[]) => ({ kind: 'sources' as const, title: 'المصادر', columns: 1, items });
    const plain = sourcesSize(slide(texts), theme);
    expect(sourcesSize(slide(texts.map((text) => ({ text }))), theme)).toBe(plain);
    expect(sourcesSize(slide(texts.map((text, i) => ({ text, url: `https://example.org/${i}` }))), theme)).toBeLessThan(plain);
  });
});

describe('face widths', () => {
  it('knows how much wider common faces set Arabic than Amiri, and lets a theme say it', () => {
    expect(faceWidth({ heading: 'Amiri', body: 'Amiri' }, 'heading')).toBe(1);
    expect(faceWidth({ heading: 'Lemonada', body: 'DejaVu Sans' }, 'heading')).toBeGreaterThan(1.3);
    expect(faceWidth({ heading: 'Lemonada', body: 'DejaVu Sans' }, 'body')).toBeGreaterThan(1.1);
    expect(faceWidth({ heading: 'Some Other Face', body: 'x' }, 'body')).toBe(1);
    expect(faceWidth({ heading: 'Lemonada', body: 'DejaVu Sans', width: 1.6 }, 'body')).toBe(1.6);
  });

  it('fits less text per line, so a smaller size, for a wider face', () => {
    const title = 'سوريا تعتزم الانضمام إلى التحالف الدولي لمكافحة الإرهاب'; // one line in Amiri at 30 pt
    expect(fitSize([title], TITLE_BOX, 30, 16, 1, 1)).toBe(30);
    expect(fitSize([title], TITLE_BOX, 30, 16, 1, 1.5)).toBeLessThan(30);
    expect(oneLineSize('أكثر من 1,100', 2.9, 56, 20)).toBeLessThan(56);
    expect(oneLineSize('89', 2.9, 56, 20)).toBe(56);
  });
});

describe('the lines of a heading', () => {
  const amiri = { heading: 'Amiri', body: 'Amiri' };
  const lemonada = { heading: 'Lemonada', body: 'DejaVu Sans' };

  it('are set apart as the face needs: Amiri keeps the renderer’s spacing, Lemonada and an unknown face are set wider', () => {
    expect(headingLine(amiri)).toBeUndefined();
    expect(headingLine({ heading: 'noto naskh arabic ' })).toBeUndefined();
    expect(headingLine(lemonada)).toBe(1.5);
    expect(headingLine({ heading: 'Cairo' })).toBeGreaterThan(1.25);
    expect(headingLine({ heading: 'Some Other Face' })).toBeGreaterThan(1.25);
  });

  it('are given an exact spacing when there are two, at a size where both fit the title box', () => {
    const fitted = fitHeading(LONG_TITLE, TITLE_BOX, 30, 16, lemonada);
    expect(fitted.lineSpacing).toBe(fitted.size * 1.5);
    expect(estimateLines(LONG_TITLE, fitted.size, TITLE_BOX.w - 0.6, 0.5 * 1.48)).toBe(2);
    // the box keeps room for LibreOffice setting the extra space above each line
    expect((2 * fitted.lineSpacing!) / 72 + 0.2).toBeLessThanOrEqual(TITLE_BOX.h);
  });

  it('leave a one-line title, and any title in Amiri, as they were', () => {
    expect(fitHeading('سوريا تعتزم الانضمام إلى التحالف الدولي', TITLE_BOX, 30, 16, lemonada)).toEqual({ size: 28 });
    expect(fitHeading('محاور الإحاطة', TITLE_BOX, 30, 16, lemonada)).toEqual({ size: 30 });
    // a one-line title keeps the theme's size in a tall face too (the line factor is for two lines)
    expect(fitHeading('محاور الإحاطة', TITLE_BOX, 40, 16, lemonada)).toEqual({ size: 40 });
    expect(fitHeading(LONG_TITLE, TITLE_BOX, 30, 16, amiri)).toEqual({ size: fitSize([LONG_TITLE], TITLE_BOX, 30, 16, 1, 1) });
  });
});

describe('a deck in wide faces, with a long title and a worded figure in a callout', () => {
  let parts: Parts;
  let slide: string;
  beforeAll(async () => {
    const root = await wideFontProject();
    const result = await buildDeck({ root, audience: 'briefing' });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.context!.theme.fonts.heading).toBe('Lemonada');
    expect(validatePptx(result.bytes!).code).toBe(0);
    parts = await unzipXml(result.bytes!);
    slide = parts.get(slideNames(parts).find((n) => parts.get(n)!.includes(LONG_TITLE))!)!;
  });

  it('sets a title too long for one line at a size where two lines fit the title box, Lemonada’s lines 1.5 em apart', () => {
    const [size] = runSizes(slide, LONG_TITLE);
    expect(size).toBeLessThan(30);
    expect(estimateLines(LONG_TITLE, size!, TITLE_BOX.w - 0.6, 0.5 * 1.48)).toBeLessThanOrEqual(2);
    expect(lineSpacings(slide, LONG_TITLE)).toEqual([size! * 1.5]);
    expect((2 * size! * 1.5) / 72).toBeLessThanOrEqual(TITLE_BOX.h);
  });

  it('leaves the spacing of one-line titles to the renderer', () => {
    const agenda = parts.get(slideNames(parts).find((n) => parts.get(n)!.includes('محاور الإحاطة'))!)!;
    expect(lineSpacings(agenda, 'محاور الإحاطة')).toEqual([]);
  });

  it('keeps the callout figure on one line of its panel', () => {
    const [size] = runSizes(slide, 'أكثر من 1,100');
    expect(size).toBeLessThan(56);
    expect(estimateLines('أكثر من 1,100', size!, 2.9, 0.55 * 1.48)).toBe(1);
  });
});

describe('the shipped briefing deck', () => {
  it('keeps its titles at the theme’s size, and sets the pages of one list of sources in one size', async () => {
    const result = await buildDeck({ root: REPO, audience: 'briefing' });
    const parts = await unzipXml(result.bytes!);
    const names = slideNames(parts);
    result.spec!.slides.forEach((s, i) => expect(runSizes(parts.get(names[i]!)!, s.title)[0], s.title).toBe(s.kind === 'title' ? 46 : 30));
    // and the renderer's line spacing: Amiri's lines need no more
    result.spec!.slides.forEach((s, i) => expect(lineSpacings(parts.get(names[i]!)!, s.title), s.title).toEqual([]));
    const pages = result.spec!.slides.flatMap((s, i) => (s.kind === 'sources' && s.columns === 2 ? [runSizes(parts.get(names[i]!)!, sourceItemText(s.items[0]!))[0]] : []));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(new Set(pages).size).toBe(1);
  });
});
