/**
 * MJZ174 against LibreOffice's own layout: a text the build warns about does run out of its box
 * when LibreOffice draws it, and a text just short of the warning stays inside. The reviewers'
 * cases (a title of 540 characters, a bullet of 80 repeats of a long phrase), and for each kind of
 * text the most of the article's words that the warning lets pass, beside a text a few lines
 * longer. Where the words are drawn is read from the PDF's word boxes (pdftotext).
 *
 * Needs what the other render tests need (tools.ts). Skipped with MUJAZ_SKIP_RENDER=1.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, formatDiagnostics } from '../../src/index.js';
import { BODY, FOOTER, MARGIN, SLIDE, TITLE_BOX, setLines } from '../../src/pptx/layout.js';
import { REPO, tempProject } from '../helpers/project.js';
import type { Page, Word } from './bbox.js';
import { TOLERANCE } from './checks.js';
import { missingTools, toPdf, wordBoxes } from './tools.js';

const SKIP = process.env.MUJAZ_SKIP_RENDER === '1';
const missing = SKIP ? undefined : await missingTools();

/** The article's words, without figures (a figure typed into a template is a warning of its own) or quotes, and again (it is about 3,500 letters long). */
const ARTICLE = readFileSync(path.join(REPO, 'content/article.txt'), 'utf8').replace(/[0-9"«»]/g, '').split(/\s+/).filter(Boolean);
const WORDS = [...ARTICLE, ...ARTICLE, ...ARTICLE];
/** The most of the article's words (from the `from`-th) that take at most `n` lines as the warning counts them. */
function upTo(n: number, size: number, width: number, from = 0): string {
  let k = from + 1;
  while (k < WORDS.length && setLines(WORDS.slice(from, k + 1).join(' '), size, width) <= n) k++;
  if (k === WORDS.length) throw new Error(`the article's words take fewer than ${n} lines`);
  return WORDS.slice(from, k).join(' ');
}

const PT = 72;
const W = SLIDE.w - 2 * MARGIN - 0.4; // the title slide's texts
const CARD_W = (BODY.w - 0.35 * 3) / 4; // a card of four
const BULLETS_W = BODY.w * PT - 8 - 22; // inside the list's margins and the bullet's indent
const NOTE_TOP = FOOTER.ruleY - 0.55 - 0.1;

const item = (text: string) => `"${text}"`;
const stats = (label: string) => `  - kind: stats\n    title: "أرقام"\n    stats:\n      - { value: "{{num 1}}", label: ${item(label)} }\n      - { value: "{{num 2}}", label: "أ" }\n      - { value: "{{num 3}}", label: "ب" }\n      - { value: "{{num 4}}", label: "ج" }\n`;

/**
 * Each slide: its spec; whether the build warns about it (over: runs out of its box; small: a
 * title that fits only at about half its size); and where its text must stay, or pass, on the page.
 */
interface Case {
  name: string;
  yaml: string;
  warned: 'over' | 'small' | undefined;
  /** The words of the text checked, on its page. */
  words: (w: Word) => boolean;
  /** Its room, top and bottom, in points from the top of the page. */
  room: [number, number];
}

/** The body's words (the slide's number aside: the article's words here have no figures). */
const inBody = (w: Word) => w.yMin > BODY.y * PT - 10 && !/^\d+$/.test(w.text);
const CASES: Case[] = [
  { name: 'a subtitle of three lines', yaml: `  - kind: title\n    title: "ع"\n    subtitle: ${item(upTo(3, 34, W * PT))}\n`, warned: undefined, words: (w) => w.yMin > 3.5 * PT, room: [3.6 * PT, 5.4 * PT] },
  { name: 'a subtitle of five lines', yaml: `  - kind: title\n    title: "ع"\n    subtitle: ${item(upTo(5, 34, W * PT))}\n`, warned: 'over', words: (w) => w.yMin > 3.5 * PT, room: [3.6 * PT, 5.4 * PT] },
  { name: 'a title of three lines at 16 pt', yaml: `  - kind: bullets\n    title: ${item(upTo(3, 16, TITLE_BOX.w * PT))}\n    bullets: ["نص"]\n`, warned: 'small', words: (w) => w.yMin < (TITLE_BOX.y + TITLE_BOX.h + 0.2) * PT, room: [TITLE_BOX.y * PT, (TITLE_BOX.y + TITLE_BOX.h) * PT] },
  {
    name: 'a title of 540 characters',
    yaml: `  - kind: bullets\n    title: ${item('عنوان طويل جداً عن انضمام سوريا للتحالف الدولي لمكافحة الإرهاب وما يعنيه '.repeat(8).slice(0, 540).trim())}\n    bullets: ["نص"]\n`,
    warned: 'over',
    words: (w) => w.yMin < (TITLE_BOX.y + TITLE_BOX.h + 0.2) * PT,
    room: [TITLE_BOX.y * PT, (TITLE_BOX.y + TITLE_BOX.h) * PT],
  },
  { name: 'a title of two lines at 16 pt', yaml: `  - kind: bullets\n    title: ${item(upTo(2, 16, TITLE_BOX.w * PT, 40))}\n    bullets: ["نص"]\n`, warned: 'small', words: (w) => w.yMin < (TITLE_BOX.y + TITLE_BOX.h + 0.2) * PT, room: [TITLE_BOX.y * PT, (TITLE_BOX.y + TITLE_BOX.h) * PT] },
  { name: 'a bullet of twenty lines at 14 pt', yaml: `  - kind: bullets\n    title: "نقاط"\n    bullets:\n      - ${item(upTo(20, 14, BULLETS_W))}\n`, warned: undefined, words: inBody, room: [BODY.y * PT, (BODY.y + BODY.h) * PT] },
  {
    name: 'a bullet of 80 repeats of a long phrase',
    yaml: `  - kind: bullets\n    title: "نقاط"\n    bullets:\n      - ${item(`الحكومة السورية تعتزم الانضمام${' وهذا نص إضافي طويل لشرح الخلفية السياسية والأمنية'.repeat(80)}`)}\n`,
    warned: 'over',
    words: inBody,
    room: [BODY.y * PT, (BODY.y + BODY.h) * PT],
  },
  { name: 'bullets of twenty-three lines at 14 pt', yaml: `  - kind: bullets\n    title: "نقاط"\n    bullets:\n      - ${item(upTo(10, 14, BULLETS_W))}\n      - ${item(upTo(12, 14, BULLETS_W, 300))}\n`, warned: 'over', words: inBody, room: [BODY.y * PT, (BODY.y + BODY.h) * PT] },
  // (the first card, on the right: its label down to the bottom of the card)
  { name: 'a card’s label of three lines', yaml: stats(upTo(3, 15, (CARD_W - 0.4) * PT)), warned: undefined, words: (w) => w.xMin > (BODY.x + BODY.w - CARD_W) * PT && w.yMin > (BODY.y + 1.2) * PT, room: [(BODY.y + 1.25) * PT, (BODY.y + 2.0) * PT] },
  { name: 'a card’s label of five lines', yaml: stats(upTo(5, 15, (CARD_W - 0.4) * PT)), warned: 'over', words: (w) => w.xMin > (BODY.x + BODY.w - CARD_W) * PT && w.yMin > (BODY.y + 1.2) * PT, room: [(BODY.y + 1.25) * PT, (BODY.y + 2.0) * PT] },
  { name: 'a source line of three lines at 9 pt', yaml: `  - kind: bullets\n    title: "نقاط"\n    bullets: ["نص"]\n    source: ${item(upTo(3, 9, (SLIDE.w - 2 * MARGIN) * PT))}\n`, warned: undefined, words: (w) => w.yMin > 5.5 * PT && !/^\d+$/.test(w.text), room: [NOTE_TOP * PT, FOOTER.ruleY * PT - 0.1 * PT] },
  { name: 'a source line of five lines at 9 pt', yaml: `  - kind: bullets\n    title: "نقاط"\n    bullets: ["نص"]\n    source: ${item(upTo(5, 9, (SLIDE.w - 2 * MARGIN) * PT))}\n`, warned: 'over', words: (w) => w.yMin > 5.5 * PT && !/^\d+$/.test(w.text), room: [NOTE_TOP * PT, FOOTER.ruleY * PT - 0.1 * PT] },
];

/** How far, in points, the words run out of the room, above or below it (beyond the render checks' tolerance for a word box's ascent and descent). */
function runsOut(words: Word[], [top, bottom]: [number, number]): number {
  return Math.max(0, ...words.map((w) => Math.max(top - w.yMin, w.yMax - bottom) - Math.max(TOLERANCE.box, TOLERANCE.boxVertical * (w.yMax - w.yMin))));
}

if (SKIP) {
  describe.skip('text too long for its box, rendered by LibreOffice (MUJAZ_SKIP_RENDER=1)', () => {
    it('runs out of its box where the build warns', () => {});
  });
} else if (missing) {
  describe('text too long for its box, rendered by LibreOffice', () => {
    it('has LibreOffice, poppler-utils and the Amiri font installed', () => {
      throw new Error(missing);
    });
  });
} else {
  describe('text too long for its box, rendered by LibreOffice', () => {
    let dir: string;
    let root: string;
    let pages: Page[];
    const warned = new Map<number, string>();

    beforeAll(async () => {
      root = await tempProject();
      const deck = path.join(root, 'templates/briefing/deck.hbs');
      const head = (await readFile(deck, 'utf8')).split('\nslides:\n')[0]!.replace(/\n  footer: [^\n]*/, ''); // (no footer: its words would mix with the body's)
      await writeFile(deck, `${head}\nslides:\n${CASES.map((c) => c.yaml).join('')}`);
      const result = await buildDeck({ root, audience: 'briefing' });
      if (!result.bytes) throw new Error(`the deck did not build:\n${formatDiagnostics(result.diagnostics)}`);
      for (const d of result.diagnostics.filter((x) => x.code === 'MJZ174')) {
        const slide = Number(/ of slide (\d+) /.exec(d.message)?.[1]);
        warned.set(slide, / fits its box only at /.test(d.message) ? 'small' : 'over');
      }
      dir = await mkdtemp(path.join(os.tmpdir(), 'mujaz-overflow-'));
      const file = path.join(dir, 'overflow.pptx');
      await writeFile(file, result.bytes);
      pages = await wordBoxes(await toPdf(file, dir));
    }, 180_000);

    afterAll(async () => {
      if (process.env.MUJAZ_KEEP_RENDER === '1') console.warn(`render output kept in ${dir}`);
      else {
        if (dir) await rm(dir, { recursive: true, force: true });
        if (root) await rm(root, { recursive: true, force: true });
      }
    });

    it.each(CASES.map((c, i) => [c.name, c, i + 1] as const))('%s: warned where it runs out of its box, not where it stays in', (_name, c, slide) => {
      expect(warned.get(slide), `the build's MJZ174 on slide ${slide}`).toBe(c.warned);
      const words = pages[slide - 1]!.lines.flatMap((l) => l.words).filter(c.words);
      expect(words.length, 'no words of the text found on its page').toBeGreaterThan(0);
      const out = runsOut(words, c.room);
      if (c.warned === 'over') expect(out, `it stays inside its room (${c.room.map((y) => (y / PT).toFixed(2)).join('–')} in)`).toBeGreaterThan(0);
      else expect(out, `it runs ${out.toFixed(1)} pt out of its room (${c.room.map((y) => (y / PT).toFixed(2)).join('–')} in)`).toBe(0);
    });

    it('draws the bullets of 80 repeats past the footer rule, and the title of 540 characters onto the gold rule under it', () => {
      const bullets = pages[6]!.lines.flatMap((l) => l.words).filter(inBody);
      expect(Math.max(...bullets.map((w) => w.yMax))).toBeGreaterThan(FOOTER.ruleY * PT);
      const title = pages[3]!.lines.flatMap((l) => l.words).filter(CASES[3]!.words);
      expect(Math.max(...title.map((w) => w.yMax))).toBeGreaterThan(1.34 * PT);
    });
  });
}
