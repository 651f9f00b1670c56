/**
 * Latin inside Arabic lines, as LibreOffice lays it out: a figure after Arabic punctuation that
 * follows a Latin word stays on the Arabic side («لممر IMEC، 20 أيلول»: by the bidi rules alone
 * the 20 joins IMEC's left-to-right run and lands on its other side), and a source entry whose
 * title starts in English keeps its id at the right edge, where every other entry has it.
 *
 * Needs soffice and pdftotext. Skipped with MUJAZ_SKIP_RENDER=1, like the other render tests.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, formatDiagnostics } from '../../src/index.js';
import { showInNotes, tempProject } from '../helpers/project.js';
import type { Line, Page } from './bbox.js';
import { messages, renderAndCheck, type Rendered } from './analyse.js';
import { missingTools, toPdf, wordBoxes } from './tools.js';

const SKIP = process.env.MUJAZ_SKIP_RENDER === '1';
const missing = SKIP ? undefined : await missingTools();

/** The line of the page holding a word that includes `text`. */
const lineWith = (page: Page, text: string): Line | undefined => page.lines.find((l) => l.words.some((w) => w.text.includes(text)));
/** The word of a link at the end of an Arabic entry (pdftotext may give its letters in either order). */
const LINK_WORD = /^(رابط|طبار)$/;
const wordX = (line: Line, test: (text: string) => boolean) => line.words.find((w) => test(w.text))?.xMin ?? Number.NaN;

