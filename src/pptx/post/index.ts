/**
 * The post-processing stage: pptxgenjs 4.0.1 output → a package that is right
 * for an Arabic reader, schema-valid, and byte-identical for the same content.
 *
 * Every transform is a pure function of a part's text and of the options it
 * declares, for the part kinds it lists; this file holds their order, in one
 * list. Package-level steps (chart renumbering, content types, embedded
 * workbooks, the zip) run around that list.
 */
import { orderChartGroups } from './chart-order.js';
import { embedSeriesNames, embedTitles, dropUndefinedAxes, setChartLang } from './charts.js';
import { normalizeContentTypes, partKinds, type PartKind } from './content-types.js';
import { setExtendedProperties } from './app-props.js';
import { EPOCH_W3C, setCoreDates, setCoreTitle } from './core-props.js';
import { addCustomProperties } from './custom-props.js';
import { parseFixedDate, type FixedDate } from './dates.js';
import { deflaterFor, PARALLEL_FROM, type Deflater } from './deflate.js';
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
import { sameInput, type KeptPart, type PackageMemo } from './memo.js';
import { encodeXml, readPackage, zipEntries } from './zip.js';

export type { FinalizeOptions } from './types.js';
export { readCustomProperties } from './custom-props.js';
export { MemoShelf, packageMemo, type PackageMemo } from './memo.js';

/**
 * One rewrite of the parts of some kinds. `apply` must be a function of the part's text and of
 * `arg` alone, the options it reads: a part rewritten once is then the same for the same text and
 * arguments, which is what lets a rebuild keep the parts that did not change (PackageMemo). The
 * list is declared here, outside any build, so that no build's options are in reach but through
 * `arg`; tests/pptx/post/memo.test.ts changes each option and compares the bytes.
 */
interface Transform<A = unknown> {
  /** What it fixes (pptxgenjs issue, validator error or RTL gap). */
  why: string;
  kinds: readonly PartKind[];
  /** Run only when this holds for the build's options. */
  when?: (opts: FinalizeOptions) => boolean;
  /** The options the rewrite reads (JSON: it is part of what a kept part is compared by). */
  arg?: (opts: FinalizeOptions, date: FixedDate) => A;
  apply: (xml: string, arg: A) => string;
}

const TEXT: readonly PartKind[] = ['slide', 'layout', 'master', 'notes', 'notesMaster', 'handoutMaster', 'chart'];
const SHAPES: readonly PartKind[] = ['slide', 'layout', 'master', 'notes', 'notesMaster', 'handoutMaster'];
const rtl = (opts: FinalizeOptions) => opts.rtl;
/** A transform with an argument, checked against the argument's type, then listed with the others. */
const transform = <A>(t: Transform<A>) => t as Transform;

