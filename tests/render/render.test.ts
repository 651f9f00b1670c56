/**
 * The briefing deck as a reader sees it: built in memory, converted by LibreOffice, and checked
 * from the PDF's word boxes (pdftotext -bbox-layout) against the boxes the .pptx asks for.
 *
 * Needs soffice, pdftotext and the Amiri font (CI: apt-get install libreoffice-impress
 * fonts-hosny-amiri poppler-utils). Without them the suite fails, unless MUJAZ_SKIP_RENDER=1.
 * MUJAZ_KEEP_RENDER=1 keeps the temporary folder (decks, PDFs, word boxes) and prints its path.
 *
 * The negative half converts a copy of the deck broken on purpose (left-aligned Arabic, table
 * columns in LTR order, a text box too small, a box off the slide, chart axes back to LTR) and
 * asserts that each check reports exactly the broken slide.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, formatDiagnostics, listAudiences, type DeckSpec } from '../../src/index.js';
import { messages, renderAndCheck, slidesWith, type Rendered } from './analyse.js';
import { readDeckGeometry } from './deck-geometry.js';
import { dropTitleGeometry, leftAlign, moveShape, pushDown, resetAxisOrientation, shrinkTextBox, unreverseTable } from './mutate.js';
import { missingTools } from './tools.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SKIP = process.env.MUJAZ_SKIP_RENDER === '1';
const missing = SKIP ? undefined : await missingTools();

if (SKIP) {
  const why = 'render tests skipped: MUJAZ_SKIP_RENDER=1 (they need: apt-get install libreoffice-impress fonts-hosny-amiri poppler-utils)';
  console.warn(why);
  describe.skip(why, () => {
    it('renders the briefing deck through LibreOffice', () => {});
  });
} else if (missing) {
  describe('render through LibreOffice', () => {
    it('has LibreOffice, poppler-utils and the Amiri font installed', () => {
      throw new Error(missing);
    });
  });
} else {
  describe('the briefing deck rendered by LibreOffice', () => {
    let dir: string;
    let spec: DeckSpec;
    let good: Rendered;
    let bad: Rendered;
    /** Every other shipped audience, rendered too: the same checks hold for every deck. */
    const others = new Map<string, { spec: DeckSpec; rendered: Rendered }>();
    /** Slides broken on purpose in the second deck, found from the spec. */
    const broken = { align: 0, table: 0, overflow: 0, offSlide: 0, column: 0, bar: 0, titleFromLayout: 0, overlap: 0 };

    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'mujaz-render-'));
      const result = await buildDeck({ root: ROOT, audience: 'briefing' });
      if (!result.bytes || !result.spec) throw new Error(`the briefing deck did not build:\n${formatDiagnostics(result.diagnostics)}`);
      spec = result.spec;

      const kinds = spec.slides.map((s, i) => ({ s, n: i + 1 }));
      const find = (test: (s: DeckSpec['slides'][number]) => boolean, not: number[] = []) => {
        const hit = kinds.find(({ s, n }) => test(s) && !not.includes(n));
        if (!hit) throw new Error('the briefing deck lacks a slide the negative tests need');
        return hit.n;
      };
      broken.table = find((s) => s.kind === 'table');
      broken.overlap = find((s) => s.kind === 'stats');
      broken.column = find((s) => s.kind === 'chart' && s.chart.type === 'column');
      broken.bar = find((s) => s.kind === 'chart' && s.chart.type === 'bar');
      broken.align = find((s) => s.kind === 'bullets');
      broken.overflow = find((s) => s.kind === 'bullets', [broken.align]);
      broken.offSlide = find((s) => s.kind === 'bullets', [broken.align, broken.overflow]);
      broken.titleFromLayout = find((s) => s.kind === 'bullets', [broken.align, broken.overflow, broken.offSlide]);

      const zip = await JSZip.loadAsync(result.bytes);
      const geometry = await readDeckGeometry(result.bytes);
      const chartPart = (n: number) => {
        const part = geometry[n - 1]?.charts[0]?.part;
        if (!part) throw new Error(`slide ${n} has no chart`);
        return part;
      };
      await leftAlign(zip, broken.align);
      await unreverseTable(zip, broken.table);
      await shrinkTextBox(zip, broken.overflow);
      await pushDown(zip, broken.offSlide);
      await resetAxisOrientation(zip, chartPart(broken.column), 'c:catAx');
      await resetAxisOrientation(zip, chartPart(broken.bar), 'c:valAx');
      await dropTitleGeometry(zip, broken.titleFromLayout);
      const stats = spec.slides[broken.overlap - 1];
      if (stats?.kind !== 'stats') throw new Error('unreachable');
      await moveShape(zip, broken.overlap, stats.stats[0]!.label, -0.45);
      const badBytes = await zip.generateAsync({ type: 'uint8array' });

      // Two conversions side by side, each with its own LibreOffice profile.
      [good, bad] = await Promise.all([
        renderAndCheck(result.bytes, spec, dir, 'briefing'),
        renderAndCheck(badBytes, spec, await mkdtemp(path.join(dir, 'broken-')), 'broken'),
      ]);
      const rest = (await listAudiences(ROOT)).filter((a) => a !== 'briefing');
      for (let i = 0; i < rest.length; i += 2) {
        await Promise.all(
          rest.slice(i, i + 2).map(async (audience) => {
            const built = await buildDeck({ root: ROOT, audience });
            if (!built.bytes || !built.spec) throw new Error(`the ${audience} deck did not build:\n${formatDiagnostics(built.diagnostics)}`);
            const rendered = await renderAndCheck(built.bytes, built.spec, await mkdtemp(path.join(dir, `${audience}-`)), audience);
            others.set(audience, { spec: built.spec, rendered });
          }),
        );
      }
    }, 240_000);

    afterAll(async () => {
      if (!dir) return;
      if (process.env.MUJAZ_KEEP_RENDER === '1') {
        await writeFile(path.join(dir, 'problems.json'), JSON.stringify({ good: good?.problems, bad: bad?.problems }, null, 2));
        console.warn(`render output kept in ${dir}`);
      } else {
        await rm(dir, { recursive: true, force: true });
      }
    });

    describe('as built', () => {
      it('renders one page per slide', () => {
        expect(messages(good, 'pages')).toEqual([]);
        expect(good.pages).toHaveLength(spec.slides.length);
      });

      it('draws no text outside the slide', () => {
        expect(good.pages.every((p) => Math.abs(p.width - 960) < 1 && Math.abs(p.height - 540) < 1)).toBe(true);
        expect(messages(good, 'page')).toEqual([]);
      });

      it('keeps every word inside its text box or table column', () => {
        expect(messages(good, 'overflow')).toEqual([]);
      });

      it('draws every shape’s text, and no text that belongs to no shape', () => {
        expect(messages(good, ['missing', 'unmatched'])).toEqual([]);
      });

      it('draws no text over other text', () => {
        expect(messages(good, 'overlap')).toEqual([]);
      });

      it('ends every Arabic line at the right edge of its box (centred text: centred)', () => {
        expect(messages(good, 'align')).toEqual([]);
      });

      it('draws the first table column on the right', () => {
        expect(spec.slides.some((s) => s.kind === 'table')).toBe(true);
        expect(messages(good, 'table-order')).toEqual([]);
      });

      it('draws chart categories right to left, with the value axis on the right', () => {
        expect(spec.slides.some((s) => s.kind === 'chart')).toBe(true);
        expect(messages(good, 'chart')).toEqual([]);
      });
    });

    it('renders every other audience’s deck with no problem either', () => {
      expect(others.size).toBeGreaterThanOrEqual(1);
      for (const [audience, { spec: s, rendered }] of others) {
        expect(rendered.pages, audience).toHaveLength(s.slides.length);
        expect(
          rendered.problems.map((p) => `${audience} slide ${p.slide} [${p.check}] ${p.message}`),
          audience,
        ).toEqual([]);
      }
    });

    // Problems the good deck already has are left out, so these stay about the breakage.
    describe('broken on purpose: each check reports the broken slide and only that one', () => {
      it('reports left-aligned Arabic', () => {
        expect(slidesWith(bad, 'align', good)).toEqual([broken.align]);
      });

      it('reports table columns in left-to-right order', () => {
        expect(slidesWith(bad, 'table-order', good)).toEqual([broken.table]);
      });

      it('reports text running out of a box too small for it', () => {
        expect(slidesWith(bad, 'overflow', good)).toEqual([broken.overflow]);
        expect(messages(bad, 'overflow', broken.overflow)[0]).toMatch(/out of the bottom of its box/);
      });

      it('reports text drawn over other text', () => {
        expect(slidesWith(bad, 'overlap', good)).toEqual([broken.overlap]);
      });

      it('reports text pushed off the slide: cut by the edge, or not drawn at all', () => {
        // pdftotext keeps a word the page edge cuts, and drops one wholly outside the page.
        expect(slidesWith(bad, 'page', good)).toEqual([broken.offSlide]);
        expect(slidesWith(bad, 'missing', good)).toEqual([broken.offSlide]);
      });

      it('reports charts drawn left to right', () => {
        expect(slidesWith(bad, 'chart', good)).toEqual([broken.bar, broken.column].sort((a, b) => a - b));
        expect(messages(bad, 'chart', broken.column).join('\n')).toMatch(/right to left|value axis/);
        expect(messages(bad, 'chart', broken.bar).join('\n')).toMatch(/grow leftwards|not right of the plot/);
      });

      it('takes a title placeholder’s geometry from the layout when the slide has none', () => {
        const title = bad.slides[broken.titleFromLayout - 1]!.shapes.find((s) => s.placeholder === 'title')!;
        const original = good.slides[broken.titleFromLayout - 1]!.shapes.find((s) => s.placeholder === 'title')!;
        expect(title.box).toEqual(original.box);
        expect(bad.problems.filter((p) => p.slide === broken.titleFromLayout)).toEqual([]);
      });

      it('finds no words without a shape in the broken deck either', () => {
        expect(messages(bad, 'unmatched')).toEqual([]);
      });
    });
  });
}
