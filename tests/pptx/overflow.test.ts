/**
 * Text that does not fit its box even at the least size it is set in (MJZ174): each kind of slide
 * says where its texts are and at what size its renderer sets them, and they are measured as
 * LibreOffice sets them (AS_SET). The reviewers' cases warn; what the fitting sets above its
 * least size, and the shipped decks, do not. (Through the build: tests/hostile/templates.test.ts;
 * against LibreOffice's own layout: tests/render/overflow.test.ts.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Theme } from '../../src/audience/theme.js';
import { compileAudience, prepareContent } from '../../src/build.js';
import { AS_SET, BODY, TITLE_BOX, faceWidth, fitHeading, setLines } from '../../src/pptx/layout.js';
import { TITLE_LEAST_SHARE, overflowProblems, placedTexts, unfitTexts } from '../../src/pptx/overflow.js';
import type { Bullet, Slide } from '../../src/spec/schema.js';
import { shippedTemplates } from '../hostile/harness.js';
import { REPO, shippedContent } from '../helpers/project.js';

const theme = (sizes: Partial<Theme['sizes']> = {}, fonts: Theme['fonts'] = { heading: 'Amiri', body: 'Amiri' }) =>
  ({ digits: 'western', sizes: { title: 30, body: 24, small: 13, footer: 10, big: 56, ...sizes }, fonts }) as unknown as Theme;
const briefing = theme();

/** The article's sentences, run together: Arabic text as the decks show it. */
const ARTICLE = readFileSync(path.join(REPO, 'content/article.txt'), 'utf8').replace(/\s+/g, ' ').repeat(3);
/** The longest run of the article's words (from the start) that takes at most `n` lines as set. */
function upTo(n: number, size: number, width: number): string {
  const words = ARTICLE.split(' ');
  let k = 1;
  while (k < words.length && setLines(words.slice(0, k + 1).join(' '), size, width) <= n) k++;
  return words.slice(0, k).join(' ');
}

const bulletsSlide = (title: string, bullets: Bullet[]): Slide => ({ kind: 'bullets', title, bullets });
const LONG_BULLET = `الحكومة السورية تعتزم الانضمام${' وهذا نص إضافي طويل لشرح الخلفية السياسية والأمنية'.repeat(80)}`;

