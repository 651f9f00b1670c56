import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { entryOrder, readPackage, writePackage, writeZip } from '../../../src/pptx/post/zip.js';

const DATE = new Date(Date.UTC(2024, 2, 1, 9, 30, 0));
const bytes = (s: string) => new TextEncoder().encode(s);

describe('entryOrder', () => {
  it('puts [Content_Types].xml first, then code-unit order (not locale order)', () => {
    expect(entryOrder(['ppt/b.xml', 'ppt/B.xml', '_rels/.rels', '[Content_Types].xml', 'docProps/app.xml'])).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/app.xml',
      'ppt/B.xml',
      'ppt/b.xml',
    ]);
  });
});

describe('writeZip', () => {
  const files = () =>
    new Map([
      ['ppt/slides/slide1.xml', bytes('<p:sld/>')],
      ['[Content_Types].xml', bytes('<Types/>')],
    ]);

  it('writes files only, in order, with the fixed date, deflated', async () => {
    const zip = await JSZip.loadAsync(await writeZip(files(), DATE));
    const entries = Object.values(zip.files);
    expect(entries.map((e) => e.name)).toEqual(['[Content_Types].xml', 'ppt/slides/slide1.xml']);
    expect(entries.every((e) => !e.dir)).toBe(true);
    for (const e of entries) expect(e.date.getTime()).toBe(DATE.getTime());
    const raw = await writeZip(files(), DATE);
    // local file header of the first entry: compression method 8 (DEFLATE) at offset 8
    expect(raw[8]).toBe(8);
  });

  it('gives the same bytes whatever the insertion order, time and time zone', async () => {
    const a = await writeZip(files(), DATE);
    const reversed = new Map([...files()].reverse());
    const tz = process.env.TZ;
    process.env.TZ = 'America/St_Johns';
    try {
      const b = await writeZip(reversed, DATE);
      expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});

describe('readPackage / writePackage', () => {
  it('round-trips XML as text and other parts as bytes, dropping folder entries', async () => {
    const zip = new JSZip();
    zip.file('ppt/slides/slide1.xml', 'نص');
    zip.file('ppt/embeddings/x.xlsx', new Uint8Array([1, 2, 3]));
    const input = await zip.generateAsync({ type: 'uint8array' });
    const parts = await readPackage(input);
    expect(parts.xml.get('ppt/slides/slide1.xml')).toBe('نص');
    expect(parts.bin.get('ppt/embeddings/x.xlsx')).toEqual(new Uint8Array([1, 2, 3]));
    const again = await JSZip.loadAsync(await writePackage(parts, DATE));
    expect(Object.keys(again.files).sort()).toEqual(['ppt/embeddings/x.xlsx', 'ppt/slides/slide1.xml']);
  });
});
