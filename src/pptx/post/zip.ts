/**
 * Reading and writing zip packages (the .pptx and its embedded .xlsx).
 *
 * Written deterministically: files only (no folder entries), `[Content_Types].xml`
 * first and the rest sorted by name (code-unit order, not locale), every entry
 * dated with the same fixed date, DEFLATE level 6, DOS platform. JSZip 3.10
 * writes DOS times from getUTC*(), so the bytes do not depend on the time zone.
 */
import JSZip from 'jszip';
import type { PartMap } from './types.js';

const CONTENT_TYPES = '[Content_Types].xml';

/** Parts stored as text: XML and relationship parts. */
export function isXmlPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name);
}

/** Every file entry of a zip (folder entries dropped), as bytes. */
export async function readZip(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, Uint8Array>();
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  const contents = await Promise.all(entries.map((f) => f.async('uint8array')));
  entries.forEach((f, i) => files.set(f.name, contents[i] as Uint8Array));
  return files;
}

/** Entry order of a written package: [Content_Types].xml first, then by name. */
export function entryOrder(names: Iterable<string>): string[] {
  const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.includes(CONTENT_TYPES) ? [CONTENT_TYPES, ...sorted.filter((n) => n !== CONTENT_TYPES)] : sorted;
}

/** A zip of `files`, written deterministically (see the module comment). */
export async function writeZip(files: Map<string, Uint8Array>, date: Date): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const name of entryOrder(files.keys())) {
    zip.file(name, files.get(name) as Uint8Array, { date, createFolders: false, binary: true });
  }
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
  });
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
