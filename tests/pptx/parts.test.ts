/**
 * The render stage takes pptxgenjs's parts before they are zipped (src/pptx/parts.ts). They must
 * be exactly what JSZip would write for the same presentation: every name, every XML part to
 * the character, every binary part (the charts' workbooks) to the byte.
 */
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import JSZip from 'jszip';
import { presentationParts, presentationZip, zipParts } from '../../src/pptx/parts.js';
import { readPackage } from '../../src/pptx/post/zip.js';
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
});
