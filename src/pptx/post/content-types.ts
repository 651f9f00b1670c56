/**
 * [Content_Types].xml: pptxgenjs declares one slideMasterN.xml Override per
 * slide although it writes only slideMaster1.xml (#1444, a PowerPoint repair
 * trigger). Rebuild the part from what it declares: Defaults as written (first
 * of each extension), Overrides only for parts that exist (first of each part),
 * sorted by part name so the output does not depend on pptxgenjs' write order.
 */
import { getAttr, startTagPattern } from './xml.js';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const NS = 'http://schemas.openxmlformats.org/package/2006/content-types';

/** The part name an Override names, as a zip entry name ('/ppt/x.xml' → 'ppt/x.xml'). */
export function overridePart(partName: string): string {
  return decodeURIComponent(partName).replace(/^\//, '');
}

/** [Content_Types].xml keeping only Overrides of parts in `parts` (zip entry names; compared ignoring case). */
export function normalizeContentTypes(xml: string, parts: Iterable<string>): string {
  const existing = new Set(Array.from(parts, (p) => p.toLowerCase()));
  const defaults = new Map<string, string>();
  for (const tag of xml.match(startTagPattern('Default')) ?? []) {
    const ext = (getAttr(tag, 'Extension') ?? '').toLowerCase();
    if (ext !== '' && !defaults.has(ext)) defaults.set(ext, tag.replace(/\s*\/?>$/, '/>'));
  }
  const overrides = new Map<string, string>();
  for (const tag of xml.match(startTagPattern('Override')) ?? []) {
    const name = getAttr(tag, 'PartName') ?? '';
    const key = overridePart(name).toLowerCase();
    if (!existing.has(key) || overrides.has(key)) continue;
    overrides.set(key, tag.replace(/\s*\/?>$/, '/>'));
  }
  const sorted = [...overrides.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, tag]) => tag);
  return `${DECLARATION}\r\n<Types xmlns="${NS}">${[...defaults.values()].join('')}${sorted.join('')}</Types>`;
}

const PML = 'application/vnd.openxmlformats-officedocument.presentationml.';
const OD = 'application/vnd.openxmlformats-officedocument.';

/** The kinds of part the post-processing stage transforms. */
export type PartKind =
  | 'presentation'
  | 'slide'
  | 'layout'
  | 'master'
  | 'notes'
  | 'notesMaster'
  | 'handoutMaster'
  | 'chart'
  | 'theme'
  | 'core'
  | 'app';

const KINDS: Record<string, PartKind> = {
  [`${PML}presentation.main+xml`]: 'presentation',
  [`${PML}slideshow.main+xml`]: 'presentation',
  [`${PML}template.main+xml`]: 'presentation',
  [`${PML}slide+xml`]: 'slide',
  [`${PML}slideLayout+xml`]: 'layout',
  [`${PML}slideMaster+xml`]: 'master',
  [`${PML}notesSlide+xml`]: 'notes',
  [`${PML}notesMaster+xml`]: 'notesMaster',
  [`${PML}handoutMaster+xml`]: 'handoutMaster',
  [`${OD}drawingml.chart+xml`]: 'chart',
  [`${OD}theme+xml`]: 'theme',
  'application/vnd.openxmlformats-package.core-properties+xml': 'core',
  [`${OD}extended-properties+xml`]: 'app',
};

/** Part name → kind, from the Overrides of [Content_Types].xml (parts of other types are left out). */
export function partKinds(xml: string): Map<string, PartKind> {
  const kinds = new Map<string, PartKind>();
  for (const tag of xml.match(startTagPattern('Override')) ?? []) {
    const kind = KINDS[getAttr(tag, 'ContentType') ?? ''];
    if (kind) kinds.set(overridePart(getAttr(tag, 'PartName') ?? ''), kind);
  }
  return kinds;
}
