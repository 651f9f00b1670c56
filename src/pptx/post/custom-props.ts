/**
 * docProps/custom.xml: named text properties of the package, e.g. the build manifest that
 * `mujaz diff` reads back. pptxgenjs writes no custom properties, so the part, its package
 * relationship and its content type are added here.
 */
import type { PartMap } from './types.js';
import { escapeAttr, escapeText } from './xml.js';

const PART = 'docProps/custom.xml';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
const CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
/** The format id Office uses for user-defined properties. */
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

export function customPropertiesXml(props: Readonly<Record<string, string>>): string {
  const items = Object.entries(props)
    .map(([name, value], i) => `<property fmtid="${FMTID}" pid="${i + 2}" name="${escapeAttr(name)}"><vt:lpwstr>${escapeText(value)}</vt:lpwstr></property>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${items}</Properties>`;
}

export function addCustomProperties(parts: PartMap, props: Readonly<Record<string, string>> | undefined): PartMap {
  if (!props || Object.keys(props).length === 0) return parts;
  const xml = new Map(parts.xml);
  xml.set(PART, customPropertiesXml(props));
  const rels = xml.get('_rels/.rels');
  if (rels !== undefined && !rels.includes(REL_TYPE)) {
    xml.set('_rels/.rels', rels.replace('</Relationships>', `<Relationship Id="rIdMujazCustom" Type="${REL_TYPE}" Target="${PART}"/></Relationships>`));
  }
  const types = xml.get('[Content_Types].xml');
  if (types !== undefined && !types.includes(`PartName="/${PART}"`)) {
    xml.set('[Content_Types].xml', types.replace('</Types>', `<Override PartName="/${PART}" ContentType="${CONTENT_TYPE}"/></Types>`));
  }
  return { xml, bin: parts.bin };
}

/** Reads the custom properties of a package's docProps/custom.xml (text values only). */
export function readCustomProperties(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of xml.matchAll(/<property\b[^>]*\bname="([^"]*)"[^>]*>\s*<vt:lpwstr>([\s\S]*?)<\/vt:lpwstr>/g)) {
    out[unescape(m[1]!)] = unescape(m[2]!);
  }
  return out;
}

function unescape(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}