if (SKIP) {
  describe.skip('render tests skipped: MUJAZ_SKIP_RENDER=1', () => it('lays out Latin inside Arabic', () => {}));
} else {
  describe('Latin inside Arabic lines, rendered by LibreOffice', () => {
    let dir: string;
    let root: string;
    let page: Page;

    beforeAll(async () => {
      if (missing) throw new Error(missing);
      root = await tempProject();
      dir = await mkdtemp(path.join(os.tmpdir(), 'mujaz-bidi-'));
      const sources = path.join(root, 'content/sources.yaml');
      await writeFile(
        sources,
        `${await readFile(sources, 'utf8')}  - id: R9\n    kind: report\n    title: "تقدير الأثر الاقتصادي لممر IMEC"\n    date: "2025-09-20"\n    url: "https://example.org/imec"\n  - id: W9\n    kind: web\n    title: "EU trade relations with the Gulf"\n    date: "2025-06"\n    url: "https://example.org/eu-gulf"\n  - id: W8\n    kind: web\n    title: "Country Reports on Terrorism 2023"\n    date: "2024-12-12"\n`,
      );
      const facts = path.join(root, 'content/facts.yaml');
      await writeFile(facts, `${await readFile(facts, 'utf8')}  test.r9: { label: "اختبار", stated: { value: 1, source: R9 } }\n  test.w9: { label: "اختبار", stated: { value: 2, source: W9 } }\n  test.w8: { label: "اختبار", stated: { value: 3, source: W8 } }\n`);
      await showInNotes(root, ['test.r9', 'test.w9', 'test.w8']);
      const result = await buildDeck({ root, audience: 'media' });
      if (!result.bytes || !result.spec) throw new Error(`the deck did not build:\n${formatDiagnostics(result.diagnostics)}`);
      const number = result.spec.slides.findIndex((s) => s.kind === 'sources') + 1;
      const file = path.join(dir, 'media.pptx');
      await writeFile(file, result.bytes);
      page = (await wordBoxes(await toPdf(file, dir)))[number - 1]!;
    }, 120_000);

    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
      await rm(root, { recursive: true, force: true });
    });

    it('keeps a figure after «IMEC،» on the Arabic side: read from the right, IMEC then 20', () => {
      const line = lineWith(page, 'IMEC')!;
      expect(line, 'the R9 entry').toBeDefined();
      const imec = wordX(line, (t) => t.includes('IMEC'));
      const day = wordX(line, (t) => t === '20');
      expect(day).toBeLessThan(imec);
    });

    it('keeps the day of a date after an English title ending in a figure beside its month, left of the title', () => {
      const line = lineWith(page, 'Terrorism')!;
      expect(line, 'the W8 entry').toBeDefined();
      const day = wordX(line, (t) => t === '12');
      const title = Math.min(...line.words.filter((w) => /Country|Reports|Terrorism/.test(w.text)).map((w) => w.xMin));
      expect(day).toBeLessThan(title);
      const id = line.words.find((w) => w.text.includes('W8'))!;
      expect(Math.max(...line.words.map((w) => w.xMax))).toBe(id.xMax);
    });

    it('keeps the id of an entry with an English title at the right edge', () => {
      const line = lineWith(page, 'W9')!;
      expect(line, 'the W9 entry').toBeDefined();
      const id = line.words.find((w) => w.text.includes('W9'))!;
      expect(Math.max(...line.words.map((w) => w.xMax))).toBe(id.xMax);
    });

    it('ends an Arabic entry with a web address with «رابط», at the left end of its last line', () => {
      // R9 and W9 have addresses; the article's entry (A1) has none
      const links = page.lines.filter((l) => l.words.some((w) => LINK_WORD.test(w.text)));
      expect(links.length, page.lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n')).toBe(2);
      for (const line of links) {
        const word = line.words.find((w) => LINK_WORD.test(w.text))!;
        expect(Math.min(...line.words.map((w) => w.xMin))).toBe(word.xMin);
      }
    });
  });

  describe('the links of English source entries, rendered by LibreOffice', () => {
    let dir: string;
    let root: string;
    let pages: Page[];
    let linked: number;

    beforeAll(async () => {
      if (missing) throw new Error(missing);
      root = await tempProject();
      dir = await mkdtemp(path.join(os.tmpdir(), 'mujaz-links-'));
      const result = await buildDeck({ root, audience: 'briefing' });
      if (!result.bytes || !result.spec) throw new Error(`the deck did not build:\n${formatDiagnostics(result.diagnostics)}`);
      const file = path.join(dir, 'briefing.pptx');
      await writeFile(file, result.bytes);
      const all = await wordBoxes(await toPdf(file, dir));
      const lists = result.spec.slides.flatMap((s, i) => (s.kind === 'sources' && s.columns === 2 ? [{ s, page: all[i]! }] : []));
      pages = lists.map((l) => l.page);
      linked = lists.reduce((n, l) => n + l.s.items.filter((item) => typeof item !== 'string' && item.url).length, 0);
    }, 120_000);

    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
      await rm(root, { recursive: true, force: true });
    });

    it('ends each English entry with "link", at the right end of its last line', () => {
      // LibreOffice draws a link as a field, which the bidi rules take as neutral: without the
      // left-to-right mark after it, it went to the left of the English text
      const lines = pages.flatMap((p) => p.lines.filter((l) => l.words.some((w) => w.text === 'link')));
      expect(linked).toBeGreaterThanOrEqual(25); // the dataset's sources the deck rests on, on two slides
      expect(lines.length).toBe(linked);
      for (const line of lines) {
        const word = line.words.find((w) => w.text === 'link')!;
        expect(Math.max(...line.words.map((w) => w.xMax)), line.words.map((w) => w.text).join(' ')).toBe(word.xMax);
      }
    });
  });

  describe('a long list of linked sources, rendered by LibreOffice', () => {
    let dir: string;
    let root: string;
    let rendered: Rendered;
    let slide: number;

    beforeAll(async () => {
      if (missing) throw new Error(missing);
      root = await tempProject();
      dir = await mkdtemp(path.join(os.tmpdir(), 'mujaz-many-links-'));
      // a slide of 16 linked entries, written in the deck's template
      const items = Array.from({ length: 16 }, (_, i) => `      - text: "R${i + 11}: تقرير عن أثر الانضمام في المنطقة"\n        url: "https://example.org/reports/R${i + 11}"\n`).join('');
      const deck = path.join(root, 'templates/media/deck.hbs');
      await writeFile(deck, `${await readFile(deck, 'utf8')}  - kind: sources\n    title: "مصادر التقارير"\n    items:\n${items}`);
      const result = await buildDeck({ root, audience: 'media' });
      if (!result.bytes || !result.spec) throw new Error(`the deck did not build:\n${formatDiagnostics(result.diagnostics)}`);
      slide = result.spec.slides.findIndex((s) => s.title === 'مصادر التقارير') + 1;
      rendered = await renderAndCheck(result.bytes, result.spec, dir, 'media');
    }, 120_000);

    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
      await rm(root, { recursive: true, force: true });
    });

    it('stays inside its box, above the footer', () => {
      // LibreOffice sets the line that holds a link (a field) taller than the others: the fitting
      // keeps room for it, or the entries ran into the footer
      expect(messages(rendered, ['overflow', 'page', 'overlap'], slide)).toEqual([]);
      const ids = rendered.pages[slide - 1]!.lines.filter((l) => l.words.some((w) => /^R\d\d$/.test(w.text)));
      expect(ids.length).toBe(16);
    });
  });
}
