/**
 * The post-processing stage: pptxgenjs 4.0.1 output → a package that is right
 * for an Arabic reader, schema-valid, and byte-identical for the same content.
 *
 * Every transform is a pure string → string function of one part kind; this
 * file holds their order, in one list. Package-level steps (chart renumbering,
 * content types, embedded workbooks, the zip) run around that list.
 */
import { orderChartGroups } from './chart-order.js';
import { embedSeriesNames, embedTitles, dropUndefinedAxes, setChartLang } from './charts.js';
import { normalizeContentTypes, partKinds, type PartKind } from './content-types.js';
import { setExtendedProperties } from './app-props.js';
import { setCoreDates, setCoreTitle } from './core-props.js';
import { addCustomProperties } from './custom-props.js';
import { parseFixedDate, type FixedDate } from './dates.js';
import { deflaterFor, type Deflater } from './deflate.js';
import { markSlideNumberFields, showSlideNumbersInMasters } from './fields.js';
import { completeFontTriples, stripCharsetHints } from './fonts.js';
import { dedupeShapeIds, stableSectionIds } from './ids.js';
import { portraitNotesPage, splitNotesLines } from './notes.js';
import { orderPresentation } from './order.js';
import { anchorArabicPunctuation, rtlParagraphs, setTextLang, singleParagraphProps, tagLatinRuns } from './paragraphs.js';
import { renumberCharts } from './renumber.js';
import { markDecorativeShapes } from './decorative.js';
import { describeTables, markTableHeaderRows } from './tables.js';
import { setThemeFonts } from './theme.js';
import type { FinalizeOptions, PartMap } from './types.js';
import { finalizeWorkbook } from './workbook.js';
import { encodeXml, readPackage, zipEntries } from './zip.js';

export type { FinalizeOptions } from './types.js';
export { readCustomProperties } from './custom-props.js';

interface Transform {
  /** What it fixes (pptxgenjs issue, validator error or RTL gap). */
  why: string;
  kinds: readonly PartKind[];
  apply: (xml: string) => string;
}

const TEXT: readonly PartKind[] = ['slide', 'layout', 'master', 'notes', 'notesMaster', 'handoutMaster', 'chart'];
const SHAPES: readonly PartKind[] = ['slide', 'layout', 'master', 'notes', 'notesMaster', 'handoutMaster'];

/** The part transforms, in the order they run. */
function transforms(opts: FinalizeOptions, date: FixedDate): Transform[] {
  const list: (Transform | false)[] = [
    // Validity
    { why: 'one a:pPr per paragraph (#1081)', kinds: TEXT, apply: singleParagraphProps },
    { why: 'unique p:cNvPr ids per part (#1532, slide number id 25)', kinds: SHAPES, apply: dedupeShapeIds },
    { why: 'p:presentation children in schema order', kinds: ['presentation'], apply: orderPresentation },
    { why: 'no c:axId without an axis (third axis id)', kinds: ['chart'], apply: dropUndefinedAxes },
    { why: 'chart groups and series in schema order (line, area, combo)', kinds: ['chart'], apply: orderChartGroups },
    // Accessibility
    { why: 'textless shapes on slides marked decorative (accessibility checker)', kinds: ['slide'], apply: markDecorativeShapes },
    { why: 'tables mark their first row as the header row (accessibility checker)', kinds: ['slide'], apply: markTableHeaderRows },
    { why: 'tables say what they hold, their column headings (accessibility checker: alternative text)', kinds: ['slide'], apply: (x) => describeTables(x, opts.rtl) },
    // Notes: one paragraph per line
    { why: 'notes text split at its line breaks', kinds: ['notes'], apply: splitNotesLines },
    { why: 'notes page 7.5 × 10 in, as its master is laid out (pptxgenjs: the slide turned)', kinds: ['presentation'], apply: portraitNotesPage },
    // Direction and language
    opts.rtl && { why: 'rtl="1", right-aligned paragraphs and level styles', kinds: [...TEXT, 'presentation'], apply: rtlParagraphs },
    { why: 'lang on every run (notes, slide number, charts)', kinds: [...TEXT, 'presentation'], apply: (x) => setTextLang(x, opts.lang) },
    opts.rtl && { why: 'a right-to-left mark before Arabic punctuation after Latin text (bidi: «IMEC، 20»)', kinds: ['slide', 'notes'], apply: anchorArabicPunctuation },
    opts.latinLang !== undefined && { why: 'paragraphs marked as Latin text (English source titles) tagged English, out of proofing', kinds: ['slide'], apply: (x) => tagLatinRuns(x, opts.latinLang as string) },
    { why: 'slide-number field text ‹#› on masters and layouts', kinds: ['layout', 'master'], apply: markSlideNumberFields },
    // Fonts
    { why: 'chart text names a:ea and a:cs like a:latin', kinds: ['chart'], apply: completeFontTriples },
    { why: 'no GB2312/Big5 charset on a:ea/a:cs', kinds: [...TEXT, 'theme'], apply: stripCharsetHints },
    { why: 'theme latin/cs fonts and Arab script face', kinds: ['theme'], apply: (x) => setThemeFonts(x, opts.fonts) },
    // Charts
    { why: 'c:lang in chartSpace', kinds: ['chart'], apply: (x) => setChartLang(x, opts.lang) },
    opts.rtl && { why: 'RLE…PDF around chart titles (LibreOffice)', kinds: ['chart'], apply: embedTitles },
    opts.rtl && { why: 'RLE…PDF around series names (LibreOffice)', kinds: ['chart'], apply: embedSeriesNames },
    // Determinism
    { why: 'stable p14:section ids', kinds: ['presentation'], apply: stableSectionIds },
    { why: 'fixed core.xml dates', kinds: ['core'], apply: (x) => setCoreDates(x, date.w3c) },
    opts.title !== undefined && { why: 'dc:title', kinds: ['core'], apply: (x) => setCoreTitle(x, opts.title as string) },
    opts.slideTitles !== undefined && {
      why: "fonts used and slide titles of docProps/app.xml (pptxgenjs: Arial, Calibri, 'Slide 1'…)",
      kinds: ['app'],
      apply: (x) => setExtendedProperties(x, { fonts: [opts.fonts.major.latin, opts.fonts.major.cs, opts.fonts.minor.latin, opts.fonts.minor.cs], titles: opts.slideTitles! }),
    },
  ];
  return list.filter((t): t is Transform => t !== false);
}

