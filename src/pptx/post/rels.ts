/** Relationship parts (.rels): reading relationships and resolving their targets to part names. */
import { getAttr, mapStartTags, setAttr, startTagPattern } from './xml.js';

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** The relationships of a .rels part, in document order. */
export function relationships(xml: string): Relationship[] {
  return (xml.match(startTagPattern('Relationship')) ?? []).map((tag) => ({
    id: getAttr(tag, 'Id') ?? '',
    type: getAttr(tag, 'Type') ?? '',
    target: getAttr(tag, 'Target') ?? '',
    external: getAttr(tag, 'TargetMode') === 'External',
  }));
}

/** 'ppt/slides/slide1.xml' → 'ppt/slides/_rels/slide1.xml.rels'; '' (the package) → '_rels/.rels'. */
export function relsPartOf(source: string): string {
  const slash = source.lastIndexOf('/');
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

/** The part name a target resolves to, relative to the source part ('' for the package). */
export function resolveTarget(source: string, target: string): string {
  const raw = target.split('#')[0] ?? '';
  let path = raw;
  try {
    path = decodeURIComponent(raw);
  } catch {
    // not percent-encoded: use as written
  }
  const base = path.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') base.pop();
    else base.push(segment);
  }
  return base.join('/');
}

/** The relationship ids of a part mapped to the part names they target (internal targets only). */
export function targetsById(source: string, relsXml: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const rel of relationships(relsXml ?? '')) {
    if (!rel.external) map.set(rel.id, resolveTarget(source, rel.target));
  }
  return map;
}

/**
 * A .rels part (of `source`) whose internal targets that resolve to a renamed
 * part now name the new part (only the last path segment changes: renames stay
 * within a folder).
 */
export function retarget(relsXml: string, source: string, renames: ReadonlyMap<string, string>): string {
  return mapStartTags(relsXml, 'Relationship', (tag) => {
    if (getAttr(tag, 'TargetMode') === 'External') return tag;
    const target = getAttr(tag, 'Target') ?? '';
    const renamed = renames.get(resolveTarget(source, target));
    if (renamed === undefined) return tag;
    const base = renamed.slice(renamed.lastIndexOf('/') + 1);
    return setAttr(tag, 'Target', target.replace(/[^/]*$/, () => base));
  });
}
