/**
 * A table fits its slide above the footer: its rows grow with their text in LibreOffice and
 * PowerPoint, so its type size is chosen from each row's estimated height (the lines of its
 * tallest cell, set as far apart as LibreOffice sets the face's lines in a table, and its
 * margins), down to 10 pt; a table too tall even then is warning MJZ172 (tests/hostile).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Theme } from '../../src/audience/theme.js';
import { BODY, FOOTER, cellLine, wrapLines } from '../../src/pptx/layout.js';
import { TABLE_MIN_SIZE, cellPadding, tableOverflowsAtSmallest, tableRowHeights, tableSize } from '../../src/pptx/slides/table.js';
import { bodyBox } from '../../src/pptx/slides/common.js';
import type { DeckSpec, Slide } from '../../src/spec/schema.js';
import { CASES, buildTables, type TableFixture } from '../helpers/tables.js';
import { all, slideNames, unzipXml, validatePptx, type Parts } from '../helpers/pptx.js';
import { compileAudience, prepareContent } from '../../src/build.js';
import { shippedTemplates } from '../hostile/harness.js';
import { shippedContent } from '../helpers/project.js';

type TableSlide = Extract<Slide, { kind: 'table' }>;
const table = (t: TableFixture): TableSlide => ({ kind: 'table', ...t });
const theme = (body: number, fonts = { heading: 'Amiri', body: 'Amiri' }) => ({ sizes: { title: 36, body, small: 16, footer: 12, big: 60 }, fonts }) as unknown as Theme;
const total = (rows: number[]) => rows.reduce((a, b) => a + b, 0);
/** The room of a table, in points: the body box, shortened above a source line. */
const room = (t: TableSlide) => bodyBox(Boolean(t.source)).h * 72;

describe('the lines of a table cell', () => {
  it('are as far apart as LibreOffice sets them: row heights measured from its renders (8 pt margins above and below)', () => {
    // face, size (pt), lines, the row's height as LibreOffice drew it (pt, from its borders)
    const measured: [string, number, number, number][] = [
      ['Amiri', 13, 1, 38.8],
      ['Amiri', 20, 2, 86.5],
      ['Amiri', 28, 3, 163.8],
      ['Noto Naskh Arabic', 24, 1, 57.0],
      ['Noto Sans Arabic', 32, 2, 151.5],
      ['DejaVu Sans', 16, 2, 53.0],
      ['Noto Kufi Arabic', 10, 1, 35.0],
      ['Lemonada', 20, 3, 136.2],
    ];
    for (const [face, size, lines, height] of measured) expect(16 + lines * cellLine(face) * size, `${face} ${size} pt, ${lines} lines`).toBeCloseTo(height, 0);
    // far more than the 1.4 em the fitting counted before, which let nine rows run over the footer
    expect(cellLine('Amiri')).toBeGreaterThan(1.7);
    // a face never measured counts as taller than any that was
    expect(cellLine('Some Other Face')).toBeGreaterThan(cellLine('Noto Sans Arabic'));
  });

  it('are counted word by word: a word that does not fit goes to the next line, a word longer than a line is broken', () => {
    expect(wrapLines('عضو', 20, 2)).toBe(1);
    expect(wrapLines('', 20, 2)).toBe(1);
    // at 20 pt a character is 9 pt (0.45 em), a space 5.4: two words of 8 take 149.4 pt, within 2.2 inches (158.4 pt); three do not
    expect(wrapLines('abcdefgh abcdefgh', 20, 2.2)).toBe(1);
    expect(wrapLines('abcdefgh abcdefgh abcdefgh', 20, 2.2)).toBe(2);
    expect(wrapLines('abcdefgh abcdefgh', 20, 2)).toBe(2);
    expect(wrapLines('a'.repeat(40), 20, 2.2)).toBe(3);
    expect(wrapLines('سطر\nسطر آخر', 20, 2.2)).toBe(2);
    // a column with no room left by its margins holds a character a line (it counted for ever)
    expect(wrapLines('عضو', 20, 0)).toBe(3);
    expect(wrapLines('عضو', 20, -0.1)).toBe(3);
  });
});

