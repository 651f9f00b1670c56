/**
 * Reading and writing zip packages (the .pptx and its embedded .xlsx).
 *
 * Written deterministically: files only (no folder entries), `[Content_Types].xml`
 * first and the rest sorted by name (code-unit order, not locale), every entry
 * dated with the same fixed date (its UTC fields, so the bytes do not depend on
 * the time zone), DEFLATE level 6 by Node's native zlib (deflate.ts). Reading uses fflate, but
 * for a zip whose entries are all stored (a chart's workbook, as src/pptx/parts.ts hands it over):
 * read here, without loading fflate (whose tables take about 6 ms of a cold start to build).
 *
 * The writer is Node's zlib plus the zip container (local headers, central
 * directory): native deflate is several times faster than a JavaScript one and
 * allocates off the heap, which matters for a 1,000-slide deck.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { deflateEntry, type Deflated } from './deflate.js';
import type { PartMap } from './types.js';

const CONTENT_TYPES = '[Content_Types].xml';

/** Parts stored as text: XML and relationship parts. */
export function isXmlPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name);
}

/** Every file entry of a zip (folder entries dropped), as bytes. */
export async function readZip(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const stored = readStoredZip(bytes);
  if (stored) return stored;
  const { unzipSync } = await import('fflate');
  const files = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!name.endsWith('/')) files.set(name, data);
  }
  return files;
}

const utf8 = new TextDecoder('utf-8');

/** The data of DEFLATE made of stored blocks only (as deflate.ts's storedBlocks writes it), `size` bytes; undefined if a block is compressed or it does not add up. */
function fromStoredBlocks(deflated: Uint8Array, size: number): Uint8Array | undefined {
  const out = new Uint8Array(size);
  let at = 0;
  let written = 0;
  for (let last = false; !last; ) {
    if (at + 5 > deflated.length) return undefined;
    const header = deflated[at]!;
    if (header & ~1) return undefined; // (BTYPE other than 00, or a block not starting at a byte's start)
    last = header === 1;
    const length = deflated[at + 1]! | (deflated[at + 2]! << 8);
    if ((length ^ (deflated[at + 3]! | (deflated[at + 4]! << 8))) !== 0xffff || at + 5 + length > deflated.length || written + length > size) return undefined;
    out.set(deflated.subarray(at + 5, at + 5 + length), written);
    at += 5 + length;
    written += length;
  }
  return at === deflated.length && written === size ? out : undefined;
}

/**
 * The file entries of a zip that holds nothing but stored data (entries stored, or deflated in
 * stored blocks), as readZip gives them, read from its central directory; undefined for any
 * other (an entry compressed, encrypted or in zip64, a comment, a directory that does not add
 * up), which fflate reads.
 */
export function readStoredZip(bytes: Uint8Array): Map<string, Uint8Array> | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22; // (the end record, without a comment)
  if (end < 0 || view.getUint32(end, true) !== 0x06054b50 || view.getUint16(end + 20, true) !== 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0 || view.getUint16(end + 8, true) !== count) return undefined;
  if (at + view.getUint32(end + 12, true) !== end) return undefined;
  const files = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const body = view.getUint32(at + 20, true); // (compressed)
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const size = view.getUint32(at + 24, true); // (uncompressed)
    // (stored, or DEFLATE in stored blocks; not encrypted, not zip64: anything else is fflate's to read)
    if ((method !== 0 && method !== 8) || flags & 0x1 || (method === 0 && body !== size) || size === 0xffffffff || body === 0xffffffff || local === 0xffffffff) return undefined;
    const raw = bytes.subarray(at + 46, at + 46 + nameLength);
    // (a name not flagged UTF-8 read as fflate reads it: a character a byte)
    const name = flags & 0x800 ? utf8.decode(raw) : Buffer.from(raw).toString('latin1');
    if (local + 30 > end || view.getUint32(local, true) !== 0x04034b50) return undefined;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + body > end) return undefined;
    const data = method === 0 ? bytes.slice(start, start + size) : fromStoredBlocks(bytes.subarray(start, start + body), size);
    if (!data) return undefined;
    if (!name.endsWith('/')) files.set(name, data);
    at += 46 + nameLength + extra;
  }
  return files;
}

/** Entry order of a written package: [Content_Types].xml first, then by name. */
export function entryOrder(names: Iterable<string>): string[] {
  const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.includes(CONTENT_TYPES) ? [CONTENT_TYPES, ...sorted.filter((n) => n !== CONTENT_TYPES)] : sorted;
}

/** A zip of `files`, written deterministically (see the module comment). */
export async function writeZip(files: Map<string, Uint8Array>, date: Date, level?: number): Promise<Uint8Array> {
  const entries = new Map<string, Deflated>();
  for (const [name, data] of files) entries.set(name, deflateEntry(data, level));
  return zipEntries(entries, date);
}

