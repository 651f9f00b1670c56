/**
 * Tables: pptxgenjs writes every table's properties as `<a:tblPr/>`, so PowerPoint does not know
 * that the first row holds the column headings. Its accessibility checker then reports "missing
 * table header", and a screen reader cannot name a cell's column. Every table mujaz draws
 * (slides/table.ts) has its headings in the first row, which is marked so here. The cells keep
 * their own fills, borders and type, so the deck looks the same.
 */

/** Every table's first row marked as its header row. */
export function markTableHeaderRows(xml: string): string {
  return xml.includes('<a:tblPr/>') ? xml.replaceAll('<a:tblPr/>', '<a:tblPr firstRow="1"/>') : xml;
}
