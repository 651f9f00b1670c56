/**
 * What each slide of a .pptx asks to be drawn, read from its XML: the text shapes (with the
 * layout's shapes: footer, title placeholder geometry), the tables and the charts, in PDF points
 * (1 pt = 12700 EMU) from the top-left corner of the slide. Regex-based: it reads what
 * pptxgenjs writes (no group shapes, no rotation).
 */
import path from 'node:path';
import JSZip from 'jszip';
import { decodeEntities } from './bbox.js';

export const EMU_PER_PT = 12700;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Insets {
  l: number;
  t: number;
  r: number;
  b: number;
}

export type Align = 'l' | 'r' | 'ctr' | 'just' | 'dist';

export interface Paragraph {
  text: string;
  align: Align;
  rtl: boolean;
  /** Indent at the paragraph's start edge (the right for rtl), in pt, and the first-line indent. */
  marL: number;
  indent: number;
}

/** A rectangle that holds text: a text shape, or one table cell. */
export interface TextBox {
  kind: 'shape' | 'cell';
  slide: number;
  /** Where it comes from, for messages: "Text 3", "layout: Text 5", "table cell r2c1". */
  name: string;
  /** Placeholder type (title, sldNum…) when it is one. */
  placeholder?: string;
  box: Box;
  insets: Insets;
  paragraphs: Paragraph[];
  text: string;
  /** For cells: the row height is decided by the renderer, so only x is known for sure. */
  heightKnown: boolean;
}

export interface TableCell extends TextBox {
  kind: 'cell';
  row: number;
  /** Column in drawing order (0 = leftmost). */
  col: number;
}

export interface TableFrame {
  slide: number;
  name: string;
  box: Box;
  /** Left edges and widths of the grid columns, left to right. */
  columns: { x: number; w: number }[];
  cells: TableCell[];
}

export interface ChartFrame {
  slide: number;
  name: string;
  box: Box;
  part: string;
  /** c:barChart, c:lineChart, c:pieChart… without the prefix. */
  type: string;
  barDir?: 'bar' | 'col';
  catOrientation?: string;
  valOrientation?: string;
  categories: string[];
  /** The first series' values, in category order. */
  values: number[];
  /** How many series the chart has. */
  series: number;
  /** false when the value axis is deleted (c:delete val="1"): labelled bars have no scale. */
  valueAxis: boolean;
  /** Other text the chart may draw: series names (legend) and the title. */
  labels: string[];
}

export interface SlideGeometry {
  number: number;
  layout: string;
  shapes: TextBox[];
  tables: TableFrame[];
  charts: ChartFrame[];
}

// ---- small XML helpers -------------------------------------------------------------------

export function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeEntities(m[1]!) : undefined;
}

function numAttr(tag: string, name: string, fallback: number): number {
  const v = attr(tag, name);
  return v === undefined || v === '' ? fallback : Number(v);
}

/** Every element `<name …>…</name>` (not self-closing), outermost only; `name` must not nest in itself. */
function elements(xml: string, name: string): { open: string; body: string; whole: string }[] {
  const re = new RegExp(`(<${name}(?:\\s[^>]*)?>)([\\s\\S]*?)</${name}>`, 'g');
  return [...xml.matchAll(re)].map((m) => ({ open: m[1]!, body: m[2]!, whole: m[0] }));
}

