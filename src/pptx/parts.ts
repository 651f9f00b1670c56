/**
 * The parts pptxgenjs wrote, taken before it zips them.
 *
 * `pptx.write()` builds every part into a JSZip object and then zips it (CRC and UTF-8 encoding
 * in JavaScript); the post-processing stage would unzip that again, only to rewrite the parts
 * and zip them once more. Instead, `write()` is asked for an output type of our own, and JSZip's
 * `generateAsync` answers that type with the JSZip object itself: its parts are the strings and
 * bytes pptxgenjs put in, read without a zip in between. Every other output type (pptxgenjs's
 * embedded workbooks, any other user of JSZip in the process) goes to JSZip unchanged. The hook
 * is set on the first render and stays for the life of the process.
 *
 * The embedded workbook of each chart, which pptxgenjs zips with JSZip as base64 while it writes,
 * is zipped by mujaz instead (workbookZip, in DEFLATE's stored blocks, written without a
 * compressor: it is unzipped at once) and handed back as bytes, not the base64 text asked for:
 * pptxgenjs only passes it on to JSZip's file(), which takes bytes as they are and would decode
 * the text in JavaScript. The post-processing stage unzips it again, fixes it and zips it anew,
 * each entry dated alike and in an order of its own (post/workbook.ts), so the deck's bytes are
 * the same. JSZip's zipping in JavaScript cost about 30 ms of a cold build of the briefing (two
 * charts), and the decoding about 1.5 ms of a warm rebuild.
 *
 * This relies on pptxgenjs 4.0.1 passing `outputType` through to `generateAsync`, and adding
 * each workbook with `zip.file(name, content, { base64: true })` without reading `content`; and
 * on JSZip 3.10 keeping each file's data as a promise of what was added, and decoding base64 only
 * from text (utils.prepareContent: bytes are kept as they are). Both versions are pinned, and the
 * deck tests read every part of every audience's deck.
 */
import { EPOCH_W3C, setCoreDates } from './post/core-props.js';
import { isXmlPart, writeZip } from './post/zip.js';
import type { PartMap } from './post/types.js';

/** The output type that returns the JSZip object instead of a zip. */
const PARTS = 'mujaz:parts';

interface ZipEntry {
  dir: boolean;
  _data: unknown;
  _dataBinary: boolean;
}
export interface ZipLike {
  files: Record<string, ZipEntry>;
}
type Generate = (this: ZipLike, options?: { type?: string }, onUpdate?: unknown) => Promise<unknown>;

let hooked: Promise<void> | undefined;
/** How many presentations are being written (by presentationZip) just now: the workbooks zipped meanwhile are theirs. */
let writing = 0;

/** Teaches JSZip's generateAsync the PARTS output type, and to leave the zipping of a chart's workbook to workbookZip (once per process). */
function hookJSZip(): Promise<void> {
  hooked ??= import('jszip').then((mod) => {
    const proto = (mod.default as unknown as { prototype: { generateAsync: Generate } }).prototype;
    const generate = proto.generateAsync;
    proto.generateAsync = function (this: ZipLike, options, onUpdate) {
      if (options?.type === PARTS) return Promise.resolve(this);
      // (a workbook pptxgenjs zips while mujaz has it write a presentation; any other zip, as JSZip makes it)
      if (writing > 0 && options?.type === 'base64' && Object.keys(options).length === 1 && isWorkbook(this)) {
        // (as bytes, not the base64 text asked for: pptxgenjs hands it straight to JSZip's file(),
        // which takes bytes as they are, where it would decode base64 in JavaScript)
        return workbookZip(this).then((zip) => zip ?? generate.call(this, options, onUpdate));
      }
      return generate.call(this, options, onUpdate);
    };
  });
  return hooked;
}

/** The files of the workbook pptxgenjs 4.0.1 writes for a chart (createExcelWorksheet), each added as text. */
const WORKBOOK_FILES = new Set(['[Content_Types].xml', '_rels/.rels', 'docProps/app.xml', 'docProps/core.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/theme/theme1.xml', 'xl/workbook.xml', 'xl/worksheets/_rels/sheet1.xml.rels', 'xl/sharedStrings.xml', 'xl/tables/table1.xml', 'xl/worksheets/sheet1.xml']);

