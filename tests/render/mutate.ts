/**
 * Deliberate breakage of a built deck, for the negative tests: each function edits the XML of
 * one slide (or its chart) the way a renderer bug would, so the checks can be shown to fail.
 */
import JSZip from 'jszip';

async function edit(zip: JSZip, part: string, change: (xml: string) => string): Promise<void> {
  const file = zip.file(part);
  if (!file) throw new Error(`mutate: no ${part}`);
  const before = await file.async('string');
  const after = change(before);
  if (after === before) throw new Error(`mutate: ${part} did not change`);
  zip.file(part, after);
}

const slidePart = (n: number) => `ppt/slides/slide${n}.xml`;

/** The `p:sp` elements of a slide that are not placeholders and hold text. */
function bodyShapes(xml: string): string[] {
  return [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].map((m) => m[0]).filter((sp) => sp.includes('<p:txBody>') && !sp.includes('<p:ph'));
}

/** Every right-aligned paragraph of the slide's body text becomes left-aligned. */
export function leftAlign(zip: JSZip, slide: number): Promise<void> {
  return edit(zip, slidePart(slide), (xml) => {
    let out = xml;
    for (const sp of bodyShapes(xml)) out = out.replace(sp, sp.replaceAll('algn="r"', 'algn="l"'));
    return out;
  });
}

/** The table's columns back in reading order, left to right (what pptxgenjs does unaided). */
export function unreverseTable(zip: JSZip, slide: number): Promise<void> {
  return edit(zip, slidePart(slide), (xml) =>
    xml
      .replace(/(<a:tblGrid>)([\s\S]*?)(<\/a:tblGrid>)/, (_, open: string, cols: string, close: string) => open + (cols.match(/<a:gridCol\b[^>]*?(?:\/>|>[\s\S]*?<\/a:gridCol>)/g) ?? []).reverse().join('') + close)
      .replace(/(<a:tr\b[^>]*>)([\s\S]*?)(<\/a:tr>)/g, (_, open: string, cells: string, close: string) => open + (cells.match(/<a:tc>[\s\S]*?<\/a:tc>/g) ?? []).reverse().join('') + close),
  );
}

/** The largest body text box keeps its width but loses `keep` of its height: its text overflows. */
export function shrinkTextBox(zip: JSZip, slide: number, keep = 0.35): Promise<void> {
  return edit(zip, slidePart(slide), (xml) => {
    const sp = bodyShapes(xml).sort((a, b) => b.length - a.length)[0];
    if (!sp) return xml;
    return xml.replace(sp, sp.replace(/(<a:ext cx="\d+" cy=")(\d+)(")/, (_, a: string, cy: string, c: string) => `${a}${Math.round(Number(cy) * keep)}${c}`));
  });
}

/** The largest body text box moves `dy` inches down, past the slide's bottom edge. */
export function pushDown(zip: JSZip, slide: number, dy = 5.45): Promise<void> {
  return edit(zip, slidePart(slide), (xml) => {
    const sp = bodyShapes(xml).sort((a, b) => b.length - a.length)[0];
    if (!sp) return xml;
    return xml.replace(sp, sp.replace(/(<a:off x="\d+" y=")(\d+)(")/, (_, a: string, y: string, c: string) => `${a}${Number(y) + Math.round(dy * 914400)}${c}`));
  });
}

/** An axis of a chart back to minMax (left to right, or bottom to top). */
export function resetAxisOrientation(zip: JSZip, chartPart: string, axis: 'c:catAx' | 'c:valAx'): Promise<void> {
  return edit(zip, chartPart, (xml) =>
    xml.replace(new RegExp(`(<${axis}>[\\s\\S]*?<c:orientation val=")maxMin(")`), '$1minMax$2'),
  );
}

/** The title placeholder of a slide loses its own geometry: it must come from the layout. */
export function dropTitleGeometry(zip: JSZip, slide: number): Promise<void> {
  return edit(zip, slidePart(slide), (xml) =>
    xml.replace(/(<p:sp>(?:(?!<\/p:sp>)[\s\S])*?type="title"(?:(?!<\/p:sp>)[\s\S])*?<p:spPr>)<a:xfrm>[\s\S]*?<\/a:xfrm>/, '$1'),
  );
}

/** The text shape holding `text` moves `dy` inches down (negative: up). */
export function moveShape(zip: JSZip, slide: number, text: string, dy: number): Promise<void> {
  return edit(zip, slidePart(slide), (xml) => {
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const sp = bodyShapes(xml).find((s) => s.includes(`<a:t>${escaped}</a:t>`));
    if (!sp) return xml;
    return xml.replace(sp, sp.replace(/(<a:off x="\d+" y=")(\d+)(")/, (_, a: string, y: string, c: string) => `${a}${Number(y) + Math.round(dy * 914400)}${c}`));
  });
}
