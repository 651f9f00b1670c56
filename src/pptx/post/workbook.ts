/**
 * Embedded chart workbooks (ppt/embeddings/*.xlsx, nested zips): pptxgenjs
 * writes the wall-clock time (with milliseconds) into their docProps/core.xml
 * and zips them with wall-clock entry dates. Fix the dates and re-zip them
 * deterministically; for right-to-left decks, show the sheets right-to-left.
 */
import { setCoreDates } from './core-props.js';
import type { FixedDate } from './dates.js';
import { mapStartTags, setAttr } from './xml.js';
import { readZip, writeZip } from './zip.js';

/** A worksheet part whose sheet views are right-to-left. */
export function rtlSheetViews(xml: string): string {
  return mapStartTags(xml, 'sheetView', (tag) => setAttr(tag, 'rightToLeft', '1'));
}

export interface WorkbookOptions {
  date: FixedDate;
  rtl: boolean;
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** One workbook's parts (name → text) after the fixes; other parts unchanged. */
export function fixWorkbookPart(name: string, xml: string, opts: WorkbookOptions): string {
  if (name === 'docProps/core.xml') return setCoreDates(xml, opts.date.w3c);
  if (opts.rtl && /^xl\/worksheets\/[^/]+\.xml$/.test(name)) return rtlSheetViews(xml);
  return xml;
}

/** An embedded workbook with fixed dates, re-zipped deterministically. */
export async function finalizeWorkbook(bytes: Uint8Array, opts: WorkbookOptions): Promise<Uint8Array> {
  const files = await readZip(bytes);
  for (const [name, data] of files) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const text = decoder.decode(data);
    const fixed = fixWorkbookPart(name, text, opts);
    if (fixed !== text) files.set(name, encoder.encode(fixed));
  }
  return writeZip(files, opts.date.date);
}
