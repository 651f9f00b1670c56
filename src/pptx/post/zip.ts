/**
 * Reading and writing zip packages (the .pptx and its embedded .xlsx).
 *
 * Written deterministically: files only (no folder entries), `[Content_Types].xml`
 * first and the rest sorted by name (code-unit order, not locale), every entry
 * dated with the same fixed date (its UTC fields, so the bytes do not depend on
 * the time zone), DEFLATE level 6 by Node's native zlib (deflate.ts). Reading uses fflate, but
 * for a zip whose entries are all stored and laid out as mujaz writes one (a chart's workbook,
 * as src/pptx/parts.ts hands it over): read here, without loading fflate (whose tables take
 * about 6 ms of a cold start to build).
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

/**
 * Every file entry of a zip (folder entries dropped), as bytes. Read as fflate reads it, which
 * returns an object: a file named `__proto__` is lost, and names that are indexes come first.
 */
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

/** Entries larger than this are not read here (left to the reader each falls back to). */
const READ_MAX = 256 * 1024 * 1024;

/** One entry of a zip as plainLayout finds it. */
interface PlainEntry {
  name: string;
  method: 0 | 8;
  crc: number;
  size: number;
  /** Its data, as stored (compressed or not). */
  body: Uint8Array;
}

/** A name as fflate and JSZip read it alike: no empty, `.` or `..` step (JSZip resolves those), nor one an object would take for an index or its prototype (fflate returns an object). */
const PLAIN_NAME = (name: string) => !name.split('/').some((step) => step === '' || step === '.' || step === '..' || step === '__proto__') && !/^(?:0|[1-9]\d{0,9})$/.test(name);
/** A name's bytes read as UTF-8 where it is flagged so, a byte-order mark kept (as JSZip keeps it). */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The entries of a zip laid out as mujaz writes one (zipEntries), and only such a zip: one disk,
 * no comment, no zip64 (nor its locator), each entry's local header with the same name and no
 * extra field, entries one after another in the directory's order, no name twice, each stored or deflated,
 * not encrypted, no attributes (nothing a reader could take for a folder), no more than
 * READ_MAX bytes, with a plain name; the directory holding exactly the entries it counts and
 * ending where the end record begins. Undefined for anything else: fflate and JSZip, which the
 * readers below fall back to, read such zips each its own way (a name from the local header or
 * the central one, a folder by its attributes, entries past the count).
 */
function plainLayout(bytes: Uint8Array): PlainEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22; // (the end record, without a comment)
  if (end < 0 || view.getUint32(end, true) !== 0x06054b50 || view.getUint16(end + 20, true) !== 0) return undefined;
  if (end >= 20 && view.getUint32(end - 20, true) === 0x07064b50) return undefined; // (a zip64 locator, or bytes a reader would take for one)
  const count = view.getUint16(end + 10, true);
  const directory = view.getUint32(end + 16, true);
  if (count === 0xffff || view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0 || view.getUint16(end + 8, true) !== count) return undefined;
  if (directory + view.getUint32(end + 12, true) !== end) return undefined;
  const entries: PlainEntry[] = [];
  const names = new Set<string>();
  let at = directory;
  let next = 0; // where the next entry's local header must begin
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const stored = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    if ((method !== 0 && method !== 8) || flags & 0x1 || size > READ_MAX || stored > READ_MAX || (method === 0 && stored !== size)) return undefined;
    // (no extra field or comment, no attributes)
    if (view.getUint16(at + 30, true) !== 0 || view.getUint16(at + 32, true) !== 0 || view.getUint16(at + 36, true) !== 0 || view.getUint32(at + 38, true) !== 0) return undefined;
    if (at + 46 + nameLength > end || local !== next || local + 30 + nameLength > directory || view.getUint32(local, true) !== 0x04034b50) return undefined;
    if (view.getUint16(local + 26, true) !== nameLength || view.getUint16(local + 28, true) !== 0) return undefined;
    const raw = bytes.subarray(at + 46, at + 46 + nameLength);
    if (Buffer.compare(raw, bytes.subarray(local + 30, local + 30 + nameLength)) !== 0) return undefined;
    const start = local + 30 + nameLength;
    if (start + stored > directory) return undefined;
    // (a name not flagged UTF-8 read as fflate reads it: a character a byte)
    const name = flags & 0x800 ? utf8.decode(raw) : Buffer.from(raw).toString('latin1');
    if (!PLAIN_NAME(name) || names.has(name)) return undefined; // (a name twice: which one a reader keeps is its own)
    names.add(name);
    entries.push({ name, method, crc, size, body: bytes.subarray(start, start + stored) });
    next = start + stored;
    at += 46 + nameLength;
  }
  return at === end && next === directory ? entries : undefined;
}

