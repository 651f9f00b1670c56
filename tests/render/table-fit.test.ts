/**
 * Tables as LibreOffice draws them: every table ends above the footer (above its source line when
 * it has one), whether its rows are many, tall or set in a large body size. The bottom of a table
 * is read from the picture of its page (its left border), since rows grow with their text.
 *
 * Needs what the other render tests need (tools.ts), and pdftoppm (poppler-utils).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY, FOOTER } from '../../src/pptx/layout.js';
import { bodyBox } from '../../src/pptx/slides/common.js';
import { CASES, buildTables, type TableFixture } from '../helpers/tables.js';
import { lineEnd, rasterPage } from './raster.js';
import { missingTools, toPdf } from './tools.js';

const SKIP = process.env.MUJAZ_SKIP_RENDER === '1';
const missing = SKIP ? undefined : await missingTools();

/** The decks: the reviewer's 3×3 table at a body of 30 pt; the rest at 22. */
const DECKS: { name: string; body: number; tables: TableFixture[] }[] = [
  { name: 'body30', body: 30, tables: [CASES.threeByThree] },
  { name: 'body22', body: 22, tables: [CASES.nineRows, CASES.tenRows, CASES.longCells, CASES.nineRowsWithSource] },
];

if (SKIP) {
  describe.skip('tables rendered by LibreOffice (MUJAZ_SKIP_RENDER=1)', () => {
    it('ends every table above the footer', () => {});
  });
} else if (missing) {
  describe('tables rendered by LibreOffice', () => {
    it('has LibreOffice, poppler-utils and the Amiri font installed', () => {
      throw new Error(missing);
    });
  });
} else {
  describe('tables rendered by LibreOffice', () => {
    let dir: string;
    /** Per table: where its left border ends on its page, in inches from the top. */
    const bottoms = new Map<string, number | undefined>();

    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'mujaz-tables-'));
      await Promise.all(
        DECKS.map(async ({ name, body, tables }) => {
          const result = await buildTables(body, tables);
          if (!result.bytes) throw new Error(`the ${name} deck did not build: ${result.diagnostics.map((d) => d.message).join('; ')}`);
          const sub = await mkdtemp(path.join(dir, `${name}-`));
          const file = path.join(sub, `${name}.pptx`);
          await writeFile(file, result.bytes);
          const pdf = await toPdf(file, sub);
          for (const [i, t] of tables.entries()) {
            // the table's left border, from just under its top edge
            bottoms.set(t.title, lineEnd(await rasterPage(pdf, i + 1), BODY.x, BODY.y + 0.05));
          }
        }),
      );
    }, 180_000);

    afterAll(async () => {
      if (process.env.MUJAZ_KEEP_RENDER === '1') console.warn(`render output kept in ${dir}`);
      else if (dir) await rm(dir, { recursive: true, force: true });
    });

    const all = DECKS.flatMap((d) => d.tables);
    it.each(all.map((t) => [t.title, t] as const))('%s: the last row ends above the footer (and above the source line)', (_title, t) => {
      const bottom = bottoms.get(t.title);
      expect(bottom, 'no table border found on the page').toBeDefined();
      const room = BODY.y + bodyBox(Boolean(t.source)).h;
      // (a point of tolerance for the border's width and anti-aliasing)
      expect(bottom!, `the table ends at ${bottom!.toFixed(2)} in; its room ends at ${room.toFixed(2)} in, the footer rule is at ${FOOTER.ruleY} in`).toBeLessThanOrEqual(room + 1 / 72);
      expect(bottom!).toBeLessThan(FOOTER.ruleY);
    });

    it('fills its room rather than leaving it empty: nine or ten one-line rows take most of it', () => {
      for (const t of [CASES.nineRows, CASES.tenRows]) expect(bottoms.get(t.title)! - BODY.y, t.title).toBeGreaterThan(0.8 * BODY.h);
    });
  });
}
