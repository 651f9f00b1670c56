/**
 * An audience's logo: named by its theme, checked and measured when the audience is loaded, and
 * drawn on the title slide (top right), in a deck that stays valid and byte-identical.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES, contentLogoSize, logoSize, readPicture } from '../../src/audience/logo.js';
import { loadAudience } from '../../src/audience/load.js';
import { fitHeading, titleBox } from '../../src/pptx/layout.js';
import type { SourceFile } from '../../src/diagnostics/yaml-source.js';
import { buildDeck, checkProject } from '../../src/index.js';
import { readTemplateFiles } from '../../src/io/read.js';
import { all, slideNames, unzipXml, validatePptx } from '../helpers/pptx.js';
import { pngChunk, withText } from '../helpers/png.js';
import { REPO, tempProject } from '../helpers/project.js';

const LOGO = await readFile(path.join(REPO, 'tests/fixtures/logo.png')); // 400 × 200 pixels

/** A minimal JPEG header: SOI, an APP0 segment, then a baseline frame of `width` × `height`. */
function jpeg(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]);
}

/** The same JPEG, with an APP1 segment giving an EXIF orientation (big-endian TIFF, one IFD0 entry). */
function jpegTurned(orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0, 0, 0];
  const exif = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const app1 = [0xff, 0xe1, (exif.length + 2) >> 8, (exif.length + 2) & 0xff, ...exif];
  const plain = jpeg(640, 480);
  return new Uint8Array([0xff, 0xd8, ...app1, ...plain.subarray(2)]);
}

/** The shipped templates with the briefing theme naming a logo, and the files given added. */
async function templatesWith(logoYaml: string, extra: Record<string, Uint8Array | string> = {}): Promise<Map<string, SourceFile>> {
  const files = new Map((await readTemplateFiles(REPO)).content);
  const theme = files.get('templates/briefing/theme.yaml')!;
  files.set(theme.path, { ...theme, text: `${theme.text}${logoYaml}` });
  for (const [p, v] of Object.entries(extra)) files.set(p, typeof v === 'string' ? { path: p, text: v } : { path: p, text: '', bytes: v });
  return files;
}