/** The data of DEFLATE made of stored blocks only (as deflate.ts's storedBlocks writes it), `size` bytes; undefined if a block is compressed or it does not add up. */
function fromStoredBlocks(deflated: Uint8Array, size: number): Uint8Array | undefined {
  if (deflated.length < size + 5) return undefined; // (checked before `size` bytes are set aside)
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
 * stored blocks), as readZip gives them (each in bytes of its own), when it is laid out as mujaz
 * writes one (plainLayout); undefined for any other, which fflate reads.
 */
export function readStoredZip(bytes: Uint8Array): Map<string, Uint8Array> | undefined {
  const entries = plainLayout(bytes);
  if (!entries) return undefined;
  const files = new Map<string, Uint8Array>();
  for (const entry of entries) {
    const data = entry.method === 0 ? new Uint8Array(entry.body) : fromStoredBlocks(entry.body, entry.size);
    if (!data) return undefined;
    files.set(entry.name, data);
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

/**
 * One file of a zip, read after every entry is inflated by Node's zlib and checked against its
 * CRC-32 and size, one at a time: null when the zip has no such file; undefined when the zip is
 * not plainly whole and laid out as mujaz writes one (plainLayout: an entry damaged, compressed
 * otherwise than by DEFLATE, encrypted, in zip64, of another layout, larger than READ_MAX),
 * which its caller then reads as before (JSZip, checking every CRC, with its own words for the
 * damage). A 1,000-slide deck is checked in a small part of the time and memory JSZip takes
 * (its inflating and CRCs in JavaScript, every part kept).
 */
export function verifiedEntry(bytes: Uint8Array, wanted: string): Uint8Array | null | undefined {
  const entries = plainLayout(bytes);
  if (!entries) return undefined;
  let found: Uint8Array | null = null;
  for (const { name, method, crc, size, body } of entries) {
    let data: Uint8Array;
    try {
      data = method === 0 ? body : inflateRawSync(body, { maxOutputLength: Math.max(size, 1) });
    } catch {
      return undefined; // (data that does not inflate, or inflates past its size)
    }
    if (data.length !== size || crc32(data) !== crc) return undefined;
    if (name === wanted) found = data;
  }
  return found;
}

/** More than this, uncompressed, is no deck: a zip that says it holds more is refused before it is read. */
const PLAUSIBLE_MAX = 2 * 1024 * 1024 * 1024;

/**
 * Why a zip cannot be a package, found from its central directory alone, before a reader
 * inflates it: two entries at one place (a zip bomb lists one entry many times), or more than
 * PLAUSIBLE_MAX bytes in all; undefined when nothing such is seen (a zip that is damaged
 * otherwise is left to the reader, which says how). It reads the sizes the directory declares:
 * a zip that declares less than it holds, or keeps them in zip64 fields, is not judged here.
 */
export function implausibleZip(bytes: Uint8Array): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // (the end record, after which a comment of up to 65,535 bytes may stand)
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end === -1) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const places = new Set<number>();
  let total = 0;
  // (0xFFFFFFFF in a size or a place says it stands in a zip64 field, which this leaves unread: a
  // zip64 directory is the reader's to judge, as is any entry's field so marked)
  for (let i = 0; i < count && at + 46 <= bytes.length && view.getUint32(at, true) === 0x02014b50; i++) {
    const local = view.getUint32(at + 42, true);
    const size = view.getUint32(at + 24, true);
    if (local !== 0xffffffff) {
      if (places.has(local)) return 'two of its entries stand at one place';
      places.add(local);
    }
    if (size !== 0xffffffff) total += size;
    if (total > PLAUSIBLE_MAX) return 'its entries would take more than 2 GB';
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return undefined;
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
