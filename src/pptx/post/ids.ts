/**
 * Identifiers inside parts.
 *
 * - Shape ids (p:cNvPr/@id) must be unique within a slide, layout, master or
 *   notes part; pptxgenjs numbers tables apart from the other shapes (#1532)
 *   and gives every slide number the fixed id 25. The first use of an id keeps
 *   it; each later duplicate gets the next id above the part's largest.
 * - Section ids (p14:section/@id) are random GUIDs in pptxgenjs; derive them
 *   from the section's position instead.
 */
import { getAttr, mapStartTags, setAttr, startTagPattern } from './xml.js';

/** A part with unique p:cNvPr ids (first occurrence kept, duplicates renumbered above the maximum). */
export function dedupeShapeIds(xml: string): string {
  const tags = xml.match(startTagPattern('p:cNvPr')) ?? [];
  const written = tags.map((t) => getAttr(t, 'id'));
  if (new Set(written).size === written.length) return xml; // no id twice (the usual part)
  const ids = written.map(Number).filter((n) => Number.isInteger(n));
  let next = Math.max(0, ...ids) + 1;
  const seen = new Set<string>();
  return mapStartTags(xml, 'p:cNvPr', (tag) => {
    const id = getAttr(tag, 'id');
    if (id === undefined) return tag;
    if (!seen.has(id)) {
      seen.add(id);
      return tag;
    }
    const fresh = String(next++);
    seen.add(fresh);
    return setAttr(tag, 'id', fresh);
  });
}

/** The GUID of the section at `index` (0-based): stable, and unique within a presentation. */
export function sectionGuid(index: number): string {
  const tail = (index + 1).toString(16).toUpperCase().padStart(12, '0');
  return `{5EC710AA-0000-4000-8000-${tail}}`;
}

/** presentation.xml with every p14:section id replaced by `sectionGuid(position)`. */
export function stableSectionIds(xml: string): string {
  let index = 0;
  return mapStartTags(xml, 'p14:section', (tag) => setAttr(tag, 'id', sectionGuid(index++)));
}