/** The first start (or empty) tag `<name …>` / `<name …/>`. */
function firstTag(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}(?:\\s[^>]*)?/?>`).exec(xml)?.[0];
}

const pt = (emu: number) => emu / EMU_PER_PT;

function xfrmBox(xml: string): Box | undefined {
  const off = firstTag(xml, 'a:off');
  const ext = firstTag(xml, 'a:ext(?=\\s+c[xy]=)');
  if (!off || !ext) return undefined;
  return { x: pt(numAttr(off, 'x', 0)), y: pt(numAttr(off, 'y', 0)), w: pt(numAttr(ext, 'cx', 0)), h: pt(numAttr(ext, 'cy', 0)) };
}

function insets(bodyPr: string | undefined, fallback: Insets): Insets {
  if (!bodyPr) return fallback;
  return {
    l: pt(numAttr(bodyPr, 'lIns', fallback.l * EMU_PER_PT)),
    t: pt(numAttr(bodyPr, 'tIns', fallback.t * EMU_PER_PT)),
    r: pt(numAttr(bodyPr, 'rIns', fallback.r * EMU_PER_PT)),
    b: pt(numAttr(bodyPr, 'bIns', fallback.b * EMU_PER_PT)),
  };
}

/** PowerPoint's default text box insets: 0.1 in left/right, 0.05 in top/bottom. */
const DEFAULT_INSETS: Insets = { l: 7.2, t: 3.6, r: 7.2, b: 3.6 };

interface ParagraphDefaults {
  align?: Align;
  rtl?: boolean;
}

/** lvl1pPr of a list style: the defaults for the paragraphs of a shape. */
function listDefaults(txBody: string): ParagraphDefaults {
  const lvl = firstTag(elements(txBody, 'a:lstStyle')[0]?.body ?? '', 'a:lvl1pPr');
  if (!lvl) return {};
  const algn = attr(lvl, 'algn') as Align | undefined;
  const rtl = attr(lvl, 'rtl');
  return { ...(algn ? { align: algn } : {}), ...(rtl ? { rtl: rtl === '1' } : {}) };
}

function paragraphs(txBody: string, slideNumber: number, inherited: ParagraphDefaults): Paragraph[] {
  const own = listDefaults(txBody);
  return elements(txBody, 'a:p').map(({ body }) => {
    const pPr = firstTag(body, 'a:pPr') ?? '';
    // Runs, line breaks and fields in document order; a slide-number field shows the number.
    const parts = [...body.matchAll(/<a:br\b[^>]*\/>|<a:fld\b([^>]*)>[\s\S]*?<\/a:fld>|<a:t>([\s\S]*?)<\/a:t>/g)].map((m) => {
      if (m[0].startsWith('<a:br')) return '\n';
      if (m[0].startsWith('<a:fld')) {
        const type = attr(m[1] ?? '', 'type');
        if (type === 'slidenum') return String(slideNumber);
        return decodeEntities(/<a:t>([\s\S]*?)<\/a:t>/.exec(m[0])?.[1] ?? '');
      }
      return decodeEntities(m[2] ?? '');
    });
    const algn = (attr(pPr, 'algn') as Align | undefined) ?? own.align ?? inherited.align ?? 'l';
    const rtl = attr(pPr, 'rtl');
    return {
      text: parts.join(''),
      align: algn,
      rtl: rtl !== undefined ? rtl === '1' : (own.rtl ?? inherited.rtl ?? false),
      marL: pt(numAttr(pPr, 'marL', 0)),
      indent: pt(numAttr(pPr, 'indent', 0)),
    };
  });
}

function placeholderOf(sp: string): { type?: string; idx?: string } | undefined {
  const ph = firstTag(sp, 'p:ph');
  if (!ph) return undefined;
  return { type: attr(ph, 'type') ?? 'body', idx: attr(ph, 'idx') };
}

interface LayoutInfo {
  part: string;
  placeholders: { type?: string; idx?: string; box?: Box; defaults: ParagraphDefaults; insets: Insets }[];
  /** Non-placeholder text shapes, drawn on every slide using the layout. */
  sp: string[];
}

async function readText(zip: JSZip, part: string): Promise<string> {
  const file = zip.file(part);
  if (!file) throw new Error(`the package has no ${part}`);
  return file.async('string');
}

/** Targets of a part's relationships, resolved to package paths, by type suffix. */
async function relTargets(zip: JSZip, part: string): Promise<Map<string, { type: string; target: string }>> {
  const relsPart = path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);
  const out = new Map<string, { type: string; target: string }>();
  const file = zip.file(relsPart);
  if (!file) return out;
  const xml = await file.async('string');
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    const type = attr(m[0], 'Type') ?? '';
    if (!id || !target || attr(m[0], 'TargetMode') === 'External') continue;
    const resolved = target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(part), target));
    out.set(id, { type: type.slice(type.lastIndexOf('/') + 1), target: resolved });
  }
  return out;
}

async function readLayout(zip: JSZip, part: string): Promise<LayoutInfo> {
  const xml = await readText(zip, part);
  const info: LayoutInfo = { part, placeholders: [], sp: [] };
  for (const { whole } of elements(xml, 'p:sp')) {
    const ph = placeholderOf(whole);
    const txBody = elements(whole, 'p:txBody')[0]?.body ?? '';
    if (ph) {
      info.placeholders.push({ ...ph, box: xfrmBox(elements(whole, 'p:spPr')[0]?.body ?? ''), defaults: listDefaults(txBody), insets: insets(firstTag(txBody, 'a:bodyPr'), DEFAULT_INSETS) });
    } else if (txBody) {
      info.sp.push(whole);
    }
  }
  return info;
}

function textShape(sp: string, slide: number, name: string, layout: LayoutInfo | undefined): TextBox | undefined {
  const txBody = elements(sp, 'p:txBody')[0]?.body;
  if (txBody === undefined) return undefined;
  const ph = placeholderOf(sp);
  const fromLayout = ph && layout?.placeholders.find((p) => (ph.idx && p.idx === ph.idx && p.type === ph.type) || p.type === ph.type);
  const box = xfrmBox(elements(sp, 'p:spPr')[0]?.body ?? '') ?? fromLayout?.box;
  if (!box) throw new Error(`slide ${slide}: ${name} has no geometry, on the slide or in ${layout?.part ?? 'its layout'}`);
  const paras = paragraphs(txBody, slide, fromLayout?.defaults ?? {});
  const text = paras.map((p) => p.text).join('\n');
  if (!text.trim()) return undefined;
  return {
    kind: 'shape',
    slide,
    name,
    ...(ph?.type ? { placeholder: ph.type } : {}),
    box,
    insets: insets(firstTag(txBody, 'a:bodyPr'), fromLayout?.insets ?? DEFAULT_INSETS),
    paragraphs: paras,
    text,
    heightKnown: true,
  };
}

function shapeName(sp: string): string {
  return attr(firstTag(sp, 'p:cNvPr') ?? '', 'name') ?? 'shape';
}

function table(frame: string, slide: number): TableFrame | undefined {
  const tbl = elements(frame, 'a:tbl')[0]?.body;
  if (tbl === undefined) return undefined;
  const box = xfrmBox(elements(frame, 'p:xfrm')[0]?.body ?? '');
  if (!box) throw new Error(`slide ${slide}: a table without p:xfrm`);
  const columns: { x: number; w: number }[] = [];
  let x = box.x;
  for (const m of tbl.matchAll(/<a:gridCol\b[^>]*>/g)) {
    const w = pt(numAttr(m[0], 'w', 0));
    columns.push({ x, w });
    x += w;
  }
  const name = shapeName(frame);
  const cells: TableCell[] = [];
  elements(tbl, 'a:tr').forEach(({ body: tr }, row) => {
    let col = 0;
    // a:tc may be self-closing only in odd writers; pptxgenjs always writes a body.
    for (const { open, body } of elements(tr, 'a:tc')) {
      const span = numAttr(open, 'gridSpan', 1);
      if (attr(open, 'hMerge') === '1' || attr(open, 'vMerge') === '1') {
        col += 1;
        continue;
      }
      const first = columns[col];
      const last = columns[Math.min(col + span, columns.length) - 1];
      if (!first || !last) throw new Error(`slide ${slide}: ${name} row ${row + 1} has more cells than grid columns`);
      const tcPr = firstTag(body, 'a:tcPr') ?? '';
      const paras = paragraphs(elements(body, 'a:txBody')[0]?.body ?? '', slide, {});
      const text = paras.map((p) => p.text).join('\n');
      cells.push({
        kind: 'cell',
        slide,
        name: `${name} cell r${row + 1}c${col + 1}`,
        box: { x: first.x, y: box.y, w: last.x + last.w - first.x, h: box.h },
        insets: { l: pt(numAttr(tcPr, 'marL', 91440)), r: pt(numAttr(tcPr, 'marR', 91440)), t: pt(numAttr(tcPr, 'marT', 45720)), b: pt(numAttr(tcPr, 'marB', 45720)) },
        paragraphs: paras,
        text,
        heightKnown: false,
        row,
        col,
      });
      col += span;
    }
  });
  return { slide, name, box, columns, cells };
}

async function chart(zip: JSZip, frame: string, slide: number, rels: Map<string, { type: string; target: string }>): Promise<ChartFrame | undefined> {
  const ref = firstTag(frame, 'c:chart');
  if (!ref) return undefined;
  const rid = attr(ref, 'r:id');
  const part = rid ? rels.get(rid)?.target : undefined;
  if (!part) throw new Error(`slide ${slide}: chart relationship ${rid} not found`);
  const box = xfrmBox(elements(frame, 'p:xfrm')[0]?.body ?? '');
  if (!box) throw new Error(`slide ${slide}: a chart without p:xfrm`);
  const xml = await readText(zip, part);
  const plot = elements(xml, 'c:plotArea')[0]?.body ?? xml;
  const type = /<c:(\w+Chart)>/.exec(plot)?.[1] ?? 'unknown';
  const barDir = attr(firstTag(plot, 'c:barDir') ?? '', 'val') as 'bar' | 'col' | undefined;
  const orientation = (axis: string) => attr(firstTag(elements(plot, axis)[0]?.body ?? '', 'c:orientation') ?? '', 'val');
  // The categories of the first series: c:cat holds a strRef/numRef/multiLvlStrRef cache.
  const cat = elements(elements(plot, 'c:ser')[0]?.body ?? '', 'c:cat')[0]?.body ?? '';
  const categories = [...cat.matchAll(/<c:pt\b[^>]*>\s*<c:v>([\s\S]*?)<\/c:v>/g)].map((m) => decodeEntities(m[1]!));
  const val = elements(elements(plot, 'c:ser')[0]?.body ?? '', 'c:val')[0]?.body ?? '';
  const values = [...val.matchAll(/<c:pt\b[^>]*>\s*<c:v>([\s\S]*?)<\/c:v>/g)].map((m) => Number(m[1]));
  const valAx = elements(plot, 'c:valAx')[0]?.body;
  const valueAxis = valAx !== undefined && attr(firstTag(valAx, 'c:delete') ?? '', 'val') !== '1';
  const seriesNames = elements(plot, 'c:ser').map(({ body }) => /<c:tx>[\s\S]*?<c:v>([\s\S]*?)<\/c:v>/.exec(body)?.[1]);
  const titles = elements(xml, 'c:title').flatMap(({ body }) => [...body.matchAll(/<a:t>([\s\S]*?)<\/a:t>/g)].map((m) => m[1]));
  const labels = [...seriesNames, ...titles].filter((t): t is string => Boolean(t)).map(decodeEntities);
  return {
    slide,
    name: shapeName(frame),
    box,
    part,
    type,
    ...(barDir ? { barDir } : {}),
    ...(orientation('c:catAx') ? { catOrientation: orientation('c:catAx') } : {}),
    ...(orientation('c:valAx') ? { valOrientation: orientation('c:valAx') } : {}),
    categories,
    values,
    series: elements(plot, 'c:ser').length,
    valueAxis,
    labels,
  };
}

/** Slide parts in presentation order. */
async function slideParts(zip: JSZip): Promise<string[]> {
  const pres = await readText(zip, 'ppt/presentation.xml');
  const rels = await relTargets(zip, 'ppt/presentation.xml');
  return [...pres.matchAll(/<p:sldId\b[^>]*>/g)].map((m) => {
    const id = attr(m[0], 'r:id');
    const target = id ? rels.get(id)?.target : undefined;
    if (!target) throw new Error(`presentation.xml: slide ${id} has no relationship`);
    return target;
  });
}

export async function readDeckGeometry(bytes: Uint8Array): Promise<SlideGeometry[]> {
  const zip = await JSZip.loadAsync(bytes);
  const layouts = new Map<string, LayoutInfo>();
  const slides: SlideGeometry[] = [];
  const parts = await slideParts(zip);
  for (const [i, part] of parts.entries()) {
    const number = i + 1;
    const rels = await relTargets(zip, part);
    const layoutPart = [...rels.values()].find((r) => r.type === 'slideLayout')?.target;
    let layout: LayoutInfo | undefined;
    if (layoutPart) {
      layout = layouts.get(layoutPart) ?? (await readLayout(zip, layoutPart));
      layouts.set(layoutPart, layout);
    }
    const xml = await readText(zip, part);
    const shapes: TextBox[] = [];
    for (const sp of layout?.sp ?? []) {
      const shape = textShape(sp, number, `layout: ${shapeName(sp)}`, undefined);
      if (shape) shapes.push(shape);
    }
    for (const { whole } of elements(xml, 'p:sp')) {
      const shape = textShape(whole, number, shapeName(whole), layout);
      if (shape) shapes.push(shape);
    }
    const tables: TableFrame[] = [];
    const charts: ChartFrame[] = [];
    for (const { whole } of elements(xml, 'p:graphicFrame')) {
      const t = table(whole, number);
      if (t) tables.push(t);
      const c = await chart(zip, whole, number, rels);
      if (c) charts.push(c);
    }
    slides.push({ number, layout: layoutPart ?? '', shapes, tables, charts });
  }
  return slides;
}
