/**
 * The render stage takes pptxgenjs's parts before they are zipped (src/pptx/parts.ts). They must
 * be exactly what JSZip would write for the same presentation: every name, every XML part to
 * the character, every binary part (the charts' workbooks) to the byte.
 */
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { unzipSync } from 'fflate';
import JSZip from 'jszip';
import { presentationParts, presentationZip, zipParts } from '../../src/pptx/parts.js';
import { readPackage, readZip } from '../../src/pptx/post/zip.js';
import { finalizeWorkbook } from '../../src/pptx/post/workbook.js';
import { parseFixedDate } from '../../src/pptx/post/dates.js';
import { makePresentation } from '../fixtures/post/make-deck.js';


describe('presentationParts', () => {
  it('hands over the parts the written zip holds, without zipping them', async () => {
    // (One presentation, written once: pptxgenjs changes its options as it writes them.)
    const zip = await presentationZip(makePresentation() as never);
    const parts = await zipParts(zip);
    const zipped = await readPackage(await (zip as unknown as JSZip).generateAsync({ type: 'uint8array' }));
    expect([...parts.xml.keys()].sort()).toEqual([...zipped.xml.keys()].sort());
    expect(parts.xml.size).toBeGreaterThan(20);
    for (const [name, text] of zipped.xml) expect(parts.xml.get(name), name).toBe(text);
    expect([...parts.bin.keys()].sort()).toEqual([...zipped.bin.keys()].sort());
    expect(parts.bin.size).toBeGreaterThan(0); // the fixture's charts embed workbooks
    for (const [name, bytes] of zipped.bin) expect(Buffer.from(parts.bin.get(name)!).equals(Buffer.from(bytes)), name).toBe(true);
  });

  it('answers its own output type with the JSZip object, and leaves every other type to JSZip', async () => {
    const parts = await presentationParts(makePresentation() as never); // the hook is in place
    expect(parts.xml.has('ppt/presentation.xml')).toBe(true);
    const own = new JSZip();
    expect(await own.generateAsync({ type: 'mujaz:parts' as never })).toBe(own);
    const zip = new JSZip();
    zip.file('a.txt', 'نص');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect(Buffer.from(unzipSync(bytes)['a.txt']!).toString('utf8')).toBe('نص');
  });

  it("hands each chart's workbook to JSZip as bytes, which JSZip does not decode from base64", async () => {
    // (JSZip's own module, as pptxgenjs loads it: its file() decodes base64 text with this function)
    const base64 = createRequire(import.meta.url)('jszip/lib/base64.js') as { decode: (text: string) => unknown };
    const decode = vi.spyOn(base64, 'decode');
    try {
      const zip = await presentationZip(makePresentation() as never);
      const workbooks = Object.keys(zip.files).filter((name) => /^ppt\/embeddings\/.*\.xlsx$/.test(name));
      expect(workbooks.length).toBeGreaterThan(0);
      expect(decode).not.toHaveBeenCalled();
    } finally {
      decode.mockRestore();
    }
  });

  it("zips each chart's workbook in stored blocks while it writes: the same files as JSZip's zip, the same workbook once finalized", async () => {
    const zip = await presentationZip(makePresentation() as never);
    const workbooks = Object.keys(zip.files).filter((name) => /^ppt\/embeddings\/.*\.xlsx$/.test(name));
    expect(workbooks.length).toBeGreaterThan(0);
    const opts = { date: parseFixedDate('2025-11-03T00:00:00Z'), rtl: true };
    for (const name of workbooks) {
      const bytes = (await zipParts(zip)).bin.get(name)!;
      // zipped by zlib (DEFLATE, method 8), not by JSZip (which stores: method 0)
      expect(Buffer.from(bytes).readUInt16LE(8), name).toBe(8);
      // the files JSZip would have zipped, for a workbook pptxgenjs builds the same way
      const jszip = await JSZip.loadAsync(bytes);
      const own = await jszip.generateAsync({ type: 'uint8array' }); // (outside a write: JSZip's own zip)
      expect(Buffer.from(own).readUInt16LE(8)).toBe(0);
      expect(await readZip(bytes)).toEqual(await readZip(own));
      expect(Buffer.from(await finalizeWorkbook(bytes, opts)).equals(Buffer.from(await finalizeWorkbook(own, opts)))).toBe(true);
    }
  });

  it('leaves a base64 zip to JSZip outside a write of a presentation, a spreadsheet too', async () => {
    await presentationParts(makePresentation() as never); // the hook is in place
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>', { date: new Date(Date.UTC(2020, 0, 1)) });
    zip.file('xl/workbook.xml', '<workbook/>', { date: new Date(Date.UTC(2020, 0, 1)) });
    const bytes = Buffer.from(await zip.generateAsync({ type: 'base64' }), 'base64');
    expect(bytes.readUInt16LE(8)).toBe(0); // (JSZip stores; workbookZip deflates)
    expect(Buffer.from(unzipSync(bytes)['xl/workbook.xml']!).toString()).toBe('<workbook/>');
  });

  it("leaves to JSZip a zip other code makes during a write, unless it is a chart's workbook as pptxgenjs makes it", async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, 0x3c, 0x77, 0x2f, 0x3e]);
    const bytes = new JSZip();
    bytes.file('[Content_Types].xml', '<Types/>');
    bytes.file('xl/workbook.xml', bom); // (bytes, which begin with a byte-order mark)
    const other = new JSZip();
    other.file('[Content_Types].xml', '<Types/>');
    other.file('xl/workbook.xml', '<w/>');
    other.file('xl/worksheets/sheet2.xml', '<s/>'); // (a file pptxgenjs does not write)
    const loaded = await JSZip.loadAsync(await other.generateAsync({ type: 'uint8array' }));
    const made: Buffer[] = [];
    // (the zips are made while a presentation is written: between two steps of pptxgenjs's write)
    const writer = { write: async () => { for (const zip of [bytes, other, loaded]) made.push(Buffer.from(await zip.generateAsync({ type: 'base64' }), 'base64')); return new JSZip(); } };
    await presentationZip(writer as never);
    expect(made.map((zip) => zip.readUInt16LE(8))).toEqual([0, 0, 0]); // (JSZip stores; workbookZip deflates)
    expect(Buffer.from(unzipSync(made[0]!)['xl/workbook.xml']!).equals(Buffer.from(bom))).toBe(true);
  });
});
