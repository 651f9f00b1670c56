/**
 * Render check: the finalized fixture opens in LibreOffice and reads right to
 * left. soffice converts it to PDF; pdftotext -bbox gives each word's box
 * (glyphs come out in visual order, so an Arabic word reads reversed), and
 * pdftoppm writes PNG pages to look at (kept when MUJAZ_KEEP_RENDER=1). Skipped when soffice (or poppler's
 * pdftotext/pdftoppm) is not on PATH.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { finalizePackage } from '../../../src/pptx/post/index.js';
import { makeDeck } from '../../fixtures/post/make-deck.js';
import { fixtureOptions } from '../../fixtures/post/options.js';

const onPath = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const missing = ['soffice', 'pdftotext', 'pdftoppm'].filter((c) => !onPath(c));

interface Word {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}

function words(pdf: string, page: number): { width: number; words: Word[] } {
  const run = spawnSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  const html = run.stdout ?? '';
  const width = Number(/<page width="([\d.]+)"/.exec(html)?.[1] ?? NaN);
  const list = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    text: m[4] as string,
  }));
  return { width, words: list };
}

/** The word as pdftotext writes it: Arabic in visual (reversed) order. */
const visual = (word: string) => [...word].reverse().join('');
const find = (list: Word[], word: string) => list.filter((w) => w.text === word || w.text === visual(word));

describe('LibreOffice render', () => {
  it('opens the finalized deck, right-aligned Arabic, charts drawn, notes not on the slides', async (ctx) => {
    if (missing.length > 0) ctx.skip(`render check skipped: ${missing.join(', ')} not on PATH (install libreoffice-impress and poppler-utils)`);
    const dir = mkdtempSync(path.join(tmpdir(), 'mujaz-post-render-'));
    try {
      const pptx = path.join(dir, 'fixture.pptx');
      writeFileSync(pptx, await finalizePackage(await makeDeck(), fixtureOptions()));
      const convert = spawnSync(
        'soffice',
        [`-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, pptx],
        { encoding: 'utf8', timeout: 120_000 },
      );
      const pdf = path.join(dir, 'fixture.pdf');
      expect(readdirSync(dir), `${convert.stdout}${convert.stderr}`).toContain('fixture.pdf');
      const pages = spawnSync('pdftoppm', ['-png', '-r', '50', pdf, path.join(dir, 'page')], { encoding: 'utf8' });
      expect(pages.status, pages.stderr).toBe(0);
      const pngs = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
      expect(pngs).toHaveLength(4);
      for (const png of pngs) expect(statSync(path.join(dir, png)).size).toBeGreaterThan(3000);

      // Slide 1: title, multi-run paragraph and bullets against the right margin.
      const one = words(pdf, 1);
      const right = one.width * 0.9;
      for (const word of ['ملخص', 'يضم']) {
        const [w] = find(one.words, word);
        expect(w, word).toBeDefined();
        expect(w?.xMax, word).toBeGreaterThan(right);
      }
      const bullets = one.words.filter((w) => w.text === '•');
      expect(bullets).toHaveLength(3);
      for (const b of bullets) expect(b.xMin).toBeGreaterThan(right);
      // Logical order kept in the mixed paragraph: "يضم التحالف الدولي FFIS أكثر …" reads right to left.
      const [acronym] = find(one.words, 'FFIS');
      expect(acronym?.xMax).toBeLessThan(find(one.words, 'الدولي')[0]?.xMin ?? 0);
      expect(acronym?.xMin).toBeGreaterThan(find(one.words, 'أكثر')[0]?.xMax ?? Infinity);

      // Notes are not drawn on any slide.
      for (let page = 1; page <= 4; page++) {
        expect(find(words(pdf, page).words, 'سطر'), `page ${page}`).toHaveLength(0);
      }

      // Slide 3: both charts drawn (category labels and axis numbers), title and
      // series name right to left: "(FFIS)" left of "الأعضاء" thanks to RLE…PDF.
      const three = words(pdf, 3).words;
      for (const label of ['أوروبا', 'آسيا', 'أفريقيا', 'الأولى', 'الثانية', 'الثالثة', '35', '16']) {
        expect(find(three, label).length, label).toBeGreaterThan(0);
      }
      const inCharts = three.filter((w) => w.text.includes('FFIS'));
      expect(inCharts, 'the bar chart title and its legend entry').toHaveLength(2);
      for (const f of inCharts) {
        const arabic = find(three, 'الأعضاء').filter((w) => Math.abs(w.yMin - f.yMin) < 2);
        expect(arabic.length).toBeGreaterThan(0);
        for (const a of arabic) expect(f.xMax).toBeLessThan(a.xMin);
      }

      // Slide 4: the doughnut's title and legend are drawn.
      const four = words(pdf, 4).words;
      for (const label of ['المساهمات', 'عسكرية', 'مالية', 'إنسانية']) expect(find(four, label).length, label).toBeGreaterThan(0);
    } finally {
      if (process.env.MUJAZ_KEEP_RENDER) process.stderr.write(`render check: PDF and PNG pages kept in ${dir}\n`);
      else rmSync(dir, { recursive: true, force: true });
    }
  });
});
