import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseFixedDate } from '../../../src/pptx/post/dates.js';
import { dropUnlistedTables, finalizeWorkbook, fixWorkbookPart, rtlSheetViews } from '../../../src/pptx/post/workbook.js';

const CORE =
  '<cp:coreProperties xmlns:cp="urn:cp" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dcterms:created xsi:type="dcterms:W3CDTF">2026-11-29T01:18:35.759Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-29T01:18:35.759Z</dcterms:modified></cp:coreProperties>';
const SHEET = '<worksheet><sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="B1"/></sheetView></sheetViews></worksheet>';
const date = parseFixedDate('2024-03-01T09:30:00Z');

async function workbook(when: Date): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>', { date: when });
  zip.file('docProps/core.xml', CORE.replace(/2026-11-29T01:18:35.759Z/g, when.toISOString()), { date: when });
  zip.file('xl/worksheets/sheet1.xml', SHEET, { date: when });
  return zip.generateAsync({ type: 'uint8array' });
}

describe('workbook parts', () => {
  it('sets the sheet view right-to-left', () => {
    expect(rtlSheetViews(SHEET)).toContain('<sheetView tabSelected="1" workbookViewId="0" rightToLeft="1">');
    expect(rtlSheetViews(SHEET)).toContain('<sheetViews>');
  });

  it('fixes core.xml dates; leaves sheets alone for left-to-right decks', () => {
    expect(fixWorkbookPart('docProps/core.xml', CORE, { date, rtl: false })).not.toContain('2026');
    expect(fixWorkbookPart('xl/worksheets/sheet1.xml', SHEET, { date, rtl: false })).toBe(SHEET);
  });
});

describe('finalizeWorkbook', () => {
  it('gives identical bytes for workbooks written at different times', async () => {
    const a = await finalizeWorkbook(await workbook(new Date(Date.UTC(2025, 0, 1, 10, 0, 0, 123))), { date, rtl: true });
    const b = await finalizeWorkbook(await workbook(new Date(Date.UTC(2026, 5, 7, 23, 59, 58, 999))), { date, rtl: true });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const core = await (await JSZip.loadAsync(a)).file('docProps/core.xml')?.async('string');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-01T09:30:00Z</dcterms:created>');
  });
});

describe('the table part pptxgenjs writes into a chart workbook', () => {
  const TYPES =
    '<Types><Override PartName="/xl/worksheets/sheet1.xml" ContentType="ws"/><Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>';
  const TABLE = '<table id="1" name="Table1" displayName="Table1" ref="A1:B10\'" totalsRowShown="0"/>';
  const RELS = '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>';
  const files = (sheet: string, rels = RELS) =>
    new Map(
      Object.entries({ '[Content_Types].xml': TYPES, 'xl/worksheets/sheet1.xml': sheet, 'xl/worksheets/_rels/sheet1.xml.rels': rels, 'xl/tables/table1.xml': TABLE }).map(([k, v]) => [k, new TextEncoder().encode(v)]),
    );
  const text = (m: Map<string, Uint8Array>, name: string) => new TextDecoder().decode(m.get(name));

  it('goes, with its relationship and content type, when no sheet lists it', () => {
    const m = files(SHEET);
    dropUnlistedTables(m);
    expect([...m.keys()].sort()).toEqual(['[Content_Types].xml', 'xl/worksheets/sheet1.xml']);
    expect(text(m, '[Content_Types].xml')).not.toContain('tables/');
    expect(text(m, '[Content_Types].xml')).toContain('/xl/worksheets/sheet1.xml');
  });

  it('keeps the other relationships of the sheet', () => {
    const m = files(SHEET, RELS.replace('</Relationships>', '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>'));
    dropUnlistedTables(m);
    expect(text(m, 'xl/worksheets/_rels/sheet1.xml.rels')).toBe('<Relationships><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>');
  });

  it('stays when a sheet lists it', () => {
    const m = files(SHEET.replace('</worksheet>', '<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>'));
    dropUnlistedTables(m);
    expect(m.has('xl/tables/table1.xml')).toBe(true);
    expect(text(m, '[Content_Types].xml')).toBe(TYPES);
  });
});
