import type { PptxSlide, TableProps, TableRow } from '../types.js';
import type { Theme } from '../../audience/theme.js';
import type { Slide } from '../../spec/schema.js';
import { cellLine, faceWidth, wrapLines } from '../layout.js';
import { ar, bodyStyle, headingStyle, rtlColumns } from '../rtl.js';
import { addNote, addTitle, bodyBox, type RenderContext } from './common.js';

type TableSlide = Extract<Slide, { kind: 'table' }>;

/** The smallest type a table is set in: it shrinks to fit its slide down to this, then warns (MJZ172). */
export const TABLE_MIN_SIZE = 10;

/** The margin on each side of a cell's text, in points. */
const SIDE = 10;

/**
 * The margin above and below a cell's text, in points: 8 from 20 pt, less for smaller type, so
 * that a table of ten one-line rows still fits its slide when it has to be set small (at 8 pt of
 * margins and 10 pt type, the margins alone took nearly half of its height).
 */
export function cellPadding(size: number): number {
  return Math.min(8, Math.round(size * 0.4));
}

/** The columns' widths in inches, in reading order (the spec checks there is one weight per column). */
function columnWidths(spec: TableSlide): number[] {
  const box = bodyBox(Boolean(spec.source));
  const weights = spec.widths ?? spec.columns.map(() => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (box.w * w) / total);
}

/**
 * The height of each row in points, the heading row first, as LibreOffice lays a table out: a
 * row is as tall as its tallest cell, its margins (cellPadding) and its lines, set as far apart
 * as the face sets them in a table (cellLine: for Amiri 1.76 em, where a text box's lines are
 * about 1.2 em apart). A cell's lines are counted word by word in its column's width less the side
 * margins (wrapLines, which errs on the safe side), with the face's width (faceWidth). The heading
 * row is bold, in the heading face, a point larger; the first column bold.
 */
export function tableRowHeights(spec: TableSlide, theme: Theme, size: number): number[] {
  const widths = columnWidths(spec);
  const { fonts } = theme;
  const heading = { size: size + 1, line: cellLine(fonts.heading), width: faceWidth(fonts, 'heading') };
  const body = { size, line: cellLine(fonts.body), width: faceWidth(fonts, 'body') };
  const first = { ...body, width: faceWidth({ ...fonts, heading: fonts.body }, 'heading') }; // the body face, bold
  const row = (cells: readonly string[], style: (column: number) => typeof body) =>
    2 * cellPadding(size) +
    Math.max(
      ...cells.map((text, i) => {
        const s = style(i);
        return wrapLines(text, s.size, widths[i]! - (2 * SIDE) / 72, 0.45 * s.width) * s.line * s.size;
      }),
    );
  return [row(spec.columns, () => heading), ...spec.rows.map((cells) => row(cells, (i) => (i === 0 ? first : body)))];
}

/** A table's height in points (its rows, and the last border). */
const tableHeight = (rows: readonly number[]) => rows.reduce((a, b) => a + b, 0) + 1;

/**
 * The type size of a table: the size its text suits (smaller for long cells), or the largest
 * below it at which the whole table fits the room between the title and the footer (above the
 * slide's note when it has one), down to TABLE_MIN_SIZE.
 */
export function tableSize(spec: TableSlide, theme: Theme): number {
  const longest = Math.max(...spec.rows.flat().map((cell) => cell.length), 1);
  const preferred = longest > 120 ? theme.sizes.small + 3 : longest > 70 ? theme.sizes.body - 4 : theme.sizes.body - 2;
  const room = bodyBox(Boolean(spec.source)).h * 72;
  for (let size = Math.max(preferred, TABLE_MIN_SIZE); size > TABLE_MIN_SIZE; size--) {
    if (tableHeight(tableRowHeights(spec, theme, size)) <= room) return size;
  }
  return TABLE_MIN_SIZE;
}

/** Whether the table runs past its room even at TABLE_MIN_SIZE (its last rows would cover the footer). */
export function tableOverflowsAtSmallest(spec: TableSlide, theme: Theme): boolean {
  return tableHeight(tableRowHeights(spec, theme, TABLE_MIN_SIZE)) > bodyBox(Boolean(spec.source)).h * 72;
}

/**
 * A table that reads right to left: pptxgenjs has no table direction, so the columns are
 * drawn in reverse (the first column on the right), which PowerPoint and LibreOffice both show.
 * Its rows grow with their text in both, so its type is sized to keep the whole table above the
 * footer (tableSize). The rows are written without a height (h="0"), and each viewer makes them
 * as tall as the text it sets: a height is only a row's least, so the estimate's would not keep a
 * row from growing, and since the estimate errs high it made rows taller than their text (a
 * one-line row of the shipped table of gains as tall as two).
 */
export function renderTable(slide: PptxSlide, spec: TableSlide, ctx: RenderContext): void {
  const { theme } = ctx;
  addTitle(slide, spec.title, ctx);
  const box = bodyBox(Boolean(spec.source));
  const c = theme.colors;
  const colW = rtlColumns(columnWidths(spec));
  const size = tableSize(spec, theme);
  const pad = cellPadding(size);
  const border = { type: 'solid', pt: 0.75, color: 'D1D5DB' } as const;
  const cell = (text: string, header: boolean, first: boolean, band: boolean) => ({
    text,
    options: ar(header ? headingStyle(theme, size + 1, c.onPrimary) : bodyStyle(theme, size), {
      bold: header || first,
      fill: { color: header ? c.primary : band ? c.surface : c.background },
      valign: 'middle',
      margin: [pad, SIDE, pad, SIDE],
      border: [{ ...border }, { ...border }, { ...border }, { ...border }],
    }),
  });
  const rows = [
    rtlColumns(spec.columns.map((h, i) => cell(h, true, i === 0, false))),
    ...spec.rows.map((row, r) => rtlColumns(row.map((text, i) => cell(text, false, i === 0, r % 2 === 1)))),
  ];
  slide.addTable(rows as TableRow[], { x: box.x, y: box.y, w: box.w, colW, autoPage: false } as TableProps);
  if (spec.source) addNote(slide, spec.source, theme);
}
