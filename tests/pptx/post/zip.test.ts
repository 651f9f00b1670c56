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
  // (no step named __proto__: fflate's object drops it; readStoredZip leaves such a zip to fflate, below)
  const name = fc.stringMatching(/^[a-zA-Z0-9_ أب.-]{1,12}(\/[a-zA-Z0-9_.]{1,8})?$/).filter((n) => !n.split('/').includes('__proto__'));
  const filesOf = fc.uniqueArray(fc.tuple(name, fc.uint8Array({ maxLength: 300 })), { selector: ([n]) => n, maxLength: 8 }).map((entries) => new Map(entries));

  it('reads a zip of stored entries itself, as fflate reads it, and any other through fflate', async () => {
    await fc.assert(
      fc.asyncProperty(filesOf, fc.constantFrom(0, 6), async (files, level) => {
        const zip = await writeZip(files, DATE, level);
        const plain = [...files.keys()].every((n) => !n.split('/').some((step) => ['', '.', '..', '__proto__'].includes(step)) && !/^(?:0|[1-9]\d{0,9})$/.test(n));
        expect(readStoredZip(zip) === undefined).toBe(!plain || (level !== 0 && files.size > 0));
        const input = Buffer.from(zip);
        const read = await readZip(input);
        for (const data of read.values()) expect(data.buffer).not.toBe(input.buffer); // (bytes of its own, as fflate gives them)
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
        const input = Buffer.from(bytes);
        const read = await readZip(input);
        for (const data of read.values()) expect(data.buffer).not.toBe(input.buffer); // (bytes of its own, as fflate gives them)
        expect(read).toEqual(unzipped(unzipSync(bytes)));
        if (compression === 'STORE' && !folder && [...files.keys()].every((n) => /^[\x20-\x7e]+$/.test(n) && !n.includes('/') && n !== '.' && n !== '..' && !/^(?:0|[1-9]\d{0,9})$/.test(n))) expect(readStoredZip(input)).toBeDefined(); // (read here, not by fflate: JSZip gives a name outside ASCII an extra field)
      }),
    );
  });

  it('leaves to fflate a zip whose names fflate reads otherwise: __proto__, which it drops, an index, which it puts first', async () => {
    for (const name of ['__proto__', 'a/__proto__', '7']) {
      const zip = await writeZip(new Map([['b.xml', bytes('<b/>')], [name, bytes('x')]]), DATE, 0);
      expect(readStoredZip(zip), name).toBeUndefined();
      expect(await readZip(zip)).toEqual(unzipped(unzipSync(zip)));
    }
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
  /** A deck-like zip as mujaz writes one (zipEntries): deflated parts, and a picture. */
  const deck = async () =>
    Buffer.from(
      await writeZip(
        new Map([
          ['[Content_Types].xml', bytes('<Types/>')],
          ['docProps/custom.xml', bytes('<Properties>مُوجَز</Properties>')],
          ['ppt/slides/slide1.xml', bytes('<p:sld>'.repeat(200))],
          ['ppt/media/image1.png', new Uint8Array(300).map((_, i) => (i * 7) & 0xff)],
        ]),
        DATE,
      ),
    );
  /** Where each entry's local header, data and central header are, by name. */
  const layout = (zip: Buffer) => {
    const places = new Map<string, { local: number; data: number; central: number }>();
    let at = zip.readUInt32LE(zip.length - 6);
    for (let i = 0; i < zip.readUInt16LE(zip.length - 12); i++) {
      const n = zip.readUInt16LE(at + 28);
      const local = zip.readUInt32LE(at + 42);
      places.set(zip.toString('utf8', at + 46, at + 46 + n), { local, data: local + 30 + n, central: at });
      at += 46 + n;
    }
    return places;
  };

  it('reads a file of a whole zip, every entry inflated and checked; null when it holds no such file', async () => {
    const whole = await deck();
    expect(new TextDecoder().decode(verifiedEntry(whole, 'docProps/custom.xml')!)).toBe('<Properties>مُوجَز</Properties>');
    expect(verifiedEntry(whole, 'docProps/app.xml')).toBeNull();
    // (the same bytes JSZip reads)
    expect(await (await JSZip.loadAsync(whole, { checkCRC32: true })).file('docProps/custom.xml')!.async('string')).toBe('<Properties>مُوجَز</Properties>');
  });

  it('leaves to its caller (undefined) a zip with any entry damaged, even one it does not read', async () => {
    const whole = await deck();
    for (const [name, { data }] of layout(whole)) {
      // a byte of each entry's data changed: it no longer inflates, or no longer matches its CRC
      const damaged = Buffer.from(whole);
      damaged[data + 2] = damaged[data + 2]! ^ 0x10;
      expect(verifiedEntry(damaged, 'docProps/custom.xml'), name).toBeUndefined();
    }
    expect(verifiedEntry(whole.subarray(0, whole.length - 30), 'docProps/custom.xml')).toBeUndefined(); // truncated
  });

  it('leaves to its caller a zip laid out otherwise, where JSZip could read another file than it would', async () => {
    const whole = await deck();
    const places = layout(whole);
    const custom = places.get('docProps/custom.xml')!;
    const variants: [string, Buffer][] = [];
    const edit = (what: string, change: (zip: Buffer) => void) => {
      const zip = Buffer.from(whole);
      change(zip);
      variants.push([what, zip]);
    };
    // JSZip names an entry from its local header; a folder by its attributes; reads headers past the count
    edit('local name other than the central one', (zip) => zip.write('X', custom.local + 30 + 'docProps/'.length, 'latin1'));
    edit('attributes of a folder', (zip) => zip.writeUInt32LE(0x10, custom.central + 38));
    edit('one entry fewer counted', (zip) => {
      zip.writeUInt16LE(zip.readUInt16LE(zip.length - 12) - 1, zip.length - 12);
      zip.writeUInt16LE(zip.readUInt16LE(zip.length - 14) - 1, zip.length - 14);
    });
    // two central headers pointing at one entry (each would be inflated again)
    edit('an entry listed twice', (zip) => zip.writeUInt32LE(places.get('[Content_Types].xml')!.local, custom.central + 42));
    // bytes a reader takes for a zip64 locator, just before the end record
    edit('a zip64 locator', (zip) => zip.writeUInt32LE(0x07064b50, zip.length - 22 - 20));
    for (const [what, zip] of variants) expect(verifiedEntry(zip, 'docProps/custom.xml'), what).toBeUndefined();
    // a name twice (which one a reader keeps is its own): b.xml renamed a.xml, in both its headers
    const twice = Buffer.from(await writeZip(new Map([['a.xml', bytes('<a/>')], ['b.xml', bytes('<b/>')]]), DATE, 0));
    for (let at = twice.indexOf('b.xml'); at !== -1; at = twice.indexOf('b.xml', at + 1)) twice.write('a', at, 'latin1');
    expect(readStoredZip(twice)).toBeUndefined();
    expect(verifiedEntry(twice, 'a.xml')).toBeUndefined();
    // folders (JSZip adds them), names with . or .. steps (JSZip resolves them), a comment
    const jszip = new JSZip();
    jszip.file('docProps/custom.xml', '<a/>');
    expect(verifiedEntry(Buffer.from(await jszip.generateAsync({ type: 'uint8array' })), 'docProps/custom.xml')).toBeUndefined();
    for (const name of ['docProps/./custom.xml', 'x/../docProps/custom.xml', '/docProps/custom.xml']) {
      expect(verifiedEntry(await writeZip(new Map([[name, bytes('<a/>')]]), DATE), 'docProps/custom.xml'), name).toBeUndefined();
    }
    expect(verifiedEntry(await writeZip(new Map([['\uFEFFdocProps/custom.xml', bytes('<a/>')]]), DATE), 'docProps/custom.xml')).toBeNull(); // (a byte-order mark is part of the name)
    const commented = Buffer.concat([whole.subarray(0, whole.length - 2), Buffer.from([2, 0, 0x68, 0x69])]);
    expect(verifiedEntry(commented, 'docProps/custom.xml')).toBeUndefined();
  });
});