describe('a table sized to fit its slide', () => {
  it('is as tall as its rows: each its margins and the lines of its tallest cell', () => {
    const t = table(CASES.nineRows);
    const rows = tableRowHeights(t, theme(22), 14);
    expect(rows).toHaveLength(10);
    expect(rows[0]).toBeCloseTo(2 * cellPadding(14) + cellLine('Amiri') * 15, 5); // the heading row, a point larger
    for (const row of rows.slice(1)) expect(row).toBeCloseTo(2 * cellPadding(14) + cellLine('Amiri') * 14, 5);
  });

  it('keeps 8 pt margins from 20 pt, and fewer under it, so that ten rows fit at the smallest size', () => {
    expect([28, 20, 16, 13, 10].map(cellPadding)).toEqual([8, 8, 6, 5, 4]);
  });

  it('is set in the largest size at which it fits above the footer: the cases of the report', () => {
    const cases: [TableSlide, number][] = [
      [table(CASES.threeByThree), 30],
      [table(CASES.nineRows), 22],
      [table(CASES.tenRows), 22],
      [table(CASES.longCells), 22],
      [table(CASES.nineRowsWithSource), 22],
    ];
    for (const [t, body] of cases) {
      const size = tableSize(t, theme(body));
      expect(size, t.title).toBeGreaterThanOrEqual(TABLE_MIN_SIZE);
      expect(total(tableRowHeights(t, theme(body), size)), t.title).toBeLessThanOrEqual(room(t));
      expect(total(tableRowHeights(t, theme(body), size + 1)), t.title).toBeGreaterThan(room(t));
    }
    // nine one-line rows at 22 pt: the fitting chose 13 pt with 8 pt margins, and LibreOffice drew it down to 7.0 in, over the footer
    expect(tableSize(table(CASES.nineRows), theme(22))).toBe(13);
    expect(total(tableRowHeights(table(CASES.nineRows), theme(22), 13)) / 72 + BODY.y).toBeLessThan(FOOTER.ruleY - 0.3);
  });

  it('keeps the size its text suits when it fits (a short table at a body of 30 pt: 28)', () => {
    expect(tableSize(table({ title: 'ت', columns: ['أ', 'ب', 'ج'], rows: [['سوريا', 'عضو', 'نعم']] }), theme(30))).toBe(28);
  });

  it('fits faces that set lines further apart with smaller type', () => {
    const t = table(CASES.nineRows);
    expect(tableSize(t, theme(22, { heading: 'Noto Sans Arabic', body: 'Noto Sans Arabic' }))).toBeLessThan(tableSize(t, theme(22)));
    expect(tableSize(t, theme(22, { heading: 'DejaVu Sans', body: 'DejaVu Sans' }))).toBeGreaterThan(tableSize(t, theme(22)));
  });

  it('tells when it cannot fit even at the smallest size', () => {
    expect(tableOverflowsAtSmallest(table(CASES.tooTall), theme(22))).toBe(true);
    for (const t of [CASES.tenRows, CASES.longCells, CASES.nineRowsWithSource, CASES.threeByThree]) expect(tableOverflowsAtSmallest(table(t), theme(22)), t.title).toBe(false);
    // a column far narrower than the others ([1, 60]: less than its margins) ends, too tall
    expect(tableOverflowsAtSmallest(table({ ...CASES.threeByThree, widths: [1, 60, 1] }), theme(22))).toBe(true);
    // (as the authors' guide says: ten one-line rows over a source line fit too)
    expect(tableOverflowsAtSmallest(table({ ...CASES.tenRows, source: 'المصدر: بيانات التحالف' }), theme(22))).toBe(false);
  });
});

/** The tables of a slide part: per row, the type sizes of its cells (pt) and their margins above and below (pt). */
function tableRows(xml: string): { sizes: number[]; margins: number }[] {
  return all(xml, /<a:tr\b[^>]*>([\s\S]*?)<\/a:tr>/g).map((tr) => ({
    sizes: all(tr, /<a:rPr\b[^>]*\bsz="(\d+)"/g).map((s) => Number(s) / 100),
    margins: Math.max(...all(tr, /<a:tcPr\b([^>]*)>/g).map((attrs) => (Number(/marT="(\d+)"/.exec(attrs)?.[1] ?? 45720) + Number(/marB="(\d+)"/.exec(attrs)?.[1] ?? 45720)) / 12700)),
  }));
}

/** How tall LibreOffice draws a table of one-line rows in Amiri, in points: each row its margins and one line 1.758 em tall (Amiri's own line height, measured). */
const drawnOneLine = (rows: { sizes: number[]; margins: number }[]) => rows.reduce((sum, r) => sum + r.margins + 1.758 * Math.max(...r.sizes), 0);

describe('the .pptx of table slides', () => {
  let parts: Parts;
  let spec: DeckSpec;
  let bytes: Uint8Array;
  const tables: TableFixture[] = [CASES.nineRows, CASES.tenRows, CASES.nineRowsWithSource];

  beforeAll(async () => {
    const result = await buildTables(22, tables);
    if (!result.bytes) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
    bytes = result.bytes;
    spec = result.spec;
    parts = await unzipXml(result.bytes);
  });

  it('writes type and margins at which the one-line rows, as LibreOffice draws them, end above the footer', () => {
    const slides = slideNames(parts);
    expect(slides).toHaveLength(tables.length);
    slides.forEach((name, i) => {
      const rows = tableRows(parts.get(name)!);
      const t = tables[i]!;
      expect(rows, name).toHaveLength(t.rows.length + 1);
      const bottom = BODY.y + drawnOneLine(rows) / 72;
      // above its room (the body box, or the source line under it), and so above the footer rule
      expect(bottom, `${name}: the last row ends at ${bottom.toFixed(2)} in`).toBeLessThanOrEqual(BODY.y + bodyBox(Boolean(t.source)).h);
      expect(rows.flatMap((r) => r.sizes).every((s) => s >= TABLE_MIN_SIZE)).toBe(true);
    });
    // the sizes chosen: nine rows at 13 pt (its heading row 14), ten at 12, nine over a source line at 11
    expect(slides.map((name) => Math.min(...tableRows(parts.get(name)!).flatMap((r) => r.sizes)))).toEqual([13, 12, 11]);
    expect(spec.slides).toHaveLength(3);
  });

  it('is a valid package', () => {
    const v = validatePptx(bytes, 'tables.pptx');
    expect(v.code, v.output).toBe(0);
  });

  it('leaves the shipped table of gains as it was: 20 pt, its heading 21, 8 pt margins', async () => {
    const result = await compileAudience(prepareContent(await shippedContent()), await shippedTemplates(), 'briefing');
    const shipped = await unzipXml(result.bytes!);
    const name = slideNames(shipped).find((n) => shipped.get(n)!.includes('<a:tbl>'))!;
    const rows = tableRows(shipped.get(name)!);
    expect(rows.map((r) => Math.min(...r.sizes))).toEqual([21, 20, 20, 20]);
    expect(new Set(rows.map((r) => r.margins))).toEqual(new Set([16]));
  });
});
