/**
 * An audience's logo: a PNG or JPEG picture named by its theme, drawn on the title slide. This
 * stage checks the picture and measures it; the renderer only places what it is given.
 */
import { crc32 } from 'node:zlib';

/** A logo ready to place: its picture as pptxgenjs takes it, its size on the slide in inches. */
export interface Logo {
  /** `image/png;base64,…` or `image/jpeg;base64,…` */
  data: string;
  w: number;
  h: number;
  /** Its size at the top left of every content slide, when the theme asks for it there too (`slides: all`), and its own picture there when the theme names one (`contentFile`). */
  onContent?: { w: number; h: number; data?: string };
  /** What it shows, for screen readers. */
  alt: string;
}

/** A file a theme may name as its logo: a PNG or JPEG, by its name (in any case: cameras write .JPG). */
export const isPicture = (name: string): boolean => /\.(?:png|jpe?g)$/i.test(name);

/** The tallest a logo is drawn (inches): it stands above the title, in the slide's top band. */
export const LOGO_MAX_H = 1.0;
/** Pictures larger than this would weigh down every deck of the audience. */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;

export type Picture = {
  type: 'png' | 'jpeg';
  width: number;
  height: number;
  /** A JPEG coded otherwise than baseline, extended or progressive (lossless, arithmetic): many viewers cannot draw it. */
  unusual?: true;
  /** The EXIF orientation of a JPEG, when it says to turn or mirror the picture (2–8). */
  orientation?: number;
  /** What is wrong with a PNG's chunks (damagedPng): no viewer would draw it. */
  damaged?: string;
};

/** The EXIF orientation (tag 0x0112 of IFD0) in an APP1 segment's data, if it holds one. */
function exifOrientation(bytes: Uint8Array, start: number, end: number): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (end - start < 14 || String.fromCharCode(...bytes.subarray(start, start + 6)) !== 'Exif\0\0') return undefined;
  const tiff = start + 6;
  const little = bytes[tiff] === 0x49; // "II"; "MM" is big-endian
  const u16 = (at: number) => (at + 2 <= end ? view.getUint16(at, little) : undefined);
  const u32 = (at: number) => (at + 4 <= end ? view.getUint32(at, little) : undefined);
  const ifd = u32(tiff + 4);
  const count = ifd === undefined ? undefined : u16(tiff + ifd);
  if (ifd === undefined || count === undefined) return undefined;
  for (let k = 0; k < count; k++) {
    const entry = tiff + ifd + 2 + 12 * k;
    if (u16(entry) === 0x0112) return u16(entry + 8);
  }
  return undefined;
}

/**
 * What is wrong with a PNG's chunks, or undefined when they are whole: the checksum of each chunk
 * every viewer reads (IHDR, PLTE, IDAT, IEND: a name in capitals; viewers pass over an ancillary
 * chunk that fails its own), image data (IDAT) that begins as zlib's, and the end chunk (IEND).
 * A header followed by anything else passed as a picture, and every viewer would draw a broken
 * one. The data is not inflated: a small file can hold a picture of gigabytes.
 */
function damagedPng(bytes: Uint8Array): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let first: Uint8Array | undefined;
  for (let at = 8; ; ) {
    if (at + 12 > bytes.length) return 'it ends before its end chunk (IEND)';
    const length = view.getUint32(at);
    const end = at + 12 + length;
    if (end > bytes.length) return `it ends inside its chunk at byte ${at}`;
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const critical = /^[A-Z]/.test(type);
    if (critical && crc32(bytes.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) return `its chunk ${/^[A-Za-z]{4}$/.test(type) ? `${type} ` : ''}at byte ${at} fails its checksum`;
    if (type === 'IDAT' && length) first ??= bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IEND') break;
    at = end;
  }
  if (!first) return 'it holds no image data (IDAT)';
  // (zlib's header: DEFLATE, and its check bits; a second byte is in the next chunk when the first holds one)
  if ((first[0]! & 0x0f) !== 8 || (first.length > 1 && ((first[0]! << 8) | first[1]!) % 31 !== 0)) return 'its image data is not compressed as PNG asks (zlib)';
  return undefined;
}

/** The kind and pixel size of a PNG or JPEG, read from its header; undefined for anything else. */
export function readPicture(bytes: Uint8Array): Picture | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 24 && PNG.every((b, i) => bytes[i] === b) && String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR') {
    const width = view.getUint32(16);
    const height = view.getUint32(20);
    if (width === 0 || height === 0) return undefined;
    const damaged = damagedPng(bytes);
    return { type: 'png', width, height, ...(damaged ? { damaged } : {}) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    // JPEG: walk the segments to a start-of-frame (SOF0–SOF15 but DHT C4, JPG C8, DAC CC).
    let i = 2;
    let orientation: number | undefined;
    while (i + 4 <= bytes.length) {
      if (bytes[i] !== 0xff) return undefined;
      const marker = bytes[i + 1]!;
      if (marker === 0xff) {
        i++; // fill byte
        continue;
      }
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        i += 2; // markers without a length
        continue;
      }
      const length = view.getUint16(i + 2);
      if (marker === 0xe1) orientation ??= exifOrientation(bytes, i + 4, Math.min(bytes.length, i + 2 + length));
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        if (i + 9 > bytes.length) return undefined;
        const height = view.getUint16(i + 5);
        const width = view.getUint16(i + 7);
        if (width === 0 || height === 0) return undefined;
        return { type: 'jpeg', width, height, ...(marker > 0xc2 ? { unusual: true as const } : {}), ...(orientation !== undefined && orientation !== 1 ? { orientation } : {}) };
      }
      if (marker === 0xd9 || marker === 0xda || length < 2) return undefined; // image data or end before a frame
      i += 2 + length;
    }
  }
  return undefined;
}

/** The logo's size on the slide: the width asked for, the height following the picture, no taller than LOGO_MAX_H. */
/** The tallest and widest a logo is drawn on a content slide (inches): beside the title, in its band. */
export const CONTENT_LOGO_MAX = { w: 2, h: 0.6 } as const;

/** A logo's size on a content slide: its title-slide size, made smaller to fit the title band. */
export function contentLogoSize(size: { w: number; h: number }): { w: number; h: number } {
  const scale = Math.min(1, CONTENT_LOGO_MAX.h / size.h, CONTENT_LOGO_MAX.w / size.w);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { w: round(size.w * scale), h: round(size.h * scale) };
}

export function logoSize(picture: Picture, width: number): { w: number; h: number } {
  const h = (width * picture.height) / picture.width;
  const scale = h > LOGO_MAX_H ? LOGO_MAX_H / h : 1;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { w: round(width * scale), h: round(h * scale) };
}