/** The part transforms, in the order they run. */
const TRANSFORMS: readonly Transform[] = [
  // Validity
  { why: 'one a:pPr per paragraph (#1081)', kinds: TEXT, apply: singleParagraphProps },
  { why: 'unique p:cNvPr ids per part (#1532, slide number id 25)', kinds: SHAPES, apply: dedupeShapeIds },
  { why: 'p:presentation children in schema order', kinds: ['presentation'], apply: orderPresentation },
  { why: 'no c:axId without an axis (third axis id)', kinds: ['chart'], apply: dropUndefinedAxes },
  { why: 'chart groups and series in schema order (line, area, combo)', kinds: ['chart'], apply: orderChartGroups },
  // Accessibility
  { why: 'textless shapes on slides marked decorative (accessibility checker)', kinds: ['slide'], apply: markDecorativeShapes },
  { why: 'tables mark their first row as the header row (accessibility checker)', kinds: ['slide'], apply: markTableHeaderRows },
  transform({ why: 'tables say what they hold, their column headings (accessibility checker: alternative text)', kinds: ['slide'], arg: (o) => o.rtl, apply: describeTables }),
  // Notes: one paragraph per line
  { why: 'notes text split at its line breaks', kinds: ['notes'], apply: splitNotesLines },
  { why: 'notes page 7.5 × 10 in, as its master is laid out (pptxgenjs: the slide turned)', kinds: ['presentation'], apply: portraitNotesPage },
  // Direction and language
  { why: 'rtl="1", right-aligned paragraphs and level styles', kinds: [...TEXT, 'presentation'], when: rtl, apply: rtlParagraphs },
  transform({ why: 'lang on every run (notes, slide number, charts)', kinds: [...TEXT, 'presentation'], arg: (o) => o.lang, apply: setTextLang }),
  { why: 'a right-to-left mark before Arabic punctuation after Latin text (bidi: «IMEC، 20»)', kinds: ['slide', 'notes'], when: rtl, apply: anchorArabicPunctuation },
  transform({ why: 'paragraphs marked as Latin text (English source titles) tagged English, out of proofing', kinds: ['slide'], when: (o) => o.latinLang !== undefined, arg: (o) => o.latinLang as string, apply: tagLatinRuns }),
  { why: 'slide-number field text ‹#› on masters and layouts', kinds: ['layout', 'master'], apply: markSlideNumberFields },
  // Fonts
  { why: 'chart text names a:ea and a:cs like a:latin', kinds: ['chart'], apply: completeFontTriples },
  { why: 'no GB2312/Big5 charset on a:ea/a:cs', kinds: [...TEXT, 'theme'], apply: stripCharsetHints },
  transform({ why: 'theme latin/cs fonts and Arab script face', kinds: ['theme'], arg: (o) => o.fonts, apply: setThemeFonts }),
  // Charts
  transform({ why: 'c:lang in chartSpace', kinds: ['chart'], arg: (o) => o.lang, apply: setChartLang }),
  { why: 'RLE…PDF around chart titles (LibreOffice)', kinds: ['chart'], when: rtl, apply: embedTitles },
  { why: 'RLE…PDF around series names (LibreOffice)', kinds: ['chart'], when: rtl, apply: embedSeriesNames },
  // Determinism (the section ids too, before the rest, in finalizeParts)
  transform({ why: 'fixed core.xml dates', kinds: ['core'], arg: (_o, date) => date.w3c, apply: setCoreDates }),
  transform({ why: 'dc:title', kinds: ['core'], when: (o) => o.title !== undefined, arg: (o) => o.title as string, apply: setCoreTitle }),
  transform({
    why: "fonts used and slide titles of docProps/app.xml (pptxgenjs: Arial, Calibri, 'Slide 1'…)",
    kinds: ['app'],
    when: (o) => o.slideTitles !== undefined,
    arg: (o) => ({ fonts: [o.fonts.major.latin, o.fonts.major.cs, o.fonts.minor.latin, o.fonts.minor.cs], titles: o.slideTitles! }),
    apply: setExtendedProperties,
  }),
];

/** The transforms of one build, each with its argument. */
interface Step {
  why: string;
  kinds: readonly PartKind[];
  run: (xml: string) => string;
  arg: unknown;
}

function stepsFor(opts: FinalizeOptions, date: FixedDate): Step[] {
  return TRANSFORMS.filter((t) => t.when?.(opts) ?? true).map((t) => {
    const arg = t.arg?.(opts, date);
    return { why: t.why, kinds: t.kinds, arg, run: (xml) => t.apply(xml, arg) };
  });
}

/** One XML part after every transform for its kind (parts of no known kind are kept as they are). */
function transformPart(text: string, kind: PartKind | undefined, steps: readonly Step[]): string {
  return kind === undefined ? text : steps.reduce((acc, t) => (t.kinds.includes(kind) ? t.run(acc) : acc), text);
}

/** What a part of this kind is rewritten by in this build: the transforms and their arguments. */
function rewriteKey(kind: PartKind | undefined, steps: readonly Step[]): string {
  return kind === undefined ? '' : JSON.stringify(steps.filter((t) => t.kinds.includes(kind)).map((t) => [t.why, t.arg ?? null]));
}

/** The package with one XML part rewritten (as it is when it has no such part). */
function withPart(parts: PartMap, name: string, rewrite: (xml: string) => string): PartMap {
  const text = parts.xml.get(name);
  if (text === undefined) return parts;
  const xml = new Map(parts.xml);
  xml.set(name, rewrite(text));
  return { xml, bin: parts.bin };
}

function fixContentTypes(parts: PartMap): PartMap {
  const names = [...parts.xml.keys(), ...parts.bin.keys()];
  return withPart(parts, '[Content_Types].xml', (types) => normalizeContentTypes(types, names));
}

