/**
 * Text that fits its box whatever the theme's fonts: a long title takes two lines at a smaller
 * size instead of running into the accent bar, a figure in a callout stays on one line, the
 * pages of one list of sources share a size, and a face wider than Amiri is fitted as wider.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/index.js';
import { TITLE_BOX, estimateLines, faceWidth, fitSize, oneLineSize } from '../../src/pptx/layout.js';
import { slideNames, unzipXml, validatePptx, type Parts } from '../helpers/pptx.js';
import { REPO } from '../helpers/project.js';
import { LONG_TITLE, wideFontProject } from '../helpers/wide-fonts.js';


/** The sizes (in points) of the runs of the shape whose text includes `text`. */
function runSizes(xml: string, text: string): number[] {
  const shape = xml.split('<p:sp>').find((s) => s.includes(text));
  return shape ? [...shape.matchAll(/<a:rPr[^>]*\bsz="(\d+)"/g)].map((m) => Number(m[1]) / 100) : [];
}

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

  it('sets a title too long for one line at a size where two lines fit the title box', () => {
    const [size] = runSizes(slide, LONG_TITLE);
    expect(size).toBeLessThan(30);
    expect(estimateLines(LONG_TITLE, size!, TITLE_BOX.w - 0.6, 0.5 * 1.48)).toBeLessThanOrEqual(2);
    expect((2 * size! * 1.25) / 72).toBeLessThanOrEqual(TITLE_BOX.h);
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
    const pages = result.spec!.slides.flatMap((s, i) => (s.kind === 'sources' && s.columns === 2 ? [runSizes(parts.get(names[i]!)!, s.items[0]!)[0]] : []));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(new Set(pages).size).toBe(1);
  });
});
