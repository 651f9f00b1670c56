/**
 * Embedded chart workbooks (ppt/embeddings/*.xlsx, nested zips): pptxgenjs
 * writes the wall-clock time (with milliseconds) into their docProps/core.xml
 * and zips them with wall-clock entry dates. Fix the dates and re-zip them
 * deterministically; for right-to-left decks, show the sheets right-to-left.
 *
 * pptxgenjs also writes a table part (xl/tables/table1.xml) that no sheet lists in its
 * <tableParts>, with a malformed range (ref="A1:B10'": pptxgenjs issue #1531) and a first
 * column named "Column1" over an empty header cell. Keynote and macOS Preview drop a chart whose
 * workbook holds it; Excel reads the sheet without it. It is removed, with its relationship and
 * its content type: the chart's data stays a plain range of the sheet.
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

const TABLE_PART = /^xl\/tables\/[^/]+\.xml$/;
const TABLE_REL = /<Relationship\b[^>]*\bType="[^"]*\/relationships\/table"[^>]*\/>/g;
const TABLE_OVERRIDE = /<Override\b[^>]*\bPartName="\/xl\/tables\/[^"]*"[^>]*\/>/g;

/**
 * The workbook without the table parts pptxgenjs writes and no sheet lists (see above): the
 * parts, the worksheets' relationships to them (a relationships file left empty goes too) and
 * their content types. A table a sheet does list in <tableParts> is kept.
 */
export function dropUnlistedTables(files: Map<string, Uint8Array>): void {
  const tables = [...files.keys()].filter((name) => TABLE_PART.test(name));
  if (tables.length === 0) return;
  const text = (name: string) => decoder.decode(files.get(name));
  const listed = [...files.keys()].some((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name) && text(name).includes('<tableParts'));
  if (listed) return;
  for (const name of tables) files.delete(name);
  for (const name of [...files.keys()].filter((n) => /^xl\/worksheets\/_rels\/[^/]+\.rels$/.test(n))) {
    const rels = text(name).replace(TABLE_REL, '');
    if (/<Relationship\b/.test(rels)) files.set(name, encoder.encode(rels));
    else files.delete(name);
  }
  const types = files.get('[Content_Types].xml');
  if (types) files.set('[Content_Types].xml', encoder.encode(decoder.decode(types).replace(TABLE_OVERRIDE, '')));
}

/** An embedded workbook with fixed dates and without pptxgenjs's stray table, re-zipped deterministically. */
export async function finalizeWorkbook(bytes: Uint8Array, opts: WorkbookOptions): Promise<Uint8Array> {
  const files = await readZip(bytes);
  dropUnlistedTables(files);
  for (const [name, data] of files) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const text = decoder.decode(data);
    const fixed = fixWorkbookPart(name, text, opts);
    if (fixed !== text) files.set(name, encoder.encode(fixed));
  }
  return writeZip(files, opts.date.date);
}