/** The zip of entries already compressed (see the module comment). */
export function zipEntries(entries: Map<string, Deflated>, date: Date): Uint8Array {
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const names = entryOrder(entries.keys());
  if (names.length > 0xffff) throw new RangeError('too many entries for a zip without zip64');
  // (the zip's size is known before it is written: written in one buffer, not in a list of a few
  // small buffers for every entry joined at the end, which took 20 ms of a 1,000-slide deck)
  const nameBytes = names.map((name) => Buffer.from(name, 'utf8'));
  let bodies = 0;
  let directorySize = 0;
  names.forEach((name, i) => {
    bodies += 30 + nameBytes[i]!.length + (entries.get(name) as Deflated).body.length;
    directorySize += 46 + nameBytes[i]!.length;
  });
  if (bodies > 0xffffffff) throw new RangeError('package too large for a zip without zip64');
  const out = Buffer.allocUnsafe(bodies + directorySize + 22);
  let offset = 0; // where the next entry's local header goes
  let at = bodies; // where its central directory header goes
  names.forEach((name, i) => {
    const { body, crc, size } = entries.get(name) as Deflated;
    const nameLength = nameBytes[i]!.length;
    // The local header, then the same fields from "version needed" to "name length" in the central one.
    out.writeUInt32LE(0x04034b50, offset);
    out.writeUInt16LE(20, offset + 4); // version needed: 2.0
    out.writeUInt16LE(0x0800, offset + 6); // UTF-8 names
    out.writeUInt16LE(8, offset + 8); // DEFLATE
    out.writeUInt16LE(dosTime, offset + 10);
    out.writeUInt16LE(dosDate, offset + 12);
    out.writeUInt32LE(crc, offset + 14);
    out.writeUInt32LE(body.length, offset + 18);
    out.writeUInt32LE(size, offset + 22);
    out.writeUInt16LE(nameLength, offset + 26);
    out.writeUInt16LE(0, offset + 28); // extra field length
    nameBytes[i]!.copy(out, offset + 30);
    out.set(body, offset + 30 + nameLength);
    out.writeUInt32LE(0x02014b50, at);
    out.writeUInt16LE(20, at + 4); // made by: 2.0, MS-DOS
    out.copy(out, at + 6, offset + 4, offset + 30); // version needed .. name length, as in the local header
    out.writeUInt16LE(0, at + 32); // comment length
    out.writeUInt16LE(0, at + 34); // disk
    out.writeUInt16LE(0, at + 36); // internal attributes
    out.writeUInt32LE(0, at + 38); // external attributes
    out.writeUInt32LE(offset, at + 42);
    nameBytes[i]!.copy(out, at + 46);
    offset += 30 + nameLength + body.length;
    at += 46 + nameLength;
  });
  const end = bodies + directorySize;
  out.writeUInt32LE(0x06054b50, end);
  out.writeUInt16LE(0, end + 4); // this disk
  out.writeUInt16LE(0, end + 6); // the directory's disk
  out.writeUInt16LE(names.length, end + 8);
  out.writeUInt16LE(names.length, end + 10);
  out.writeUInt32LE(directorySize, end + 12);
  out.writeUInt32LE(bodies, end + 16);
  out.writeUInt16LE(0, end + 20); // comment length
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** Entries larger than this are not inflated by verifiedEntry (left to the reader it falls back to). */
const VERIFY_MAX = 256 * 1024 * 1024;

/**
 * One file of a zip, read after every entry is inflated by Node's zlib and checked against its
 * CRC-32 and size, one at a time: null when the zip has no such file; undefined when the zip is
 * not plainly whole and of the layout mujaz writes (an entry damaged, compressed otherwise than
 * by DEFLATE, encrypted, in zip64, past the central directory, larger than VERIFY_MAX), which
 * its caller then reads as before (JSZip, checking every CRC, with its own words for the damage).
 * A 1,000-slide deck is checked in a small part of the time and memory JSZip takes (its
 * inflating and CRCs in JavaScript, every part kept).
 */
export function verifiedEntry(bytes: Uint8Array, wanted: string): Uint8Array | null | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22; // (the end record, without a comment)
  if (end < 0 || view.getUint32(end, true) !== 0x06054b50 || view.getUint16(end + 20, true) !== 0) return undefined;
  const count = view.getUint16(end + 10, true);
  const directory = view.getUint32(end + 16, true);
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0 || view.getUint16(end + 8, true) !== count) return undefined;
  if (directory + view.getUint32(end + 12, true) !== end) return undefined;
  let found: Uint8Array | null = null;
  let at = directory;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const body = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    if ((method !== 0 && method !== 8) || flags & 0x1 || size > VERIFY_MAX || (method === 0 && body !== size)) return undefined;
    if (at + 46 + nameLength > end || local + 30 > directory || view.getUint32(local, true) !== 0x04034b50) return undefined;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + body > directory) return undefined;
    let data: Uint8Array;
    try {
      data = method === 0 ? bytes.subarray(start, start + body) : inflateRawSync(bytes.subarray(start, start + body), { maxOutputLength: Math.max(size, 1) });
    } catch {
      return undefined; // (data that does not inflate, or inflates past its size)
    }
    if (data.length !== size || crc32(data) !== crc) return undefined;
    const raw = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = flags & 0x800 ? utf8.decode(raw) : Buffer.from(raw).toString('latin1');
    if (name === wanted) found = data;
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return found;
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** A package split into XML text parts and binary parts. */
export async function readPackage(bytes: Uint8Array): Promise<PartMap> {
  const files = await readZip(bytes);
  const parts: PartMap = { xml: new Map(), bin: new Map() };
  for (const [name, data] of files) {
    if (isXmlPart(name)) parts.xml.set(name, decoder.decode(data));
    else parts.bin.set(name, data);
  }
  return parts;
}

/** A package written deterministically. */
export async function writePackage(parts: PartMap, date: Date): Promise<Uint8Array> {
  const files = new Map<string, Uint8Array>(parts.bin);
  for (const [name, text] of parts.xml) files.set(name, encoder.encode(text));
  return writeZip(files, date);
}

/** Text of an XML part, as the package stores it. */
export const encodeXml = (text: string): Uint8Array => encoder.encode(text);
