/**
 * Decorative shapes: the cards, bars and rules mujaz draws on a slide carry no text and say
 * nothing a reader needs. Unmarked, PowerPoint's accessibility checker reports each as missing
 * its alternative text, and a screen reader stops on it. Each is marked decorative (Office 2019
 * and later: the "Mark as decorative" box of its alt text), which older versions ignore.
 */
import { mapElements } from './xml.js';

const DECORATIVE =
  '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst>';

/** A shape's non-visual properties, empty (`<p:cNvPr …></p:cNvPr>`) or self-closed. */
const EMPTY_CNVPR = /^([\s\S]*?<p:cNvPr\b[^>]*?)(?:\/>|>\s*<\/p:cNvPr>)/;

/** Every shape of a slide with no text, no alternative text and no placeholder role marked decorative. */
export function markDecorativeShapes(xml: string): string {
  return mapElements(xml, 'p:sp', (shape) => {
    if (shape.includes('<a:t>') || shape.includes('<a:t ') || shape.includes('<p:ph')) return shape;
    return shape.replace(EMPTY_CNVPR, (whole, start: string) => (/\sdescr=/.test(start) ? whole : `${start}>${DECORATIVE}</p:cNvPr>`));
  });
}
