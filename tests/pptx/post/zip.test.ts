import fc from 'fast-check';
import { unzipSync } from 'fflate';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { entryOrder, readPackage, readStoredZip, readZip, verifiedEntry, writePackage, writeZip } from '../../../src/pptx/post/zip.js';

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

describe('readZip', () => {
  const unzipped = (files: Record<string, Uint8Array>) => new Map(Object.entries(files).filter(([name]) => !name.endsWith('/')));
  const name = fc.stringMatching(/^[a-zA-Z0-9_ أب.-]{1,12}(\/[a-zA-Z0-9_.]{1,8})?$/);
  const filesOf = fc.uniqueArray(fc.tuple(name, fc.uint8Array({ maxLength: 300 })), { selector: ([n]) => n, maxLength: 8 }).map((entries) => new Map(entries));

  it('reads a zip of stored entries itself, as fflate reads it, and any other through fflate', async () => {
    await fc.assert(
      fc.asyncProperty(filesOf, fc.constantFrom(0, 6), async (files, level) => {
        const zip = await writeZip(files, DATE, level);
        expect(readStoredZip(zip) === undefined).toBe(level !== 0 && files.size > 0);
        const read = await readZip(zip);
        expect(read).toEqual(unzipped(unzipSync(zip)));
        expect(read).toEqual(files);
      }),
    );
  });

  it('reads zips JSZip made (stored or deflated, folders, names not marked UTF-8) as fflate does', async () => {
    await fc.assert(
      fc.asyncProperty(filesOf, fc.constantFrom<'STORE' | 'DEFLATE'>('STORE', 'DEFLATE'), fc.boolean(), async (files, compression, folder) => {
        const zip = new JSZip();
        for (const [n, data] of files) zip.file(n, data);
        if (folder) zip.folder('empty');
        const bytes = await zip.generateAsync({ type: 'uint8array', compression, encodeFileName: ((s: string) => Buffer.from(s, 'latin1')) as unknown as (s: string) => string }); // (bytes: JSZip takes them)
        expect(await readZip(bytes)).toEqual(unzipped(unzipSync(bytes)));
      }),
    );
  });

  it('leaves to fflate a zip it cannot read as stored entries alone: a comment, a damaged directory', async () => {
    const zip = await writeZip(new Map([['a.xml', bytes('<a/>')]]), DATE, 0);
    expect(readStoredZip(zip)).toBeDefined();
    const commented = new Uint8Array([...zip.subarray(0, zip.length - 2), 2, 0, 0x68, 0x69]); // (comment length 2, "hi")
    expect(readStoredZip(commented)).toBeUndefined();
    expect(await readZip(commented)).toEqual(new Map([['a.xml', bytes('<a/>')]]));
    const damaged = zip.slice();
    const at = damaged.length - 22 - 46 - 'a.xml'.length; // (the central directory's signature)
    damaged[at] = damaged[at]! ^ 0xff;
    expect(readStoredZip(damaged)).toBeUndefined();
  });
});

describe('verifiedEntry', () => {
  const deck = async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('docProps/custom.xml', '<Properties>مُوجَز</Properties>');
    zip.file('ppt/slides/slide1.xml', '<p:sld>'.repeat(200));
    zip.file('ppt/media/image1.png', new Uint8Array(300).map((_, i) => (i * 7) & 0xff), { compression: 'STORE' });
    return Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  };

  it('reads a file of a whole zip, every entry inflated and checked; null when it holds no such file', async () => {
    const whole = await deck();
    expect(new TextDecoder().decode(verifiedEntry(whole, 'docProps/custom.xml')!)).toBe('<Properties>مُوجَز</Properties>');
    expect(verifiedEntry(whole, 'docProps/app.xml')).toBeNull();
    const ours = await writeZip(new Map([['docProps/custom.xml', bytes('<a/>')]]), DATE);
    expect(new TextDecoder().decode(verifiedEntry(ours, 'docProps/custom.xml')!)).toBe('<a/>');
  });

  it('leaves to its caller (undefined) a zip with any entry damaged, even one it does not read, or of another layout', async () => {
    const whole = await deck();
    const zip = await JSZip.loadAsync(whole);
    for (const name of Object.keys(zip.files)) {
      // a byte of each entry's data changed: it no longer inflates, or no longer matches its CRC
      const header = whole.indexOf(Buffer.from(`PK\x03\x04`, 'latin1'), whole.lastIndexOf(Buffer.from(`PK\x03\x04`, 'latin1'), whole.indexOf(name)));
      const data = header + 30 + whole.readUInt16LE(header + 26) + whole.readUInt16LE(header + 28);
      const damaged = Buffer.from(whole);
      damaged[data + 2] = damaged[data + 2]! ^ 0x10;
      expect(verifiedEntry(damaged, 'docProps/custom.xml'), name).toBeUndefined();
    }
    expect(verifiedEntry(whole.subarray(0, whole.length - 30), 'docProps/custom.xml')).toBeUndefined(); // truncated
    const commented = Buffer.from(await (await JSZip.loadAsync(whole)).generateAsync({ type: 'uint8array', comment: 'hi' }));
    expect(verifiedEntry(commented, 'docProps/custom.xml')).toBeUndefined();
  });
});