describe('lines as LibreOffice sets them', () => {
  it('wraps word by word, at the ems of AS_SET (5% wider, its margin); a paragraph starts a line, a word longer than a line is broken', () => {
    const em = 20 * AS_SET.margin;
    const letter = AS_SET.arabic * em; // 7.665 pt at 20 pt
    expect(setLines('عضو', 20, 100)).toBe(1);
    expect(setLines('', 20, 100)).toBe(1);
    expect(setLines('سطر\nسطر آخر', 20, 400)).toBe(2);
    // two words of 5 letters and a space
    const two = 10 * letter + AS_SET.space * em;
    expect(setLines('ابجده ابجده', 20, two)).toBe(1);
    expect(setLines('ابجده ابجده', 20, two - 0.1)).toBe(2);
    expect(setLines('ا'.repeat(30), 20, 10 * letter)).toBe(3);
    // digits and Latin letters are wider than Arabic ones; a wider face wider still
    expect(setLines('1234567890', 20, 10 * letter)).toBe(2);
    expect(setLines('ابجدهوزحطي', 20, 10 * letter)).toBe(1);
    expect(setLines('ابجدهوزحطي', 20, 10 * letter, 1.3)).toBe(2);
  });

  it('counts five million characters in linear time', () => {
    const start = performance.now();
    expect(setLines('نص '.repeat(1_700_000), 34, 845)).toBeGreaterThan(50_000);
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});

describe('a text that does not fit its box', () => {
  it('a title of 540 characters: over its box even at 16 pt, running out above and below', () => {
    const title = ARTICLE.slice(0, 540);
    const [unfit, ...more] = unfitTexts(bulletsSlide(title, ['نص']), briefing);
    expect(more).toEqual([]);
    expect(unfit).toMatchObject({ problem: 'over', text: { path: ['title'], size: 16, min: 16, max: 30, anchor: 'middle' } });
    expect(unfit!.lines).toBeGreaterThanOrEqual(4);
  });

  it('a bullet of 80 repeats of a long phrase: over its box even at 14 pt', () => {
    expect(unfitTexts(bulletsSlide('عنوان', ['قصير', LONG_BULLET]), briefing)).toMatchObject([{ problem: 'over', text: { path: ['bullets'], size: 14, what: 'bullets' } }]);
  });

  it('a subtitle of five million characters: over, at the theme’s size (a subtitle is not fitted)', () => {
    const subtitle = 'نص إضافي '.repeat(555_556).slice(0, 5_000_000);
    expect(unfitTexts({ kind: 'title', title: 'عنوان', subtitle }, briefing)).toMatchObject([{ problem: 'over', text: { path: ['subtitle'], size: 34, min: 34 } }]);
  });

  it('a title that fits only at about half the theme’s size: "small", not over', () => {
    const title = upTo(2, 16, TITLE_BOX.w * 72);
    expect(fitHeading(title, TITLE_BOX, 30, 16, briefing.fonts).size).toBe(16);
    expect(unfitTexts(bulletsSlide(title, ['نص']), briefing)).toMatchObject([{ problem: 'small', text: { size: 16, max: 30 } }]);
    // in a theme of 36 pt, from 19 (0.55 × 36 = 19.8)
    const media = theme({ title: 36, body: 30 });
    const at = (size: number) => ARTICLE.split(' ').reduce((best, _, k, words) => (fitHeading(words.slice(0, k).join(' '), TITLE_BOX, 36, 16, media.fonts).size >= size ? words.slice(0, k).join(' ') : best), '');
    expect(unfitTexts(bulletsSlide(at(19), ['نص']), media)).toMatchObject([{ problem: 'small', text: { size: 19 } }]);
    expect(unfitTexts(bulletsSlide(at(20), ['نص']), media)).toEqual([]);
    expect(19 / 36).toBeLessThanOrEqual(TITLE_LEAST_SHARE);
    expect(20 / 36).toBeGreaterThan(TITLE_LEAST_SHARE);
  });

  it('at the edge: the most text that takes the room it has is no warning (titles aside, which are then "small"); a word more is', () => {
    const width = (BODY.w * 72) - 8 - 22;
    // 20 lines of 14 pt fit the body box (4.9 in less its 4 pt margin), 21 do not
    const twenty = upTo(20, 14, width);
    expect(unfitTexts(bulletsSlide('ع', [twenty]), briefing)).toEqual([]);
    const more = ARTICLE.split(' ').slice(0, twenty.split(' ').length + 1).join(' ');
    expect(unfitTexts(bulletsSlide('ع', [more]), briefing)).toMatchObject([{ problem: 'over', lines: 21 }]);
  });

  it('counts a face wider than Amiri as wider: a title that fits in Amiri runs over in Lemonada', () => {
    const title = upTo(3, 16, TITLE_BOX.w * 72);
    const amiri = unfitTexts(bulletsSlide(title, ['نص']), briefing);
    expect(amiri.map((u) => u.problem)).toEqual(['small']);
    const lemonada = unfitTexts(bulletsSlide(title, ['نص']), theme({}, { heading: 'Lemonada', body: 'DejaVu Sans' }));
    expect(lemonada.map((u) => u.problem)).toEqual(['over']);
    expect(faceWidth({ heading: 'Lemonada', body: 'x' }, 'heading')).toBeGreaterThan(1.4);
  });

  it('checks every fitted text of every kind: titles, subtitle, bullets, a callout, stats’ figures and labels, agenda items, notes', () => {
    const long = ARTICLE.slice(0, 3000);
    const kinds = (slide: Slide) => unfitTexts(slide, briefing).map((u) => u.text.path.join('.'));
    expect(kinds({ kind: 'title', title: long, subtitle: long, byline: long })).toEqual(['title', 'subtitle', 'byline']);
    expect(kinds({ kind: 'bullets', title: 'ع', bullets: ['نص'], callout: { value: long.slice(0, 300), label: long }, source: long })).toEqual(['callout.value', 'callout.label', 'source']);
    expect(kinds({ kind: 'stats', title: 'ع', stats: [{ value: '1', label: long }, { value: long.slice(0, 400), label: 'ب' }], bullets: [long] })).toEqual(['stats.0.label', 'stats.1.value', 'bullets']);
    expect(kinds({ kind: 'agenda', title: 'ع', items: Array.from({ length: 8 }, () => long.slice(0, 600)) })).toEqual(['items.0', 'items.4']);
    expect(kinds({ kind: 'chart', title: 'ع', chart: { type: 'bar', categories: ['أ'], series: [{ name: 'س', values: [1] }], alt: 'x', note: long, showValues: true, highlightLast: false, showLegend: false }, bullets: [long] })).toEqual(['bullets', 'chart.note']);
    expect(kinds({ kind: 'table', title: long, columns: ['أ'], rows: [['1']], source: long })).toEqual(['title', 'source']);
    expect(kinds({ kind: 'sources', title: long, items: ['A1'], columns: 1 })).toEqual(['title']);
  });

  it('never says that a text the fitting set above its least size runs out of its box (the two agree)', () => {
    const faces = [briefing.fonts, { heading: 'Lemonada', body: 'DejaVu Sans' }, { heading: 'Amiri', body: 'Amiri', width: 1.6 }];
    fc.assert(
      fc.property(fc.nat(ARTICLE.length - 1), fc.integer({ min: 1, max: 4000 }), fc.constantFrom(...faces), fc.integer({ min: 14, max: 40 }), (start, n, fonts, body) => {
        const text = ARTICLE.slice(start, start + n).trim() || 'ن';
        const t = theme({ body, title: body + 6 }, fonts);
        for (const slide of [bulletsSlide(text, [text]), { kind: 'stats', title: 'ع', stats: [{ value: text.slice(0, 60), label: 'ب' }], bullets: [text] } as Slide]) {
          for (const u of unfitTexts(slide, t)) if (u.problem === 'over') expect(u.text.size, u.text.what).toBe(u.text.min);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('sizes each text as its renderer does: the title and bullets of a slide take the fitting’s sizes', () => {
    const slide = bulletsSlide(ARTICLE.slice(0, 150), [ARTICLE.slice(0, 900), { text: ARTICLE.slice(900, 1000), level: 1 }]);
    const [title, list] = placedTexts(slide, briefing);
    expect(title).toMatchObject({ size: fitHeading(slide.title, TITLE_BOX, 30, 16, briefing.fonts).size, room: TITLE_BOX.h * 72 });
    expect(list!.paragraphs.map((p) => [p.size, p.indent])).toEqual([
      [list!.size, 22],
      [list!.size - 2, 44],
    ]);
  });
});

describe('the warning (MJZ174)', () => {
  it('names the text, the slide, the size and how far it runs over, with a hint that fits the text', () => {
    const deck = { deck: { title: 'd', date: '2025-11-03' }, slides: [bulletsSlide(ARTICLE.slice(0, 540), ['نص']), bulletsSlide('عنوان', [LONG_BULLET])] };
    const [title, bullets] = overflowProblems(deck, briefing);
    expect(title).toMatchObject({ code: 'MJZ174', severity: 'warning', path: ['slides', 0, 'title'] });
    expect(title!.message).toMatch(/^The title of slide 1 \(".{1,40}…"\) does not fit its box even at 16 pt, the smallest it is set in: 4 lines, about 1\.2 times the height of the box, so it would run out above and below it$/);
    expect(title!.hint).toMatch(/^Shorten the title: .* \(this one has 540\)/);
    expect(bullets).toMatchObject({ path: ['slides', 1, 'bullets', 0] });
    expect(bullets!.message).toMatch(/^The bullets of slide 2 \("عنوان"\) do not fit their box even at 14 pt, the smallest they are set in: \d+ lines, about 1\.\d times the height of the box, so their last lines would run out below it$/);
    expect(bullets!.hint).toMatch(/^Split the bullets over two slides, or shorten them: .*\(the longest here has 4,030 characters\)/);
  });

  it('says of a text set in the theme’s size that it is not reduced, and of a title that fits only small what it fits at', () => {
    const deck = { deck: { title: 'd', date: '2025-11-03' }, slides: [{ kind: 'title', title: 'ع', subtitle: ARTICLE.slice(0, 600) } as Slide, bulletsSlide(upTo(2, 16, TITLE_BOX.w * 72), ['نص'])] };
    const [subtitle, small] = overflowProblems(deck, briefing);
    expect(subtitle!.message).toMatch(/^The subtitle of slide 1 \("ع"\) does not fit its box at 34 pt, the size the theme gives it: \d+ lines/);
    expect(subtitle!.hint).toMatch(/^Shorten the subtitle to a line \(this one has 600 characters\)/);
    expect(small!.message).toMatch(/^The title of slide 2 \(.*\) fits its box only at 16 pt, about half the theme's 30 pt/);
  });

  it('is at the outline’s line when the slide shows its text as written there', () => {
    const deck = { deck: { title: 'd', date: '2025-11-03' }, slides: [bulletsSlide('عنوان', ['قصير', LONG_BULLET])] };
    const at = { location: { file: 'content/article.yaml', start: { line: 31, column: 15 } }, source: 'x' };
    const [d] = overflowProblems(deck, briefing, undefined, (text) => (text === LONG_BULLET ? at : undefined));
    expect(d).toMatchObject({ path: ['slides', 0, 'bullets', 1], at });
  });
});

describe('the shipped decks', () => {
  it('have no text too long for its box, in any audience', async () => {
    const prepared = prepareContent(await shippedContent());
    const templates = await shippedTemplates();
    for (const audience of ['briefing', 'leadership', 'security', 'economy', 'media']) {
      const result = await compileAudience(prepared, templates, audience, { render: false });
      expect(result.diagnostics.filter((d) => d.code === 'MJZ174'), audience).toEqual([]);
      expect(result.spec!.slides.flatMap((s) => unfitTexts(s, result.context!.theme)), audience).toEqual([]);
    }
  });
});
