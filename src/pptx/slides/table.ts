import type { PptxSlide, TableProps, TableRow } from '../types.js';
import type { Slide } from '../../spec/schema.js';
import { estimateLines, faceWidth } from '../layout.js';
import { ar, bodyStyle, headingStyle, rtlColumns } from '../rtl.js';
import { addNote, addTitle, bodyBox, type RenderContext } from './common.js';

type TableSlide = Extract<Slide, { kind: 'table' }>;

/**
 * A table that reads right to left: pptxgenjs has no table direction, so the columns are
 * drawn in reverse (the first column on the right), which PowerPoint and LibreOffice both show.
 */
export function renderTable(slide: PptxSlide, spec: TableSlide, { theme }: RenderContext): void {
  addTitle(slide, spec.title, theme);
  const box = bodyBox(Boolean(spec.source));
  const c = theme.colors;
  const n = spec.columns.length;
  const weights = spec.widths ?? Array.from({ length: n }, () => 1); // the spec checks there is one per column
  const total = weights.reduce((a, b) => a + b, 0);
  const colW = rtlColumns(weights.map((w) => (box.w * w) / total));
  const longest = Math.max(...spec.rows.flat().map((cell) => cell.length), 1);
  const preferred = longest > 120 ? theme.sizes.small + 3 : longest > 70 ? theme.sizes.body - 4 : theme.sizes.body - 2;
  // Rows grow with their text, so the table must fit the body box: smaller type where the face
  // sets text wider than Amiri (each row as tall as its longest cell, lines about 1.4 em apart,
  // 8 pt of margin above and below, 10 pt on each side).
  const widths = weights.map((w) => (box.w * w) / total);
  const face = faceWidth(theme.fonts, 'body');
  const height = (s: number) =>
    [spec.columns, ...spec.rows].reduce((sum, row) => sum + (Math.max(...row.map((text, i) => estimateLines(text, s, widths[i]! - 20 / 72, 0.5 * face))) * s * 1.4 + 16) / 72, 0);
  let size = preferred;
  while (size > 10 && height(size) > box.h) size--;
  const border = { type: 'solid', pt: 0.75, color: 'D1D5DB' } as const;
  const cell = (text: string, header: boolean, first: boolean, band: boolean) => ({
    text,
    options: ar(header ? headingStyle(theme, size + 1, c.onPrimary) : bodyStyle(theme, size), {
      bold: header || first,
      fill: { color: header ? c.primary : band ? c.surface : c.background },
      valign: 'middle',
      margin: [8, 10, 8, 10],
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