/**
 * Whether a JSZip object is the workbook of a chart as pptxgenjs makes it: its files, added as
 * text (workbookZip checks each), with no comment. (Only such a zip, made by other code at the same moment of a
 * write, would be zipped this way too: the same files, in stored blocks, dated 1980, without the
 * folders' entries, and answered with bytes where it asked for base64 text. pptxgenjs's own
 * write in another presentation of the process, the one such zip there is, passes them on to
 * JSZip alike.)
 */
function isWorkbook(zip: ZipLike): boolean {
  const entries = Object.entries(zip.files).filter(([, entry]) => !entry.dir);
  return (
    entries.length > 0 &&
    'xl/workbook.xml' in zip.files &&
    entries.every(([name, entry]) => WORKBOOK_FILES.has(name) && !entry._dataBinary && !(entry as { comment?: string }).comment)
  );
}

/** An entry date the zip needs; post/workbook.ts dates every entry anew. */
const ZIP_EPOCH = new Date(Date.UTC(1980, 0, 1));

/**
 * The files of a chart's workbook (isWorkbook) zipped in stored blocks: the same files, in another
 * zip (see the module comment); undefined when one was not added as text after all (JSZip zips it).
 */
async function workbookZip(zip: ZipLike): Promise<Uint8Array | undefined> {
  const files = new Map<string, Uint8Array>();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    const data = await entry._data; // (what was added, as JSZip keeps it: a promise of it)
    if (typeof data !== 'string') return undefined;
    // (the wall-clock time pptxgenjs dates it with, set to the zip's date: the same chart then
    // gives the same workbook, which the packaging keeps from the last build instead of fixing
    // it again; post/workbook.ts dates it with the deck's date either way)
    files.set(name, encoder.encode(name === 'docProps/core.xml' ? setCoreDates(data, EPOCH_W3C) : data));
  }
  return writeZip(files, ZIP_EPOCH, 0); // (stored blocks: the zip is read again at once)
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

function toBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return Uint8Array.from(data as number[]);
  if (typeof data === 'string') return new Uint8Array(Buffer.from(data, 'latin1')); // a "binary string"
  throw new TypeError(`unexpected part data: ${Object.prototype.toString.call(data)}`);
}

type Writable = { write(props: { outputType: string }): Promise<unknown> };

/** The parts of a pptxgenjs presentation, as the post-processing stage reads them from a package. */
export async function presentationParts(pptx: Writable): Promise<PartMap> {
  return zipParts(await presentationZip(pptx));
}

/** The JSZip object pptxgenjs filled, not zipped. */
export async function presentationZip(pptx: Writable): Promise<ZipLike> {
  await hookJSZip();
  let zip: unknown;
  writing++;
  try {
    zip = await pptx.write({ outputType: PARTS });
  } catch (error) {
    // JSZip refuses the output type: the copy pptxgenjs loaded is not the one hooked here.
    if (/not supported/i.test(String((error as Error)?.message ?? error))) throw new Error(MISMATCH);
    throw error;
  } finally {
    writing--;
  }
  if (!zip || typeof zip !== 'object' || !('files' in zip)) throw new Error(MISMATCH);
  return zip as ZipLike;
}

const MISMATCH =
  'pptxgenjs did not hand over its parts: it must load the same jszip as mujaz (pptxgenjs 4.0.1, jszip 3.10). ' +
  'When mujaz is a dependency of a project that holds another jszip, `npm dedupe` (or one jszip 3.10 in the project) puts them together.';

/** The files of a JSZip object, read as they were added: XML parts as text, the rest as bytes. */
export async function zipParts(zip: ZipLike): Promise<PartMap> {
  const parts: PartMap = { xml: new Map(), bin: new Map() };
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir || name.endsWith('/')) continue;
    const data = await entry._data;
    const text = typeof data === 'string' && !entry._dataBinary;
    if (isXmlPart(name)) parts.xml.set(name, text ? (data as string) : decoder.decode(toBytes(data)));
    else parts.bin.set(name, text ? encoder.encode(data as string) : toBytes(data));
  }
  return parts;
}
