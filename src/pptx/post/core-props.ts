/**
 * docProps/core.xml (of the deck and of each embedded workbook): pptxgenjs
 * writes the wall-clock time as dcterms:created/modified (the workbooks with
 * milliseconds). Write the fixed date instead, and the title when given.
 */
import { escapeText } from './xml.js';

const CLOSE = '</cp:coreProperties>';

function setProperty(xml: string, name: string, open: string, value: string): string {
  const pattern = new RegExp(`<${name}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`);
  const element = `${open}${value}</${name}>`;
  if (pattern.test(xml)) return xml.replace(pattern, () => element);
  const at = xml.lastIndexOf(CLOSE);
  return at === -1 ? xml : `${xml.slice(0, at)}${element}${xml.slice(at)}`;
}

const NAMESPACES: Record<string, string> = {
  dcterms: 'http://purl.org/dc/terms/',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

/** The root start tag declares the dcterms and xsi prefixes the date elements use. */
function declareDateNamespaces(xml: string): string {
  return xml.replace(/<cp:coreProperties(?=[\s>])[^>]*>/, (tag) =>
    Object.entries(NAMESPACES).reduce(
      (acc, [prefix, uri]) => (acc.includes(`xmlns:${prefix}=`) ? acc : acc.replace(/>$/, ` xmlns:${prefix}="${uri}">`)),
      tag,
    ),
  );
}

/** dcterms:created and dcterms:modified set to `w3c` (a W3CDTF date-time). */
export function setCoreDates(xml: string, w3c: string): string {
  const withCreated = setProperty(declareDateNamespaces(xml), 'dcterms:created', '<dcterms:created xsi:type="dcterms:W3CDTF">', w3c);
  return setProperty(withCreated, 'dcterms:modified', '<dcterms:modified xsi:type="dcterms:W3CDTF">', w3c);
}

/** dc:title set to `title` (escaped here). */
export function setCoreTitle(xml: string, title: string): string {
  return setProperty(xml, 'dc:title', '<dc:title>', escapeText(title));
}

/** The zip's own epoch: what a part's dates are set to before it is compared with the last build's. */
export const EPOCH_W3C = '1980-01-01T00:00:00.000Z';
