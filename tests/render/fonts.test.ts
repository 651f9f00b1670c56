/**
 * The briefing deck in two faces much wider than Amiri (Lemonada for headings, DejaVu Sans for
 * the body), with a long title and a worded figure in a callout added, rendered by LibreOffice:
 * every word stays inside its box and no text runs over other text. This is what the fitting by
 * face width (src/pptx/layout.ts) is for; with Amiri's widths assumed, the long title ran into
 * the accent bar and the callout's figure out of its panel. And a title of two or three lines has
 * them apart: Lemonada's tall letters touched at LibreOffice's own spacing (about 1.2 em).
 *
 * Needs soffice, pdftotext and the two fonts (Debian: fonts-dejavu-core; Lemonada is in
 * fonts-lemonada). Skipped with MUJAZ_SKIP_RENDER=1, like the other render tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, formatDiagnostics } from '../../src/index.js';
import { wideFontProject } from '../helpers/wide-fonts.js';
import { messages, renderAndCheck, type Rendered } from './analyse.js';
import { checkLineGaps } from './checks.js';
import { missingTools } from './tools.js';

const SKIP = process.env.MUJAZ_SKIP_RENDER === '1';
const missing = SKIP ? undefined : await missingTools();
const families = spawnSync('fc-list', [':', 'family'], { encoding: 'utf8' }).stdout ?? '';
const fontsMissing = ['Lemonada', 'DejaVu Sans'].filter((f) => !families.includes(f));

if (SKIP) {
  describe.skip('render tests skipped: MUJAZ_SKIP_RENDER=1', () => it('fits text in wide faces', () => {}));
} else {
  describe('the briefing deck in faces wider than Amiri, rendered by LibreOffice', () => {
    let dir: string;
    let rendered: Rendered;

    beforeAll(async () => {
      if (missing) throw new Error(missing);
      if (fontsMissing.length) throw new Error(`fonts missing: ${fontsMissing.join(', ')} (apt-get install fonts-lemonada fonts-dejavu-core)`);
      const root = await wideFontProject();
      const result = await buildDeck({ root, audience: 'briefing' });
      if (!result.bytes || !result.spec) throw new Error(`the deck did not build:\n${formatDiagnostics(result.diagnostics)}`);
      dir = await mkdtemp(path.join(os.tmpdir(), 'mujaz-render-fonts-'));
      rendered = await renderAndCheck(result.bytes, result.spec, dir, 'wide');
    }, 180_000);

    afterAll(async () => {
      if (dir && process.env.MUJAZ_KEEP_RENDER !== '1') await rm(dir, { recursive: true, force: true });
    });

    it('keeps every word inside its box, the long title and the callout included', () => {
      expect(messages(rendered, 'overflow')).toEqual([]);
    });

    it('draws no text over other text', () => {
      expect(messages(rendered, 'overlap')).toEqual([]);
    });

    it('sets the lines of a long title apart, on the title slide and on a content slide', () => {
      const isTitle = (box: { placeholder?: string }) => box.placeholder === 'title';
      // the long title (two lines) and the article's title (three) are drawn on several lines
      const multiLine = rendered.renders.filter((r) => [...r.lines].some(([box, lines]) => isTitle(box) && lines.length > 1)).map((r) => r.slide.number);
      expect(multiLine).toContain(1);
      expect(multiLine.length).toBeGreaterThanOrEqual(2);
      expect(rendered.renders.flatMap((r) => checkLineGaps(r, isTitle)).map((p) => p.message)).toEqual([]);
    });
  });
}