/**
 * Finalize the bytes of `pptx.write({outputType:'nodebuffer'})` (pptxgenjs 4.0.1):
 * right-to-left text, language and theme fonts for an Arabic deck, a package
 * that validates, and byte-identical output for the same content.
 */
export async function finalizePackage(pptx: Uint8Array, opts: FinalizeOptions): Promise<Uint8Array> {
  return finalizeParts(await readPackage(pptx), opts);
}

export interface FinalizeWith {
  /** Where the parts are compressed, chosen by the length of their text (tests choose their own). */
  deflater?: (textLength: number) => Deflater;
  /** The parts of this deck's last build: those unchanged are not rewritten or compressed again; updated to this build's. */
  memo?: PackageMemo;
}

/**
 * finalizePackage for parts not yet zipped (as the render stage hands them over). The parts are
 * compressed by the deflater chosen for the package's size; those unchanged since the build
 * `memo` holds are neither rewritten nor compressed again.
 */
export async function finalizeParts(raw: PartMap, opts: FinalizeOptions, { deflater: makeDeflater = deflaterFor, memo }: FinalizeWith = {}): Promise<Uint8Array> {
  const date = parseFixedDate(opts.fixedDate);
  let parts = addCustomProperties(raw, opts.customProperties);
  parts = renumberCharts(parts);
  // What pptxgenjs writes differently every time, made the same before the parts are compared
  // with the last build's (PackageMemo): its random p14:section ids, and the wall-clock time in
  // docProps/core.xml, to the second (the fixed date is set below, whatever the part held).
  // Otherwise presentation.xml never matched, and core.xml did not a second later: each was
  // rewritten and compressed again on every rebuild.
  parts = withPart(parts, 'ppt/presentation.xml', stableSectionIds);
  parts = withPart(parts, 'docProps/core.xml', (xml) => setCoreDates(xml, EPOCH_W3C));
  parts = showSlideNumbersInMasters(parts);
  parts = fixContentTypes(parts);
  // Each part is compressed as soon as it is finished: for a large deck, in a worker thread
  // while the next parts are rewritten here (deflate.ts).
  let textLength = 0;
  for (const text of parts.xml.values()) textLength += text.length;
  const deflater = makeDeflater(textLength);
  const keeping = memo !== undefined && textLength < PARALLEL_FROM;
  if (memo && !keeping) memo.parts = new Map();
  const kept = new Map<string, KeptPart>(); // as the last build wrote them
  const fresh: (Omit<KeptPart, 'out'> & { name: string })[] = []; // compressed in this one
  /** Whether the last build wrote the part from the same input with the same rewrites: then its output is kept (in `kept`); else it is to be compressed (listed in `fresh`). */
  const reuseOrList = (name: string, key: string, input: string | Uint8Array): boolean => {
    if (!keeping) return false;
    const was = memo.parts.get(name);
    if (was && was.key === key && sameInput(was.input, input)) kept.set(name, was);
    else fresh.push({ name, key, input });
    return kept.has(name);
  };
  try {
    const steps = stepsFor(opts, date);
    const kinds = partKinds(parts.xml.get('[Content_Types].xml') ?? '');
    const keys = new Map<PartKind | undefined, string>();
    const keyOf = (kind: PartKind | undefined) => keys.get(kind) ?? keys.set(kind, rewriteKey(kind, steps)).get(kind)!;
    for (const [name, text] of parts.xml) {
      const kind = kinds.get(name);
      if (reuseOrList(name, keeping ? keyOf(kind) : '', text)) continue;
      deflater.add(name, encodeXml(transformPart(text, kind, steps)));
    }
    const workbookOptions = { date, rtl: opts.rtl };
    for (const [name, bytes] of parts.bin) {
      const workbook = /\.xlsx$/i.test(name);
      if (reuseOrList(name, workbook ? JSON.stringify(workbookOptions) : '', bytes)) continue;
      deflater.add(name, workbook ? await finalizeWorkbook(bytes, workbookOptions) : bytes);
    }
    const entries = await deflater.finish();
    if (keeping) {
      for (const [name, part] of kept) entries.set(name, part.out);
      for (const { name, key, input } of fresh) kept.set(name, { key, input, out: entries.get(name)! });
      memo.parts = kept;
    }
    return zipEntries(entries, date.date);
  } catch (error) {
    deflater.close();
    throw error;
  }
}