describe('reading a picture', () => {
  it('reads the kind and pixel size of a PNG and a JPEG, and nothing else', () => {
    expect(readPicture(LOGO)).toEqual({ type: 'png', width: 400, height: 200 });
    expect(readPicture(jpeg(640, 480))).toEqual({ type: 'jpeg', width: 640, height: 480 });
    expect(readPicture(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(readPicture(LOGO.subarray(0, 20))).toBeUndefined();
    expect(readPicture(jpeg(640, 480).subarray(0, 12))).toBeUndefined();
  });

  it('reads the EXIF orientation of a JPEG, and marks a JPEG of an unusual coding', () => {
    expect(readPicture(jpegTurned(6))).toEqual({ type: 'jpeg', width: 640, height: 480, orientation: 6 });
    expect(readPicture(jpegTurned(1))).toEqual({ type: 'jpeg', width: 640, height: 480 });
    const lossless = jpeg(640, 480);
    lossless[21] = 0xc3; // SOF3
    expect(readPicture(lossless)).toEqual({ type: 'jpeg', width: 640, height: 480, unusual: true });
  });

  it('never throws, whatever the bytes: random ones, and damaged PNG and JPEG headers', () => {
    const damaged = (base: Uint8Array) =>
      fc.tuple(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.nat()).map(([edits, cut]) => {
        const b = new Uint8Array(base.subarray(0, Math.max(2, cut % (base.length + 1))));
        for (const [at, v] of edits) b[at % b.length] = v;
        return b;
      });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 64 }), damaged(new Uint8Array(LOGO.subarray(0, 64))), damaged(jpegTurned(6)), damaged(jpeg(640, 480))), (bytes) => {
        const picture = readPicture(bytes);
        if (picture) expect(picture.width * picture.height).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('sizes a logo to the width asked, its height following the picture, never taller than an inch', () => {
    expect(logoSize({ type: 'png', width: 400, height: 200 }, 1.5)).toEqual({ w: 1.5, h: 0.75 });
    expect(logoSize({ type: 'png', width: 200, height: 400 }, 1.5)).toEqual({ w: 0.5, h: 1 });
  });
});

describe('a theme that names a logo', () => {
  it('loads it from the audience folder, measured, for the audience and those that extend it (every other shipped one)', async () => {
    const files = await templatesWith('logo:\n  file: logo.png\n  alt: "شعار الجهة"\n', { 'templates/briefing/logo.png': LOGO });
    const briefing = loadAudience('briefing', files);
    expect(briefing.diagnostics).toEqual([]);
    expect(briefing.audience!.logo).toMatchObject({ w: 1.5, h: 0.75, alt: 'شعار الجهة' });
    expect(briefing.audience!.logo!.data).toBe(`image/png;base64,${Buffer.from(LOGO).toString('base64')}`);
    expect(loadAudience('leadership', files).audience!.logo).toMatchObject({ w: 1.5, h: 0.75 }); // extends briefing
  });

  it('takes one from templates/_shared/, and lets an audience that extends it change only its width', async () => {
    const files = await templatesWith('logo:\n  file: ../_shared/emblem.png\n  alt: "شعار"\n', { 'templates/_shared/emblem.png': LOGO });
    const leadership = files.get('templates/leadership/theme.yaml')!;
    files.set(leadership.path, { ...leadership, text: `${leadership.text}logo:\n  width: 1\n` });
    expect(loadAudience('briefing', files).audience!.logo).toMatchObject({ w: 1.5, h: 0.75 });
    expect(loadAudience('leadership', files).audience!.logo).toMatchObject({ w: 1, h: 0.5 });
  });

  it('refuses a logo without its alternative text: a logo says who speaks', async () => {
    const d = loadAudience('briefing', await templatesWith('logo:\n  file: logo.png\n', { 'templates/briefing/logo.png': LOGO })).diagnostics;
    expect(d.map((x) => [x.code, x.message])).toEqual([['MJZ112', expect.stringMatching(/does not set logo\.alt/)]]);
  });

  it('refuses a logo that is not there, naming the pictures the folder holds, at the theme line', async () => {
    const files = await templatesWith('logo:\n  file: logo.png\n  alt: "شعار"\n', { 'templates/briefing/emblem.png': LOGO });
    const [d] = loadAudience('briefing', files).diagnostics;
    expect(d).toMatchObject({ code: 'MJZ155', severity: 'error', message: 'The logo templates/briefing/logo.png is not there', location: { file: 'templates/briefing/theme.yaml' } });
    expect(d!.location!.start!.line).toBe(files.get('templates/briefing/theme.yaml')!.text.split('\n').indexOf('  file: logo.png') + 1);
    expect(d!.hint).toBe("Name one of the pictures there are: emblem.png (from the theme's folder).");
  });

  it('says a logo that is a folder is a folder (not that it is missing), at the theme line, and builds nothing', async () => {
    const root = await tempProject();
    try {
      await mkdir(path.join(root, 'templates/briefing/logo.png'));
      await writeFile(path.join(root, 'templates/briefing/logo.png/a.png'), LOGO);
      const theme = path.join(root, 'templates/briefing/theme.yaml');
      const text = `${await readFile(theme, 'utf8')}logo:\n  file: logo.png\n  alt: "شعار"\n`;
      await writeFile(theme, text);
      const built = await buildDeck({ root, audience: 'briefing' });
      expect(built.bytes).toBeUndefined();
      expect(built.diagnostics.map((d) => [d.code, d.message, d.location?.file, d.location?.start?.line, d.location?.start?.column])).toEqual([
        ['MJZ124', 'templates/briefing/logo.png is a folder, not a file', 'templates/briefing/theme.yaml', text.split('\n').indexOf('  file: logo.png') + 1, 9],
      ]);
      expect(built.diagnostics[0]!.hint).toBe("Put the picture itself, a PNG or JPEG file, at templates/briefing/logo.png in the folder's place: move the folder away, or rename it.");
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('refuses a PNG whose chunks are damaged: a header and then anything else would be drawn broken', async () => {
    const garbage = Buffer.concat([LOGO.subarray(0, 33), Buffer.from('x'.repeat(200))]);
    const flipped = Buffer.from(LOGO);
    flipped[400]! ^= 0xff; // (a byte of the image data, IDAT)
    const noEnd = LOGO.subarray(0, LOGO.length - 12);
    expect(readPicture(garbage)?.damaged).toMatch(/^it ends inside its chunk at byte 33$/);
    expect(readPicture(flipped)?.damaged).toMatch(/fails its checksum$/);
    expect(readPicture(noEnd)?.damaged).toBe('it ends before its end chunk (IEND)');
    expect(readPicture(withText(LOGO, 'x'))?.damaged).toBeUndefined();
    // chunks whole, their image data not DEFLATE
    expect(readPicture(Buffer.concat([LOGO.subarray(0, 33), pngChunk('IDAT', 'not deflate'), LOGO.subarray(LOGO.length - 12)]))?.damaged).toBe('its image data is not compressed as PNG asks (zlib)');
    // an ancillary chunk (a text) that fails its checksum: viewers pass over it, and so does the check
    const text = withText(LOGO, 'note');
    text[text.length - 13]! ^= 1;
    expect(readPicture(text)?.damaged).toBeUndefined();
    const files = await templatesWith('logo:\n  file: logo.png\n  alt: "شعار"\n', { 'templates/briefing/logo.png': garbage });
    expect(loadAudience('briefing', files).diagnostics[0]).toMatchObject({ code: 'MJZ155', message: 'templates/briefing/logo.png is a damaged PNG: it ends inside its chunk at byte 33' });
  });

  it('refuses a file that is no PNG or JPEG, and one too heavy for every deck to carry', async () => {
    const notPicture = await templatesWith('logo:\n  file: logo.png\n  alt: "شعار"\n', { 'templates/briefing/logo.png': new TextEncoder().encode('not a picture') });
    expect(loadAudience('briefing', notPicture).diagnostics[0]).toMatchObject({ code: 'MJZ155', message: 'templates/briefing/logo.png is not a PNG or JPEG picture' });
    const heavy = new Uint8Array(LOGO_MAX_BYTES + 1);
    heavy.set(LOGO);
    const tooHeavy = await templatesWith('logo:\n  file: logo.png\n  alt: "شعار"\n', { 'templates/briefing/logo.png': heavy });
    expect(loadAudience('briefing', tooHeavy).diagnostics[0]).toMatchObject({ code: 'MJZ155', message: expect.stringMatching(/weighs 2049 KB, and every deck of the audience would carry it/) });
  });

  it('refuses a JPEG turned by its EXIF orientation, one of an unusual coding, and a picture too thin to show', async () => {
    const alt = '  alt: "شعار"\n';
    const turned = await templatesWith(`logo:\n  file: logo.jpg\n${alt}`, { 'templates/briefing/logo.jpg': jpegTurned(6) });
    expect(loadAudience('briefing', turned).diagnostics[0]).toMatchObject({ code: 'MJZ155', message: expect.stringMatching(/asks viewers to turn or mirror it \(EXIF orientation 6\)/) });
    const lossless = jpeg(640, 480);
    lossless[21] = 0xc3;
    const unusual = await templatesWith(`logo:\n  file: logo.jpg\n${alt}`, { 'templates/briefing/logo.jpg': lossless });
    expect(loadAudience('briefing', unusual).diagnostics[0]).toMatchObject({ code: 'MJZ155', message: expect.stringMatching(/coded in a way many viewers cannot draw/) });
    const thin = await templatesWith(`logo:\n  file: logo.jpg\n${alt}`, { 'templates/briefing/logo.jpg': jpeg(1, 5000) });
    expect(loadAudience('briefing', thin).diagnostics[0]).toMatchObject({ code: 'MJZ155', message: expect.stringMatching(/1 × 5000 pixels: .* it would be a line/) });
  });

  it('lets an audience that extends one with a logo draw none (logo: false)', async () => {
    const files = await templatesWith('logo:\n  file: logo.png\n  alt: "شعار"\n', { 'templates/briefing/logo.png': LOGO });
    const media = files.get('templates/media/theme.yaml')!;
    files.set(media.path, { ...media, text: `${media.text}logo: false\n` });
    expect(loadAudience('media', files)).toMatchObject({ diagnostics: [], audience: { name: 'media' } });
    expect(loadAudience('media', files).audience!.logo).toBeUndefined();
    expect(loadAudience('leadership', files).audience!.logo).toBeDefined();
  });

  it('refuses a path out of the audience folder, or a picture of another kind, in the theme', async () => {
    for (const file of ['../../content/logo.png', '/etc/logo.png', 'logo.svg', '../security/logo.png']) {
      const d = loadAudience('briefing', await templatesWith(`logo:\n  file: ${file}\n`)).diagnostics;
      expect(d.map((x) => x.code), file).toEqual(['MJZ111']);
      expect(d[0]!.message, file).toMatch(/\.png or \.jpg file of this audience's folder/);
    }
  });
});

describe('a deck whose audience has a logo', () => {
  it('draws it on the title slide, top right, with its alternative text; a valid deck, the same bytes when built again', async () => {
    const root = await tempProject();
    try {
      await copyFile(path.join(REPO, 'tests/fixtures/logo.png'), path.join(root, 'templates/briefing/logo.png'));
      const theme = path.join(root, 'templates/briefing/theme.yaml');
      await writeFile(theme, `${await readFile(theme, 'utf8')}logo:\n  file: logo.png\n  alt: "شعار الجهة"\n`);
      const first = await buildDeck({ root, audience: 'briefing' });
      expect(first.diagnostics).toEqual([]);
      const parts = await unzipXml(first.bytes!);
      const [title, ...others] = slideNames(parts).map((n) => parts.get(n)!);
      const pics = all(title!, /<p:pic>([\s\S]*?)<\/p:pic>/g);
      expect(pics).toHaveLength(1);
      expect(pics[0]).toMatch(/<p:cNvPr [^>]*descr="شعار الجهة"/);
      // 1.5 × 0.75 in, its right edge on the right margin (13.333 − 0.6 in), 0.5 in from the top
      expect(pics[0]).toMatch(/<a:off x="10271455" y="457200"\/>\s*<a:ext cx="1371600" cy="685800"\/>/);
      for (const slide of others) expect(slide).not.toContain('<p:pic>');
      const again = await buildDeck({ root, audience: 'briefing' });
      expect(Buffer.from(again.bytes!).equals(Buffer.from(first.bytes!))).toBe(true);
      const { code, output } = validatePptx(first.bytes!);
      expect(code, output).toBe(0);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('a logo on every slide (slides: all)', () => {
  it('sizes it for the title band of a content slide: at most 0.6 in tall and 2 in wide', () => {
    expect(contentLogoSize({ w: 1.5, h: 0.75 })).toEqual({ w: 1.2, h: 0.6 });
    expect(contentLogoSize({ w: 4, h: 0.5 })).toEqual({ w: 2, h: 0.25 });
    expect(contentLogoSize({ w: 0.5, h: 0.4 })).toEqual({ w: 0.5, h: 0.4 });
  });

  it('draws it at the left of the title band of every content slide, the title beside it, and on the title slide as before', async () => {
    const root = await tempProject();
    try {
      await copyFile(path.join(REPO, 'tests/fixtures/logo.png'), path.join(root, 'templates/briefing/logo.png'));
      const theme = path.join(root, 'templates/briefing/theme.yaml');
      await writeFile(theme, `${await readFile(theme, 'utf8')}logo:\n  file: logo.png\n  alt: "شعار الجهة"\n  slides: all\n`);
      const built = await buildDeck({ root, audience: 'briefing' });
      expect(built.diagnostics).toEqual([]);
      const parts = await unzipXml(built.bytes!);
      const [title, ...others] = slideNames(parts).map((n) => parts.get(n)!);
      expect(all(title!, /<p:pic>/g)).toHaveLength(1); // the title slide's own, top right
      for (const slide of others) expect(slide).not.toContain('<p:pic>'); // the others take it from their layout
      const layouts = [...parts].filter(([name, xml]) => name.startsWith('ppt/slideLayouts/') && xml.includes('<p:pic>'));
      expect(layouts).toHaveLength(1);
      const layout = layouts[0]![1];
      const pic = all(layout, /<p:pic>([\s\S]*?)<\/p:pic>/g)[0]!;
      expect(pic).toMatch(/<p:cNvPr [^>]*descr="شعار الجهة"/);
      // 1.2 × 0.6 in at the left margin (0.6 in), centred in the title band (0.3 + (0.95 − 0.6) / 2 in)
      expect(pic).toMatch(/<a:off x="548640" y="434340"\/>\s*<a:ext cx="1097280" cy="548640"\/>/);
      // the title placeholder begins 0.3 in after it: x = 0.6 + 1.2 + 0.3 in, to the right margin
      expect(layout).toMatch(/type="title"[\s\S]*?<a:off x="1920240" y="274320"\/>\s*<a:ext cx="9722815" cy="868680"\/>/);
      const { code, output } = validatePptx(built.bytes!);
      expect(code, output).toBe(0);
      // the default is the title slide only: no layout draws it
      await writeFile(theme, (await readFile(theme, 'utf8')).replace('  slides: all\n', ''));
      const titleOnly = await unzipXml((await buildDeck({ root, audience: 'briefing' })).bytes!);
      expect([...titleOnly].filter(([name, xml]) => name.startsWith('ppt/slideLayouts/') && xml.includes('<p:pic>'))).toEqual([]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('draws another picture on the other slides when the theme names one (contentFile), sized by its own proportions', async () => {
    const root = await tempProject();
    try {
      await copyFile(path.join(REPO, 'tests/fixtures/logo.png'), path.join(root, 'templates/briefing/logo.png'));
      // the same mark for a light background: another PNG, twice as wide as tall like the first (other bytes)
      const dark = withText(LOGO, 'dark');
      await writeFile(path.join(root, 'templates/briefing/logo-dark.png'), dark);
      const theme = path.join(root, 'templates/briefing/theme.yaml');
      await writeFile(theme, `${await readFile(theme, 'utf8')}logo:\n  file: logo.png\n  alt: "شعار الجهة"\n  slides: all\n  contentFile: logo-dark.png\n`);
      const built = await buildDeck({ root, audience: 'briefing' });
      expect(built.diagnostics).toEqual([]);
      const zip = await JSZip.loadAsync(built.bytes!);
      const relsOf = async (part: string) => (await zip.file(part.replace(/([^/]+)$/, '_rels/$1.rels'))!.async('string')).match(/Target="\.\.\/media\/([^"]+)"/g)!.map((t) => t.slice(17, -1));
      const parts = await unzipXml(built.bytes!);
      const [titleSlide] = slideNames(parts);
      const layout = [...parts].find(([name, xml]) => name.startsWith('ppt/slideLayouts/') && xml.includes('<p:pic>'))![0];
      const picture = async (media: string) => Buffer.from(await zip.file(`ppt/media/${media}`)!.async('uint8array'));
      expect((await picture((await relsOf(titleSlide!))[0]!)).equals(LOGO)).toBe(true);
      expect((await picture((await relsOf(layout))[0]!)).equals(dark)).toBe(true);
      const { code, output } = validatePptx(built.bytes!);
      expect(code, output).toBe(0);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('takes contentFile from the folder of the theme that names it, and refuses one not there, or one with no slides: all, at its line', async () => {
    const files = await templatesWith('logo:\n  file: logo.png\n  alt: "شعار"\n  slides: all\n', { 'templates/briefing/logo.png': LOGO, 'templates/leadership/light.jpg': jpeg(600, 200) });
    const leadership = files.get('templates/leadership/theme.yaml')!;
    files.set(leadership.path, { ...leadership, text: `${leadership.text}logo:\n  contentFile: light.jpg\n` });
    const loaded = loadAudience('leadership', files);
    expect(loaded.diagnostics).toEqual([]);
    // 1.5 in wide, 0.5 tall on the title slide's scale; in the title band at most 2 × 0.6: 1.5 × 0.5
    expect(loaded.audience!.logo!.onContent).toEqual({ w: 1.5, h: 0.5, data: `image/jpeg;base64,${Buffer.from(jpeg(600, 200)).toString('base64')}` });
    expect(loaded.audience!.logo!.data).toBe(`image/png;base64,${Buffer.from(LOGO).toString('base64')}`);
    expect(loadAudience('briefing', files).audience!.logo!.onContent!.data).toBeUndefined(); // briefing draws its own on both

    const lineOf = (text: string, line: string) => text.split('\n').indexOf(line) + 1;
    files.set(leadership.path, { ...leadership, text: `${leadership.text}logo:\n  contentFile: lite.jpg\n` });
    const [missing] = loadAudience('leadership', new Map(files)).diagnostics;
    expect(missing).toMatchObject({ code: 'MJZ155', message: 'The logo templates/leadership/lite.jpg is not there', hint: expect.stringContaining('light.jpg'), location: { file: 'templates/leadership/theme.yaml' } });
    expect(missing!.location!.start!.line).toBe(lineOf(files.get(leadership.path)!.text, '  contentFile: lite.jpg'));

    files.set(leadership.path, { ...leadership, text: `${leadership.text}logo:\n  slides: title\n  contentFile: light.jpg\n` });
    const [unused] = loadAudience('leadership', new Map(files)).diagnostics;
    expect(unused).toMatchObject({ code: 'MJZ155', message: expect.stringMatching(/contentFile .*light\.jpg is for the other slides, which draw no logo unless slides: all/), hint: expect.stringContaining('slides: all') });
    expect(unused!.location!.start!.line).toBe(lineOf(files.get(leadership.path)!.text, '  contentFile: light.jpg'));
  });

  it('inherits contentFile with the logo, but not past a theme that names a logo of its own, nor where the logo is drawn on the title slide only', async () => {
    const parent = 'logo:\n  file: logo.png\n  alt: "شعار"\n  slides: all\n  contentFile: dark.png\n';
    const dark = withText(LOGO, 'dark');
    const base = await templatesWith(parent, { 'templates/briefing/logo.png': LOGO, 'templates/briefing/dark.png': dark, 'templates/leadership/own.png': LOGO });
    const leadership = base.get('templates/leadership/theme.yaml')!;
    const child = (logoYaml: string) => {
      const files = new Map(base);
      files.set(leadership.path, { ...leadership, text: `${leadership.text}${logoYaml}` });
      return loadAudience('leadership', files);
    };
    const darkData = `image/png;base64,${dark.toString('base64')}`;
    expect(child('').audience!.logo!.onContent!.data).toBe(darkData); // inherited with the rest
    // a child that keeps the logo to its title slide: no error, and none drawn on the others
    const titleOnly = child('logo:\n  slides: title\n');
    expect(titleOnly.diagnostics).toEqual([]);
    expect(titleOnly.audience!.logo!.onContent).toBeUndefined();
    // a child with a logo of its own draws it on every slide, not its parent's picture for them
    const own = child('logo:\n  file: own.png\n');
    expect(own.diagnostics).toEqual([]);
    expect(own.audience!.logo!.onContent).toMatchObject({ w: 1.2, h: 0.6 });
    expect(own.audience!.logo!.onContent!.data).toBeUndefined();
    // unless it names one too
    expect(child('logo:\n  file: own.png\n  contentFile: ../briefing/dark.png\n').diagnostics.map((d) => d.code)).toEqual(['MJZ111']); // (out of its folder)
    // the same picture named twice is the one logo
    const same = loadAudience('briefing', await templatesWith('logo:\n  file: logo.png\n  alt: "شعار"\n  slides: all\n  contentFile: logo.png\n', { 'templates/briefing/logo.png': LOGO }));
    expect(same.diagnostics).toEqual([]);
    expect(same.audience!.logo!.onContent!.data).toBeUndefined();
  });

  it('sizes a title for the room the logo leaves it', async () => {
    const root = await tempProject();
    try {
      await copyFile(path.join(REPO, 'tests/fixtures/logo.png'), path.join(root, 'templates/briefing/logo.png'));
      const long = 'فوائد متوقعة قياساً على تجربة العراق في الاستقرار وإعادة الإعمار والأمن';
      const article = path.join(root, 'content/article.yaml');
      await writeFile(article, (await readFile(article, 'utf8')).replace('heading: "فوائد متوقعة قياساً على تجربة العراق"', `heading: "${long}"`));
      const theme = path.join(root, 'templates/briefing/theme.yaml');
      const plain = await readFile(theme, 'utf8');
      const titleSize = async (logoYaml: string) => {
        await writeFile(theme, `${plain}${logoYaml}`);
        const built = await buildDeck({ root, audience: 'briefing' });
        expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const parts = await unzipXml(built.bytes!);
        const slide = slideNames(parts).map((n) => parts.get(n)!).find((x) => x.includes(long))!;
        return Number(/<a:rPr[^>]*sz="(\d+)"[^>]*>(?:(?!<\/a:r>)[\s\S])*<a:t>فوائد/.exec(slide)?.[1] ?? /type="title"[\s\S]*?sz="(\d+)"/.exec(slide)?.[1]) / 100;
      };
      const fonts = { heading: 'Amiri', body: 'Amiri' };
      const beside = fitHeading(long, titleBox(contentLogoSize({ w: 1.5, h: 0.75 })), 30, 16, fonts).size;
      const whole = fitHeading(long, titleBox(), 30, 16, fonts).size;
      expect(beside).toBeLessThan(whole); // (a title this long needs the room: the test tells the two apart)
      expect(await titleSize('logo:\n  file: logo.png\n  alt: "شعار"\n  slides: all\n')).toBe(beside);
      expect(await titleSize('logo:\n  file: logo.png\n  alt: "شعار"\n')).toBe(whole);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('refuses a picture that would be a line beside the titles, though not on the title slide', async () => {
    const files = await templatesWith('logo:\n  file: rule.jpg\n  width: 4\n  alt: "شعار"\n  slides: all\n', { 'templates/briefing/rule.jpg': jpeg(4000, 100) });
    const { diagnostics } = loadAudience('briefing', files);
    expect(diagnostics).toMatchObject([{ code: 'MJZ155', message: expect.stringContaining('it would be a line there (2 × 0.05 in)') }]);
    const titleOnly = await templatesWith('logo:\n  file: rule.jpg\n  width: 4\n  alt: "شعار"\n', { 'templates/briefing/rule.jpg': jpeg(4000, 100) });
    expect(loadAudience('briefing', titleOnly).diagnostics).toEqual([]);
  });

  it('is the same deck whether the default slides: title is written or not', async () => {
    const root = await tempProject();
    try {
      await copyFile(path.join(REPO, 'tests/fixtures/logo.png'), path.join(root, 'templates/briefing/logo.png'));
      const theme = path.join(root, 'templates/briefing/theme.yaml');
      const plain = await readFile(theme, 'utf8');
      const bytes = async (logoYaml: string) => {
        await writeFile(theme, `${plain}${logoYaml}`);
        return Buffer.from((await buildDeck({ root, audience: 'briefing' })).bytes!);
      };
      const left = await bytes('logo:\n  file: logo.png\n  alt: "شعار"\n');
      expect((await bytes('logo:\n  file: logo.png\n  alt: "شعار"\n  slides: title\n  width: 1.5\n')).equals(left)).toBe(true);
      expect((await bytes('logo:\n  file: logo.png\n  alt: "شعار"\n  slides: all\n')).equals(left)).toBe(false);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('refuses another value, at its line', async () => {
    const files = await templatesWith('logo:\n  file: logo.png\n  alt: "شعار"\n  slides: every\n', { 'templates/briefing/logo.png': LOGO });
    const { diagnostics } = loadAudience('briefing', files);
    expect(diagnostics.map((d) => [d.code, d.location?.start?.line])).toEqual([['MJZ111', files.get('templates/briefing/theme.yaml')!.text.split('\n').indexOf('  slides: every') + 1]]);
    expect(diagnostics[0]?.message).toMatch(/slides/);
    expect(diagnostics[0]?.message).toMatch(/"title"/);
  });
});

describe('pictures in the project', () => {
  /** A copy of the project whose briefing theme names `file` (with alt text). */
  async function projectNaming(file: string): Promise<string> {
    const root = await tempProject();
    const theme = path.join(root, 'templates/briefing/theme.yaml');
    await writeFile(theme, `${await readFile(theme, 'utf8')}logo:\n  file: ${file}\n  alt: "شعار الجهة"\n`);
    return root;
  }

  it('reads a picture whatever the case of its extension, and a folder of pictures only is no audience', async () => {
    const root = await projectNaming('Logo.Png');
    try {
      await copyFile(path.join(REPO, 'tests/fixtures/logo.png'), path.join(root, 'templates/briefing/Logo.Png'));
      await mkdir(path.join(root, 'templates/logos'));
      await copyFile(path.join(REPO, 'tests/fixtures/logo.png'), path.join(root, 'templates/logos/ministry.PNG'));
      const checked = await checkProject({ root, all: true });
      expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(checked.audiences).not.toContain('logos');
      expect((await buildDeck({ root, audience: 'briefing' })).bytes).toBeDefined();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('says once why a logo linked from outside the project is not read (not also that it is missing)', async () => {
    const root = await projectNaming('logo.png');
    const outside = await mkdtemp(path.join(os.tmpdir(), 'mujaz-outside-'));
    try {
      await copyFile(path.join(REPO, 'tests/fixtures/logo.png'), path.join(outside, 'logo.png'));
      await symlink(path.join(outside, 'logo.png'), path.join(root, 'templates/briefing/logo.png'));
      const result = await buildDeck({ root, audience: 'briefing' });
      expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['MJZ122']);
      expect(result.bytes).toBeUndefined();
    } finally {
      await rm(root, { recursive: true, force: true });
      await rm(outside, { recursive: true, force: true });
    }
  });
});
