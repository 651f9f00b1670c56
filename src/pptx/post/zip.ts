/**
 * Reading and writing zip packages (the .pptx and its embedded .xlsx).
 *
 * Written deterministically: files only (no folder entries), `[Content_Types].xml`
 * first and the rest sorted by name (code-unit order, not locale), every entry
 * dated with the same fixed date (its UTC fields, so the bytes do not depend on
 * the time zone), DEFLATE level 6 by Node's native zlib (deflate.ts). Reading uses fflate.
 *
 * The writer is Node's zlib plus the zip container (local headers, central
 * directory): native deflate is several times faster than a JavaScript one and
 * allocates off the heap, which matters for a 1,000-slide deck.
 */
import { unzipSync } from 'fflate';
import { deflateEntry, type Deflated } from './deflate.js';
import type { PartMap } from './types.js';

const CONTENT_TYPES = '[Content_Types].xml';

/** Parts stored as text: XML and relationship parts. */
export function isXmlPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name);
}

/** Every file entry of a zip (folder entries dropped), as bytes. */
export async function readZip(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!name.endsWith('/')) files.set(name, data);
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
  const chunks: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const names = entryOrder(entries.keys());
  if (names.length > 0xffff) throw new RangeError('too many entries for a zip without zip64');
  for (const name of names) {
    const { body, crc, size } = entries.get(name) as Deflated;
    const nameBytes = Buffer.from(name, 'utf8');
    if (offset + body.length > 0xffffffff) throw new RangeError('package too large for a zip without zip64');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // DEFLATE
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS
    local.copy(header, 6, 4, 30); // version needed .. name length, as in the local header
    header.writeUInt16LE(0, 32); // comment length
    header.writeUInt16LE(0, 34); // disk
    header.writeUInt16LE(0, 36); // internal attributes
    header.writeUInt32LE(0, 38); // external attributes
    header.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, body);
    central.push(header, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  const out = Buffer.concat([...chunks, directory, end]);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
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
