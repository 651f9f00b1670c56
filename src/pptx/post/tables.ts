/**
 * Tables: pptxgenjs writes every table's properties as `<a:tblPr/>`, so PowerPoint does not know
 * that the first row holds the column headings. Its accessibility checker then reports "missing
 * table header", and a screen reader cannot name a cell's column. Every table mujaz draws
 * (slides/table.ts) has its headings in the first row, which is marked so here. The cells keep
 * their own fills, borders and type, so the deck looks the same.
 */

import { mapElements } from './xml.js';

/** Every table's first row marked as its header row. */
export function markTableHeaderRows(xml: string): string {
  return xml.includes('<a:tblPr/>') ? xml.replaceAll('<a:tblPr/>', '<a:tblPr firstRow="1"/>') : xml;
}

/**
 * A table's frame says what the table holds (`descr`, its alternative text): its column
 * headings, in reading order (right to left, the grid's last column first, in a right-to-left
 * deck, whose columns are stored reversed). pptxgenjs writes none, so PowerPoint's
 * accessibility checker reports the table as missing its alternative text. A frame that has a
 * descr keeps it.
 */
export function describeTables(xml: string, rtl: boolean): string {
  if (!xml.includes('<a:tbl>')) return xml;
  return mapElements(xml, 'p:graphicFrame', (frame) => {
    const row = /<a:tr\b[\s\S]*?<\/a:tr>/.exec(frame)?.[0];
    if (!frame.includes('<a:tbl>') || row === undefined) return frame;
    // a heading's runs joined as they are, its lines (paragraphs) with a space
    const text = (xml: string) => [...xml.matchAll(/<a:t(?:\s[^>]*)?>([^<]*)<\/a:t>/g)].map((t) => t[1]).join('');
    const headings = [...row.matchAll(/<a:tc\b[\s\S]*?<\/a:tc>/g)].map((cell) =>
      [...cell[0].matchAll(/<a:p\b[\s\S]*?<\/a:p>/g)]
        .map((p) => text(p[0]).trim())
        .filter(Boolean)
        .join(' '),
    );
    if (rtl) headings.reverse();
    const named = headings.filter(Boolean);
    if (named.length === 0) return frame;
    // (the text is escaped for an element already; an attribute also needs its quotes escaped)
    const descr = (rtl ? `جدول بأعمدة: ${named.join('، ')}` : `Table with the columns ${named.join(', ')}`).replaceAll('"', '&quot;');
    return frame.replace(/<p:cNvPr\b(?![^>]*\bdescr=)[^>]*?(?=\/?>)/, (tag) => `${tag} descr="${descr}"`);
  });
}