/** One XML part after every transform for its kind (parts of no known kind are kept as they are). */
function transformPart(text: string, kind: PartKind | undefined, list: readonly Transform[]): string {
  return kind === undefined ? text : list.reduce((acc, t) => (t.kinds.includes(kind) ? t.apply(acc) : acc), text);
}

function fixContentTypes(parts: PartMap): PartMap {
  const names = [...parts.xml.keys(), ...parts.bin.keys()];
  const xml = new Map(parts.xml);
  const types = xml.get('[Content_Types].xml');
  if (types !== undefined) xml.set('[Content_Types].xml', normalizeContentTypes(types, names));
  return { xml, bin: parts.bin };
}

/**
 * Finalize the bytes of `pptx.write({outputType:'nodebuffer'})` (pptxgenjs 4.0.1):
 * right-to-left text, language and theme fonts for an Arabic deck, a package
 * that validates, and byte-identical output for the same content.
 */
export async function finalizePackage(pptx: Uint8Array, opts: FinalizeOptions): Promise<Uint8Array> {
  return finalizeParts(await readPackage(pptx), opts);
}

/**
 * finalizePackage for parts not yet zipped (as the render stage hands them over). The parts are
 * compressed by the deflater chosen for the package's size (tests choose their own).
 */
export async function finalizeParts(raw: PartMap, opts: FinalizeOptions, makeDeflater: (textLength: number) => Deflater = deflaterFor): Promise<Uint8Array> {
  const date = parseFixedDate(opts.fixedDate);
  let parts = addCustomProperties(raw, opts.customProperties);
  parts = renumberCharts(parts);
  parts = showSlideNumbersInMasters(parts);
  parts = fixContentTypes(parts);
  // Each part is compressed as soon as it is finished: for a large deck, in a worker thread
  // while the next parts are rewritten here (deflate.ts).
  let textLength = 0;
  for (const text of parts.xml.values()) textLength += text.length;
  const deflater = makeDeflater(textLength);
  try {
    const list = transforms(opts, date);
    const kinds = partKinds(parts.xml.get('[Content_Types].xml') ?? '');
    for (const [name, text] of parts.xml) deflater.add(name, encodeXml(transformPart(text, kinds.get(name), list)));
    for (const [name, bytes] of parts.bin) {
      deflater.add(name, /\.xlsx$/i.test(name) ? await finalizeWorkbook(bytes, { date, rtl: opts.rtl }) : bytes);
    }
    return zipEntries(await deflater.finish(), date.date);
  } catch (error) {
    deflater.close();
    throw error;
  }
}
