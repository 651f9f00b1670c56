/**
 * Chart part numbering. pptxgenjs names chart parts from a module-global
 * counter (`chartN.xml`, `Microsoft_Excel_WorksheetN.xlsx`), so the names
 * depend on how many charts the process built before, and on creation order.
 * Renumber them in reading order: slides in presentation order, charts in the
 * order a slide references them; charts not on any slide (layouts, masters,
 * orphans) follow in their old order. Each chart's embedded workbooks are
 * numbered in the order of the charts that use them. Every reference moves
 * with the parts: relationship targets, the parts' own .rels, [Content_Types].xml.
 */
import { overridePart } from './content-types.js';
import type { PartMap } from './types.js';
import { relationships, relsPartOf, resolveTarget, retarget, targetsById } from './rels.js';
import { getAttr, mapStartTags, setAttr, startTagPattern } from './xml.js';

const CHART = /^ppt\/charts\/chart(\d+)\.xml$/;
const NUMBERED = /^(.*\/)?([^/]*?)(\d+)(\.[^./]+)$/;
const OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';

const NUMBER = /(\d+)\.[^./]+$/;

/** 'ppt/embeddings/Microsoft_Excel_Worksheet7.xlsx' → 'ppt/embeddings/Microsoft_Excel_Worksheet|.xlsx'. */
function familyOf(part: string): string | undefined {
  const m = NUMBERED.exec(part);
  return m ? `${m[1] ?? ''}${m[2]}|${m[4]}` : undefined;
}

function byNumber(pattern: RegExp) {
  return (a: string, b: string) => Number(pattern.exec(a)?.[1] ?? 0) - Number(pattern.exec(b)?.[1] ?? 0);
}

/** The slide parts in presentation order. */
export function slidesInOrder(parts: PartMap): string[] {
  const main = relationships(parts.xml.get('_rels/.rels') ?? '').find((r) => r.type === OFFICE_DOCUMENT);
  if (!main) return [];
  const presentation = resolveTarget('', main.target);
  const xml = parts.xml.get(presentation) ?? '';
  const targets = targetsById(presentation, parts.xml.get(relsPartOf(presentation)));
  return (xml.match(startTagPattern('p:sldId')) ?? [])
    .map((tag) => targets.get(getAttr(tag, 'r:id') ?? ''))
    .filter((t): t is string => t !== undefined);
}

/** The chart parts a part references through c:chart, in document order. */
export function chartsOf(parts: PartMap, source: string): string[] {
  const targets = targetsById(source, parts.xml.get(relsPartOf(source)));
  return (parts.xml.get(source)?.match(startTagPattern('c:chart')) ?? [])
    .map((tag) => targets.get(getAttr(tag, 'r:id') ?? ''))
    .filter((t): t is string => t !== undefined);
}

/** Old part name → new part name, for charts and their embedded packages (identity entries omitted). */
export function chartRenames(parts: PartMap): Map<string, string> {
  const charts = [...parts.xml.keys()].filter((n) => CHART.test(n));
  if (charts.length === 0) return new Map(); // nothing to renumber (and no slide to read for it)
  const ordered: string[] = [];
  for (const slide of slidesInOrder(parts)) {
    for (const chart of chartsOf(parts, slide)) if (CHART.test(chart) && !ordered.includes(chart)) ordered.push(chart);
  }
  ordered.push(...charts.filter((c) => !ordered.includes(c)).sort(byNumber(CHART)));

  const renames = new Map<string, string>();
  ordered.forEach((chart, i) => renames.set(chart, `ppt/charts/chart${i + 1}.xml`));

  const counters = new Map<string, number>();
  const embedded: string[] = [];
  for (const chart of ordered) {
    for (const target of targetsById(chart, parts.xml.get(relsPartOf(chart))).values()) {
      if (target.startsWith('ppt/embeddings/') && parts.bin.has(target) && !embedded.includes(target)) embedded.push(target);
    }
  }
  // Unreferenced workbooks of the same families follow, so no new name can collide with an old one.
  const families = new Set(embedded.map((p) => familyOf(p)));
  embedded.push(
    ...[...parts.bin.keys()]
      .filter((p) => p.startsWith('ppt/embeddings/') && !embedded.includes(p) && families.has(familyOf(p)))
      .sort(byNumber(NUMBER)),
  );
  for (const part of embedded) {
    const m = NUMBERED.exec(part);
    if (!m) continue;
    const key = familyOf(part) as string;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    renames.set(part, `${m[1] ?? ''}${m[2]}${n}${m[4]}`);
  }
  for (const [from, to] of renames) if (from === to) renames.delete(from);
  return renames;
}

function renameKeys<T>(map: Map<string, T>, renames: ReadonlyMap<string, string>): Map<string, T> {
  const next = new Map<string, T>();
  for (const [name, value] of map) next.set(renames.get(name) ?? name, value);
  return next;
}

/** A package with `renames` applied to part names, .rels part names, relationship targets and content types. */
export function applyRenames(parts: PartMap, renames: ReadonlyMap<string, string>): PartMap {
  if (renames.size === 0) return parts;
  const all = new Map(renames);
  for (const [from, to] of renames) all.set(relsPartOf(from), relsPartOf(to));
  // A .rels part can target a renamed part only if it holds its file name, or percent-encodes a
  // target (resolveTarget decodes it): the others, most of a deck's (every slide's and notes
  // page's), are kept as they are without reading their targets.
  const fileNames = [...renames.keys()].map((name) => name.slice(name.lastIndexOf('/') + 1));
  const mayTarget = (rels: string) => rels.includes('%') || fileNames.some((file) => rels.includes(file));
  const xml = new Map<string, string>();
  for (const [name, text] of parts.xml) {
    let next = text;
    if (name.endsWith('.rels') && mayTarget(text)) next = retarget(text, relsSource(name), renames);
    if (name === '[Content_Types].xml') next = renameOverrides(text, renames);
    xml.set(all.get(name) ?? name, next);
  }
  return { xml, bin: renameKeys(parts.bin, all) };
}

/** The part a .rels part belongs to: 'ppt/slides/_rels/slide1.xml.rels' → 'ppt/slides/slide1.xml'. */
export function relsSource(relsPart: string): string {
  return relsPart.replace(/(^|\/)_rels\/([^/]*)\.rels$/, '$1$2');
}

/** [Content_Types].xml with Override part names renamed. */
export function renameOverrides(xml: string, renames: ReadonlyMap<string, string>): string {
  return mapStartTags(xml, 'Override', (tag) => {
    const renamed = renames.get(overridePart(getAttr(tag, 'PartName') ?? ''));
    return renamed === undefined ? tag : setAttr(tag, 'PartName', `/${renamed}`);
  });
}

/** Charts and their workbooks numbered in reading order (see the module comment). */
export function renumberCharts(parts: PartMap): PartMap {
  return applyRenames(parts, chartRenames(parts));
}
